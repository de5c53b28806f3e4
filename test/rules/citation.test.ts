import { describe, it } from 'vitest';
import { citation } from '../../src/audit/rules/citation.js';
import { ruleTester } from '../helpers/rule-tester.js';

const bab3 = (...lines: string[]) => ['BAB III AKUNTABILITAS KINERJA', '', ...lines, ''].join('\n');
const permen = (year: number, what = 'Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja, dan Tata Cara Reviu') =>
  `Laporan ini disusun berpedoman pada Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 tahun ${year} tentang ${what}.`;

describe('citation', () => {
  ruleTester(
    citation,
    {
      valid: [
        { name: 'the cited table is the one that follows', text: bab3('Capaian dapat dijelaskan pada tabel 3.1 berikut ini :', 'Tabel 3.1 Capaian Kinerja Tahun 2016', 'No\tIndikator\tTarget\tRealisasi', '1\tIndeks\t90\t89') },
        { name: 'a table with its caption below is not compared with the next caption', text: bab3('Rinciannya pada tabel 3.2 berikut.', 'No\tIndikator\tTarget', '1\tIndeks\t90', 'Tabel 3.2 Capaian', '', 'Tabel 3.3 Anggaran') },
        { name: 'one regulation cited the same way', text: bab3(permen(2014), '', 'Sesuai PermenPANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, perjanjian memuat IKU.') },
        { name: 'the same number with another title is another regulation', text: bab3('Diatur dalam Peraturan Bupati Jember Nomor 29 Tahun 2021 tentang Kedudukan Susunan Organisasi Kecamatan.', '', 'Diatur pula dalam Peraturan Bupati Jember Nomor 29 Tahun 2016 tentang Tata Cara Penyusunan Laporan Kinerja.') },
        { name: 'citations without a title are not compared', text: bab3('Sesuai PermenPANRB nomor 53 tahun 2014, perjanjian kinerja memuat IKU.', '', 'Menurut PermenPANRB nomor 53 tahun 2015, laporan disusun.') },
      ],
      invalid: [
        {
          name: 'the text cites "tabel 4" above a table captioned Tabel 3.1 (Ponorogo)',
          text: bab3('Tingkat Capaian Kinerja tahun 2016 dapat dijelaskan pada tabel 4. berikut di bawah ini :', 'Tabel 3.1 CAPAIAN KINERJA BAPPEDA SASARAN 1 tahun 2016', 'No\tSasaran\tTarget\tRealisasi', '1\tMekanisme\t90\t89,3'),
          findings: [{ line: 3, reported: 'tabel 4. berikut', expected: 'Tabel 3.1 (judul tabel yang menyusul, baris 4)', category: 'reference_mismatch', severity: 'warning' }],
        },
        {
          name: 'one regulation cited with two years (the decree attached vs the body, seeds 000-004)',
          text: bab3(permen(2014), '', 'Kata pengantar juga mengacu pada ' + permen(2014).replace('Laporan ini disusun berpedoman pada ', ''), '', '9. Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2015 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja, dan Tata Cara Reviu Atas Laporan Kinerja Instansi Pemerintah;'),
          findings: [{ line: 7, reported: 'Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2015', expected: 'Tahun 2014 (Bab III baris 3, Bab III baris 5)' }],
        },
      ],
    },
    it,
  );
});
