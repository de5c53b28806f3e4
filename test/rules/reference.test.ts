import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reference } from '../../src/audit/rules/reference.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';
import { exp } from '../helpers/expected.js';

const decree = (cited: string, attached: string) => `BAB II PERENCANAAN KINERJA

Berikut adalah Indikator Kinerja Utama Kecamatan Kencong yang ditetapkan berdasarkan Keputusan Camat Kencong Nomor ${cited} Tahun 2023;

BAB IV PENUTUP

Demikian laporan ini disusun.

KEPUTUSAN CAMAT KENCONG
KABUPATEN JEMBER

Nomor : ${attached}

TENTANG
INDIKATOR KINERJA UTAMA KECAMATAN KENCONG
`;

const tables = (ref: string) => `BAB I PENDAHULUAN

Tabel 1.1
Komposisi Pegawai Kecamatan Bangsalsari Tahun 2024

Jabatan\tKebutuhan\tBezetting
1. Administrator\t2\t1
2. Pengawas\t6\t5

${ref}

Tabel 1.2
Anggaran Kecamatan Bangsalsari Tahun 2024

No\tProgram/ Kegiatan/ Sub Kegiatan\tAnggaran
1\tProgram Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\t2.824.572.622,00
`;

describe('reference', () => {
  ruleTester(
    reference,
    {
      valid: [
        { name: 'same decree number, spaces around the slashes differ (Balung 2023)', text: decree('065/45 /35.09.10/2023', '065/ 45 /35.09.10/2023') },
        { name: 'reference to the right table', text: tables('Berdasarkan tabel 1.1, menunjukkan adanya gap antara kebutuhan pegawai dengan bezetting pegawai.') },
        { name: 'reference with no clear topic', text: tables('Berdasarkan tabel 1.2, menunjukkan tren peningkatan.') },
      ],
      invalid: [
        {
          name: 'IKU decree cited with another number (Kencong 2023)',
          text: decree('065/33/35.09.02/2023', '065/85/35.09.02/2023'),
          findings: [{ line: 3, reported: '065/33/35.09.02/2023', expected: '065/85/35.09.02/2023', category: 'reference_mismatch', severity: 'error' }],
        },
        {
          name: 'decree of another year attached (Jelbuk 2021)',
          text: decree('065/ /35.09.25/2021', '065/ /35.09.25/2022'),
          findings: [{ line: 3, reported: '065/ /35.09.25/2021', expected: '065/ /35.09.25/2022', severity: 'warning' }],
        },
        {
          name: 'staff sentence pointing at the budget table (Bangsalsari 2024)',
          text: tables('Berdasarkan tabel 1.2, menunjukkan adanya gap antara kebutuhan pegawai dari hasil analisis jabatan dengan bezetting pegawai.'),
          findings: [{ line: 10, reported: 'tabel 1.2', expected: 'Tabel 1.1', severity: 'warning' }],
        },
        {
          name: 'table that does not exist',
          text: tables('Perubahan tersebut tercantum dalam (Tabel 4.1) Tujuan, Sasaran Strategi dan Kebijakan.'),
          findings: [{ line: 10, reported: 'Tabel 4.1', severity: 'info' }],
        },
      ],
    },
    it,
  );

  it('Kencong 2023 (seed 003): Bab II cites 065/33 while the SK IKU attached is 065/85', () => {
    const f = 'fixtures/seeds/003_0f39aaca0575dd68.txt';
    const got = runRule(reference, readFileSync(f, 'utf8'), f);
    expect(got.map((x) => [x.where.line, x.reported, exp(x), x.severity])).toEqual([[368, '065/33/35.09.02/2023', '065/85/35.09.02/2023', 'error']]);
  });
  it('Balung 2023 (seed 000): 065/45 /35.09.10/2023 is the decree attached; only the missing Tabel 4.1 is noted', () => {
    const f = 'fixtures/seeds/000_c0a7f8c5d5d194b0.txt';
    const got = runRule(reference, readFileSync(f, 'utf8'), f);
    expect(got.map((x) => [x.where.line, x.reported, x.severity])).toEqual([[79, 'Tabel 4.1', 'info']]);
  });
  it('Bangsalsari 2024 (seed 001): the staff gap sentence cites Tabel 1.4 (budget) instead of Tabel 1.1', () => {
    const f = 'fixtures/seeds/001_52d9b2e308fc893f.txt';
    const got = runRule(reference, readFileSync(f, 'utf8'), f);
    expect(got.map((x) => [x.where.line, x.reported, exp(x)])).toEqual([[223, 'tabel 1.4', 'Tabel 1.1']]);
  });
});
