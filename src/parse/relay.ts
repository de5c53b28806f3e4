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
import { escapeRe } from './regex.js';

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
function yearColumnsAbove(lines: DocLine[], at: number, vocab: Vocab): { labels: string[]; cols: { role: string; year: number }[]; lines: number[] } | null {
  const hdr: number[] = [];
  for (let h = at - 1; h >= 0 && hdr.length < 16; h--) {
    const l = lines[h]!;
    const t = l.text.trim();
    if (l.cells || !t) break;
    if (YEAR_ONLY.test(t) || (t.split(/\s+/).length <= 6 && roleOf(t, vocab))) hdr.unshift(h);
    else break;
  }
  if (hdr.length === 0) return null;
  const cols: { label: string; role: string; year: number }[] = [];
  const years: number[] = [];
  const heads: string[] = [];
  for (const h of hdr) {
    const t = lines[h]!.text.trim().replace(/\s+/g, ' ');
    const ym = YEAR_ONLY.exec(t);
    if (ym) {
      years.push(Number(ym[1]));
      continue;
    }
    const hit = roleOf(t, vocab);
    if (hit?.kind !== 'value') continue;
    const ys = [...new Set((t.match(YEAR_ANY) ?? []).map(Number))];
    if (ys.length === 1) cols.push({ label: t, role: hit.role, year: ys[0]! });
    else if (ys.length === 0) heads.push(t);
    else return null;
  }
  if (heads.length > 1 || (heads.length === 1) !== years.length > 0) return null;
  const headRole = heads.length === 1 ? roleOf(heads[0]!, vocab)!.role : '';
  for (const y of years) cols.push({ label: `${heads[0]} ${y}`, role: headRole, year: y });
  if (cols.length < 2 || new Set(cols.map((c) => c.year)).size !== cols.length) return null;
  cols.sort((a, b) => a.year - b.year);
  return { labels: cols.map((c) => c.label), cols: cols.map(({ role, year }) => ({ role, year })), lines: hdr };
}

/** A line that is only the heading of a text column (`cellPerLine.strayHeadings`: "RUMUS", "STRATEGI"). */
function isStrayHeading(l: DocLine | undefined, vocab: Vocab): boolean {
  if (!l || l.cells) return false;
  const w = words(l.text);
  return w !== '' && vocab.cellPerLine.strayHeadings.some((h) => words(h) === w);
}

/**
 * The lone values after label line `a`: value lines, and between two of them lines that are only a
 * stray column heading (passed over). Returns the value lines and the first line after the run.
 */
function valueRun(lines: DocLine[], a: number, vocab: Vocab): { values: number[]; end: number } {
  const values: number[] = [];
  let j = a + 1;
  for (;;) {
    if (isLone(lines[j])) {
      values.push(j++);
      continue;
    }
    let h = j;
    while (values.length > 0 && isStrayHeading(lines[h], vocab)) h++;
    if (h > j && isLone(lines[h])) {
      j = h;
      continue;
    }
    return { values, end: j };
  }
}

/**
 * A label line holding several formulas, each ending in one of `cellPerLine.formulaEnds` ("(A) / (B)
 * x 100% (C) / (B) x 100%"): the formulas, or null when the line is not n >= 2 of them (text after the
 * last end, or a piece without words).
 */
export function splitFormulas(text: string, vocab: Vocab): string[] | null {
  const ends = [...vocab.cellPerLine.formulaEnds].sort((a, b) => b.length - a.length);
  if (ends.length === 0) return null;
  const esc = (e: string) => e.trim().split(/\s+/).map(escapeRe).join('\\s*');
  const re = new RegExp(`(?:${ends.map(esc).join('|')})(?![\\d,.])`, 'gi');
  const parts: string[] = [];
  let from = 0;
  for (const m of text.matchAll(re)) {
    const end = m.index! + m[0].length;
    parts.push(text.slice(from, end).trim());
    from = end;
  }
  if (parts.length < 2 || text.slice(from).trim() !== '' || !parts.every((p) => /[a-z]{2}/i.test(p.replace(new RegExp(re.source, 'gi'), '')))) return null;
  return parts;
}

/** One formula: text that ends in one of `cellPerLine.formulaEnds` and holds words before it. */
function isFormula(text: string, vocab: Vocab): boolean {
  return splitFormulas(`${text} ${text}`, vocab)?.length === 2;
}

