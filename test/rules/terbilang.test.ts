import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { terbilang } from '../../src/audit/rules/terbilang.js';
import { parseTerbilang, toTerbilang } from '../../src/parse/terbilang.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const pk = (amount: string, words: string) => `BAB II PERENCANAAN KINERJA

Guna mewujudkan kinerja yang telah diperjanjikan, maka Kecamatan Balung didukung dengan anggaran program kegiatan tahun 2023 sebesar ${amount} (${words}).
`;

describe('parseTerbilang', () => {
  it('reads amounts with misspelt magnitudes', () => {
    expect(parseTerbilang('Tiga Milyat Delapan Ratus Sembilan Puluh Delapan Juta Delapan Puluh Lima Ribu Lima Ratus Empat Puluh Satu Rupiah')).toMatchObject({ value: 3898085541, rupiah: true, variants: ['milyat'] });
    expect(parseTerbilang('delapan belas')?.value).toBe(18);
    expect(parseTerbilang('seratus sebelas ribu')?.value).toBe(111000);
    expect(parseTerbilang('seribu dua ratus')?.value).toBe(1200);
  });
  it('rejects phrases that are not numbers', () => {
    expect(parseTerbilang('Nilai IKM')).toBeNull();
    expect(parseTerbilang('Baik')).toBeNull();
    expect(parseTerbilang('dua ribu tiga juta')).toBeNull();
  });
  it('writes numbers back in words', () => {
    expect(toTerbilang(3739669394)).toBe('tiga miliar tujuh ratus tiga puluh sembilan juta enam ratus enam puluh sembilan ribu tiga ratus sembilan puluh empat');
    expect(parseTerbilang(toTerbilang(1011018))?.value).toBe(1011018);
  });
});

describe('terbilang', () => {
  ruleTester(
    terbilang,
    {
      valid: [
        { name: 'Balung 2023 amount, Milyat tolerated', text: pk('Rp. 3.898.085.541,-', 'Tiga Milyat Delapan Ratus Sembilan Puluh Delapan Juta Delapan Puluh Lima Ribu Lima Ratus Empat Puluh Satu Rupiah') },
        { name: 'Kencong 2023 amount with ,00', text: pk('Rp3.739.669.394,00', 'Tiga Milyar Tujuh Ratus Tiga Puluh Sembilan Juta Enam Ratus Enam Puluh Sembilan Ribu Tiga Ratus Sembilan Puluh Empat Rupiah') },
        { name: 'pairs that agree, and parentheses that are not numbers', text: 'BAB III\n\n- pengaduan tentang kebakaran rumah sebanyak 3 (tiga) laporan\nTarget 85 (Nilai IKM) dan 2023 (jika ada).\n' },
        { name: 'small pairs are left to count-claim', text: 'BAB III\n\nDidukung 4 (lima) Program 9 (sembilan) Kegiatan, sebanyak 3 (empat) laporan.\n' },
      ],
      invalid: [
        {
          name: 'words one million short of the digits',
          text: pk('Rp3.739.669.394,00', 'Tiga Milyar Tujuh Ratus Tiga Puluh Delapan Juta Enam Ratus Enam Puluh Sembilan Ribu Tiga Ratus Sembilan Puluh Empat Rupiah'),
          findings: [{ line: 3, reported: 'Rp3.739.669.394,00', category: 'terbilang_mismatch', messageIncludes: '3.738.669.394' }],
        },
        {
          name: 'large number whose words disagree',
          text: 'BAB III\n\n- Verval data bansos DTKS sebanyak 1.250 (seribu dua ratus) data\n',
          findings: [{ line: 3, reported: '1.250', expected: '1.200 (seribu dua ratus)' }],
        },
      ],
    },
    it,
  );

  it('finds nothing on the seeds (their terbilang agree with the digits)', () => {
    for (const f of ['fixtures/seeds/000_c0a7f8c5d5d194b0.txt', 'fixtures/seeds/003_0f39aaca0575dd68.txt']) {
      expect(runRule(terbilang, readFileSync(f, 'utf8'), f)).toEqual([]);
    }
  });
});
