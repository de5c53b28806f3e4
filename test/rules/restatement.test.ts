import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restatement } from '../../src/audit/rules/restatement.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';
import { measurement } from '../helpers/snippets.js';
import { exp } from '../helpers/expected.js';

/** The 1-based line of the first line holding `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** A measurement table with one sasaran of one indicator, a sasaran of two, and the Ikhtisar-style sentences after it. */
const sasaran = (said1: string, said2 = '90%', extra = '') =>
  `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2023

${measurement([
  '1\tTerjaganya Ketertiban Umum dan Ketentraman Masyarakat\tPersentase Penyelesaian Laporan Pelanggaran Ketertiban Umum\t100%\t95%\t95%',
  '2\tMeningkatnya Kualitas Pelayanan Publik Kecamatan\tIndeks Kepuasan Masyarakat\t80\t84\t105,00%',
  '\t\tPersentase Pelayanan Administrasi Kependudukan Tepat Waktu\t100%\t90%\t90,00%',
])}
Sasaran 1 : Terjaganya Ketertiban Umum dan Ketentraman Masyarakat mendapat nilai Sangat Memuaskan, hal ini dapat dilihat dari pengukuran 1 (satu) indikator sasaran, dengan capaian ${said1} tergolong Sangat Memuaskan.

Sasaran 2 : Meningkatnya Kualitas Pelayanan Publik Kecamatan dengan capaian ${said2}.
${extra}`;

/** A sub kegiatan with its input and output in the per-sasaran programme table, and the sentence under its photo. */
const subKegiatan = (said: string, intro = 'adapun dalam sub kegiatan ini Capaian output mencapai') => `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2023

BAB III AKUNTABILITAS KINERJA

Tabel 3.6
Target dan Realisasi Program dan Kegiatan Pendukung Sasaran Kecamatan Contoh tahun 2023

No.\tProgram/ Kegiatan/ Sub Kegiatan\tTarget\tCapaian\t%
2.\tProgram : Penyelenggaraan Pemerintahan Dan Pelayanan Publik\t\t\t
\tKegiatan : Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan\t\t\t
\tSub Kegiatan : Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan\t\t\t
\tInput : Dana\t567.678.400\t567.200.000\t99,92%
\tOutput : Jumlah Dokumen Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan\t15 Dokumen\t15 Dokumen\t100,00%
\tOutcome : Meningkatnya Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan\t\t\t

Foto Sub Kegiatan Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan sbb :

Sub Kegiatan Peningkatan Efektifitas kegiatan pemerintahan di Tingkat Kecamatan. Kegiatan dilaksanakan dalam bentuk rapat Pembinaan perangkat desa,

${intro} ${said}, tidak mencapai 100% karena efisiensi.
`;

/** A population and a list of shares with their counts. */
const penduduk = (share: string, second = 'Jumlah Kepala Keluarga sebanyak 30.000 KK.') => `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2023

BAB I PENDAHULUAN

Jumlah penduduk di Kecamatan Contoh sebanyak 124.264 jiwa, penduduk laki laki sebanyak 61.944 Jiwa dengan persentase 49,85% dan penduduk perempuan 62.320 Jiwa dengan persentase 50,15%. ${second} Penduduk memiliki mata pencaharian antara lain :

1. Bidang pertanian ${share} sebanyak 18.100 jiwa
2. PNS 0,32 % sebanyak 408 jiwa
`;

/** An excerpt: the indicator named by the heading, the sentence saying "indikator ... ini", a table by year. */
const wisatawan = (table2018: string, change = '1.69 %', proof = 'Dari 2.212.558 jiwa jumlah wisatawan yang menjadi target terealisasi 2.123.150 jiwa, sehingga') => `AKUNTABILITAS KINERJA
2. Jumlah wisatawan pertahun
${proof} indikator kinerja sasaran ini tercapai 95.96 %. Capaian ini sedikit naik ${change} dari Tahun 2017. Hal ini terjadi karena promosi.
Perkembangan Capaian Indikator Sasaran Strategis
No.\tIndikator Kinerja\tCapaian (%) 2015\tCapaian (%) 2016\tCapaian (%) 2017\tCapaian (%) 2018
1\tRata-rata lama kunjungan wisatawan\t150\t150\t100\t100
2\tJumlah Wisatawan\t90.10\t92.00\t94.27\t${table2018}
`;

