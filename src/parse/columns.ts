/**
 * The column-role resolver: gives every column of a table a role (what it holds), its year, period
 * and basis, and every row a kind (item, group heading, total, average, continuation). All words
 * come from `rules/vocabulary.yaml` (columnRoles, columnStarts, columnQualifiers, rowKinds); this is
 * the one place that reads header words for roles. What it cannot decide it lists in `undecided`
 * and leaves null: no rule reads an undecided column.
 *
 * Headers arrive in three shapes: header cells (one or several rows, joined per column by
 * structure.ts), a header printed as one flattened line above the rows (a PDF copied as text: the
 * cell separators are lost, and the second header row of a two-level header comes last), or both
 * (a flattened upper row above year-only header cells).
 */
import type { ColumnRole, Config } from '../model/config.js';
import type { DocLine, Document } from '../model/document.js';
import type { Basis, ColumnInfo, RowInfo, RowKind, TableLayout } from '../model/facts.js';
import type { Table } from '../model/report.js';
import { checkCapaian } from './arith.js';
import { parseValue } from './numbers.js';

type Vocab = NonNullable<Config['vocabulary']>;

/**
 * Lower-case words: letters, digits and "%" kept (as a word of its own), everything else a space.
 * The one word normaliser of parse and audit: header words and vocabulary (here and in
 * structure.ts), table labels, and the words of a sentence matched to a table row (_text.ts
 * `words` builds on it). Remembered: the same
 * vocabulary phrases and header labels are normalised again for every label they are matched
 * against (a fifth of a report's audit time before); the memory is emptied when it grows large (a
 * batch worker sees the labels of thousands of reports).
 */
export function words(s: string): string {
  let w = WORDS.get(s);
  if (w === undefined) {
    w = s
      .toLowerCase()
      .replace(/[^a-z0-9%]+/g, ' ')
      .replace(/%/g, ' % ')
      .replace(/\s+/g, ' ')
      .trim();
    if (WORDS.size >= 20_000) WORDS.clear();
    WORDS.set(s, w);
  }
  return w;
}
const WORDS = new Map<string, string>();

const has = (label: string, phrase: string) => ` ${label} `.includes(` ${words(phrase)} `);
const sigMatch = (label: string, sig: string[]) => sig.every((p) => has(label, p));
/** Whether a text holds every phrase of one of the signatures, as whole words (the vocabulary's matching). */
export const matchesAny = (text: string, sigs: readonly string[][]): boolean => {
  const w = words(text);
  return sigs.some((sig) => sigMatch(w, sig));
};

const YEAR_RE = /\b(19[5-9]\d|20\d\d)\b/g;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

interface RoleHit {
  role: ColumnRole;
  kind: 'label' | 'value';
}

export function roleOf(label: string, vocab: Vocab): RoleHit | null {
  const w = words(label);
  if (!w) return null;
  for (const r of vocab.columnRoles) {
    if (r.only && !r.only.some((o) => words(o) === w)) continue;
    if (r.any && !r.any.some((sig) => sigMatch(w, sig))) continue;
    if (r.none.some((n) => has(w, n))) continue;
    return { role: r.role, kind: r.kind };
  }
  return null;
}

function yearsIn(label: string): number[] {
  return [...new Set((label.match(YEAR_RE) ?? []).map(Number))];
}

/** A year range ("2021-2026", "2021 s.d. 2026", "2021/2022"): neither of its years is the one a title is for. */
const YEAR_RANGE_RE = /\b(?:19[5-9]\d|20\d\d)\s*(?:[-–/]|s\.?\s?d\.?|sampai(?:\s+dengan)?)\s*(?:19[5-9]\d|20\d\d)\b/gi;

/** The one year a caption or title names ("RKT TAHUN 2023"), year ranges left out; null for none or several. */
export function singleYear(text: string): number | null {
  const ys = yearsIn(text.replace(YEAR_RANGE_RE, ' '));
  return ys.length === 1 ? ys[0]! : null;
}

