/**
 * A table's grid from the alignment of its text, where its ruling lines are missing or broken
 * (issue 13: a 1-bit scan breaks thin rules into dashes that neither the rule finder nor chaining
 * recovers). Columns come from the vertical white gutters between the words of the table's
 * number rows (right-aligned numbers, left-aligned labels: no word crosses a gutter), rows from
 * the horizontal white gaps between text lines (a label wrapped over two lines, a number wrapped
 * in a narrow cell, stay one row: their lines are closer than the rows are). The grid is handed to
 * `layoutPage` as ruling segments, so the table gets cells as a ruled one does, and its numeric
 * cells are read again by the cell sheets (cells.ts) as on any ruled table.
 *
 * Two cases, each used only where the rules found in the pixels do not already make the grid
 * (long horizontal rules for 60% of the text rows' boundaries, and two long vertical ones):
 *  1. vertical rules found (on a 1-bit page: dotted ones, rules.ts detectDottedRules) but the row
 *     rules lost: the columns stay the rules', row boundaries come from the text: white gaps of
 *     half a text height, a broken rule's dashes in a narrower gap or just above it (rules.ts
 *     brokenRuleProbe), whole numbers of one column standing above each other (two rows' values; a
 *     number wrapped in its narrow cell leaves only a digit or "%" on its second line), or either
 *     side of a line of column numbers `(1) (2) (3)`;
 *  2. no rules at all: a region is a run of at least three lines that hold a number standing apart
 *     (a gap of a text height) right of other text, close together; its number lines must leave a
 *     gutter (a white band 0.8 text heights wide, wider than a word space, crossed by no word) and
 *     a column between gutters must hold a number on three or more lines. A line that crosses a
 *     gutter (a group heading over the row) gets no separator there: the
 * layout makes it one spanning cell. Header lines just above the region join it when they fit its
 * columns. Pure geometry in points (page space, y down); no Node APIs.
 */
import type { HSeg, VSeg } from '../pdf/types.js';
import type { OcrWord } from './words.js';

type WordBox = Pick<OcrWord, 'text' | 'x' | 'y' | 'w' | 'h'>;

/** One aligned grid: column boundaries (left edge … right edge) and row boundaries (top … bottom). */
export interface AlignedGrid {
  cols: number[];
  rows: number[];
  /** Per row band: the column boundaries (inner ones) that no word of the band crosses. */
  open: boolean[][];
  /** The columns are the vertical rules found on the page (only the rows come from the text). */
  rulesKept?: boolean;
}

export interface AlignResult {
  hsegs: HSeg[];
  vsegs: VSeg[];
  grids: AlignedGrid[];
}

/** A number as it stands in a table cell (OCR may add a stray mark at either end). */
function isNumberWord(t: string): boolean {
  const s = t.replace(/^[|:;'"`]+|[|:;'"`]+$/g, '');
  const digits = s.replace(/\D/g, '').length;
  if (!digits) return false;
  if (/^(Rp\.?)?\d[\d.,]*(%|,-)?$/i.test(s)) return digits >= 2 || s.endsWith('%');
  // "44.000I", "96,60%a": mostly digits
  return s.length >= 3 && digits >= 0.7 * s.length;
}

interface Line {
  words: WordBox[];
  y1: number;
  y2: number;
  cy: number;
  h: number;
}

/** Words into text lines: a word joins the line whose vertical centre it shares (within half a height). */
function textLines(words: readonly WordBox[]): Line[] {
  const s = [...words].sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2));
  const lines: Line[] = [];
  for (const w of s) {
    const cy = w.y + w.h / 2;
    let best: Line | null = null;
    for (let i = lines.length - 1; i >= Math.max(0, lines.length - 3); i--) {
      const l = lines[i]!;
      if (Math.abs(cy - l.cy) <= 0.5 * Math.max(l.h, w.h) && (!best || Math.abs(cy - l.cy) < Math.abs(cy - best.cy))) best = l;
    }
    if (best) {
      best.words.push(w);
      best.y1 = Math.min(best.y1, w.y);
      best.y2 = Math.max(best.y2, w.y + w.h);
      best.cy = best.words.reduce((a, x) => a + x.y + x.h / 2, 0) / best.words.length;
      best.h = median(best.words.map((x) => x.h));
    } else lines.push({ words: [w], y1: w.y, y2: w.y + w.h, cy, h: w.h });
  }
  for (const l of lines) l.words.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => a.cy - b.cy);
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : 0;
}

