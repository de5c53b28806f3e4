import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countClaim } from '../../src/audit/rules/count-claim.js';
import { loadConfig } from '../../src/cli/config.js';
import type { Config } from '../../src/model/config.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';
import { staffTable } from '../helpers/snippets.js';
import { exp } from '../helpers/expected.js';

/** Balung/Kencong 2023 layout: the B.3 sentence and Tabel 3.8 (2 programs, 3 kegiatan, 4 sub kegiatan). */
const budget = (claim: string) => `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2023

BAB III AKUNTABILITAS KINERJA

B.3 ANALISA PROGRAM - KEGIATAN - SUB KEGIATAN YANG MENDUKUNG SASARAN

${claim}

C. REALISASI ANGGARAN

Tabel 3.8
REALISASI ANGGARAN PER PROGRAM TAHUN 2023

NO.\tPROGRAM/KEGIATAN/SUB KEGIATAN\tPAGU\tREALISASI\t%
\tProgram : Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\t150.000.000\t135.000.000\t90,00%
1\tKegiatan : Administrasi Keuangan Perangkat Daerah\t100.000.000\t90.000.000\t90,00%
\tSub Kegiatan Penyediaan Gaji dan Tunjangan ASN\t60.000.000\t54.000.000\t90,00%
\tSub Kegiatan Pelaksanaan Penatausahaan Keuangan SKPD\t40.000.000\t36.000.000\t90,00%
2\tKegiatan : Administrasi Umum Perangkat Daerah\t50.000.000\t45.000.000\t90,00%
\tSub Kegiatan Penyediaan Peralatan Rumah Tangga\t50.000.000\t45.000.000\t90,00%
\tProgram : Penyelenggaraan Pemerintahan Dan Pelayanan Publik\t20.000.000\t18.000.000\t90,00%
1\tKegiatan : Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan\t20.000.000\t18.000.000\t90,00%
\tSub Kegiatan Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan\t20.000.000\t18.000.000\t90,00%
\tJUMLAH\t170.000.000\t153.000.000\t90,00%
`;

/** Tabel 3.1 with two sasaran and three indicators (one above, one at, one below target). */
const measurement = (claim: string) => `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2023

BAB III AKUNTABILITAS KINERJA

${claim}

Tabel 3.1
Pengukuran Realisasi Kinerja Tahun 2023

NO\tSASARAN STRATEGIS\tINDIKATOR SASARAN\tTARGET 2023\tREALISASI 2023\tCAPAIAN 2023
(1)\t(2)\t(3)\t(4)\t(5)\t(6)
1\tMeningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah\tPersentase Indikator Program yang tercapai\t100%\t100%\t100%
2\tMeningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik\tIndeks Kepuasan Masyarakat\t93\t83,28\t89,55%
\t\tPersentase Fasilitas Kesejahteraan masyarakat yang dilaksanakan\t80%\t100%\t125,00%
`;

const staff = (claim: string, jumlah: string) => staffTable(claim, jumlah);

/** An excerpt: a measurement table (lower-is-better indicators) and the sentence under it counting indicators below target. */
const reachText = (claim: string) => `Tabel 3.8
Analisis Pencapaian Sasaran Strategis 5
NO.\tIndikator Sasaran\tTarget 2019\tRealisasi 2019\tCapaian 2019
1.\tAngka Kematian Ibu per 100.000KH\t0,16\t0,19\t87,10
2.\tAngka Kematian Bayi per 1.000KH\t9,20\t9,53\t96,54
3.\tAngka Kematian Balita per 1.000KH\t0,64\t0,18\t72,52
Dari tabel di atas menunjukan bahwa dari 3 indikator sasaran, ${claim}.
`;

