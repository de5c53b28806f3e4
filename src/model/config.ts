/** Configuration users may edit (rules/*.yaml), validated with zod. */
import { z } from 'zod';
import { SeveritySchema } from './finding.js';
import { DEFAULT_LIMITS } from './limits.js';
import { SectionKindSchema } from './section.js';

export const BandConfigSchema = z.object({
  label: z.string().min(1),
  grade: z.string().optional(),
  min: z.number().nullable().default(null),
  minInclusive: z.boolean().default(true),
  max: z.number().nullable().default(null),
  maxInclusive: z.boolean().default(false),
});

export const ScaleConfigSchema = z.object({
  name: z.string().min(1),
  bands: z.array(BandConfigSchema).min(2),
});

export const RuleSettingSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Caps every message of the rule (a message's own milder default stays). */
    severity: SeveritySchema.optional(),
    /** Per messageId: sets that message's severity (over the rule's and the message's default). */
    messages: z.record(z.string(), SeveritySchema).optional(),
  })
  .strict();
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

/** A list of signatures; a signature matches when each of its phrases occurs as whole words. */
const Signatures = z.array(z.array(z.string().min(1)).min(1)).min(1);

export const ColumnRoleSchema = z.enum([
  'no', 'satuan', 'formula', 'data_source', 'responsible', 'keterangan', 'indicator', 'sasaran', 'tujuan',
  'program', 'kegiatan', 'sub_kegiatan', 'uraian', 'unsur',
  'target', 'realisasi', 'capaian', 'baseline', 'pagu', 'realisasi_anggaran', 'serapan', 'sisa', 'predikat', 'efficiency', 'score', 'count', 'share', 'total',
]);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

const ColumnRoleRuleSchema = z
  .object({
    role: ColumnRoleSchema,
    kind: z.enum(['label', 'value']),
    /** The label is exactly one of these (after normalising). */
    only: z.array(z.string().min(1)).optional(),
    any: Signatures.optional(),
    none: z.array(z.string().min(1)).default([]),
  })
  .refine((r) => r.only || r.any, { message: 'isi "only" atau "any"' });

/**
 * One kind of section heading (src/parse/structure.ts): a line is this heading when, in capitals,
 * it is one of `exact`, starts with one of `starts` as whole words, or contains one of `contains`;
 * and, when `with` is given, also contains one of those.
 */
