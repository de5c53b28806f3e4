import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/audit/engine.js';
import { loadConfig } from '../../src/cli/config.js';
import { textToDocument } from '../../src/ingest/text.js';
import { parseReport } from '../../src/parse/index.js';
import { agencyName } from '../../src/audit/rules/agency-name.js';
import { ruleTester } from '../helpers/rule-tester.js';

const report = (...lines: string[]) =>
  ['LAPORAN KINERJA KECAMATAN PANGKAH', 'TAHUN 2023', '', 'BAB I PENDAHULUAN', '', 'Kecamatan Pangkah merupakan perangkat daerah.', '', ...lines, '', 'Camat Pangkah', ''].join('\n');

/** A dinas report: cover, title, a letterhead, a sentence about itself, and a signature above a NIP. */
const dinas = (letterhead: string, ...lines: string[]) =>
  [
    'LAPORAN KINERJA INSTANSI PEMERINTAH',
    'DINAS KESEHATAN',
    'KABUPATEN SUKAMAJU',
    'TAHUN 2023',
    '',
    'KATA PENGANTAR',
    '',
    'Laporan Kinerja Instansi Pemerintah (LKjIP) Dinas Kesehatan Kabupaten Sukamaju Tahun 2023 disusun sebagai pertanggungjawaban.',
    '',
    'BAB I PENDAHULUAN',
    '',
    'Dinas Kesehatan Kabupaten Sukamaju merupakan unsur pelaksana urusan pemerintahan bidang kesehatan.',
    '',
    ...lines,
    '',
    'PEMERINTAH KABUPATEN SUKAMAJU',
    letterhead,
    'Jalan Merdeka No. 1 Telp. (0281) 321456',
    '',
    'PERJANJIAN KINERJA TAHUN 2023',
    '',
    'KEPALA DINAS KESEHATAN',
    'KABUPATEN SUKAMAJU',
    '',
    'dr. BUDI SANTOSO, M.Kes',
    'NIP. 19700101 199503 1 001',
    '',
  ].join('\n');