function qualify(label: string, vocab: Vocab): Pick<ColumnInfo, 'year' | 'period' | 'basis'> & { years: number[] } {
  const w = words(label);
  const years = yearsIn(label);
  let period: ColumnInfo['period'] = null;
  for (const p of vocab.columnQualifiers.periods) {
    const sig = p.any.find((s) => sigMatch(w, s));
    if (!sig) continue;
    const after = ` ${w} `.split(` ${words(sig[sig.length - 1]!)} `)[1]?.trim().split(' ')[0] ?? '';
    const n = ROMAN[after] ?? (/^[1-4]$/.test(after) ? Number(after) : null);
    period = { kind: p.period, n };
    break;
  }
  let basis: Basis = 'year';
  for (const b of vocab.columnQualifiers.bases) {
    if (b.any.some((s) => sigMatch(w, s))) {
      basis = b.basis;
      break;
    }
  }
  return { year: years.length === 1 ? years[0]! : null, period, basis, years };
}

const MONEY_ROLES = new Set<ColumnRole>(['pagu', 'realisasi_anggaran', 'sisa']);

/** Roles decided column by column, then the context rule: inside a money run (after a pagu column) a realisasi is spent money and a capaian or "%" is serapan. */
function resolveColumns(labels: string[], from: ColumnInfo['from'], vocab: Vocab, undecided: string[]): ColumnInfo[] {
  const cols: ColumnInfo[] = labels.map((label, index) => {
    const hit = roleOf(label, vocab);
    const q = qualify(label, vocab);
    const w = words(label);
    const moneyGroup = vocab.columnQualifiers.moneyGroups.some((g) => has(w, g));
    return {
      index,
      label,
      role: hit?.role ?? null,
      kind: hit?.kind ?? null,
      year: q.year,
      period: q.period,
      basis: q.basis,
      money: moneyGroup || (hit ? MONEY_ROLES.has(hit.role) : false),
      from,
    };
  });
  let moneyRun = false;
  let lastValue: ColumnRole | null = null;
  for (const c of cols) {
    const w = words(c.label);
    const bare = w === '%' || w === 'persentase' || w === 'prosentase';
    if (c.role === 'pagu') moneyRun = true;
    else if (c.role === 'target' || c.kind === 'label') moneyRun = false;
    if (moneyRun && c.role === 'realisasi') c.role = 'realisasi_anggaran';
    if (moneyRun && c.role === 'capaian') c.role = 'serapan';
    if (c.money && c.role === 'realisasi') c.role = 'realisasi_anggaran';
    if (c.money && c.role === 'capaian') c.role = 'serapan';
    if (c.money && c.role === 'target') c.role = 'pagu';
    if (c.role === null && bare) {
      if (lastValue === 'realisasi_anggaran' || lastValue === 'pagu') c.role = 'serapan';
      else if (lastValue === 'realisasi' || lastValue === 'target') c.role = 'capaian';
      if (c.role) c.kind = 'value';
    }
    if (c.role === 'serapan' || c.kind !== 'value') c.money = false;
    if (c.role && MONEY_ROLES.has(c.role)) c.money = true;
    if (c.kind === 'value') lastValue = c.role;
    if (c.role === null && c.label.trim() !== '') undecided.push(`kolom ${c.index + 1} "${c.label.slice(0, 60)}": peran tidak dikenali`);
    if (c.kind === 'value' && c.year === null && yearsIn(c.label).length > 1) undecided.push(`kolom ${c.index + 1} "${c.label.slice(0, 60)}": lebih dari satu tahun`);
  }
  return cols;
}

// ----------------------------------------------------------------------------- flattened headers

