/**
 * Shared helpers for the rules that read text (narrative-number, count-claim, trend-claim, ...):
 * lines and paragraphs of the report from its prose index (report.prose, built once in parse by
 * src/parse/prose.ts), sentences, amounts and percentages inside a sentence, counts written as
 * "4 (empat)", and fuzzy matching of a sentence to a table row. Pure: reads only the LkipReport.
 */
import type { ProseEntry } from '../../model/prose.js';
import type { LkipReport, SectionKind, Table } from '../../model/report.js';
import type { SourceRef } from '../../model/values.js';
import { printed } from '../../parse/prose.js';
import { words as foldWords } from '../../parse/columns.js';
import { SECTION_LABEL, sectionAt, tableLabel } from '../../parse/structure.js';

export { cleanText } from '../../parse/prose.js';

/** Sections whose prose the narrative rules read (not the cover, contents or appendices). */
export { BODY_SECTIONS } from '../../parse/prose-facts.js';
import { BODY_SECTIONS } from '../../parse/prose-facts.js';

/** One line of the report as the rules see it: where it is, as printed, and its cells when it is a table row. */
export interface TextLine {
  page: number | null;
  line: number;
  /** The line as printed (a table row: its cells joined by tabs). */
  text: string;
  /** The cells as printed when the line is a table row, else null. */
  cells: string[] | null;
  /** Markdown heading level when the export marked the line as a heading. */
  heading?: number;
}

export interface ProseLine {
  line: TextLine;
  section: SectionKind;
  /** Text without Markdown/HTML emphasis (`**`, `*`, `<b>`), spaces collapsed. */
  text: string;
  /** The entry of the prose index this line was read from. */
  entry: ProseEntry;
}

const ALL_CACHE = new WeakMap<LkipReport, ProseLine[]>();
const BODY_CACHE = new WeakMap<LkipReport, ProseLine[]>();

/** Every non-empty line of the report (cover, contents, appendices too), text cleaned; computed once per report. */
export function allLines(report: LkipReport): ProseLine[] {
  const hit = ALL_CACHE.get(report);
  if (hit) return hit;
  const out = report.prose.lines.map(
    (e): ProseLine => ({
      line: { page: e.page, line: e.line, text: printed(e), cells: e.cells ?? null, ...(e.heading !== undefined ? { heading: e.heading } : {}) },
      section: e.section,
      text: e.text,
      entry: e,
    }),
  );
  ALL_CACHE.set(report, out);
  return out;
}

/** Every non-empty line in the body sections (prose and table rows), text cleaned; computed once per report. */
export function bodyLines(report: LkipReport): ProseLine[] {
  const hit = BODY_CACHE.get(report);
  if (hit) return hit;
  const out = allLines(report).filter((p) => BODY_SECTIONS.has(p.section));
  BODY_CACHE.set(report, out);
  return out;
}

/** Prose lines (not table rows) in the body sections, in order. */
export function proseLines(report: LkipReport): ProseLine[] {
  return bodyLines(report).filter((p) => !p.line.cells);
}

export { sentences } from '../../parse/sentences.js';

export function refOf(report: LkipReport, l: { page: number | null; line: number }, extra: Partial<SourceRef> = {}): SourceRef {
  return { file: report.file, page: l.page, line: l.line, section: SECTION_LABEL[sectionAt(report.sections, l.line).kind], ...extra };
}

export function shorten(s: string, n = 110): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : t.slice(0, n - 1) + '…';
}

// ---------------------------------------------------------------- numbers in a sentence

export { tokens, type Token } from '../../parse/sentences.js';
import type { Token } from '../../parse/sentences.js';

/** Rupiah amounts: tokens printed with Rp, or large grouped numbers (≥ 1.000.000). */
export function isAmount(t: Token): boolean {
  if (t.value.value === null) return false;
  if (/^rp/i.test(t.raw)) return t.value.value >= 1000;
  return t.value.kind === 'money' && t.value.value >= 1_000_000;
}

export function isPercent(t: Token): boolean {
  return t.value.kind === 'percent' && t.value.value !== null;
}

/** Whole rupiah as bigint cents, from the printed digits (src/parse/arith.ts). */
export { cents } from '../../parse/arith.js';

