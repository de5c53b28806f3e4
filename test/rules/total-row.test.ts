import { describe, it } from 'vitest';
import { totalRow } from '../../src/audit/rules/total-row.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { staffTable } from '../helpers/snippets.js';

/** A Bab I staff table (Balung layout): a count column closed by a Jumlah row. */
const staff = (jumlah: string, fourth = '-') => staffTable('Kecamatan Contoh memiliki pegawai sebagai berikut.', jumlah, fourth);

/** A table of respondents with two count columns and a Jumlah row with an empty label cell. */
const respondents = (l: string, p: string) => `BAB I

PENDAHULUAN

Tabel 1.2
Responden survei per kelurahan

No\tKelurahan\tJumlah Laki-laki\tJumlah Perempuan
1\tKelurahan Satu\t10\t12
2\tKelurahan Dua\t8\t9
3\tKelurahan Tiga\t7\t6
\tJumlah\t${l}\t${p}
`;

/** A measurement table with a "Jumlah" row of percentages: no count, not summed. */
const capaianTotal = `BAB III AKUNTABILITAS KINERJA

Tabel 3.1
Pengukuran Kinerja Tahun 2023

No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian
1\tPersentase layanan administrasi tepat waktu\t100%\t95%\t95,00%
2\tPersentase pengaduan yang ditindaklanjuti\t100%\t90%\t90,00%
Jumlah\t\t200%\t185%\t180,00%
`;

describe('total-row', () => {
  ruleTester(
    totalRow,
    {
      valid: [
        { name: 'Jumlah row equals its column (a "-" cell counts as nothing)', text: staff('26 Orang') },
        { name: 'two count columns that add up, Jumlah in the second cell', text: respondents('25', '27') },
        { name: 'percentages in a Jumlah row are not summed', text: capaianTotal },
        { name: 'a column with another unit in one row is not compared', text: staff('27 Orang', '2 Kelompok') },
      ],
      invalid: [
        {
          name: 'Jumlah row differs from the sum of its column',
          text: staff('27 Orang'),
          findings: [{ line: 17, reported: '27 Orang', expected: '26 (jumlah 3 baris)', category: 'sum_mismatch', severity: 'warning', messageIncludes: 'Baris Jumlah Tabel 1.3 kolom "Jumlah"' }],
        },
        {
          name: 'one of two count columns does not add up',
          text: respondents('25', '28'),
          findings: [{ line: 12, reported: '28', expected: '27 (jumlah 3 baris)', category: 'sum_mismatch' }],
        },
      ],
    },
    it,
  );
});
