/** Where the self-check page draws a finding (src/web/locate.ts): pure, no browser needed. */
import { describe, expect, it } from 'vitest';
import type { DocLine } from '../src/model/document.js';
import type { Finding } from '../src/model/finding.js';
import { capaian } from '../src/audit/rules/capaian.js';
import { textToDocument } from '../src/ingest/text.js';
import { indexLines, linesToPages, locate, reportedCell } from '../src/web/locate.js';
import { runRule } from './helpers/rule-tester.js';
import { measurement } from './helpers/snippets.js';

const box = (x: number) => ({ x, y: 100, w: 40, h: 12 });
const row: DocLine = {
  page: 11,
  line: 236,
  text: 'Meningkatnya\tPersentase\t93%\t100 %',
  cells: [
    { text: 'Meningkatnya', box: box(10) },
    { text: 'Persentase', box: box(60) },
    { text: '93%', box: box(110) },
    { text: '100 %', box: box(160) },
  ],
  box: { x: 10, y: 100, w: 190, h: 12 },
};
const prose: DocLine = { page: 12, line: 240, text: 'Capaian 89,55% tergolong Memuaskan', cells: null, box: { x: 50, y: 300, w: 400, h: 30 } };
const text: DocLine = { page: null, line: 7, text: 'a\tb', cells: [{ text: 'a' }, { text: 'b' }] };

const finding = (line: number, reported: string): Finding => ({
  ruleId: 'target-drift',
  category: 'target_drift',
  severity: 'error',
  messageId: 'x',
  data: {},
  message: { id: 'x', en: 'x' },
  where: { file: 'f.pdf', page: null, line },
  reported,
  expected: { kind: 'none' },
  tolerance: { kind: 'none' },
  related: [],
});

describe('locate', () => {
  const lines = indexLines([row, prose, text]);
  it('puts a table finding on the cell holding the printed value (spaces and case ignored)', () => {
    expect(locate(finding(236, '93%'), lines)).toEqual({ page: 11, line: 236, box: box(110), cell: 2 });
    expect(reportedCell(row, '100%')).toBe(3);
    expect(reportedCell(row, 'persen')).toBe(1); // contained, 3+ characters
    expect(reportedCell(row, '9')).toBeNull(); // too short to match inside a cell
  });
  it('boxes the cell the finding names by index, not another cell printing the same text', () => {
    const same: DocLine = { ...row, line: 237, text: 'Nilai SKM\t86,44 %\t86,44 %', cells: [{ text: 'Nilai SKM', box: box(10) }, { text: '86,44 %', box: box(60) }, { text: '86,44 %', box: box(110) }] };
    const ls = indexLines([same]);
    const f = finding(237, '86,44 %');
    expect(locate(f, ls)?.cell).toBe(1); // by text: the first cell reading "86,44 %"
    expect(locate({ ...f, where: { ...f.where, col: 2 } }, ls)).toEqual({ page: 11, line: 237, box: box(110), cell: 2 });
    // a known index is never replaced by a cell found by its text: past the row's cells, the whole line is boxed
    expect(locate({ ...f, where: { ...f.where, col: 9 } }, ls)).toEqual({ page: 11, line: 237, box: same.box, cell: null });
  });
  it('boxes the capaian cell, not the realisasi cell, when both print "86,44 %" (a real capaian finding)', () => {
    // the Jelbuk SKM row: realisasi copied into capaian; the capaian rule's finding carries the capaian cell's index
    const text = measurement(['1\tMeningkatnya Kepuasan Masyarakat\tIndeks Kepuasan Masyarakat\tB (85)\t86,44 %\t86,44 %']);
    const [f] = runRule(capaian, text);
    const doc = textToDocument('kasus.txt', text);
    const line = doc.lines.find((l) => l.line === f!.where.line)!;
    const cells = line.cells!.map((c) => c.text.trim());
    expect(cells.filter((c) => c === '86,44 %')).toHaveLength(2);
    const at = locate(f!, indexLines(doc.lines));
    expect(at?.cell).toBe(cells.lastIndexOf('86,44 %'));
    expect(f!.where.col).toBe(cells.lastIndexOf('86,44 %'));
    // by its text alone the page would have boxed the realisasi cell
    expect(reportedCell(line, f!.reported)).toBe(cells.indexOf('86,44 %'));
  });
  it('falls back to the line box for sentences and unmatched values', () => {
    expect(locate(finding(240, '89,55%'), lines)).toEqual({ page: 12, line: 240, box: prose.box, cell: null });
    expect(locate(finding(236, '77'), lines)?.box).toEqual(row.box);
  });
  it('has no box for text exports and no place for document-level findings', () => {
    expect(locate(finding(7, 'b'), lines)).toEqual({ page: null, line: 7, box: null, cell: 1 });
    expect(locate(finding(0, ''), lines)).toBeNull();
    expect(locate(finding(999, '1'), lines)).toBeNull();
  });
  it('turns the tool’s line numbers in a rule’s text into the pages those lines are on', () => {
    expect(linesToPages('dilampirkan (baris 240) bernomor X', lines, 'id')).toBe('dilampirkan (hal. 12) bernomor X');
    expect(linesToPages('80,00% (Tabel 3.1 baris 236, 240)', lines, 'id')).toBe('80,00% (Tabel 3.1 hal. 11, 12)');
    expect(linesToPages('attached (line 236 and 240)', lines, 'en')).toBe('attached (pp. 11, 12)');
    // a line without a page (text files) or not in the document: as written; counts are not line numbers
    expect(linesToPages('baris 7', lines, 'id')).toBe('baris 7');
    expect(linesToPages('baris 999', lines, 'id')).toBe('baris 999');
    expect(linesToPages('(5 baris) baris tabel', lines, 'id')).toBe('(5 baris) baris tabel');
  });
});
