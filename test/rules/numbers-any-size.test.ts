/**
 * #19 / #20: numbers of any size never crash a rule, and money is exact at any size.
 * Every rule that reads amounts is run on cells of 2,000 and 100,000 digits, malformed numbers and
 * run-together amounts; budget trees at 10^15 and near 10^18 rupiah are checked to the rupiah.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetPercentage } from '../../src/audit/rules/budget-percentage.js';
import { budgetSum } from '../../src/audit/rules/budget-sum.js';
import { crossTable } from '../../src/audit/rules/cross-table.js';
import { RULES } from '../../src/audit/rules/index.js';
import { narrativeNumber } from '../../src/audit/rules/narrative-number.js';
import { terbilang } from '../../src/audit/rules/terbilang.js';
import { unreadableValue } from '../../src/audit/rules/unreadable-value.js';
import { toTerbilang } from '../../src/parse/terbilang.js';
import { ruleTester, runEachRule, runRule } from '../helpers/rule-tester.js';
import { exp } from '../helpers/expected.js';

const fmt = (n: bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
/** realisasi / pagu × 100 truncated to 2 decimals, printed the Indonesian way. */
const pct = (real: bigint, pagu: bigint) => {
  const h = (real * 10000n) / pagu;
  return `${h / 100n},${(h % 100n).toString().padStart(2, '0')}%`;
};

/**
 * A realisation table Program > 2 Kegiatan > 3 Sub Kegiatan whose sums are right, from three
 * sub kegiatan amounts; `off` adds to one printed figure to break exactly one relation.
 */
function budget(subs: [bigint, bigint, bigint], off: { sub1Real?: bigint; pct?: string } = {}) {
  const [s1, s2, s3] = subs;
  const real = (x: bigint) => (x * 9n) / 10n;
  const k1 = s1 + s2;
  const p = k1 + s3;
  const r1 = real(s1) + (off.sub1Real ?? 0n);
  const rk1 = real(s1) + real(s2);
  const rp = rk1 + real(s3);
  const rows = [
    ['', 'Program : Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', p, rp],
    ['1', 'Kegiatan : Administrasi Keuangan Perangkat Daerah', k1, rk1],
    ['', 'Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN', s1, r1],
    ['', 'Sub Kegiatan Pelaksanaan Penatausahaan Keuangan SKPD', s2, real(s2)],
    ['2', 'Kegiatan : Administrasi Umum Perangkat Daerah', s3, real(s3)],
    ['', 'Sub Kegiatan Penyediaan Peralatan Rumah Tangga', s3, real(s3)],
    ['', 'JUMLAH', p, rp],
  ] as const;
  const line = (r: (typeof rows)[number], i: number) => `${r[0]}\t${r[1]}\t${fmt(r[2])}\t${fmt(r[3])}\t${i === 0 && off.pct ? off.pct : pct(r[3], r[2])}`;
  return `BAB III AKUNTABILITAS KINERJA

Tabel 3.8
REALISASI ANGGARAN PER PROGRAM TAHUN 2023

NO.\tPROGRAM/KEGIATAN/SUB KEGIATAN\tPAGU\tREALISASI\t%
${rows.map(line).join('\n')}
`;
}

// 10^15: a ministry or national budget (above 2^53 in cents: a float would round)
const E15: [bigint, bigint, bigint] = [600_000_000_000_001n, 400_000_000_000_002n, 123_456_789_012_345n];
// just under 10^18: the longest amount read (18 digits); the program is 923.456.789.012.345.681
const E18: [bigint, bigint, bigint] = [500_000_000_000_000_001n, 300_000_000_000_000_002n, 123_456_789_012_345_678n];

describe('budget-sum at any size', () => {
  ruleTester(
    budgetSum,
    {
      valid: [
        { name: '10^15 rupiah, sums right to the rupiah', text: budget(E15) },
        { name: 'near 10^18 rupiah, sums right to the rupiah', text: budget(E18) },
      ],
      invalid: [
        {
          name: '10^15 rupiah, one rupiah off',
          text: budget(E15, { sub1Real: 1n }),
          findings: [{ line: 8, reported: fmt((E15[0] * 9n) / 10n + (E15[1] * 9n) / 10n), expected: fmt((E15[0] * 9n) / 10n + 1n + (E15[1] * 9n) / 10n), category: 'sum_mismatch' }],
        },
        {
          name: 'near 10^18 rupiah, one rupiah off',
          text: budget(E18, { sub1Real: 1n }),
          findings: [{ line: 8, expected: fmt((E18[0] * 9n) / 10n + 1n + (E18[1] * 9n) / 10n) }],
        },
      ],
    },
    it,
  );
});

describe('budget-percentage at any size', () => {
  ruleTester(
    budgetPercentage,
    {
      valid: [
        { name: '10^15 rupiah, % truncated at 2 decimals', text: budget(E15) },
        { name: 'near 10^18 rupiah', text: budget(E18) },
      ],
      invalid: [{ name: '10^15 rupiah, % off by 0,01', text: budget(E15, { pct: '89,98%' }), findings: [{ line: 7, reported: '89,98%', category: 'percentage_mismatch' }] }],
    },
    it,
  );
});

