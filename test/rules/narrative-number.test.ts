import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { narrativeNumber } from '../../src/audit/rules/narrative-number.js';
import { loadConfig } from '../../src/cli/config.js';
import type { Config } from '../../src/model/config.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';
import { exp } from '../helpers/expected.js';

/** Balung 2023 layout: the Ikhtisar budget paragraphs and Tabel 3.8 with its JUMLAH row. */
const balung = (opShare: string, realPct: string, change = '1 %') => `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2023

IKHTISAR EKSEKUTIF

Untuk mendukung pencapaian kinerja tahun 2023 dilaksanakan berbagai program dan kegiatan dengan mengalokasikan dana dalam APBD Tahun Anggaran 2023 sebesar ${opShare} merupakan Belanja Operasi atau sebesar Rp 3.843.344.041,-. Sedangkan 1% merupakan Belanja Modal atau sebesar Rp. 54.741.500,-.

Sedangkan realisasi belanja Kecamatan Contoh sampai dengan 31 Desember 2023 sebesar Rp 3.675.452.192,- atau ${realPct} dari pagu anggaran. Realisasi sampai dengan 31 Desember 2023 merupakan data sementara.

BAB III AKUNTABILITAS KINERJA

Tabel 3.8
REALISASI ANGGARAN PER PROGRAM TAHUN 2023

NO.\tPROGRAM/KEGIATAN/SUB KEGIATAN\tPAGU\tREALISASI\t%
\tProgram : Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\t3.898.085.541\t3.675.452.192\t94,29%
1\tKegiatan : Administrasi Keuangan Perangkat Daerah\t3.898.085.541\t3.675.452.192\t94,29%
\tSub Kegiatan Penyediaan Gaji dan Tunjangan ASN\t3.898.085.541\t3.675.452.192\t94,29%
\tJUMLAH\t3.898.085.541\t3.675.452.192\t94,29%

Dari tabel diatas terlihat bahwa realisasi anggaran pada tahun 2023 sebesar Rp. 3.675.452.192,- dari total anggaran Rp. 3.898.085.541,- atau 94,29%. Jika dibandingkan dengan penyerapan anggaran pada tahun 2022 mengalami penurunan sebesar ${change} yaitu pada tahun 2022 dari total anggaran sebesar Rp. 3.459.730.590,- terealisasi sebesar Rp 3.284.140.582,- atau 94,92%.
`;

/** Jelbuk 2021 layout: the composition list and the "Proporsi Anggaran" sentence. */
const jelbuk = (bl: string, btl: string) => `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2021

BAB III AKUNTABILITAS KINERJA

C. AKUNTABILITAS KEUANGAN.

1. Alokasi Anggaran OPD

Keseluruhan anggaran Kecamatan Contoh tahun 2021 adalah sebesar Rp. 3.387.235.094 yang terdiri dari:

a.\tBelanja Tidak Langsung\tRp.\t127.095.000
b.\tBelanja Langsung\tRp.\t3.260.140.094
\t- Belanja Pegawai\tRp.\t2.307.018.694
\t- Belanja Barang/jasa\tRp.\t953.121.400

Proporsi Anggaran pada tahun 2021, Belanja Langsung sebesar ${bl} dan Belanja Tidak Langsung sebesar ${btl}
`;

/** Kencong 2023 layout: a refocusing total with its items. */
const refocusing = (total: string, lead = 'antara lain pengurangan pada') => `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2023

BAB III AKUNTABILITAS KINERJA

1. Pada Tahun 2023, karena kebijakan anggaran Pemerintah Kabupaten, terdapat refocusing anggaran P-APBD 2023 di Kecamatan Contoh sebesar Rp. ${total} ${lead} :
  - a. Sub Kegiatan Pelaksanaan Penatausahaan dan Pengujian /Verifikasi Keuangan SKPD sebesar Rp.3.000.000,00
  - b. Sub Kegiatan Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya sebesar Rp.14.300.000,00

- c. Sub Kegiatan Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat. Sebesar Rp. 4.500.000,00

C. REALISASI ANGGARAN

Dalam mendukung pelaksanaan tugas dan fungsi, pada tahun anggaran 2023 didukung dengan anggaran sebesar Rp.3.739.669.394,00.
`;

