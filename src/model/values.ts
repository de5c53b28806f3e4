/** Printed values and where they came from. Every number in the model keeps its printed text. */
import { z } from 'zod';

export const SourceRefSchema = z.object({
  file: z.string(),
  page: z.number().int().nullable(),
  line: z.number().int(),
  /** Section of the report (e.g. "Bab III", "Lampiran: PK Perubahan"). */
  section: z.string().optional(),
  /** Table id as the report names it ("Tabel 3.8") or a generated one ("T12"). */
  table: z.string().optional(),
  /** Row label as printed (shortened). */
  row: z.string().optional(),
  /** Column header as printed. */
  column: z.string().optional(),
  /** Index of the cell in the printed row (0-based, as in DocLine.cells): the cell this value was read from. */
  col: z.number().int().min(0).optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const ValueKindSchema = z.enum(['number', 'percent', 'money', 'grade', 'empty', 'text', 'unreadable']);
export type ValueKind = z.infer<typeof ValueKindSchema>;

export const PrintedValueSchema = z.object({
  /** Exactly as printed in the cell or sentence. */
  raw: z.string(),
  kind: ValueKindSchema,
  /** The number the text stands for; null when empty, text or unreadable (never 0 by default). */
  value: z.number().nullable(),
  /**
   * The printed digits without marks (integer then decimal digits, leading zeros dropped): the exact
   * value is digits × 10^−decimals. Set whenever `value` is; arithmetic on money and precision reads
   * it, never the float (src/parse/arith.ts).
   */
  digits: z.string().regex(/^\d+$/).optional(),
  /** Decimals printed: the precision at which this value is compared. */
  decimals: z.number().int(),
  /** Unit printed after the number ("Orang", "Paket", "Nilai IKM"), lower-cased; "%" is not a unit here. */
  unit: z.string().optional(),
  /** Letter grade when printed like "B (69)" or "A". */
  grade: z.string().optional(),
  /** How the digits were read: Indonesian grouping, US grouping, dot-decimal, plain digits. */
  format: z.enum(['id', 'us', 'dot-decimal', 'plain']).optional(),
  /** A reading that needed a decision the reviewer may want to know about. */
  note: z.string().optional(),
  /** OCR confidence (0..100) when read by OCR. */
  confidence: z.number().optional(),
  /**
   * OCR: what confirms the reading besides OCR's own confidence: a second reading of its cell gave
   * the same text (`reading`), or a relation of the report's arithmetic it takes part in holds
   * (`relation`; set by parse/repair.ts). Unset on an OCR value: nothing confirms it.
   */
  confirmed: z.enum(['reading', 'relation']).optional(),
  src: SourceRefSchema,
});
export type PrintedValue = z.infer<typeof PrintedValueSchema>;