/**
 * A line with a number standing apart (a gap of a text height or more) right of other text on it:
 * a table row's value, not a list's numbering or a year in a sentence.
 */
const isNumberLine = (l: Line) => l.words.some((w, i) => i > 0 && isNumberWord(w.text) && w.x - (l.words[i - 1]!.x + l.words[i - 1]!.w) >= l.h);

/** White x-intervals at least `min` wide between the words, inside [x1, x2]. */
function gutters(words: readonly WordBox[], x1: number, x2: number, min: number): [number, number][] {
  const iv = words.map((w) => [w.x, w.x + w.w] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let right = x1;
  for (const [a, b] of iv) {
    if (a - right >= min && right > x1) out.push([right, a]);
    right = Math.max(right, b);
  }
  return out.filter(([a, b]) => a >= x1 && b <= x2);
}

const crosses = (w: WordBox, x: number) => w.x < x && w.x + w.w > x;

/**
 * Grids from text alignment for the table regions of a page that the detected rules leave
 * without a grid; the rules to use instead of `rules` (pieces inside those regions dropped, the
 * aligned grids' segments added). Returns `rules` unchanged (and no grids) where nothing applies.
 */
export function alignGrid(words: readonly WordBox[], rules: { hsegs: HSeg[]; vsegs: VSeg[] }, ruleIn?: RuleProbe): AlignResult {
  const lines = textLines(words.filter((w) => w.text.trim() && w.w > 0 && w.h > 0));
  const grids: AlignedGrid[] = [];
  const boxes: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const taken = new Set<Line>();
  // 1. vertical rules without the horizontal ones (a 1-bit scan's dashed rules lost, its dotted
  //    verticals found): the columns are the rules', the rows come from the text
  for (const band of ruleBands(rules.vsegs)) {
    const region = lines.filter((l) => !taken.has(l) && l.cy >= band.y1 && l.cy <= band.y2 && l.words.some((w) => w.x + w.w / 2 >= band.x1 && w.x + w.w / 2 <= band.x2));
    if (region.length < 2 || !region.some((l) => l.words.some((w) => isNumberWord(w.text)))) continue;
    // the wrapped end of the last row ("1", "%" under a total) may hang below the rules
    const th1 = extent(region).th;
    for (let k = lines.indexOf(region[region.length - 1]!) + 1; k < lines.length && !taken.has(lines[k]!) && lines[k]!.y1 - lines[k - 1]!.y2 < 0.5 * th1; k++) region.push(lines[k]!);
    const ext = extent(region);
    const rb = rowBounds(region, ext.th, ruleIn);
    if (!rb || ruled(ext, rules, rb.rows.length - 1)) continue;
    for (const l of region) taken.add(l);
    const ws = region.flatMap((l) => l.words);
    const left = Math.min(band.x1, ...ws.map((w) => w.x - rb.pad));
    const right = Math.max(band.x2, ...ws.map((w) => w.x + w.w + rb.pad));
    grids.push({ cols: [left, right], rows: rb.rows, open: [], rulesKept: true });
    boxes.push({ x1: left, x2: right, y1: rb.rows[0]!, y2: rb.rows[rb.rows.length - 1]! });
  }
  // 2. no rules at all: columns from the gutters between the words of number rows
  let i = 0;
  while (i < lines.length) {
    if (taken.has(lines[i]!) || !isNumberLine(lines[i]!)) {
      i++;
      continue;
    }
    // the region: number lines and at most two other lines between them, gaps under two heights
    let lastNum = i;
    for (let k = i + 1; k < lines.length && k - lastNum <= 3 && !taken.has(lines[k]!); k++) {
      const h = Math.max(lines[k - 1]!.h, lines[k]!.h);
      if (lines[k]!.y1 - lines[k - 1]!.y2 > 2 * h) break;
      if (isNumberLine(lines[k]!)) lastNum = k;
    }
    // and the lines just below the last number line that belong to its row (a wrapped "0", "%")
    const th0 = median(lines.slice(i, lastNum + 1).flatMap((l) => l.words.map((w) => w.h)));
    let j = lastNum;
    while (j + 1 < lines.length && !taken.has(lines[j + 1]!) && lines[j + 1]!.y1 - lines[j]!.y2 < 0.5 * th0) j++;
    const region = lines.slice(i, j + 1);
    const above = lines.slice(Math.max(0, i - 3), i).filter((l) => !taken.has(l));
    i = j + 1;
    const grid = regionGrid(region, above, ruleIn);
    if (!grid) continue;
    const ext = extent(region);
    if (ruled(ext, rules, grid.rows.length - 1)) continue;
    grids.push(grid);
    boxes.push({ x1: grid.cols[0]!, x2: grid.cols[grid.cols.length - 1]!, y1: grid.rows[0]!, y2: grid.rows[grid.rows.length - 1]! });
  }
  if (!grids.length) return { ...rules, grids };
  const inside = (x: number, y: number) => boxes.some((b) => x >= b.x1 - 2 && x <= b.x2 + 2 && y >= b.y1 - 2 && y <= b.y2 + 2);
  const keepV = grids.some((g) => g.rulesKept);
  const hsegs = rules.hsegs.filter((s) => !inside((s.x1 + s.x2) / 2, s.y));
  const vsegs = rules.vsegs.filter((s) => !inside(s.x, (s.y1 + s.y2) / 2) || (keepV && grids.some((g) => g.rulesKept && s.x >= g.cols[0]! - 2 && s.x <= g.cols[g.cols.length - 1]! + 2)));
  for (const g of grids) {
    const x1 = g.cols[0]!;
    const x2 = g.cols[g.cols.length - 1]!;
    for (const y of g.rows) hsegs.push({ y, x1, x2 });
    vsegs.push({ x: x1, y1: g.rows[0]!, y2: g.rows[g.rows.length - 1]! }, { x: x2, y1: g.rows[0]!, y2: g.rows[g.rows.length - 1]! });
    if (g.rulesKept) continue;
    for (let c = 1; c < g.cols.length - 1; c++) {
      // one segment per run of bands that leave this boundary open
      let start = -1;
      for (let r = 0; r <= g.open.length; r++) {
        const isOpen = r < g.open.length && g.open[r]![c - 1]!;
        if (isOpen && start < 0) start = r;
        if (!isOpen && start >= 0) {
          vsegs.push({ x: g.cols[c]!, y1: g.rows[start]!, y2: g.rows[r]! });
          start = -1;
        }
      }
    }
  }
  return { hsegs, vsegs, grids };
}

/**
 * A ruled table: long horizontal rules over the box for most of its `rows` text rows (at least
 * two and 60% of the row boundaries), and two long vertical ones.
 */
function ruled(b: Extent, rules: { hsegs: HSeg[]; vsegs: VSeg[] }, rows: number): boolean {
  const w = b.x2 - b.x1;
  const h = b.y2 - b.y1;
  const hs = rules.hsegs.filter((s) => s.y >= b.y1 - 6 && s.y <= b.y2 + 6 && Math.min(s.x2, b.x2) - Math.max(s.x1, b.x1) >= 0.6 * w).length;
  const vs = rules.vsegs.filter((s) => s.x >= b.x1 - 6 && s.x <= b.x2 + 6 && Math.min(s.y2, b.y2) - Math.max(s.y1, b.y1) >= 0.6 * h).length;
  return hs >= Math.max(2, 0.6 * (rows + 1)) && vs >= 2;
}

/**
 * The y-ranges over which at least two vertical rules at different x (a table's columns) run side
 * by side, with the x-range of those rules.
 */
function ruleBands(vsegs: readonly VSeg[]): { x1: number; x2: number; y1: number; y2: number }[] {
  const v = vsegs.filter((s) => s.y2 - s.y1 >= 8).sort((a, b) => a.y1 - b.y1);
  const out: { x1: number; x2: number; y1: number; y2: number; xs: number[] }[] = [];
  for (const s of v) {
    const b = out.find((o) => s.y1 <= o.y2 && s.y2 >= o.y1);
    if (b) {
      b.y1 = Math.min(b.y1, s.y1);
      b.y2 = Math.max(b.y2, s.y2);
      b.xs.push(s.x);
    } else out.push({ x1: 0, x2: 0, y1: s.y1, y2: s.y2, xs: [s.x] });
  }
  return out
    .filter((b) => Math.max(...b.xs) - Math.min(...b.xs) >= 20)
    .map((b) => ({ x1: Math.min(...b.xs), x2: Math.max(...b.xs), y1: b.y1, y2: b.y2 }));
}

interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Median word height. */
  th: number;
}