/** Cut a header printed as one line into column labels at the vocabulary's start phrases (longest first). */
export function segmentFlattened(text: string, vocab: Vocab): string[] {
  // each start phrase as its words, longest first (split once, not at every token)
  const starts = vocab.columnStarts.map((p) => words(p).split(' ')).sort((a, b) => b.length - a.length);
  const toks = words(text)
    .split(' ')
    .filter(Boolean);
  // a trailing column-number row ("1 2 3 4 5") printed on the same line
  while (toks.length > 0 && /^\d{1,2}$/.test(toks[toks.length - 1]!)) toks.pop();
  const segs: string[][] = [];
  let cur: string[] | null = null;
  let curYear = false;
  for (let i = 0; i < toks.length; ) {
    const hit = starts.find((sw) => sw.every((w, k) => toks[i + k] === w));
    const t = toks[i]!;
    const isYear = /^(19[5-9]\d|20\d\d)$/.test(t);
    // a second "tahun YYYY" after a label that already has its year opens a group label
    const groupYear = curYear && ((t === 'tahun' && /^(19|20)\d\d$/.test(toks[i + 1] ?? '')) || isYear);
    if (hit || groupYear || !cur) {
      cur = [];
      segs.push(cur);
      curYear = false;
    }
    const n = hit ? hit.length : 1;
    cur.push(...toks.slice(i, i + n));
    if (toks.slice(i, i + n).some((x) => /^(19|20)\d\d$/.test(x))) curYear = true;
    i += n;
  }
  let labels = segs.map((s) => s.join(' '));
  // two-level header flattened: a year-only group label ("tahun 2019") whose sub-labels (target,
  // realisasi) were printed at the end of the line, after the last label that has a year
  const gi = labels.findIndex((l) => yearsIn(l).length === 1 && words(l).replace(/\b(tahun|th)\b/g, '').trim().split(' ').length === 1);
  if (gi >= 0) {
    let lastYeared = -1;
    labels.forEach((l, i) => {
      if (i !== gi && yearsIn(l).length > 0) lastYeared = i;
    });
    const tail = labels.slice(lastYeared + 1).filter((l) => yearsIn(l).length === 0);
    if (lastYeared > gi && tail.length >= 2 && lastYeared + 1 + tail.length === labels.length) {
      const y = yearsIn(labels[gi]!)[0]!;
      labels = [...labels.slice(0, gi), ...tail.map((l) => `${l} ${y}`), ...labels.slice(gi + 1, lastYeared + 1)];
    }
  }
  return labels;
}

const CAPTION_RE = /^\.?\s*tab[el]{2}\b/i;

/** The line just above a table (or above its header cells) that looks like a flattened header: two or more role words. */
function flattenedAbove(doc: Document, table: Table, index: Map<number, number>, vocab: Vocab): { text: string; line: DocLine; numbers: string } | null {
  const first = Math.min(table.startLine, ...table.headerLines);
  const at = index.get(first);
  if (at === undefined) return null;
  // a column-number row printed on its own line between the header and the rows ("1 2 3 4 5")
  let numbers = '';
  for (let i = at - 1, seen = 0; i >= 0 && seen < 2; i--) {
    const l = doc.lines[i]!;
    if (l.cells) return null;
    const t = l.text.trim();
    if (!t) continue;
    seen++;
    if (CAPTION_RE.test(t) || t.length > 400) return null;
    if (seen === 1 && /^\(?1\)?(\s+\(?\d{1,2}\)?)+$/.test(t)) numbers = t.replace(/[()]/g, '');
    const segs = segmentFlattened(t, vocab);
    const roles = segs.map((s) => roleOf(s, vocab)).filter(Boolean);
    if (segs.length >= 2 && roles.length >= 2 && roles.some((r) => r!.kind === 'value')) return { text: t, line: l, numbers };
  }
  return null;
}

// ----------------------------------------------------------------------------- rows

const isNumeric = (c: string) => {
  const t = c.trim();
  if (!t || t === '-' || t === '–') return false;
  const v = parseValue(t, NOWHERE);
  return v.kind === 'number' || v.kind === 'percent' || v.kind === 'money' || v.kind === 'grade';
};
const NOWHERE = { file: '', page: null, line: 0 };
const isEmptyValue = (c: string) => /^\s*(-|–|—)?\s*$/.test(c);

function rowKindOf(label: string, vocab: Vocab): RowKind | null {
  const numbered = /^\s*(\d+(\.\d+)*|[ivx]+|[a-z])[.)]\s/i.test(label);
  const w = words(label);
  for (const k of vocab.rowKinds) {
    for (const sig of k.any) {
      const p = words(sig[0]!);
      if (w !== p && !w.startsWith(p + ' ')) continue;
      if (k.tail) {
        // an aggregate: the phrase and nothing but its tail words, never a numbered row
        if (numbered) continue;
        const tail = new Set(k.tail.map(words));
        if (!w.slice(p.length).trim().split(' ').filter(Boolean).every((x) => tail.has(x) || /^(19|20)\d\d$/.test(x))) continue;
      }
      return k.kind;
    }
  }
  return null;
}

// ----------------------------------------------------------------------------- the resolver

