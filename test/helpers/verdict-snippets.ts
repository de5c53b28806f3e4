/** Report snippets of the verdict rules' tests (verdict, sasaran-serapan, sasaran-average), in the seeds' layout. */
import { measurement } from './snippets.js';

export const ROWS = [
  '1\tMeningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah\tPersentase Indikator Program yang tercapai\t100%\t100%\t100%',
  '2\tMeningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik\tIndeks Kepuasan Masyarakat\t93\t83,28\t89,55%',
  '3\tMeningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan\tPersentase Fasilitas Kesejahteraan masyarakat yang dilaksanakan\t80%\t100%\t125,00%',
  '4\tTerjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan\tPersentase Tingkat Penyelesaian Laporan\t100%\t100%\t100,00%',
];

/** Tabel 3.6 names the sasaran of the programme; Tabel 3.7 gives its % serapan; Tabel 3.8 the programme's. */
export const serapan = (pct: string) => `${measurement(ROWS)}
Tabel 3.6
Target dan Realisasi Program dan Kegiatan Pendukung Sasaran

Sasaran Strategi 1 : Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah.

No.\tProgram/ Kegiatan/ Sub Kegiatan\tTarget\tCapaian\t%
1.\tProgram : Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\t\t\t
\tKegiatan : Administrasi Keuangan Perangkat Daerah\t\t\t
\tSub Kegiatan : Penyediaan Gaji dan Tunjangan ASN\t\t\t
\tInput : Dana\t100.000.000\t90.000.000\t90,00%
\tOutput : Jumlah Orang yang Menerima Gaji dan Tunjangan ASN\t18 Orang\t18 Orang\t100%

Tabel 3.7
Efisiensi Penggunaan Sumber Daya

Sasaran\t% Capaian Kinerja\t% Serapan Anggaran\tTingkat Efisiensi
Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah\t100 %\t${pct}\tEfisien

Sumberdaya Manusia berjumlah 17 orang.

Tabel 3.8
REALISASI ANGGARAN PER PROGRAM TAHUN 2023

NO.\tPROGRAM/KEGIATAN/SUB KEGIATAN\tPAGU\tREALISASI\t%
\tProgram : Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\t100.000.000\t90.000.000\t90,00%
1\tKegiatan : Administrasi Keuangan Perangkat Daerah\t100.000.000\t90.000.000\t90,00%
\tSub Kegiatan Penyediaan Gaji dan Tunjangan ASN\t100.000.000\t90.000.000\t90,00%
\tJUMLAH\t100.000.000\t90.000.000\t90,00%
`;

/** Jelbuk 2021 layout: four-level scale, one sasaran with two indicators, a "Berhasil" sentence under the sasaran's tables. */
export const berhasil = (cap: string, stated: string) => `BAB III AKUNTABILITAS KINERJA

No\tCAPAIAN KINERJA\tKETERANGAN
1.\tLebih dari 100 %\tSANGAT BAIK
2.\t76 % s/d 100 %\tBAIK
2.\t55 % s/d 75 %\tCUKUP
3.\tKurang dari 55 %\tKURANG

Tabel 3.1
Pengukuran Realisasi Kinerja Tahun 2021

NO.\tSASARAN STRATEGIS\tINDIKATOR SASARAN\tTARGET\tREALISASI\tCAPAIAN
(1)\t(2)\t(3)\t(4)\t(5)\t(6)
1\tMeningkatnya Koordinasi bidang Pemerintahan Wilayah Kecamatan\tProsentase Rekomendasi Hasil Koordinasi Bidang Pemerintahan yang ditindak lanjuti\t100%\t${cap}\t${cap}
\t\tProsentase Desa yang sudah menyusun dokumen Perencanaan dengan benar\t100%\t${cap}\t${cap}

2. Tujuan 2 Sasaran 1 : Meningkatnya koordinasi bidang pemerintahan wilayah Kecamatan

Dari tabel diatas rata-rata capaian sasaran sebesar **${stated}** sehingga pencapaian sasaran tersebut adalah **Berhasil**
`;