/** The realisation table with its JUMLAH row, and the Bab III sentences about the whole budget. */
const anggaran = (pagu: string, real: string, extra = '') => `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2023

BAB III AKUNTABILITAS KINERJA

Dalam mendukung pelaksanaan tugas dan fungsi Kecamatan Contoh, pada tahun anggaran 2023 didukung dengan anggaran sebesar Rp ${pagu},- Anggaran tersebut bersumber dari APBD.

Tabel 3.8
REALISASI ANGGARAN PER PROGRAM TAHUN 2023

NO.\tPROGRAM/KEGIATAN/SUB KEGIATAN\tPAGU\tREALISASI\t%
\tProgram : Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\t3.898.085.541\t3.675.452.192\t94,29%
1\tKegiatan : Administrasi Keuangan Perangkat Daerah\t3.898.085.541\t3.675.452.192\t94,29%
\tSub Kegiatan Penyediaan Gaji dan Tunjangan ASN\t3.898.085.541\t3.675.452.192\t94,29%
\tJUMLAH\t3.898.085.541\t3.675.452.192\t94,29%

Dari tabel diatas terlihat bahwa realisasi anggaran pada tahun 2023 sebesar Rp. ${real},- dari total anggaran Rp. 3.898.085.541,- atau 94,29%.
${extra}`;

/** An IKU list: "X, tercapai R dari target T" restates the realisasi, not the capaian. */
const iku = (said: string) => `LAPORAN KINERJA KPPN CONTOH TAHUN 2023

${measurement(['1\tMeningkatnya Kualitas Perencanaan Kas\tPersentase akurasi perencanaan kas KPPN\t82%\t100%\t121,95%'])}
7. Persentase akurasi perencanaan kas KPPN, tercapai ${said} dari target 82%
`;