export function resolveLayout(table: Table, doc: Document, config: Config, index?: Map<number, number>): TableLayout {
  const vocab = config.vocabulary;
  const undecided: string[] = [];
  if (!vocab || vocab.columnRoles.length === 0) return { table: table.id, columns: [], rows: [], undecided: ['kosakata kolom tidak ada'] };
  const idx = index ?? new Map(doc.lines.map((l, i) => [l.line, i]));
  const width = Math.max(table.columns.length, ...table.rows.map((r) => r.cells.length));
  let labels = Array.from({ length: width }, (_, i) => table.columns[i] ?? '');
  let from: ColumnInfo['from'] = table.columns.some((c) => c.trim() !== '') ? 'cells' : 'none';

  const decidedFromCells = labels.filter((l) => roleOf(l, vocab)).length;
  const flat = flattenedAbove(doc, table, idx, vocab);
  if (flat && decidedFromCells < 2) {
    const segs = segmentFlattened(flat.text, vocab);
    const yearOnly = labels.map((l) => l.trim() !== '' && words(l).replace(/\b(tahun|th)\b/g, '').trim().split(' ').every((x) => /^(19|20)\d\d$/.test(x)));
    if (yearOnly.some(Boolean)) {
      // a flattened upper header row above year-only header cells: its labels fill the empty
      // columns left to right, its last label spans the year columns
      const empties = labels.map((l, i) => (l.trim() === '' && !yearOnly[i] ? i : -1)).filter((i) => i >= 0 && i < yearOnly.indexOf(true));
      if (segs.length === empties.length + 1) {
        empties.forEach((ci, k) => (labels[ci] = segs[k]!));
        labels = labels.map((l, i) => (yearOnly[i] ? `${segs[segs.length - 1]} ${l}` : l));
        from = 'flattened';
      } else undecided.push(`baris judul "${flat.text.slice(0, 60)}" tidak cocok dengan kolom tabel`);
    } else {
      const aligned = alignFlattened(segs, table, vocab);
      const placed = aligned ? null : placeTwoLevel(flat.numbers ? `${flat.text} ${flat.numbers}` : flat.text, segs, table, vocab);
      if (aligned) {
        labels = aligned;
        from = 'flattened';
      } else if (placed && 'labels' in placed) {
        labels = placed.labels;
        from = 'flattened';
      } else undecided.push(`baris judul "${flat.text.slice(0, 60)}": ${segs.length} label, tidak dapat dipasangkan dengan kolom tabel${placed ? ` (${placed.why})` : ''}`);
    }
  }
  const columns = resolveColumns(labels, from, vocab, undecided);
  const rows = resolveRows(table, columns, vocab, undecided);
  return { table: table.id, columns, rows, undecided };
}

/** The rows that carry values, and which columns hold numbers (value columns) and which words (label columns). */
function columnContent(table: Table): { items: Table['rows']; valueCols: number[]; labelCols: number[]; width: number } | null {
  const width = Math.max(...table.rows.map((r) => r.cells.length));
  const items = table.rows.filter((r) => r.cells.filter((c) => isNumeric(c) || /\d/.test(c)).length >= 2 && !/^\s*\d+(\.\d+)*\.?\s*$/.test(r.cells.find((c) => c.trim()) ?? '') || r.cells.filter(isNumeric).length >= 2);
  if (items.length === 0) return null;
  // a value column: some numbers, and no plain words (a cell with digits that is not one number,
  // such as "91 lokasi ..., 69 lokasi ...", still sits in a value column)
  const numericCol = Array.from({ length: width }, (_, c) => {
    const cells = items.map((r) => r.cells[c] ?? '');
    const words_ = cells.filter((x) => !isNumeric(x) && !isEmptyValue(x) && !/\d/.test(x)).length;
    return cells.some(isNumeric) && words_ <= cells.length * 0.2;
  });
  const valueCols = numericCol.map((b, i) => (b ? i : -1)).filter((i) => i >= 0);
  const labelCols = numericCol.map((b, i) => (b ? -1 : i)).filter((i) => i >= 0);
  return { items, valueCols, labelCols, width };
}

/** Flattened labels → one label per cell column: value labels to the numeric columns, label labels to the others. */
function alignFlattened(segs: string[], table: Table, vocab: Vocab): string[] | null {
  const width = Math.max(...table.rows.map((r) => r.cells.length));
  if (segs.length === width) return segs;
  const content = columnContent(table);
  if (!content) return null;
  const { valueCols, labelCols } = content;
  const hits = segs.map((s) => roleOf(s, vocab));
  const valueSegs = segs.filter((_, i) => hits[i]?.kind === 'value');
  const labelSegs = segs.filter((_, i) => hits[i]?.kind !== 'value');
  if (valueSegs.length !== valueCols.length) return null;
  // value columns must follow the label columns
  if (labelCols.some((c) => c > valueCols[0]!)) return null;
  const out = Array.from({ length: width }, () => '');
  valueCols.forEach((c, k) => (out[c] = valueSegs[k]!));
  // label columns: the nearest to the values get the last label labels (the indicator is printed last)
  const ls = labelSegs.slice(-labelCols.length);
  labelCols.forEach((c, k) => (out[c] = ls[k - (labelCols.length - ls.length)] ?? ''));
  return out;
}