describe('cross-table at 10^15 rupiah', () => {
  const babI = (gaji: bigint) => `BAB I PENDAHULUAN

Tabel 1.4
Anggaran Kecamatan Contoh Tahun 2023

No\tProgram/ Kegiatan/ Sub Kegiatan\tAnggaran
1\tProgram Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\t${fmt(E15[0] + E15[1] + E15[2])},00
1.1\tAdministrasi Keuangan Perangkat Daerah\t${fmt(E15[0] + E15[1])},00
1.1.1\tPenyediaan Gaji Dan Tunjangan Asn\t${fmt(gaji)},00
1.1.2\tPelaksanaan Penatausahaan Keuangan Skpd\t${fmt(E15[1])},00
1.2\tAdministrasi Umum Perangkat Daerah\t${fmt(E15[2])},00
1.2.1\tPenyediaan Peralatan Rumah Tangga\t${fmt(E15[2])},00
JUMLAH\t\t${fmt(E15[0] + E15[1] + E15[2])},00

`;
  ruleTester(
    crossTable,
    {
      valid: [{ name: 'Bab I and Tabel 3.8 agree at 10^15', text: babI(E15[0]) + budget(E15) }],
      invalid: [
        {
          name: 'a sub kegiatan one rupiah off between Bab I and Tabel 3.8 at 10^15',
          text: babI(E15[0] + 1n) + budget(E15),
          findings: [{ line: 9, reported: `${fmt(E15[0] + 1n)},00`, messageIncludes: fmt(E15[0]) }],
        },
      ],
    },
    it,
  );
});

describe('narrative-number and terbilang at 10^14–10^15 rupiah', () => {
  const items = [E15[0], E15[1]];
  const list = (total: bigint) => `BAB III AKUNTABILITAS KINERJA

1. Pada Tahun 2023 terdapat refocusing anggaran sebesar Rp. ${fmt(total)},00 dengan rincian :
  - a. Sub Kegiatan Pelaksanaan Penatausahaan Keuangan SKPD sebesar Rp.${fmt(items[0]!)},00
  - b. Sub Kegiatan Pengadaan Pakaian Dinas sebesar Rp.${fmt(items[1]!)},00
`;
  ruleTester(
    narrativeNumber,
    {
      valid: [{ name: 'a list that adds up exactly at 10^15', text: list(items[0]! + items[1]!) }],
      invalid: [{ name: 'a list one rupiah short of its total at 10^15', text: list(items[0]! + items[1]! + 1n), findings: [{ line: 3, reported: `Rp. ${fmt(items[0]! + items[1]! + 1n)},00`, messageIncludes: fmt(items[0]! + items[1]!) }] }],
    },
    it,
  );
  const words = (n: bigint) => toTerbilang(Number(n));
  const pk = (amount: bigint, said: bigint) => `BAB II PERENCANAAN KINERJA

Kecamatan Contoh didukung dengan anggaran tahun 2023 sebesar Rp. ${fmt(amount)},- (${words(said)} Rupiah).
`;
  // amounts in words go up to the triliun (below 10^15); in cents this one is above 2^53
  const big = 123_456_789_012_345n;
  ruleTester(
    terbilang,
    {
      valid: [{ name: 'digits and words agree at 10^14', text: pk(big, big) }],
      invalid: [{ name: 'words one rupiah short at 10^14', text: pk(big, big - 1n), findings: [{ line: 3, reported: `Rp. ${fmt(big)},-`, messageIncludes: fmt(big - 1n) }] }],
    },
    it,
  );
});

describe('hostile numbers never crash a rule (#19)', () => {
  const seedName = readdirSync('fixtures/seeds').find((f) => f.startsWith('000_') && f.endsWith('.txt'))!;
  const seed = readFileSync(`fixtures/seeds/${seedName}`, 'utf8');
  const hostile: [string, string][] = [
    ['2,000 digits', '7'.repeat(2000)],
    ['100,000 digits and spaces', '12345 '.repeat(16666) + '1234'],
    ['malformed separators', '1.2.3,4,5'],
    ['double minus', '--5'],
    ['float overflow', '1e309'],
    ['run-together amounts', '2.865.379.5412.657.062.192'],
    ['run-together without separators (20 digits)', '28653795412657062192'],
    ['19 digits (10^18)', '1.000.000.000.000.000.000'],
  ];
  // a budget cell (Tabel 3.8 realisation), every copy of the program pagu (tables, PK, prose) and every printed capaian 89,55
  const sites: [string, RegExp][] = [
    ['budget cell', /2\.657\.062\.192/g],
    ['every copy of an amount', /2\.865\.379\.541/g],
    ['every copy of a capaian', /89,55/g],
  ];
  for (const [what, cell] of hostile) {
    for (const [where, re] of sites) {
      it(`${what} in ${where}: every rule runs, no Infinity or NaN in any finding`, () => {
        const text = seed.replace(re, cell);
        // every rule on its own over one parse of the text (throws when a rule crashed)
        for (const got of runEachRule(RULES, text, 'x.txt')) {
          for (const f of got) {
            const shown = [f.message.id, f.message.en, f.reported, exp(f)].join(' ');
            expect(shown).not.toMatch(/Infinity|NaN/);
          }
        }
      });
    }
    it(`${what} in a budget cell is one unreadable-value finding`, () => {
      const got = runRule(unreadableValue, seed.replace(/2\.657\.062\.192/g, cell), 'x.txt').filter((f) => f.where.table === 'Tabel 3.8');
      expect(got).toHaveLength(1);
      expect(got[0]!.reported).toBe(cell);
    });
  }
});