describe('restatement', () => {
  ruleTester(
    restatement,
    {
      valid: [
        { name: 'the sentence gives the table capaian of the sasaran of one indicator', text: sasaran('95%') },
        { name: 'a capaian printed with decimals that rounds to the table figure', text: sasaran('95,0%') },
        {
          name: 'a sentence naming two subjects with one capaian: which one it restates is not known',
          text: sasaran('95%', '90%', '\nSasaran Terjaganya Ketertiban Umum dan Ketentraman Masyarakat serta Meningkatnya Kualitas Pelayanan Publik Kecamatan dengan capaian 77%.\n'),
        },
        { name: 'a sasaran of two indicators has no one capaian in the measurement table: not compared', text: sasaran('95%', '77%') },
        { name: 'the output capaian as the table gives it', text: subKegiatan('100%') },
        { name: '"capaian input" is the budget figure, not the output', text: subKegiatan('99,92%', 'adapun dalam sub kegiatan ini capaian input mencapai') },
        { name: 'a capaian of something the tables do not list ("capaian PBB") is not a restatement', text: sasaran('95%', '90%', '\nDengan capaian PBB 88,17%, lebih tinggi dari tahun sebelumnya dengan capaian 84%.\n') },
        { name: 'the shares agree with the stated population (rounded or truncated)', text: penduduk('14,56 %') },
        { name: 'two totals of one unit: which one the list is a share of is not known', text: penduduk('14,32 %', 'Jumlah penduduk tahun lalu sebanyak 126.390 jiwa.') },
        { name: 'the table value of the indicator the heading names, and a rise from the earlier year that holds', text: wisatawan('95.96') },
        { name: '"tercapai 100% dari target 82%" is the realisasi (the capaian is 121,95%)', text: iku('100%') },
        { name: 'the headline pagu and realisasi are the realisation table totals', text: anggaran('3.898.085.541', '3.675.452.192') },
        {
          name: 'a refocusing amount, last year\'s budget and a programme\'s budget are not the whole budget of the year',
          text: anggaran('3.898.085.541', '3.675.452.192', 'Terdapat refocusing anggaran sebesar Rp. 311.646.200,-. Pada tahun 2022 dari total anggaran sebesar Rp. 3.459.730.590,- terealisasi sebesar Rp 3.284.140.582,-. Program Penunjang dengan anggaran Rp 1.000.000.000.'),
        },
      ],
      invalid: [
        {
          name: 'a realisasi set against its target differs from the table',
          text: iku('90%'),
          findings: [{ line: lineOf(iku('90%'), '7. Persentase'), reported: '90%', expected: '100% (Tabel 3.1)', messageIncludes: 'realisasi indikator' }],
        },
        {
          name: 'the headline pagu one rupiah off and the headline realisasi another figure than the realisation table',
          text: anggaran('3.898.085.540', '3.657.452.192'),
          findings: [
            { line: 5, reported: 'Rp 3.898.085.540,-', expected: '3.898.085.541 (Tabel 3.8)', messageIncludes: 'pagu seluruh anggaran' },
            { line: 16, reported: 'Rp. 3.657.452.192,-', expected: '3.675.452.192 (Tabel 3.8)', messageIncludes: 'realisasi seluruh anggaran' },
          ],
        },
        {
          name: 'the Ikhtisar capaian of a sasaran measured by one indicator differs from the table',
          text: sasaran('100%'),
          findings: [{ line: lineOf(sasaran('100%'), 'Sasaran 1 :'), reported: '100%', expected: '95% (Tabel 3.1)', category: 'narrative_number_mismatch', messageIncludes: 'Terjaganya Ketertiban Umum' }],
        },
        {
          name: 'the output capaian under the photo is the input percentage',
          text: subKegiatan('99,92%'),
          findings: [{ line: lineOf(subKegiatan('99,92%'), 'Capaian output'), reported: '99,92%', expected: '100,00% (Tabel 3.6)', messageIncludes: 'capaian input (dana)' }],
        },
        {
          name: 'the output capaian in a paragraph after the one naming the sub kegiatan (no "ini")',
          text: subKegiatan('96,60%', 'Kegiatan dilaksanakan dalam bentuk rapat, Capaian output mencapai'),
          findings: [{ reported: '96,60%', expected: '100,00% (Tabel 3.6)' }],
        },
        {
          name: '"P% sebanyak N jiwa" against the population stated above the list',
          text: penduduk('14,32 %'),
          findings: [{ line: lineOf(penduduk('14,32 %'), 'Bidang pertanian'), reported: '14,32 %', expected: '14,57% (18.100 / 124.264)' }],
        },
        {
          name: 'the last item of a long list still shares the total stated above the list',
          text: `${penduduk('14,56 %')}${Array.from({ length: 20 }, (_, i) => `${i + 3}. Bidang ${i + 3} 0,80 % sebanyak 997 jiwa`).join('\n')}\n23. Bidang lainnya 3,00 % sebanyak 3.162 jiwa\n`,
          findings: [{ reported: '3,00 %', expected: '2,54% (3.162 / 124.264)' }],
        },
        {
          name: 'the sentence proves its capaian (realisasi / target) and the table cell of that year does not: the finding is on the table (the rise from 94.27 holds)',
          text: wisatawan('413.064'),
          findings: [{ line: lineOf(wisatawan('413.064'), 'Jumlah Wisatawan\t'), reported: '413.064', expected: '95.96 % (uraian baris 3: 2.123.150 / 2.212.558 = 95,96%)' }],
        },
        {
          name: 'without its own proof the sentence is the place of the finding, and a rise the table does not give',
          text: wisatawan('90.00', '5,00 %', 'Untuk'),
          findings: [
            { line: 3, reported: '95.96 %', expected: '90.00 (Tabel (Kutipan, baris 5))' },
            { line: 3, reported: 'naik 5,00 %', expected: 'naik 1,69 poin: 94.27 (2017) → 95.96 % (2018)' },
          ],
        },
      ],
    },
    it,
  );

  const seed = (name: string) => runRule(restatement, readFileSync(`fixtures/seeds/${name}`, 'utf8'), name);

  it('Balung 2023 (000): "capaian output 99,92%" under the photo of the sub kegiatan, Tabel 3.6 gives 100,00%', () => {
    const f = seed('000_c0a7f8c5d5d194b0.txt').find((x) => x.where.line === 684);
    expect(f?.reported).toBe('99,92%');
    expect(exp(f)).toBe('100,00% (Tabel 3.6)');
    expect(f?.message.id).toContain('Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan');
    expect(f?.related?.map((r) => r.line)).toEqual([670, 669]);
  });

  it('Bangsalsari 2023 (001): "14,32 % sebanyak 18.100 jiwa" beside a population of 124.264 (14,57%)', () => {
    const f = seed('001_52d9b2e308fc893f.txt').find((x) => x.where.line === 335);
    expect(f?.reported).toBe('14,32 %');
    expect(exp(f)).toBe('14,57% (18.100 / 124.264)');
    expect(f?.related?.map((r) => r.line)).toEqual([333]);
    // the nine shares that do not fit 124.264 all fit one other total: the list was computed on it
    expect(f?.message.id).toContain('9 persentase daftar ini cocok dengan jumlah 126.327–126.392, bukan 124.264');
  });

  it('Kencong 2023 (003): the Ikhtisar gives the ketertiban sasaran capaian 100%, Tabel 3.1, 3.5 and 3.7 give 95%', () => {
    const f = seed('003_0f39aaca0575dd68.txt').find((x) => x.where.line === 89);
    expect(f?.reported).toBe('100%');
    expect(exp(f)).toBe('95% (Tabel 3.7)');
    expect(new Set(f?.related?.map((r) => r.table))).toEqual(new Set(['Tabel 3.1', 'Tabel 3.5', 'Tabel 3.7']));
  });

  it('the consistent synthetic report gives no finding', () => {
    expect(runRule(restatement, readFileSync('fixtures/synthetic/konsisten.txt', 'utf8'), 'konsisten.txt')).toEqual([]);
  });
});
