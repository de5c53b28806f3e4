import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { structureMissing } from '../../src/audit/rules/structure-missing.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const parts = {
  ikhtisar: 'IKHTISAR EKSEKUTIF\n\nLaporan Kinerja Kecamatan Balung tahun 2023.\n',
  bab1: 'BAB I PENDAHULUAN\n\nLatar belakang.\n',
  bab2: 'BAB II PERENCANAAN KINERJA\n\nRencana strategis.\n',
  bab3: 'BAB III AKUNTABILITAS KINERJA\n\nPengukuran.\n',
  bab4: 'BAB IV PENUTUP\n\nDemikian laporan ini disusun.\n',
  pk: 'PERJANJIAN KINERJA PERUBAHAN TAHUN 2023\n\nPihak pertama dan pihak kedua.\n',
};
const lkip = (omit: (keyof typeof parts)[] = []) =>
  'LAPORAN KINERJA\n\nKECAMATAN BALUNG\n\nTAHUN 2023\n\nKATA PENGANTAR\n\nPuji syukur.\n\n' +
  (Object.keys(parts) as (keyof typeof parts)[])
    .filter((k) => !omit.includes(k))
    .map((k) => parts[k])
    .join('\n');

describe('structure-missing', () => {
  ruleTester(
    structureMissing,
    {
      valid: [{ name: 'all required parts present', text: lkip() }],
      invalid: [
        {
          name: 'no Bab II and no PK in the appendix',
          text: lkip(['bab2', 'pk']),
          findings: [
            { reported: 'tidak ada', expected: 'Bab II Perencanaan Kinerja', category: 'structure_missing', severity: 'warning' },
            { reported: 'tidak ada', expected: 'Perjanjian Kinerja (lampiran)' },
          ],
        },
        {
          name: 'a decree, not an LKIP: one finding',
          text: 'PEMERINTAH KABUPATEN JEMBER\nKECAMATAN BALUNG\n\nKEPUTUSAN CAMAT BALUNG\nKABUPATEN JEMBER\n\nNomor : 065/ 45 /35.09.10/2023\n\nTENTANG\nINDIKATOR KINERJA UTAMA KECAMATAN BALUNG\n',
          findings: [{ line: 4, reported: 'KEPUTUSAN CAMAT BALUNG', messageIncludes: 'SK IKU' }],
        },
        {
          name: 'a Renstra, whose chapters are numbered like an LKIP’s: one finding naming it',
          text: 'PEMERINTAH KABUPATEN TEGAL\nRENCANA STRATEGIS (RENSTRA)\nKECAMATAN PANGKAH TAHUN 2019 - 2024\n\nBAB I PENDAHULUAN\n\nLatar belakang.\n\nBAB II GAMBARAN PELAYANAN\n\nTugas.\n',
          findings: [{ line: 2, reported: 'RENCANA STRATEGIS (RENSTRA)', messageIncludes: 'Rencana Strategis (Renstra)', severity: 'warning' }],
        },
        {
          name: 'an excerpt (Bab III alone, no cover): one info line, no part-by-part warnings',
          text: 'BAB III AKUNTABILITAS KINERJA\n\nPengukuran kinerja tahun 2020.\n',
          findings: [{ reported: '1/5', severity: 'info', messageIncludes: 'potongan laporan' }],
        },
        {
          name: 'an LKIP cover and its Kata Pengantar only: an excerpt, one info line',
          text: 'LAPORAN KINERJA\nKECAMATAN PILANGKENCENG\nTAHUN 2022\n\nKATA PENGANTAR\n\nPuji syukur.\n',
          findings: [{ reported: '0/5', severity: 'info', messageIncludes: 'sampul: "LAPORAN KINERJA"' }],
        },
        {
          name: 'a cover and its table of contents only: the entries (dot leader, page number) are no chapters, one info line',
          text: 'LAPORAN KINERJA INSTANSI PEMERINTAH\nDINAS PERTANIAN\nTAHUN 2022\nDAFTAR ISI\nKATA PENGANTAR ............ i\nBAB I PENDAHULUAN ……………………… 1\n1.1 Latar Belakang ........ 1\nBAB II PERENCANAAN KINERJA . . . . . . 9\nBAB III AKUNTABILITAS KINERJA ...... 16\nBAB IV PENUTUP ................ 41\n',
          findings: [{ reported: '0/5', severity: 'info', messageIncludes: 'potongan laporan' }],
        },
        {
          name: 'three chapters without a recognised cover: a whole report, checked part by part',
          text: parts.bab1 + '\n' + parts.bab2 + '\n' + parts.bab3 + '\n' + parts.pk,
          findings: [
            { reported: 'tidak ada', expected: 'Ikhtisar Eksekutif', severity: 'warning' },
            { reported: 'tidak ada', expected: 'Bab IV Penutup' },
          ],
        },
      ],
    },
    it,
  );

  it('seed 002 (SK IKU of Balung) gets one finding; the four LKIP seeds none', () => {
    const f = 'fixtures/seeds/002_7587a3434a2185f0.txt';
    const got = runRule(structureMissing, readFileSync(f, 'utf8'), f);
    expect(got).toHaveLength(1);
    expect(got[0]!.message.id).toContain('bukan LKIP');
    expect(got[0]!.message.id).toContain('SK IKU');
    expect(got[0]!.message.en).toContain('SK IKU');
    for (const s of ['000_c0a7f8c5d5d194b0', '001_52d9b2e308fc893f', '003_0f39aaca0575dd68', '004_9ed3a231d27ded37']) {
      const file = `fixtures/seeds/${s}.txt`;
      expect(runRule(structureMissing, readFileSync(file, 'utf8'), file)).toEqual([]);
    }
  });
});
