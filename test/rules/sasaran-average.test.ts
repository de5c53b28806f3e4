import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sasaranAverage } from '../../src/audit/rules/sasaran-average.js';
import { runRule, ruleTester } from '../helpers/rule-tester.js';
import { exp } from '../helpers/expected.js';
import { berhasil } from '../helpers/verdict-snippets.js';

describe('sasaran-average', () => {
  ruleTester(
    sasaranAverage,
    {
      valid: [
        { name: 'the stated sasaran average is the mean of its indicators', text: berhasil('80 %', '80 %') },
        // an indicator whose capaian does not follow from its own row is the capaian rule's: no average is judged
        { name: 'an indicator capaian off its own row', text: berhasil('80 %', '75,95 %').replace('100%\t80 %\t80 %\n\t\t', '100%\t80 %\t85 %\n\t\t') },
      ],
      invalid: [
        {
          name: 'stated sasaran average 75,95 % while its indicators are 80 % and 80 % (Jelbuk 2021)',
          text: berhasil('80 %', '75,95 %'),
          findings: [{ line: 19, reported: '75,95 %', expected: '80,00% (Tabel 3.1 baris 14, 15)', severity: 'warning', category: 'average_mismatch' }],
        },
      ],
    },
    it,
  );

  it('Jelbuk 2021: the sasaran 2 average 75,95 % against Tabel 3.1 (80 %, 80 %)', () => {
    const f = 'fixtures/seeds/004_9ed3a231d27ded37.txt';
    const got = runRule(sasaranAverage, readFileSync(f, 'utf8'), f);
    expect(got.map((x) => `${x.where.line} ${x.reported} → ${exp(x)}`)).toEqual(['550 75,95 % → 80,00% (Tabel 3.1 baris 420, 421)']);
  });
});
