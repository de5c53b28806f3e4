import { describe, expect, it } from 'vitest';
import { skmDistribution } from '../../src/audit/rules/skm-distribution.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';
import { DIST, SCORES, survey, withScore, type Row } from '../helpers/survey.js';

describe('skm-distribution', () => {
  ruleTester(
    skmDistribution,
    {
      valid: [
        { name: 'every distribution adds up to 100%', text: survey(DIST, SCORES, '70,8') },
        { name: 'within the configured 0,5 points', text: survey(DIST.map((r, i) => (i === 0 ? (['Persyaratan', '0%', '0,3%', '99,9%', '0%'] as Row) : r)), SCORES, '70,8') },
      ],
      invalid: [
        {
          name: 'a distribution that adds up to 90%',
          text: survey(DIST.map((r, i) => (i === 3 ? (['Kesopanan petugas', '10%', '10%', '70%', '0%'] as Row) : r)), withScore(3, ['60', 'Baik']), '69,6'),
          findings: [{ line: 9, reported: '90,0%', expected: '100%', category: 'sum_mismatch', messageIncludes: 'Tidak Baik 10%, Kurang Baik 10%, Baik 70%, Sangat Baik 0%' }],
        },
        {
          name: 'a table without a Total column: located at the row',
          text: survey(DIST.map((r, i) => (i === 0 ? (['Persyaratan', '0%', '0%', '90%', '0%'] as Row) : r)), SCORES, '70,8').replace(/\tTotal\n/, '\n').replace(/\t100%\n/g, '\n'),
          findings: [{ line: 6, reported: '90,0%', expected: '100%', category: 'sum_mismatch' }],
        },
      ],
    },
    it,
  );

  it('the finding stands on the Total cell when the table has one', () => {
    const got = runRule(skmDistribution, survey(DIST.map((r, i) => (i === 3 ? (['Kesopanan petugas', '10%', '10%', '70%', '0%'] as Row) : r)), SCORES, '70,8'));
    expect(got.map((f) => [f.where.row, f.where.column, f.where.col])).toEqual([['Kesopanan petugas', 'Total', 6]]);
  });
});