function extent(region: Line[]): Extent {
  const ws = region.flatMap((l) => l.words);
  return {
    x1: Math.min(...ws.map((w) => w.x)),
    x2: Math.max(...ws.map((w) => w.x + w.w)),
    y1: Math.min(...region.map((l) => l.y1)),
    y2: Math.max(...region.map((l) => l.y2)),
    th: median(ws.map((w) => w.h)),
  };
}

/**
 * Row boundaries: the white gaps between the region's words (across the whole region) where wider
 * than half a text height, or where `ruleIn` sees a broken rule in the gap (a 1-bit scan's dashes:
 * a wrapped number's second line sits close under the first, the next row may sit as close under
 * a rule). Words much taller than the text (a rule remnant read into a word) are left out.
 */
function rowBounds(lines: Line[], th: number, ruleIn?: RuleProbe): { rows: number[]; pad: number } | null {
  const all = lines.flatMap((l) => l.words).filter((w) => w.h <= 1.6 * th);
  const x1 = Math.min(...all.map((w) => w.x));
  const x2 = Math.max(...all.map((w) => w.x + w.w));
  // a line of column numbers is a row of its own, even where the header above or the first row
  // below reaches into its height
  const numbering = new Set(lines.filter(isColumnNumbering).flatMap((l) => l.words));
  const ws = all.filter((w) => !numbering.has(w)).sort((a, b) => a.y - b.y);
  // the y-projection of the words: runs of overlapping words, and the white gaps between them
  type Run = { y1: number; y2: number; words: WordBox[]; numbering?: boolean };
  const runs: Run[] = [];
  for (const w of ws) {
    const last = runs[runs.length - 1];
    if (last && w.y < last.y2) {
      last.y2 = Math.max(last.y2, w.y + w.h);
      last.words.push(w);
    } else runs.push({ y1: w.y, y2: w.y + w.h, words: [w] });
  }
  for (const l of lines.filter(isColumnNumbering)) {
    const mine = l.words.filter((w) => numbering.has(w) && w.h <= 1.6 * th);
    if (mine.length) runs.push({ y1: Math.min(...mine.map((w) => w.y)), y2: Math.max(...mine.map((w) => w.y + w.h)), words: mine, numbering: true });
  }
  runs.sort((a, b) => a.y1 - b.y1);
  // (each standing clear of the other's middle: a numbering line inside a taller run is no row)
  const apart = (a: Run, b: Run) => (a.y1 + a.y2) / 2 < b.y1 && (b.y1 + b.y2) / 2 > a.y2;
  if (runs.length < 2) return null;
  // a gap is a row boundary when it is wide, has a broken rule in it, or has numbers of one column
  // above and below it (two rows' values; a wrapped number's second line holds no whole number)
  const numbers = (r: (typeof runs)[number]) => r.words.filter((w) => isNumberWord(w.text) && w.text.replace(/\D/g, '').length >= 2);
  const listed = (ns: WordBox[]) => ns.some((a) => ns.some((b) => b.x > a.x + a.w && b.x - (a.x + a.w) < 0.6 * th && Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y)));
  const cuts: number[] = [];
  let since = 0;
  for (let k = 1; k < runs.length; k++) {
    const gap = runs[k]!.y1 - runs[k - 1]!.y2;
    let cut = gap >= 0.5 * th || ((runs[k - 1]!.numbering || runs[k]!.numbering) && apart(runs[k - 1]!, runs[k]!)) || !!ruleIn?.(runs[k - 1]!.y2, runs[k]!.y1, x1, x2);
    // a cell that lists several values ("100% 100%", a word space apart) holds one row's list,
    // wrapped over its lines: its lines standing above each other are not two rows
    if (!cut && !listed(numbers(runs[k]!)) && !runs.slice(since, k).some((r) => listed(numbers(r)))) {
      const above = runs.slice(since, k).flatMap(numbers);
      const below = numbers(runs[k]!);
      cut = above.some((a) => below.some((b) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 * Math.min(a.w, b.w)));
    }
    if (cut) {
      cuts.push(k);
      since = k;
    }
  }
  if (!cuts.length) return null;
  const gapsY = cuts.map((k) => runs[k]!.y1 - runs[k - 1]!.y2);
  const pad = Math.max(1, Math.min(0.5 * th, median(gapsY) / 2));
  return { rows: [runs[0]!.y1 - pad, ...cuts.map((k) => (runs[k - 1]!.y2 + runs[k]!.y1) / 2), runs[runs.length - 1]!.y2 + pad], pad };
}

