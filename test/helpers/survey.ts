/** A survey (SKM) section in the seeds' layout: a distribution table and a score table with an average row. */
export type Row = [string, string, string, string, string];
export const DIST: Row[] = [
  ['Persyaratan', '0%', '0%', '100%', '0%'],
  ['Biaya lain (pungutan)', '0%', '0%', '0%', '100%'],
  ['Kemampuan memberikan pelayanan', '10%', '90%', '0', '0%'],
  ['Kesopanan petugas', '10%', '10%', '80%', '0%'],
  ['Kejelasan alur pembagian petugas pelayanan', '80%', '0%', '0%', '20%'],
  ['Keamanan', '0%', '10%', '0%', '90%'],
];
export const SCORES: [string, string][] = [
  ['75', 'Baik'],
  ['100', 'Sangat baik'],
  ['47,5', 'Kurang baik'],
  ['67,5', 'Baik'],
  ['40', 'Tidak baik'],
  ['95', 'Sangat baik'],
];
export const survey = (dist: Row[], scores: [string, string][], avg: string) => `BAB III AKUNTABILITAS KINERJA

Hasil Survey Kepuasan Masyarakat Bidang Pelayanan umum

NO\tUNSUR\tTidak Baik\tKurang Baik\tBaik\tSangat Baik\tTotal
${dist.map((r, i) => `${i + 1}\t${r.join('\t')}\t100%`).join('\n')}

NO\tUNSUR\tSKOR\tPREDIKAT
${scores.map(([s, p], i) => `${i + 1}\t${dist[i]![0]}\t${s}\t${p}`).join('\n')}
Rata-rata unsur pelayanan\t\t${avg}\tbaik
`;
export const withScore = (i: number, s: [string, string]) => SCORES.map((x, j) => (j === i ? s : x));
