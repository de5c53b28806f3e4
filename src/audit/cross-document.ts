/**
 * Checks across the documents of one batch. Pure (no Node APIs): runs after the per-file audits
 * on the small per-file summaries the batch workers send back (`summariseReport`), never on whole
 * documents.
 *
 * Documents are grouped by agency (as read from the cover; case and spacing folded) and never
 * compared across agencies. Within an agency:
 *   - a separate SK IKU against the IKU of the LKIP of its year (the SK IKU appendix when the LKIP
 *     has one, else its own IKU table): the formula of every indicator both list (its words; order,
 *     layout, markup and case ignored) and any target both give for the same year;
 *   - a separate PK (or PK Perubahan) against the LKIP's PK (or PK Perubahan) of the same year:
 *     the target of every indicator both list;
 *   - either against that LKIP: the year of every regulation both cite (kind, number, title);
 *   - two LKIPs of different years: the Renstra targets for the years both cover (body or
 *     appendix), a finding when the two reports share no value for the indicator and year (a
 *     report that contradicts itself is target-drift's finding, not this one's); and the earlier
 *     year's realisation as the later report's year-comparison table quotes it against the earlier
 *     report's own measurement.
 * Printed values agree at the printed precision of both (src/parse/arith.ts `compareAtPrinted`, the
 * family of target-drift, cross-table and restatement); the finding reports that precision.
 * Each finding stands in the dependent document (the separate SK IKU or PK, or the later LKIP) and
 * names the other file and its place as related. Indicators are matched by their normalised key.
 */
import { criterion, expectPrinted, precision } from './tolerance.js';
import type { Config, RuleSetting } from '../model/config.js';
import { targetReadings } from '../parse/facts.js';
import type { Finding, Tolerance } from '../model/finding.js';
import type { LkipReport, Table, TargetSource } from '../model/report.js';
import type { Problem, RuleMeta } from '../model/rule.js';
import type { PrintedValue, SourceRef } from '../model/values.js';
import { compareAtPrinted } from '../parse/arith.js';
import { stampProblem } from './engine.js';
import { regulationCitations } from '../parse/citations.js';
import { parseValue } from '../parse/numbers.js';
import { indicatorKey } from '../parse/performance.js';
import { printed } from '../parse/prose.js';
import { cellRef, SECTION_LABEL } from '../parse/structure.js';
import { lineAt, paragraphs } from './rules/_text.js';

export type DocumentKind = 'lkip' | 'sk_iku' | 'pk' | 'other';

export interface IkuEntry {
  key: string;
  name: string;
  formula: string;
  src: SourceRef;
}

export interface TargetEntry {
  key: string;
  name: string;
  year: number;
  source: TargetSource;
  /** The value as printed, with its number and precision. */
  printed: PrintedValue;
  src: SourceRef;
}

/** A realisation for a year: this report's own measurement, or quoted in its year-comparison table. */
export interface RealisationEntry {
  key: string;
  name: string;
  year: number;
  source: 'measurement' | 'comparison';
  /** The value as printed, with its number and precision. */
  printed: PrintedValue;
  src: SourceRef;
}

/** A regulation cited with its title ("Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang ..."). */
export interface CitationEntry {
  /** Kind, number and the start of the title: one regulation. */
  key: string;
  jenis: string;
  nomor: string;
  tahun: number;
  tentang: string;
  printed: string;
  src: SourceRef;
}

/** What the cross-document checks need of one file: small enough to pass from a worker. */
export interface DocumentSummary {
  file: string;
  kind: DocumentKind;
  /** "KECAMATAN BALUNG": upper case, single spaces; null when the cover names none. */
  agency: string | null;
  year: number | null;
  iku: IkuEntry[];
  targets: TargetEntry[];
  realisations: RealisationEntry[];
  citations: CitationEntry[];
}

export const CROSS_DOCUMENT_RULE = 'cross-document';
export const CROSS_DOCUMENT_TARGET_RULE = 'cross-document-target';
export const CROSS_DOCUMENT_CITATION_RULE = 'cross-document-citation';

