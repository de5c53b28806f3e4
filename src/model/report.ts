/**
 * The typed model of one LKIP, as parsed from a Document. Every value keeps its printed text and
 * its source (PrintedValue.src); tables keep their line range.
 */
import { z } from 'zod';
import { FactSchema, ProseFactSchema, TableLayoutSchema, TargetSourceSchema } from './facts.js';
import { ProseSchema } from './prose.js';
import { SectionKindSchema } from './section.js';
import { PrintedValueSchema, SourceRefSchema } from './values.js';

export const TableKindSchema = z.enum([
  'measurement', // target / realisasi / capaian for the report year (Tabel 3.1 style)
  'comparison_years', // targets and/or realisations over several years (Tabel 3.2 style)
  'renstra_end', // realisation against the Renstra end target (Tabel 3.3 style)
  'national', // against national realisation (Tabel 3.4 style)
  'predicate_check', // check-mark table of predicates (Tabel 3.5 style)
  'predicate_scale', // the declared scale
  'efficiency', // capaian vs serapan
  'renstra_matrix', // targets per year
  'pk_targets', // perjanjian kinerja: sasaran, indikator, target
  'pk_budget', // perjanjian kinerja: program budgets
  'rkt', // rencana kinerja tahunan
  'rpjmd',
  'iku',
  'budget', // program > kegiatan > sub kegiatan with pagu / realisasi / % (Tabel 3.8, also 3.6 style)
  'budget_plan', // program > kegiatan > sub kegiatan with budget only (Tabel 1.4 style)
  'skm_distribution',
  'skm_score',
  'other',
]);
export type TableKind = z.infer<typeof TableKindSchema>;

export { SectionKindSchema, type SectionKind } from './section.js';

export const SectionSchema = z.object({
  kind: SectionKindSchema,
  title: z.string(),
  startLine: z.number().int(),
  endLine: z.number().int(),
});
export type Section = z.infer<typeof SectionSchema>;

export const TableRowSchema = z.object({
  line: z.number().int(),
  page: z.number().int().nullable(),
  cells: z.array(z.string()),
  /** Lines merged into this row (a cell split over several lines). */
  mergedLines: z.array(z.number().int()).optional(),
});
export type TableRow = z.infer<typeof TableRowSchema>;

export const TableSchema = z.object({
  id: z.string(),
  /** "Tabel 3.8" when the report numbers it; otherwise null. */
  number: z.string().nullable(),
  caption: z.string(),
  kind: TableKindSchema,
  section: SectionKindSchema,
  /** One label per column, multi-row headers joined ("TARGET 2022"). */
  columns: z.array(z.string()),
  headerLines: z.array(z.number().int()),
  rows: z.array(TableRowSchema),
  startLine: z.number().int(),
  endLine: z.number().int(),
  /** Start lines of the parts this table was joined from (continued after a page break / narrative). */
  parts: z.array(z.number().int()),
});
export type Table = z.infer<typeof TableSchema>;

export const ScaleBandSchema = z.object({
  label: z.string(),
  grade: z.string().optional(),
  /** Lower bound; null = no lower bound. */
  min: z.number().nullable(),
  minInclusive: z.boolean(),
  max: z.number().nullable(),
  maxInclusive: z.boolean(),
});
export type ScaleBand = z.infer<typeof ScaleBandSchema>;

export const PredicateScaleSchema = z.object({
  name: z.string(),
  origin: z.enum(['report', 'config']),
  bands: z.array(ScaleBandSchema),
  src: SourceRefSchema.optional(),
  /** How printed bounds that touch (80–90, 90–100) or leave gaps (75–76) are resolved. */
  boundaryRule: z.string(),
});
export type PredicateScale = z.infer<typeof PredicateScaleSchema>;

export { TargetSourceSchema, type TargetSource } from './facts.js';

export const IndicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Normalised matching key (letters only, synonyms folded). */
  key: z.string(),
  sasaran: z.string().optional(),
  polarity: z.enum(['positive', 'negative']),
  /** Every spelling seen, with where, and how it was matched to this indicator. */
  aliases: z.array(z.object({ name: z.string(), match: z.enum(['exact', 'normalised', 'prefix', 'similar']), src: SourceRefSchema })),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const MeasurementSchema = z.object({
  indicatorId: z.string(),
  table: z.string(),
  kind: z.enum(['year', 'renstra_end']),
  year: z.number().int().nullable(),
  target: PrintedValueSchema,
  realisasi: PrintedValueSchema,
  capaian: PrintedValueSchema,
});
export type Measurement = z.infer<typeof MeasurementSchema>;

export const AverageStatementSchema = z.object({
  table: z.string(),
  label: z.string(),
  stated: PrintedValueSchema,
  over: z.array(PrintedValueSchema),
  origin: z.enum(['table', 'text']),
});
export type AverageStatement = z.infer<typeof AverageStatementSchema>;

export const PredicateStatementSchema = z.object({
  /** The capaian the predicate is given for. */
  capaian: PrintedValueSchema,
  /** The predicate as printed ("memuaskan", "Sangat Tinggi", a check mark column). */
  label: z.string(),
  origin: z.enum(['table', 'text']),
  /** The sentence or row, shortened, for the reviewer. */
  context: z.string(),
  src: SourceRefSchema,
});
export type PredicateStatement = z.infer<typeof PredicateStatementSchema>;

export const OutputLineSchema = z.object({
  kind: z.enum(['input', 'output', 'outcome']),
  label: z.string(),
  target: PrintedValueSchema.nullable(),
  realisasi: PrintedValueSchema.nullable(),
  pct: PrintedValueSchema.nullable(),
});

