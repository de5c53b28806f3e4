import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateGap } from '../../src/audit/rules/template-gap.js';
import { loadConfig } from '../../src/cli/config.js';
import type { Config } from '../../src/model/config.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const bab3 = (...lines: string[]) => `BAB III AKUNTABILITAS KINERJA\n\n${lines.join('\n\n')}\n`;

describe('template-gap', () => {
  ruleTester(
    templateGap,
    {
      valid: [
        {
          name: 'values filled in',
          text: bab3(
            'Sumberdaya Manusia Kecamatan Balung berjumlah 17 orang dengan rincian 7 pejabat struktural dan 10 pelaksana.',
            'Dari sejumlah Indikator yang diperjanjikan dalam PK 2024, sebanyak 4 indikator mencapai target.',
            'Realisasi Penyerapan Anggaran tahun 2023 sebesar Rp. 3.675.452.192,- (94,29%), sedangkan hasil evaluasi efisiensi menunjukkan (ada) efisiensi.',
            'Berikut adalah Indikator Kinerja Utama berdasarkan Keputusan Camat Balung Nomor : 065/ 45 /35.09.10/2023 Tahun 2023.',
          ),
        },
        { name: 'Rp. in its own cell, the amount in the next (Jelbuk 2021)', text: bab3('a.\tBelanja Tidak Langsung\tRp.\t127.095.000\nb.\tBelanja Langsung\tRp.\t3.260.140.094') },
        { name: 'Rp. at the end of a label cell, the amount in the Anggaran column', text: bab3('No\tUraian\tAnggaran\n1\tBelanja Langsung Rp.\t3.260.140.094\n2\tBelanja Tidak Langsung Rp.\t127.095.000') },
        { name: 'amount wrapped onto the next line (PDF text)', text: bab3('- Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota dengan Anggaran Rp.\n2.824.572.622,00') },
        { name: 'ellipsis and a double stop between table cells are not gaps', text: bab3('yaitu pelayanan, pengaduan, dsb... dan lainnya.', 'No\tStrategi\tKebijakan\n1\tpemanfaatan teknologi informasi..\tmemberikan pelayanan secara prima') },
      ],
      invalid: [
        {
          name: 'Bangsalsari 2024 leftovers',
          text: bab3(
            'Dari tabel diatas terlihat bahwa capaian (jumlah). indikator sasaran rata rata mencapai 98,75%.',
            'Sumberdaya Manusia Kecamatan Bangsalsari berjumlah orang, dengan jumlah anggaran sebesar Rp 4.167.181.122.',
            'Hasil evaluasi kinerja pada tabel 3.7 menunjukkan sasaran.. mencapai predikat sangat tinggi.',
            'Pada tahun anggaran 2024 didukung dengan anggaran sebesar Rp.. yang bersumber dari APBD Kabupaten Jember.',
            'Perolehan Pajak untuk tahun 2024 mencapai PBB % mengalami penurunan.',
          ),
          findings: [
            { line: 3, reported: '(jumlah)', category: 'missing_value', severity: 'warning' },
            { line: 5, reported: 'berjumlah orang' },
            { line: 7, reported: 'sasaran..' },
            { line: 9, reported: 'Rp..' },
            { line: 11, reported: 'mencapai PBB %' },
          ],
        },
        {
          name: 'Kencong 2023 placeholder and Jelbuk blank decree number',
          text: bab3('Dari analisis yang dilakukan (\\* Ada / tidak ada) efisiensi dalam penggunaan anggaran.', 'Keputusan Camat Jelbuk Nomor : 065/ /35.09.25/2021 Tahun 2021;'),
          findings: [{ line: 3, reported: '(Ada / tidak ada)' }, { line: 5, reported: 'Nomor : 065/ /35.09.25/2021' }],
        },
        {
          // a scan's colon read as a dash or a point, or lost with the space between the slashes (Jelbuk 2021 at 200 dpi, 1-bit: `Nomor - 065/ /…`; at 300 dpi: `Nomor 065//…`)
          name: 'blank decree number after another separator',
          text: bab3('Keputusan Camat Jelbuk Nomor - 065/ /35.09.25/2021 Tahun 2021,', 'Keputusan Camat Jelbuk Nomor. 065/ /35.09.25/2021 Tahun 2021,', 'Keputusan Camat Jelbuk Nomor 065//35.09.25/2021 Tahun 2021,'),
          findings: [{ line: 3, reported: 'Nomor - 065/ /35.09.25/2021' }, { line: 5, reported: 'Nomor. 065/ /35.09.25/2021' }, { line: 7, reported: 'Nomor 065//35.09.25/2021' }],
        },
      ],
    },
    it,
  );

  it('knows the count words and units by the vocabulary alone (templateGaps)', () => {
    const text = bab3('Jumlah aparatur kelurahan tercatat sejumlah petugas, seluruhnya aktif.');
    const run = (config: Config) => runRule(templateGap, text, 'kasus.txt', config).map((f) => f.reported);
    const base = loadConfig();
    expect(run(base)).toEqual([]);
    const v = base.vocabulary!;
    const g = v.templateGaps!;
    const taught: Config = { ...base, vocabulary: { ...v, templateGaps: { ...g, countWords: [...g.countWords, 'sejumlah'], units: [...g.units, 'petugas'] } } };
    expect(run(taught)).toEqual(['sejumlah petugas']);
  });

  it('a gap in a table cell is located at its table, row and column', () => {
    const got = runRule(templateGap, bab3('Tabel 2.1', 'No\tUraian\tKeterangan\n1\tPegawai Negeri Sipil\tberjumlah orang\n2\tTenaga kontrak\tlengkap'));
    expect(got.map((f) => [f.where.line, f.reported, f.where.table, f.where.row, f.where.column, f.where.col])).toEqual([[6, 'berjumlah orang', 'Tabel 2.1', 'Pegawai Negeri Sipil', 'Keterangan', 2]]);
  });

  it('Bangsalsari 2024 (seed 001): the unfilled values of Bab III and Bab IV', () => {
    const f = 'fixtures/seeds/001_52d9b2e308fc893f.txt';
    const got = runRule(templateGap, readFileSync(f, 'utf8'), f);
    expect(got.map((x) => `${x.where.line} ${x.reported}`)).toEqual([
      '599 (jumlah)',
      '855 berjumlah orang',
      '920 sasaran..',
      '940 sasaran..',
      '958 sasaran..',
      '962 mencapai PBB %',
      '1001 Rp..',
      '1005 Rp.',
      '1006 Rp.',
      '1051 sebanyak indikator',
      '1051 sebanyak indikator',
    ]);
  });
});