/**
 * The checks across documents are three checks with one category each, identified and configured
 * like rules (`rules.cross-document`, `rules.cross-document-target`, `rules.cross-document-citation`:
 * enabled, severity, messages; resolved as for every rule by src/audit/engine.ts `messageSeverity`).
 * They share one pass over the batch (`crossDocumentFindings`); each problem goes to the check that
 * owns its messageId. The reporters list them beside the rules (SARIF's rule list, the HTML's
 * explanation, `lkip-audit rules`).
 */
export const CROSS_DOCUMENT_META: RuleMeta = {
  id: CROSS_DOCUMENT_RULE,
  category: 'cross_table_mismatch',
  defaultSeverity: 'error',
  docs: {
    id: 'Dokumen satu instansi dalam satu batch (nama instansi dan tahun dari sampul dan tanda tangan) diperiksa satu sama lain: formulasi setiap indikator SK IKU terpisah terhadap IKU dalam LKIP tahun yang sama (lampiran SK IKU bila ada; kata-katanya, urutan, tata letak dan huruf besar diabaikan), dan realisasi tahun lalu yang dikutip tabel perbandingan LKIP tahun ini terhadap pengukuran LKIP tahun lalu, dibandingkan pada presisi cetak yang lebih kasar. Target: cross-document-target; tahun peraturan: cross-document-citation. Dokumen instansi yang berbeda tidak dibandingkan.',
    en: 'Documents of one agency in a batch (agency name and year from the cover and signatures) are checked against each other: the formula of every indicator of a separate SK IKU against the IKU in the LKIP of its year (its SK IKU appendix when it has one; the words, order, layout and case ignored), and last year’s realisation as quoted in this year’s LKIP comparison table against last year’s LKIP measurement, compared at the coarser printed precision. Targets: cross-document-target; regulation years: cross-document-citation. Documents of different agencies are never compared.',
  },
  messages: {
    ikuFormula: {
      id: 'Formulasi IKU "{{indicator}}" di {{file}} ({{at}}) berbeda dengan di {{otherFile}} ({{otherAt}}): "{{formula}}" dan "{{otherFormula}}".',
      en: 'The IKU formula of "{{indicator}}" in {{file}} ({{atEn}}) differs from the one in {{otherFile}} ({{otherAtEn}}): "{{formula}}" and "{{otherFormula}}".',
    },
    realisation: {
      id: 'Realisasi {{year}} "{{indicator}}" dikutip di {{file}} ({{at}}) sebesar {{reported}}, sedangkan LKIP {{year}} {{otherFile}} ({{otherAt}}) mencatat {{expected}}.',
      en: 'The {{year}} realisation of "{{indicator}}" is quoted in {{file}} ({{atEn}}) as {{reported}}, while the {{year}} LKIP {{otherFile}} ({{otherAtEn}}) reports {{expected}}.',
    },
  },
};

export const CROSS_DOCUMENT_TARGET_META: RuleMeta = {
  id: CROSS_DOCUMENT_TARGET_RULE,
  category: 'target_drift',
  defaultSeverity: 'error',
  docs: {
    id: 'Target satu indikator untuk satu tahun di dokumen satu instansi dalam satu batch: SK IKU terpisah terhadap IKU dalam LKIP tahun yang sama, PK (atau PK Perubahan) terpisah terhadap PK (atau PK Perubahan) dalam LKIP, dan target Renstra LKIP tahun ini terhadap LKIP tahun lalu untuk tahun yang dicakup keduanya (badan atau lampiran; temuan bila kedua laporan tidak memiliki satu nilai pun yang sama), dibandingkan pada presisi cetak yang lebih kasar. Laporan yang bertentangan dengan dirinya sendiri adalah temuan target-drift.',
    en: 'The target of one indicator for one year in the documents of one agency in a batch: a separate SK IKU against the IKU in the LKIP of its year, a separate PK (or PK Perubahan) against the LKIP’s PK (or PK Perubahan), and this year’s LKIP Renstra targets against last year’s for the years both cover (body or appendix; a finding when the two reports share no value), compared at the coarser printed precision. A report that contradicts itself is target-drift’s finding.',
  },
  messages: {
    target: {
      id: 'Target {{year}} "{{indicator}}" di {{source}} {{file}} ({{at}}) tercatat {{reported}}, sedangkan di {{otherSource}} {{otherFile}} ({{otherAt}}) {{expected}}.',
      en: 'The {{year}} target of "{{indicator}}" in the {{sourceEn}} of {{file}} ({{atEn}}) is {{reported}}, while the {{otherSourceEn}} of {{otherFile}} ({{otherAtEn}}) gives {{expected}}.',
    },
  },
};

