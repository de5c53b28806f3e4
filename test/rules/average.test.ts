import { describe, it } from 'vitest';
import { average } from '../../src/audit/rules/average.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { measurement } from '../helpers/snippets.js';
import { DIST, SCORES, survey } from '../helpers/survey.js';

const rows = [
  '1\tSasaran satu\tPersentase Indikator Program yang tercapai\t100%\t100%\t100%',
  '2\tSasaran dua\tIndeks Kepuasan Masyarakat\t93\t83,28\t89,55%',
  '3\tSasaran tiga\tPersentase Fasilitas Kesejahteraan masyarakat\t80%\t100%\t125,00%',
  '4\tSasaran empat\tPersentase Tingkat Penyelesaian Laporan\t100%\t100%\t100,00%',
];
const list = (avg: string) => `BAB III AKUNTABILITAS KINERJA

Indikator program di kecamatan tahun 2023, yaitu:

- Program Penunjang dengan indikator Persentase realisasi anggaran tercapai 76,91 %
- Program Penyelenggaraan Pemerintahan dengan indikator Terselenggarakannya Pemerintahan tercapai 100 %
- Program Pemberdayaan Masyarakat dengan indikator Cakupan Pemberdayaan tercapai 100 %

Sehingga rata rata % indikator program tahun 2023 adalah ${avg}
`;

describe('average', () => {
  ruleTester(
    average,
    {
      valid: [
        { name: 'plain mean (Balung 104%)', text: measurement(rows, '104%') },
        { name: 'capped mean', text: measurement(rows, '97,39%') },
        { name: 'text average over a list', text: list('92,30%') },
        { name: 'survey average row: the mean of the unsur scores', text: survey(DIST, SCORES, '70,8') },
      ],
      invalid: [
        { name: 'no convention gives it', text: measurement(rows, '100%'), findings: [{ line: 21, reported: '100%', expected: '103,64% (biasa) / 97,39% (batas 100%)', category: 'average_mismatch' }] },
        { name: 'Kencong: 93% over 76,91/100/100', text: list('93%'), findings: [{ line: 9, reported: '93%', expected: '92,30%' }] },
        // a mean of scores is a score (no "%"), as the scores are printed
        { name: 'survey average row that is not the mean of the scores', text: survey(DIST, SCORES, '65,3'), findings: [{ line: 20, reported: '65,3', expected: '70,83', category: 'average_mismatch' }] },
      ],
    },
    it,
  );
});
