import { describe, it } from 'vitest';
import { budgetSum } from '../../src/audit/rules/budget-sum.js';
import { ruleTester } from '../helpers/rule-tester.js';

const table = (progReal: string, kegPagu: string, total: string) => `BAB III AKUNTABILITAS KINERJA

Tabel 3.8
REALISASI ANGGARAN PER PROGRAM TAHUN 2023

NO.\tPROGRAM/KEGIATAN/SUB KEGIATAN\tPAGU\tREALISASI\t%
\tProgram : Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\t150.000.000\t${progReal}\t90,00%
1\tKegiatan : Administrasi Keuangan Perangkat Daerah\t${kegPagu}\t90.000.000\t90,00%
\tSub Kegiatan Penyediaan Gaji dan Tunjangan ASN\t60.000.000\t54.000.000\t90,00%
\tSub Kegiatan Pelaksanaan Penatausahaan Keuangan SKPD\t40.000.000\t36.000.000\t90,00%
2\tKegiatan : Administrasi Umum Perangkat Daerah\t50.000.000\t45.000.000\t90,00%
\tSub Kegiatan Penyediaan Peralatan Rumah Tangga\t50.000.000\t45.000.000\t90,00%
\tJUMLAH\t${total}\t135.000.000\t90,00%
`;

describe('budget-sum', () => {
  ruleTester(
    budgetSum,
    {
      valid: [{ name: 'sums agree at every level', text: table('135.000.000', '100.000.000', '150.000.000') }],
      invalid: [
        {
          name: 'program realisation off by one million (Balung 2023 pattern)',
          text: table('136.000.000', '100.000.000', '150.000.000'),
          // the program row is off from its kegiatan, and the total row (right) is then off from the printed programs
          findings: [
            { line: 7, reported: '136.000.000', expected: '135.000.000', category: 'sum_mismatch' },
            { line: 13, reported: '135.000.000', expected: '136.000.000', category: 'sum_mismatch' },
          ],
        },
        {
          name: 'kegiatan pagu differs from its sub kegiatan, and the program from its kegiatan',
          text: table('135.000.000', '110.000.000', '150.000.000'),
          findings: [
            { line: 7, reported: '150.000.000', expected: '160.000.000' },
            { line: 8, reported: '110.000.000', expected: '100.000.000' },
          ],
        },
        {
          name: 'grand total differs from the programs',
          text: table('135.000.000', '100.000.000', '151.000.000'),
          findings: [{ line: 13, reported: '151.000.000', expected: '150.000.000' }],
        },
      ],
    },
    it,
  );
});