// ----------------------------------------------------------------------------- a garbled two-level header

/** The n of a column-number row "1 2 … n" that closes a flattened header line, else null. */
function columnNumberCount(text: string): number | null {
  const toks = words(text).split(' ').filter(Boolean);
  let k = toks.length;
  while (k > 0 && /^\d{1,2}$/.test(toks[k - 1]!)) k--;
  const nums = toks.slice(k).map(Number);
  return nums.length >= 2 && nums.every((n, i) => n === i + 1) ? nums.length : null;
}

const yearOnlyLabel = (l: string) => yearsIn(l).length === 1 && words(l).replace(/\b(tahun|th)\b/g, '').trim().split(' ').length === 1;

/**
 * The flattened labels of a two-level header as units: a year standing alone over the value-role
 * labels after it ("2016", "target", "realisasi": target 2016, realisasi 2016), a value label with
 * its year followed by further lone years ("realisasi 2014", "2015": realisasi 2014, realisasi 2015),
 * and single labels. Null when a lone year heads no sub-labels.
 */
function headerUnits(segs: string[], vocab: Vocab): string[][] | null {
  const isValue = (l: string) => roleOf(l, vocab)?.kind === 'value';
  const bareValue = (l: string) => yearsIn(l).length === 0 && isValue(l);
  const subsAfter = (i: number) => {
    let j = i + 1;
    while (j < segs.length && bareValue(segs[j]!)) j++;
    return j - i - 1;
  };
  const isHead = (i: number) => yearOnlyLabel(segs[i]!) && subsAfter(i) >= 2;
  const units: string[][] = [];
  for (let i = 0; i < segs.length; ) {
    const s = segs[i]!;
    if (yearOnlyLabel(s)) {
      const n = subsAfter(i);
      if (n < 2) return null;
      const y = yearsIn(s)[0]!;
      units.push(segs.slice(i + 1, i + 1 + n).map((x) => `${x} ${y}`));
      i += 1 + n;
      continue;
    }
    const ys = yearsIn(s);
    if (isValue(s) && ys.length === 1) {
      const more: number[] = [];
      let j = i + 1;
      while (j < segs.length && yearOnlyLabel(segs[j]!) && !isHead(j) && yearsIn(segs[j]!)[0]! > (more[more.length - 1] ?? ys[0]!)) more.push(yearsIn(segs[j++]!)[0]!);
      if (more.length > 0) {
        units.push([s, ...more.map((y) => words(s).replace(String(ys[0]), String(y)))]);
        i = j;
        continue;
      }
    }
    units.push([s]);
    i++;
  }
  return units;
}

/** Most arrangements of a two-level header's units tried before it is left undecided. */
const MAX_ARRANGEMENTS = 5000;

/**
 * A two-level header flattened out of order (the sub-labels of its groups printed apart from their
 * group, after the cells that span both rows), closed by a column-number row "1 2 … n". Placed only
 * when that is certain: the labels, with each group spread over its sub-labels, are exactly the n
 * numbered columns and the table's width; the label columns come first, in printed order; among
 * the value columns the labels spanning both rows keep their printed order and each group's
 * sub-labels stay together in theirs, and of all such arrangements exactly one is confirmed by
 * arithmetic: every capaian column of a year whose target and realisasi of that year are printed
 * in the same row holds capaian = realisasi / target × 100 at its printed precision (src/parse/arith.ts),
 * on every row where all three are numbers, and at least one such row exists. Null when the line
 * is not of this class; `why` when it is and cannot be placed.
 */
