import { describe, it } from 'vitest';
import { targetDrift } from '../../src/audit/rules/target-drift.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { measurement } from '../helpers/snippets.js';

const report = (pk: string, renstra2023: string) => `BAB II

Sasaran\tIndikator Sasaran\tTarget Kinerja Sasaran pada Tahun\t\t
\t\t2022\t2023\t2024
Meningkatnya Fasilitas Kesejahteraan\tPersentase Fasilitas Kesejahteraan masyarakat yang dilaksanakan\t80%\t${renstra2023}\t85%

D. PERJANJIAN KINERJA TAHUN 2023

NO.\tSASARAN STRATEGIS\tINDIKATOR KINERJA\tTARGET TAHUN 2023
3.\tMeningkatnya Fasilitas Kesejahteraan\tPersentase Fasilitas Kesejahteraan masyarakat yang dilaksanakan\t${pk}

${measurement(['3\tMeningkatnya Fasilitasi Kesejahteraan\tPersentase Fasilitasi Kesejahteraan masyarakat yang dilaksanakan\t80%\t100%\t125,00%'])}`;

describe('target-drift', () => {
  ruleTester(
    targetDrift,
    {
      valid: [
        { name: 'same target everywhere, Fasilitas/Fasilitasi matched', text: report('80%', '80%') },
        { name: 'printed with a space before %', text: report('80 %', '80%') },
      ],
      invalid: [
        { name: 'Balung 2023: 85 % in the Bab II PK', text: report('85 %', '80%'), findings: [{ line: 10, reported: '85 %', expected: '80%', category: 'target_drift', severity: 'error' }] },
        { name: 'unit differs: 80 vs 80%', text: report('80', '80%'), findings: [{ line: 10, reported: '80', expected: '80%', severity: 'warning' }] },
      ],
    },
    it,
  );
});
