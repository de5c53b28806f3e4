/**
 * The column-role resolver and the facts built from it (src/parse/columns.ts, src/parse/facts.ts):
 * header shapes (cells, several header rows, column-number rows, a header flattened into one line,
 * a flattened two-level header, a flattened upper row over year-only cells), row kinds (items named
 * like aggregates, Jumlah / Rata-rata rows also with an empty label cell, short rows), the money
 * run, and what stays undecided.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../src/audit/engine.js';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import { parseReport } from '../src/parse/index.js';
import { segmentFlattened } from '../src/parse/columns.js';
import { exp } from './helpers/expected.js';

const config = loadConfig();
const parse = (text: string) => parseReport(textToDocument('kasus.txt', text), config);
/** "label → role year" per column of the first table with a layout. */
const roles = (text: string, i = 0) => parse(text).layouts[i]!.columns.map((c) => `${c.role ?? '?'}${c.year !== null ? ` ${c.year}` : ''}${c.basis !== 'year' ? ` [${c.basis}]` : ''}`);
const kinds = (text: string, i = 0) => parse(text).layouts[i]!.rows.map((r) => r.kind);

describe('column roles', () => {
  it('reads header cells, with years and the basis of an end-of-plan target; the column-number row is not data', () => {
    const t = `Tabel 3.3
NO.\tSASARAN STRATEGIS\tINDIKATOR SASARAN\tTARGET AKHIR RENSTRA\tREALISASI Th. 2020\tTINGKAT KEMAJUAN
(1)\t(2)\t(3)\t(4)\t(5)\t(6)
1\tMeningkatnya Kualitas Pelayanan\tNilai SKM\t85 % B\t86,44 %\t84,91 %
`;
    expect(roles(t)).toEqual(['no', 'sasaran', 'indicator', 'target [renstra_end]', 'realisasi 2020', 'capaian']);
    expect(kinds(t)).toEqual(['item']);
  });

  it('cuts a header flattened into one line, and puts a two-level header\'s trailing sub-headers back under their year', () => {
    const line = 'NO. Indikator Sasaran Capaian Kinerja Tahun 2015 Capaian Kinerja Tahun 2016 Capaian Kinerja Tahun 2017 Capaian Kinerja Tahun 2018 Tahun 2019 Capaian Kinerja Tahun 2019 Target Realisasi';
    expect(segmentFlattened(line, config.vocabulary!)).toEqual([
      'no',
      'indikator sasaran',
      'capaian kinerja tahun 2015',
      'capaian kinerja tahun 2016',
      'capaian kinerja tahun 2017',
      'capaian kinerja tahun 2018',
      'target 2019',
      'realisasi 2019',
      'capaian kinerja tahun 2019',
    ]);
    const t = `${line}
1.\tAngka Kematian Ibu per 100.000KH\t0,15\t0,21\t0,19\t0,17\t0,16\t0,19\t87,10
Rata-rata Capain Kinerja\t81,93\t83,65\t83,14\t91,02\t85,38
`;
    expect(roles(t)).toEqual(['no', 'indicator', 'capaian 2015', 'capaian 2016', 'capaian 2017', 'capaian 2018', 'target 2019', 'realisasi 2019', 'capaian 2019']);
    const r = parse(t);
    expect(r.layouts[0]!.rows.map((x) => x.kind)).toEqual(['item', 'average']);
    // the short Rata-rata row: its five values belong to the five capaian columns
    expect(r.layouts[0]!.rows[1]!.valueColumns).toEqual([2, 3, 4, 5, 8]);
    const avg = r.facts.filter((f) => f.aggregate === 'mean');
    expect(avg.map((f) => `${f.year}:${f.value.raw}`)).toEqual(['2015:81,93', '2016:83,65', '2017:83,14', '2018:91,02', '2019:85,38']);
  });

  it('a flattened upper header row fills the empty columns and spans the year-only cells below it', () => {
    const t = `No. Indikator Kinerja Capaian (%)
\t\t2015\t2016\t2017\t2018
1\tRata-rata lama kunjungan wisatawan\t150\t150\t100\t100
2\tJumlah Wisatawan\t524.94\t525.28\t504\t413.064
`;
    expect(roles(t)).toEqual(['no', 'indicator', 'capaian 2015', 'capaian 2016', 'capaian 2017', 'capaian 2018']);
    // indicators named "Rata-rata ..." and "Jumlah ..." are items, not aggregate rows
    expect(kinds(t)).toEqual(['item', 'item']);
  });

  it('a money run: after the budget column, realisasi is money spent and capaian is serapan', () => {
    const t = `NO SASARAN INDIKATOR SASARAN KINERJA KEUANGAN TARGET REALISASI CAPAIAN KINERJA (%) ANGGARAN REALISASI KINERJA (%) CAPAIAN
\ta. Terselenggaranya fasilitasi adipura\t2 dokumen\t2 dokumen\t100,00\t1.034.925.000\t990.636.520\t94,16
\tb. Terselenggaranya konservasi sumber daya air\t13 lokasi\t13 lokasi\t100,00\t158.600.000\t139.861.000\t88,18
`;
    expect(roles(t).slice(2)).toEqual(['target', 'realisasi', 'capaian', 'pagu', 'realisasi_anggaran', 'serapan']);
    expect(parse(t).layouts[0]!.columns.filter((c) => c.money).map((c) => c.role)).toEqual(['pagu', 'realisasi_anggaran']);
  });

  it('a column no vocabulary entry names is undecided: no fact, listed in the layout', () => {
    const t = `No\tIndikator Kinerja\tTarget 2023\tRealisasi 2023\tDerajat Keberhasilan (%)
1\tIndeks Kepuasan Masyarakat\t80\t84\t110
`;
    const r = parse(t);
    expect(r.layouts[0]!.columns[4]!.role).toBeNull();
    expect(r.layouts[0]!.undecided.join(' ')).toContain('Derajat Keberhasilan');
    expect(r.facts.filter((f) => f.cell.col === 4)).toEqual([]);
    expect(runRules(r, textToDocument('kasus.txt', t), config).filter((f) => f.ruleId === 'capaian')).toEqual([]);
  });
});