export const CROSS_DOCUMENT_CITATION_META: RuleMeta = {
  id: CROSS_DOCUMENT_CITATION_RULE,
  category: 'reference_mismatch',
  defaultSeverity: 'warning',
  docs: {
    id: 'Peraturan (jenis, nomor, judul) yang dikutip SK IKU atau PK terpisah dengan tahun lain daripada di LKIP instansi yang sama pada tahun yang sama (tahun yang paling sering dikutip LKIP). Di dalam satu laporan: aturan citation.',
    en: 'A regulation (kind, number, title) a separate SK IKU or PK cites with another year than the LKIP of the same agency and year does (the year the LKIP cites most often). Within one report: the citation rule.',
  },
  messages: {
    citationYear: {
      id: '{{jenis}} Nomor {{nomor}} tentang "{{tentang}}" dikutip dengan Tahun {{reported}} di {{file}} ({{at}}), tetapi dengan Tahun {{expected}} di {{otherFile}} ({{places}}): tahunnya berbeda.',
      en: '{{jenis}} Nomor {{nomor}} on "{{tentang}}" is cited with year {{reported}} in {{file}} ({{atEn}}), but with year {{expected}} in {{otherFile}} ({{placesEn}}): the years differ.',
    },
  },
};

/** The checks across documents, in the order `lkip-audit rules` and the reporters list them. */
export const CROSS_DOCUMENT_METAS: readonly RuleMeta[] = [CROSS_DOCUMENT_META, CROSS_DOCUMENT_TARGET_META, CROSS_DOCUMENT_CITATION_META];

/** The check that owns a messageId (each messageId belongs to exactly one). */
function metaOf(messageId: string): RuleMeta {
  const meta = CROSS_DOCUMENT_METAS.find((m) => messageId in m.messages);
  if (!meta) throw new Error(`cross-document: messageId tidak dikenal: ${messageId}`);
  return meta;
}

const TARGET_SOURCES = new Set<TargetSource>(['iku', 'pk', 'pk_perubahan', 'renstra', 'renstra_lampiran']);

const SOURCE_LABEL: Record<TargetSource, { id: string; en: string }> = {
  renstra: { id: 'Renstra', en: 'Renstra' },
  renstra_lampiran: { id: 'Renstra', en: 'Renstra' },
  rkt: { id: 'RKT', en: 'RKT' },
  iku: { id: 'IKU', en: 'IKU' },
  pk: { id: 'PK', en: 'PK' },
  pk_perubahan: { id: 'PK Perubahan', en: 'PK Perubahan' },
  measurement: { id: 'tabel pengukuran', en: 'measurement table' },
  comparison: { id: 'tabel perbandingan', en: 'comparison table' },
  renstra_end: { id: 'target akhir Renstra', en: 'Renstra end target' },
};

function kindOf(report: LkipReport): DocumentKind {
  const lkipSections = new Set(['ikhtisar', 'bab1', 'bab2', 'bab3', 'bab4']);
  if (report.sections.filter((s) => lkipSections.has(s.kind)).length >= 2) return 'lkip';
  if (report.tables.some((t) => t.kind === 'iku')) return 'sk_iku';
  if (report.tables.some((t) => t.kind === 'pk_targets')) return 'pk';
  return 'other';
}

const MONTHS = 'januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember';

