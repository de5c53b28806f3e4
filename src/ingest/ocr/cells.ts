/**
 * Table cells are read on their own.
 *
 * Tesseract finds text lines across the whole page; in a ruled table whose label column wraps over
 * two lines while the amounts next to it sit vertically centred (and narrow % columns wrap "98,00"
 * over "%"), it builds lines across columns and reads the small cells as garbage (`98,94%` →
 * `ioi`, `621.548.400` → `ethan`). The grid found in the pixels tells where each cell is, so the
 * doubtful ruled cells (low confidence, or ink but no text, after the page OCR and the layout) are
 * cut out and stacked, well apart, on one "sheet" image, OCR'd in one call as a uniform block
 * (PSM 6): each cell is read with its own lines. A cell takes the sheet's reading when it is more
 * confident than the page's. (Reading every cell only on the sheet was tried: short cells such as
 * numbering `1.1` lose their dots there, which breaks the budget hierarchy.)
 */
import type { Cell } from '../../model/document.js';
import type { GrayImage } from './render.js';
import type { ConfidentLine, OcrWord } from './words.js';

export interface Slot {
  /** Crop origin and size on the page image (pixels). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Where the crop sits on the sheet. */
  top: number;
  line: ConfidentLine;
  cell: Cell;
}

export interface Sheet {
  image: GrayImage;
  slots: Slot[];
}

const PAD = 24;
const GAP = 40;
/** Pixels kept off each cell edge so rules (and their erasure halo) stay out of the cut. */
const INSET = 2;

function hasInk(img: GrayImage, x: number, y: number, w: number, h: number): boolean {
  let n = 0;
  for (let yy = Math.max(0, y); yy < Math.min(img.height, y + h); yy++) {
    const row = yy * img.width;
    for (let xx = Math.max(0, x); xx < Math.min(img.width, x + w); xx++) if (img.data[row + xx]! < 128 && ++n > 25) return true;
  }
  return false;
}

type Crop = Omit<Slot, 'top'>;

const NUMERIC = /^[\d.,%\s]+$/;
const PCT = /%$/;
const COMMA_DEC = /\d,\d{1,2}%?$/;
const DOT_DEC = /\d\.\d{1,2}%?$/;

/**
 * Doubtful ruled cells: confidence below `below`, ink but no text, or a number that does not look
 * like the rest of its column (no `%` in a column of percentages, a decimal point in a column of
 * decimal commas) — OCR is sometimes confidently wrong.
 */
export function doubtfulCells(lines: ConfidentLine[], img: GrayImage, below = 85): Crop[] {
  const s = img.dpi / 72;
  const out: Crop[] = [];
  // per table column: how its numbers look
  const cols = new Map<string, { n: number; pct: number; comma: number }>();
  for (const line of lines) {
    if (!line.table || !line.cells) continue;
    line.cells.forEach((c, i) => {
      const t = c.text.trim();
      if (!t || !NUMERIC.test(t)) return;
      const k = `${line.table!.id}|${i}`;
      const e = cols.get(k) ?? { n: 0, pct: 0, comma: 0 };
      e.n++;
      if (PCT.test(t)) e.pct++;
      if (COMMA_DEC.test(t)) e.comma++;
      cols.set(k, e);
    });
  }
  const odd = (t: string, k: string) => {
    const e = cols.get(k);
    if (!e || e.n < 3 || !NUMERIC.test(t)) return false;
    const pctCol = e.pct / e.n >= 0.6;
    // no `%` in a column of percentages; 8644% (a lost decimal comma); a decimal point among commas
    return (pctCol && (!PCT.test(t) || /^\d{4,}\s*%$/.test(t))) || (e.comma / e.n >= 0.6 && DOT_DEC.test(t));
  };
  for (const line of lines) {
    if (!line.table || !line.cells) continue;
    for (const [i, cell] of line.cells.entries()) {
      if (!cell.box) continue;
      if (cell.text && (cell.confidence ?? 100) >= below && !odd(cell.text.trim(), `${line.table.id}|${i}`)) continue;
      const x = Math.max(0, Math.round(cell.box.x * s) + INSET);
      const y = Math.max(0, Math.round(cell.box.y * s) + INSET);
      const w = Math.min(img.width - x, Math.round(cell.box.w * s) - 2 * INSET);
      const h = Math.min(img.height - y, Math.round(cell.box.h * s) - 2 * INSET);
      if (w < 4 || h < 4) continue;
      if (!cell.text && !hasInk(img, x, y, w, h)) continue;
      out.push({ x, y, w, h, line, cell });
    }
  }
  return out;
}

/** Stack the cells' pixels on one white image. */
export function buildSheet(img: GrayImage, cells: Crop[]): Sheet | null {
  if (!cells.length) return null;
  const width = Math.max(...cells.map((c) => c.w)) + 2 * PAD;
  const height = cells.reduce((a, c) => a + c.h + GAP, 2 * PAD - GAP);
  const data = new Uint8Array(width * height).fill(255);
  const slots: Slot[] = [];
  let top = PAD;
  for (const c of cells) {
    for (let r = 0; r < c.h; r++) {
      const from = (c.y + r) * img.width + c.x;
      data.set(img.data.subarray(from, from + c.w), (top + r) * width + PAD);
    }
    slots.push({ ...c, top });
    top += c.h + GAP;
  }
  return { image: { width, height, data, dpi: img.dpi }, slots };
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

/**
 * Put the sheet's readings (words in sheet pixels, `wordsOf(result, 1)`) into the cells where they
 * are more confident than the page's. Returns how many cells changed.
 */
export function applySheet(sheet: Sheet, words: OcrWord[]): number {
  let changed = 0;
  for (const slot of sheet.slots) {
    const mine = words.filter((w) => {
      const cy = w.y + w.h / 2;
      // inside a lone cell, rule remnants are the only source of `|`-like words
      return cy >= slot.top - GAP / 2 && cy < slot.top + slot.h + GAP / 2 && !/^[|¦!_\][]+$/.test(w.text);
    });
    if (!mine.length) continue;
    mine.sort((a, b) => a.baseline - b.baseline || a.x - b.x);
    const lines: OcrWord[][] = [];
    for (const w of mine) {
      const last = lines[lines.length - 1];
      if (last && Math.abs(w.baseline - last[0]!.baseline) <= 0.5 * Math.max(w.size, last[0]!.size)) last.push(w);
      else lines.push([w]);
    }
    const text = joinCellLines(lines.map((l) => l.sort((a, b) => a.x - b.x).map((w) => w.text).join(' ')));
    const conf = Math.min(...mine.map((w) => w.confidence));
    const { cell, line } = slot;
    if (!text || (cell.text && conf <= (cell.confidence ?? 0))) continue;
    cell.text = text;
    cell.confidence = conf;
    line.text = line.cells!.map((c) => c.text).join('\t');
    line.confidence = Math.min(...line.cells!.filter((c) => c.confidence !== undefined).map((c) => c.confidence!));
    changed++;
  }
  return changed;
}