describe('row kinds and aggregates', () => {
  // the layout of the Tangerang kecamatan table the issue names: multi-year columns, a Jumlah
  // Capaian and a Rata-Rata Capaian row (the label of the second one printed in the No column)
  const tangerang = (avg2020: string) => `Tabel 3.1 Capaian Kinerja Tahun 2020
No\tIndikator Kinerja\tTarget 2019\tRealisasi 2019\tCapaian 2019\tTarget 2020\tRealisasi 2020\tCapaian 2020
1\tPersentase pelayanan administrasi terpadu\t100\t95\t95\t100\t98\t98
2\tIndeks kepuasan masyarakat\t80\t76\t95\t80\t84\t105
3\tPersentase desa tertib administrasi\t90\t90\t100\t90\t81\t90
\tJumlah Capaian\t\t\t290\t\t\t293
Rata-Rata Capaian\t\t\t\t96,67\t\t\t${avg2020}
`;
  it('Jumlah and Rata-rata rows are aggregates over the item rows, also with the label in another cell', () => {
    const r = parse(tangerang('97,67'));
    expect(r.layouts[0]!.rows.map((x) => x.kind)).toEqual(['item', 'item', 'item', 'total', 'average']);
    const sum = r.facts.find((f) => f.aggregate === 'sum' && f.year === 2020)!;
    expect(sum.value.raw).toBe('293');
    expect(sum.over!.map((id) => r.facts.find((f) => f.id === id)!.value.raw)).toEqual(['98', '105', '90']);
    const mean = r.facts.find((f) => f.aggregate === 'mean' && f.year === 2020)!;
    expect(mean.over).toEqual(sum.over);
  });
  it('gives no finding on it when it is right: the Jumlah row is no fourth indicator, 2020 is read from the 2020 columns', () => {
    const text = tangerang('97,67');
    const findings = runRules(parse(text), textToDocument('kasus.txt', text), config).filter((f) => ['capaian', 'average', 'count-claim'].includes(f.ruleId));
    expect(findings).toEqual([]);
  });
  it('and exactly the average finding when the 2020 average is wrong', () => {
    const text = tangerang('99,00');
    const findings = runRules(parse(text), textToDocument('kasus.txt', text), config).filter((f) => ['capaian', 'average', 'count-claim'].includes(f.ruleId));
    expect(findings.map((f) => [f.ruleId, f.where.line, f.reported, exp(f)])).toEqual([['average', 7, '99,00', '97,67% (biasa) / 96,00% (batas 100%)']]);
  });
});
