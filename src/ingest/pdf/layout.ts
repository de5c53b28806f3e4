/**
 * Page layout: text runs + ruling segments → lines and table rows.
 *
 * 1. Ruling segments are merged (collinear, overlapping) and grouped into grids (connected
 *    components of crossing horizontal and vertical segments with at least two of each).
 * 2. A grid's row bands lie between consecutive horizontal rules; each band's cells lie between the
 *    vertical rules that cross the band, so spanning cells come out as one cell. Consecutive bands
 *    whose vertical rules are compatible (one set contains the other) form one table; a cell that
 *    spans k of the table's columns is emitted as the cell plus k-1 empty cells (as text exports
 *    do). A cell with no rule above it continues the cell above (row span): its text goes there.
 * 3. Text runs are placed in cells by their centre; the lines inside a cell are joined with a space,
 *    or without one when the line before was broken inside a word (one word filling the cell).
 * 4. Runs outside grids are grouped into lines by baseline; a line whose runs are separated by wide
 *    gaps becomes a row of cells split at those gaps.
 */
import type { Box, Cell } from '../../model/document.js';
import type { HSeg, PageGeometry, PageLine, TextRun, VSeg } from './types.js';

/** Marks a wrapped-cell join the geometry cannot decide (see resolveJoins). */
export const AMBIGUOUS_JOIN = '\u2060';

const SEG_TOL = 1.5;
const GRID_TOL = 2;
/** Gap (in font sizes) that splits a prose line into cells. */
const CELL_GAP_EM = 2;

export interface LayoutStats {
  /** Wrapped-cell joins made without a space because the line before was broken inside a word. */
  midWordJoins: number;
  /**
   * Letter–letter joins the geometry could not decide (one word filling the cell line: broken inside
   * the word, or ended at a space by chance), decided by the document's vocabulary.
   */
  ambiguousJoins: number;
}

const WORD_SPLIT = /[\s/\-–—(),.;:]+/u;
const norm = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Decide ambiguous joins in cell texts: join without a space when the joined word occurs elsewhere
 * in the document (outside ambiguous joins), else keep a space. Mutates the given texts via the
 * callback; returns the vocabulary size for diagnostics.
 */
export function resolveJoins(texts: string[], stats: LayoutStats): (t: string) => string {
  const vocab = new Set<string>();
  for (const t of texts) {
    for (const tok of t.split(WORD_SPLIT)) if (tok && !tok.includes(AMBIGUOUS_JOIN)) vocab.add(norm(tok));
  }
  return (t: string) => {
    if (!t.includes(AMBIGUOUS_JOIN)) return t;
    const parts = t.split(AMBIGUOUS_JOIN);
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i++) {
      const right = parts[i]!;
      const l = out.split(WORD_SPLIT).pop() ?? '';
      const r = right.split(WORD_SPLIT)[0] ?? '';
      const joined = norm(l + r);
      stats.ambiguousJoins++;
      if (vocab.has(joined) && !(vocab.has(norm(l)) && vocab.has(norm(r)) && !/\p{Ll}$/u.test(l))) {
        stats.midWordJoins++;
        out += right;
      } else out += ' ' + right;
    }
    return out;
  };
}

function mergeH(segs: HSeg[]): HSeg[] {
  const s = [...segs].sort((a, b) => a.y - b.y || a.x1 - b.x1);
  const out: HSeg[] = [];
  // Cluster by y, then merge overlapping intervals inside a cluster.
  let i = 0;
  while (i < s.length) {
    let j = i;
    const y0 = s[i]!.y;
    while (j < s.length && s[j]!.y - y0 <= SEG_TOL) j++;
    const cl = s.slice(i, j).sort((a, b) => a.x1 - b.x1);
    const y = cl.reduce((acc, c) => acc + c.y, 0) / cl.length;
    let cur: HSeg | null = null;
    for (const c of cl) {
      if (cur && c.x1 <= cur.x2 + GRID_TOL) cur.x2 = Math.max(cur.x2, c.x2);
      else {
        if (cur) out.push(cur);
        cur = { y, x1: c.x1, x2: c.x2 };
      }
    }
    if (cur) out.push(cur);
    i = j;
  }
  return out;
}

function mergeV(segs: VSeg[]): VSeg[] {
  return mergeH(segs.map((v) => ({ y: v.x, x1: v.y1, x2: v.y2 }))).map((h) => ({ x: h.y, y1: h.x1, y2: h.x2 }));
}