describe('agency-name', () => {
  ruleTester(
    agencyName,
    {
      valid: [
        { name: 'only the own name', text: report('Kecamatan Pangkah melayani masyarakat dengan baik.') },
        { name: 'borders name the neighbours', text: report('Kecamatan Pangkah berbatasan sebelah utara dengan Kecamatan Adiwerna dan sebelah timur dengan Kecamatan Slawi.') },
        { name: 'a list of several units', text: report('Lomba desa diikuti oleh Kecamatan Adiwerna, Kecamatan Slawi dan Kecamatan Dukuhturi.') },
        { name: 'a capitalised ordinary word after the unit word', text: report('Pelayanan di Kecamatan Tetap berjalan dengan baik.', 'Anggaran Kegiatan Di Wilayah Kecamatan Sebesar Rp. 300.000.000,-', 'Pelayanan tetap berjalan. Dana sebesar itu cukup.') },
        { name: 'the same telephone in every letterhead; a fax number apart', text: report('JL. ACHMAD YANI NO. 48 ☎ (0331) 711418 JEMBER', 'Jl. Achmad Yani Nomor 48 Telp. (0331) 711418 Fax. (0331) 7114418') },
        { name: 'the same address printed in several ways', text: report('JL. ACHMAD YANI NO. 48 JEMBER', 'Jl. Achmad Yani Nomor 48 Bangsalsari', 'Jln. Achmad Yani No.48') },
        {
          name: "a secretariat's report carrying the PKs of its bagian: signatures of several bagian",
          text: ['LAPORAN KINERJA', 'SEKRETARIAT DAERAH', 'KABUPATEN SUKAMAJU', 'TAHUN 2023', '', 'BAB I PENDAHULUAN', '', 'Teks.', '', 'KEPALA BAGIAN UMUM', 'NIP. 19700101 199503 1 001', '', 'KEPALA BAGIAN UMUM', 'NIP. 19700101 199503 1 001', '', 'KEPALA BAGIAN HUKUM', 'NIP. 19710101 199603 1 002', ''].join('\n'),
        },
        { name: 'no name stands out', text: 'Kecamatan Adiwerna menerima.\nKecamatan Slawi menerima.\n' },
        {
          name: 'a dinas naming other dinas as partners; its own name longer in one place, as an acronym in another',
          text: dinas('DINAS KESEHATAN DAN KELUARGA BERENCANA', 'Program ini dilaksanakan bersama Dinas Pendidikan dan Badan Perencanaan Pembangunan Daerah.', 'Dinas Pendidikan merupakan mitra dalam program sekolah sehat.', 'Plt. Kepala Dinas KKB', 'NIP. 19700101 199503 1 001'),
        },
      ],
      invalid: [
        {
          name: 'another kecamatan speaking as the agency (Bojongloa Kidul / Astanaanyar)',
          text: report('Untuk mencapai Akuntabilitas Instansi Pemerintah yang baik, Kecamatan Astanaanyar selaku unsur pembantu pimpinan, dituntut selalu melakukan pembenahan kinerja.'),
          findings: [{ line: 8, expected: 'Kecamatan Pangkah (nama instansi laporan ini, dicetak 2 kali)', category: 'name_or_id_mismatch', severity: 'warning', messageIncludes: 'Kecamatan Astanaanyar' }],
        },
        {
          name: 'a chapter title naming a sibling kecamatan (Pangkah / Adiwerna)',
          text: report('BAB VI INDIKATOR KINERJA KECAMATAN ADIWERNA YANG MENGACU PADA TUJUAN DAN SASARAN RPJMD'),
          findings: [{ line: 8, messageIncludes: 'KECAMATAN ADIWERNA' }],
        },
        {
          name: "a letterhead of another dinas in a dinas's report (copied from a sibling dinas)",
          text: dinas('DINAS PENDIDIKAN', 'Program ini dilaksanakan bersama Dinas Pendidikan.'),
          findings: [{ line: 17, reported: 'DINAS PENDIDIKAN', messageIncludes: 'Kop surat (baris 17) menyebut "DINAS PENDIDIKAN"', category: 'name_or_id_mismatch', severity: 'warning' }],
        },
        {
          name: 'one letterhead address with another house number',
          text: report('JL. RAMBIPUJI NO. 124 ☎ (0336) 6200051 BALUNG 68161', 'Jl. Rambipuji Nomor 142 Telp. (0336) 6200051 Balung', 'JL. RAMBIPUJI NO. 124 ☎ (0336) 6200051 BALUNG 68161'),
          findings: [{ line: 9, reported: 'Jl. Rambipuji Nomor 142', expected: 'JL. RAMBIPUJI NO. 124 (baris 8, 10)', category: 'name_or_id_mismatch' }],
        },
        {
          name: 'one letterhead telephone with a digit more (seed 001)',
          text: report('JL. ACHMAD YANI NO. 48 ☎ (0331) 711418 JEMBER 68154', 'Jl. Achmad Yani Nomor 48 Telp. (0331) 7114418 Bangsalsari 68154', 'JL. ACHMAD YANI NO. 48 ☎ (0331) 711418 JEMBER 68154'),
          findings: [{ line: 9, reported: '(0331) 7114418', expected: '(0331) 711418 (baris 8, 10)', category: 'name_or_id_mismatch' }],
        },
      ],
    },
    it,
  );
});

describe('agency-name on an OCR report (issue 13)', () => {
  const config = loadConfig();
  const text = report('Perjanjian Kinerja Perubahan Kecamatan Panqkah telah ditandatangani.', 'Sementara itu Kecamatan Astanaanyar selaku unsur pembantu pimpinan dituntut melakukan pembenahan kinerja.');
  const run = (format: 'text' | 'ocr') => {
    const doc = { ...textToDocument('kasus.pdf', text), format };
    const names = (m: string) => ['Panqkah', 'Astanaanyar'].filter((n) => m.includes(`Kecamatan ${n}`));
    return runRules(parseReport(doc, config), config, [agencyName]).flatMap((f) => names(f.message.id));
  };
  it('takes a name OCR letter confusions make of the own name as a misreading, not another agency', () => {
    expect(run('ocr')).toEqual(['Astanaanyar']);
  });
  it('reports the same spelling in a text report', () => {
    expect(run('text').sort()).toEqual(['Astanaanyar', 'Panqkah']);
  });
});
