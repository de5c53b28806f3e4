/** Indonesian labels for the page: finding kinds and what to check for each. */
import type { Category, Severity } from '../model/finding.js';

export const SEVERITY: Record<Severity, string> = { error: 'Galat', warning: 'Peringatan', info: 'Info' };

export const CATEGORY: Record<Category, { label: string; check: string }> = {
  sum_mismatch: { label: 'Jumlah tidak cocok', check: 'Jumlahkan kembali rincian di bawahnya (kegiatan/sub kegiatan) dan perbaiki angka induk atau rinciannya.' },
  percentage_mismatch: { label: 'Persentase tidak cocok', check: 'Hitung ulang persentase = realisasi ÷ pagu × 100 dari angka pada baris yang sama.' },
  capaian_mismatch: { label: 'Capaian tidak cocok', check: 'Hitung ulang capaian = realisasi ÷ target × 100 (untuk indikator negatif: target ÷ realisasi).' },
  average_mismatch: { label: 'Rata-rata tidak cocok', check: 'Hitung ulang rata-rata dari nilai yang dirata-ratakan; sebutkan bila capaian di atas 100% dihitung 100%.' },
  predicate_mismatch: { label: 'Predikat tidak sesuai skala', check: 'Cocokkan predikat dengan skala penilaian yang dicantumkan laporan ini.' },
  target_drift: { label: 'Target berbeda antar dokumen', check: 'Samakan target indikator ini di Renstra, RKT, PK/PK Perubahan dan tabel pengukuran, atau jelaskan perubahannya.' },
  cross_table_mismatch: { label: 'Angka berbeda antar tabel', check: 'Samakan angka yang sama di semua tabel yang memuatnya (Bab I, Bab III, lampiran).' },
  count_claim_mismatch: { label: 'Jumlah yang disebut tidak cocok', check: 'Hitung baris pada tabel yang dirujuk dan samakan dengan angka (dan terbilangnya) di kalimat.' },
  narrative_number_mismatch: { label: 'Angka di kalimat tidak cocok', check: 'Hitung ulang angka di kalimat dari tabelnya, atau perbaiki kalimatnya.' },
  trend_claim_mismatch: { label: 'Klaim tren tidak sesuai data', check: 'Bandingkan klaim naik/turun/sesuai target dengan angka tahun-tahun pada tabel.' },
  terbilang_mismatch: { label: 'Terbilang tidak cocok', check: 'Samakan angka dengan tulisan terbilangnya.' },
  year_or_date_mismatch: { label: 'Tahun/tanggal tidak cocok', check: 'Periksa tahun anggaran, tahun laporan dan tanggal penandatanganan.' },
  name_or_id_mismatch: { label: 'Nama/NIP tidak cocok', check: 'Samakan nama dan NIP penandatangan di semua bagian; periksa NIP-nya.' },
  reference_mismatch: { label: 'Rujukan tidak cocok', check: 'Periksa nomor SK/tabel yang dirujuk dan isinya.' },
  missing_value: { label: 'Isian kosong / sisa templat', check: 'Isi bagian yang masih kosong atau masih berupa templat.' },
  unreadable_value: { label: 'Nilai tidak terbaca', check: 'Periksa sel ini: isinya tidak dapat dibaca sebagai angka (mis. dua nilai dalam satu sel).' },
  structure_missing: { label: 'Bagian laporan hilang', check: 'Tambahkan bagian yang diwajibkan (PermenPANRB 53/2014).' },
};
