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

export const FindingSchema = z.object({
  ruleId: z.string(),
  category: CategorySchema,
  severity: SeveritySchema,
  /** Message in Indonesian and English, placeholders filled. */
  message: z.object({ id: z.string(), en: z.string() }),
  where: SourceRefSchema,
  /** As printed, as a reviewer would write it (e.g. "2.657.062.192"). */
  reported: z.string(),
  /** What the recomputation or the other source says. */
  expected: z.string(),
  /** The tolerance used, in words ("exact", "±0,005 (2 desimal, dibulatkan/dipotong)"). */
  tolerance: z.string(),
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
