import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verdict } from '../../src/audit/rules/verdict.js';
import { loadConfig } from '../../src/cli/config.js';
import type { Config } from '../../src/model/config.js';
import { runRule, ruleTester } from '../helpers/rule-tester.js';
import { measurement } from '../helpers/snippets.js';
import { exp } from '../helpers/expected.js';
import { berhasil, ROWS, serapan } from '../helpers/verdict-snippets.js';

/** Measurement table with a 104% average row, then a sentence about it (Balung 2023 layout). */
const averageSentence = (label: string) => `${measurement(ROWS, '104%')}
Sumber Data : Hasil Pengukuran Kinerja

Dari tabel diatas terlihat bahwa capaian (empat) 4 indikator sasaran Kecamatan Contoh rata rata masuk dalam kategori *${label}*. Dengan demikian maka secara umum tugas pokok telah dilaksanakan.
`;

const efficiency = (row2: string, claim: string) => `${measurement(ROWS)}
Tabel 3.7
Efisiensi Penggunaan Sumber Daya

Sasaran\t% Capaian Kinerja\t% Serapan Anggaran\tTingkat Efisiensi
Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah\t100 %\t92,74 %\tEfisien
Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik\t${row2}

Sumberdaya Manusia Kecamatan Contoh berjumlah 17 orang.

BAB IV PENUTUP

Realisasi Penyerapan Anggaran tahun 2023 sebesar Rp. 3.675.452.192,- (94,29%), sedangkan hasil evaluasi efisiensi menunjukkan ${claim} dari perbandingan antara capaian kinerja dan capaian penyerapan anggaran.
`;

const conclusion = (label: string) => `${measurement(ROWS, '104%')}
BAB IV PENUTUP

Dari hasil evaluasi terhadap kinerja Kecamatan Contoh dapat disimpulkan bahwa sasaran-sasaran pada tiap-tiap tujuan yang ditetapkan pada Rencana Strategis (Renstra) dikategorikan (**${label}**) karena dari 4 (empat) indikator rata-rata pencapaiannya dalam kategori sangat memuaskan.
`;

const categoryCounts = (last: string) => `${measurement(ROWS)}
BAB IV PENUTUP

Dari uraian capaian indikator dapat disimpulkan bahwa target telah dilaksanakan dengan baik, dimana 3 (tiga) Indikator Capaiannya dalam kategori Sangat Memuaskan, 1 (satu) indikator capaian dalam kategori ${last}.
`;

