/**
 * Table cells are read on their own.
 *
 * Tesseract finds text lines across the whole page; in a ruled table whose label column wraps over
 * two lines while the amounts next to it sit vertically centred (and narrow % columns wrap "98,00"
 * over "%"), it builds lines across columns and reads the small cells as garbage (`98,94%` →
 * `ioi`, `621.548.400` → `ethan`). The grid found in the pixels tells where each cell is, so the
 * doubtful ruled cells (low confidence, or ink but no text, after the page OCR and the layout) are
 * cut out and stacked, well apart, on one "sheet" image, OCR'd in one call as a uniform block
 * (PSM 6): each cell is read with its own lines. A text cell takes the sheet's reading when it is
 * more confident than the page's. (Reading every cell only on the sheet was tried: short cells
 * such as numbering `1.1` lose their dots there, which breaks the budget hierarchy.)
 *
 * Numeric cells are read again on sheets, besides the page reading: first cut to their ink and
 * enlarged 2× (small numbering such as `1.` or `3.` keeps its dot, `72,71` its comma). A cell is
 * settled (see settle) when that reading confirms a well-formed page reading in the column's format
 * (most cells), or is itself a confident one where the page read no number (a cell garbled across
 * columns); otherwise it is read as cut (1×), and, unless two readings then agree with none against
 * them, once more cut to its ink, enlarged 2× and binarised (Otsu); sheets of one kind each, since PSM 6
 * expects one text size, of at most MAX_SHEET_CELLS cells (see buildSheets, nextSheets).
 * OCR is confidently wrong on them in ways that no single reading
 * avoids (`%` read as `90`/`94`/`96`, `72,21` read as `72.21`, `1` read as `4`); the readings vote
 * (see chooseNumericReading): a reading must look like a number; a well-formed one supported by
 * more readings wins, and the column's format (a `%` in a column of percentages, a decimal comma
 * in a column of decimal commas, `N.` in a column of `1.`, `2.`, …) only breaks ties. Only
 * the readings of the cell's own pixels are chosen from; nothing is made up. A cell whose readings
 * disagreed keeps a confidence of at most DISAGREED_CONFIDENCE, so that the report's arithmetic
 * (parse/repair.ts) can still question it. "Numeric" here: amounts, percentages, row numbers.
 */
import type { Cell } from '../../model/document.js';
import type { GrayImage } from './render.js';
import type { ConfidentLine, OcrWord } from './words.js';

/** How the numbers of one table column are printed (from the page readings). */
export interface ColumnFormat {
  /** Cells that read as a number. */
  n: number;
  /** …ending in `%`; with a decimal comma / point (1–2 decimals); row numbers `N.`. */
  pct: number;
  comma: number;
  dot: number;
  numbering: number;
}

/** How a cell is shown on a sheet: as cut, cut to its ink and enlarged, or that binarised. */
export type SheetKind = 'plain' | 'large' | 'binary';

/** The readings of one numeric cell, collected over the sheets it is on. */
export interface PendingReads {
  /** The sheet the cell is on now: 1 enlarged, 2 as cut, 3 binarised (see settle, nextSheets). */
  stage: 1 | 2 | 3;
  got: Reading[];
  /** The reading as cut (the plain sheet's), for a cell that turns out not to be a number. */
  plain?: Reading;
}

export interface Slot {
  /** Crop origin and size on the page image (pixels). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Where the crop sits on the sheet, and its height there. */
  top: number;
  sheetH: number;
  line: ConfidentLine;
  cell: Cell;
  /** Low confidence, or ink but no text: the reading as cut may replace the page's. */
  doubtful: boolean;
  /** Set for numeric cells: the format of the cell's column, and the readings gathered so far. */
  column?: ColumnFormat;
  reads?: PendingReads;
}

export interface Sheet {
  kind: SheetKind;
  image: GrayImage;
  slots: Slot[];
}

const PAD = 24;
const GAP = 40;
/** Pixels kept off each cell edge so rules (and their erasure halo) stay out of the cut. */
const INSET = 2;
/** Enlargement of the ink-cut reading and of the binarised reading of numeric cells. */
const LARGE = 2;
const BINARY = 2;
/** Ink margin kept around the ink-cut reading (page pixels). */
const INK_MARGIN = 10;
/** Highest confidence a numeric cell keeps when its readings disagreed. */
export const DISAGREED_CONFIDENCE = 90;
/** Page confidence at or above which a well-formed number in its column's definite format is not read again. */
const SURE = 90;
/** The same for a number in a column without a definite format (amounts). */
const VERY_SURE = 97;
/** Lowest confidence of the page reading and the first re-reading that settles a numeric cell. */
export const SETTLED_CONFIDENCE = 85;
/** Confidence of a lone reading that, with its column's format, replaces a page reading that is no number. */
const STRONG = 90;