const pegawai = (pct: string) => `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2024

BAB I

D. SUMBER DAYA MANUSIA

Jumlah personil Kecamatan Contoh yang ada per 31 Desember 2024 sebanyak 13 orang, sedangkan berdasarkan hasil analisa jabatan dan analisa beban kerja idealnya sebanyak 24 orang, sehingga masih terdapat kekurangan pegawai sebanyak 11 orang atau ${pct}.
`;

/** A survey paragraph wrapped over two lines: a count, its share and the total it is a share of. */
const responden = (pct: string, total = '129') => `BAB III AKUNTABILITAS KINERJA

Isu Utama :
Berdasarkan hasil survei kepuasan pengguna layanan tahun 2021 dengan responden sebanyak 53 orang ( ${pct}
dari total jumlah satker/${total} satker), diperoleh informasi bahwa nilai terendah adalah 4,92 (skala 5).
`;

describe('narrative-number', () => {
  ruleTester(
    narrativeNumber,
    {
      valid: [
        { name: 'Balung 2023: 99% / 1% shares and "94 %" of pagu (94,29% truncated)', text: balung('99%', '94 %') },
        { name: 'Jelbuk layout with correct shares; sub-items do not count in the list', text: jelbuk('96,25 %', '3,75 %') },
        { name: 'refocusing items that add up to the total', text: refocusing('21.800.000,00') },
        { name: 'an "antara lain" list may leave items out', text: refocusing('25.000.000,00') },
        { name: 'kekurangan as a share of the ideal number', text: pegawai('45,83 %') },
        { name: 'a count\'s share of the stated total, truncated at the printed precision (53 / 129 = 41,09%)', text: responden('41%') },
        { name: 'a share printed with decimals', text: responden('41,09%') },
        { name: 'a realisasi "dari target" is a capaian, not a share of a total', text: responden('41%').replace('responden sebanyak 53 orang ( 41%', 'realisasi 53 orang ( 45%').replace('total jumlah satker/', 'target ') },
        {
          name: 'a percentage of one program\'s or kegiatan\'s own pagu is not compared with the totals',
          text: balung('99%', '94 %').replace(
            'Dari tabel diatas',
            'Realisasi Program Penunjang Urusan Pemerintahan sebesar Rp 2.657.062.192 atau 92,73% dari pagu anggaran. Belanja Modal pada Kegiatan Administrasi Umum terealisasi sebesar Rp 50.000.000 (95%). Dari tabel diatas',
          ),
        },
      ],
      invalid: [
        {
          name: 'share and realisation percentage that match nothing',
          text: balung('97%', '90 %'),
          findings: [
            { line: 5, reported: '97%', expected: '98,60% (3.843.344.041 / 3.898.085.541)', category: 'narrative_number_mismatch', severity: 'error' },
            { line: 7, reported: '90 %', expected: '94,29% (3.675.452.192 / 3.898.085.541, pagu Tabel 3.8)' },
          ],
        },
        {
          name: 'Kencong 2023 pattern: "penurunan sebesar" that is neither the difference in points nor the relative change',
          text: balung('99%', '94 %', '3 %'),
          findings: [{ line: 20, reported: 'penurunan sebesar 3 %', expected: 'turun 0,63 poin (0,66% relatif): 94,92% → 94,29%' }],
        },
        {
          name: 'Jelbuk 2021: Belanja Langsung 21,28 % while it is 96,25% of the total',
          text: jelbuk('21,28 %', '78,72 %'),
          findings: [
            { line: 16, reported: '21,28 %', expected: '96,25% (3.260.140.094 / 3.387.235.094)' },
            { line: 16, reported: '78,72 %', expected: '3,75% (127.095.000 / 3.387.235.094)' },
          ],
        },
        {
          name: 'Kencong 2023: refocusing total below the sum of its items',
          text: refocusing('10.000.000,00'),
          findings: [{ line: 5, reported: 'Rp. 10.000.000,00', expected: '21.800.000 (jumlah 3 rincian)' }],
        },
        {
          name: 'a complete list (no "antara lain") must add up exactly',
          text: refocusing('25.000.000,00', 'dengan rincian pengurangan pada'),
          findings: [{ line: 5, reported: 'Rp. 25.000.000,00', expected: '21.800.000 (jumlah 3 rincian)' }],
        },
        {
          name: 'Bangsalsari 2024: kekurangan 11 orang "atau 54,17 %" of 24',
          text: pegawai('54,17 %'),
          findings: [{ line: 7, reported: '54,17 %', expected: '45,83% (11 / 24)' }],
        },
        {
          name: 'KPPN Semarang I 2021: 53 orang "( 40% dari total jumlah satker/129 satker)", over two lines',
          text: responden('40%'),
          findings: [{ line: 4, reported: '40%', expected: '41,09% (53 / 129)', category: 'narrative_number_mismatch', severity: 'warning', messageIncludes: 'Tercatat 53 atau 40% dari 129' }],
        },
      ],
    },
    it,
  );

  const seed = (name: string) => runRule(narrativeNumber, readFileSync(`fixtures/seeds/${name}`, 'utf8'), name);

  it('knows the Belanja categories by the vocabulary alone (budgetShares.categories)', () => {
    const text = balung('97%', '94 %').replace('Belanja Modal', 'Belanja Investasi');
    const run = (config: Config) => runRule(narrativeNumber, text, 'kasus.txt', config).filter((f) => f.reported === '97%');
    const base = loadConfig();
    // "Belanja Investasi" is no category: the share of Belanja Operasi has no pair to be a share of
    expect(run(base)).toHaveLength(0);
    const v = base.vocabulary!;
    const cats = v.budgetShares!.categories.map((c) => (c.category === 'modal' ? { ...c, words: [...c.words, 'belanja investasi'] } : c));
    const taught: Config = { ...base, vocabulary: { ...v, budgetShares: { ...v.budgetShares!, categories: cats } } };
    expect(run(taught).map((f) => `${f.reported} → ${exp(f)}`)).toEqual(['97% → 98,60% (3.843.344.041 / 3.898.085.541)']);
  });

  it('Jelbuk 2021 (004): Belanja Langsung 21,28 % and 16,82% against 96,25%', () => {
    const f = seed('004_9ed3a231d27ded37.txt');
    const has = (line: number, reported: string) => f.find((x) => x.where.line === line && x.reported === reported);
    expect(exp(has(611, '21,28 %'))).toBe('96,25% (3.260.140.094 / 3.387.235.094)');
    expect(exp(has(662, '16,82%'))).toBe('96,25% (3.260.140.094 / 3.387.235.094)');
    expect(exp(has(88, '16,82%'))).toBe('96,25% (3.260.140.094 / 3.387.235.094)');
  });

  it('Kencong 2023 (003): the refocusing list adds up to 509.937.950, not 333.627.175', () => {
    const f = seed('003_0f39aaca0575dd68.txt').find((x) => x.where.line === 834);
    expect(f?.reported).toBe('Rp. 333.627.175,00');
    expect(exp(f)).toBe('509.937.950 (jumlah 17 rincian)');
    expect(f?.related).toHaveLength(17);
  });

  it('Balung 2023 (000): no finding (the one refocusing item equals the total; shares and 94 % agree)', () => {
    expect(seed('000_c0a7f8c5d5d194b0.txt')).toEqual([]);
  });
});
