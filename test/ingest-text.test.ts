import { describe, expect, it } from 'vitest';
import { stripInline, textToDocument } from '../src/ingest/text.js';

describe('text ingest', () => {
  it('keeps line numbers and splits tab-separated rows into cells', () => {
    const d = textToDocument('a.txt', 'judul\n\nNO\tPROGRAM\tPAGU\n1\tProgram A\t1.000\n');
    expect(d.lines.map((l) => [l.line, l.cells?.map((c) => c.text) ?? null])).toEqual([
      [1, null],
      [2, null],
      [3, ['NO', 'PROGRAM', 'PAGU']],
      [4, ['1', 'Program A', '1.000']],
      [5, null],
    ]);
  });
  it('reads Markdown pipe tables and drops the separator row', () => {
    const d = textToDocument('a.md', '| NO | PAGU |\n|---|---|\n| 1 | 2.000 |\n');
    expect(d.lines.filter((l) => l.cells).map((l) => [l.line, l.cells!.map((c) => c.text)])).toEqual([
      [1, ['NO', 'PAGU']],
      [3, ['1', '2.000']],
    ]);
  });
  it('reads HTML tables with colspan, one line per row, at the line of its <tr>', () => {
    const html = '<table>\n<tr><th colspan="2">TARGET</th></tr>\n<tr><td><b>93</b></td><td>80%</td></tr>\n</table>';
    const d = textToDocument('a.txt', html);
    expect(d.lines.map((l) => [l.line, l.cells?.map((c) => c.text)])).toEqual([
      [2, ['TARGET', '']],
      [3, ['93', '80%']],
    ]);
  });
  it('keeps Markdown heading levels and drops dash separator rows', () => {
    const d = textToDocument('a.md', '## BAB II\n--\t--\t----\n');
    expect(d.lines[0]).toMatchObject({ line: 1, text: 'BAB II', heading: 2 });
    expect(d.lines).toHaveLength(2);
  });
  it('strips inline markup', () => {
    expect(stripInline('<b>Jumlah</b> **Rp. 3.000**')).toBe('Jumlah Rp. 3.000');
    expect(stripInline('<ul><li>- Seksi A</li><li>- Seksi B</li></ul>')).toBe('- Seksi A - Seksi B');
  });
});