function hasInk(img: GrayImage, x: number, y: number, w: number, h: number): boolean {
  let n = 0;
  for (let yy = Math.max(0, y); yy < Math.min(img.height, y + h); yy++) {
    const row = yy * img.width;
    for (let xx = Math.max(0, x); xx < Math.min(img.width, x + w); xx++) if (img.data[row + xx]! < 128 && ++n > 25) return true;
  }
  return false;
}

type Crop = Omit<Slot, 'top' | 'sheetH' | 'reads'>;

// ---------------------------------------------------------------------------------------------
// what a numeric reading looks like

/**
 * A reading without spaces and without specks read as punctuation at either end (": 84,91 %",
 * "3.260.140.094:"); a `%` that came out before its number goes after it ("%100", as joinCellLines
 * does for a `%` on a line of its own).
 */
export const cleanReading = (t: string) =>
  t
    .replace(/\s+/g, '')
    .replace(/^[:;'`’‘"]+/, '')
    .replace(/[:;'`’‘"]+$/, '')
    .replace(/^%(\d[\d.,]*)$/, '$1%');

/** A reading that is a number as reports print them: amounts, percentages, row numbers, `(3)`. */
export const isNumericReading = (t: string) => /^(Rp\.?)?\d[\d.,]*(%|,-)?$/.test(t) || /^\(\d{1,2}\)$/.test(t);

/**
 * Well formed: groups of three after the first (`2.323.000`, not `2.323.00`), one or two decimals
 * (`95,57`, not `29.445500`), a row number (`1.`, `1.1`), and a percentage below 1000.
 */
export function isWellFormed(t0: string): boolean {
  if (/^\(\d{1,2}\)$/.test(t0)) return true;
  const pct = /%$/.test(t0);
  const t = t0.replace(/^Rp\.?/, '').replace(/(%|,-)$/, '');
  if (pct && Number(t.replace(/\./g, '').replace(',', '.')) >= 1000 && !/^\d{1,3}\.\d{1,2}$/.test(t)) return false;
  return (
    /^\d+$/.test(t) ||
    /^\d+[.,]\d{1,2}$/.test(t) ||
    /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) ||
    /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ||
    /^\d{1,2}(\.\d{1,2})*\.?$/.test(t)
  );
}

const COMMA_DEC = /\d,\d{1,2}%?$/;
const DOT_DEC = /\d\.\d{1,2}%?$/;
const ROW_NUMBER = /^\d{1,2}\.$/;
/** "1.1", "2.10": row numbering, not a decimal point. */
const SUB_NUMBER = /^\d{1,2}\.\d{1,2}$/;

function addToFormat(f: ColumnFormat, t: string): void {
  f.n++;
  if (/%$/.test(t)) f.pct++;
  if (COMMA_DEC.test(t)) f.comma++;
  else if (DOT_DEC.test(t) && !SUB_NUMBER.test(t)) f.dot++;
  if (ROW_NUMBER.test(t)) f.numbering++;
}

/**
 * How reading `t` agrees with its column's format: +1 when it has the column's definite format
 * (a `%` in a column of percentages, a decimal comma in a column of decimal commas, `N.` in a
 * column of row numbers), -1 when it breaks it, 0 when the column (fewer than three numbers, or
 * no definite format) says nothing.
 */
export function columnFit(t: string, col: ColumnFormat | undefined): number {
  if (!col || col.n < 3) return 0;
  let fit = 0;
  if (col.pct / col.n >= 0.6) fit += /%$/.test(t) ? 1 : -1;
  // (a column of decimal commas holds no row numbers: "72.21" there is a decimal point)
  if (col.comma >= 2 && col.comma / Math.max(1, col.comma + col.dot) >= 0.8) fit += COMMA_DEC.test(t) ? 1 : DOT_DEC.test(t) ? -1 : 0;
  if (col.numbering / col.n >= 0.5 && /^\d{1,2}\.?$/.test(t)) fit += ROW_NUMBER.test(t) ? 1 : -1;
  return Math.max(-1, Math.min(1, fit));
}

/** What tesseract makes of a `%` at the end of a number (as in parse/repair.ts). */
const PERCENT_READ_AS = ['96', '90', '94', '98', '58', '0', '9', '%6', '%o', '9o', 'So', 'Yo', 'yo'];

/** Row numbering of a hierarchy (`1.1`, `2.3.1`): its dots are specks that a cut-out reading loses. */
const HIERARCHY_NUMBER = /^\d{1,2}(\.\d{1,2}){1,3}\.?$/;

/**
 * Is reading `r` evidence for `c`: the same; `c` with its `%` read as digits (`8090` for `80%`);
 * row numbering with its dots lost (`11` for `1.1`); or an amount with a speck read after it
 * (`621.548.400.`).
 */
export function supports(r: string, c: string): boolean {
  if (r === c) return true;
  if (c.endsWith('%') && PERCENT_READ_AS.some((tail) => r === c.slice(0, -1) + tail)) return true;
  if (HIERARCHY_NUMBER.test(c) && r === c.replace(/\./g, '')) return true;
  return /^\d{1,3}([.,]\d{3})+$/.test(c) && r.length === c.length + 1 && r.startsWith(c) && /[.,]$/.test(r);
}

export interface Reading {
  text: string;
  confidence: number;
}

/**
 * Choose among the readings of one numeric cell (the page's first). Candidates are the readings
 * that look like a number; the best is well formed, then has the most supporting readings (see
 * `supports`), then fits the column's format (see columnFit: it only breaks ties), then has the
 * highest confidence. A page reading that is not a number (`ia` for `1.`, `A` for `4`) is replaced
 * only by a candidate that two readings support, or one confident reading (≥ 90) in the column's
 * format. Returns the chosen
 * text (cleaned) and its confidence: the highest of the readings that gave it, at most
 * DISAGREED_CONFIDENCE when another reading offered a different number; null to keep the page
 * reading.
 */
export function chooseNumericReading(page: Reading, sheet: Reading[], col?: ColumnFormat): Reading | null {
  const reads = [page, ...sheet].map((r) => ({ text: cleanReading(r.text), confidence: r.confidence })).filter((r) => r.text);
  const cands = [...new Set(reads.map((r) => r.text))]
    .filter(isNumericReading)
    .map((text) => ({
      text,
      fit: columnFit(text, col),
      wf: isWellFormed(text) ? 1 : 0,
      votes: reads.filter((r) => supports(r.text, text)).length,
      conf: Math.max(...reads.filter((r) => r.text === text).map((r) => r.confidence)),
    }))
    // the column's format only breaks a tie between readings: it never outvotes the pixels
    .sort((a, b) => b.wf - a.wf || b.votes - a.votes || b.fit - a.fit || b.conf - a.conf);
  const best = cands[0];
  if (!best) return null;
  const pageText = cleanReading(page.text);
  if (!isNumericReading(pageText) && best.votes < 2 && !(best.fit > 0 && best.conf >= STRONG)) return null;
  const disagreed = reads.some((r) => isNumericReading(r.text) && !supports(r.text, best.text));
  return { text: best.text, confidence: disagreed ? Math.min(best.conf, DISAGREED_CONFIDENCE) : best.conf };
}

// ---------------------------------------------------------------------------------------------
// columns across the grids of one table

/**
 * The column of each table cell, across the grids of one table. Where a row rule is faint or
 * broken (a cheap scan, a merged row), the layout makes one table into several grids one below the
 * other, and a column's format (columnFit, spellAsColumn) would be judged from a few cells, or one.
 * Consecutive grids (no other line between them) with the same number of columns, each column
 * overlapping the other grid's same column by half the narrower one's width or more (a faint rule
 * is found a little aside in each grid), count as one table here. Returns a key per (line, cell index).
 */
export function columnKeys(lines: ConfidentLine[]): (line: ConfidentLine, i: number) => string {
  const edges = new Map<number, ([number, number] | undefined)[]>();
  for (const l of lines) {
    if (!l.table || !l.cells) continue;
    const e = edges.get(l.table.id) ?? [];
    l.cells.forEach((c, i) => {
      if (c.box && !e[i]) e[i] = [c.box.x, c.box.x + c.box.w];
    });
    edges.set(l.table.id, e);
  }
  // the same columns: each pair of same-index edges known on both sides overlaps by half the narrower (two pairs at least)
  const sameColumns = (a: ([number, number] | undefined)[], b: ([number, number] | undefined)[]) => {
    const pairs = a.flatMap((p, i) => (p && b[i] ? [[p, b[i]!] as const] : []));
    return pairs.length >= 2 && pairs.every(([p, q]) => Math.min(p[1], q[1]) - Math.max(p[0], q[0]) >= 0.5 * Math.min(p[1] - p[0], q[1] - q[0]));
  };
  const group = new Map<number, number>();
  let prev: { id: number; columns: number } | null = null;
  for (const l of lines) {
    if (!l.table || !l.cells) {
      prev = null;
      continue;
    }
    const id = l.table.id;
    if (!group.has(id)) {
      const joins = prev && prev.id !== id && prev.columns === l.table.columns && sameColumns(edges.get(prev.id)!, edges.get(id)!);
      group.set(id, joins ? group.get(prev!.id)! : id);
    }
    prev = l.table;
  }
  return (line, i) => `${group.get(line.table!.id) ?? line.table!.id}|${i}`;
}

/** How the cells of one table column read: its numbers' format, with the counts spellAsColumn needs. */
interface ColumnCounts extends ColumnFormat {
  /** Non-empty cells. */
  filled: number;
  /** Amounts (four digits running, or a group of three); those grouped by points; one- or two-digit numbers (`3`, `3.`). */
  amounts: number;
  grouped: number;
  small: number;
}

/** The columns of the tables in `lines` (across grids, see columnKeys) and how their cells read; `ocrOnly`: only lines OCR read. */
function columnCounts(lines: ConfidentLine[], ocrOnly = false) {
  const keyOf = columnKeys(lines);
  const cols = new Map<string, ColumnCounts>();
  for (const line of lines) {
    if (!line.table || !line.cells || (ocrOnly && line.confidence === undefined)) continue;
    line.cells.forEach((c, i) => {
      const t = cleanReading(c.text);
      if (!t) return;
      const k = keyOf(line, i);
      const e = cols.get(k) ?? { n: 0, pct: 0, comma: 0, dot: 0, numbering: 0, filled: 0, amounts: 0, grouped: 0, small: 0 };
      e.filled++;
      if (isNumericReading(t)) {
        addToFormat(e, t);
        if (/\d{4}|\d[.,]\d{3}/.test(t)) e.amounts++;
        if (POINT_GROUPED.test(t)) e.grouped++;
        if (/^\d{1,2}\.?$/.test(t)) e.small++;
      }
      cols.set(k, e);
    });
  }
  return { keyOf, cols };
}

// ---------------------------------------------------------------------------------------------
// which cells

/** Characters (spaces aside) up to which a text cell counts as short: a header, a code, a name. */
const SHORT_TEXT = 30;
/** Confidence below which a long text cell is read again (a short one: below `below`). */
const LONG_TEXT_BELOW = 70;

/**
 * Cells to read again: numeric cells (the page read a number; the cell has ink but no text; it is
 * short in a column of numbers; or it is a short low-confidence cell that may be a garbled number),
 * and doubtful text cells (confidence below `below`; long ones, below LONG_TEXT_BELOW: a label the
 * page read with a doubtful word or two comes out the same again, one garbled across columns far
 * lower).
 */
export function doubtfulCells(lines: ConfidentLine[], img: GrayImage, below = 85): Crop[] {
  const s = img.dpi / 72;
  const out: Crop[] = [];
  // per table column: how its numbers look, and how many of its non-empty cells are numbers
  const { keyOf, cols } = columnCounts(lines);
  for (const line of lines) {
    if (!line.table || !line.cells) continue;
    for (const [i, cell] of line.cells.entries()) {
      if (!cell.box) continue;
      const t = cleanReading(cell.text);
      const col = cols.get(keyOf(line, i));
      const numCol = !!col && col.n >= 2 && col.n / col.filled >= 0.5;
      const conf = cell.confidence ?? 100;
      const digits = t.replace(/[^\d]/g, '').length;
      const numeric = !t || isNumericReading(t) || (numCol && (t.length <= 4 || (t.length <= 20 && digits >= t.length / 2))) || (t.length <= 4 && conf < below);
      // a long text cell (a label over lines) costs most to read again and gains least: only when garbled
      const doubtful = !t || conf < (numeric || t.length <= SHORT_TEXT ? below : Math.min(below, LONG_TEXT_BELOW));
      if (!numeric && !doubtful) continue;
      // a confident, well-formed number in its column's definite format needs no second reading
      // (in a column without a definite format, e.g. amounts: only a very confident one)
      if (numeric && !doubtful && isNumericReading(t) && isWellFormed(t) && (columnFit(t, col) > 0 ? conf >= SURE : columnFit(t, col) === 0 && conf >= VERY_SURE)) continue;
      const x = Math.max(0, Math.round(cell.box.x * s) + INSET);
      const y = Math.max(0, Math.round(cell.box.y * s) + INSET);
      const w = Math.min(img.width - x, Math.round(cell.box.w * s) - 2 * INSET);
      const h = Math.min(img.height - y, Math.round(cell.box.h * s) - 2 * INSET);
      if (w < 4 || h < 4) continue;
      if (!t && !hasInk(img, x, y, w, h)) continue;
      const crop: Crop = { x, y, w, h, line, cell, doubtful };
      if (numeric) crop.column = col ? { n: col.n, pct: col.pct, comma: col.comma, dot: col.dot, numbering: col.numbering } : { n: 0, pct: 0, comma: 0, dot: 0, numbering: 0 };
      out.push(crop);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// the sheet

/** The ink's bounding box inside a crop, with `margin` (page pixels); the crop itself when blank. */
function inkBox(img: GrayImage, c: { x: number; y: number; w: number; h: number }, margin: number) {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let r = 0; r < c.h; r++) {
    const row = (c.y + r) * img.width + c.x;
    for (let q = 0; q < c.w; q++)
      if (img.data[row + q]! < 140) {
        if (q < x0) x0 = q;
        if (q > x1) x1 = q;
        if (r < y0) y0 = r;
        if (r > y1) y1 = r;
      }
  }
  if (x1 < 0) return c;
  const x = Math.max(0, x0 - margin);
  const y = Math.max(0, y0 - margin);
  return { x: c.x + x, y: c.y + y, w: Math.min(c.w - x, x1 - x0 + 1 + 2 * margin), h: Math.min(c.h - y, y1 - y0 + 1 + 2 * margin) };
}

/** Otsu's threshold of a crop. */
export function otsu(img: GrayImage, c: { x: number; y: number; w: number; h: number }): number {
  const hist = new Array<number>(256).fill(0);
  for (let r = 0; r < c.h; r++) {
    const row = (c.y + r) * img.width + c.x;
    for (let q = 0; q < c.w; q++) hist[img.data[row + q]!]!++;
  }
  const total = c.w * c.h;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * hist[v]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let at = 128;
  for (let v = 0; v < 256; v++) {
    wB += hist[v]!;
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += v * hist[v]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      at = v;
    }
  }
  return at + 1;
}

/** Where a crop of the page goes on a sheet of `kind`. */
function placement(img: GrayImage, c: Crop, kind: SheetKind): { src: { x: number; y: number; w: number; h: number }; scale: number; threshold: number | null } {
  if (kind === 'plain') return { src: c, scale: 1, threshold: null };
  const ink = inkBox(img, c, INK_MARGIN);
  return kind === 'large' ? { src: ink, scale: LARGE, threshold: null } : { src: ink, scale: BINARY, threshold: otsu(img, c) };
}

/** Height above which the cells go on another sheet (tesseract.js fails on very tall images). */
export const MAX_SHEET_HEIGHT = 12000;

/**
 * The first sheets for these cells (one enlargement per sheet: tesseract's PSM 6 expects one text
 * size), each below `maxHeight`: the doubtful text cells as cut ('plain'), the numeric cells cut to
 * their ink and enlarged ('large'). A numeric cell that its readings settle (see settle) is done;
 * the others go on the next sheet (nextSheets).
 */
export function buildSheets(img: GrayImage, cells: Crop[], maxHeight = MAX_SHEET_HEIGHT): Sheet[] {
  const reads = new Map<Crop, PendingReads>();
  for (const c of cells) if (c.column) reads.set(c, { stage: 1, got: [] });
  return [...sheetsOf(img, cells.filter((c) => !c.column), 'plain', reads, maxHeight), ...sheetsOf(img, cells.filter((c) => c.column), 'large', reads, maxHeight)];
}

/** The sheet of each stage of a numeric cell's readings (see PendingReads). */
const STAGE_KIND: Record<PendingReads['stage'], SheetKind> = { 1: 'large', 2: 'plain', 3: 'binary' };
const LAST_STAGE = 3;

/**
 * The numeric cells that their readings so far did not settle, on their next sheet: after the
 * enlarged reading as cut ('plain'), after that binarised ('binary').
 */
export function nextSheets(img: GrayImage, slots: Slot[], maxHeight = MAX_SHEET_HEIGHT): Sheet[] {
  const reads = new Map<Crop, PendingReads>();
  const byStage = new Map<PendingReads['stage'], Slot[]>();
  for (const s of slots) {
    if (!s.reads || s.reads.stage >= LAST_STAGE) continue;
    s.reads.stage = s.reads.stage === 1 ? 2 : 3;
    reads.set(s, s.reads);
    const mine = byStage.get(s.reads.stage);
    if (mine) mine.push(s);
    else byStage.set(s.reads.stage, [s]);
  }
  return [...byStage].flatMap(([stage, mine]) => sheetsOf(img, mine, STAGE_KIND[stage], reads, maxHeight));
}

/** A well-formed number that does not break its column's format. */
const inFormat = (t: string, col?: ColumnFormat) => isNumericReading(t) && isWellFormed(t) && columnFit(t, col) >= 0;

/**
 * What a numeric cell's readings so far settle it on, or null when it needs another reading.
 * Settled: (a) the page read a number in its column's format and every other reading supports it
 * confidently, the page confidently too or the same text read again (two independent readings of
 * the same pixels agree); (b) the page read no number (garbled across columns, or nothing) and the
 * one enlarged reading is a confident (≥ STRONG) number in its column's format; (c) after a third
 * reading, two readings support the choice confidently and no reading offers another number.
 * Reading such a cell once more would only cost time; every other cell is read on all its sheets
 * and decided by chooseNumericReading.
 */
export function settle(page: Reading, got: Reading[], col?: ColumnFormat): Reading | null {
  if (!got.length) return null;
  const p = cleanReading(page.text);
  const reads = got.map((r) => ({ text: cleanReading(r.text), confidence: r.confidence }));
  if (
    inFormat(p, col) &&
    reads.every((r) => supports(r.text, p) && r.confidence >= SETTLED_CONFIDENCE) &&
    (page.confidence >= SETTLED_CONFIDENCE || reads.some((r) => r.text === p))
  )
    return chooseNumericReading(page, got, col);
  if (reads.length === 1 && !isNumericReading(p)) return inFormat(reads[0]!.text, col) && reads[0]!.confidence >= STRONG ? reads[0]! : null;
  if (reads.length < 2) return null;
  const chosen = chooseNumericReading(page, got, col);
  if (!chosen || !inFormat(chosen.text, col)) return null;
  const all = [{ text: p, confidence: page.confidence }, ...reads].filter((r) => isNumericReading(r.text));
  if (all.some((r) => !supports(r.text, chosen.text))) return null;
  return all.filter((r) => r.confidence >= SETTLED_CONFIDENCE).length >= 2 ? chosen : null;
}

/**
 * Cells per sheet, at most: a stage's cells go on sheets of equal size, so that the pool can read
 * them on every idle worker at once (the last page's sheets, a one-page scan) and no sheet is
 * much longer than the others.
 */
export const MAX_SHEET_CELLS = 40;

/** `cells` on sheets of `kind`, each below `maxHeight` (tesseract.js fails on very tall images) and MAX_SHEET_CELLS. */
function sheetsOf(img: GrayImage, cells: Crop[], kind: SheetKind, reads: Map<Crop, PendingReads>, maxHeight: number): Sheet[] {
  const out: Sheet[] = [];
  let part: Crop[] = [];
  let h = 2 * PAD;
  const per = Math.ceil(cells.length / Math.ceil(cells.length / MAX_SHEET_CELLS));
  const flush = () => {
    if (part.length) out.push(sheetOf(img, part, kind, reads));
    part = [];
    h = 2 * PAD;
  };
  for (const c of cells) {
    const pl = placement(img, c, kind);
    const ch = pl.src.h * pl.scale + GAP;
    if (part.length && (h + ch > maxHeight || part.length >= per)) flush();
    part.push(c);
    h += ch;
  }
  flush();
  return out;
}

function sheetOf(img: GrayImage, cells: Crop[], kind: SheetKind, reads: Map<Crop, PendingReads>): Sheet {
  const plan = cells.map((c) => placement(img, c, kind));
  const width = Math.max(...plan.map((p) => p.src.w * p.scale)) + 2 * PAD;
  const height = plan.reduce((a, p) => a + p.src.h * p.scale + GAP, 2 * PAD - GAP);
  const data = new Uint8Array(width * height).fill(255);
  const slots: Slot[] = [];
  let top = PAD;
  cells.forEach((c, i) => {
    const { src, scale, threshold } = plan[i]!;
    for (let r = 0; r < src.h * scale; r++) {
      const from = (src.y + Math.floor(r / scale)) * img.width + src.x;
      const to = (top + r) * width + PAD;
      if (scale === 1 && threshold === null) {
        data.set(img.data.subarray(from, from + src.w), to);
        continue;
      }
      for (let q = 0; q < src.w * scale; q++) {
        const v = img.data[from + Math.floor(q / scale)]!;
        data[to + q] = threshold === null ? v : v < threshold ? 0 : 255;
      }
    }
    const slot: Slot = { ...c, top, sheetH: src.h * scale };
    const r = reads.get(c);
    if (r) slot.reads = r;
    slots.push(slot);
    top += src.h * scale + GAP;
  });
  return { kind, image: { width, height, data, dpi: img.dpi }, slots };
}

/** Join a cell's lines: no space inside a number broken over two lines or before a lone `%`. */
export function joinCellLines(lines: string[]): string {
  let out = '';
  // a lone `%` belongs after the number even when its line came out first (its baseline is a guess)
  const ordered = [...lines.filter((t) => t.trim() !== '%'), ...lines.filter((t) => t.trim() === '%')];
  for (const t of ordered) {
    if (!out) out = t;
    else if (/^%/.test(t) || (/[\d.,]$/.test(out) && /^[\d.,]/.test(t))) out += t;
    else out += ' ' + t;
  }
  return out;
}

/** The reading of the sheet band [top, top + h): its words in lines, joined. */
function readBand(words: OcrWord[], top: number, h: number): Reading | null {
  const mine = words.filter((w) => {
    const cy = w.y + w.h / 2;
    // inside a lone cell, rule remnants are the only source of `|`-like words
    return cy >= top - GAP / 2 && cy < top + h + GAP / 2 && !/^[|¦!_\][]+$/.test(w.text);
  });
  if (!mine.length) return null;
  mine.sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const lines: OcrWord[][] = [];
  for (const w of mine) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(w.baseline - last[0]!.baseline) <= 0.5 * Math.max(w.size, last[0]!.size)) last.push(w);
    else lines.push([w]);
  }
  const text = joinCellLines(lines.map((l) => l.sort((a, b) => a.x - b.x).map((w) => w.text).join(' ')));
  return text ? { text, confidence: Math.min(...mine.map((w) => w.confidence)) } : null;
}

/**
 * Put the sheet's readings (words in sheet pixels, `wordsOf(result, 1)`) into the cells: a text
 * cell takes the sheet's reading where it is more confident than the page's; a numeric cell the
 * reading its readings settle on (settle), or after its last sheet the one they vote for
 * (chooseNumericReading). A numeric cell not settled yet is added to `unsettled` (read it on
 * nextSheets, then apply those). Returns how many cells changed.
 */
export function applySheet(sheet: Sheet, words: OcrWord[], unsettled: Slot[] = []): number {
  let changed = 0;
  for (const slot of sheet.slots) {
    const { cell, line } = slot;
    const own = readBand(words, slot.top, slot.sheetH);
    let next: Reading | null = null;
    // a text cell takes the reading as cut where it is more confident than the page's
    const asText = (r: Reading | null | undefined) => (r && !(cell.text && r.confidence <= (cell.confidence ?? 0)) ? r : null);
    if (slot.column && slot.reads) {
      if (own) slot.reads.got.push(own);
      if (sheet.kind === 'plain' && own) slot.reads.plain = own;
      const page = { text: cell.text, confidence: cell.confidence ?? 0 };
      const last = slot.reads.stage >= LAST_STAGE;
      const chosen = last ? chooseNumericReading(page, slot.reads.got, slot.column) : settle(page, slot.reads.got, slot.column);
      if (!chosen && !last) {
        unsettled.push(slot);
        continue;
      }
      // confirmed: the text the cell ends with was read at least twice (page and sheets)
      const final = (chosen?.text ?? cell.text).replace(/\s+/g, '');
      if (final && [page, ...slot.reads.got].filter((r) => r.text.replace(/\s+/g, '') === final).length >= 2) cell.confirmed = true;
      if (chosen && chosen.text !== cell.text.replace(/\s+/g, '')) next = chosen;
      else if (chosen && cell.confidence !== undefined && chosen.confidence < cell.confidence) {
        cell.confidence = chosen.confidence;
        line.confidence = lineConfidence(line);
      } else if (!chosen && slot.doubtful && !isNumericReading(cleanReading(slot.reads.plain?.text ?? ''))) next = asText(slot.reads.plain);
    } else next = asText(own);
    if (!next) continue;
    cell.text = next.text;
    cell.confidence = next.confidence;
    line.text = line.cells!.map((c) => c.text).join('\t');
    line.confidence = lineConfidence(line);
    changed++;
  }
  return changed;
}

const lineConfidence = (line: ConfidentLine) => {
  const cs = line.cells!.filter((c) => c.confidence !== undefined).map((c) => c.confidence!);
  return cs.length ? Math.min(...cs) : line.confidence;
};

// ---------------------------------------------------------------------------------------------
// separators as the column prints them

/** A decimal with a point and nothing else: `64.21`, `98.15 %`. */
const POINT_DECIMAL = /^(\d+)\.(\d{1,2}\s*%?)$/;
/** Groups of three with a comma before points: `117,230.200` (no Indonesian number has a comma before a point). */
const COMMA_IN_GROUPS = /^(Rp\.?\s?)?\d{1,3}(,\d{3})+(\.\d{3})+(,\d{1,2})?$/;
const POINT_GROUPED = /^(Rp\.?\s?)?\d{1,3}(\.\d{3})+(,\d{1,2})?$/;
/** An amount with every group separator lost: `2225000`. */
const UNGROUPED = /^(Rp\.?\s?)?(\d{4,})(,\d{1,2})?$/;
/** A row number: `3` or `3.`. */
const BARE_NUMBER = /^\d{1,2}$/;
/** A number without its `%`: `94,29`, `100`. */
const NO_PERCENT = /^\d{1,3}(,\d{1,2})?$/;

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+$)/g, '.');

