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

describe('the prose facts (report.proseFacts)', () => {
  const text = readFileSync('fixtures/seeds/000_c0a7f8c5d5d194b0.txt', 'utf8');
  const r = parse(text);
  const lineText = (n: number) => r.prose.lines.find((e) => e.line === n)!.text;

  it('holds a number of a seed sentence with its printed value, precision, role word and place', () => {
    // line 91 (Ikhtisar Eksekutif): "... pengukuran 1 (satu) indikator sasaran, dengan capaian 89,55% tergolong Memuaskan."
    const f = r.proseFacts.find((x) => x.src.line === 91 && x.value.kind === 'percent')!;
    expect(f).toMatchObject({ subject: null, measure: 'capaian', statedIn: 'ikhtisar', value: { raw: '89,55%', value: 89.55, decimals: 2, kind: 'percent' } });
    expect(f.src).toMatchObject({ file: r.file, line: 91, section: 'Ikhtisar Eksekutif' });
    // the offset in the line points at the number as printed
    expect(lineText(91).slice(f.at.lineOffset, f.at.lineOffset + f.value.raw.length)).toBe('89,55%');
    // the count before it is a fact too, without a role
    expect(r.proseFacts.find((x) => x.src.line === 91 && x.value.raw === '1')).toMatchObject({ measure: null, value: { kind: 'number', value: 1 } });
  });
  it('leaves out years standing alone, list and chapter numbers and dates', () => {
    const p = parse(`# BAB III AKUNTABILITAS KINERJA

Pada tahun 2023 capaian kinerja sebesar 95,5% sesuai Tabel 3.2 dan Peraturan Bupati Nomor 29 Tahun 2020 tanggal 31 Desember 2023.
1. Realisasi sebesar Rp 1.500.000 dari target 2 dokumen.
`);
    expect(p.proseFacts.map((f) => [f.value.raw, f.measure])).toEqual([
      ['95,5%', 'capaian'],
      ['Rp 1.500.000', 'realisasi'],
      ['2', 'target'],
    ]);
    expect(p.proseFacts.every((f) => f.statedIn === 'narrative' && f.subject === null)).toBe(true);
  });
  it('links a percentage to the count before it and the total after it (vocabulary proseNumbers.shares)', () => {
    const p = parse(`# BAB III AKUNTABILITAS KINERJA

Survei dengan responden sebanyak 53 orang ( 40%
dari total jumlah satker/129 satker), nilai terendah 4,92. Realisasi 8 dokumen (80% dari target 10 dokumen). Sebanyak 12 orang atau 60% sudah dilatih.
`);
    const at = (raw: string) => p.proseFacts.find((f) => f.value.raw === raw)!;
    expect(at('40%').share).toEqual({ part: at('53').id, total: at('129').id });
    // a realisasi against its target is a capaian; a share without a total links nothing
    expect(at('80%').share).toBeUndefined();
    expect(at('60%').share).toBeUndefined();
    expect(p.proseFacts.filter((f) => f.share)).toHaveLength(1);
  });
  it('reads a whole number as a count: its number words and the noun after them (vocabulary proseNumbers.countNouns)', () => {
    // line 637 of seed 003: "... didukung 4 (Empat) Program 11 (Sebelas) Kegiatan dan 36 (tiga puluh enam) Sub Kegiatan ..."
    const s3 = parse(readFileSync('fixtures/seeds/003_0f39aaca0575dd68.txt', 'utf8'));
    const counts = s3.proseFacts.filter((f) => f.src.line === 637 && f.count).map((f) => [f.value.raw, f.count!.words?.value, f.count!.noun]);
    expect(counts).toEqual([
      ['4', 4, 'program'],
      ['11', 11, 'kegiatan'],
      ['36', 36, 'sub kegiatan'],
    ]);
    const p = parse(`# BAB I PENDAHULUAN

Kecamatan Contoh terdiri dari 17 ASN, 2 orang PNS BKO dan 15 Non ASN, dengan (lima) 4 indikator dan 3 (Baik) kegiatan.
`);
    const at = (raw: string) => p.proseFacts.find((f) => f.value.raw === raw)!.count;
    expect(at('17')).toMatchObject({ noun: 'asn', staff: true, from: 0, to: 6 });
    expect(at('2')).toMatchObject({ noun: 'pns', staff: true });
    expect(at('15')).toMatchObject({ noun: 'non asn', staff: true });
    // words before the digits; a bracket that is not number words is not the count's
    expect(at('4')).toMatchObject({ words: { raw: 'lima', value: 5, before: true }, noun: 'indikator', from: -7 });
    expect(at('3')).toBeUndefined();
  });
  it('gives a number the direction of the change word right before it (restatement.up / down, proseNumbers.changeGap)', () => {
    const p = parse(`# BAB III AKUNTABILITAS KINERJA

Realisasi anggaran atau 83,27% mengalami penurunan sebesar 8,89% dan capaian naik 2,5% dari tahun 2022, sedangkan target sebesar 90%.
`);
    const at = (raw: string) => p.proseFacts.find((f) => f.value.raw === raw)!;
    expect(at('8,89%').change).toEqual({ direction: 'down', from: -'penurunan sebesar '.length });
    expect(at('2,5%').change).toEqual({ direction: 'up', from: -'naik '.length });
    expect(at('83,27%').change).toBeUndefined();
    expect(at('90%').change).toBeUndefined();
  });
  it('stays linear in the text on a seed report', () => {
    expect(r.proseFacts.length).toBeLessThan(text.length / 100);
    expect(new Set(r.proseFacts.map((f) => f.id)).size).toBe(r.proseFacts.length);
  });
});