/**
 * The year of a document whose cover names none (a decree, a PK): its title ("Perjanjian Kinerja
 * Perubahan Tahun 2023"), else its number or signing date ("Nomor : 065/45/35.09.10/2023",
 * "Pada tanggal : 21 November 2023", "Jember : 21 November 2023").
 */
function yearOf(report: LkipReport): number | null {
  if (report.meta.year !== null) return report.meta.year;
  const patterns = [
    /\b(?:perjanjian kinerja|indikator kinerja utama)\b[^.]{0,40}?\btahun\s+(20\d\d)\b/i,
    /\b(?:nomor|tanggal)\b[^\n]*?\b(20\d\d)\b/i,
    new RegExp(`\\b\\d{1,2}\\s+(?:${MONTHS})\\s+(20\\d\\d)\\b`, 'i'),
  ];
  for (const re of patterns) {
    for (const l of report.prose.lines) {
      const m = re.exec(printed(l));
      if (m) return Number(m[1]);
    }
  }
  return null;
}

/**
 * Text of a formula cell as words: markup, LaTeX commands, fraction bars and "x 100%" layout dropped.
 * A command broken over two lines of the cell comes out of a PDF with a space after its backslash
 * (`{\ text{`, `\ times`): a command too.
 */
export function formulaWords(s: string): string[] {
  const words = s
    .replace(/<[^>]+>/g, ' ')
    .replace(/\\\s*[a-zA-Z]+/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && w !== 'x');
  return [...new Set(words)].sort();
}

const clean = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

function ikuEntries(report: LkipReport, kind: DocumentKind, synonyms: [string, string][]): IkuEntry[] {
  const all = report.tables.filter((t) => t.kind === 'iku');
  // an LKIP's SK IKU appendix is the decree itself; its Bab II table restates it in its own layout
  const appendix = all.filter((t) => t.section === 'lampiran_iku');
  const tables: Table[] = kind === 'lkip' && appendix.length ? appendix : all;
  const out: IkuEntry[] = [];
  for (const t of tables) {
    const cols = t.columns.map((c) => clean(c).toLowerCase());
    const ind = cols.findIndex((c) => /indikator kinerja utama|^iku$|indikator/.test(c));
    const formula = cols.findIndex((c) => /formula/.test(c));
    if (ind < 0 || formula < 0) continue;
    for (const r of t.rows) {
      const name = clean(r.cells[ind] ?? '');
      const key = indicatorKey(name, synonyms);
      if (key.length < 6) continue;
      out.push({ key, name, formula: clean(r.cells[formula] ?? ''), src: cellRef(report.file, t, r, name, formula) });
    }
  }
  return out;
}

/** The per-file summary the cross-document checks read (computed where the document is, in the worker). */
export function summariseReport(report: LkipReport, config: Config): DocumentSummary {
  const kind = kindOf(report);
  const synonyms = config.vocabulary?.indicatorSynonyms ?? [];
  const indicators = new Map(report.indicators.map((i) => [i.id, i]));
  const targets: TargetEntry[] = [];
  for (const t of targetReadings(report)) {
    const ind = indicators.get(t.indicatorId);
    if (!ind || !TARGET_SOURCES.has(t.source)) continue;
    targets.push({ key: ind.key, name: ind.name, year: t.year, source: t.source, printed: t.value, src: t.value.src });
  }
  const realisations: RealisationEntry[] = [];
  for (const m of report.measurements) {
    const ind = indicators.get(m.indicatorId);
    if (!ind || m.kind !== 'year' || m.year === null || m.realisasi.value === null) continue;
    const v = m.realisasi;
    realisations.push({ key: ind.key, name: ind.name, year: m.year, source: 'measurement', printed: v, src: v.src });
  }
  // earlier years' realisations as this report quotes them (the model keeps only their targets)
  for (const t of report.tables.filter((x) => x.kind === 'comparison_years')) {
    const ind = t.columns.findIndex((c) => /indikator/i.test(c));
    const cols = t.columns.map((c, i) => ({ i, year: /realisasi/i.test(c) ? Number(/\b(20\d\d)\b/.exec(c)?.[1] ?? NaN) : NaN })).filter((c) => !Number.isNaN(c.year));
    if (ind < 0 || cols.length === 0) continue;
    for (const r of t.rows) {
      const name = clean(r.cells[ind] ?? '');
      const key = indicatorKey(name, synonyms);
      if (key.length < 6) continue;
      for (const c of cols) {
        const v = parseValue(r.cells[c.i] ?? '', cellRef(report.file, t, r, name, c.i), 'percent');
        if (v.value === null) continue;
        realisations.push({ key, name, year: c.year, source: 'comparison', printed: v, src: v.src });
      }
    }
  }
  return {
    file: report.file,
    kind,
    agency: report.meta.agency ? report.meta.agency.toUpperCase().replace(/\s+/g, ' ').trim() : null,
    year: yearOf(report),
    iku: ikuEntries(report, kind, synonyms),
    targets,
    realisations,
    citations: citationEntries(report),
  };
}

