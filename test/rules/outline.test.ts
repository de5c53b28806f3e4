import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outline } from '../../src/audit/rules/outline.js';
import { loadConfig } from '../../src/cli/config.js';
import { textToDocument } from '../../src/ingest/text.js';
import { LkipReportSchema } from '../../src/model/report.js';
import { parseReport } from '../../src/parse/index.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';
import { exp } from '../helpers/expected.js';

const toc = (...entries: string[]) => ['LAPORAN KINERJA', 'TAHUN 2023', '', 'DAFTAR ISI', ...entries, ''].join('\n');

describe('outline', () => {
  ruleTester(
    outline,
    {
      valid: [
        {
          name: 'pages never go back, sections and chapters in sequence',
          text: toc('KATA PENGANTAR ... i', 'BAB I PENDAHULUAN ... 1', '1.1 Latar Belakang ... 1', '1.2 Dasar Hukum ... 3', 'BAB II PERENCANAAN KINERJA ... 5', '2.1 Rencana Strategis ... 5', '2.2 Perjanjian Kinerja ... 8', 'BAB III AKUNTABILITAS KINERJA ... 10', 'BAB IV PENUTUP ... 20'),
        },
        {
          name: 'contents titles equal the body headings (case, spacing, a wrapped title, PENCAPAIAN/CAPAIAN)',
          text: [
            toc('BAB I PENDAHULUAN\t1', 'A. LATAR BELAKANG\t1', 'BAB II PERENCANAAN\t3', 'BAB III. AKUNTABILITAS KINERJA\t5', 'A. PENGUKURAN PENCAPAIAN KINERJA\t5', 'B.1 ANALISA REALISASI KINERJA.....\t6'),
            'BAB I',
            'PENDAHULUAN',
            'A. LATAR BELAKANG',
            'Laporan ini disusun.',
            'BAB III',
            'A. PENGUKURAN CAPAIAN KINERJA',
            '### B.1 Analisa Realisasi Kinerja',
          ].join('\n'),
        },
        { name: 'a list that is not a table of contents', text: 'Jumlah pegawai 17\nBAB I PENDAHULUAN\nA. Latar belakang 2\n' },
        {
          name: 'table numbers unique and in sequence per chapter; a table carried on to the next page ("(lanjutan)", or its caption again); a table printed as an image; a sentence citing a table',
          text: ['BAB III AKUNTABILITAS KINERJA', 'Tabel 3.1', 'Capaian Kinerja', 'No\tIndikator\tCapaian', '1\tIndeks\t90', '', 'Tabel 3.1 (lanjutan)', 'No\tIndikator\tCapaian', '2\tPersentase\t80', '', 'Tabel 3.1 di atas menunjukkan capaian yang baik.', 'Tabel 3.3 memuat anggaran.', '', 'Tabel 3.2 Anggaran', 'No\tProgram\tPagu', '1\tProgram A\t100', '', 'Tabel 3.2 Anggaran', 'No\tProgram\tPagu', '2\tProgram B\t200', '', 'Tabel 3.3 Peta capaian (gambar)', '', 'Tabel 3.4 Realisasi', 'No\tProgram\tRealisasi', '1\tProgram A\t90', '', 'BAB IV PENUTUP', 'Tabel 4.1 Ringkasan', 'No\tUraian\tNilai', '1\tA\t1', ''].join('\n'),
        },
        {
          name: 'numbered sub-sections 1, 2, 3 under a heading; a list item after a label ("Sasaran :") is no sub-section',
          text: ['BAB II PERENCANAAN KINERJA', '', 'A. RENCANA STRATEGIS', '', 'Komponen Renstra diuraikan sebagai berikut:', '', '1. Visi dan Misi Kabupaten', '', 'Kecamatan mendukung visi pembangunan daerah melalui tiga misi.', '', 'Sasaran :', '', '1. Meningkatnya kualitas pelayanan publik', '', 'Misi kedua ialah tata kelola pemerintahan yang baik dan bersih.', '', '2. Tujuan dan Sasaran Kecamatan', '', 'Dalam rangka menjalankan misinya kecamatan menetapkan tujuan berikut.', '', '3. Strategi dan Kebijakan', '', 'Untuk mencapai tujuan dan sasaran kecamatan menetapkan strategi.', '', 'B. RENCANA KINERJA TAHUNAN', ''].join('\n'),
        },
      ],
      invalid: [
        {
          name: 'sub-sections numbered 1, 5, 4 under one heading (seed 004, Bab II A)',
          text: ['BAB II PERENCANAAN KINERJA', '', 'A. RENCANA STRATEGIS', '', 'Komponen Renstra diuraikan sebagai berikut:', '', '1. Visi dan Misi Kabupaten', '', 'Kecamatan mendukung visi pembangunan daerah melalui tiga misi.', '', 'Sasaran :', '', '1. Meningkatnya kualitas pelayanan publik', '', 'Misi kedua ialah tata kelola pemerintahan yang baik dan bersih.', '', '5. Tujuan dan Sasaran Kecamatan', '', 'Dalam rangka menjalankan misinya kecamatan menetapkan tujuan berikut.', '', '4. Strategi dan Kebijakan', '', 'Untuk mencapai tujuan dan sasaran kecamatan menetapkan strategi.', '', 'B. RENCANA KINERJA TAHUNAN', ''].join('\n'),
          findings: [{ line: 17, reported: '5. Tujuan dan Sasaran Kecamatan (nomor 1, 5, 4)', expected: '2. (nomor 1, 2, 3)', severity: 'info' }],
        },
        {
          name: 'a table number used twice (seed 004: Tabel 3.2 again for the second sasaran) and one skipped (seed 001: 1.2 then 1.4)',
          text: ['BAB I PENDAHULUAN', 'Tabel 1.1 Pegawai', 'No\tJabatan\tJumlah', '1\tCamat\t1', '', 'Tabel 1.2', 'Sarana', 'No\tSarana\tJumlah', '1\tMeja\t3', '', 'Tabel 1.4 Anggaran', 'No\tProgram\tPagu', '1\tProgram A\t100', '', 'BAB III AKUNTABILITAS KINERJA', 'Tabel 3.1', 'Pengukuran', 'No\tIndikator\tCapaian', '1\tIndeks\t90', '', 'Tabel 3.2', 'Perbandingan sasaran 1', 'No\tIndikator\tCapaian', '1\tIndeks\t90', '', 'Tabel 3.3 Kemajuan', 'No\tIndikator\tKemajuan', '1\tIndeks\t90', '', 'Tabel 3.2', 'Perbandingan sasaran 1', 'No\tIndikator\tCapaian', '1\tPersentase\t80', ''].join('\n'),
          findings: [
            { line: 11, reported: 'Tabel 1.4 Anggaran', expected: 'Tabel 1.3 (sesudah Tabel 1.2, baris 6)', severity: 'info' },
            { line: 30, reported: 'Tabel 3.2 Perbandingan sasaran 1', messageIncludes: 'dipakai dua kali', severity: 'info' },
          ],
        },
        {
          name: 'an entry whose page lies beyond the next chapter (Tabanan)',
          text: toc('BAB I PENDAHULUAN ...... 1', '1.1 Latar Belakang ...... 1', 'BAB II PERENCANAAN ...... 9', '2.5 Indikator Kinerja Utama ....... 14', '2.6 Perjanjian Kinerja Tahun 2022 ...... 22', 'BAB III AKUNTABILITAS KINERJA ...... 16', '3.1 Pengukuran Capaian Kinerja ...... 16', '3.2 Analisis ...... 22'),
          findings: [{ line: 9, reported: '2.6 Perjanjian Kinerja Tahun 2022: halaman 22', expected: 'halaman antara 14 (baris 8) dan 16 (baris 10)', severity: 'info' }],
        },
        {
          name: 'a section number used twice (Tempursari), two entries run together on one line',
          text: toc('BAB II PERENCANAAN ... 8', '2.1 Rencana Strategis ... 8', 'BAB III AKUNTABILITAS KINERJA 14 3.1 Capaian Kinerja Organisasi... 14', '3.2 Evaluasi dan Analisis Capaian Kinerja... 18', '3.2 Realisasi Anggaran ... 36', 'BAB IV PENUTUP ... 39'),
          findings: [{ line: 9, reported: '3.2 Realisasi Anggaran', messageIncludes: 'dipakai dua kali' }],
        },
        {
          name: 'a chapter missing (Pangkah: BAB VI then BAB VIII)',
          text: toc('BAB IV TUJUAN ... 42', 'BAB V RENCANA PROGRAM ... 44', 'BAB VI INDIKATOR KINERJA ... 46', 'BAB VIII PENUTUP ... 47 LAMPIRAN-LAMPIRAN'),
          findings: [{ line: 8, reported: 'BAB VIII PENUTUP (bab ke-8)', expected: 'BAB VII (bab ke-7)' }],
        },
        {
          name: 'a decree whose clauses go KEEMPAT -> KEENAM (seeds 001, 003, 004); a second decree starts at KESATU',
          text: ['KEPUTUSAN CAMAT', 'MEMUTUSKAN', '- KESATU** : Indikator Kinerja Utama', '- KEDUA** : Indikator', '- KETIGA** : Indikator', '- KEEMPAT** : Indikator', '- KEENAM** : Keputusan ini mulai berlaku', 'KEPUTUSAN LAIN', 'KESATU : a', 'KEDUA : b', ''].join('\n'),
          findings: [{ line: 7, reported: 'KEENAM (diktum ke-6)', expected: 'KELIMA (diktum ke-5)', severity: 'info' }],
        },
        {
          name: 'program numbers I, II, III, VI down a budget table (seed 004)',
          text: ['BAB III AKUNTABILITAS KINERJA', '', 'No\tPROGRAM/ KEGIATAN\tANGGARAN (Rp.)\tREALISASI (Rp)\tCAPAIAN (%)', 'I\tProgram Koordinasi Ketentraman\t162.824.800\t141.929.000\t87,54 %', 'II\tProgram Peningkatan Sarana\t59.099.500\t33.458.470\t72,83 %', '1\tKegiatan Pemeliharaan\t59.099.500\t33.458.470\t56,61 %', 'III\tProgram Koordinasi Pemerintahan\t197.664.800\t134.147.000\t67,87 %', 'VI\tProgram Penyelenggaraan Pelayanan Umum\t7.559.700\t7.434.000\t98,34 %', ''].join('\n'),
          findings: [{ line: 8, reported: 'VI (nomor ke-6)', expected: 'IV (nomor ke-4)', severity: 'info' }],
        },
        {
          name: 'a contents title that names another heading than the body (seed 003)',
          text: [toc('BAB I PENDAHULUAN\t1', 'BAB II PERENCANAAN\t9', 'BAB III. AKUNTABILITAS KINERJA\t19', 'B. CAPAIAN KINERJA\t20', 'B.1 ANALISA REALISASI ANGGARAN.....\t20', 'B.2 ANALISA PENYEBAB.....\t27'), 'BAB III', 'B.1 ANALISA REALISASI KINERJA', 'Teks.'].join('\n'),
          findings: [{ line: 9, reported: 'B.1 ANALISA REALISASI ANGGARAN', expected: 'B.1 ANALISA REALISASI KINERJA', severity: 'warning' }],
        },
      ],
    },
    it,
  );

  it('the seeds: 003 B.1 ANGGARAN vs KINERJA; 001 Bab III A titled differently in the contents', () => {
    const got = (f: string) => runRule(outline, readFileSync(f, 'utf8'), f).map((x) => `${x.where.line} ${x.reported} | ${exp(x)}`);
    expect(got('fixtures/seeds/003_0f39aaca0575dd68.txt')).toContain('54 B.1 ANALISA REALISASI ANGGARAN | B.1 ANALISA REALISASI KINERJA');
    expect(got('fixtures/seeds/001_52d9b2e308fc893f.txt')).toContain('53 A PENGUKURAN PENCAPAIAN KINERJATAHUN 2022 | A KERANGKA PENGUKURAN KINERJA TAHUN 2024');
  });

  it('the seeds: 001 has no Tabel 1.3; 004 numbers the second sasaran\'s tables 3.2-3.4 again and Bab II A\'s sub-sections 1, 5, 4', () => {
    const got = (f: string) => runRule(outline, readFileSync(f, 'utf8'), f).map((x) => `${x.where.line} ${x.reported}`);
    expect(got('fixtures/seeds/001_52d9b2e308fc893f.txt')).toContain('274 Tabel 1.4 Anggaran Kecamatan Bangsalsari');
    const s004 = got('fixtures/seeds/004_9ed3a231d27ded37.txt');
    expect(s004).toContain('199 5. Tujuan dan sasaran Kecamatan Jelbuk (nomor 1, 5, 4)');
    for (const l of ['522 Tabel 3.2', '532 Tabel 3.3', '541 Tabel 3.4']) expect(s004.some((x) => x.startsWith(l))).toBe(true);
  });

  it('the contents are read once, in parse, into the model (one entry pattern: an entry with spaced leaders is no heading)', () => {
    const text = [toc('BAB I PENDAHULUAN . . . . . . 1', '1.1 Latar Belakang . . . . 1', 'BAB II PERENCANAAN KINERJA ....... 3', 'BAB III AKUNTABILITAS KINERJA …… 5'), 'BAB I PENDAHULUAN', 'Laporan ini disusun.'].join('\n');
    const rep = parseReport(textToDocument('x.txt', text), loadConfig());
    expect(LkipReportSchema.parse(rep).contents).toEqual(rep.contents);
    expect(rep.contents!.entries.map((e) => `${e.number?.raw ?? ''}|${e.title}|${e.pagePrinted}`)).toEqual(['BAB I|PENDAHULUAN|1', '1.1|Latar Belakang|1', 'BAB II|PERENCANAAN KINERJA|3', 'BAB III|AKUNTABILITAS KINERJA|5']);
    // Bab I starts at its heading in the body, not at its contents entry
    expect(rep.sections.find((x) => x.kind === 'bab1')?.startLine).toBe(10);
    expect(rep.sections.some((x) => x.kind === 'bab2' || x.kind === 'bab3')).toBe(false);
  });
});
