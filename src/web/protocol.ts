/** Messages between the page (main.ts) and the audit worker (worker.ts). Pure types. */
import type { DocLine } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { DocumentKind } from '../model/report.js';

export interface AuditRequest {
  type: 'audit';
  name: string;
  bytes: ArrayBuffer;
  /** The page's folder URL (ends with "/"): where pdfjs/ data lives. */
  base: string;
}

/**
 * Draw one PDF page of the audited file (sent after the result, as a page nears the viewport).
 * `first`: ahead of the pages already waiting (a finding on that page was clicked).
 */
export interface RenderRequest {
  type: 'render';
  page: number;
  first?: boolean;
}

/** A page asked for left the viewport before its turn: do not draw it (asked again when it comes back). */
export interface CancelRequest {
  type: 'cancel';
  page: number;
}

export type PageRequest = AuditRequest | RenderRequest | CancelRequest;

export type Stage = 'read' | 'parse' | 'ocr' | 'audit';

/** Indonesian and English, as the findings' messages are. */
export interface Bilingual {
  id: string;
  en: string;
}

export type WorkerMessage =
  | { type: 'progress'; stage: Stage; page?: number; pages?: number }
  | {
      type: 'result';
      name: string;
      format: 'text' | 'pdf' | 'ocr';
      pages: { width: number; height: number }[] | null;
      lines: DocLine[];
      findings: Finding[];
      /** Exactly what `lkip-audit audit FILE --lang id|en` writes for this file (CSV). */
      csv: Bilingual;
      /** The same for Excel: what `lkip-audit audit FILE --excel --lang id|en` writes (`;`, BOM, CRLF). */
      excel: Bilingual;
      /** What the file presents itself as, from its cover (null when it could not be read). */
      documentKind: DocumentKind | null;
      /** Rule id → explanation (the rule's documentation). */
      ruleDocs: Record<string, Bilingual>;
      /**
       * Pages without a text layer (scanned), whether OCR ran on them and why not, and `read`: the
       * pages OCR actually read text from (a blank page has no text layer and no text in its image:
       * it is not announced as a scanned page).
       */
      ocr: { pages: number[]; read: number[]; done: boolean; error?: string };
      ms: number;
    }
  /** The audit is finished; pages are drawn from now on as the page asks for them (RenderRequest). */
  | { type: 'done' }
  | { type: 'page'; page: number; pages: number; image: Blob }
  /** A page could not be drawn (the findings are not affected). */
  | { type: 'page-error'; page: number; message: string }
  | { type: 'error'; message: string };
