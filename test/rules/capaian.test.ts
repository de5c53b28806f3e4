import { describe, it } from 'vitest';
import { capaian } from '../../src/audit/rules/capaian.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { measurement } from '../helpers/snippets.js';

const row = (target: string, real: string, cap: string) => `1\tMeningkatnya Kepuasan Masyarakat\tIndeks Kepuasan Masyarakat\t${target}\t${real}\t${cap}`;

describe('capaian', () => {
  ruleTester(
    capaian,
    {
      valid: [
        { name: 'rounded', text: measurement([row('93', '83,28', '89,55%')]) },
        { name: 'truncated (Kencong 93 / 91 = 102,19%)', text: measurement([row('91%', '93%', '102,19%')]) },
        { name: 'grades compared by their number', text: measurement([row('B (69)', 'A (85,44)', '124%')]) },
        { name: 'over 100% printed raw', text: measurement([row('80%', '100%', '125,00%')]) },
        {
          name: 'negative polarity: (target - (realisasi - target)) / target',
          text: measurement(['1\tMenurunnya kemiskinan\tPersentase penduduk miskin\t10%\t8%\t120,00%']),
        },
      ],
      invalid: [
        { name: 'capaian copied from the realisation (Jelbuk SKM)', text: measurement([row('B (85)', '86,44 %', '86,44 %')]), findings: [{ line: 17, reported: '86,44 %', expected: '101,69%', category: 'capaian_mismatch' }] },
        { name: 'wrong division', text: measurement([row('93', '83,28', '92,00%')]), findings: [{ line: 17, reported: '92,00%', expected: '89,55%' }] },
        {
          name: 'negative polarity computed as if positive',
          text: measurement(['1\tMenurunnya kemiskinan\tPersentase penduduk miskin\t10%\t8%\t80,00%']),
          findings: [{ line: 17, reported: '80,00%', expected: '120,00%' }],
        },
      ],
    },
    it,
  );
});