const SectionHeadingSchema = z
  .object({
    section: SectionKindSchema.exclude(['cover', 'excerpt', 'bab1', 'bab2', 'bab3', 'bab4']),
    exact: z.array(z.string().min(1)).default([]),
    starts: z.array(z.string().min(1)).default([]),
    contains: z.array(z.string().min(1)).default([]),
    with: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .refine((h) => h.exact.length + h.starts.length + h.contains.length > 0, { message: 'isi "exact", "starts" atau "contains"' });

const ColumnQualifiersSchema = z.object({
  periods: z.array(z.object({ period: z.enum(['triwulan', 'semester', 'cumulative']), any: Signatures })).default([]),
  bases: z.array(z.object({ basis: z.enum(['renstra_end', 'pk_perubahan', 'pk', 'p_apbd', 'apbd', 'national']), any: Signatures })).default([]),
  moneyGroups: z.array(z.string().min(1)).default([]),
  performanceGroups: z.array(z.string().min(1)).default([]),
});

export const ConfigSchema = z.object({
  rules: z.record(z.string(), RuleSettingSchema).default({}),
  tolerances: z
    .object({
      /** Money is compared exactly (rupiah are printed whole). */
      moneyExact: z.boolean().default(true),
      /** Allowed absolute difference in percentage points for a sum-of-shares check. */
      shareSumPoints: z.number().min(0).default(0.5),
    })
    .default({ moneyExact: true, shareSumPoints: 0.5 }),
  /** What one document may hold before it is refused (src/model/limits.ts; issue 18). */
  limits: z
    .object({
      maxPages: z.number().int().min(1).default(DEFAULT_LIMITS.maxPages),
      maxStreamMb: z.number().min(0.001).default(DEFAULT_LIMITS.maxStreamMb),
      maxPageChars: z.number().int().min(1).default(DEFAULT_LIMITS.maxPageChars),
      maxPageTextOps: z.number().int().min(1).default(DEFAULT_LIMITS.maxPageTextOps),
      maxNesting: z.number().int().min(1).default(DEFAULT_LIMITS.maxNesting),
      maxLines: z.number().int().min(1).default(DEFAULT_LIMITS.maxLines),
      maxLineChars: z.number().int().min(1).default(DEFAULT_LIMITS.maxLineChars),
      maxTableCells: z.number().int().min(1).default(DEFAULT_LIMITS.maxTableCells),
      maxTables: z.number().int().min(1).default(DEFAULT_LIMITS.maxTables),
      maxRenderMpx: z.number().min(0.1).default(DEFAULT_LIMITS.maxRenderMpx),
    })
    .default({ ...DEFAULT_LIMITS }),
  scales: z.record(z.string(), ScaleConfigSchema).default({}),
  defaultScale: z.string().default('permenpanrb'),
  /**
   * The scale (a key of `scales`) of survey (SKM / IKM) scores whose band labels are answers of the
   * vocabulary's surveyScale: the skm rule's fallback bands, deciding which of two contradicting
   * rows is the odd one. Unknown, or a band label not on the survey scale: the rule stays silent.
   */
  surveyBands: z.string().default('skm_permenpanrb'),
  vocabulary: z
    .object({
      tableKinds: z.array(z.object({ kind: z.string(), any: z.array(z.array(z.string()).min(1)).min(1), none: z.array(z.string()).default([]) })),
      indicatorSynonyms: z.array(z.tuple([z.string(), z.string()])).default([]),
      /** Words that make an indicator negative-polarity (lower realisation is better). */
      negativeIndicators: z.array(z.string()).default([]),
      /** What a document is, from its cover's title words (src/parse/doc-kind.ts). */
      documentKinds: z
        .array(
          z.object({
            kind: z.string().min(1),
            titles: z.array(z.string().min(1)).min(1),
            with: z.array(z.string().min(1)).default([]),
            name: z.tuple([z.string(), z.string()]),
          }),
        )
        .default([]),
      /**
       * Section headings (src/parse/structure.ts): the chapter words before a roman numeral I-IV
       * ("BAB III"), and the other headings of the body and, after Bab IV, of the appendices; the
       * first that matches wins.
       */
      sectionHeadings: z
        .object({
          chapterWords: z.array(z.string().min(1)).min(1),
          /** A chapter heading is shorter than this (a longer line starting "BAB II" is a sentence). */
          chapterMaxLength: z.number().int().min(1).default(70),
          body: z.array(SectionHeadingSchema).default([]),
          appendix: z.array(SectionHeadingSchema).default([]),
        })
        .strict()
        .optional(),
      /** Column roles by header words (src/parse/columns.ts): the first role that matches wins. */
      columnRoles: z.array(ColumnRoleRuleSchema).default([]),
      /**
       * A matrix exported one cell per line (src/parse/relay.ts): `strayHeadings` are the headings of
       * its text columns that the export may print among a row's values ("RUMUS", "STRATEGI"): a line
       * that is only one of them, between two values of a row, is passed over. `formulaEnds` end a
       * formula ("x 100%"): a label line holding several formulas, each ending in one, is several rows;
       * `formulaRowHeading` heads the label column when every rebuilt row is labelled by a formula.
       */
      cellPerLine: z
        .object({
          strayHeadings: z.array(z.string().min(1)).default([]),
          formulaEnds: z.array(z.string().min(1)).default([]),
          /** The heading of the label column when every rebuilt row is labelled by a formula (it names the indicator it measures). */
          formulaRowHeading: z.string().default(''),
        })
        .strict()
        .default({ strayHeadings: [], formulaEnds: [], formulaRowHeading: '' }),
      /** Phrases that start a new column label in a header flattened into one line. */
      columnStarts: z.array(z.string().min(1)).default([]),
      columnQualifiers: ColumnQualifiersSchema.default({ periods: [], bases: [], moneyGroups: [], performanceGroups: [] }),
      /** Row kinds by the label's words: the first that matches wins, every other row is an item. */
      rowKinds: z.array(z.object({ kind: z.enum(['average', 'total', 'group']), any: Signatures, tail: z.array(z.string()).optional() })).default([]),
      /**
       * The answer scale of survey (SKM / IKM) tables, worst answer first: a column whose whole label
       * is one of an answer's phrases is a `share` column of that answer (src/parse/columns.ts), and a
       * predikat printed as one of them ranks the same (skm rule).
       */
      /**
       * Words an indicator's name starts with ("Persentase ...", "Indeks ..."): a label-only row of a
       * predicate check table that starts with one is an indicator label, any other a sasaran heading.
       */
      indicatorStarts: z.array(z.string().min(1)).default([]),
      /**
       * The rows of an input/output table (src/audit/rules/_facts.ts ioTables): a row whose first
       * label starts with one of `input` / `output` is that kind; the prose line above the table that
       * starts with one of `subject` names the sub kegiatan the table is about.
       */
      ioRows: z
        .object({ input: z.array(z.string().min(1)).min(1), output: z.array(z.string().min(1)).min(1), subject: z.array(z.string().min(1)).min(1) })
        .strict()
        .optional(),
      surveyScale: z.array(z.object({ label: z.string().min(1), any: z.array(z.string().min(1)).min(1) })).default([]),
      /**
       * The verdicts of an efficiency column (verdict rule): the phrases of "not efficient" (tried
       * first) and of "efficient", as printed in the column or in a sentence under the table.
       */
      efficiencyVerdicts: z.object({ inefficient: z.array(z.string().min(1)).min(1), efficient: z.array(z.string().min(1)).min(1) }).optional(),
      /**
       * Rows of a comparison table labelled by where their targets are stated ("Kontrak kinerja",
       * "Renstra 2020-2024"), src/parse/facts.ts: the label is one of the phrases, with at most
       * years, a year range or the words "target" / "tahun" around it.
       */
      rowSources: z.array(z.object({ source: z.enum(['renstra', 'renstra_lampiran', 'rkt', 'iku', 'pk', 'pk_perubahan']), any: Signatures })).default([]),
      /**
       * Rows of a target table no longer in force (src/parse/facts.ts): a row whose label holds a
       * `superseded` phrase ("Sebelum Perubahan") starts them, one with a `current` phrase ends them.
       */
      targetRevision: z.object({ superseded: z.array(z.string().min(1)).default([]), current: z.array(z.string().min(1)).default([]) }).default({ superseded: [], current: [] }),
      /**
       * Territorial agencies named by one proper name ("Kecamatan Pangkah"): the unit words, words that
       * follow a unit word without being a name, and words that show a sentence is about another place
       * (borders, comparisons), where another agency's name is expected (agency-name rule).
       */
      /**
       * Sentences that derive one year from another (year-reference rule): plan names ("Rencana
       * Strategis", "RPJMD"), and for forward-looking clauses the future words and the purpose words
       * that make the year after them a later year ("akan menjadi tolok ukur ... di tahun X").
       */
      yearReference: z
        .object({
          plans: z.array(z.string().min(1)).default([]),
          future: z.array(z.string().min(1)).default([]),
          purpose: z.array(z.string().min(1)).default([]),
        })
        .optional(),
      /**
       * Caption words (outline rule): the words that start a table caption ("Tabel 3.2") and a figure
       * caption ("Gambar 2.1"), and the words after the number that mark a table carried on from the
       * page before ("Tabel 3.5 (lanjutan)"), which is not a second caption.
       */
      captions: z
        .object({
          tables: z.array(z.string().min(1)).default([]),
          figures: z.array(z.string().min(1)).default([]),
          continued: z.array(z.string().min(1)).default([]),
        })
        .optional(),
      /**
       * Structure words misread by OCR (src/parse/ocr-words.ts): on OCR-read table lines a word near a
       * vocabulary word (table kinds, column roles and starts, row kinds, captions) is read as that
       * word. `confusions`: groups of letters or letter pairs OCR takes for one another (a change
       * inside a group costs half an edit); `keep`: real words near a vocabulary word, never changed.
       */
      ocrWords: z
        .object({
          confusions: z.array(z.array(z.string().min(1).max(2)).min(2)).default([]),
          keep: z.array(z.string().min(1)).default([]),
        })
        .optional(),
      /**
       * Numbers in sentences that are not values (src/parse/prose-facts.ts): the words right before a
       * number that make it a label, a chapter or regulation number or a date ("Tabel 3.2", "Bab 2",
       * "Nomor 29", "tanggal 5"), and the month names after a day ("31 Desember").
       */
      proseNumbers: z
        .object({
          notBefore: z.array(z.string().min(1)).default([]),
          months: z.array(z.string().min(1)).default([]),
          /**
           * A count, its share and the total it is a share of in one sentence ("53 orang (40% dari
           * total jumlah satker/129 satker)"): `link` words between the count (and its unit) and the
           * percentage (an opening bracket links too), `of` words right after the percentage, before
           * the words naming the total and the total itself.
           */
          shares: z
            .object({
              link: z.array(z.string().min(1)).default([]),
              of: z.array(z.string().min(1)).default([]),
            })
            .optional(),
          /**
           * What a whole number counts: the noun printed right after it (after its number words,
           * "18 (delapan belas) Sub Kegiatan"), as `noun`; `words` are the ways it is printed;
           * `staff` marks the kinds of staff a staff total adds up ("17 ASN dan 15 Non ASN").
           */
          /** Words between a change word (`restatement.up` / `down`) and its number ("penurunan sebesar 3%"). */
          changeGap: z.array(z.string().min(1)).default([]),
          countNouns: z
            .array(z.object({ noun: z.string().min(1), words: z.array(z.string().min(1)).min(1), staff: z.boolean().default(false) }))
            .default([]),
        })
        .optional(),
      /**
       * Counts stated in the narrative (count-claim rule; the counts, their nouns and number words
       * are the prose facts'): the verbs before "4 Program 9 Kegiatan" that make it the year's budget,
       * the words before it that make it another plan's, the words right before a count of all the
       * report's indicators or sasaran, "N indikator belum mencapai target", "sebanyak N indikator di
       * atas target", "berjumlah N orang dengan rincian ..." and "terdiri dari 17 ASN dan 15 Non ASN";
       * `sasaranWords` and `sasaranQualifiers`: a sasaran label ("Sasaran Strategis 2", "sasaran II")
       * that makes a sentence about one sasaran.
       */
      /**
       * Trend claims in the narrative (trend-claim rule), with the change words of `restatement.up` /
       * `down`: the words that place a result against its target, the words that make a sentence not
       * a claim about one result (with `result`, the words a claim about a result holds, and
       * `severalAbove`, "indikator di atas": several indicators; a count of indicators also does), "setiap tahun", the words introducing the table below, "tren",
       * "sama dengan", the comparative words and the words for the previous year.
       */
      trendClaims: z
        .object({
          aboveTarget: z.array(z.string().min(1)).default([]),
          atTarget: z.array(z.string().min(1)).default([]),
          belowTarget: z.array(z.string().min(1)).default([]),
          notOneResult: z.array(z.string().min(1)).default([]),
          result: z.array(z.string().min(1)).default([]),
          severalAbove: z.array(z.string().min(1)).default([]),
          everyYear: z.array(z.string().min(1)).default([]),
          tableBelow: z.array(z.string().min(1)).default([]),
          trend: z.array(z.string().min(1)).default([]),
          same: z.array(z.string().min(1)).default([]),
          higher: z.array(z.string().min(1)).default([]),
          lower: z.array(z.string().min(1)).default([]),
          previousYear: z.array(z.string().min(1)).default([]),
        })
        .optional(),
      /**
       * Template leftovers (template-gap rule): a count word before a unit with no number between
       * ("berjumlah orang"), a placeholder left in brackets ("(jumlah)"), a choice left unmade ("(ada /
       * tidak ada)": the two options), a percentage word before a bare "%" ("mencapai %"), and the
       * word before a decree number whose sequence is blank ("Nomor 065/ /35.09.25/2022").
       */
      templateGaps: z
        .object({
          countWords: z.array(z.string().min(1)).default([]),
          units: z.array(z.string().min(1)).default([]),
          placeholders: z.array(z.string().min(1)).default([]),
          choices: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
          percentLead: z.array(z.string().min(1)).default([]),
          decreeWords: z.array(z.string().min(1)).default([]),
        })
        .optional(),
      /**
       * Verdicts stated in sentences (verdict rule): a sasaran label (`sasaranWords`, optionally a
       * `sasaranQualifiers` word, its number) that makes a sentence about one sasaran; "(tidak) ada
       * efisiensi" (`efficiency`: `not`, `some`, `noun`; "ada / tidak ada" is an unfilled template
       * choice); the average words ("rata-rata", printed with or without hyphens, dashes or spaces),
       * "rata-rata (capaian) mencapai X%" (`averageOf`, `averageVerbs`), the words before a category
       * label in a sentence about the average (`categoryLead`) or in a conclusion (`conclusion`), and
       * "4 indikator ... kategori X" (`indicator`, `category`); "rata-rata ... X% ... berhasil" (the
       * words of `success` and `failure`; verdict and sasaran-average rules).
       */
      verdictClaims: z
        .object({
          sasaranWords: z.array(z.string().min(1)).default([]),
          sasaranQualifiers: z.array(z.string().min(1)).default([]),
          efficiency: z
            .object({ not: z.array(z.string().min(1)).default([]), some: z.array(z.string().min(1)).default([]), noun: z.array(z.string().min(1)).default([]) })
            .default({ not: [], some: [], noun: [] }),
          average: z.array(z.string().min(1)).default([]),
          success: z.array(z.string().min(1)).default([]),
          failure: z.array(z.string().min(1)).default([]),
          averageOf: z.array(z.string().min(1)).default([]),
          averageVerbs: z.array(z.string().min(1)).default([]),
          categoryLead: z.array(z.string().min(1)).default([]),
          conclusion: z.array(z.string().min(1)).default([]),
          indicator: z.array(z.string().min(1)).default([]),
          category: z.array(z.string().min(1)).default([]),
        })
        .optional(),
      /**
       * Budget figures in the narrative (narrative-number rule): the words of each Belanja category
       * ("Belanja Operasi", "Belanja Tidak Langsung") whose shares are checked, the verbs of "P%
       * merupakan Belanja X", "dari (total) pagu" (`of`, `whole`, `budget`; `base` for the base
       * amount "dari total anggaran Rp X"), the words of a sentence about the realisation of the
       * whole budget, and the words before the count a count's share is of ("kebutuhan ... N");
       * "anggaran ... sebesar Rp X" (`budgetLead`, `budgetVerbs`) states a budget total unless the line
       * speaks of a `revision` (matched inside words: "refocusing"); an `otherLevels` word ("program")
       * makes a figure that level's.
       */
      budgetShares: z
        .object({
          categories: z.array(z.object({ category: z.enum(['operasi', 'modal', 'langsung', 'tidak_langsung']), words: z.array(z.string().min(1)).min(1) })).default([]),
          shareVerbs: z.array(z.string().min(1)).default([]),
          of: z.array(z.string().min(1)).default([]),
          whole: z.array(z.string().min(1)).default([]),
          budget: z.array(z.string().min(1)).default([]),
          base: z.array(z.string().min(1)).default([]),
          totalRealisation: z.array(z.string().min(1)).default([]),
          revision: z.array(z.string().min(1)).default([]),
          budgetLead: z.array(z.string().min(1)).default([]),
          budgetVerbs: z.array(z.string().min(1)).default([]),
          otherLevels: z.array(z.string().min(1)).default([]),
          countBase: z.array(z.string().min(1)).default([]),
        })
        .optional(),
      countClaims: z
        .object({
          support: z.array(z.string().min(1)).default([]),
          otherPlan: z.array(z.string().min(1)).default([]),
          indicatorLead: z.array(z.string().min(1)).default([]),
          afterSasaran: z.array(z.string().min(1)).default([]),
          notIndicatorOf: z.array(z.string().min(1)).default([]),
          sasaranLead: z.array(z.string().min(1)).default([]),
          indicatorQualifiers: z.array(z.string().min(1)).default([]),
          reached: z.array(z.string().min(1)).default([]),
          notReached: z.array(z.string().min(1)).default([]),
          reachVerbs: z.array(z.string().min(1)).default([]),
          aboveLead: z.array(z.string().min(1)).default([]),
          aboveGap: z.array(z.string().min(1)).default([]),
          above: z.array(z.string().min(1)).default([]),
          totalLead: z.array(z.string().min(1)).default([]),
          breakdown: z.array(z.string().min(1)).default([]),
          consistsOf: z.array(z.string().min(1)).default([]),
          sasaranWords: z.array(z.string().min(1)).default([]),
          sasaranQualifiers: z.array(z.string().min(1)).default([]),
        })
        .optional(),
      /**
       * Numbers in the narrative that restate a table fact (restatement rule): the words that name the
       * measure a number restates, the words between that word and the number that make it another
       * measure (input, anggaran) or the output of a sub kegiatan or a mean, the words pointing back to
       * a subject named before ("indikator ini"), change words, and for "P% sebanyak N jiwa" the count,
       * total and unit words.
       */
      restatement: z
        .object({
          measures: z.array(z.object({ measure: z.enum(['capaian', 'realisasi']), words: z.array(z.string().min(1)).min(1) })).default([]),
          gap: z.array(z.string().min(1)).default([]),
          output: z.array(z.string().min(1)).default([]),
          mean: z.array(z.string().min(1)).default([]),
          otherMeasures: z.array(z.string().min(1)).default([]),
          referents: z.array(z.string().min(1)).default([]),
          subjectWords: z.array(z.string().min(1)).default([]),
          subjectQualifiers: z.array(z.string().min(1)).default([]),
          yearWords: z.array(z.string().min(1)).default([]),
          targetWords: z.array(z.string().min(1)).default([]),
          up: z.array(z.string().min(1)).default([]),
          down: z.array(z.string().min(1)).default([]),
          since: z.array(z.string().min(1)).default([]),
          countWords: z.array(z.string().min(1)).default([]),
          shareWords: z.array(z.string().min(1)).default([]),
          totalWords: z.array(z.string().min(1)).default([]),
          units: z.array(z.string().min(1)).default([]),
          headline: z
            .object({ pagu: z.array(z.string().min(1)).default([]), realisasi: z.array(z.string().min(1)).default([]), not: z.array(z.string().min(1)).default([]), or: z.array(z.string().min(1)).default([]) })
            .default({ pagu: [], realisasi: [], not: [], or: [] }),
        })
        .optional(),
      agencyUnits: z
        .object({
          units: z.array(z.string().min(1)).default([]),
          notNames: z.array(z.string().min(1)).default([]),
          otherPlace: z.array(z.string().min(1)).default([]),
          /** Sectoral agencies named by their field ("Dinas Kesehatan", "Badan Perencanaan ..."). */
          sectoral: z.array(z.string().min(1)).default([]),
          /** A report's title words, after which its own agency is named ("Laporan Kinerja ... Dinas ..."). */
          titles: z.array(z.string().min(1)).default([]),
          /** Words that start the line above an agency's letterhead ("Pemerintah Kabupaten"). */
          letterhead: z.array(z.string().min(1)).default([]),
          /** Words after an agency's name that make the sentence the agency describing itself ("adalah"). */
          selfVerbs: z.array(z.string().min(1)).default([]),
          /** Words that end an agency's own name: the region follows ("Kabupaten", "Kota"). */
          regionWords: z.array(z.string().min(1)).default([]),
        })
        .optional(),
    })
    .optional(),
});
export type Config = z.infer<typeof ConfigSchema>;