/** Cluster sorted numbers within tol; returns cluster means. */
function cluster(values: number[], tol = GRID_TOL): number[] {
  const v = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  let last = -Infinity;
  for (const x of v) {
    if (n && x - last > tol) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += x;
    n++;
    last = x;
  }
  if (n) out.push(sum / n);
  return out;
}

interface GridCell {
  x1: number;
  x2: number;
  /** No rule above this cell: it continues the cell above (row span). */
  up: boolean;
  runs: TextRun[];
  /** Number of table columns the cell spans (set per table). */
  span: number;
}

interface GridRow {
  y1: number;
  y2: number;
  cells: GridCell[];
}

interface Grid {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  rows: GridRow[];
}

function buildGrids(hs: HSeg[], vs: VSeg[]): Grid[] {
  // Union-find over H and V segments that cross (or touch) each other.
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i]!;
    for (let j = 0; j < vs.length; j++) {
      const v = vs[j]!;
      if (v.x >= h.x1 - GRID_TOL && v.x <= h.x2 + GRID_TOL && h.y >= v.y1 - GRID_TOL && h.y <= v.y2 + GRID_TOL) {
        const a = find(i);
        const b = find(hs.length + j);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const comps = new Map<number, { h: HSeg[]; v: VSeg[] }>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let c = comps.get(r);
    if (!c) comps.set(r, (c = { h: [], v: [] }));
    if (i < hs.length) c.h.push(hs[i]!);
    else c.v.push(vs[i - hs.length]!);
  }
  const grids: Grid[] = [];
  for (const { h, v } of comps.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const ys = cluster(h.map((s) => s.y));
    if (ys.length < 2) continue;
    const rows: GridRow[] = [];
    for (let k = 0; k + 1 < ys.length; k++) {
      const y1 = ys[k]!;
      const y2 = ys[k + 1]!;
      if (y2 - y1 < 2.5) continue; // double rule
      const mid = (y1 + y2) / 2;
      const xs = cluster(v.filter((s) => s.y1 <= mid && s.y2 >= mid).map((s) => s.x));
      if (xs.length < 2) continue;
      const cells: GridCell[] = [];
      for (let c = 0; c + 1 < xs.length; c++) {
        const x1 = xs[c]!;
        const x2 = xs[c + 1]!;
        if (x2 - x1 < 2.5) continue;
        const cx = (x1 + x2) / 2;
        const ruledAbove = h.some((s) => Math.abs(s.y - y1) <= GRID_TOL && s.x1 <= cx && s.x2 >= cx);
        cells.push({ x1, x2, up: !ruledAbove && rows.length > 0, runs: [], span: 1 });
      }
      if (cells.length) rows.push({ y1, y2, cells });
    }
    if (!rows.length) continue;
    grids.push({
      x1: Math.min(...v.map((s) => s.x)),
      x2: Math.max(...v.map((s) => s.x)),
      y1: rows[0]!.y1,
      y2: rows[rows.length - 1]!.y2,
      rows,
    });
  }
  return grids.sort((a, b) => a.y1 - b.y1);
}

/** Group runs into lines by baseline; each line's runs sorted by x. */
function groupLines(runs: TextRun[]): TextRun[][] {
  const s = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { y: number; size: number; runs: TextRun[] }[] = [];
  for (const r of s) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(r.y - last.y) <= 0.45 * Math.max(last.size, r.size)) {
      last.runs.push(r);
      if (r.size > last.size) last.size = r.size;
    } else lines.push({ y: r.y, size: r.size, runs: [r] });
  }
  return lines.map((l) => l.runs.sort((a, b) => a.x - b.x));
}

/** Join runs of one line into text; returns text and right edge. */
function joinRuns(runs: TextRun[]): string {
  let out = '';
  let right = -Infinity;
  for (const r of runs) {
    const gap = r.x - right;
    if (out && !/\s$/.test(out) && !/^\s/.test(r.str) && gap > 0.12 * r.size) out += ' ';
    out += r.str;
    right = Math.max(right, r.x + r.w);
  }
  return out.replace(/\s+/g, ' ').trim();
}

function lineBox(runs: TextRun[]): Box {
  let x1 = Infinity;
  let x2 = -Infinity;
  let y1 = Infinity;
  let y2 = -Infinity;
  for (const r of runs) {
    x1 = Math.min(x1, r.x);
    x2 = Math.max(x2, r.x + r.w);
    y1 = Math.min(y1, r.y - 0.8 * r.size);
    y2 = Math.max(y2, r.y + 0.2 * r.size);
  }
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}