/**
 * Numbers of OCR-read table cells spelt with the separators their column prints (issue 13): at 150
 * dpi a comma and a point differ by a few pixels, a dot or a `%` is a few pixels more, and every
 * reading may take one for the other or lose it. Only the spelling changes, never the number:
 *  - in a column of decimal commas (the definite format of columnFit, from the cells as read), a
 *    number with one decimal point and one or two decimals (`64.21`) is the comma misread; so is a
 *    percentage spelt so (`86.44%`) in a column too short to tell (under two decimal commas, at
 *    most one point) on a page whose table decimals are commas (four or more, 80%);
 *  - in a column of amounts grouped by points (three or more such cells, 80% of its amounts), a
 *    comma between groups of three before a point (`117,230.200`, which the parser takes for
 *    117230.2 in English notation) is the point misread, and an amount of four digits or more
 *    with no separator at all (`2225000`) has lost its points;
 *  - in a column of row numbers `N.` (two or more, 60% of its one- or two-digit numbers), a bare
 *    `N` has lost its dot;
 *  - in a column of percentages (three or more, 80% of its numbers), a number without `%` (`94,29`)
 *    has lost it.
 * The column is the table's across its grids (columnKeys). Nothing else is changed; the cell keeps
 * its confidence. Returns the number of cells changed.
 */
