/** The real discrepancies issue 3 names, on the seeds, in one place. */
import { describe, it } from 'vitest';
import { has } from './helpers/seed-findings.js';

const BANGSALSARI = '001_52d9b2e308fc893f';
const KENCONG = '003_0f39aaca0575dd68';
const BALUNG = '000_c0a7f8c5d5d194b0';
const JELBUK = '004_9ed3a231d27ded37';

describe('issue 3 acceptance findings', () => {
  it('1. Bangsalsari Tabel 3.3 text: "tren peningkatan" over 82,27 → 85,08 → 84,02 and "tren penurunan" over 94,80 → 93,67 → 96', () => {
    has(BANGSALSARI, 'trend-claim', 631, /tren peningkatan/, /82.27% → 85,08% → 84.02%/);
    has(BANGSALSARI, 'trend-claim', 627, /tren penurunan/, /94,80% → 93,67% → 96%/);
  });
  it('2. Bangsalsari Sasaran 3 capaian 125% in Tabel 3.2, 100% in Tabel 3.6 and 3.7', () => {
    has(BANGSALSARI, 'cross-table', 864, /^100%$/, /^125%/);
    has(BANGSALSARI, 'cross-table', 903, /^100%$/, /^125%/);
  });
  it('3. Kencong refocusing items sum to 509.937.950, the text says 333.627.175', () => {
    has(KENCONG, 'narrative-number', 834, /333\.627\.175/, /509\.937\.950/);
  });
  it('4. Kencong claims 11 kegiatan and 36 sub kegiatan; Tabel 3.8 holds 10 and 34', () => {
    has(KENCONG, 'count-claim', 637, /11 \(Sebelas\) Kegiatan/, /^10 kegiatan/);
    has(KENCONG, 'count-claim', 637, /36 \(tiga puluh enam\) Sub Kegiatan/, /^34 sub kegiatan/);
  });
  it('5. Kencong IKU decree cited 065/33/35.09.02/2023, attached 065/85/35.09.02/2023', () => {
    has(KENCONG, 'reference', 368, /065\/33\/35\.09\.02\/2023/, /065\/85\/35\.09\.02\/2023/);
  });
  it('6. Balung signatory RACHMAD / RACHMAN HIDAYAT with the same NIP', () => {
    has(BALUNG, 'identity', 960, /RACHMAN HIDAYAT/, /RACHMAD HIDAYAT/);
  });
  it('7. Balung Gaji dan Tunjangan ASN output target 18 Orang in Tabel 3.6, 17 Orang in the RKT', () => {
    has(BALUNG, 'cross-table', 604, /^18 Orang$/, /^17 Orang/);
  });
  it('8. Jelbuk Belanja Langsung 3.260.140.094 of 3.387.235.094 (96,25%), the text says 21,28% and 16,82%', () => {
    has(JELBUK, 'narrative-number', 611, /21,28 %/, /^96,25%/);
    has(JELBUK, 'narrative-number', 88, /16,82%/, /^96,25%/);
  });
  it('9. Jelbuk SKM unsur Kejelasan alur scores 30 and is called Sangat baik', () => {
    has(JELBUK, 'skm', 497, /30 Sangat baik/, /Baik/);
  });
});
