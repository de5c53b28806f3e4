import { describe, it } from 'vitest';
import { budgetPercentage } from '../../src/audit/rules/budget-percentage.js';
import { ruleTester } from '../helpers/rule-tester.js';

const t = (pct: string, sub: string) => `Tabel 3.8
REALISASI ANGGARAN

NO.\tPROGRAM/KEGIATAN/SUB KEGIATAN\tPAGU\tREALISASI\t%
\tProgram : Penunjang Urusan Pemerintahan Daerah\t32.040.500\t25.081.470\t${pct}
1\tKegiatan Koordinasi Upaya Penyelenggaraan Ketentraman\t44.000\t-\t${sub}
`;

describe('budget-percentage', () => {
  ruleTester(
    budgetPercentage,
    {
      valid: [
        { name: 'rounded to 2 decimals', text: t('78,28%', '0,00%') },
        { name: 'truncated to whole percent', text: t('78 %', '0,00%') },
      ],
      invalid: [
        { name: 'Jelbuk 2021 pattern: 70,45% for 78,28%', text: t('70,45%', '0,00%'), findings: [{ line: 5, reported: '70,45%', expected: '78,28%', category: 'percentage_mismatch' }] },
        { name: 'a dash realisation is zero, not 100%', text: t('78,28%', '100%'), findings: [{ line: 6, reported: '100%', expected: '0,00%' }] },
      ],
    },
    it,
  );
});
