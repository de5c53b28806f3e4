import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trendClaim } from '../../src/audit/rules/trend-claim.js';
import { loadConfig } from '../../src/cli/config.js';
import type { Config } from '../../src/model/config.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';
import { exp } from '../helpers/expected.js';

/** Bangsalsari 2024 layout: Tabel 3.3 with realisation per year, then one paragraph per sasaran. */
const bangsalsari = (ikm: [string, string, string], claimIkm: string, claimProg: string) => `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2024

BAB III AKUNTABILITAS KINERJA

Tabel 3.3
Perbandingan Capaian kinerja Sasaran tahun 2024 dengan tahun sebelumnya

Sasaran Strategis\tIndikator Sasaran\tRealisasi\t\t\t
\t\t2021\t2022\t2023\t2024
Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah\tPersentase Indikator Program yang tercapai\t-\t94,80%\t93,67%\t96%
Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan\tIndeks Kepuasan Masyarakat\t-\t${ikm[0]}\t${ikm[1]}\t${ikm[2]}

Perbandingan capaian kinerja sasaran tahun 2024 dengan tahun sebelumnya sebagai berikut:

Sasaran Strategis 1 : Meningkatkan Efektifitas Pencapaian Target Kinerja Perangkat Daerah

Berdasarkan data tabel 3.3, menunjukkan ${claimProg} realisasi sejak kurun waktu tahun 2021 s.d 2024.

Sasaran Strategis 2 : Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan

Berdasarkan data tabel 3.3, menunjukkan ${claimIkm} realisasi sejak kurun waktu tahun 2021 s.d 2024
`;

/** An excerpt in another region's layout: a sentence introducing the table below it, capaian per year (flattened upper header). */
const everyYear = (row1: string, row2: string) => `B. Evaluasi dan Analisis Capaian Kinerja
Capaian indikator kinerja sasaran ini relatif stabil dan mengalami kenaikan setiap tahunnya hal ini dapat dilihat pada tabel di bawah ini:
Tabel.
Perkembangan Capaian Indikator Sasaran Strategis
No. Indikator Kinerja Capaian (%)
\t\t2015\t2016\t2017\t2018
1\tRata-rata lama kunjungan wisatawan\t${row1}
2\tJumlah Wisatawan\t${row2}
`;

/** Kencong/Balung 2023 layout: Tabel 3.2 with targets and realisations 2021–2023, "sama dengan tahun sebelumnya". */
const kencong = (real2022: string, claim: string) => `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2023

BAB III AKUNTABILITAS KINERJA

Tabel 3.2
Perbandingan Capaian kinerja Sasaran tahun 2023 dengan tahun sebelumnya

SASARAN STRATEGIS\tINDIKATOR SASARAN\tTARGET\t\t\tREALISASI\t\t
\t\t2021\t2022\t2023\t2021\t2022\t2023
(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)\t(8)
Meningkatnya efektifitas pencapaian target kinerja Perangkat Daerah\tPersentase Indikator Program yang tercapai\t-\t90%\t91%\t-\t${real2022}\t93%
Meningkatnya kepuasan Masyarakat dalam hal pelayanan public yang merata dan berkualitas di Kecamatan\tIndeks Kepuasan Masyarakat\t-\t91\t91,5\t-\t91\t84,52

Dari tabel 3.1 s/d 3.4, perbandingan capaian kinerja sasaran tahun 2023 dengan tahun sebelumnya dapat dijelaskan sebagai berikut:

Sasaran Strategis 1 : Meningkatnya efektifitas pencapaian target kinerja Perangkat Daerah

Sehingga rata rata % indikator program tahun 2023 adalah 93%

${claim}

Sasaran Strategis 2 : Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan.

Hasil evaluasi kinerja terhadap sasaran ini menunjukkan predikat memuaskan. Berdasarkan tabel 3.2 dapat disimpulkan bahwa Capaian kinerja tahun 2023 lebih rendah dari tahun sebelumnya,
`;