/**
 * A line of column numbers under a table's header, `(1) (2) (3) (4)`: three or more numbers of one
 * or two digits, half of them at least in parentheses (OCR loses some: `(1) 12 3) 4)`).
 */
function isColumnNumbering(l: Line): boolean {
  return l.words.length >= 3 && l.words.every((w) => /^[([]?\d{1,2}[)\]]?$/.test(w.text)) && l.words.filter((w) => /[()[\]]/.test(w.text)).length >= l.words.length / 2;
}

/** Whether a broken horizontal rule lies between y1 and y2 over x1..x2 (points). */
export type RuleProbe = (y1: number, y2: number, x1: number, x2: number) => boolean;

/** The grid of one region, or null when its alignment is not clear. */
function regionGrid(region: Line[], above: Line[], ruleIn?: RuleProbe): AlignedGrid | null {
  const numLines = region.filter(isNumberLine);
  if (numLines.length < 3) return null;
  const th = median(region.flatMap((l) => l.words.map((w) => w.h)));
  const numWords = numLines.flatMap((l) => l.words);
  const x1 = Math.min(...numWords.map((w) => w.x));
  const x2 = Math.max(...numWords.map((w) => w.x + w.w));
  const gs = gutters(numWords, x1, x2, 0.8 * th);
  if (!gs.length) return null;
  const cuts = gs.map(([a, b]) => (a + b) / 2);
  const edges = [x1, ...cuts, x2];
  // a column of numbers: three or more number lines have a number in it
  let numberColumn = false;
  for (let c = 0; c + 1 < edges.length; c++) {
    const n = numLines.filter((l) => l.words.some((w) => isNumberWord(w.text) && w.x >= edges[c]! && w.x + w.w <= edges[c + 1]!)).length;
    if (n >= 3) numberColumn = true;
  }
  if (!numberColumn) return null;
  // header lines just above, when they fit the columns (no word across a gutter, none outside)
  const lines = [...region];
  for (let k = above.length - 1; k >= 0; k--) {
    const l = above[k]!;
    if (lines[0]!.y1 - l.y2 > 2 * th) break;
    if (l.words.some((w) => w.x < x1 - th || w.x + w.w > x2 + th || cuts.some((x) => crosses(w, x)))) break;
    lines.unshift(l);
  }
  const rb = rowBounds(lines, th, ruleIn);
  if (!rb) return null;
  const { rows, pad } = rb;
  const allWords = lines.flatMap((l) => l.words);
  const left = Math.min(x1, ...allWords.map((w) => w.x)) - pad;
  const right = Math.max(x2, ...allWords.map((w) => w.x + w.w)) + pad;
  const open = rows.slice(1).map((_, r) => {
    const inBand = allWords.filter((w) => w.y + w.h / 2 >= rows[r]! && w.y + w.h / 2 < rows[r + 1]!);
    return cuts.map((x) => !inBand.some((w) => crosses(w, x)));
  });
  return { cols: [left, ...cuts, right], rows, open };
}