// ---------------------------------------------------------------- counts written in words

const UNITS: Record<string, number> = { nol: 0, satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9 };

/** "tiga puluh enam" → 36, "sebelas" → 11, "delapan belas" → 18; null when not a number word. */
export function wordsToNumber(s: string): number | null {
  const ws = s.toLowerCase().replace(/[^a-z ]/g, ' ').split(/\s+/).filter(Boolean);
  if (ws.length === 0) return null;
  let total = 0;
  let cur = 0;
  for (const w of ws) {
    if (w in UNITS) cur += UNITS[w]!;
    else if (w === 'belas') {
      total += 10 + cur;
      cur = 0;
    } else if (w === 'puluh') {
      total += cur * 10;
      cur = 0;
    } else if (w === 'ratus') {
      total += cur * 100;
      cur = 0;
    } else if (w === 'sepuluh') total += 10;
    else if (w === 'sebelas') total += 11;
    else if (w === 'seratus') total += 100;
    else return null;
  }
  return total + cur;
}

export interface CountToken {
  /** As printed: "4 (Empat)", "(empat) 4", "36". */
  raw: string;
  index: number;
  end: number;
  digits: number;
  words: number | null;
  wordsRaw: string | null;
}

/** Counts in a sentence: "4 (empat)", "(empat) 4" or a bare small integer. */
export function countTokens(text: string): CountToken[] {
  const out: CountToken[] = [];
  // number words are short: bounding them keeps the lazy match from backtracking over long text
  const re = /\(\s*([A-Za-z][A-Za-z ]{0,40}?)\s*\)\s*(?<![\d.,])(\d{1,3})\b(?![.,]\d)|(?<![\d.,])\b(\d{1,3})\b(?![.,]\d)(?:\s*\(\s*([A-Za-z][A-Za-z ]{0,40}?)\s*\))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const wordsRaw = m[1] ?? m[4] ?? null;
    const digits = Number(m[2] ?? m[3]);
    const words = wordsRaw !== null ? wordsToNumber(wordsRaw) : null;
    // a parenthesis that is not a number word ("(Nilai IKM)") does not belong to the count
    if (wordsRaw !== null && words === null) {
      if (m[1] !== undefined) continue;
      out.push({ raw: m[3]!, index: m.index, end: m.index + m[3]!.length, digits, words: null, wordsRaw: null });
      continue;
    }
    out.push({ raw: m[0], index: m.index, end: m.index + m[0].length, digits, words, wordsRaw });
  }
  return out;
}

// ---------------------------------------------------------------- matching text to table rows

const STOP = new Set(['dan', 'di', 'dalam', 'hal', 'yang', 'serta', 'atau', 'dengan', 'untuk', 'pada', 'ke', 'dari', 'kecamatan', 'masyarakat']);

/** The words of a label or sentence for matching (parse's one normaliser, `words` of columns.ts), without stop words and "%". */
export function words(s: string): string[] {
  return foldWords(s)
    .split(' ')
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => w.replace(/^(meningkatnya|meningkatkan)$/, 'meningkat').replace(/^fasilitas(i)?$/, 'fasilitas').replace(/^efektivitas$/, 'efektifitas'));
}

/** Share of the row label's words that occur in the text (0..1). */
export function containment(rowLabel: string, text: string): number {
  return containedIn(rowLabel, new Set(words(text)));
}

/** containment() against the text's words, split once for all the labels compared with it. */
function containedIn(rowLabel: string, b: ReadonlySet<string>): number {
  const a = words(rowLabel);
  if (a.length === 0) return 0;
  return a.filter((w) => b.has(w)).length / a.length;
}

/** Best row by containment, only when clearly better than the second best. */
export function bestMatch<T>(items: T[], label: (t: T) => string, text: string, min = 0.75): T | null {
  const b = new Set(words(text));
  const scored = items.map((t) => ({ t, s: containedIn(label(t), b) })).sort((x, y) => y.s - x.s);
  const first = scored[0];
  if (!first || first.s < min) return null;
  const second = scored[1];
  if (second && second.s >= first.s - 0.15) return null;
  return first.t;
}