export function spellAsColumn(lines: ConfidentLine[]): number {
  const { keyOf, cols } = columnCounts(lines, true);
  // the page's decimals: a percentage with a decimal point in a column too short to tell
  let pageComma = 0;
  let pageDot = 0;
  for (const c of cols.values()) {
    pageComma += c.comma;
    pageDot += c.dot;
  }
  const commaPage = pageComma >= 4 && pageComma >= 0.8 * (pageComma + pageDot);
  let changed = 0;
  for (const line of lines) {
    if (!line.table || !line.cells || line.confidence === undefined) continue;
    let lineChanged = false;
    line.cells.forEach((c, i) => {
      const col = cols.get(keyOf(line, i));
      if (!col) return;
      const t = c.text.trim();
      let next = t;
      const m = POINT_DECIMAL.exec(t);
      const u = UNGROUPED.exec(t);
      const groupedColumn = col.grouped >= 3 && col.grouped >= 0.8 * col.amounts;
      const commaColumn = col.comma >= 2 && col.comma / Math.max(1, col.comma + col.dot) >= 0.8;
      const undecided = col.comma < 2 && col.dot <= 1;
      if (m && (commaColumn || (undecided && commaPage && /%$/.test(t)))) next = `${m[1]},${m[2]}`;
      else if (COMMA_IN_GROUPS.test(t) && groupedColumn) next = t.replace(/^((?:Rp\.?\s?)?[\d.,]*?)(,\d{1,2})?$/, (_, body: string, dec: string | undefined) => body.replace(/,/g, '.') + (dec ?? ''));
      else if (u && groupedColumn) next = `${u[1] ?? ''}${grouped(u[2]!)}${u[3] ?? ''}`;
      else if (BARE_NUMBER.test(t) && col.numbering >= 2 && col.numbering >= 0.6 * col.small) next = `${t}.`;
      else if (NO_PERCENT.test(t) && col.pct >= 3 && col.pct >= 0.8 * col.n) next = `${t}%`;
      if (next === t) return;
      c.text = next;
      lineChanged = true;
      changed++;
    });
    if (lineChanged) line.text = line.cells.map((c) => c.text).join('\t');
  }
  return changed;
}
