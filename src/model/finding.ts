/** A finding: one discrepancy, located and explained. */
import { z } from 'zod';
import { SourceRefSchema } from './values.js';

export const CategorySchema = z.enum([
  'sum_mismatch',
  'percentage_mismatch',
  'capaian_mismatch',
  'average_mismatch',
  'predicate_mismatch',
  'target_drift',
  'cross_table_mismatch',
  'count_claim_mismatch',
  'narrative_number_mismatch',
  'trend_claim_mismatch',
  'terbilang_mismatch',
  'year_or_date_mismatch',
  'name_or_id_mismatch',
  'reference_mismatch',
  'missing_value',
  'unreadable_value',
  'structure_missing',
]);
export type Category = z.infer<typeof CategorySchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const BaselineStateSchema = z.enum(['new', 'unchanged', 'updated', 'absent']);
export type BaselineState = z.infer<typeof BaselineStateSchema>;

/** A text in both languages of the tool (Indonesian first). */
export const TextSchema = z.object({ id: z.string(), en: z.string() });
export type Text = z.infer<typeof TextSchema>;

export const QuantityUnitSchema = z.enum(['percent', 'rupiah', 'number', 'year']);
export type QuantityUnit = z.infer<typeof QuantityUnitSchema>;

/**
 * A number a finding is about, as data: the reporters write it in the chosen language (Indonesian
 * `1.234,56`, English `1,234.56`). Money is never a float: its value is the exact decimal string
 * (`"2656062192"`, `"-1000000"`, `"12.50"`); other numbers may be plain numbers.
 */
export const QuantitySchema = z.object({
  value: z.union([z.number(), z.string().regex(/^-?\d+(?:\.\d+)?$/)]),
  unit: QuantityUnitSchema,
  /** Decimals to show (the printed precision, or two more for a recomputed percentage). */
  decimals: z.number().int().min(0),
  /** The unit word printed after the number ("Orang", "Paket"), shown after it. */
  label: z.string().optional(),
}).refine((q) => q.unit !== 'rupiah' || typeof q.value === 'string', { message: 'money is an exact decimal string, never a float' });
export type Quantity = z.infer<typeof QuantitySchema>;

/**
 * What the recomputation or the other source says: a number (recomputed or read elsewhere), a
 * value as another place printed it, or a text (a name, a predicate, a list) in both languages;
 * `note` says where it comes from or how it was made.
 */
export const ExpectedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quantity'), quantity: QuantitySchema, note: TextSchema.optional() }),
  z.object({ kind: z.literal('printed'), raw: z.string(), quantity: QuantitySchema.optional(), note: TextSchema.optional() }),
  z.object({ kind: z.literal('text'), text: TextSchema }),
  z.object({ kind: z.literal('none') }),
]);
export type Expected = z.infer<typeof ExpectedSchema>;

/**
 * How the values were compared, as data: at the printed precision (`decimals`), exactly in whole
 * rupiah, or a rule's own criterion in words (both languages).
 */
export const ToleranceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('printed-precision'), decimals: z.number().int().min(0), note: TextSchema.optional() }),
  z.object({ kind: z.literal('exact-rupiah') }),
  z.object({ kind: z.literal('text'), text: TextSchema }),
  z.object({ kind: z.literal('none') }),
]);
export type Tolerance = z.infer<typeof ToleranceSchema>;

/** A value quoted as printed, with its number: Indonesian shows `raw`, English the number in English marks. */
export const PrintedDataSchema = z.object({ raw: z.string(), quantity: QuantitySchema });

/** A message placeholder's value: text as printed, a count, a quantity, or a printed value with its number. */
export const DataValueSchema = z.union([z.string(), z.number(), QuantitySchema, PrintedDataSchema]);
export type DataValue = z.infer<typeof DataValueSchema>;

export const FindingSchema = z.object({
  ruleId: z.string(),
  category: CategorySchema,
  severity: SeveritySchema,
  /** The rule's message template (`meta.messages` key of rule `ruleId`). */
  messageId: z.string(),
  /** The template's placeholders: printed text, counts and quantities. */
  data: z.record(z.string(), DataValueSchema).default({}),
  /** Message in Indonesian and English, placeholders filled (quantities in each language). */
  message: TextSchema,
  /**
   * Where: for a value in a table, `table`, `row`, `column` name it and `col` is the index of its
   * cell in the printed row (the page boxes that cell).
   */
  where: SourceRefSchema,
  /** Exactly as printed (e.g. "86,44 %", a sentence's words); empty when nothing was printed. */
  reported: z.string(),
  /** The printed value as a number, when it is one. */
  printed: QuantitySchema.optional(),
  /** What the recomputation or the other source says. */
  expected: ExpectedSchema,
  /** How the values were compared. */
  tolerance: ToleranceSchema,
  /** Other places involved: components of a sum, the other tables of a drift. */
  related: z.array(SourceRefSchema.extend({ note: z.string().optional() })).default([]),
  /** How the value was read. */
  via: z.enum(['text', 'pdf', 'ocr']).optional(),
  /** Set when the finding rests on a value a human should look at (low OCR confidence, repair). */
  needsReview: z.boolean().optional(),
  /** What the finding is about, stable across revisions (src/report/fingerprint.ts); set by the CLI. */
  fingerprint: z.string().optional(),
  /** Against a baseline (`--baseline`): new, unchanged, updated (same place and rule, other values), absent (fixed). */
  baseline: BaselineStateSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