/** A row's label as a key: its words without spaces (so "(A) /(B)" and "(A) / (B)" are one). */
const labelKey = (s: string) => words(s).replace(/ /g, '');

interface Rebuilt {
  key: string;
  cols: { role: string; year: number }[];
  values: string[];
}

function sameValue(a: string, b: string): boolean {
  const x = parseValue(a, NOWHERE);
  const y = parseValue(b, NOWHERE);
  return x.kind === y.kind && x.value !== null && x.value === y.value && (x.kind !== 'number' && x.kind !== 'percent' ? true : x.decimals === y.decimals);
}

/**
 * n formulas on one label line, followed by n × k lone values under k columns: read by rows
 * (formula 1's k values, then formula 2's …) or by columns (column 1's n values, then column 2's …).
 * The two readings place the same value in the first and the last cell and different values in the
 * others. A reading is taken only when another rebuilt table of the document holds rows with the
 * same formulas and columns of the same role and year, and on the cells where the readings differ
 * it agrees with them more often than it disagrees (at least once) while the other reading agrees
 * with them nowhere (and disagrees at least once). Otherwise null: the block stays undecided.
 */
function decideOrder(parts: string[], k: number, cols: { role: string; year: number }[], vals: string[], others: Rebuilt[]): { byRows: boolean; why: string } | { byRows: null; why: string } {
  const n = parts.length;
  const at = (byRows: boolean, i: number, c: number) => (byRows ? i * k + c : c * n + i);
  const tally = { rows: { agree: 0, differ: 0 }, cols: { agree: 0, differ: 0 } };
  for (let i = 0; i < n; i++) {
    const same = others.filter((o) => o.key === labelKey(parts[i]!));
    if (same.length !== 1) continue;
    const o = same[0]!;
    for (let c = 0; c < k; c++) {
      const r = vals[at(true, i, c)]!;
      const q = vals[at(false, i, c)]!;
      if (sameValue(r, q)) continue;
      const oc = o.cols.map((x, idx) => ({ x, idx })).filter(({ x }) => x.role === cols[c]!.role && x.year === cols[c]!.year);
      if (oc.length !== 1) continue;
      const ov = o.values[oc[0]!.idx]!;
      tally.rows[sameValue(r, ov) ? 'agree' : 'differ']++;
      tally.cols[sameValue(q, ov) ? 'agree' : 'differ']++;
    }
  }
  const why = `menurut baris ${tally.rows.agree} sama dan ${tally.rows.differ} berbeda, menurut kolom ${tally.cols.agree} sama dan ${tally.cols.differ} berbeda dengan rumus yang sama di tabel lain`;
  const fits = (a: { agree: number; differ: number }, b: { agree: number; differ: number }) => a.agree >= 1 && a.agree > a.differ && b.agree === 0 && b.differ >= 1;
  if (fits(tally.rows, tally.cols)) return { byRows: true, why };
  if (fits(tally.cols, tally.rows)) return { byRows: false, why };
  return { byRows: null, why };
}

/**
 * Class "one value per line, row by row": a matrix exported one cell per line whose header lines
 * name k value columns (yearColumnsAbove), directly followed by rows each printed as a label line
 * (the indicator or its formula) and exactly k lone values (a stray column heading among them is
 * passed over: valueRun). Each such row becomes one table row (the label and its k values, on the
 * label's line; the value lines become empty rows) under one header row (on the first header line;
 * the other header lines become empty rows), so the model reads it as any table. A label line of n
 * formulas followed by n × k values is n rows whose order (by rows or by columns) decideOrder settles
 * from the other rebuilt tables; each row then stands on the line of its first value. The rows end
 * at the first label line not followed by exactly k values: that run, and every run without such a
 * header, stays text (oneValuePerLine lists it). Returns the rewritten lines, or null when nothing was rebuilt.
 */
