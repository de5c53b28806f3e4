/**
 * Tables a text export printed without cell separators, laid back into cells (issue 12). Pure: runs
 * in the browser too. Line numbers stay those of the file; only lines read as one of the layout
 * classes below get cells, every other line is left as it was.
 *
 * Class "space-aligned year table": a two-level header printed as two lines of words, the years
 * ("2020 2021") over the value roles of each year ("Target Realisasi Target Realisasi"), and under
 * it rows of one label followed by exactly one value per column ("Kontrak kinerja 4,55 4,92 4,64
 * 4,93"). The roles come from `columnRoles` of the vocabulary (value roles only), the years are
 * any four-digit years. The header is taken only when every year carries the same roles in the
 * same order; a row only when it ends in as many values (numbers, or "-" for an empty cell) as the
 * header has columns. A header whose rows do not fit is left as text and listed as undecided.
 *
 * Class "one value per line, row by row" (a matrix exported cell by cell, each row a label line and
 * exactly as many lone values as its header lines name year columns) is rebuilt into cells (see
 * rowsOneValuePerLine); every other run of lone values is recognised and not read: it is listed as
 * undecided (see oneValuePerLine).
 */
import type { Config } from '../model/config.js';
import type { DocLine, Document } from '../model/document.js';
import { roleOf, words } from './columns.js';
import { parseValue } from './numbers.js';

type Vocab = NonNullable<Config['vocabulary']>;

export interface Relaid {
  doc: Document;
  /** Layouts seen and not decided (a header with no row that fits it): for `extract`. */
  undecided: { line: number; note: string }[];
}

const YEAR_TOKEN = /^(19[5-9]\d|20\d\d)$/;
const NOWHERE = { file: '', page: null, line: 0 };

/** A printed cell value: a number or percentage, or a dash for an empty cell. */
function isValueToken(t: string): boolean {
  if (/^[-–—]$/.test(t)) return true;
  const v = parseValue(t, NOWHERE);
  return v.kind === 'number' || v.kind === 'percent';
}

/** "2020 2021": two or more different years and nothing else. */
function yearsLine(text: string): number[] | null {
  const toks = text.trim().split(/\s+/);
  if (toks.length < 2 || !toks.every((t) => YEAR_TOKEN.test(t))) return null;
  const ys = toks.map(Number);
  return new Set(ys).size === ys.length ? ys : null;
}

/** "Target Realisasi Target realisasi" under k years: the roles of one year, or null. */
function rolesLine(text: string, years: number, vocab: Vocab): string[] | null {
  const toks = words(text).split(' ').filter(Boolean);
  if (toks.length < years || toks.length % years !== 0) return null;
  const hits = toks.map((t) => roleOf(t, vocab));
  if (hits.some((h) => !h || h.kind !== 'value')) return null;
  const per = toks.length / years;
  const first = toks.slice(0, per);
  for (let y = 1; y < years; y++) if (toks.slice(y * per, (y + 1) * per).join(' ') !== first.join(' ')) return null;
  return first;
}