/** The regulations a document cites with a title, where it cites them. */
function citationEntries(report: LkipReport): CitationEntry[] {
  const out: CitationEntry[] = [];
  for (const par of paragraphs(report)) {
    for (const c of regulationCitations(par.text)) {
      if (!c.tentangKey) continue;
      const l = lineAt(par, c.index);
      out.push({ key: `${c.jenisKey}|${c.nomor}|${c.tentangKey}`, jenis: short(c.jenis, 70), nomor: c.nomor, tahun: c.tahun, tentang: short(c.tentang ?? '', 60), printed: short(c.printed, 120), src: { file: report.file, page: l.page, line: l.line, section: SECTION_LABEL[par.section] } });
    }
  }
  return out;
}

/** The key a document is paired by across runs (baselines): kind, agency and year, or the file's name. */
export function documentKey(s: Pick<DocumentSummary, 'file' | 'kind' | 'agency' | 'year'>): string {
  if (s.agency && s.year !== null) return `${s.kind}|${s.agency}|${s.year}`;
  return `file|${s.file.replace(/\\/g, '/').split('/').pop() ?? s.file}`;
}

const at = (r: SourceRef) => (r.page !== null ? `hlm. ${r.page}, baris ${r.line}` : `baris ${r.line}`);
const atEn = (r: SourceRef) => (r.page !== null ? `p. ${r.page}, line ${r.line}` : `line ${r.line}`);
const short = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The placeholders naming a finding's two files and places (each language writes its own place). */
function placeData(a: DocumentSummary, where: SourceRef, b: DocumentSummary, other: SourceRef) {
  return { file: a.file, at: at(where), atEn: atEn(where), otherFile: b.file, otherAt: at(other), otherAtEn: atEn(other) };
}

/** A problem stated in `a` about a value whose other copy stands in `b` (its one related place). */
function problem(messageId: string, where: SourceRef, other: SourceRef, data: Problem['data'], reported: string | PrintedValue, expected: string | PrintedValue, tolerance: Tolerance): Problem {
  return {
    messageId,
    data: { ...data, reported, expected },
    where,
    reported,
    expected: typeof expected !== 'string' ? expectPrinted(expected) : expected ? { kind: 'printed', raw: expected } : { kind: 'none' },
    tolerance,
    related: [{ ...other, note: other.file }],
  };
}

/**
 * Two printed values agree at the printed precision of both (`compareAtPrinted`: `90,24` and `90,2`,
 * `85,9` and `85`), the precision being the finding's tolerance; text (grades) when it is the same
 * text (case and spacing folded).
 */
export function sameValue(a: PrintedValue, b: PrintedValue): boolean {
  if (a.value === null || b.value === null) return clean(a.raw).toLowerCase() === clean(b.raw).toLowerCase();
  return compareAtPrinted(a, b).same;
}

