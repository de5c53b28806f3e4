/**
 * Where a finding sits on the page: the DocLine it names (page + line) and, when the line is a
 * table row, the cell that holds the printed value (matched as the HTML report marks it: same text
 * ignoring spaces and case, or containing it). Pure: unit-tested in Node (test/web-locate.test.ts).
 */
import type { Box, DocLine } from '../model/document.js';
import type { Finding } from '../model/finding.js';

export interface Place {
  page: number | null;
  line: number;
  /** Box of the cell or line, in PDF points (top-left origin); absent for text exports. */
  box: Box | null;
  /** Index of the highlighted cell, when a cell was found. */
  cell: number | null;
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

export function indexLines(lines: readonly DocLine[]): Map<number, DocLine> {
  const m = new Map<number, DocLine>();
  for (const l of lines) if (!m.has(l.line)) m.set(l.line, l);
  return m;
}

/** The cell whose text is the reported value (exact first, then containing it); null when none. */
export function reportedCell(line: DocLine, reported: string): number | null {
  if (!line.cells) return null;
  const want = norm(reported);
  if (!want) return null;
  const texts = line.cells.map((c) => norm(c.text));
  const exact = texts.indexOf(want);
  if (exact >= 0) return exact;
  if (want.length >= 3) {
    const i = texts.findIndex((t) => t !== '' && t.includes(want));
    if (i >= 0) return i;
  }
  return null;
}

export function locate(f: Finding, lines: ReadonlyMap<number, DocLine>): Place | null {
  if (!f.where.line) return null;
  const line = lines.get(f.where.line);
  if (!line) return null;
  const cell = reportedCell(line, f.reported);
  const box = (cell !== null ? line.cells?.[cell]?.box : undefined) ?? line.box ?? null;
  return { page: line.page ?? f.where.page, line: line.line, box, cell };
}
