/**
 * Every text the self-check page shows, in Indonesian (the default) and English: the static page
 * (index.html elements marked `data-i18n="key"`), progress and errors, the summary, the finding cards
 * (kinds of problem and what to check for each). Finding messages and rule explanations come from
 * the rules themselves (`{ id, en }`). Pure data and formatting: no DOM.
 *
 * Written for the person who made the report (a kecamatan or dinas clerk), read as a whole: plain
 * words ("Kesalahan", not "Galat"), no tool jargon (no "OCR", "CLI", "ekspor", tolerances), places
 * named by page and by the table, row and column names printed in the report, never by the tool's
 * own line count. The wording shared with the CLI's HTML report is in src/report/wording.ts.
 */
import type { Category, Severity } from '../model/finding.js';
import { SEVERITY, WHERE, type Lang } from '../report/wording.js';

export type { Lang };
export const LANGS: readonly Lang[] = ['id', 'en'];
export const isLang = (v: unknown): v is Lang => v === 'id' || v === 'en';

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-US' };

/** Megabytes as the CLI writes them in its "too large" message (src/cli/audit-file.ts). */
export const megabytes = (bytes: number, lang: Lang) => `${(bytes / 1024 / 1024).toLocaleString(LOCALE[lang], { maximumFractionDigits: 1 })} MB`;
const seconds = (ms: number, lang: Lang) => (ms / 1000).toLocaleString(LOCALE[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The static texts of index.html, by `data-i18n` key (`data-i18n-label` sets the aria-label instead). */
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
  | 'help'
  | 'help1'
  | 'help2'
  | 'help3'
  | 'help4'
  | 'help5'
  | 'summaryAria'
  | 'export'
  | 'exportExcel'
  | 'showInfo'
  | 'pagesAria'
  | 'foot1'
  | 'foot2';

/** Why a file could not be checked (the finding's `reported` reason), and what to do about it. */
export type FailReason =
  | 'empty'
  | 'not-pdf'
  | 'truncated'
  | 'encrypted'
  | 'no-pages'
  | 'unreadable'
  | 'unsupported'
  | 'binary'
  | 'not-a-report'
  | 'internal'
  | 'too-large';

export interface Strings {
  static: Record<StaticKey, string>;
  severity: Record<Severity, string>;
  count: (s: Severity, n: number) => string;
  category: Record<Category, { label: string; check: string }>;
  workerError: string;
  reading: (name: string) => string;
  readingFile: string;
  parsePage: (page: number, pages: number) => string;
  /** Pages that are pictures (scans) are read from their image: getting ready takes a while. */
  ocrPrepare: (pages: number, secs: number) => string;
  ocrPage: (page: number, pages: number) => string;
  auditing: string;
  summaryTitle: (name: string) => string;
  /** The screen of a file that could not be checked: a title, the reason, what to do. */
  failTitle: string;
  failTodo: string;
  failAdvice: Record<FailReason, string>;
  /** The screen of a file that is not an LKIP. */
  notLkipTitle: string;
  notLkipWhat: (title: string, what: string) => string;
  notLkipTodo: string;
  notLkipShow: string;
  tableHead: [string, string, string, string];
  noProblems: string;
  meta: (r: { format: string; pages: number; imagePages: number; ms: number }) => string;
  reported: string;
  /** Label of `expected` for a recomputation (capaian, sums, percentages, ...). */
  recomputed: string;
  /** Label of `expected` for the other checks (the report's own scale, the cited decree, ...). */
  expected: string;
  /** A finding resting on a number read from a page image (or corrected from it). */
  needsReview: string;
  /** For findings where two places print different values (target drift, cross-table): the tool does not know which is right. */
  here: string;
  elsewhere: string;
  whichIsRight: string;
  toCheck: string;
  why: string;
  noPlace: string;
  related: string;
  pageLabel: (n: number) => string;
  /** Pages read from their image (scans): only pages whose image held text. */
  ocrDone: (pages: number[]) => string;
  ocrFailed: (pages: number[]) => string;
  csvSuffix: string;
  tooLarge: (name: string, size: number, limit: number, kind: 'pdf' | 'text') => string;
}

const pagesText = (p: number[], lang: Lang) => (lang === 'id' ? `Halaman ${p.join(', ')}` : `${p.length === 1 ? 'Page' : 'Pages'} ${p.join(', ')}`);

const ID: Strings = {
  static: {
    title: 'Periksa Mandiri LKIP',
    lede1: 'Periksa kecocokan angka-angka Laporan Kinerja (LKIP) Anda sebelum dikirim. Berkas ',
    lede2: 'tidak dikirim ke mana pun',
    lede3: ': semua pemeriksaan berjalan di komputer ini, di dalam peramban.',
    langAria: 'Bahasa',
    dropAria: 'Tempat menaruh berkas laporan',
    dropText: 'Tarik berkas LKIP (PDF, atau berkas teks .txt) ke sini',
    or: 'atau ',
    pick: 'pilih berkas',
    help: 'Cara membaca hasil',
    help1: 'Setiap temuan adalah tempat di laporan yang angkanya tidak cocok dengan angka lain di laporan yang sama. Klik temuan: halamannya dibuka dan selnya diberi kotak.',
    help2: 'Kesalahan: angka yang dihitung ulang dari laporan sendiri tidak sama dengan yang tertulis; perlu diperbaiki. Peringatan: kemungkinan salah, periksa dulu. Catatan: hal yang perlu diketahui, tidak selalu salah.',
    help3: '"Tertulis" adalah angka di laporan; "Hasil hitung ulang" adalah angka yang dihitung dari angka lain di laporan. Bila dua tempat menulis angka berbeda, alat ini tidak tahu mana yang benar: Andalah yang memutuskan.',
    help4: 'Tempat ditunjukkan dengan nomor halaman PDF, nama tabel, nama baris dan nama kolom seperti tercetak di laporan.',
    help5: '"Unduh untuk Excel" menyimpan daftar temuan sebagai tabel yang langsung terbuka di Excel.',
    summaryAria: 'Ringkasan',
    export: 'Unduh CSV',
    exportExcel: 'Unduh untuk Excel',
    showInfo: ' tampilkan catatan',
    pagesAria: 'Halaman laporan',
    foot1: 'lkip-audit · pemeriksaan yang sama dengan program ',
    foot2: ' yang dipakai pemeriksa; berkas CSV yang diunduh sama persis dengan hasil program itu.',
  },
  severity: SEVERITY.id,
  count: (s, n) => `${n} ${SEVERITY.id[s].toLowerCase()}`,
  category: {
    sum_mismatch: { label: 'Jumlah tidak cocok', check: 'Jumlahkan kembali rincian di bawahnya (kegiatan/sub kegiatan) dan perbaiki angka jumlahnya atau rinciannya.' },
    percentage_mismatch: { label: 'Persentase tidak cocok', check: 'Hitung ulang persentase = realisasi ÷ pagu × 100 dari angka pada baris yang sama.' },
    capaian_mismatch: { label: 'Capaian tidak cocok', check: 'Hitung ulang capaian = realisasi ÷ target × 100 (untuk indikator yang makin kecil makin baik: target ÷ realisasi).' },
    average_mismatch: { label: 'Rata-rata tidak cocok', check: 'Hitung ulang rata-rata dari nilai yang dirata-ratakan; sebutkan bila capaian di atas 100% dihitung 100%.' },
    predicate_mismatch: { label: 'Predikat tidak sesuai skala', check: 'Cocokkan predikat dengan skala penilaian yang dicantumkan laporan ini.' },
    target_drift: { label: 'Target berbeda antar dokumen', check: 'Tentukan target mana yang benar (Renstra, RKT, PK/PK Perubahan atau tabel pengukuran), lalu samakan di semua tempat, atau jelaskan perubahannya.' },
    cross_table_mismatch: { label: 'Angka berbeda antar tabel', check: 'Tentukan angka mana yang benar, lalu samakan di semua tabel yang memuatnya (Bab I, Bab III, lampiran).' },
    count_claim_mismatch: { label: 'Jumlah yang disebut tidak cocok', check: 'Hitung baris pada tabel yang dirujuk dan samakan dengan angka (dan tulisan angkanya) di kalimat.' },
    narrative_number_mismatch: { label: 'Angka di kalimat tidak cocok', check: 'Hitung ulang angka di kalimat dari tabelnya, atau perbaiki kalimatnya.' },
    trend_claim_mismatch: { label: 'Kalimat naik/turun tidak sesuai angka', check: 'Bandingkan kalimat naik/turun/sesuai target dengan angka tahun-tahun pada tabel.' },
    terbilang_mismatch: { label: 'Terbilang tidak cocok', check: 'Samakan angka dengan tulisan terbilangnya.' },
    year_or_date_mismatch: { label: 'Tahun/tanggal tidak cocok', check: 'Periksa tahun anggaran, tahun laporan dan tanggal penandatanganan.' },
    name_or_id_mismatch: { label: 'Nama/NIP tidak cocok', check: 'Samakan nama dan NIP penandatangan di semua bagian; periksa NIP-nya.' },
    reference_mismatch: { label: 'Rujukan tidak cocok', check: 'Periksa nomor SK/tabel yang dirujuk dan isinya.' },
    missing_value: { label: 'Isian kosong / sisa templat', check: 'Isi bagian yang masih kosong atau masih berupa contoh dari templat.' },
    unreadable_value: { label: 'Angka tidak terbaca', check: 'Periksa sel ini: isinya tidak dapat dibaca sebagai satu angka (mis. dua angka dalam satu sel).' },
    structure_missing: { label: 'Bagian laporan', check: 'Pastikan laporan memuat semua bagian wajib (Ikhtisar Eksekutif, Bab I–IV, lampiran Perjanjian Kinerja).' },
  },
  workerError: 'Terjadi kesalahan di dalam pemeriksa. Muat ulang halaman ini lalu coba lagi.',
  reading: (name) => `Membuka ${name} …`,
  readingFile: 'Membuka berkas …',
  parsePage: (p, n) => `Membaca halaman ${p} dari ${n} …`,
  ocrPrepare: (n, s) => `${n} halaman berupa gambar (hasil pindaian): menyiapkan pembacaan teks dari gambar … ${s} detik`,
  ocrPage: (p, n) => `Membaca teks dari gambar halaman: ${p} dari ${n} selesai …`,
  auditing: 'Memeriksa kecocokan angka …',
  summaryTitle: (name) => `Ringkasan: ${name}`,
  failTitle: 'Berkas ini tidak dapat diperiksa',
  failTodo: 'Yang dapat dilakukan: ',
  failAdvice: {
    empty: 'Berkas ini kosong. Pilih berkas LKIP yang berisi laporannya.',
    'not-pdf': 'Berkas ini bukan PDF, walaupun namanya berakhiran .pdf. Simpan ulang laporan sebagai PDF dari program pengolah kata (Simpan sebagai / Ekspor ke PDF), lalu coba lagi.',
    truncated: 'Berkas PDF ini tidak utuh (mungkin unduhannya terputus). Unduh atau salin ulang berkasnya, atau simpan ulang sebagai PDF, lalu coba lagi.',
    encrypted: 'Berkas PDF ini dikunci dengan kata sandi. Simpan salinan tanpa kata sandi, lalu coba lagi.',
    'no-pages': 'Berkas PDF ini tidak berisi halaman. Simpan ulang laporan sebagai PDF, lalu coba lagi.',
    unreadable: 'Berkas PDF ini rusak. Simpan ulang laporan sebagai PDF, lalu coba lagi.',
    unsupported: 'Jenis berkas ini tidak dapat diperiksa. Simpan laporan sebagai PDF, lalu pilih berkas PDF itu.',
    binary: 'Berkas ini bukan berkas teks. Pilih berkas PDF laporannya.',
    'not-a-report': 'Tidak ada tabel laporan kinerja yang dikenali di berkas ini. Pastikan yang dipilih adalah LKIP (Laporan Kinerja) dengan tabel pengukuran kinerjanya.',
    internal: 'Muat ulang halaman ini lalu coba lagi. Bila tetap gagal, kirimkan berkas ini kepada pemeriksa (Inspektorat) agar diperiksa dengan program lkip-audit.',
    'too-large': 'Pastikan berkas ini memang LKIP. Bila ya, simpan ulang PDF-nya dengan ukuran lebih kecil (mis. gambar dikompres), lalu coba lagi.',
  },
  notLkipTitle: 'Berkas ini bukan LKIP',
  notLkipWhat: (title, what) => `Judul pada sampulnya, “${title}”, menunjukkan bahwa berkas ini adalah ${what}.`,
  notLkipTodo:
    'Halaman ini memeriksa Laporan Kinerja (LKIP). Pilih berkas LKIP-nya: laporan dengan Ikhtisar Eksekutif, Bab I–IV dan lampiran Perjanjian Kinerja. Dokumen seperti SK IKU, Renstra, RKT atau PK biasanya dilampirkan di dalam LKIP itu.',
  notLkipShow: 'Tetap tampilkan hasil pemeriksaan berkas ini',
  tableHead: ['Jenis masalah', SEVERITY.id.error, SEVERITY.id.warning, SEVERITY.id.info],
  noProblems: 'Tidak ada masalah yang ditemukan.',
  meta: (r) =>
    `${r.format === 'text' ? 'berkas teks' : `PDF, ${r.pages} halaman${r.imagePages ? `, ${r.imagePages} di antaranya dibaca dari gambar` : ''}`} · diperiksa dalam ${seconds(r.ms, 'id')} detik`,
  reported: 'Tertulis',
  recomputed: 'Hasil hitung ulang',
  expected: 'Seharusnya',
  needsReview: 'Temuan ini bergantung pada angka yang dibaca dari gambar halaman dan mungkin salah baca: cocokkan dulu angkanya dengan halaman itu.',
  here: 'Di sini tertulis',
  elsewhere: 'Di tempat lain tertulis',
  whichIsRight: 'Mana yang benar? ',
  toCheck: 'Yang perlu diperiksa: ',
  why: 'Mengapa ini diperiksa',
  noPlace: 'Temuan ini tentang seluruh dokumen, bukan satu tempat di halaman.',
  related: 'tempat terkait',
  pageLabel: (n) => `Halaman ${n}`,
  ocrDone: (p) =>
    `${pagesText(p, 'id')} berupa gambar (hasil pindaian), jadi teksnya dibaca dari gambar. Angka yang dibaca dari gambar bisa keliru: periksa temuan pada halaman itu dengan teliti.`,
  ocrFailed: (p) =>
    `${pagesText(p, 'id')} berupa gambar (hasil pindaian) dan teksnya tidak dapat dibaca di sini; angka pada halaman itu tidak diperiksa. Kirimkan berkas ini kepada pemeriksa (Inspektorat) agar halaman itu diperiksa.`,
  csvSuffix: 'temuan',
  tooLarge: (name, size, limit, kind) =>
    `Berkas terlalu besar untuk sebuah laporan: ${name} (${megabytes(size, 'id')}; batas untuk ${kind === 'pdf' ? 'PDF' : 'berkas teks'} ${megabytes(limit, 'id')}). Berkas tidak dibuka.`,
};

const EN: Strings = {
  static: {
    title: 'LKIP Self-Check',
    lede1: 'Check that the numbers of your performance report (LKIP) agree with each other before you submit it. The file ',
    lede2: 'is not sent anywhere',
    lede3: ': every check runs on this computer, inside the browser.',
    langAria: 'Language',
    dropAria: 'Place to drop the report file',
    dropText: 'Drag the LKIP file (PDF, or a .txt text file) here',
    or: 'or ',
    pick: 'choose a file',
    help: 'How to read the results',
    help1: 'Each finding is a place in the report whose number does not agree with another number of the same report. Click a finding: its page opens and its cell is boxed.',
    help2: 'Error: a number recomputed from the report itself differs from the printed one; it needs correcting. Warning: possibly wrong, check it first. Note: worth knowing, not necessarily wrong.',
    help3: '"Printed" is the number in the report; "Recomputed" is the number worked out from other numbers of the report. When two places print different numbers, this tool does not know which is right: you decide.',
    help4: 'Places are given by PDF page number and by the table, row and column names printed in the report.',
    help5: '"Download for Excel" saves the list of findings as a table that opens directly in Excel.',
    summaryAria: 'Summary',
    export: 'Download CSV',
    exportExcel: 'Download for Excel',
    showInfo: ' show notes',
    pagesAria: 'Report pages',
    foot1: 'lkip-audit · the same checks as the ',
    foot2: ' program reviewers use; the downloaded CSV is exactly that program’s result.',
  },
  severity: SEVERITY.en,
  count: (s, n) => (s === 'info' ? `${n} note${n === 1 ? '' : 's'}` : `${n} ${SEVERITY.en[s].toLowerCase()}${n === 1 ? '' : 's'}`),
  category: {
    sum_mismatch: { label: 'Total does not add up', check: 'Add up the detail rows below it (kegiatan/sub kegiatan) again and correct the total or the details.' },
    percentage_mismatch: { label: 'Percentage does not match', check: 'Recompute the percentage = realisasi ÷ pagu × 100 from the numbers on the same row.' },
    capaian_mismatch: { label: 'Achievement (capaian) does not match', check: 'Recompute capaian = realisasi ÷ target × 100 (for an indicator where lower is better: target ÷ realisasi).' },
    average_mismatch: { label: 'Average does not match', check: 'Recompute the average from the values averaged; say so when achievements above 100% are counted as 100%.' },
    predicate_mismatch: { label: 'Rating (predikat) does not fit the scale', check: 'Match the predikat against the rating scale this report states.' },
    target_drift: { label: 'Target differs between documents', check: 'Decide which target is right (Renstra, RKT, PK/PK Perubahan or the measurement table), then make it the same everywhere, or explain the change.' },
    cross_table_mismatch: { label: 'Number differs between tables', check: 'Decide which number is right, then make it the same in every table that holds it (Bab I, Bab III, annexes).' },
    count_claim_mismatch: { label: 'Stated count does not match', check: 'Count the rows of the table referred to and make the number (and its words) in the sentence match.' },
    narrative_number_mismatch: { label: 'Number in a sentence does not match', check: 'Recompute the number in the sentence from its table, or correct the sentence.' },
    trend_claim_mismatch: { label: 'Rise/fall sentence does not fit the numbers', check: 'Compare the rise/fall/on-target sentence with the yearly numbers in the table.' },
    terbilang_mismatch: { label: 'Number in words (terbilang) does not match', check: 'Make the number and its written-out words (terbilang) the same.' },
    year_or_date_mismatch: { label: 'Year/date does not match', check: 'Check the budget year, the report year and the signing date.' },
    name_or_id_mismatch: { label: 'Name/NIP does not match', check: 'Make the signatory’s name and NIP the same in every part; check the NIP itself.' },
    reference_mismatch: { label: 'Reference does not match', check: 'Check the SK/table number referred to and what it contains.' },
    missing_value: { label: 'Empty field / template left over', check: 'Fill in the parts that are still empty or still the template’s example text.' },
    unreadable_value: { label: 'Number cannot be read', check: 'Check this cell: its content cannot be read as one number (e.g. two numbers in one cell).' },
    structure_missing: { label: 'Report parts', check: 'Make sure the report has every required part (Ikhtisar Eksekutif, Bab I–IV, Perjanjian Kinerja appendix).' },
  },
  workerError: 'Something went wrong inside the checker. Reload this page and try again.',
  reading: (name) => `Opening ${name} …`,
  readingFile: 'Opening the file …',
  parsePage: (p, n) => `Reading page ${p} of ${n} …`,
  ocrPrepare: (n, s) => `${n} page${n === 1 ? ' is a picture' : 's are pictures'} (scanned): getting ready to read the text from the image … ${s} s`,
  ocrPage: (p, n) => `Reading text from page images: ${p} of ${n} done …`,
  auditing: 'Checking that the numbers agree …',
  summaryTitle: (name) => `Summary: ${name}`,
  failTitle: 'This file cannot be checked',
  failTodo: 'What you can do: ',
  failAdvice: {
    empty: 'This file is empty. Choose the LKIP file that holds the report.',
    'not-pdf': 'This file is not a PDF, although its name ends in .pdf. Save the report again as PDF from the word processor (Save as / Export to PDF), then try again.',
    truncated: 'This PDF is incomplete (the download may have been cut off). Download or copy the file again, or save it again as PDF, then try again.',
    encrypted: 'This PDF is locked with a password. Save a copy without a password, then try again.',
    'no-pages': 'This PDF has no pages. Save the report again as PDF, then try again.',
    unreadable: 'This PDF is damaged. Save the report again as PDF, then try again.',
    unsupported: 'This kind of file cannot be checked. Save the report as PDF, then choose that PDF file.',
    binary: 'This file is not a text file. Choose the report’s PDF file.',
    'not-a-report': 'No performance report table was recognised in this file. Make sure it is the LKIP (performance report) with its performance measurement tables.',
    internal: 'Reload this page and try again. If it still fails, send the file to the reviewers (Inspektorat) to check it with the lkip-audit program.',
    'too-large': 'Make sure this file really is the LKIP. If it is, save the PDF again at a smaller size (e.g. compressed images), then try again.',
  },
  notLkipTitle: 'This file is not an LKIP',
  notLkipWhat: (title, what) => `The title on its cover, “${title}”, shows that this file is ${what}.`,
  notLkipTodo:
    'This page checks performance reports (LKIP). Choose the LKIP file: the report with its Ikhtisar Eksekutif, Bab I–IV and Perjanjian Kinerja appendix. Documents such as the SK IKU, Renstra, RKT or PK are usually appended inside that LKIP.',
  notLkipShow: 'Show the results for this file anyway',
  tableHead: ['Kind of problem', `${SEVERITY.en.error}s`, `${SEVERITY.en.warning}s`, `${SEVERITY.en.info}s`],
  noProblems: 'No problems found.',
  meta: (r) =>
    `${r.format === 'text' ? 'text file' : `PDF, ${r.pages} page${r.pages === 1 ? '' : 's'}${r.imagePages ? `, ${r.imagePages} of them read from the image` : ''}`} · checked in ${seconds(r.ms, 'en')} s`,
  reported: 'Printed',
  recomputed: 'Recomputed',
  expected: 'Expected',
  needsReview: 'This finding rests on a number read from the page image, which may be misread: compare the number with that page first.',
  here: 'Printed here',
  elsewhere: 'Printed elsewhere',
  whichIsRight: 'Which is right? ',
  toCheck: 'What to check: ',
  why: 'Why this is checked',
  noPlace: 'This finding is about the whole document, not one place on a page.',
  related: 'related place',
  pageLabel: (n) => `Page ${n}`,
  ocrDone: (p) => `${pagesText(p, 'en')} ${p.length === 1 ? 'is a picture' : 'are pictures'} (scanned), so the text was read from the image. Numbers read from an image can be wrong: check the findings on ${p.length === 1 ? 'that page' : 'those pages'} carefully.`,
  ocrFailed: (p) =>
    `${pagesText(p, 'en')} ${p.length === 1 ? 'is a picture' : 'are pictures'} (scanned) and the text could not be read here; the numbers on ${p.length === 1 ? 'it were' : 'them were'} not checked. Send this file to the reviewers (Inspektorat) to have ${p.length === 1 ? 'that page' : 'those pages'} checked.`,
  csvSuffix: 'findings',
  tooLarge: (name, size, limit, kind) =>
    `The file is too large for a report: ${name} (${megabytes(size, 'en')}; the limit for ${kind === 'pdf' ? 'PDFs' : 'text files'} is ${megabytes(limit, 'en')}). The file was not opened.`,
};

export const STRINGS: Record<Lang, Strings> = { id: ID, en: EN };
export { WHERE };
