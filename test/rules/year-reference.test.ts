import { describe, it } from 'vitest';
import { yearReference } from '../../src/audit/rules/year-reference.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pengantar = (year: number, ...lines: string[]) => ['LAPORAN KINERJA', 'KECAMATAN PILANGKENCENG', `TAHUN ${year}`, '', 'KATA PENGANTAR', ...lines, ''].join('\n');

describe('year-reference', () => {
  ruleTester(
    yearReference,
    {
      valid: [
        { name: 'a plan labelled with its base year, counted from the year after (Kebonsari)', text: pengantar(2021, 'Laporan Kinerja ini merupakan tahun ke-3 pelaksanaan Rencana Strategis Kecamatan Kebonsari Tahun 2018- 2023.') },
        { name: 'the same plan counted from its first printed year', text: pengantar(2021, 'Laporan Kinerja ini merupakan tahun keempat pelaksanaan Rencana Strategis Kecamatan Kebonsari Tahun 2018-2023.') },
        { name: 'a five-year label counted from its first year', text: pengantar(2022, 'Tahun 2022 merupakan tahun keempat pelaksanaan RPJMD Kabupaten Madiun Tahun 2019-2023.') },
        { name: 'a forward-looking clause naming the next year', text: pengantar(2018, 'Keberhasilan pada tahun 2018 akan menjadi tolok ukur untuk peningkatan kinerja di tahun 2019.') },
        { name: 'a plan year the report does not date ("tahun ketiga" of a programme)', text: pengantar(2022, 'Program ini memasuki tahun ketiga pelaksanaan Rencana Strategis Tahun 2018-2023.') },
      ],
      invalid: [
        {
          name: 'a year count that fits neither convention (Pilangkenceng), wrapped over lines',
          text: pengantar(2022, 'Laporan Kinerja Kecamatan Pilangkenceng merupakan perwujudan', 'pertanggungjawaban atas kinerja pencapaian tujuan dan sasaran strategis', 'Tahun 2022. Laporan Kinerja ini merupakan tahun ketiga pelaksanaan Rencana', 'Strategis Kecamatan Pilangkenceng Tahun 2018-2023. Penyusunan Laporan'),
          findings: [{ line: 8, reported: 'tahun ketiga (3) dari Rencana Strategis 2018–2023, tahun 2022', expected: 'tahun kelima (5) atau tahun keempat (4)', category: 'year_or_date_mismatch', severity: 'warning' }],
        },
        {
          name: 'a forward-looking clause naming the report year itself (Demak)',
          text: pengantar(2018, 'Keberhasilan pada tahun 2018 akan menjadi tolok ukur untuk peningkatan kinerja Dinas di tahun 2018', '.'),
          findings: [{ line: 6, expected: 'tahun sesudah 2018 (mis. tahun 2019)', severity: 'info' }],
        },
      ],
    },
    it,
  );
});
