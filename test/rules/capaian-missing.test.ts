import { describe, it } from 'vitest';
import { capaianMissing } from '../../src/audit/rules/capaian-missing.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { measurement } from '../helpers/snippets.js';

const row = (target: string, real: string, cap: string) => `1\tMeningkatnya Kepuasan Masyarakat\tIndeks Kepuasan Masyarakat\t${target}\t${real}\t${cap}`;

describe('capaian-missing', () => {
  ruleTester(
    capaianMissing,
    {
      valid: [
        { name: 'capaian printed', text: measurement([row('93', '83,28', '89,55%')]) },
        { name: 'realisasi not printed: nothing to compute from', text: measurement([row('93', '-', '-')]) },
        { name: 'target not printed', text: measurement([row('-', '83,28', '-')]) },
        { name: 'a target of zero: no capaian can be computed', text: measurement([row('0', '5', '-')]) },
        { name: 'a wrong capaian is the capaian rule\'s, not a missing value', text: measurement([row('93', '83,28', '92,00%')]) },
      ],
      invalid: [
        {
          name: 'target and realisasi printed, capaian "-"',
          text: measurement([row('93', '83,28', '-')]),
          findings: [{ line: 17, reported: '-', expected: 'capaian yang dihitung dari realisasi 83,28 dan target 93', category: 'missing_value', severity: 'warning' }],
        },
        {
          name: 'one finding per empty row, none for the filled one',
          text: measurement([row('93', '83,28', '89,55%'), row('0,79', '62', '–')]),
          findings: [{ line: 18, reported: '–', expected: 'capaian yang dihitung dari realisasi 62 dan target 0,79' }],
        },
      ],
    },
    it,
  );
});