/** "Renstra 2020-2024 4 - 4.05 -" → label and its n values; null when the line does not end in n values after a label. */
function splitRow(text: string, n: number): { label: string; values: string[] } | null {
  const toks = text.trim().split(/\s+/);
  if (toks.length <= n) return null;
  const values = toks.slice(-n);
  const label = toks.slice(0, -n).join(' ');
  if (!values.every(isValueToken)) return null;
  // the label is words: it has letters and does not itself end in a value (one value too many)
  if (!/[a-z]/i.test(label) || isValueToken(toks[toks.length - n - 1]!)) return null;
  if (values.every((v) => /^[-–—]$/.test(v))) return null;
  return { label, values };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function relayTables(doc: Document, config: Config): Relaid {
  const vocab = config.vocabulary;
  const undecided: Relaid['undecided'] = [];
  if (!vocab || vocab.columnRoles.length === 0) return { doc, undecided };
  const lines = doc.lines;
  let out: DocLine[] | null = null;
  for (let i = 0; i + 1 < lines.length; i++) {
    const y = lines[i]!;
    if (y.cells) continue;
    const years = yearsLine(y.text);
    if (!years) continue;
    const r = lines[i + 1]!;
    if (r.cells) continue;
    const roles = rolesLine(r.text, years.length, vocab);
    if (!roles) {
      // role words under the years that do not divide among them: a layout seen and not read
      const toks = words(r.text).split(' ').filter(Boolean);
      if (toks.length > 0 && toks.every((t) => roleOf(t, vocab)?.kind === 'value')) {
        undecided.push({ line: r.line, note: `baris ${y.line}–${r.line}: ${years.length} tahun di atas ${toks.length} kata peran (${r.text.trim().slice(0, 60)}): tidak dapat dibagi per tahun, tidak dibaca sebagai tabel` });
      }
      continue;
    }
    const labels = years.flatMap((yr) => roles.map((ro) => `${capital(ro)} ${yr}`));
    const rows: { at: number; label: string; values: string[] }[] = [];
    for (let j = i + 2; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.cells || !l.text.trim()) break;
      const row = splitRow(l.text, labels.length);
      if (!row) break;
      rows.push({ at: j, ...row });
    }
    if (rows.length === 0) {
      undecided.push({ line: r.line, note: `baris ${y.line}–${r.line}: judul tahun dan peran (${labels.join(', ')}) tanpa baris berisi ${labels.length} nilai: tidak dibaca sebagai tabel` });
      continue;
    }
    out ??= [...lines];
    // the two header lines become two header rows: each year spans its roles (structure.ts joins them)
    const upper = ['', ...years.flatMap((yr) => roles.map((_, k) => (k === 0 ? String(yr) : '')))];
    const lower = ['', ...years.flatMap(() => roles.map(capital))];
    out[i] = { ...y, text: upper.join('\t'), cells: upper.map((text) => ({ text })) };
    out[i + 1] = { ...r, text: lower.join('\t'), cells: lower.map((text) => ({ text })) };
    for (const row of rows) {
      const l = lines[row.at]!;
      const cells = [row.label, ...row.values];
      out[row.at] = { ...l, text: cells.join('\t'), cells: cells.map((text) => ({ text })) };
    }
    i = rows[rows.length - 1]!.at;
  }
  const noted = new Set<number>();
  const rebuilt = rowsOneValuePerLine(out ?? lines, vocab, undecided, noted);
  if (rebuilt) out = rebuilt;
  oneValuePerLine(out ?? lines, undecided, noted);
  return { doc: out ? { ...doc, lines: out } : doc, undecided };
}

/** A value a cell holds alone on its line: a percentage or a number with decimals (a page number is neither). */
const LONE_VALUE = /^[-+]?\d{1,3}(?:\.\d{3})*(?:,\d+)?\s?%$|^[-+]?\d+[.,]\d+\s?%?$/;

const YEAR_ONLY = /^(?:tahun\s+)?(19[5-9]\d|20\d\d)$/i;
const YEAR_ANY = /\b(19[5-9]\d|20\d\d)\b/g;
const isLone = (l: DocLine | undefined) => !!l && !l.cells && LONE_VALUE.test(l.text.trim());
/** A row's label line: words, not a value, not a header year. */
const isLabelLine = (l: DocLine | undefined) => !!l && !l.cells && /[a-z]/i.test(l.text) && !isLone(l) && !YEAR_ONLY.test(l.text.trim());

/**
 * The value columns named by the header lines just above line `at` (each alone on its line, as
 * such a matrix exports them): a value role with one year ("KONDISI AWAL 2014") is a column; a
 * value role without a year ("TARGET TAHUN") heads the lone years printed among the header lines
 * ("2015" … "2019": Target Tahun 2015 …). Label words ("URAIAN", "FORMULASI") are passed over.
 * Every column must name a different year; they are put in year order (a plan matrix runs from its
 * base year to its end). Null when the header lines name no such columns, a role word stands
 * without a year and without years to head, or two columns share a year.
 */
function yearColumnsAbove(lines: DocLine[], at: number, vocab: Vocab): { labels: string[]; lines: number[] } | null {
  const hdr: number[] = [];
  for (let h = at - 1; h >= 0 && hdr.length < 16; h--) {
    const l = lines[h]!;
    const t = l.text.trim();
    if (l.cells || !t) break;
    if (YEAR_ONLY.test(t) || (t.split(/\s+/).length <= 6 && roleOf(t, vocab))) hdr.unshift(h);
    else break;
  }
  if (hdr.length === 0) return null;
  const cols: { label: string; year: number }[] = [];
  const years: number[] = [];
  const heads: string[] = [];
  for (const h of hdr) {
    const t = lines[h]!.text.trim().replace(/\s+/g, ' ');
    const ym = YEAR_ONLY.exec(t);
    if (ym) {
      years.push(Number(ym[1]));
      continue;
    }
    if (roleOf(t, vocab)?.kind !== 'value') continue;
    const ys = [...new Set((t.match(YEAR_ANY) ?? []).map(Number))];
    if (ys.length === 1) cols.push({ label: t, year: ys[0]! });
    else if (ys.length === 0) heads.push(t);
    else return null;
  }
  if (heads.length > 1 || (heads.length === 1) !== years.length > 0) return null;
  for (const y of years) cols.push({ label: `${heads[0]} ${y}`, year: y });
  if (cols.length < 2 || new Set(cols.map((c) => c.year)).size !== cols.length) return null;
  cols.sort((a, b) => a.year - b.year);
  return { labels: cols.map((c) => c.label), lines: hdr };
}

