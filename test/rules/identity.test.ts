import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identity } from '../../src/audit/rules/identity.js';
import { checkNip, normalizeName } from '../../src/parse/identity.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';
import { exp } from '../helpers/expected.js';

const block = (place: string, name: string, nip: string) => `${place}

CAMAT BALUNG



${name}
Pembina Tingkat I
NIP. ${nip}
`;
const report = (...blocks: string[]) => `KATA PENGANTAR

Puji syukur kehadiran Tuhan Yang Maha Esa.

${blocks.join('\nPERJANJIAN KINERJA PERUBAHAN TAHUN 2023\n\n')}`;

describe('normalizeName / checkNip', () => {
  it('drops titles and spacing', () => {
    expect(normalizeName('RACHMAD HIDAYAT, S.Sos')).toBe('RACHMAD HIDAYAT');
    expect(normalizeName('Dis. BASUKIK')).toBe('BASUKIK');
    expect(normalizeName('Drs BASUKIK')).toBe('BASUKIK');
    expect(normalizeName('MUHAMMAD NAJMUL HUDA S.STP M.Si')).toBe('MUHAMMAD NAJMUL HUDA');
    expect(normalizeName('MUHAMMAD ZAMRONI SH,M,SI')).toBe('MUHAMMAD ZAMRONI');
  });
  it('decomposes the NIP', () => {
    expect(checkNip('19691212 198911 1 001')?.problems).toEqual([]);
    expect(checkNip('19691312 198911 1 001')?.problems.length).toBe(1); // month 13
    expect(checkNip('19690231 198911 1 001')?.problems.length).toBe(1); // 31 February
    expect(checkNip('19751212 198911 1 001')?.problems[0]?.id).toContain('18 tahun');
    expect(checkNip('19691212 198915 1 001')?.problems[0]?.id).toContain('bulan pengangkatan');
  });
});

describe('identity', () => {
  ruleTester(
    identity,
    {
      valid: [
        { name: 'same person, titles written differently', text: report(block('Balung, 16 Februari 2024', 'RACHMAD HIDAYAT, S.Sos', '19691212 198911 1 001'), block('Balung, 21 November 2023', 'Drs. RACHMAD  HIDAYAT S.Sos', '196912121989111001')) },
        { name: 'two people, two NIPs', text: report(block('Balung, 16 Februari 2024', 'MOHAMAD FARIDJ WADJDI, S. Sos', '19700314 198903 1 004'), block('Balung, 21 November 2023', 'RACHMAD HIDAYAT, S.Sos', '19691212 198911 1 001')) },
      ],
      invalid: [
        {
          name: 'a NIP printed in groups with a 5-digit appointment month (Demak 2018)',
          text: report(block('Demak, Januari 2019', 'AKHMAD SUGIHARTO, ST, MT.', '19730517 19803 1 007')),
          findings: [{ line: 13, reported: 'NIP 19730517 19803 1 007', expected: '18 digit: 8 + 6 + 1 + 3 (tercetak 8 + 5 + 1 + 3 = 17)', severity: 'warning', messageIncludes: 'bulan pengangkatan "19803" 5 digit' }],
        },
        {
          name: 'one NIP, two names (Balung 2023 pattern)',
          text: report(
            block('Balung, 16 Februari 2024', 'RACHMAD HIDAYAT, S.Sos', '19691212 198911 1 001'),
            block('Balung, 21 November 2023', 'RACHMAN HIDAYAT, S.Sos', '19691212 198911 1 001'),
            block('Balung, 21 November 2023', 'RACHMAD HIDAYAT, S.Sos', '19691212 198911 1 001'),
          ),
          findings: [{ line: 23, reported: 'RACHMAN HIDAYAT, S.Sos', expected: 'RACHMAD HIDAYAT, S.Sos', category: 'name_or_id_mismatch' }],
        },
        {
          name: 'one name, two NIPs',
          text: report(
            block('Balung, 16 Februari 2024', 'RACHMAD HIDAYAT, S.Sos', '19691212 198911 1 001'),
            block('Balung, 21 November 2023', 'RACHMAD HIDAYAT, S.Sos', '19691212 198911 1 002'),
            block('Balung, 21 November 2023', 'RACHMAD HIDAYAT', '19691212 198911 1 001'),
          ),
          findings: [{ line: 23, reported: '19691212 198911 1 002', expected: '19691212 198911 1 001' }],
        },
        {
          name: 'impossible birth date and appointment before 18',
          text: report(block('Balung, 16 Februari 2024', 'RACHMAD HIDAYAT, S.Sos', '19691232 198911 1 001'), block('Balung, 1 Maret 2024', 'SITI AMINAH, SE', '19801010 199501 2 003')),
          findings: [
            { line: 13, reported: '19691232 198911 1 001', messageIncludes: 'tanggal lahir' },
            { line: 25, reported: '19801010 199501 2 003', messageIncludes: '18 tahun' },
          ],
        },
      ],
    },
    it,
  );

  it('Balung 2023 (seed 000): RACHMAN vs RACHMAD HIDAYAT under NIP 19691212 198911 1 001', () => {
    const f = 'fixtures/seeds/000_c0a7f8c5d5d194b0.txt';
    const got = runRule(identity, readFileSync(f, 'utf8'), f);
    expect(got.map((x) => [x.where.line, x.reported, exp(x)])).toEqual([
      [960, 'RACHMAN HIDAYAT, S.Sos', 'RACHMAD HIDAYAT, S.Sos'],
      [989, 'RACHMAN HIDAYAT, S.Sos', 'RACHMAD HIDAYAT, S.Sos'],
    ]);
  });
  it('Bangsalsari 2024 (seed 001): "Dis. BASUKIK" is the same name as "Drs. BASUKIK"', () => {
    const f = 'fixtures/seeds/001_52d9b2e308fc893f.txt';
    expect(runRule(identity, readFileSync(f, 'utf8'), f)).toEqual([]);
  });
});