/** The tolerance of a comparison of two printed values: their coarser precision, or the same text. */
function toleranceOf(a: PrintedValue, b: PrintedValue): Tolerance {
  if (a.value === null || b.value === null) return criterion('teks yang sama', 'the same text');
  return precision(compareAtPrinted(a, b).decimals);
}

function firstBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(x);
  }
  return m;
}

/** SK IKU file `a` against the LKIP `b`. */
function compareIku(a: DocumentSummary, b: DocumentSummary): Problem[] {
  const out: Problem[] = [];
  const theirs = firstBy(b.iku, (e) => e.key);
  const seen = new Set<string>();
  for (const e of a.iku) {
    const o = theirs.get(e.key)?.[0];
    if (!o || seen.has(e.key)) continue;
    seen.add(e.key);
    if (formulaWords(e.formula).join(' ') === formulaWords(o.formula).join(' ')) continue;
    out.push(
      problem(
        'ikuFormula',
        e.src,
        o.src,
        { indicator: short(e.name, 90), ...placeData(a, e.src, b, o.src), formula: short(e.formula, 90), otherFormula: short(o.formula, 90) },
        short(e.formula) || '(kosong)',
        short(o.formula) || '(kosong)',
        criterion('kata yang sama (urutan, tata letak, huruf besar/kecil diabaikan)', 'the same words (order, layout, case ignored)'),
      ),
    );
  }
  return [...out, ...compareTargets(a, b, (s) => (s === 'iku' ? 'iku' : null))];
}

/**
 * Targets of `a` against `b`, grouped by `group(source)` (null: not compared), indicator key and
 * year: a finding when the two documents share no value.
 */
function compareTargets(a: DocumentSummary, b: DocumentSummary, group: (s: TargetSource) => string | null): Problem[] {
  const out: Problem[] = [];
  const k = (t: TargetEntry) => `${group(t.source)}|${t.key}|${t.year}`;
  const mine = firstBy(a.targets.filter((t) => group(t.source) !== null), k);
  const theirs = firstBy(b.targets.filter((t) => group(t.source) !== null), k);
  for (const [key, ts] of mine) {
    const os = theirs.get(key);
    if (!os) continue;
    if (ts.some((t) => os.some((o) => sameValue(t.printed, o.printed)))) continue;
    const t = ts[0]!;
    const o = os[0]!;
    const src = SOURCE_LABEL[t.source];
    const osrc = SOURCE_LABEL[o.source];
    out.push(
      problem(
        'target',
        t.src,
        o.src,
        { year: t.year, indicator: short(t.name, 90), source: src.id, sourceEn: src.en, otherSource: osrc.id, otherSourceEn: osrc.en, ...placeData(a, t.src, b, o.src) },
        t.printed,
        o.printed,
        toleranceOf(t.printed, o.printed),
      ),
    );
  }
  return out;
}

/** The later LKIP's quotes of an earlier year's realisation against the earlier LKIP's own measurement of that year. */
function compareRealisations(later: DocumentSummary, earlier: DocumentSummary): Problem[] {
  const out: Problem[] = [];
  const own = firstBy(
    earlier.realisations.filter((r) => r.source === 'measurement' && r.year === earlier.year),
    (r) => r.key,
  );
  const seen = new Set<string>();
  for (const q of later.realisations) {
    if (q.source !== 'comparison' || q.year !== earlier.year || seen.has(q.key)) continue;
    const os = own.get(q.key);
    if (!os) continue;
    seen.add(q.key);
    if (os.some((o) => sameValue(q.printed, o.printed))) continue;
    const o = os[0]!;
    out.push(problem('realisation', q.src, o.src, { year: q.year, indicator: short(q.name, 90), ...placeData(later, q.src, earlier, o.src) }, q.printed, o.printed, toleranceOf(q.printed, o.printed)));
  }
  return out;
}

/**
 * The regulations a separate document `a` (an SK IKU, a PK) cites against the LKIP `b`: one
 * regulation (kind, number, title) cited with one year throughout `a` and with another year in `b`
 * (the year `b` cites most often) is reported in `a`, naming the places in `b`. A document that is
 * not consistent itself is left to the per-file citation rule.
 */
