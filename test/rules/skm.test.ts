import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { skm } from '../../src/audit/rules/skm.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';
import { exp } from '../helpers/expected.js';

type Row = [string, string, string, string, string];
const DIST: Row[] = [
  ['Persyaratan', '0%', '0%', '100%', '0%'],
  ['Biaya lain (pungutan)', '0%', '0%', '0%', '100%'],
  ['Kemampuan memberikan pelayanan', '10%', '90%', '0', '0%'],
  ['Kesopanan petugas', '10%', '10%', '80%', '0%'],
  ['Kejelasan alur pembagian petugas pelayanan', '80%', '0%', '0%', '20%'],
  ['Keamanan', '0%', '10%', '0%', '90%'],
];
const SCORES: [string, string][] = [
  ['75', 'Baik'],
  ['100', 'Sangat baik'],
  ['47,5', 'Kurang baik'],
  ['67,5', 'Baik'],
  ['40', 'Tidak baik'],
  ['95', 'Sangat baik'],
];
const survey = (dist: Row[], scores: [string, string][], avg: string) => `BAB III AKUNTABILITAS KINERJA

Hasil Survey Kepuasan Masyarakat Bidang Pelayanan umum

NO\tUNSUR\tTidak Baik\tKurang Baik\tBaik\tSangat Baik\tTotal
${dist.map((r, i) => `${i + 1}\t${r.join('\t')}\t100%`).join('\n')}

NO\tUNSUR\tSKOR\tPREDIKAT
${scores.map(([s, p], i) => `${i + 1}\t${dist[i]![0]}\t${s}\t${p}`).join('\n')}
Rata-rata unsur pelayanan\t\t${avg}\tbaik
`;
const withScore = (i: number, s: [string, string]) => SCORES.map((x, j) => (j === i ? s : x));

describe('skm', () => {
  ruleTester(
    skm,
    {
      valid: [{ name: 'scores follow 25/50/75/100, predikat in order, average right', text: survey(DIST, SCORES, '70,8') }],
      invalid: [
        {
          name: 'Kejelasan alur scores 30 and is called Sangat baik (Jelbuk 2021)',
          text: survey(DIST, withScore(4, ['30', 'Sangat baik']), '69,1'),
          findings: [
            { line: 18, reported: '30 Sangat baik', expected: 'paling tinggi "Kurang Baik"', category: 'predicate_mismatch' },
            { line: 18, reported: '30', expected: '40', category: 'average_mismatch' },
          ],
        },
        {
          name: 'distribution that does not add up to 100%',
          text: survey(DIST.map((r, i) => (i === 3 ? (['Kesopanan petugas', '10%', '10%', '70%', '0%'] as Row) : r)), withScore(3, ['60', 'Baik']), '69,6'),
          findings: [{ line: 9, reported: '90,0%', expected: '100%', category: 'sum_mismatch' }],
        },
        {
          name: 'average that is not the mean of the scores',
          text: survey(DIST, SCORES, '65,3'),
          findings: [{ line: 20, reported: '65,3', expected: '70,83', category: 'average_mismatch' }],
        },
      ],
    },
    it,
  );

  it('Jelbuk 2021 (seed 004): Kejelasan alur 30 "Sangat baik", and the scores off the 25/50/75/100 formula', () => {
    const f = 'fixtures/seeds/004_9ed3a231d27ded37.txt';
    const got = runRule(skm, readFileSync(f, 'utf8'), f);
    expect(got.map((x) => [x.where.line, x.category, x.reported, exp(x)])).toEqual([
      [491, 'predicate_mismatch', '100 baik', 'Sangat Baik'],
      [497, 'predicate_mismatch', '30 Sangat baik', 'paling tinggi "Baik"'],
      [497, 'average_mismatch', '30', '40'],
      [498, 'predicate_mismatch', '40 Sangat baik', 'paling tinggi "Baik"'],
      [500, 'average_mismatch', '62,5', '67,5'],
    ]);
    expect(got.find((x) => x.reported === '30')!.message.id).toContain('bobot Tidak Baik 25, Kurang Baik 50, Baik 75, Sangat Baik 100');
  });
});
