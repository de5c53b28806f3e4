/**
 * OCR words → the layout's text runs, and the words' confidences back onto the lines and cells the
 * layout made of them.
 *
 * `layoutPage` (src/ingest/pdf/layout.ts) is shared with the born-digital path and knows nothing of
 * confidence; its output cells carry boxes. Each word is assigned to the cell whose box holds the
 * word's centre (grid cells), or to the line whose box holds it; a cell or line gets the lowest
 * confidence of its words. A word inside a row-spanning cell (layout: empty cell below a cell with
 * no rule between them) counts for the non-empty cell above it in the same column.
 */
import type { Box } from '../../model/document.js';
import type { PageLine, TextRun } from '../pdf/types.js';

/** One OCR word in points (page space: origin top-left, y down). */
export interface OcrWord {
  text: string;
  /** 0..100 */
  confidence: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Baseline y and font size estimated from the word's line. */
  baseline: number;
  size: number;
}

interface Bbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface TessLine {
  words: { text: string; confidence: number; bbox: Bbox }[];
  bbox: Bbox;
  baseline?: { x0: number; y0: number; x1: number; y1: number; has_baseline?: boolean };
  rowAttributes?: { row_height?: number; descenders?: number; ascenders?: number };
}

interface TessBlocks {
  blocks: { paragraphs: { lines: TessLine[] }[] }[] | null;
}

/** Rule remnants and scanner dirt that OCR reads as characters. */
const JUNK = /^[|¦!_=~`'"‘’“”^*.,:;\\/[\]{}()<>—–-]+$/u;

/** Words of a tesseract.js page result in points. `scale` = 72 / dpi. */
export function wordsOf(page: TessBlocks, scale: number): OcrWord[] {
  const out: OcrWord[] = [];
  for (const b of page.blocks ?? [])
    for (const p of b.paragraphs)
      for (const l of p.lines) {
        const lh = l.bbox.y1 - l.bbox.y0;
        const desc = Math.max(0, l.rowAttributes?.descenders ?? 0);
        // row_height: x-height + ascenders (≈ cap height above the baseline, ~0.7 em): the font size
        // is ~1.4 × that (checked against the born-digital pages: body text comes out at ~11 pt)
        const rowH = l.rowAttributes?.row_height && l.rowAttributes.row_height > 0 ? l.rowAttributes.row_height : lh * 0.75;
        const size = Math.max(4, rowH * 1.4) * scale;
        const bl = l.baseline && l.baseline.has_baseline !== false && l.baseline.x1 !== l.baseline.x0 ? l.baseline : null;
        for (const wd of l.words) {
          const text = wd.text.trim();
          if (!text) continue;
          // a lone "-" is a printed empty value; other punctuation alone with low confidence is noise
          if (text !== '-' && JUNK.test(text) && wd.confidence < 80) continue;
          const cx = (wd.bbox.x0 + wd.bbox.x1) / 2;
          let base = bl ? bl.y0 + ((bl.y1 - bl.y0) * (cx - bl.x0)) / (bl.x1 - bl.x0) : l.bbox.y1 - desc;
          if (!(base > wd.bbox.y0 && base <= wd.bbox.y1 + 2)) base = Math.min(wd.bbox.y1, l.bbox.y1 - desc);
          // a word whose bottom lies well off the line's baseline (below it by more than a
          // descender, or above it) stands on a line of its own that tesseract merged into this one
          // (the second line of a header cell beside a one-line cell): its own bottom is its baseline
          const wh = wd.bbox.y1 - wd.bbox.y0;
          const drop = /[gjpqy,;()]/.test(text) ? desc : 0;
          if (wd.bbox.y1 - base > desc + 0.3 * wh || base - wd.bbox.y1 > 0.3 * wh) base = wd.bbox.y1 - drop;
          out.push({
            text,
            confidence: wd.confidence,
            x: wd.bbox.x0 * scale,
            y: wd.bbox.y0 * scale,
            w: (wd.bbox.x1 - wd.bbox.x0) * scale,
            h: (wd.bbox.y1 - wd.bbox.y0) * scale,
            baseline: base * scale,
            size,
          });
        }
      }
  return out;
}

export function wordsToRuns(words: OcrWord[]): TextRun[] {
  return words.map((w) => ({ str: w.text, x: w.x, y: w.baseline, w: w.w, size: w.size, upright: true }));
}

const inside = (b: Box, x: number, y: number, pad = 0) => x >= b.x - pad && x <= b.x + b.w + pad && y >= b.y - pad && y <= b.y + b.h + pad;

export interface ConfidentLine extends PageLine {
  /** Lowest word confidence of the line. */
  confidence?: number;
}

/**
 * Put word confidences on the layout's lines and cells (mutates and returns `lines`). Cells get
 * `confidence` only when words were found in them.
 */
export function attachConfidence(lines: PageLine[], words: OcrWord[]): ConfidentLine[] {
  const out = lines as ConfidentLine[];
  const minInto = (o: { confidence?: number }, c: number) => {
    o.confidence = o.confidence === undefined ? c : Math.min(o.confidence, c);
  };
  for (const w of words) {
    const cx = w.x + w.w / 2;
    const cy = w.baseline - 0.3 * w.size;
    let placed = false;
    // grid cells first (they have exact boxes)
    for (let li = 0; li < out.length && !placed; li++) {
      const l = out[li]!;
      if (!l.cells || !l.table) continue;
      if (!inside(l.box, cx, cy)) continue;
      for (let ci = 0; ci < l.cells.length; ci++) {
        const c = l.cells[ci]!;
        if (!c.box || !inside(c.box, cx, cy)) continue;
        let target = c;
        let tl = l;
        if (!c.text) {
          // row span: the text went to the cell above in the same column
          for (let k = li - 1; k >= 0; k--) {
            const up = out[k]!;
            if (!up.table || up.table.id !== l.table.id || !up.cells) break;
            const above = up.cells.find((u) => u.box && u.box.x <= cx && u.box.x + u.box.w >= cx);
            if (above?.text) {
              target = above;
              tl = up;
              break;
            }
          }
        }
        minInto(target, w.confidence);
        minInto(tl, w.confidence);
        placed = true;
        break;
      }
    }
    if (placed) continue;
    let best: ConfidentLine | null = null;
    let bestD = Infinity;
    for (const l of out) {
      if (l.table) continue;
      if (!inside(l.box, cx, cy, 1)) continue;
      const d = Math.abs(l.box.y + l.box.h / 2 - cy);
      if (d < bestD) {
        bestD = d;
        best = l;
      }
    }
    if (!best) continue;
    minInto(best, w.confidence);
    const cell = best.cells?.find((c) => c.box && inside(c.box, cx, cy, 1));
    if (cell) minInto(cell, w.confidence);
  }
  return out;
}
