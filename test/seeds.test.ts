/** Real behaviour on the real seed reports: structure, extract, and the acceptance findings of issue 2. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../src/audit/index.js';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import { countLevels } from '../src/parse/budget.js';
import { formatExpected, formatTolerance } from '../src/audit/format.js';
import { exp } from './helpers/expected.js';
import { targetReadings } from '../src/parse/facts.js';

const config = loadConfig();
const SEEDS = {
  balung: 'fixtures/seeds/000_c0a7f8c5d5d194b0.txt',
  bangsalsari: 'fixtures/seeds/001_52d9b2e308fc893f.txt',
  kencong: 'fixtures/seeds/003_0f39aaca0575dd68.txt',
  jelbuk: 'fixtures/seeds/004_9ed3a231d27ded37.txt',
};
const cache = new Map<string, ReturnType<typeof auditDocument>>();
function run(file: string) {
  if (!cache.has(file)) cache.set(file, auditDocument(textToDocument(file, readFileSync(file, 'utf8')), config));
  return cache.get(file)!;
}
const has = (file: string, rule: string, line: number, reported: string, expected: string) => {
  const f = run(file).findings.find((x) => x.ruleId === rule && x.where.line === line && x.reported === reported);
  expect(f, `${rule} at ${file}:${line} (${reported})`).toBeDefined();
  expect(exp(f!)).toBe(expected);
  return f!;
};

describe('extract: budget trees', () => {
  it.each([
    [SEEDS.balung, 4, 10, 19],
    [SEEDS.kencong, 4, 10, 34],
    [SEEDS.bangsalsari, 4, 9, 13],
  ])('%s Tabel 3.8 has %i programs, %i kegiatan, %i sub kegiatan', (file, p, k, s) => {
    const tree = run(file).report.budgets.find((b) => b.table === 'Tabel 3.8')!;
    expect(countLevels(tree)).toEqual({ programs: p, kegiatan: k, subKegiatan: s });
  });
});

describe('extract: targets by source and year', () => {
  it('Balung: Persentase Fasilitas Kesejahteraan 2023 is 80% in Renstra, Tabel 3.1, PK Perubahan and 85 % in the Bab II PK', () => {
    const { report } = run(SEEDS.balung);
    const ind = report.indicators.find((i) => /fasilitas kesejahteraan/i.test(i.name))!;
    // the spelling "Fasilitasi" in Tabel 3.2 is matched to the same indicator
    expect(ind.aliases.some((a) => /Fasilitasi/.test(a.name))).toBe(true);
    const by = (src: string) => targetReadings(report).filter((t) => t.indicatorId === ind.id && t.year === 2023 && t.source === src).map((t) => t.value.raw);
    expect(by('renstra')).toEqual(['80%']);
    expect(by('renstra_lampiran')).toEqual(['80%']);
    expect(by('measurement')).toEqual(['80%']);
    expect(by('pk_perubahan')).toEqual(['80%']);
    expect(by('pk')).toEqual(['85 %']);
  });
  it('Kencong: RKT says 97% where Renstra and PK say 96,5', () => {
    const { report } = run(SEEDS.kencong);
    const ind = report.indicators.find((i) => /fasilitas/i.test(i.key))!;
    const t2023 = targetReadings(report).filter((t) => t.indicatorId === ind.id && t.year === 2023);
    expect(t2023.find((t) => t.source === 'rkt')?.value.raw).toBe('97%');
    // the Bab II PK follows the text that introduces it as the PK Perubahan
    expect(t2023.filter((t) => t.source === 'pk_perubahan').map((t) => t.value.raw)).toEqual(['96,5%', '96,5%']);
  });
  it('the declared predicate scale is read from the report', () => {
    expect(run(SEEDS.balung).report.scale?.origin).toBe('report');
    expect(run(SEEDS.bangsalsari).report.scale?.bands.map((b) => b.label)).toEqual(['Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah']);
    expect(run(SEEDS.jelbuk).report.scale?.bands[0]).toMatchObject({ label: 'SANGAT BAIK', min: 100, minInclusive: false });
  });
});

describe('issue 2 acceptance findings', () => {
  it('1. Balung Tabel 3.8 program realisation 2.657.062.192 vs kegiatan 2.656.062.192', () => {
    const f = has(SEEDS.balung, 'budget-sum', 777, '2.657.062.192', '2.656.062.192');
    expect(f.where.table).toBe('Tabel 3.8');
    expect(f.tolerance).toEqual({ kind: 'exact-rupiah' });
    expect(formatTolerance(f.tolerance, 'id')).toBe('tepat (rupiah utuh)');
    // as data: the printed value as an exact rupiah quantity, its cell, the recomputed sum
    expect(f.printed).toEqual({ value: '2657062192', unit: 'rupiah', decimals: 0 });
    expect(f.expected).toEqual({ kind: 'quantity', quantity: { value: '2656062192', unit: 'rupiah', decimals: 0 } });
    expect(f.where.col).toBeTypeOf('number');
    expect(formatExpected(f.expected, 'en')).toBe('2,656,062,192');
  });
  it('2. Balung PK Bab II 85 % vs 80% elsewhere', () => {
    has(SEEDS.balung, 'target-drift', 374, '85 %', '80%');
  });
  it('3. Balung narrative calls 125% and 100% memuaskan', () => {
    has(SEEDS.balung, 'predicate', 568, 'memuaskan', 'Sangat Memuaskan');
    has(SEEDS.balung, 'predicate', 587, 'memuaskan', 'Sangat Memuaskan');
  });
  it('4. Kencong Tabel 3.8 Program Penyelenggaraan printed 117.230.200 / 101.115.000', () => {
    has(SEEDS.kencong, 'budget-sum', 897, '117.230.200', '790.658.000');
    has(SEEDS.kencong, 'budget-sum', 897, '101.115.000', '783.580.000');
  });
  it('5. Kencong Tabel 3.8 Program Penunjang pagu 2.482.163.194 vs 2.438.123.594', () => {
    has(SEEDS.kencong, 'budget-sum', 869, '2.482.163.194', '2.438.123.594');
  });
  it('6. Kencong program-indicator average 93% over 76,91/100/100/100', () => {
    has(SEEDS.kencong, 'average', 521, '93%', '94,23%');
  });
  it('7. Kencong RKT 97% vs PK 96,5%', () => {
    has(SEEDS.kencong, 'target-drift', 1018, '97%', '96,5%');
  });
  it('8. Bangsalsari kegiatan 1.4 pagu 76.088.500 vs 118.988.500', () => {
    has(SEEDS.bangsalsari, 'budget-sum', 1022, '76.088.500', '118.988.500');
  });
  it('9. Bangsalsari Sasaran 3 capaian against the Renstra end target 125% vs 117,65%', () => {
    has(SEEDS.bangsalsari, 'capaian', 590, '125%', '117,65%');
  });
  it('10. Jelbuk program realisation 33.458.470 vs 48.458.470, Mobil Jabatan 70,45 % vs 78,28%', () => {
    has(SEEDS.jelbuk, 'budget-sum', 619, '33.458.470', '48.458.470');
    has(SEEDS.jelbuk, 'budget-percentage', 620, '70,45 %', '78,28%');
  });
  it('11. Jelbuk SKM capaian 86,44 % for B (85) and 86,44 (101,69%)', () => {
    has(SEEDS.jelbuk, 'capaian', 419, '86,44 %', '101,69%');
  });
});

describe('no finding where the report is right', () => {
  it('Balung Tabel 3.8 Kegiatan Administrasi Umum and the grand total', () => {
    const total = run(SEEDS.balung).report.budgets.find((b) => b.table === 'Tabel 3.8')!.total!;
    const f = run(SEEDS.balung).findings.filter((x) => x.where.table === 'Tabel 3.8' && [784, total.src.line].includes(x.where.line));
    expect(f).toEqual([]);
    expect([total.pagu?.raw, total.realisasi?.raw, total.pct?.raw]).toEqual(['3.898.085.541', '3.675.452.192', '94,29%']);
  });
  it('Kencong Tabel 3.1 capaian 102,19% (93 / 91, truncated)', () => {
    const m = run(SEEDS.kencong).report.measurements.find((x) => x.capaian.raw === '102,19%')!;
    expect(m.target.raw).toBe('91%');
    expect(run(SEEDS.kencong).findings.filter((x) => x.where.line === m.capaian.src.line && x.ruleId === 'capaian')).toEqual([]);
  });
});