/** Tabel 3.1 and the Bab III paragraph of one sasaran ("sesuai target" while 95 < 100). */
const target = (real: string, claim: string) => `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2023

BAB III AKUNTABILITAS KINERJA

Tabel 3.1
Pengukuran Realisasi Kinerja Tahun 2023

NO.\tSASARAN STRATEGIS\tINDIKATOR SASARAN\tTARGET 2023\tREALISASI 2023\tCAPAIAN 2023
(1)\t(2)\t(3)\t(4)\t(5)\t(6)
1\tMeningkatnya efektifitas pencapaian target kinerja Perangkat Daerah\tPersentase Indikator Program yang tercapai\t91%\t93%\t102,19%
2\tTerjaganya Ketertiban umum dan Ketentraman Masyarakat di Kecamatan\tPersentase Tingkat penyelesaian Laporan dan pelanggaran ketertiban umum\t100%\t${real}\t${real}

Sasaran Strategis 4 : Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan.

Hasil evaluasi kinerja terhadap sasaran ini menunjukkan predikat memuaskan yaitu mempunyai nilai capaian rata-rata ${real}, ${claim} yang ditetapkan dalam Rencana Strategis.
`;

describe('trend-claim', () => {
  ruleTester(
    trendClaim,
    {
      valid: [
        { name: 'kenaikan setiap tahunnya over rising rows of the table below', text: everyYear('120\t130\t140\t150', '400\t420\t450\t500') },
        {
          name: 'tren peningkatan over a rising series, tren penurunan over a falling one',
          text: bangsalsari(['82,27%', '83,08%', '84,02%'], 'tren peningkatan', 'tren kenaikan').replace('94,80%\t93,67%\t96%', '93,00%\t93,67%\t96%'),
        },
        {
          name: 'sama dengan tahun sebelumnya over equal values; lebih rendah over a lower value',
          text: kencong('93%', 'Capaian kinerja sasaran tahun 2023 menunjukkan capaian yang sangat memuaskan yaitu 93% sama dengan tahun sebelumnya.'),
        },
        {
          name: 'a printed value that is not the row value (Balung 104%) is not tied to the table',
          text: kencong('100%', 'Capaian kinerja sasaran tahun 2023 menunjukkan capaian yang sangat memuaskan yaitu 104% sama dengan tahun sebelumnya.'),
        },
        { name: 'capaian 100% "sesuai target"', text: target('100%', 'sesuai target capaian') },
        { name: 'capaian 95% "di bawah target"', text: target('95%', 'masih di bawah target capaian') },
        {
          name: 'a sentence that prints both values compares them itself',
          text: kencong('93%', 'Capaian PBB 88,17%, lebih tinggi dari tahun sebelumnya dengan capaian 84%.'),
        },
      ],
      invalid: [
        {
          name: 'kenaikan setiap tahunnya while the rows of the table below fall (and one stays level)',
          text: everyYear('150\t150\t100\t100', '524.94\t525.28\t504\t413.064'),
          findings: [{ line: 2, reported: 'kenaikan setiap tahunnya', category: 'trend_claim_mismatch', messageIncludes: 'tidak naik setiap tahun' }],
        },
        {
          name: 'Bangsalsari 2024: tren penurunan over 94,80 → 93,67 → 96 and tren peningkatan over 82,27 → 85,08 → 84,02',
          text: bangsalsari(['82.27%', '85,08%', '84.02%'], 'tren peningkatan', 'tren penurunan'),
          findings: [
            { line: 17, reported: 'tren penurunan', expected: '94,80% → 93,67% → 96%: tidak turun terus (naik 2023→2024)', category: 'trend_claim_mismatch', severity: 'error' },
            { line: 21, reported: 'tren peningkatan', expected: '82.27% → 85,08% → 84.02%: tidak naik terus (turun 2023→2024)', severity: 'error' },
          ],
        },
        {
          name: 'tren peningkatan over a flat series is a warning',
          text: bangsalsari(['84%', '84%', '84%'], 'tren peningkatan', 'tren kenaikan').replace('94,80%\t93,67%\t96%', '93,00%\t93,67%\t96%'),
          findings: [{ line: 21, reported: 'tren peningkatan', expected: '84% → 84% → 84%: nilainya tetap, tidak naik', severity: 'warning' }],
        },
        {
          name: 'Kencong 2023: 93% "sama dengan tahun sebelumnya" while 2022 was 91%',
          text: kencong('91%', 'Capaian kinerja sasaran tahun 2023 menunjukkan capaian yang sangat memuaskan yaitu 93% sama dengan tahun sebelumnya, semua ini berkat kerja sama yang baik.'),
          findings: [{ line: 20, reported: '93% sama dengan tahun sebelumnya', expected: '2022: 91%, 2023: 93%: berbeda' }],
        },
        {
          name: 'Kencong 2023 pattern: "sesuai target" while realisasi 95% < target 100%',
          text: target('95%', 'sesuai target capaian'),
          findings: [{ line: 15, reported: 'sesuai target', expected: 'di bawah target (Tabel 3.1: target 100%, realisasi 95%, capaian 95%)', severity: 'error' }],
        },
        {
          name: '"lebih tinggi dari tahun sebelumnya" over a lower value',
          text: kencong('93%', 'Capaian kinerja tahun 2023 pada sasaran ini 93%.').replace('lebih rendah dari tahun sebelumnya', 'lebih tinggi dari tahun sebelumnya'),
          findings: [{ line: 24, reported: 'lebih tinggi dari tahun sebelumnya', expected: '2022: 91, 2023: 84,52: turun' }],
        },
      ],
    },
    it,
  );

  it('a claim about several indicators is no claim about one result (a count of indicators, trendClaims.severalAbove)', () => {
    const run = (claim: string, config = loadConfig()) => runRule(trendClaim, target('95%', claim), 'kasus.txt', config).map((f) => f.reported);
    expect(run('sesuai target capaian')).toHaveLength(1);
    // "2 (dua) indikator": a count the prose facts read
    expect(run('dari 2 (dua) indikator sesuai target capaian')).toEqual([]);
    const base = loadConfig();
    const v = base.vocabulary!;
    const taught: Config = { ...base, vocabulary: { ...v, trendClaims: { ...v.trendClaims!, severalAbove: [...v.trendClaims!.severalAbove, 'seluruh indikator'] } } };
    expect(run('seluruh indikator sesuai target capaian')).toHaveLength(1);
    expect(run('seluruh indikator sesuai target capaian', taught)).toEqual([]);
  });

  it('is taught a new trend word by the vocabulary alone (trendClaims.trend)', () => {
    const text = bangsalsari(['82.27%', '85,08%', '84.02%'], 'kecenderungan peningkatan', 'kecenderungan penurunan');
    const run = (config: Config) => runRule(trendClaim, text, 'kasus.txt', config);
    const base = loadConfig();
    expect(run(base)).toHaveLength(0);
    const v = base.vocabulary!;
    const taught: Config = { ...base, vocabulary: { ...v, trendClaims: { ...v.trendClaims!, trend: [...v.trendClaims!.trend, 'kecenderungan'] } } };
    expect(run(taught).map((f) => `${f.where.line}: ${f.reported}`)).toEqual(['17: kecenderungan penurunan', '21: kecenderungan peningkatan']);
  });

  it('finds the Bangsalsari 2024 Tabel 3.3 trend claims in the seed (Ikhtisar and Bab III)', () => {
    const f = runRule(trendClaim, readFileSync('fixtures/seeds/001_52d9b2e308fc893f.txt', 'utf8'), '001_52d9b2e308fc893f.txt');
    const at = (line: number) => f.find((x) => x.where.line === line);
    for (const line of [77, 627]) {
      expect(at(line)?.reported).toBe('tren penurunan');
      expect(exp(at(line))).toBe('94,80% → 93,67% → 96%: tidak turun terus (naik 2023→2024)');
    }
    for (const line of [81, 631]) {
      expect(at(line)?.reported).toBe('tren peningkatan');
      expect(exp(at(line))).toBe('82.27% → 85,08% → 84.02%: tidak naik terus (turun 2023→2024)');
      expect(at(line)?.related.map((r) => r.line)).toEqual([611, 611, 611]);
    }
    // Nilai SAKIP C (30,46) → BB (71,05) → A (85,44) does rise: no finding
    expect(at(647)).toBeUndefined();
  });

  it('finds Kencong 2023 "93% sama dengan tahun sebelumnya" and not Balung 2023 "104%"', () => {
    const k = runRule(trendClaim, readFileSync('fixtures/seeds/003_0f39aaca0575dd68.txt', 'utf8'), '003.txt');
    expect(k.map((x) => `${x.where.line}: ${x.reported} → ${exp(x)}`)).toEqual([
      '523: 93% sama dengan tahun sebelumnya → 2022: 91%, 2023: 93%: berbeda',
      '625: sesuai target → di bawah target (Tabel 3.1: target 100%, realisasi 95%, capaian 95%)',
    ]);
    const b = runRule(trendClaim, readFileSync('fixtures/seeds/000_c0a7f8c5d5d194b0.txt', 'utf8'), '000.txt');
    expect(b).toEqual([]);
  });
});
