import { describe, it } from 'vitest';
import { predicate } from '../../src/audit/rules/predicate.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { SCALE } from '../helpers/snippets.js';

const text = (s: string) => `${SCALE}\n${s}\n`;
const table = (mark: string) => `${SCALE}
Tabel 3.5
Ikhtisar Capaian Kinerja

Sasaran/Indikator Sasaran\t% Capaian\tPredikat\t\t\t\t\t\t
\t\tSangat Memuaskan\tMemuaskan\tSangat Baik\tBaik\tCukup\tKurang\tSangat Kurang
Indikator 2.1 Indeks Kepuasan Masyarakat\t89,55%${mark}
`;

describe('predicate', () => {
  ruleTester(
    predicate,
    {
      valid: [
        { name: 'text: 89,55% tergolong Memuaskan', text: text('Hal ini dapat dilihat dengan capaian 89,55% tergolong Memuaskan.') },
        { name: 'text: the bound 90 belongs to the higher predicate', text: text('Hal ini dapat dilihat dengan capaian 90% tergolong Sangat Memuaskan.') },
        { name: 'table: check mark in the right column', text: table('\t\tV\t\t\t\t\t') },
        { name: 'a share that is not a capaian is not judged', text: text('sebanyak 64% unsur dalam kategori Sangat Baik.') },
      ],
      invalid: [
        {
          name: 'Balung 2023: 125% called memuaskan',
          text: text('menunjukkan predikat memuaskan yaitu mempunyai nilai capaian rata-rata 125%, lebih tinggi.'),
          findings: [{ line: 12, reported: 'memuaskan', expected: 'Sangat Memuaskan', category: 'predicate_mismatch' }],
        },
        { name: 'table: check mark in the wrong column', text: table('\tv\t\t\t\t\t\t'), findings: [{ line: 17, reported: 'Sangat Memuaskan', expected: 'Memuaskan' }] },
      ],
    },
    it,
  );
});
