/**
 * The fact model (XBRL-style): every number the report prints in a table becomes one fact that says
 * what it is about (subject), what it measures (the column's role), when (year, period), against
 * what (basis), where it is stated (which kind of table / section), its printed value and precision,
 * and its cell. Rows that aggregate others (Jumlah, Rata-rata) are facts naming the facts they
 * aggregate. Table layouts (the role of every column, the kind of every row, and what could not be
 * decided) are kept beside the facts so `extract` can show them.
 */
import { z } from 'zod';
import { ColumnRoleSchema } from './config.js';
import { PrintedValueSchema, SourceRefSchema } from './values.js';

export { ColumnRoleSchema };
export type { ColumnRole } from './config.js';

export const PeriodSchema = z.enum(['triwulan', 'semester', 'cumulative']);
export const BasisSchema = z.enum(['year', 'renstra_end', 'pk', 'pk_perubahan', 'apbd', 'p_apbd', 'national']);
export type Basis = z.infer<typeof BasisSchema>;

export const ColumnInfoSchema = z.object({
  index: z.number().int(),
  /** The header label as printed (all header rows of the column joined). */
  label: z.string(),
  /** null: no vocabulary entry names it (undecided; no rule reads the column). */
  role: ColumnRoleSchema.nullable(),
  kind: z.enum(['label', 'value']).nullable(),
  year: z.number().int().nullable(),
  period: z.object({ kind: PeriodSchema, n: z.number().int().nullable() }).nullable(),
  basis: BasisSchema,
  /** The column holds rupiah (its role or a money group header above it says so). */
  money: z.boolean(),
  /** Where the label came from: the table's header cells, or a header printed as one line above it. */
  from: z.enum(['cells', 'flattened', 'none']),
});
export type ColumnInfo = z.infer<typeof ColumnInfoSchema>;

export const RowKindSchema = z.enum(['item', 'group', 'total', 'average', 'continuation']);
export type RowKind = z.infer<typeof RowKindSchema>;

export const RowInfoSchema = z.object({
  /** Index in Table.rows. */
  index: z.number().int(),
  line: z.number().int(),
  kind: RowKindSchema,
  label: z.string(),
  /** For a total or average row with fewer cells than columns: the columns its values were put in. */
  valueColumns: z.array(z.number().int()).optional(),
});
export type RowInfo = z.infer<typeof RowInfoSchema>;

export const TableLayoutSchema = z.object({
  table: z.string(),
  columns: z.array(ColumnInfoSchema),
  rows: z.array(RowInfoSchema),
  /** What the resolver could not decide (shown by `extract`; no finding rests on it). */
  undecided: z.array(z.string()),
});
export type TableLayout = z.infer<typeof TableLayoutSchema>;

/** Where a target is stated (a fact's target reading; src/parse/facts.ts deriveTargets). */
export const TargetSourceSchema = z.enum([
  'renstra',
  'renstra_lampiran',
  'rkt',
  'iku',
  'pk',
  'pk_perubahan',
  'measurement',
  'comparison',
  'renstra_end',
]);
export type TargetSource = z.infer<typeof TargetSourceSchema>;

/** Where a fact is stated: the places a target can be stated, budget or other tables, and the prose (Ikhtisar Eksekutif, the narrative of the chapters). */
export const StatedInSchema = z.enum([...TargetSourceSchema.options, 'budget', 'other', 'ikhtisar', 'narrative']);
export type StatedIn = z.infer<typeof StatedInSchema>;

/**
 * A target fact read as the target of one indicator (src/parse/facts.ts, deriveTargets): which
 * indicator of report.indicators, for which year and stated where. The year is the one the statement
 * is for: a target column printed without a year is, in a PK, PK Perubahan or RKT, the year of the
 * table's caption or title, else the report's; a comparison-table row labelled by a source
 * ("Renstra", "Kontrak kinerja") is stated in that source. A merged cell split by the known indicator
 * names its subject holds ("93 80% 100%") gives one reading per indicator, each with its own part of
 * the printed value.
 */
export const TargetReadingSchema = z.object({
  indicatorId: z.string(),
  year: z.number().int(),
  source: TargetSourceSchema,
  value: PrintedValueSchema,
});
export type TargetReading = z.infer<typeof TargetReadingSchema>;

export const SubjectKindSchema = z.enum(['indicator', 'sasaran', 'tujuan', 'program', 'kegiatan', 'sub_kegiatan', 'item']);

export const FactSchema = z.object({
  id: z.string(),
  subject: z.object({
    kind: SubjectKindSchema,
    /** As printed (shortened). */
    name: z.string(),
    /** Normalised for matching the same subject in other tables. */
    key: z.string(),
    /** The indicator's polarity (lower is better = negative), from the vocabulary. */
    polarity: z.enum(['positive', 'negative']),
    /** The group heading the row stands under (a sasaran, a program), when there is one. */
    group: z.string().optional(),
  }),
  measure: ColumnRoleSchema,
  year: z.number().int().nullable(),
  period: z.object({ kind: PeriodSchema, n: z.number().int().nullable() }).nullable(),
  basis: BasisSchema,
  statedIn: StatedInSchema,
  rowKind: RowKindSchema,
  value: PrintedValueSchema,
  /** The cell: table id, row index in the table, column index. */
  cell: z.object({
    table: z.string(),
    row: z.number().int(),
    col: z.number().int(),
    /** For a row holding several numbered indicators and as many values per cell ("1. … 2. …", "100% 100%"): which one. */
    part: z.number().int().optional(),
  }),
  /** For a total or average row: how it aggregates, and the facts it aggregates (same column, the rows it closes). */
  aggregate: z.enum(['sum', 'mean']).optional(),
  over: z.array(z.string()).optional(),
  /** For a target fact: the indicator target(s) it states (deriveTargets; absent when it states none: no indicator, year or target source decided). */
  targets: z.array(TargetReadingSchema).optional(),
  src: SourceRefSchema,
});
export type Fact = z.infer<typeof FactSchema>;

/**
 * A number printed in a sentence of the body (Ikhtisar Eksekutif, Bab I–IV): one fact per number
 * (src/parse/prose-facts.ts). What it is about is not decided in parse (subject null): the rules
 * decide it from the sentence. Years standing alone, list and chapter numbers, dates and regulation
 * numbers are not facts.
 */
export const ProseFactSchema = z.object({
  id: z.string(),
  /** Undecided in parse: the rules decide what a sentence is about. */
  subject: z.null(),
  /** The role word printed right before the number (capaian, realisasi, target; vocabulary), else null. */
  measure: ColumnRoleSchema.nullable(),
  statedIn: z.enum(['ikhtisar', 'narrative']),
  /** Printed value and precision; its src is the line the number is printed on. */
  value: PrintedValueSchema,
  /** Where in the text: the paragraph (its first line), the sentence and the number as character offsets in the paragraph's text, and the offset in the number's own line. */
  at: z.object({
    paragraph: z.number().int(),
    sentence: z.number().int().min(0),
    offset: z.number().int().min(0),
    lineOffset: z.number().int().min(0),
  }),
  src: SourceRefSchema,
});
export type ProseFact = z.infer<typeof ProseFactSchema>;
