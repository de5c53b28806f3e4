/**
 * Where a finding sits on the page: the DocLine it names (page + line) and, when the line is a
 * table row, the cell the finding is about. That cell comes from the finding's own cell reference
 * (`where.col`, the index parse gave the value's cell), never from its text when the index is
 * known: two cells of a row may print the same text ("86,44 %" as realisasi and as capaian). Only a
 * finding without an index (a sentence, an older result) falls back to matching the printed value
 * against the row's cells (same text ignoring spaces and case, or containing it).
 * Pure: unit-tested in Node (test/web-locate.test.ts).
 */
import type { Box, DocLine } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { SourceRef } from '../model/values.js';

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

/** The cell a source reference names by index, when the line has that cell and it is not empty. */
export function refCell(line: DocLine, ref: Pick<SourceRef, 'col'>): number | null {
  const c = ref.col;
  if (c === undefined || !line.cells || c >= line.cells.length) return null;
  return line.cells[c]!.text.trim() !== '' ? c : null;
}

/** Where a source reference (a finding's own place, or one of its related places) is drawn. */
export function place(ref: Pick<SourceRef, 'line' | 'page' | 'col'>, lines: ReadonlyMap<number, DocLine>, reported = ''): Place | null {
  if (!ref.line) return null;
  const line = lines.get(ref.line);
  if (!line) return null;
  // a known index is the cell (or, when the line lacks it, the whole line): never a cell found by text
  const cell = ref.col !== undefined ? refCell(line, ref) : reportedCell(line, reported);
  const box = (cell !== null ? line.cells?.[cell]?.box : undefined) ?? line.box ?? null;
  return { page: line.page ?? ref.page, line: line.line, box, cell };
}

export function locate(f: Finding, lines: ReadonlyMap<number, DocLine>): Place | null {
  return place(f.where, lines, f.reported);
}

/** "baris 509", "line 509", "baris 266, 267", "baris 12 dan 14": the tool's own line count in a rule's text. */
const LINE_REF = /\b(baris|line)\s+(\d+(?:(?:\s*,\s*|\s+(?:dan|and)\s+)\d+)*)/g;

/**
 * A rule's text with the tool's own line numbers turned into the PDF pages those lines are on
 * ("(baris 509)" → "(hal. 19)"), which is where a reader can find them. Left as written when a
 * number is not a line of this document or its line has no page (text files: their own line
 * numbers are what an editor shows).
 */
export function linesToPages(text: string, lines: ReadonlyMap<number, DocLine>, lang: 'id' | 'en'): string {
  return text.replace(LINE_REF, (all, _word: string, nums: string) => {
    const pages: number[] = [];
    for (const n of nums.match(/\d+/g) ?? []) {
      const page = lines.get(Number(n))?.page;
      if (!page) return all;
      if (!pages.includes(page)) pages.push(page);
    }
    return `${lang === 'id' ? 'hal.' : pages.length === 1 ? 'p.' : 'pp.'} ${pages.join(', ')}`;
  });
}