/** Column index whose label matches, or -1. */
export function columnIndex(t: Table, re: RegExp, not?: RegExp): number {
  return t.columns.findIndex((c) => re.test(c) && !(not && not.test(c)));
}

export { tableLabel };

/** The "Sasaran Strategis N : name" heading that a paragraph belongs to (searching back a few lines). */
export function sasaranHeading(prose: ProseLine[], idx: number, maxBack = 16): { name: string; line: TextLine } | null {
  const re = /^[-#\s]*(?:\d+\.\s*|[a-z]\)\s*)?(?:tujuan\s+\d+\s+)?sasaran(?:\s+strategi[s]?)?\s*\d+\s*:?\s*(.+)$/i;
  const cur = prose[idx];
  if (!cur) return null;
  const first = cur.line.line;
  for (let i = idx; i >= 0; i--) {
    const p = prose[i]!;
    if (first - p.line.line > maxBack) break;
    const m = re.exec(p.text);
    if (m) {
      // a heading wrapped onto the next line (PDF): a following line that starts in lower case continues it
      const next = prose[i + 1];
      const cont = next && i + 1 < idx + 1 && next.line.line - p.line.line === 1 && /^[a-z]/.test(next.text) ? ` ${next.text}` : '';
      return { name: m[1]! + cont, line: p.line };
    }
    // a new sub-section title ("B.2 ANALISA ...") ends the search
    if (i < idx && /^[A-Z](\.\d+)?\.?\s+[A-Z ]{6,}$/.test(p.text)) break;
  }
  return null;
}

// ---------------------------------------------------------------- paragraphs

export interface Paragraph {
  text: string;
  section: SectionKind;
  /** The lines it was joined from, with the offset of each in `text`. */
  parts: { line: TextLine; offset: number }[];
}

/**
 * Prose paragraphs of any section: consecutive prose lines joined where a line wraps (the prose
 * index marks such a line, src/parse/prose.ts). Table rows are never joined. Computed once per report.
 */
export function paragraphs(report: LkipReport): readonly Paragraph[] {
  const hit = PAR_CACHE.get(report);
  if (hit) return hit;
  const out: Paragraph[] = [];
  let cur: Paragraph | null = null;
  for (const p of allLines(report)) {
    if (p.line.cells) {
      cur = null;
      continue;
    }
    if (cur && p.entry.wraps) {
      cur.parts.push({ line: p.line, offset: cur.text.length + 1 });
      cur.text += ` ${p.text}`;
    } else {
      cur = { text: p.text, section: p.section, parts: [{ line: p.line, offset: 0 }] };
      out.push(cur);
    }
  }
  PAR_CACHE.set(report, out);
  return out;
}

const PAR_CACHE = new WeakMap<LkipReport, Paragraph[]>();

/** The line of a paragraph that holds the character at `offset`. */
export function lineAt(par: Paragraph, offset: number): TextLine {
  let l = par.parts[0]!.line;
  for (const x of par.parts) if (x.offset <= offset) l = x.line;
  return l;
}

// ---------------------------------------------------------------- numbers of a sentence, from the prose facts

const SENT_CACHE = new WeakMap<LkipReport, Map<string, Token[]>>();

/**
 * The numbers of one sentence of a body paragraph as the prose facts give them (report.proseFacts,
 * src/parse/prose-facts.ts): offsets in the sentence, in order. Years standing alone, list, chapter
 * and regulation numbers and dates are not among them.
 */
export function sentenceNumbers(report: LkipReport, par: Paragraph, sentenceOffset: number): Token[] {
  let byKey = SENT_CACHE.get(report);
  if (!byKey) {
    byKey = new Map();
    for (const f of report.proseFacts) {
      const key = `${f.at.paragraph}\u0000${f.at.sentence}`;
      const index = f.at.offset - f.at.sentence;
      const list = byKey.get(key) ?? [];
      list.push({ raw: f.value.raw, index, end: index + f.value.raw.length, value: f.value });
      byKey.set(key, list);
    }
    SENT_CACHE.set(report, byKey);
  }
  return byKey.get(`${par.parts[0]!.line.line}\u0000${sentenceOffset}`) ?? [];
}
