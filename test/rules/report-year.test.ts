import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportYear } from '../../src/audit/rules/report-year.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';
import { exp } from '../helpers/expected.js';

interface Opts {
  anggaran?: string;
  signed?: string;
  self?: string;
  heading?: string;
  realCols?: string;
}
const lkip = (o: Opts = {}) => `LAPORAN KINERJA

KECAMATAN KENCONG

TAHUN 2023

KATA PENGANTAR

Puji syukur, sehingga tugas penyusunan Laporan Kinerja Kecamatan Kencong Tahun ${o.self ?? '2023'} dapat kami selesaikan.

Laporan ini merupakan wujud pertanggungjawaban atas kinerja pencapaian sasaran strategis Tahun Anggaran ${o.anggaran ?? '2023'}.

${o.signed ?? 'Jember, 31 Januari 2024'}

CAMAT KENCONG

BAB III AKUNTABILITAS KINERJA

A. ${o.heading ?? 'KERANGKA PENGUKURAN KINERJA TAHUN 2023'}

Tabel 3.1
Pengukuran Realisasi Kinerja Tahun 2023

NO.\tSASARAN STRATEGIS\tINDIKATOR SASARAN\tTARGET 2023\tREALISASI 2023\tCAPAIAN 2023
1\tMeningkatnya Kualitas Pelayanan\tNilai SKM\t85\t86,44\t101,69%

Tabel 3.2
Perbandingan Realisasi Kinerja sasaran 1

NO.\tSASARAN STRATEGIS\tINDIKATOR SASARAN\tTARGET\t${o.realCols ?? 'REALISASI Th. 2022 (n-1)\tREALISASI Th. 2023 (n)'}
1\tMeningkatnya Kualitas Pelayanan\tNilai SKM\t85\t65,3 %\t86,44 %
`;

/** An excerpt: a measurement table whose caption names a year; its columns name their own. */
const captioned = (captionYear: string, colYear: string) => `3.1. CAPAIAN KINERJA ORGANISASI
Capaian kinerja untuk setiap sasaran strategis adalah sebagai berikut :
Tabel 3-1 Indikator Kinerja Sasaran Strategis Beserta Target dan Realisasi Tahun ${captionYear}
Sasaran Strategis\tIndikator Kinerja\tSatuan\tTarget Tahun ${colYear}\tRealisasi Tahun ${colYear}\tCapaian (%)
Meningkatkan Kapasitas Air Bersih\tKapasitas Debit Air Bersih\tLiter/detik\t405\t65\t16,05
`;

