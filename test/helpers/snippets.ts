/** Small report snippets in the seeds' layout, shared by rule tests. */
export const SCALE = `BAB III AKUNTABILITAS KINERJA

No\tKategori\tNilai\tInterpretasi
1.\tAA\t➤ 90 - 100\tSangat Memuaskan
2.\tA\t➤ 80 - 90\tMemuaskan
3.\tBB\t➤ 70 - 80\tSangat Baik
4.\tB\t➤ 60 - 70\tBaik
5.\tCC\t➤ 50 - 60\tCukup
6.\tC\t➤ 30 - 50\tKurang
7.\tD\t➤ 0 - 30\tSangat Kurang
`;

export function measurement(rows: string[], avg?: string): string {
  return `${SCALE}
Tabel 3.1
Pengukuran Realisasi Kinerja Tahun 2023

NO\tSASARAN STRATEGIS\tINDIKATOR SASARAN\tTARGET 2023\tREALISASI 2023\tCAPAIAN 2023
(1)\t(2)\t(3)\t(4)\t(5)\t(6)
${rows.join('\n')}
${avg ? `\tRata rata Capaian\t\t\t\t${avg}` : ''}
`;
}

/** A Bab I staff table in the Balung layout (a count column closed by a Jumlah row), under a sentence of the text. */
export const staffTable = (claim: string, jumlah: string, fourth = '-') => `LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2023

BAB I

PENDAHULUAN

${claim}

Tabel 1.3
Jumlah ASN dan Non ASN Kecamatan Contoh berdasarkan Latar Belakang Pendidikan

No\tPendidikan\tJumlah\tKeterangan
1\tSMA/STM\t2 Orang\tASN
2\tS1\t12 Orang\tASN
3\tSMA/STM\t12 Orang\tNon ASN
4\tS1\t${fourth}\tNon ASN
Jumlah\t\t${jumlah}\t
`;