function placeTwoLevel(text: string, segs: string[], table: Table, vocab: Vocab): { labels: string[] } | { why: string } | null {
  const n = columnNumberCount(text);
  if (n === null) return null;
  const units = headerUnits(segs, vocab);
  if (!units || !units.some((u) => u.length > 1)) return null;
  const content = columnContent(table);
  if (!content || content.width !== n) return { why: `${n} nomor kolom untuk ${content?.width ?? 0} kolom tabel` };
  const count = units.reduce((a, u) => a + u.length, 0);
  if (count !== n) return { why: `${count} label untuk ${n} nomor kolom` };
  if (units.some((u) => u.some((l) => !roleOf(l, vocab)))) return { why: 'label tanpa peran' };
  const kindOf = (l: string) => roleOf(l, vocab)!.kind;
  const labelUnits = units.filter((u) => u.length === 1 && kindOf(u[0]!) === 'label').map((u) => u[0]!);
  const singles = units.filter((u) => u.length === 1 && kindOf(u[0]!) === 'value').map((u) => u[0]!);
  const groups = units.filter((u) => u.length > 1);
  const { valueCols, labelCols, items } = content;
  if (labelUnits.length !== labelCols.length || labelCols.some((c) => c > valueCols[0]!)) return { why: 'kolom label tidak cocok dengan label judul' };
  const seen = new Set<string>();
  const arrangements: string[][] = [];
  const walk = (si: number, left: string[][], acc: string[]) => {
    if (arrangements.length > MAX_ARRANGEMENTS) return;
    if (si === singles.length && left.length === 0) {
      const k = acc.join('\u0000');
      if (!seen.has(k)) arrangements.push(acc);
      seen.add(k);
      return;
    }
    if (si < singles.length) walk(si + 1, left, [...acc, singles[si]!]);
    left.forEach((g, k) => walk(si, left.filter((_, x) => x !== k), [...acc, ...g]));
  };
  walk(0, groups, []);
  if (arrangements.length > MAX_ARRANGEMENTS) return { why: 'terlalu banyak susunan' };
  const confirmed = arrangements.filter((arr) => capaianConfirms(arr, valueCols, labelCols, items, vocab));
  if (confirmed.length !== 1) return { why: confirmed.length === 0 ? 'tidak ada susunan yang dikonfirmasi oleh capaian = realisasi / target × 100' : `${confirmed.length} susunan sama-sama cocok` };
  const out = Array.from({ length: n }, () => '');
  labelCols.forEach((c, k) => (out[c] = labelUnits[k]!));
  valueCols.forEach((c, k) => (out[c] = confirmed[0]![k]!));
  return { labels: out };
}

/** Does the arithmetic of the rows confirm an arrangement of value labels over the value columns (see placeTwoLevel)? */
function capaianConfirms(arr: string[], valueCols: number[], labelCols: number[], items: Table['rows'], vocab: Vocab): boolean {
  const negative = vocab.negativeIndicators.map((w) => w.toLowerCase());
  const q = arr.map((l) => ({ role: roleOf(l, vocab)!.role, ...qualify(l, vocab) }));
  const plain = (k: number, role: ColumnRole, year: number) => q[k]!.role === role && q[k]!.year === year && q[k]!.period === null && q[k]!.basis === 'year';
  let checked = 0;
  for (let k = 0; k < q.length; k++) {
    const y = q[k]!.year;
    if (y === null || !plain(k, 'capaian', y)) continue;
    const ts = q.map((_, i) => i).filter((i) => plain(i, 'target', y));
    const rs = q.map((_, i) => i).filter((i) => plain(i, 'realisasi', y));
    if (ts.length !== 1 || rs.length !== 1) continue;
    for (const row of items) {
      const cell = (i: number) => row.cells[valueCols[i]!] ?? '';
      const [t, r, c] = [cell(ts[0]!), cell(rs[0]!), cell(k)];
      if (![t, r, c].every(isNumeric)) continue;
      const [tv, rv, cv] = [parseValue(t, NOWHERE), parseValue(r, NOWHERE), parseValue(c, NOWHERE, 'percent')];
      // the row's polarity, as its facts will have it (the negativeIndicators of the vocabulary)
      const label = labelCols.map((i) => row.cells[i] ?? '').join(' ').toLowerCase();
      if (!checkCapaian(tv, rv, cv, negative.some((w) => label.includes(w)), false)?.holds) return false;
      checked++;
    }
  }
  return checked > 0;
}

