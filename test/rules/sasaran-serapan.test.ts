import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sasaranSerapan } from '../../src/audit/rules/sasaran-serapan.js';
import { runRule, ruleTester } from '../helpers/rule-tester.js';
import { exp } from '../helpers/expected.js';
import { serapan } from '../helpers/verdict-snippets.js';

describe('sasaran-serapan', () => {
  ruleTester(
    sasaranSerapan,
    {
      valid: [{ name: 'efficiency % serapan equals the programme realisation %', text: serapan('90,00%') }],
      invalid: [
        {
          name: 'efficiency % serapan differs from the programme realisation % (Balung 2023: 92,74 % vs 92,73%)',
          text: serapan('92,74 %'),
          findings: [{ line: 39, reported: '92,74 %', severity: 'warning', category: 'cross_table_mismatch', messageIncludes: '90,00%' }],
        },
      ],
    },
    it,
  );

  it('Balung 2023: Tabel 3.7 sasaran 1 at 92,74 % while its programme is 92,73%', () => {
    const f = 'fixtures/seeds/000_c0a7f8c5d5d194b0.txt';
    const got = runRule(sasaranSerapan, readFileSync(f, 'utf8'), f);
    expect(got.map((x) => [x.where.line, x.reported, x.severity])).toEqual([[745, '92,74 %', 'warning']]);
    expect(exp(got[0])).toContain('92,73%');
  });
});