describe('count-claim', () => {
  ruleTester(
    countClaim,
    {
      valid: [
        { name: 'indicators below target counted by their target and realisasi (lower is better)', text: reachText('2 indikator sasaran belum mencapai target') },
        { name: 'counts agree with Tabel 3.8', text: budget('Dalam rangka mewujudkan tujuan dan sasaran pada tahun 2023 didukung 2 (dua) Program 3 (tiga) Kegiatan dan 4 (empat) Sub Kegiatan, dengan uraian sebagai berikut :') },
        { name: 'counts without a verb of support are not a claim about the budget', text: budget('Dari 5 program yang diusulkan, 2 kegiatan belum dapat dilaksanakan karena refocusing.') },
        { name: 'a sentence about one sasaran is not compared', text: budget('Program dan kegiatan yang dilaksanakan guna mendukung tercapainya Kinerja Sasaran 1 terdiri dari 1 (satu) program dan 1 (satu) Kegiatan sebagai berikut :') },
        { name: 'indicator and sasaran counts agree with Tabel 3.1', text: measurement('Jumlah tujuan dan sasaran yang ditetapkan sebanyak 1 (satu) Tujuan, 2 (dua) sasaran dan 3 (tiga) indikator sasaran. Berikut adalah capaian sasaran strategis pada tahun 2023') },
        { name: 'above target: one above, one at target (1–2 is consistent)', text: measurement('Dari uraian capaian indikator dapat disimpulkan bahwa sebanyak 2 (dua) indikator capaian diatas target.') },
        { name: 'staff total agrees with the Jumlah row, which is the column sum', text: staff('Kecamatan Contoh terdiri dari 14 ASN dan 12 Non ASN. Berikut perinciannya :', '26 Orang') },
        { name: 'a bracket that is not number words is no count\'s words', text: budget('Anggaran belanja tersebut dialokasikan untuk mendanai 2 (Dua) program dan 3 (Baik) kegiatan.') },
        { name: 'berjumlah N orang with a breakdown that adds up', text: staff('Sumberdaya Manusia Kecamatan Contoh berjumlah 14 (empat belas) orang dengan rincian 5 (Lima) pejabat struktural dan 9 (sembilan) pelaksana.', '26 Orang') },
      ],
      invalid: [
        {
          name: 'a count of indicators below target that their target and realisasi do not give',
          text: reachText('3 indikator sasaran belum mencapai target'),
          findings: [{ line: 7, reported: '3 indikator sasaran belum mencapai target', category: 'count_claim_mismatch', messageIncludes: '1 indikator mencapai target dan 2 belum' }],
        },
        {
          name: 'Kencong 2023 pattern: 11 kegiatan and 36 sub kegiatan claimed',
          text: budget('Dalam rangka mewujudkan tujuan dan sasaran pada tahun 2023 didukung 2 (Dua) Program 4 (Empat) Kegiatan dan 6 (enam) Sub Kegiatan, dengan uraian capaian sebagaimana tabel berikut :'),
          findings: [
            { line: 7, reported: '4 (Empat) Kegiatan', expected: '3 kegiatan (Tabel 3.8)', category: 'count_claim_mismatch', severity: 'error' },
            { line: 7, reported: '6 (enam) Sub Kegiatan', expected: '4 sub kegiatan (Tabel 3.8)' },
          ],
        },
        {
          name: 'digits and words disagree',
          text: budget('Anggaran belanja tersebut dialokasikan untuk mendanai 2 (lima) program dan 3 (tiga) kegiatan.'),
          findings: [{ line: 7, reported: '2 (lima)', expected: '2 = 2 / terbilang 5', severity: 'warning' }],
        },
        {
          name: 'number words printed before the digits',
          text: budget('Anggaran belanja tersebut dialokasikan untuk mendanai (lima) 2 program dan 3 (tiga) kegiatan.'),
          findings: [{ line: 7, reported: '(lima) 2', expected: '2 = 2 / terbilang 5', severity: 'warning' }],
        },
        {
          name: 'sasaran and indicator counts differ from Tabel 3.1',
          text: measurement('Jumlah tujuan dan sasaran yang ditetapkan sebanyak 1 Tujuan, 3 sasaran dan 4 indikator sasaran. Berikut adalah capaian sasaran strategis pada tahun 2023'),
          findings: [
            { line: 5, reported: '3 sasaran', expected: '2 sasaran (Tabel 3.1)', severity: 'warning' },
            { line: 5, reported: '4 indikator', expected: '3 indikator (Tabel 3.1)', severity: 'warning' },
          ],
        },
        {
          name: 'Bangsalsari pattern: more indicators "diatas target" than the table has',
          text: measurement('Dimana sebanyak 3 (tiga) indikator capaian diatas target yaitu dalam kategori Sangat Tinggi.'),
          findings: [{ line: 5, reported: '3 (tiga) indikator di atas target', expected: '1–2 indikator (Tabel 3.1: 1 di atas, 1 sama, 1 di bawah target)', severity: 'warning' }],
        },
        {
          name: 'the text total differs from the Jumlah row (whose own sum is the total-row rule\'s)',
          text: staff('Kecamatan Contoh terdiri dari 17 ASN dan 15 Non ASN. Berikut perinciannya :', '27 Orang'),
          findings: [{ line: 7, reported: '17 ASN + 15 Non ASN', expected: '27 orang (Tabel 1.3, baris Jumlah)', severity: 'warning' }],
        },
        {
          name: 'berjumlah N orang whose breakdown does not add up',
          text: staff('Sumberdaya Manusia Kecamatan Contoh berjumlah 17 orang dengan rincian 7 pejabat struktural dan 9 pelaksana.', '26 Orang'),
          findings: [{ line: 7, reported: '17 orang', expected: '16 orang (7 + 9)' }],
        },
      ],
    },
    it,
  );

  it('is taught new words by the vocabulary alone (countClaims.support, proseNumbers.countNouns)', () => {
    const text = budget('Pada tahun 2023 kecamatan menjalankan 2 (dua) Program 5 (lima) Aktivitas dan 4 (empat) Sub Kegiatan.');
    const run = (config: Config) => runRule(countClaim, text, 'kasus.txt', config);
    const base = loadConfig();
    // neither the verb nor the noun "aktivitas" is known: no claim about the budget
    expect(run(base)).toHaveLength(0);
    const v = base.vocabulary!;
    const taught: Config = {
      ...base,
      vocabulary: {
        ...v,
        countClaims: { ...v.countClaims!, support: [...v.countClaims!.support, 'menjalankan'] },
        proseNumbers: { ...v.proseNumbers!, countNouns: v.proseNumbers!.countNouns.map((n) => (n.noun === 'kegiatan' ? { ...n, words: [...n.words, 'aktivitas'] } : n)) },
      },
    };
    expect(run(taught).map((f) => `${f.reported} → ${exp(f)}`)).toEqual(['5 (lima) Kegiatan → 3 kegiatan (Tabel 3.8)']);
  });

  it('knows a sentence about one sasaran by the vocabulary (countClaims.sasaranWords, sasaranQualifiers)', () => {
    const text = budget('Guna mendukung Tujuan Strategis 1 dilaksanakan 1 (satu) program dan 1 (satu) Kegiatan sebagai berikut :');
    const run = (config: Config) => runRule(countClaim, text, 'kasus.txt', config);
    const base = loadConfig();
    // "Tujuan Strategis 1" is no sasaran label: the counts are compared with Tabel 3.8
    expect(run(base).map((f) => `${f.reported} → ${exp(f)}`).sort()).toEqual(['1 (satu) Kegiatan → 3 kegiatan (Tabel 3.8)', '1 (satu) Program → 2 program (Tabel 3.8)']);
    const v = base.vocabulary!;
    const taught: Config = { ...base, vocabulary: { ...v, countClaims: { ...v.countClaims!, sasaranWords: [...v.countClaims!.sasaranWords, 'tujuan'] } } };
    expect(run(taught)).toHaveLength(0);
  });

  const seed = (name: string) => runRule(countClaim, readFileSync(`fixtures/seeds/${name}`, 'utf8'), name);

  it('Kencong 2023: 11 kegiatan / 36 sub kegiatan against Tabel 3.8 (10 / 34)', () => {
    const f = seed('003_0f39aaca0575dd68.txt');
    const at637 = f.filter((x) => x.where.line === 637).map((x) => `${x.reported} → ${exp(x)}`);
    expect(at637).toEqual(['11 (Sebelas) Kegiatan → 10 kegiatan (Tabel 3.8)', '36 (tiga puluh enam) Sub Kegiatan → 34 sub kegiatan (Tabel 3.8)']);
    expect(f.some((x) => x.where.line === 863 && x.reported === '11 (Sebelas) Kegiatan')).toBe(true);
  });

  it('Balung 2023: 9 kegiatan / 18 sub kegiatan against Tabel 3.8 (10 / 19), Tabel 3.6 cited as the other table', () => {
    const f = seed('000_c0a7f8c5d5d194b0.txt').filter((x) => x.where.line === 591);
    expect(f.map((x) => `${x.reported} → ${exp(x)}`).sort()).toEqual(['18 (delapan belas) Sub Kegiatan → 19 sub kegiatan (Tabel 3.8)', '9 (sembilan) Kegiatan → 10 kegiatan (Tabel 3.8)']);
    expect(f[0]!.related.map((r) => r.note)).toContain('Tabel 3.6 (per_sasaran): 4 program, 9 kegiatan, 18 sub kegiatan');
    // "4 (empat) program dan 10 (sepuluh) kegiatan" (line 771) agrees with Tabel 3.8
    expect(seed('000_c0a7f8c5d5d194b0.txt').some((x) => x.where.line === 771)).toBe(false);
  });
});
