/**
 * Prose lines of one page → paragraphs, so that a paragraph is one line as in the text exports
 * (which keep one paragraph per line). Two consecutive prose lines are joined when
 *  - same font size and heading level, small vertical gap (line spacing, not paragraph spacing);
 *  - headings: always (a heading wrapped over two lines);
 *  - body text: the first line reaches close to the page's right text edge (it was wrapped), the
 *    second starts at (or left of) the first's left edge plus a little, and does not start a list
 *    item.
 * Table rows and x-gap rows are never joined. Pages are not joined with each other (a DocLine keeps
 * one page number).
 */
import type { Box } from '../../model/document.js';
import type { PageLine } from './types.js';

const LIST_START = /^(\d{1,2}[.)]|[a-zA-Z][.)]|[ivx]{1,4}[.)]|[-•➤▪✓*–]|\(\d{1,2}\)|\([a-z]\))\s/;

const union = (a: Box, b: Box): Box => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
};

export function joinParagraphs(lines: PageLine[], level: (l: PageLine) => number | undefined): PageLine[] {
  const prose = lines.filter((l) => !l.cells);
  if (prose.length < 2) return lines;
  const rights = prose.map((l) => l.box.x + l.box.w).sort((a, b) => a - b);
  const textRight = rights[Math.floor(rights.length * 0.9)]!;
  const out: PageLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && !prev.cells && !l.cells && Math.abs(prev.size - l.size) < 0.6) {
      const gap = l.box.y - (prev.box.y + prev.box.h);
      const lvPrev = level(prev);
      const lvCur = level(l);
      const closeLines = gap < 0.45 * l.size && gap > -0.5 * l.size;
      let join = false;
      if (closeLines && lvPrev === lvCur) {
        if (lvPrev) join = true;
        else {
          const wrapped = prev.box.x + prev.box.w >= textRight - 6 * l.size;
          const aligned = l.box.x <= prev.box.x + 0.8 * l.size && l.box.x >= prev.box.x - 3 * l.size;
          join = wrapped && aligned && !LIST_START.test(l.text);
        }
      }
      if (join) {
        out[out.length - 1] = { ...prev, text: `${prev.text} ${l.text}`, box: union(prev.box, l.box) };
        continue;
      }
    }
    out.push(l);
  }
  return out;
}