describe('verdict', () => {
  ruleTester(
    verdict,
    {
      valid: [
        { name: 'average sentence with the right category', text: averageSentence('sangat memuaskan') },
        { name: 'efficiency verdicts follow capaian ≥ serapan (Kencong 2023: 92,37 vs 99,10 is Tidak Efisien)', text: efficiency('92,37\t99,10\tTidak Efisien', '(ada) efisiensi') },
        { name: 'conclusion category matches the average', text: conclusion('Sangat Memuaskan') },
        { name: 'a % serapan that differs from the programme is not a verdict', text: serapan('92,74 %') },
        { name: 'Berhasil for an average in the Baik band that the table reproduces', text: berhasil('80 %', '80 %') },
        { name: 'Berhasil for an average in the Baik band that the table does not reproduce (the average is sasaran-average\'s)', text: berhasil('80 %', '75,95 %') },
        { name: 'indicator counts per category agree with the table', text: categoryCounts('Memuaskan') },
      ],
      invalid: [
        {
          name: 'average 104% called memuaskan in a sentence without a percentage (Balung 2023)',
          text: averageSentence('memuaskan'),
          findings: [{ line: 25, reported: 'memuaskan', expected: 'Sangat Memuaskan (rata-rata 104%, Tabel 3.1 baris 21)', severity: 'error', category: 'predicate_mismatch' }],
        },
        {
          name: 'a row called Efisien with capaian below serapan (Balung 2023: 89,55 vs 99,85%)',
          text: efficiency('89,55\t99,85%\tEfisien', '(ada) efisiensi'),
          findings: [{ line: 28, reported: 'Efisien', expected: 'Tidak Efisien', severity: 'error' }],
        },
        {
          name: 'summary says there is no efficiency while the table has efficient rows (Kencong 2023)',
          text: efficiency('92,37\t99,10\tTidak Efisien', 'tidak ada efisiensi'),
          findings: [{ line: 34, reported: 'tidak ada efisiensi', severity: 'warning', messageIncludes: '1 dari 2 sasaran efisien' }],
        },
        {
          name: 'conclusion dikategorikan (Baik) while the average is Sangat Memuaskan (Balung 2023)',
          text: conclusion('Baik'),
          findings: [{ line: 25, reported: 'Baik', expected: 'Sangat Memuaskan (rata-rata capaian 104%, Tabel 3.1 baris 21)' }],
        },
        // the % serapan against the programme and the sasaran average are sasaran-serapan's and sasaran-average's
        {
          name: 'indicator counts per category disagree with the table (Bangsalsari 2024 / Kencong 2023 pattern)',
          text: categoryCounts('Sangat Baik'),
          findings: [{ line: 25, reported: '3 indikator Sangat Memuaskan, 1 indikator Sangat Baik', severity: 'error', messageIncludes: '1 indikator Memuaskan, 0 indikator Sangat Baik' }],
        },
        {
          name: 'Berhasil for an average in the lowest band',
          text: berhasil('40 %', '40 %'),
          findings: [{ line: 19, reported: 'Berhasil', severity: 'error', messageIncludes: 'KURANG' }],
        },
      ],
    },
    it,
  );

  it('reads "(tidak) ada efisiensi" by the vocabulary alone (verdictClaims.efficiency)', () => {
    const text = efficiency('92,37\t99,10\tTidak Efisien', 'tidak terdapat efisiensi');
    const run = (config: Config) => runRule(verdict, text, 'kasus.txt', config).map((f) => f.reported);
    const base = loadConfig();
    // "terdapat" is not a word of the claim: nothing is said
    expect(run(base)).toEqual([]);
    const v = base.vocabulary!;
    const e = v.verdictClaims!.efficiency;
    const taught: Config = { ...base, vocabulary: { ...v, verdictClaims: { ...v.verdictClaims!, efficiency: { ...e, some: [...e.some, 'terdapat'] } } } };
    expect(run(taught)).toEqual(['tidak terdapat efisiensi']);
  });

  const seed = (name: string) => runRule(verdict, readFileSync(`fixtures/seeds/${name}`, 'utf8'), `fixtures/seeds/${name}`);

  it('Balung 2023: memuaskan under the 104% table, Tabel 3.7 Efisien at 89,55 vs 99,85%, the conclusion\'s (Baik)', () => {
    const f = seed('000_c0a7f8c5d5d194b0.txt');
    expect(exp(f.find((x) => x.where.line === 426))).toContain('Sangat Memuaskan');
    expect(exp(f.find((x) => x.where.line === 746))).toBe('Tidak Efisien');
    expect(f.find((x) => x.where.line === 825)?.reported).toBe('Baik');
  });

  it('Bangsalsari 2024: "4 Sangat Tinggi, 2 Tinggi" while Tabel 3.2 gives five Sangat Tinggi and one unreadable', () => {
    const f = seed('001_52d9b2e308fc893f.txt').find((x) => x.where.line === 99);
    expect(f?.reported).toBe('4 indikator Sangat Tinggi, 2 indikator Tinggi');
    expect(exp(f)).toContain('5 indikator Sangat Tinggi, 0 indikator Tinggi');
  });

  it('Jelbuk 2021: no verdict in words contradicts the figures', () => {
    expect(seed('004_9ed3a231d27ded37.txt')).toEqual([]);
  });

  it('Kencong 2023: Tabel 3.7 "Tidak Efisien" for 92,37 vs 99,10 is right and not reported', () => {
    const f = seed('003_0f39aaca0575dd68.txt');
    expect(f.some((x) => x.where.line === 824)).toBe(false);
    expect(f.find((x) => x.where.line === 939)?.reported).toBe('tidak ada efisiensi');
  });
});
