/**
 * An input file that cannot be ingested. `reasonId` is stable (for CSV rows and tests), `message` is
 * Indonesian (the report language), `messageEn` English. Never carries a library stack trace.
 */
export type IngestReasonId = 'empty' | 'not-pdf' | 'truncated' | 'encrypted' | 'no-pages' | 'unreadable';

const MESSAGES: Record<IngestReasonId, { id: string; en: string }> = {
  empty: { id: 'Berkas kosong', en: 'The file is empty' },
  'not-pdf': { id: 'Berkas bukan PDF yang sah', en: 'The file is not a valid PDF' },
  truncated: { id: 'Berkas PDF terpotong atau rusak', en: 'The PDF file is truncated or damaged' },
  encrypted: { id: 'Berkas PDF terkunci dengan kata sandi', en: 'The PDF file is password-protected' },
  'no-pages': { id: 'Berkas PDF tidak memiliki halaman', en: 'The PDF file has no pages' },
  unreadable: { id: 'Berkas PDF tidak dapat dibaca', en: 'The PDF file cannot be read' },
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

  static of(file: string, reason: IngestReasonId, detail?: string): IngestError {
    const m = MESSAGES[reason];
    const tail = detail ? ` (${detail})` : '';
    return new IngestError(file, reason, `${m.id}: ${file}${tail}`, `${m.en}: ${file}${tail}`);
  }
}