describe('report-year', () => {
  ruleTester(
    reportYear,
    {
      valid: [
        { name: 'one year throughout, signed after the year', text: lkip() },
        { name: 'a table caption and its columns name the same year', text: captioned('2020', '2020') },
      ],
      invalid: [
        {
          name: 'the title in the foreword outvotes a left-over Tahun Anggaran in the same sentence (Demak 2018)',
          text: 'KATA PENGANTAR\nLaporan Akuntabilitas Kinerja Instansi Pemerintah (LKJiP) Dinas Perumahan dan Kawasan Permukiman Kabupaten Demak Tahun 2018 disusun sebagai pertanggungjawaban atas pelaksanaan tugas yang dibebankan kepada Dinas Perumahan dan Kawasan Permukiman Kabupaten Demak Tahun Anggaran 2017. Laporan ini memuat pencapaian kinerja pada tahun 2018.\n',
          findings: [{ line: 2, reported: 'Tahun Anggaran 2017', expected: 'Tahun Anggaran 2018' }],
        },
        {
          name: 'a measurement heading in the contents written without a space before TAHUN (Bangsalsari 2024)',
          text: 'LAPORAN KINERJA\nTAHUN 2024\n\nDAFTAR ISI\nA. PENGUKURAN PENCAPAIAN KINERJATAHUN 2022\t14\n',
          findings: [{ line: 5, reported: 'PENGUKURAN PENCAPAIAN KINERJATAHUN 2022', expected: 'PENGUKURAN PENCAPAIAN KINERJATAHUN 2024' }],
        },
        {
          name: 'a table caption names 2019, its target and realisasi columns 2020',
          text: captioned('2019', '2020'),
          findings: [{ line: 4, reported: '2019 (judul tabel)', expected: '2020 (2 kolom)', category: 'year_or_date_mismatch' }],
        },
        {
          name: 'Kata Pengantar accounts for Tahun Anggaran 2022 (Kencong 2023)',
          text: lkip({ anggaran: '2022' }),
          findings: [{ line: 11, reported: 'Tahun Anggaran 2022', expected: 'Tahun Anggaran 2023', category: 'year_or_date_mismatch', severity: 'error' }],
        },
        {
          name: 'signed in January of the report year (Kencong 2023)',
          text: lkip({ signed: 'Jember, 31 Januari 2023' }),
          findings: [{ line: 13, reported: 'Jember, 31 Januari 2023', expected: 'tanggal setelah 31 Desember 2023', severity: 'error' }],
        },
        {
          name: 'the report calls itself the report of another year (Jelbuk 2021)',
          text: lkip({ self: '2022' }),
          findings: [{ line: 9, reported: 'Laporan Kinerja Kecamatan Kencong Tahun 2022', severity: 'error' }],
        },
        {
          name: 'measurement heading and (n)/(n-1) columns of other years (Jelbuk 2021)',
          text: lkip({ heading: 'PENGUKURAN PENCAPAIAN KINERJA TAHUN 2019', realCols: 'REALISASI Th. 2019 (n-1)\tREALISASI Th. 2020 (n)' }),
          findings: [
            { line: 19, reported: 'PENGUKURAN PENCAPAIAN KINERJA TAHUN 2019', severity: 'warning' },
            { line: 30, reported: 'REALISASI Th. 2019 (n-1)', expected: 'REALISASI Th. 2022 (n-1)', severity: 'warning' },
            { line: 30, reported: 'REALISASI Th. 2020 (n)', expected: 'REALISASI Th. 2023 (n)', severity: 'warning' },
          ],
        },
      ],
    },
    it,
  );

  it('Kencong 2023 (seed 003): Tahun Anggaran 2022 at line 17, signed 31 Januari 2023', () => {
    const f = 'fixtures/seeds/003_0f39aaca0575dd68.txt';
    const got = runRule(reportYear, readFileSync(f, 'utf8'), f);
    expect(got.map((x) => [x.where.line, x.reported, exp(x), x.severity])).toEqual([
      [17, 'Tahun Anggaran 2022', 'Tahun Anggaran 2023', 'error'],
      [23, 'Jember, 31 Januari 2023', 'tanggal setelah 31 Desember 2023', 'error'],
      [477, 'Dicapai Pada Tahun 2023', 'Dicapai Pada Tahun 2026', 'warning'],
    ]);
  });
  it('Jelbuk 2021 (seed 004): the report year is 2021 although the Kata Pengantar names 2022', () => {
    const f = 'fixtures/seeds/004_9ed3a231d27ded37.txt';
    const got = runRule(reportYear, readFileSync(f, 'utf8'), f);
    const at = (line: number) => got.filter((x) => x.where.line === line).map((x) => `${x.reported} → ${exp(x)}`);
    expect(at(14)).toEqual(['Laporan Kinerja Kecamatan Jelbuk Tahun 2022 → Laporan Kinerja Kecamatan Jelbuk Tahun 2021']);
    expect(at(47)).toEqual(['PENGUKURAN PENCAPAIAN KINERJA TAHUN 2019 → PENGUKURAN PENCAPAIAN KINERJA TAHUN 2021']);
    expect(at(435)).toEqual(['REALISASI Th. 2019 (n-1) → REALISASI Th. 2020 (n-1)', 'REALISASI Th. 2020 (n) → REALISASI Th. 2021 (n)']);
    expect(got.some((x) => x.reported.includes('2021'))).toBe(false);
  });
  it('Balung 2023 (seed 000) has no year finding', () => {
    const f = 'fixtures/seeds/000_c0a7f8c5d5d194b0.txt';
    expect(runRule(reportYear, readFileSync(f, 'utf8'), f)).toEqual([]);
  });
});