const NUMBERISH = /^[-+(]?(?:Rp\.?)?\d[\d.,]*%?\)?$/;

/**
 * How two pieces of one cell meet when the first line was broken inside a token (by geometry):
 * digits/punctuation join only if the result is still one number ("2.366.993.16"+"6",
 * "92,56"+"%", but not "80%"+"100"); letter–letter is ambiguous; a slash or hyphen at the break
 * joins ("Pengujian/"+"Verifikasi"); anything else is two tokens ("Target"+"2024", "KET."+"(+/-)").
 */
export function junction(prev: string, next: string): 'join' | 'space' | 'ambiguous' {
  const l = prev.split(/\s/).pop() ?? '';
  const r = next.split(/\s/)[0] ?? '';
  if (/\p{L}$/u.test(l) && /^\p{L}/u.test(r)) return 'ambiguous';
  if (/[\d.,%]$/.test(l) && /^[\d.,%]/.test(r)) return NUMBERISH.test(l + r) ? 'join' : 'space';
  // A connector at the break ("Pengujian/" + "Verifikasi", "Perundang-" + "Undangan"): one token.
  if (/[/\-–]$/.test(l) || /^[/\-–]/.test(r)) return 'join';
  // Anything else ("Target" / "2024", "KET." / "(+/-)"): two tokens.
  return 'space';
}

function cellText(cell: GridCell, stats: LayoutStats): string {
  if (!cell.runs.length) return '';
  const lines = groupLines(cell.runs);
  const leftPad = Math.max(0, Math.min(6, ...lines.map((l) => l[0]!.x - cell.x1)));
  const innerRight = cell.x2 - leftPad;
  let out = '';
  let prev: TextRun[] | null = null;
  let prevText = '';
  for (const l of lines) {
    const t = joinRuns(l);
    if (!t) continue;
    if (prev) {
      const right = Math.max(...prev.map((r) => r.x + r.w));
      const first = l[0]!;
      const charW = first.str.trim().length ? first.w / Math.max(1, first.str.length) : 0.55 * first.size;
      const midWord = !/\s/.test(prevText) && innerRight - right < 1.3 * charW + 0.5;
      const kind = midWord ? junction(out, t) : 'space';
      if (kind === 'ambiguous') {
        // Letter–letter: a word broken inside (emergency break) or a line that ended at a space and
        // happened to fill the cell look the same. Leave a marker; resolveJoins decides with the
        // document's own vocabulary.
        out += AMBIGUOUS_JOIN + t;
      } else if (kind === 'join') {
        stats.midWordJoins++;
        out += t;
      } else out += ' ' + t;
    } else out = t;
    prev = l;
    prevText = t;
  }
  return out;
}

/**
 * pdfjs combines glyphs into one item when the gap between them is small, so a text item can run
 * across a vertical rule (a narrow "No" column next to its neighbour). Split such items at the
 * rule: at the whitespace nearest to the rule's estimated character position (uniform advance
 * assumed), else at that position.
 */
function splitAtRules(runs: TextRun[], grids: Grid[]): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    if (!r.upright || r.str.length < 2 || !grids.length) {
      out.push(r);
      continue;
    }
    const cy = r.y - 0.3 * r.size;
    const grid = grids.find((gr) => cy >= gr.y1 && cy <= gr.y2 && r.x < gr.x2 && r.x + r.w > gr.x1);
    const row = grid?.rows.find((rw) => cy >= rw.y1 && cy <= rw.y2);
    const cuts = row ? row.cells.map((c) => c.x2).filter((x) => x > r.x + 1 && x < r.x + r.w - 1) : [];
    if (!cuts.length) {
      out.push(r);
      continue;
    }
    const adv = r.w / r.str.length;
    let start = 0;
    const idx: number[] = [];
    for (const x of cuts) {
      const est = Math.round((x - r.x) / adv);
      let best = -1;
      for (let d = 0; d <= 3 && best < 0; d++) {
        for (const k of [est - d, est + d]) if (k > start && k < r.str.length && /\s/.test(r.str[k]!)) { best = k; break; }
      }
      const k = best >= 0 ? best : Math.min(r.str.length - 1, Math.max(start + 1, est));
      if (k > start) idx.push(k);
      start = k;
    }
    let from = 0;
    for (const k of [...idx, r.str.length]) {
      const str = r.str.slice(from, k);
      if (str.trim()) out.push({ ...r, str: str.trim(), x: r.x + from * adv, w: (k - from) * adv });
      from = k;
    }
  }
  return out;
}