export const BudgetNodeSchema = z.object({
  id: z.string(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  number: z.string().optional(),
  label: z.string(),
  pagu: PrintedValueSchema.nullable(),
  realisasi: PrintedValueSchema.nullable(),
  pct: PrintedValueSchema.nullable(),
  children: z.array(z.string()),
  outputs: z.array(OutputLineSchema),
  src: SourceRefSchema,
});
export type BudgetNode = z.infer<typeof BudgetNodeSchema>;

export const BudgetTreeSchema = z.object({
  table: z.string(),
  kind: z.enum(['realisation', 'per_sasaran', 'plan', 'pk']),
  /** Program nodes in order; kegiatan and sub kegiatan are reached through children. */
  roots: z.array(z.string()),
  nodes: z.record(z.string(), BudgetNodeSchema),
  total: BudgetNodeSchema.nullable(),
  /** Structural notes: rows that could not be placed, numbering slips. */
  notes: z.array(z.object({ message: z.string(), src: SourceRefSchema })),
});
export type BudgetTree = z.infer<typeof BudgetTreeSchema>;

export const SignatorySchema = z.object({
  name: z.string(),
  nip: z.string().optional(),
  src: SourceRefSchema,
});

/**
 * What the document presents itself as, from the title words on its cover (rules/vocabulary.yaml
 * `documentKinds`): `kind` is "lkip" for the report this tool audits, another vocabulary kind
 * ("sk_iku", "renstra", ...) for a document that is not one, or null when the cover names no kind
 * (an excerpt, or a cover the vocabulary does not know).
 */
export const DocumentKindSchema = z.object({
  kind: z.string().nullable(),
  /** What the vocabulary calls that kind (Indonesian, English); null when `kind` is null. */
  name: z.object({ id: z.string(), en: z.string() }).nullable(),
  /** The cover line that named it, trimmed; null when none did. */
  title: z.string().nullable(),
  src: SourceRefSchema.nullable(),
});
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const ReportMetaSchema = z.object({
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  yearSrc: SourceRefSchema.nullable(),
  signatories: z.array(SignatorySchema),
  /** The report states that capaian above 100% counts as 100%. */
  capRuleStated: z.boolean(),
  /** What the document is, from its cover (src/parse/doc-kind.ts); absent before detection ran. */
  documentKind: DocumentKindSchema.optional(),
});

/** A section number as a heading or contents entry prints it ("BAB III", "3.2", "B.1", "A"). */
export const OutlineNumberSchema = z.object({
  /** As printed: "BAB VI", "3.2", "B.1", "A". */
  raw: z.string(),
  kind: z.enum(['chapter', 'section', 'letter', 'letter-section']),
  /** Chapter number (BAB n, or the first part of "3.2"). */
  chapter: z.number().int().nullable(),
  /** Section number inside the chapter ("3.2" → 2, "B.1" → 1). */
  section: z.number().int().nullable(),
  /** Letter as 1-based position (A → 1), for "A." and "B.1". */
  letter: z.number().int().nullable(),
});
export type OutlineNumber = z.infer<typeof OutlineNumberSchema>;

/** One entry of the table of contents ("2.6 Perjanjian Kinerja ...... 22"), on its line. */
export const ContentsEntrySchema = z.object({
  line: z.number().int(),
  page: z.number().int().nullable(),
  /** The line as printed. */
  text: z.string(),
  number: OutlineNumberSchema.nullable(),
  /** The title without number, leaders and page. */
  title: z.string(),
  /** Arabic page number, when printed. */
  page_: z.number().int().nullable(),
  /** Page as printed ("22", "ii"). */
  pagePrinted: z.string().nullable(),
});
export type ContentsEntry = z.infer<typeof ContentsEntrySchema>;

export const LkipReportSchema = z.object({
  file: z.string(),
  format: z.enum(['text', 'pdf', 'ocr']),
  meta: ReportMetaSchema,
  sections: z.array(SectionSchema),
  tables: z.array(TableSchema),
  scale: PredicateScaleSchema.nullable(),
  indicators: z.array(IndicatorSchema),
  measurements: z.array(MeasurementSchema),
  averages: z.array(AverageStatementSchema),
  predicates: z.array(PredicateStatementSchema),
  budgets: z.array(BudgetTreeSchema),
  /** Values in numeric positions (targets, realisations, amounts) that could not be read reliably. */
  unreadable: z.array(PrintedValueSchema),
  /** Per table: the role of every column and the kind of every row (src/parse/columns.ts). */
  layouts: z.array(TableLayoutSchema),
  /** Every value of a decided column, as a fact (src/parse/facts.ts). */
  facts: z.array(FactSchema),
  /** Every number printed in a body sentence, as a fact with its subject undecided (src/parse/prose-facts.ts). */
  proseFacts: z.array(ProseFactSchema),
  /** Every non-empty line as text, with its section, cells and paragraph joins (src/parse/prose.ts): what rules read instead of the document. */
  prose: ProseSchema,
  /**
   * Printed (arabic) page numbers of the PDF pages where the document's numbering can be read
   * (src/parse/outline.ts `printedPageNumbers`); absent for a text export or when unreadable.
   */
  printedPages: z.array(z.object({ page: z.number().int(), number: z.number().int(), inferred: z.boolean().optional() })).optional(),
  /** The table of contents, read once in parse (src/parse/outline.ts `tocEntries`); absent when the document has none. */
  contents: z.object({ entries: z.array(ContentsEntrySchema), startLine: z.number().int(), endLine: z.number().int() }).optional(),
});
export type LkipReport = z.infer<typeof LkipReportSchema>;
