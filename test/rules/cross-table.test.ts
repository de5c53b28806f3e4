import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossTable } from '../../src/audit/rules/cross-table.js';
import { runRule, ruleTester } from '../helpers/rule-tester.js';
import { SCALE } from '../helpers/snippets.js';
import { exp } from '../helpers/expected.js';

// ---------------------------------------------------------------- budgets: Bab I plan, Tabel 3.8, PK / PK Perubahan

const babI = (gaji = '60.000.000,00') => `BAB I PENDAHULUAN

Tabel 1.4
Anggaran Kecamatan Contoh Tahun 2023

No\tProgram/ Kegiatan/ Sub Kegiatan\tAnggaran
1\tProgram Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\t150.000.000,00
1.1\tAdministrasi Keuangan Perangkat Daerah\t100.000.000,00
1.1.1\tPenyediaan Gaji Dan Tunjangan Asn\t${gaji}
1.1.2\tPelaksanaan Penatausahaan Dan Pengujian/Verifikasi Keuangan Skpd\t40.000.000,00
1.2\tAdministrasi Umum Perangkat Daerah\t50.000.000,00
1.2.1\tPenyediaan Peralatan Rumah Tangga\t50.000.000,00
JUMLAH\t\t150.000.000,00

Sumber Data : Dokumen Perubahan Pelaksanaan Anggaran
`;

const tabel38 = (prog: string, keg2: string, sub3: string, total: string) => `BAB III AKUNTABILITAS KINERJA

Tabel 3.8
REALISASI ANGGARAN PER PROGRAM TAHUN 2023

NO.\tPROGRAM/KEGIATAN/SUB KEGIATAN\tPAGU\tREALISASI\t%
\tProgram : Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\t${prog}\t135.000.000\t90,00%
1\tKegiatan : Administrasi Keuangan Perangkat Daerah\t100.000.000\t90.000.000\t90,00%
\tSub Kegiatan Penyediaan Gaji dan Tunjangan ASN\t60.000.000\t54.000.000\t90,00%
\tSub Kegiatan Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD\t40.000.000\t36.000.000\t90,00%
2\tKegiatan : Administrasi Umum Perangkat Daerah\t${keg2}\t45.000.000\t90,00%
\tSub Kegiatan Penyediaan Peralatan Rumah Tangga\t${sub3}\t45.000.000\t90,00%
\tJUMLAH\t${total}\t135.000.000\t90,00%
`;

const pk = (original: string | null, revised: string) => `BAB IV PENUTUP

Demikian laporan ini disusun.
${
  original
    ? `
PERJANJIAN KINERJA TAHUN 2023

Program\tAnggaran\tKeterangan
1. Program Penunjang Urusan Pemerintah Daerah Kabupaten/Kota\tRp. ${original}\tAPBD
Jumlah\tRp. ${original}\t
`
    : ''
}
PERJANJIAN KINERJA PERUBAHAN TAHUN 2023

Program\tAnggaran\tKeterangan
1. Program Penunjang Urusan Pemerintah Daerah Kabupaten/Kota\tRp. ${revised}\tP - APBD
Jumlah\tRp. ${revised}\t
`;

// ---------------------------------------------------------------- output targets: Tabel 3.6 vs RKT

const tabel36 = (target: string) => `BAB III AKUNTABILITAS KINERJA

Tabel 3.6
Target dan Realisasi Program dan Kegiatan Pendukung Sasaran

No.\tProgram/ Kegiatan/ Sub Kegiatan\tTarget\tCapaian\t%
1.\tProgram : Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\t\t\t
\tKegiatan : Administrasi Keuangan Perangkat Daerah\t\t\t
\tSub Kegiatan : Penyediaan Gaji dan Tunjangan ASN\t\t\t
\tInput : Dana\t60.000.000\t54.000.000\t90,00%
\tOutput : Jumlah Orang yang Menerima Gaji dan Tunjangan ASN\t${target}\t17 Orang\t94,44%
\tOutcome : Tersedianya Gaji dan Tunjangan ASN\t\t\t
`;

const rkt = `BAB IV PENUTUP

Demikian laporan ini disusun.

RENCANA KINERJA TAHUNAN PERUBAHAN (RKT) TAHUN 2023

TUJUAN PD\t\tSASARAN PD\t\t\tPROGRAM/KEGIATAN\t\t\tSUB KEGIATAN\t\t\t
Uraian\tIndikator Tujuan\tUraian\tIndikator Sasaran\tTarget\tNama Program Kegiatan\tIndikator\tTarget\tNama Sub Kegiatan\tIndikator kegiatan (Output)\tTarget\tAnggaran
Meningkatnya kualitas pengelolaan keuangan\tNilai SAKIP OPD\tMeningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah\tPersentase Indikator Program yang tercapai\t100%\tProgram Penunjang Urusan Pemerintah Daerah Kabupaten/ Kota\tPersentase realisasi anggaran\t100%\t\t\t\t60.000.000
\t\t\t\t\tAdministrasi Keuangan Perangkat Daerah\tJumlah laporan pertanggung jawaban keuangan\t26 Laporan\tPenyediaan Gaji dan Tunjangan ASN\tJumlah orang yang menerima gaji dan tunjangan ASN\t17 Orang\t60.000.000
`;

