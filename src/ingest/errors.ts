/**
 * An input file that cannot be ingested. `reasonId` is stable (for CSV rows and tests), `message` is
 * Indonesian (the report language), `messageEn` English. Never carries a library stack trace.
 */
export type IngestReasonId =
  | 'empty'
  | 'not-pdf'
  | 'truncated'
  | 'encrypted'
  | 'no-pages'
  | 'unreadable'
  | 'too-many-pages'
  | 'stream-too-large'
  | 'page-too-large'
  | 'too-many-lines'
  | 'line-too-long'
  | 'too-many-tables'
  | 'table-too-large';

const MESSAGES: Record<IngestReasonId, { id: string; en: string }> = {
  empty: { id: 'Berkas kosong', en: 'The file is empty' },
  'not-pdf': { id: 'Berkas bukan PDF yang sah', en: 'The file is not a valid PDF' },
  truncated: { id: 'Berkas PDF terpotong atau rusak', en: 'The PDF file is truncated or damaged' },
  encrypted: { id: 'Berkas PDF terkunci dengan kata sandi', en: 'The PDF file is password-protected' },
  'no-pages': { id: 'Berkas PDF tidak memiliki halaman', en: 'The PDF file has no pages' },
  unreadable: { id: 'Berkas PDF tidak dapat dibaca', en: 'The PDF file cannot be read' },
  // limits (src/model/limits.ts, `limits:` in rules/config.yaml): the detail says what and the limit
  'too-many-pages': { id: 'Berkas PDF: halaman terlalu banyak', en: 'The PDF file has too many pages' },
  'stream-too-large': { id: 'Berkas PDF: isi halaman terlalu besar setelah dibuka', en: 'The PDF file: page content too large once decompressed' },
  'page-too-large': { id: 'Berkas PDF: isi halaman terlalu besar', en: 'The PDF file: page content too large' },
  'too-many-lines': { id: 'Berkas teks: baris terlalu banyak', en: 'The text file has too many lines' },
  'line-too-long': { id: 'Berkas teks: baris terlalu panjang', en: 'The text file has a line that is too long' },
  'too-many-tables': { id: 'Laporan: tabel terlalu banyak', en: 'The report has too many tables' },
  'table-too-large': { id: 'Laporan: sel tabel terlalu banyak', en: 'The report has a table with too many cells' },
};

export class IngestError extends Error {
  override readonly name = 'IngestError';
  readonly messageEn: string;
  constructor(
    public readonly file: string,
    public readonly reasonId: string,
    message: string,
    messageEn?: string,
  ) {
    super(message);
    this.messageEn = messageEn ?? message;
  }

  /** `detail` is shown after the file name, the same in both languages unless `detailEn` is given. */
  static of(file: string, reason: IngestReasonId, detail?: string, detailEn?: string): IngestError {
    const m = MESSAGES[reason];
    const tail = detail ? ` (${detail})` : '';
    const tailEn = detailEn ? ` (${detailEn})` : tail;
    return new IngestError(file, reason, `${m.id}: ${file}${tail}`, `${m.en}: ${file}${tailEn}`);
  }
}