function resolveRows(table: Table, columns: ColumnInfo[], vocab: Vocab, undecided: string[]): RowInfo[] {
  const valueCols = columns.filter((c) => c.kind === 'value').map((c) => c.index);
  // the row's label comes from the column most specific about what the row is
  const LABEL_ORDER = ['indicator', 'sub_kegiatan', 'kegiatan', 'program', 'uraian', 'sasaran', 'tujuan'];
  const labelCols = columns
    .filter((c) => c.kind === 'label' && c.role && LABEL_ORDER.includes(c.role))
    .sort((a, b) => LABEL_ORDER.indexOf(a.role!) - LABEL_ORDER.indexOf(b.role!) || a.index - b.index)
    .map((c) => c.index);
  const out: RowInfo[] = [];
  table.rows.forEach((r, index) => {
    const cells = r.cells;
    const numericCount = cells.filter(isNumeric).length;
    // the row's label: the first label column with text, else the first non-numeric cell
    let label = '';
    for (const c of labelCols) if ((cells[c] ?? '').trim() && !isNumeric(cells[c]!) && !/^\s*\d+(\.\d+)*\.?\s*$/.test(cells[c]!)) {
      label = cells[c]!.trim();
      break;
    }
    if (!label) label = (cells.find((c) => c.trim() !== '' && !isNumeric(c) && !/^\s*\d+(\.\d+)*\.?\s*$/.test(c)) ?? '').trim();
    // a total or average: by its label, or, when the label cells are empty, by another cell ("", "Jumlah", 12)
    const byWords = rowKindOf(label, vocab);
    let kind: RowKind = byWords === 'total' || byWords === 'average' ? byWords : 'item';
    if (kind === 'item' && !labelCols.some((c) => (cells[c] ?? '').trim() && !isNumeric(cells[c]!))) {
      const other = rowKindOf(cells.map((c) => c.trim()).filter((c) => c && !isNumeric(c))[0] ?? '', vocab);
      if (other === 'total' || other === 'average') kind = other;
    }
    const values = valueCols.filter((c) => isNumeric(cells[c] ?? '')).length;
    // a value column holding digits that read as no one value ("100% 100% 10%") still makes the row an item: a value is printed there
    const garbled = valueCols.some((c) => /\d/.test(cells[c] ?? '') && parseValue(cells[c]!, NOWHERE).kind === 'unreadable');
    if (kind === 'item' && values === 0 && numericCount === 0 && !garbled) {
      // no value at all: a heading (its words say so, or rows follow), or the rest of the previous
      // row's label when it starts lower-case
      const prev = out[out.length - 1];
      kind = byWords === 'group' ? 'group' : prev && prev.kind === 'item' && /^[a-z(]/.test(label) ? 'continuation' : 'group';
    }
    const info: RowInfo = { index, line: r.line, kind, label: label.slice(0, 500) };
    // a total or average row printed with fewer cells than columns: its values go to the columns of one role
    if ((kind === 'total' || kind === 'average') && cells.length < columns.length) {
      const nums = cells.map((c, i) => (isNumeric(c) ? i : -1)).filter((i) => i >= 0);
      const byRole = new Map<string, number[]>();
      for (const c of columns) if (c.kind === 'value' && c.role) byRole.set(c.role, [...(byRole.get(c.role) ?? []), c.index]);
      const fit = [...byRole.values()].filter((cs) => cs.length === nums.length);
      if (nums.length === valueCols.length) info.valueColumns = valueCols;
      else if (fit.length === 1) info.valueColumns = fit[0]!;
      else undecided.push(`baris ${r.line} "${label.slice(0, 40)}": ${nums.length} nilai untuk ${valueCols.length} kolom nilai, tidak dapat dipasangkan`);
    }
    out.push(info);
  });
  return out;
}

/** Index in the printed row (DocLine.cells) of the cell a column's value is read from; null when none (a short total/average row's values go to its own value columns). */
export function cellIndexAt(table: Table, row: RowInfo, col: number): number | null {
  const cells = table.rows[row.index]!.cells;
  if (row.valueColumns) {
    const k = row.valueColumns.indexOf(col);
    if (k < 0) return null;
    const at = cells.map((c, i) => (isNumeric(c) ? i : -1)).filter((i) => i >= 0)[k];
    return at ?? null;
  }
  return col < cells.length ? col : null;
}

/** The cell text of a row for a column (the cell `cellIndexAt` names). */
export function cellAt(table: Table, row: RowInfo, col: number): string | null {
  const i = cellIndexAt(table, row, col);
  return i === null ? null : (table.rows[row.index]!.cells[i] ?? null);
}