// ---------------------------------------------------------------- capaian: measurement table vs efficiency table

const capaianCase = (effCap: string, capRule: boolean) => `${SCALE}
${capRule ? '2. Penetapan angka capaian kinerja sasaran yang mencapai angka lebih dari 100% termasuk pada angka capaian kinerja 100%.\n' : ''}
Tabel 3.1
Pengukuran Realisasi Kinerja Tahun 2023

NO\tSASARAN STRATEGIS\tINDIKATOR SASARAN\tTARGET 2023\tREALISASI 2023\tCAPAIAN 2023
(1)\t(2)\t(3)\t(4)\t(5)\t(6)
1\tMeningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah\tPersentase Indikator Program yang tercapai\t100%\t96%\t96%
2\tMeningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan\tPersentase Fasilitas Kesejahteraan masyarakat yang dilaksanakan\t80%\t100%\t125%

Tabel 3.6
Efisiensi Penggunaan Sumber Daya

Sasaran\t% Capaian Kinerja\t% Serapan Anggaran\tKategori Efisiensi
1. Meningkatnya Efektivitas Pencapaian Target Kinerja Perangkat Daerah\t96%\t88%\tEfisien
2. Meningkatnya Fasilitasi Kesejahteraan Masyarakat di Kecamatan\t${effCap}\t92%\tEfisien
`;

describe('cross-table', () => {
  ruleTester(
    crossTable,
    {
      valid: [
        { name: 'Bab I, Tabel 3.8 and PK Perubahan agree', text: babI() + tabel38('150.000.000', '50.000.000', '50.000.000', '150.000.000') + pk(null, '150.000.000') },
        {
          name: 'original PK differs from PK Perubahan: a documented revision',
          text: babI() + tabel38('150.000.000', '50.000.000', '50.000.000', '150.000.000') + pk('145.000.000', '150.000.000'),
        },
        {
          name: 'a programme row off while its own kegiatan give the other tables figure is left to budget-sum',
          text: babI() + tabel38('140.000.000', '50.000.000', '50.000.000', '150.000.000') + pk(null, '150.000.000'),
        },
        { name: 'output target as in the RKT', text: tabel36('17 Orang') + rkt },
        { name: 'capaian the same in both tables', text: capaianCase('125%', false) },
        { name: 'capaian above 100% printed as 100% where the report states the cap', text: capaianCase('100%', true) },
      ],
      invalid: [
        {
          name: 'Tabel 3.8 still uses the original (APBD) budget for the programme and the total',
          text: babI() + tabel38('145.000.000', '45.000.000', '45.000.000', '145.000.000') + pk('145.000.000', '150.000.000'),
          findings: [
            { line: 22, reported: '145.000.000', messageIncludes: 'pagu sebelum perubahan', category: 'cross_table_mismatch', severity: 'error' },
            { line: 26, reported: '45.000.000', expected: '50.000.000 (Tabel 1.4 baris 11)' },
            { line: 27, reported: '45.000.000', expected: '50.000.000 (Tabel 1.4 baris 12)' },
            { line: 28, reported: '145.000.000', messageIncludes: 'pagu sebelum perubahan' },
          ],
        },
        {
          name: 'a sub kegiatan budget differs between Bab I and Tabel 3.8 while PK Perubahan gives the programme',
          text: babI('61.000.000,00') + tabel38('150.000.000', '50.000.000', '50.000.000', '150.000.000') + pk(null, '150.000.000'),
          // one against one: the figure that fits its own parent (Tabel 3.8: 60 + 40 = 100) is taken as right
          findings: [{ line: 9, reported: '61.000.000,00', expected: '60.000.000 (Tabel 3.8 baris 24)', severity: 'error' }],
        },
        {
          name: 'one table against another, each consistent in itself and no PK: shown for review, not judged',
          text: babI() + tabel38('145.000.000', '45.000.000', '45.000.000', '145.000.000'),
          findings: [
            { line: 22, reported: '145.000.000', severity: 'warning', messageIncludes: 'tidak dapat ditentukan' },
            { line: 26, reported: '45.000.000', severity: 'warning', messageIncludes: 'tidak dapat ditentukan' },
            { line: 27, reported: '45.000.000', severity: 'warning', messageIncludes: 'tidak dapat ditentukan' },
            { line: 28, reported: '145.000.000', severity: 'warning', messageIncludes: 'tidak dapat ditentukan' },
          ],
        },
        {
          name: 'output target 18 Orang in Tabel 3.6, 17 Orang in the RKT (Balung 2023 pattern)',
          text: tabel36('18 Orang') + rkt,
          findings: [{ line: 11, reported: '18 Orang', expected: '17 Orang (RKT Perubahan 2023 (lampiran) baris 22)', severity: 'error' }],
        },
        {
          name: 'output target with another unit only',
          text: tabel36('17 Paket') + rkt,
          findings: [{ line: 11, reported: '17 Paket', severity: 'warning', messageIncludes: 'satuan yang berbeda' }],
        },
        {
          name: 'capaian 125% in the measurement table, 100% in the efficiency table, no cap stated (Bangsalsari 2024 pattern)',
          text: capaianCase('100%', false),
          findings: [{ line: 26, reported: '100%', expected: '125% (Tabel 3.1 baris 19)', severity: 'error' }],
        },
      ],
    },
    it,
  );

  const seed = (name: string) => runRule(crossTable, readFileSync(`fixtures/seeds/${name}`, 'utf8'), `fixtures/seeds/${name}`);

  it('finds the output target 18 Orang (Tabel 3.6) vs 17 Orang (RKT) in Balung 2023', () => {
    const f = seed('000_c0a7f8c5d5d194b0.txt').find((x) => x.reported === '18 Orang');
    expect(f?.where.line).toBe(604);
    expect(exp(f)).toContain('17 Orang');
    expect(exp(f)).toContain('RKT');
  });

  it('finds Sasaran 3 capaian 100% (Tabel 3.6, 3.7) vs 125% (Tabel 3.2) in Bangsalsari 2024', () => {
    const f = seed('001_52d9b2e308fc893f.txt').filter((x) => x.reported === '100%' && exp(x).startsWith('125%'));
    expect(f.map((x) => x.where.line)).toEqual([864, 903]);
  });

  it('tells the revision apart in Bangsalsari 2024: Tabel 3.5 uses the PK (APBD) budget, Tabel 3.8 neither', () => {
    const fs = seed('001_52d9b2e308fc893f.txt');
    const t35 = fs.find((x) => x.where.line === 687);
    expect(t35?.reported).toBe('Rp 2.811.920.407');
    expect(t35?.message.id).toContain('pagu sebelum perubahan');
    expect(exp(t35)).toContain('2.824.572.622');
    const t38 = fs.find((x) => x.where.line === 1013 && x.reported === '2.693.634.322');
    expect(exp(t38)).toContain('2.824.572.622');
    // PK vs PK Perubahan themselves are not reported
    expect(fs.some((x) => x.where.section?.startsWith('Lampiran PK') || x.where.line === 495 || x.where.line === 1280)).toBe(false);
  });
});