function compareCitations(a: DocumentSummary, b: DocumentSummary): Problem[] {
  const out: Problem[] = [];
  const theirs = firstBy(b.citations, (c) => c.key);
  for (const [key, cs] of firstBy(a.citations, (c) => c.key)) {
    const years = new Set(cs.map((c) => c.tahun));
    if (years.size !== 1) continue;
    const c = cs[0]!;
    const byYear = [...firstBy(theirs.get(key) ?? [], (o) => String(o.tahun)).entries()].sort((x, y) => y[1].length - x[1].length);
    if (byYear.length === 0) continue;
    // the year `b` cites most often; a year `b` cites as often as that is no contradiction of `b`
    const most = byYear[0]![1].length;
    if (byYear.some(([y, os]) => os.length === most && Number(y) === c.tahun)) continue;
    const [year, os] = byYear[0]!;
    const places = os.slice(0, 4).map((o) => `${o.src.section ? `${o.src.section}, ` : ''}${at(o.src)}`);
    const placesEn = os.slice(0, 4).map((o) => `${o.src.section ? `${o.src.section}, ` : ''}${atEn(o.src)}`);
    out.push({
      messageId: 'citationYear',
      data: { jenis: c.jenis, nomor: c.nomor, tentang: c.tentang, reported: c.tahun, expected: Number(year), ...placeData(a, c.src, b, os[0]!.src), places: places.join('; '), placesEn: placesEn.join('; ') },
      where: c.src,
      reported: c.printed,
      expected: { kind: 'text', text: { id: `Tahun ${year} (${b.file}: ${places.join('; ')})`, en: `year ${year} (${b.file}: ${placesEn.join('; ')})` } },
      tolerance: criterion('jenis, nomor dan judul sama: tahun sama', 'same kind, number and title: same year'),
      related: os.slice(0, 4).map((o) => ({ ...o.src, note: `${b.file}: ${o.printed}` })),
    });
  }
  return out;
}

/**
 * Findings across the documents of one batch (in the order of `summaries`; deterministic).
 * `rules` is the configuration's `rules:` (or the part naming these checks): each problem is stamped
 * by the check owning its messageId, with that check's setting (enabled, severity, messages).
 */
export function crossDocumentFindings(summaries: readonly DocumentSummary[], rules: Readonly<Record<string, Partial<RuleSetting>>> = {}): Finding[] {
  if (CROSS_DOCUMENT_METAS.every((m) => rules[m.id]?.enabled === false)) return [];
  const out: Problem[] = [];
  const byAgency = firstBy(
    summaries.filter((s) => s.agency),
    (s) => s.agency!,
  );
  for (const docs of byAgency.values()) {
    const lkips = docs.filter((d) => d.kind === 'lkip');
    for (const d of docs) {
      if (d.kind === 'sk_iku' || d.kind === 'pk') {
        // the LKIP of its year; a document whose year cannot be read only when the agency has one LKIP
        const match = d.year !== null ? lkips.filter((l) => l.year === d.year) : lkips.length === 1 ? lkips : [];
        for (const l of match) {
          out.push(...(d.kind === 'sk_iku' ? compareIku(d, l) : compareTargets(d, l, (s) => (s === 'pk' || s === 'pk_perubahan' ? s : null))));
          out.push(...compareCitations(d, l));
        }
      }
    }
    // each LKIP against every earlier year's: Renstra targets (body and appendix are one Renstra)
    for (const later of lkips) {
      for (const earlier of lkips) {
        if (later.year === null || earlier.year === null || earlier.year >= later.year) continue;
        out.push(...compareTargets(later, earlier, (s) => (s === 'renstra' || s === 'renstra_lampiran' ? 'renstra' : null)));
        out.push(...compareRealisations(later, earlier));
      }
    }
  }
  return out.flatMap((p) => {
    const meta = metaOf(p.messageId);
    const setting = rules[meta.id];
    return setting?.enabled === false ? [] : [stampProblem(meta, setting, p)];
  });
}
