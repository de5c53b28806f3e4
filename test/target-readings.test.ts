/**
 * Target readings are derived from the target facts themselves (src/parse/facts.ts deriveTargets):
 * the column's role, year and basis, the table's statedIn, row sources, superseded rows, and merged
 * cells split by known indicator names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import type { Fact } from '../src/model/facts.js';
import type { LkipReport } from '../src/model/report.js';
import { targetReadings } from '../src/parse/facts.js';
import { parseReport } from '../src/parse/index.js';
import { measurement } from './helpers/snippets.js';

const config = loadConfig();
const parse = (file: string) => parseReport(textToDocument(file, readFileSync(file, 'utf8')), config);
const parseText = (text: string) => parseReport(textToDocument('snippet.txt', text), config);
const files = ['fixtures/seeds', 'fixtures/synthetic', 'fixtures/corpus'].flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => `${d}/${f}`));

const at = (r: LkipReport, line: number, col?: number): Fact[] => r.facts.filter((f) => f.measure === 'target' && f.src.line === line && (col === undefined || f.cell.col === col));
const readings = (r: LkipReport, f: Fact | undefined) => {
  const name = new Map(r.indicators.map((i) => [i.id, i.name]));
  return (f?.targets ?? []).map((t) => `${t.source} ${t.year} ${t.value.raw} | ${name.get(t.indicatorId)}`);
};

describe('target readings on facts', () => {
  it.each(files)('%s: every reading is on a target fact of an indicator row, for a known indicator and a year', (file) => {
    const r = parse(file);
    const ids = new Set(r.indicators.map((i) => i.id));
    for (const t of targetReadings(r)) {
      expect(t.fact.measure).toBe('target');
      expect(t.fact.rowKind).toBe('item');
      expect(t.fact.src.line).toBe(t.value.src.line);
      expect(t.fact.src.table).toBe(t.table);
      expect(ids.has(t.indicatorId)).toBe(true);
      expect(Number.isInteger(t.year)).toBe(true);
    }
  });

  it('a merged Renstra cell holding the targets of three indicators gives one fact with three readings (000, line 855)', () => {
    const r = parse('fixtures/seeds/000_c0a7f8c5d5d194b0.txt');
    const f = r.facts.find((x) => x.src.line === 855 && x.year === 2022 && x.measure === 'target')!;
    expect(f.value.raw).toBe('93 80% 100%');
    expect(f.targets?.map((t) => `${t.source} ${t.year} ${t.value.raw}`)).toEqual(['renstra_lampiran 2022 93', 'renstra_lampiran 2022 80%', 'renstra_lampiran 2022 100%']);
    expect(new Set(f.targets?.map((t) => t.indicatorId)).size).toBe(3);
    // split: the value is no longer listed as unreadable
    expect(r.unreadable.some((v) => v.src.line === 855)).toBe(false);
  });

  it('a yearless PK target column is read as the year of the report when its caption and title name none (001, line 484)', () => {
    const r = parse('fixtures/seeds/001_52d9b2e308fc893f.txt');
    const f = at(r, 484)[0]!;
    expect(f.year).toBeNull();
    expect(f.targets?.map((t) => `${t.source} ${t.year}`)).toEqual(['pk 2024']);
  });

  it('yearless RKT target columns take the year of the RKT title, each column the indicator of its own run (000, lines 872-873)', () => {
    const r = parse('fixtures/seeds/000_c0a7f8c5d5d194b0.txt');
    expect(r.meta.year).toBe(2023);
    // the title line above the table: "RENCANA KINERJA TAHUNAN PERUBAHAN (RKT) TAHUN 2023"
    expect(readings(r, at(r, 872, 4)[0])).toEqual(['rkt 2023 100% | Persentase Indikator Program yang tercapai']);
    expect(readings(r, at(r, 872, 7)[0])).toEqual(['rkt 2023 100% | Persentase realisasi anggaran']);
    // the sub kegiatan's target is about the sub kegiatan's indicator, not the programme's beside it
    expect(readings(r, at(r, 873, 10)[0])).toEqual(['rkt 2023 17 Orang | Jumlah orang yang menerima gaji dan tunjangan ASN']);
  });

  it('a PK table in the body is PK Perubahan when the line above it that names the agreement names the revision (003, line 386)', () => {
    const r = parse('fixtures/seeds/003_0f39aaca0575dd68.txt');
    const fs = r.facts.filter((f) => f.measure === 'target' && f.src.table === 'PK (Bab II, baris 386)');
    expect(fs.length).toBe(4);
    expect(new Set(fs.map((f) => f.statedIn))).toEqual(new Set(['pk_perubahan']));
    expect(fs.flatMap((f) => f.targets ?? []).map((t) => `${t.source} ${t.year}`)).toEqual(Array(4).fill('pk_perubahan 2023'));
  });

  it('rows under "Sebelum Perubahan" are facts but no readings; rows under "Sesudah Perubahan" are (003, Renstra Bab II)', () => {
    const r = parse('fixtures/seeds/003_0f39aaca0575dd68.txt');
    const before = at(r, 326);
    expect(before.length).toBe(6);
    expect(before.every((f) => !f.targets)).toBe(true);
    expect(readings(r, at(r, 336, 5)[0])).toEqual(['renstra 2022 90% | Persentase Indikator Program yang tercapai']);
  });

  it('a comparison box whose rows are labelled by source: each row is stated in that source, about the indicator of its title (kppn, lines 14-15)', () => {
    const r = parse('fixtures/corpus/kppn-semarang1-2021-iku-kepuasan-multitahun.txt');
    const got = [...at(r, 14), ...at(r, 15)].flatMap((f) => readings(r, f));
    const title = 'Perbandingan dengan Target Perencanaan Jangka Menengah (Renstra) Tahun 2021';
    expect(got).toEqual([`pk 2020 4,55 | ${title}`, `pk 2021 4,64 | ${title}`, `renstra 2020 4 | ${title}`, `renstra 2021 4.05 | ${title}`]);
  });
});

const RENSTRA = (cell: string) => `BAB II

Sasaran\tIndikator Sasaran\tTarget Kinerja Sasaran pada Tahun\t\t
\t\t2022\t2023\t2024
Meningkatnya Pelayanan\tIndeks Kepuasan Masyarakat Persentase Desa Mandiri\t${cell}\t90\t95
`;

describe('target readings: edge cases', () => {
  const known = measurement(['1\tMeningkatnya Pelayanan\tIndeks Kepuasan Masyarakat\t90\t91\t101,11', '2\tMeningkatnya Pelayanan\tPersentase Desa Mandiri\t80%\t80%\t100,00']);

  it('a merged cell with two values under two known indicator names: one reading each', () => {
    const r = parseText(`${known}\n${RENSTRA('90 80%')}`);
    const f = r.facts.find((x) => x.measure === 'target' && x.value.raw === '90 80%')!;
    expect(readings(r, f)).toEqual(['renstra 2022 90 | Indeks Kepuasan Masyarakat', 'renstra 2022 80% | Persentase Desa Mandiri']);
  });

  it('a merged cell whose value count differs from the known names in it gives no reading, and is listed as unreadable', () => {
    const r = parseText(`${known}\n${RENSTRA('90 80% 70%')}`);
    const f = r.facts.find((x) => x.measure === 'target' && x.value.raw === '90 80% 70%')!;
    expect(f.targets).toBeUndefined();
    expect(r.unreadable.map((v) => v.raw)).toContain('90 80% 70%');
  });

  it('a column the vocabulary does not name gives no fact and no reading, and extract lists it as undecided', () => {
    const text = `${known}
D. PERJANJIAN KINERJA TAHUN 2023

NO\tSASARAN STRATEGIS\tINDIKATOR KINERJA\tTARGET\tBESARAN
1\tMeningkatnya Pelayanan\tIndeks Kepuasan Masyarakat\t90\t95
`;
    const r = parseText(text);
    const i = r.tables.findIndex((t) => t.kind === 'pk_targets');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(r.layouts[i]!.undecided.some((u) => /BESARAN/.test(u))).toBe(true);
    const own = r.facts.filter((f) => f.cell.table === r.tables[i]!.id);
    expect(own.map((f) => `${f.measure} ${f.value.raw}`)).toEqual(['target 90']);
    expect(readings(r, own[0])).toEqual(['pk 2023 90 | Indeks Kepuasan Masyarakat']);
    expect(targetReadings(r).some((t) => t.value.raw === '95')).toBe(false);
  });

  it('a yearless target column in a Renstra matrix gives no reading (the plan spans years)', () => {
    const text = `${known}
BAB II

Sasaran\tIndikator Sasaran\tTarget Kinerja 2022\tTarget Kinerja 2023\tTarget Kinerja
Meningkatnya Pelayanan\tIndeks Kepuasan Masyarakat\t90\t92\t93
`;
    const r = parseText(text);
    const f = r.facts.find((x) => x.measure === 'target' && x.value.raw === '93' && x.statedIn === 'renstra');
    expect(f).toBeDefined();
    expect(f!.year).toBeNull();
    expect(f!.targets).toBeUndefined();
    // extract says why: the column is listed as undecided
    const i = r.tables.findIndex((t) => t.id === f!.cell.table);
    expect(r.layouts[i]!.undecided).toContain('kolom 5 "Target Kinerja": target tanpa tahun yang dapat ditentukan, tidak dibaca sebagai target indikator');
    // its year columns are read
    expect(targetReadings(r).filter((t) => t.source === 'renstra').map((t) => `${t.year} ${t.value.raw}`)).toEqual(['2022 90', '2023 92']);
  });

  it('two rows of one table whose names are alike but differ are two indicators', () => {
    const text = `D. PERJANJIAN KINERJA TAHUN 2023

NO\tSASARAN STRATEGIS\tINDIKATOR KINERJA\tTARGET TAHUN 2023
1\tMeningkatnya Pelayanan\tJumlah Laporan Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah\t2 Laporan
2\tMeningkatnya Pelayanan\tJumlah laporan Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah\t4 Laporan
`;
    const r = parseText(text);
    const ts = targetReadings(r);
    expect(ts.map((t) => t.value.raw)).toEqual(['2 Laporan', '4 Laporan']);
    expect(new Set(ts.map((t) => t.indicatorId)).size).toBe(2);
  });
});