function rowsOneValuePerLine(lines: DocLine[], vocab: Vocab, undecided: Relaid['undecided'], noted: Set<number>): DocLine[] | null {
  let out: DocLine[] | null = null;
  const rebuilt: Rebuilt[] = [];
  const pending: { a: number; parts: string[]; values: number[]; header: NonNullable<ReturnType<typeof yearColumnsAbove>> }[] = [];
  const empty = (o: DocLine[], at: number) => (o[at] = { ...lines[at]!, text: '', cells: [{ text: '' }] });
  const writeHeader = (o: DocLine[], header: NonNullable<ReturnType<typeof yearColumnsAbove>>, labels: string[]) => {
    const [first, ...rest] = header.lines;
    // rows each labelled by a formula are about the indicator it measures
    const head = [labels.every((l) => isFormula(l, vocab)) ? vocab.cellPerLine.formulaRowHeading : '', ...header.labels];
    o[first!] = { ...lines[first!]!, text: head.join('\t'), cells: head.map((text) => ({ text })) };
    for (const h of rest) empty(o, h);
  };
  const writeRow = (o: DocLine[], at: number, label: string, vals: string[]) => {
    const cells = [label, ...vals];
    o[at] = { ...lines[at]!, text: cells.join('\t'), cells: cells.map((text) => ({ text })) };
  };
  const note = (a: number, values: number[], k: number, labels: string[], extra = '') => {
    noted.add(values[0]!);
    const span = values.length > 1 ? `${lines[values[0]!]!.line}–${lines[values[values.length - 1]!]!.line}` : `${lines[values[0]!]!.line}`;
    undecided.push({ line: lines[values[0]!]!.line, note: `baris ${span}: ${values.length} nilai masing-masing sendiri di satu baris di bawah "${lines[a]!.text.trim().slice(0, 40)}", judulnya menamai ${k} kolom (${labels.join(', ').slice(0, 80)})${extra}: baris dan kolomnya tidak dapat ditentukan, tidak dibaca sebagai tabel` });
  };
  for (let i = 1; i < lines.length; i++) {
    if (!isLone(lines[i]) || isLone(lines[i - 1]) || !isLabelLine(lines[i - 1])) continue;
    const header = yearColumnsAbove(lines, i - 1, vocab);
    if (!header) continue;
    const k = header.labels.length;
    const rows: { label: number; values: number[] }[] = [];
    let last = i;
    for (let a = i - 1; isLabelLine(lines[a]) && a > header.lines[header.lines.length - 1]!; ) {
      const run = valueRun(lines, a, vocab);
      if (run.values.length !== k) {
        const parts = rows.length === 0 ? splitFormulas(lines[a]!.text, vocab) : null;
        if (parts && run.values.length === parts.length * k) {
          // n formulas over n × k values: by rows or by columns, decided once every other table is rebuilt
          pending.push({ a, parts, values: run.values, header });
          last = run.end - 1;
        } else if (run.values.length > 0) note(a, run.values, k, header.labels);
        break;
      }
      rows.push({ label: a, values: run.values });
      last = run.end - 1;
      a = run.end;
    }
    if (rows.length > 0) {
      out ??= [...lines];
      writeHeader(out, header, rows.map((r) => lines[r.label]!.text));
      for (const r of rows) {
        const vals = r.values.map((v) => lines[v]!.text.trim());
        writeRow(out, r.label, lines[r.label]!.text.trim(), vals);
        for (let v = r.label + 1; v <= r.values[r.values.length - 1]!; v++) empty(out, v);
        rebuilt.push({ key: labelKey(lines[r.label]!.text), cols: header.cols, values: vals });
      }
    }
    i = Math.max(i, last);
  }
  for (const p of pending) {
    const k = p.header.labels.length;
    const vals = p.values.map((v) => lines[v]!.text.trim());
    const d = decideOrder(p.parts, k, p.header.cols, vals, rebuilt);
    if (d.byRows === null) {
      note(p.a, p.values, k, p.header.labels, `, ${p.parts.length} rumus pada satu baris: urutan menurut baris atau menurut kolom tidak dapat ditentukan (${d.why})`);
      continue;
    }
    out ??= [...lines];
    writeHeader(out, p.header, p.parts);
    empty(out, p.a);
    for (let v = p.a + 1; v <= p.values[p.values.length - 1]!; v++) empty(out, v);
    const n = p.parts.length;
    for (let r = 0; r < n; r++) {
      const idx = Array.from({ length: k }, (_, c) => (d.byRows ? r * k + c : c * n + r));
      writeRow(out, p.values[idx[0]!]!, p.parts[r]!, idx.map((x) => vals[x]!));
    }
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