// ---------------------------------------------------------------- an input/output table whose units stand in a Satuan column

const ioTable = (target: string) => `BAB III AKUNTABILITAS KINERJA

Sub Kegiatan : Penyediaan Gaji dan Tunjangan ASN

Jenis\tUraian Input/ Output\tSatuan\tTarget\tRealisasi
Input\tDana\tRupiah\t60.000.000\t54.000.000
Output\tJumlah Orang yang Menerima Gaji dan Tunjangan ASN\tOrang\t${target}\t17

`;

describe('cross-table on an input/output table with a Satuan column', () => {
  ruleTester(
    crossTable,
    {
      valid: [{ name: 'output target 17 (Satuan: Orang) as the RKT’s 17 Orang', text: ioTable('17') + rkt }],
      invalid: [
        {
          name: 'output target 18 (Satuan: Orang) against the RKT’s 17 Orang',
          text: ioTable('18') + rkt,
          findings: [{ line: 7, reported: '18', expected: '17 Orang (RKT Perubahan 2023 (lampiran) baris 18)', severity: 'error' }],
        },
        {
          // the vocabulary's ioRows words: "Keluaran" is an Output row, "Sub. Kegiatan:" names the sub kegiatan
          name: 'a Keluaran row under a "Sub. Kegiatan:" line, target 18 against the RKT’s 17 Orang',
          text: ioTable('18').replace('Sub Kegiatan :', 'Sub. Kegiatan:').replace('Output\tJumlah', 'Keluaran\tJumlah') + rkt,
          findings: [{ line: 7, reported: '18', expected: '17 Orang (RKT Perubahan 2023 (lampiran) baris 18)', severity: 'error' }],
        },
      ],
    },
    it,
  );
});

describe('input/output rows by the vocabulary', () => {
  it('a row whose first cell is no Input/Output word is not read', () => {
    const text = ioTable('18').replace('Output\tJumlah', 'Hasil\tJumlah') + rkt;
    expect(runRule(crossTable, text).filter((f) => f.messageId.includes('output'))).toEqual([]);
  });
});