export function layoutPage(g: PageGeometry, stats: LayoutStats = { midWordJoins: 0, ambiguousJoins: 0 }): PageLine[] {
  const grids = buildGrids(mergeH(g.hsegs), mergeV(g.vsegs));
  const prose: TextRun[] = [];
  for (const r of splitAtRules(g.runs, grids)) {
    if (!r.str.trim()) continue;
    const cx = r.x + r.w / 2;
    const cy = r.y - 0.3 * r.size;
    let placed = false;
    if (r.upright) {
      for (const grid of grids) {
        if (cx < grid.x1 || cx > grid.x2 || cy < grid.y1 || cy > grid.y2) continue;
        const ri = grid.rows.findIndex((row) => cy >= row.y1 && cy <= row.y2);
        if (ri < 0) break;
        let row = grid.rows[ri]!;
        let cell = row.cells.find((c) => cx >= c.x1 && cx <= c.x2);
        // Row span: walk up to the cell that has a rule above it.
        for (let k = ri; cell?.up && k > 0; ) {
          k--;
          row = grid.rows[k]!;
          cell = row.cells.find((c) => cx >= c.x1 && cx <= c.x2) ?? cell;
        }
        if (cell) {
          cell.runs.push(r);
          placed = true;
        }
        break;
      }
    }
    if (!placed) prose.push(r);
  }

  const out: PageLine[] = [];
  let tableId = 0;
  for (const grid of grids) {
    // Split the grid's rows into tables with compatible column rules.
    let group: GridRow[] = [];
    let union: number[] = [];
    const flush = () => {
      if (!group.length) return;
      tableId++;
      const cols = union.length - 1;
      for (const row of group) {
        const cells: Cell[] = [];
        for (const c of row.cells) {
          const span = Math.max(1, union.filter((x) => x > c.x1 + GRID_TOL && x < c.x2 - GRID_TOL).length + 1);
          const box: Box = { x: c.x1, y: row.y1, w: c.x2 - c.x1, h: row.y2 - row.y1 };
          cells.push({ text: c.up ? '' : cellText(c, stats), box });
          for (let k = 1; k < span; k++) cells.push({ text: '' });
        }
        const size = Math.max(0, ...row.cells.flatMap((c) => c.runs.map((r) => r.size)));
        out.push({
          text: cells.map((c) => c.text).join('\t'),
          cells,
          box: { x: row.cells[0]!.x1, y: row.y1, w: row.cells[row.cells.length - 1]!.x2 - row.cells[0]!.x1, h: row.y2 - row.y1 },
          size,
          table: { id: tableId, columns: cols },
        });
      }
      group = [];
      union = [];
    };
    for (const row of grid.rows) {
      const xs = [row.cells[0]!.x1, ...row.cells.map((c) => c.x2)];
      const has = (set: number[], x: number) => set.some((u) => Math.abs(u - x) <= GRID_TOL);
      const prevRow = group[group.length - 1];
      const touching = prevRow ? row.y1 - prevRow.y2 <= GRID_TOL : true;
      const compatible = touching && (xs.every((x) => has(union, x)) || union.every((x) => has(xs, x)));
      if (group.length && !compatible) flush();
      group.push(row);
      union = cluster([...union, ...xs]);
    }
    flush();
  }

  for (const runs of groupLines(prose)) {
    // Split at wide gaps into cells.
    const parts: TextRun[][] = [];
    let right = -Infinity;
    for (const r of runs) {
      const cur = parts[parts.length - 1];
      if (cur && r.x - right <= CELL_GAP_EM * r.size) cur.push(r);
      else parts.push([r]);
      right = Math.max(right, r.x + r.w);
    }
    const texts = parts.map(joinRuns);
    const box = lineBox(runs);
    const size = Math.max(...runs.map((r) => r.size));
    if (parts.length >= 2) {
      const cells: Cell[] = parts.map((p, i) => ({ text: texts[i]!, box: lineBox(p) }));
      out.push({ text: texts.join('\t'), cells, box, size });
    } else {
      const text = texts[0] ?? '';
      if (text) out.push({ text, cells: null, box, size });
    }
  }
  // Reading order: top to bottom; rows of one table keep their order.
  return out
    .map((l, i) => ({ l, i }))
    .sort((a, b) => a.l.box.y - b.l.box.y || a.i - b.i)
    .map((e) => e.l);
}
