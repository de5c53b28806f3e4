/**
 * The prose index (report.prose, src/parse/prose.ts): what rules read of the text instead of the
 * Document. One entry per non-empty line, cells on table rows, the printed text only where cleaning
 * changed it, paragraph joins, and the text helpers of src/audit/rules/_text.ts reading it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allLines, paragraphs, proseLines } from '../src/audit/rules/_text.js';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import { parseReport } from '../src/parse/index.js';

const config = loadConfig();
const parse = (text: string) => parseReport(textToDocument('kasus.txt', text), config);

const TEXT = `# BAB III AKUNTABILITAS KINERJA

Capaian kinerja Kecamatan pada tahun 2023 secara umum telah memenuhi target yang ditetapkan dalam
perjanjian kinerja, sebagaimana disajikan pada tabel berikut.
Tabel 3.1 Capaian Kinerja (*core business*) Tahun 2023
No\tIndikator Kinerja\tSatuan\tTarget 2023\tRealisasi 2023\tCapaian (%)
1\tJumlah Dokumen Perencanaan\tDokumen\t4\t4\t100
2.\tPENUTUP
Laporan ini disusun sebagai bahan evaluasi.

`;

describe('the prose index', () => {
  const report = parse(TEXT);
  const lines = report.prose.lines;
  it('has one entry per non-empty line, in order, with its section', () => {
    const doc = textToDocument('kasus.txt', TEXT);
    expect(lines.map((l) => l.line)).toEqual(doc.lines.filter((l) => l.text.trim() !== '').map((l) => l.line));
    expect(lines.every((l) => l.section === 'bab3')).toBe(true);
    expect(report.prose.lastLine).toBe(doc.lines[doc.lines.length - 1]!.line);
  });
  it('keeps the heading level, the cells of table rows, and the printed text only where cleaning changed it', () => {
    expect(lines[0]).toMatchObject({ heading: 1, text: 'BAB III AKUNTABILITAS KINERJA' });
    const row = lines.find((l) => l.cells?.[1] === 'Jumlah Dokumen Perencanaan')!;
    expect(row.cells).toEqual(['1', 'Jumlah Dokumen Perencanaan', 'Dokumen', '4', '4', '100']);
    expect(row.text).toBe('1 Jumlah Dokumen Perencanaan Dokumen 4 4 100');
    expect(row.raw).toBeUndefined(); // the cells joined by tabs are the printed line
    const caption = lines.find((l) => l.text.startsWith('Tabel 3.1'))!;
    expect(caption.raw).toBe('Tabel 3.1 Capaian Kinerja (*core business*) Tahun 2023');
    expect(caption.text).toBe('Tabel 3.1 Capaian Kinerja (core business) Tahun 2023');
    expect(lines.filter((l) => l.raw !== undefined)).toEqual([caption]);
  });
  it('marks a wrapped line as continuing the paragraph, and paragraphs() joins it', () => {
    const second = lines.find((l) => l.text.startsWith('perjanjian kinerja'))!;
    expect(second.wraps).toBe(true);
    expect(lines.filter((l) => l.wraps).length).toBe(1);
    const par = paragraphs(report).find((p) => p.text.startsWith('Capaian kinerja'))!;
    expect(par.parts.map((p) => p.line.line)).toEqual([3, 4]);
    expect(par.text.endsWith('sebagaimana disajikan pada tabel berikut.')).toBe(true);
  });
  it('is what the text helpers read: table rows with their cells, prose lines without', () => {
    expect(allLines(report).find((p) => p.line.cells)?.line.text).toBe('No\tIndikator Kinerja\tSatuan\tTarget 2023\tRealisasi 2023\tCapaian (%)');
    expect(proseLines(report).some((p) => p.line.cells)).toBe(false);
  });
  it('takes the unit of a bare count from the Satuan column into the fact', () => {
    const f = report.facts.find((x) => x.measure === 'target')!;
    expect(f.value).toMatchObject({ raw: '4', value: 4, unit: 'dokumen' });
  });
  it('stays linear and small on a seed report', () => {
    const text = readFileSync('fixtures/seeds/001_52d9b2e308fc893f.txt', 'utf8');
    const r = parse(text);
    const nonEmpty = text.split('\n').filter((l) => l.trim() !== '').length;
    expect(r.prose.lines.length).toBeLessThanOrEqual(nonEmpty);
    // the index is at most a few times the text it indexes
    expect(JSON.stringify(r.prose).length).toBeLessThan(3 * text.length);
  });
});
