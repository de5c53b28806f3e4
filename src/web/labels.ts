/**
 * Every text the self-check page shows, in Indonesian (the default) and English: the static page
 * (index.html elements marked `data-i18n="key"`), progress and errors, the summary, the finding cards
 * (kinds of problem and what to check for each). Finding messages and rule explanations come from
 * the rules themselves (`{ id, en }`). Pure data and formatting: no DOM.
 */
import type { Category, Severity } from '../model/finding.js';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];
export const isLang = (v: unknown): v is Lang => v === 'id' || v === 'en';

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-US' };

/** Megabytes as the CLI writes them in its "too large" message (src/cli/audit-file.ts). */
export const megabytes = (bytes: number, lang: Lang) => `${(bytes / 1024 / 1024).toLocaleString(LOCALE[lang], { maximumFractionDigits: 1 })} MB`;
const seconds = (ms: number, lang: Lang) => (ms / 1000).toLocaleString(LOCALE[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The static texts of index.html, by `data-i18n` key (`data-i18n-attr="aria-label"` sets that attribute instead). */
export type StaticKey =
  | 'title'
  | 'lede1'
  | 'lede2'
  | 'lede3'
  | 'langAria'
  | 'dropAria'
  | 'dropText'
  | 'or'
  | 'pick'
  | 'summaryAria'
  | 'export'
  | 'showInfo'
  | 'pagesAria'
  | 'foot1'
  | 'foot2';

export interface Strings {
  static: Record<StaticKey, string>;
  severity: Record<Severity, string>;
  count: (s: Severity, n: number) => string;
  category: Record<Category, { label: string; check: string }>;
  workerError: string;
  failed: (msg: string) => string;
  reading: (name: string) => string;
  readingFile: string;
  parsePage: (page: number, pages: number) => string;
  ocrPrepare: (pages: number) => string;
  ocrPage: (page: number, pages: number) => string;
  auditing: string;
  summaryTitle: (name: string) => string;
  unreadable: (msg: string) => string;
  tableHead: [string, string, string, string];
  noProblems: string;
  meta: (r: { format: string; pages: number; ocrPages: number; ms: number }) => string;
  where: { page: (n: number) => string; line: (n: number) => string; row: (r: string) => string; column: (c: string) => string; whole: string };
  reported: string;
  expected: string;
  tolerance: string;
  toCheck: string;
  why: string;
  noPlace: string;
  related: string;
  pageLabel: (n: number) => string;
  ocrDone: (n: number, which: string) => string;
  ocrFailed: (n: number, which: string, err: string) => string;
  pagesList: (pages: number[]) => string;
  genericError: string;
  csvSuffix: string;
  tooLarge: (name: string, size: number, limit: number, kind: 'pdf' | 'text') => string;
}

const ID: Strings = {
  static: {
    title: 'Periksa Mandiri LKIP',
    lede1: 'Periksa konsistensi angka laporan kinerja Anda sebelum dikirim. Berkas ',
    lede2: 'tidak dikirim ke mana pun',
    lede3: ': semua pemeriksaan berjalan di komputer ini, di dalam peramban.',
    langAria: 'Bahasa',
    dropAria: 'Tempat menjatuhkan berkas laporan',
    dropText: 'Tarik dan lepas berkas laporan (PDF, atau ekspor teks .txt/.md) ke sini',
    or: 'atau ',
    pick: 'pilih berkas',
    summaryAria: 'Ringkasan',
    export: 'Unduh CSV temuan',
    showInfo: ' tampilkan info',
    pagesAria: 'Halaman laporan',
    foot1: 'lkip-audit · pemeriksaan yang sama dengan ',
    foot2: '; CSV yang diunduh sama dengan keluaran CLI.',
  },
  severity: { error: 'Galat', warning: 'Peringatan', info: 'Info' },
  count: (s, n) => `${n} ${ID.severity[s].toLowerCase()}`,
  category: {
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
  },
  workerError: 'galat pada pekerja',
  failed: (m) => `Gagal: ${m}`,
  reading: (name) => `Membaca ${name} …`,
  readingFile: 'Membaca berkas …',
  parsePage: (p, n) => `Membaca halaman ${p} dari ${n} …`,
  ocrPrepare: (n) => `Menyiapkan OCR untuk ${n} halaman hasil pindaian …`,
  ocrPage: (p, n) => `Membaca hasil pindaian (OCR): halaman ${p} dari ${n} …`,
  auditing: 'Memeriksa konsistensi …',
  summaryTitle: (name) => `Ringkasan: ${name}`,
  unreadable: (m) => `Berkas tidak dapat diperiksa: ${m}`,
  tableHead: ['Jenis masalah', 'Galat', 'Peringatan', 'Info'],
  noProblems: 'Tidak ada masalah yang ditemukan.',
  meta: (r) =>
    `${r.format === 'text' ? 'ekspor teks' : `PDF, ${r.pages} halaman${r.ocrPages ? `, ${r.ocrPages} dibaca dengan OCR` : ''}`} · diperiksa dalam ${seconds(r.ms, 'id')} detik`,
  where: { page: (n) => `hal. ${n}`, line: (n) => `baris ${n}`, row: (r) => `baris "${r}"`, column: (c) => `kolom "${c}"`, whole: 'seluruh dokumen' },
  reported: 'Tertulis',
  expected: 'Seharusnya',
  tolerance: 'Toleransi',
  toCheck: 'Yang perlu diperiksa: ',
  why: 'Mengapa ini diperiksa',
  noPlace: 'Temuan ini tidak menunjuk satu tempat di halaman.',
  related: 'tempat terkait',
  pageLabel: (n) => `Halaman ${n}`,
  ocrDone: (n, which) => `${n} halaman hasil pindaian (${which}) dibaca dengan OCR. Angka hasil OCR bisa salah baca: periksa temuan pada halaman itu dengan teliti.`,
  ocrFailed: (n, which, err) =>
    `${n} halaman tidak memiliki lapisan teks (hasil pindaian: ${which}) dan tidak dapat dibaca dengan OCR di sini (${err}); angka pada halaman itu tidak diperiksa. Buka halaman ini melalui "lkip-audit serve" agar OCR dapat berjalan.`,
  pagesList: (p) => `hal. ${p.join(', ')}`,
  genericError: 'galat',
  csvSuffix: 'temuan',
  tooLarge: (name, size, limit, kind) =>
    `Berkas terlalu besar untuk sebuah laporan: ${name} (${megabytes(size, 'id')}; batas untuk ${kind === 'pdf' ? 'PDF' : 'berkas teks'} ${megabytes(limit, 'id')}). Periksa apakah ini memang LKIP; berkas tidak dibaca.`,
};

const EN: Strings = {
  static: {
    title: 'LKIP Self-Check',
    lede1: 'Check the numbers of your performance report for consistency before you submit it. The file ',
    lede2: 'is not sent anywhere',
    lede3: ': every check runs on this computer, inside the browser.',
    langAria: 'Language',
    dropAria: 'Drop zone for the report file',
    dropText: 'Drag and drop the report file (PDF, or a .txt/.md text export) here',
    or: 'or ',
    pick: 'choose a file',
    summaryAria: 'Summary',
    export: 'Download findings CSV',
    showInfo: ' show info',
    pagesAria: 'Report pages',
    foot1: 'lkip-audit · the same checks as ',
    foot2: '; the downloaded CSV is the same as the CLI’s output.',
  },
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  count: (s, n) => (s === 'info' ? `${n} info` : `${n} ${s}${n === 1 ? '' : 's'}`),
  category: {
    sum_mismatch: { label: 'Total does not add up', check: 'Add up the detail rows below it (kegiatan/sub kegiatan) again and correct the total or the details.' },
    percentage_mismatch: { label: 'Percentage does not match', check: 'Recompute the percentage = realisasi ÷ pagu × 100 from the numbers on the same row.' },
    capaian_mismatch: { label: 'Achievement (capaian) does not match', check: 'Recompute capaian = realisasi ÷ target × 100 (for a negative indicator: target ÷ realisasi).' },
    average_mismatch: { label: 'Average does not match', check: 'Recompute the average from the values averaged; say so when achievements above 100% are counted as 100%.' },
    predicate_mismatch: { label: 'Rating (predikat) does not fit the scale', check: 'Match the predikat against the rating scale this report states.' },
    target_drift: { label: 'Target differs between documents', check: 'Make this indicator’s target the same in the Renstra, RKT, PK/PK Perubahan and the measurement table, or explain the change.' },
    cross_table_mismatch: { label: 'Number differs between tables', check: 'Make the same number identical in every table that holds it (Bab I, Bab III, annexes).' },
    count_claim_mismatch: { label: 'Stated count does not match', check: 'Count the rows of the table referred to and make the number (and its words) in the sentence match.' },
    narrative_number_mismatch: { label: 'Number in a sentence does not match', check: 'Recompute the number in the sentence from its table, or correct the sentence.' },
    trend_claim_mismatch: { label: 'Trend claim does not fit the data', check: 'Compare the rise/fall/on-target claim with the yearly numbers in the table.' },
    terbilang_mismatch: { label: 'Number in words (terbilang) does not match', check: 'Make the number and its written-out words (terbilang) the same.' },
    year_or_date_mismatch: { label: 'Year/date does not match', check: 'Check the budget year, the report year and the signing date.' },
    name_or_id_mismatch: { label: 'Name/NIP does not match', check: 'Make the signatory’s name and NIP the same in every part; check the NIP itself.' },
    reference_mismatch: { label: 'Reference does not match', check: 'Check the SK/table number referred to and what it contains.' },
    missing_value: { label: 'Empty field / template left over', check: 'Fill in the parts that are still empty or still template text.' },
    unreadable_value: { label: 'Value cannot be read', check: 'Check this cell: its content cannot be read as a number (e.g. two values in one cell).' },
    structure_missing: { label: 'Report section missing', check: 'Add the required section (PermenPANRB 53/2014).' },
  },
  workerError: 'worker error',
  failed: (m) => `Failed: ${m}`,
  reading: (name) => `Reading ${name} …`,
  readingFile: 'Reading the file …',
  parsePage: (p, n) => `Reading page ${p} of ${n} …`,
  ocrPrepare: (n) => `Preparing OCR for ${n} scanned page${n === 1 ? '' : 's'} …`,
  ocrPage: (p, n) => `Reading scanned pages (OCR): page ${p} of ${n} …`,
  auditing: 'Checking consistency …',
  summaryTitle: (name) => `Summary: ${name}`,
  unreadable: (m) => `The file could not be checked: ${m}`,
  tableHead: ['Kind of problem', 'Errors', 'Warnings', 'Info'],
  noProblems: 'No problems found.',
  meta: (r) =>
    `${r.format === 'text' ? 'text export' : `PDF, ${r.pages} page${r.pages === 1 ? '' : 's'}${r.ocrPages ? `, ${r.ocrPages} read with OCR` : ''}`} · checked in ${seconds(r.ms, 'en')} s`,
  where: { page: (n) => `p. ${n}`, line: (n) => `line ${n}`, row: (r) => `row "${r}"`, column: (c) => `column "${c}"`, whole: 'whole document' },
  reported: 'Printed',
  expected: 'Should be',
  tolerance: 'Tolerance',
  toCheck: 'What to check: ',
  why: 'Why this is checked',
  noPlace: 'This finding does not point at one place on a page.',
  related: 'related place',
  pageLabel: (n) => `Page ${n}`,
  ocrDone: (n, which) => `${n} scanned page${n === 1 ? '' : 's'} (${which}) read with OCR. OCR can misread numbers: check the findings on those pages carefully.`,
  ocrFailed: (n, which, err) =>
    `${n} page${n === 1 ? ' has' : 's have'} no text layer (scanned: ${which}) and could not be read with OCR here (${err}); the numbers on ${n === 1 ? 'it were' : 'them were'} not checked. Open this page through "lkip-audit serve" so that OCR can run.`,
  pagesList: (p) => `p. ${p.join(', ')}`,
  genericError: 'error',
  csvSuffix: 'findings',
  tooLarge: (name, size, limit, kind) =>
    `The file is too large for a report: ${name} (${megabytes(size, 'en')}; the limit for ${kind === 'pdf' ? 'PDFs' : 'text files'} is ${megabytes(limit, 'en')}). Check that it really is an LKIP; the file was not read.`,
};

export const STRINGS: Record<Lang, Strings> = { id: ID, en: EN };
