import { describe, it } from 'vitest';
import { unreadableValue } from '../../src/audit/rules/unreadable-value.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pk = (target: string) => `D. PERJANJIAN KINERJA TAHUN 2023

NO.\tSASARAN STRATEGIS\tINDIKATOR KINERJA\tTARGET TAHUN 2023
1.\tMeningkatnya Kualitas Pelaporan Kinerja\tPersentase PD yang menyusun laporan kinerja sesuai pedoman\t${target}
`;

describe('unreadable-value', () => {
  ruleTester(
    unreadableValue,
    {
      valid: [
        { name: 'a plain target', text: pk('100%') },
        { name: 'an empty target is empty, not unreadable', text: pk('-') },
      ],
      invalid: [
        { name: 'several values in one cell that cannot be split (Jelbuk PK Perubahan)', text: pk('100% 100% 10%'), findings: [{ line: 4, reported: '100% 100% 10%', category: 'unreadable_value', severity: 'warning' }] },
        { name: 'inconsistent separators', text: pk('1.2.3,4,5'), findings: [{ line: 4, reported: '1.2.3,4,5' }] },
      ],
    },
    it,
  );
});
