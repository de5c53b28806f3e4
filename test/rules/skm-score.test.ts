import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { skmScore } from '../../src/audit/rules/skm-score.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';
import { exp } from '../helpers/expected.js';
import { DIST, SCORES, survey, withScore } from '../helpers/survey.js';

describe('skm-score', () => {
  ruleTester(
    skmScore,
    {
      valid: [
        { name: 'scores follow 25/50/75/100', text: survey(DIST, SCORES, '70,8') },
        { name: 'scores follow 1/2/3/4', text: survey(DIST, [['3', 'Baik'], ['4', 'Sangat baik'], ['1,9', 'Kurang baik'], ['2,7', 'Baik'], ['1,6', 'Tidak baik'], ['3,8', 'Sangat baik']], '2,83') },
        // a table whose scores follow no usual formula is not judged
        { name: 'no formula fits most rows', text: survey(DIST, [['7', 'Baik'], ['9', 'Sangat baik'], ['5', 'Kurang baik'], ['6', 'Baik'], ['4', 'Tidak baik'], ['8', 'Sangat baik']], '6,5') },
      ],
      invalid: [
        {
          name: 'Kejelasan alur scores 30, its distribution gives 40',
          text: survey(DIST, withScore(4, ['30', 'Kurang baik']), '69,1'),
          findings: [{ line: 18, reported: '30', expected: '40', category: 'average_mismatch', messageIncludes: 'cocok untuk 5 dari 6 unsur' }],
        },
      ],
    },
    it,
  );

  it('Jelbuk 2021 (seed 004): two scores off the 25/50/75/100 formula', () => {
    const f = 'fixtures/seeds/004_9ed3a231d27ded37.txt';
    const got = runRule(skmScore, readFileSync(f, 'utf8'), f);
    expect(got.map((x) => [x.where.line, x.category, x.reported, exp(x)])).toEqual([
      [497, 'average_mismatch', '30', '40'],
      [500, 'average_mismatch', '62,5', '67,5'],
    ]);
    expect(got[0]!.message.id).toContain('bobot Tidak Baik 25, Kurang Baik 50, Baik 75, Sangat Baik 100');
  });
});