/**
 * Class "one value per line, row by row": a matrix exported one cell per line whose header lines
 * name k value columns (yearColumnsAbove), directly followed by rows each printed as a label line
 * (the indicator or its formula) and exactly k lone values. Each such row becomes one table row
 * (the label and its k values, on the label's line; the value lines become empty rows) under one
 * header row (on the first header line; the other header lines become empty rows), so the model reads it as any table. The rows end at the
 * first label line not followed by exactly k values: that run, and every run without such a header,
 * stays text (oneValuePerLine lists it). Returns the rewritten lines, or null when nothing was rebuilt.
 */
function rowsOneValuePerLine(lines: DocLine[], vocab: Vocab, undecided: Relaid['undecided'], noted: Set<number>): DocLine[] | null {
  let out: DocLine[] | null = null;
  for (let i = 1; i < lines.length; i++) {
    if (!isLone(lines[i]) || isLone(lines[i - 1]) || !isLabelLine(lines[i - 1])) continue;
    const header = yearColumnsAbove(lines, i - 1, vocab);
    if (!header) continue;
    const k = header.labels.length;
    const rows: { label: number; from: number }[] = [];
    for (let a = i - 1; isLabelLine(lines[a]) && a > header.lines[header.lines.length - 1]!; ) {
      let j = a + 1;
      while (isLone(lines[j])) j++;
      if (j - a - 1 !== k) {
        // a run that does not fill one row: which of its values belong to which column is not known
        if (j > a + 1) {
          noted.add(a + 1);
          const span = j - a - 1 > 1 ? `${lines[a + 1]!.line}–${lines[j - 1]!.line}` : `${lines[a + 1]!.line}`;
          undecided.push({ line: lines[a + 1]!.line, note: `baris ${span}: ${j - a - 1} nilai masing-masing sendiri di satu baris di bawah "${lines[a]!.text.trim().slice(0, 40)}", judulnya menamai ${k} kolom (${header.labels.join(', ').slice(0, 80)}): baris dan kolomnya tidak dapat ditentukan, tidak dibaca sebagai tabel` });
        }
        break;
      }
      rows.push({ label: a, from: a + 1 });
      a = j;
    }
    if (rows.length === 0) continue;
    out ??= [...lines];
    // the header row on the first header line; the other header lines become empty rows
    const [first, ...rest] = header.lines;
    const head = ['', ...header.labels];
    out[first!] = { ...lines[first!]!, text: head.join('\t'), cells: head.map((text) => ({ text })) };
    for (const h of rest) out[h] = { ...lines[h]!, text: '', cells: [{ text: '' }] };
    for (const r of rows) {
      const l = lines[r.label]!;
      const cells = [l.text.trim(), ...lines.slice(r.from, r.from + k).map((v) => v.text.trim())];
      out[r.label] = { ...l, text: cells.join('\t'), cells: cells.map((text) => ({ text })) };
      for (let v = r.from; v < r.from + k; v++) out[v] = { ...lines[v]!, text: '', cells: [{ text: '' }] };
    }
    i = rows[rows.length - 1]!.from + k - 1;
  }
  return out;
}

/**
 * A table exported one cell per line (a landscape matrix copied column by column): runs of three or
 * more lines each holding one value, that rowsOneValuePerLine could not rebuild. Which value
 * belongs to which row and column cannot be told from the text (the order is the export's, labels
 * are interleaved), so it is not read; each run is listed as undecided, and no finding rests on it.
 */
function oneValuePerLine(lines: DocLine[], undecided: Relaid['undecided'], noted: Set<number>): void {
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && !lines[j]!.cells && LONE_VALUE.test(lines[j]!.text.trim())) j++;
    if (j - i >= 3 && !noted.has(i)) {
      undecided.push({ line: lines[i]!.line, note: `baris ${lines[i]!.line}–${lines[j - 1]!.line}: ${j - i} nilai masing-masing sendiri di satu baris (tabel yang diekspor sel per baris): baris dan kolomnya tidak dapat ditentukan, tidak dibaca sebagai tabel` });
    }
    i = Math.max(j, i + 1);
  }
}
