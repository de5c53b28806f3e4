/** Messages between the page (main.ts) and the audit worker (worker.ts). Pure types. */
import type { DocLine } from '../model/document.js';
import type { Finding } from '../model/finding.js';

export interface AuditRequest {
  type: 'audit';
  name: string;
  bytes: ArrayBuffer;
  /** The page's folder URL (ends with "/"): where pdfjs/ data lives. */
  base: string;
}

export type Stage = 'read' | 'parse' | 'ocr' | 'audit' | 'render';

export type WorkerMessage =
  | { type: 'progress'; stage: Stage; page?: number; pages?: number }
  | {
      type: 'result';
      name: string;
      format: 'text' | 'pdf' | 'ocr';
      pages: { width: number; height: number }[] | null;
      lines: DocLine[];
      findings: Finding[];
      /** Exactly what `lkip-audit audit FILE` writes for this file (CSV, Indonesian messages). */
      csv: string;
      /** Rule id → Indonesian explanation (the rule's documentation). */
      ruleDocs: Record<string, string>;
      /** Pages without a text layer (scanned), whether OCR read them, and why not. */
      ocr: { pages: number[]; done: boolean; error?: string };
      ms: number;
    }
  | { type: 'page'; page: number; pages: number; image: Blob }
  | { type: 'done' }
  | { type: 'error'; message: string };
