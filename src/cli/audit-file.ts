/**
 * One file → one FileResult, never a throw. Runs inside a batch worker (and in-process for tests).
 * Anything that goes wrong with the file (missing, empty, binary, not a report, encrypted or
 * truncated PDF, too large, the parser crashing on it) becomes exactly one `input-error` row with an
 * Indonesian message; the batch goes on.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { summariseReport, type DocumentSummary } from '../audit/cross-document.js';
import { auditDocument, inputErrorFinding } from '../audit/index.js';
import { IngestError } from '../ingest/errors.js';
import { sniffKind } from '../ingest/sniff.js';
import { loadDocument, PDF_EXT, TEXT_EXT } from '../ingest/files.js';
import type { Config } from '../model/config.js';
import { DEFAULT_MAX_PDF_MB, DEFAULT_MAX_TEXT_MB } from '../model/limits.js';
import type { FileResult } from '../report/json.js';

/** A file result plus, when asked for, the printed text of every line a finding points at (for HTML). */
export interface BatchFileResult extends FileResult {
  lines?: Record<string, string>;
  /** The agency and year the report is about, as read from it ("Kecamatan Balung 2023"). */
  title?: string;
  /** What the cross-document checks need of this file (agency, year, IKU, targets); the CLI takes it off before writing. */
  summary?: DocumentSummary;
}

export interface AuditFileOptions {
  /** Send back the small per-file summary the checks across a batch's documents read. */
  summary?: boolean;
  /** Collect the printed lines findings refer to (HTML evidence). */
  withLines?: boolean;
  /** Text exports larger than this are refused (a real LKIP text export is ~50–500 KB). */
  maxTextBytes?: number;
  /** PDFs larger than this are refused (scanned reports run to tens of MB). */
  maxPdfBytes?: number;
  /** OCR every PDF page (`--ocr`), and how many tesseract workers per file. */
  forceOcr?: boolean;
  ocrWorkers?: number;
}

export { DEFAULT_MAX_PDF_MB, DEFAULT_MAX_TEXT_MB };

const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
const mbEn = (n: number) => `${(n / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

export function errorResult(file: string, reason: string, id: string, en: string): BatchFileResult {
  const message = { id, en };
  return { file, error: { reason, message }, findings: [inputErrorFinding(file, reason, message)] };
}


/** The row of a file stopped at the per-file time limit (the batch's workers and a lone file alike). */
export function timeoutResult(file: string, timeoutMs: number): BatchFileResult {
  const secs = timeoutMs / 1000;
  return errorResult(
    file,
    'timeout',
    // a file ended by the limit makes the output depend on the machine's speed: the row says so
    `Audit berkas melebihi batas waktu ${secs.toLocaleString('id-ID', { maximumFractionDigits: 3 })} detik dan dihentikan; baris ini bergantung pada kecepatan mesin (dengan --timeout lebih longgar atau mesin lebih cepat berkas ini mungkin selesai diaudit): ${file}`,
    `Auditing the file exceeded the ${secs.toLocaleString('en-US', { maximumFractionDigits: 3 })} s time limit and was stopped; this row depends on the machine's speed (with a longer --timeout or a faster machine the file may be audited in full): ${file}`,
  );
}

/**
 * `bytes`: the file's content when it was read elsewhere (a queue job carries it, see queue.ts);
 * `file` then only names it in the findings, exactly as a local run would.
 */
export async function auditFile(file: string, config: Config, opts: AuditFileOptions = {}, bytes?: Uint8Array): Promise<BatchFileResult> {
  const ext = path.extname(file).toLowerCase();
  try {
    const st = bytes ? { isFile: () => true, size: bytes.length } : await stat(file).catch(() => null);
    if (st && !st.isFile()) {
      return errorResult(file, 'unreadable', `Bukan berkas biasa (folder atau perangkat): ${file}`, `Not a regular file: ${file}`);
    }
    if (st && st.size > 0) {
      const limit = PDF_EXT.has(ext) ? (opts.maxPdfBytes ?? DEFAULT_MAX_PDF_MB * 1024 * 1024) : (opts.maxTextBytes ?? DEFAULT_MAX_TEXT_MB * 1024 * 1024);
      if (st.size > limit) {
        return errorResult(
          file,
          'too-large',
          `Berkas terlalu besar untuk sebuah laporan (${mb(st.size)}, batas ${mb(limit)}); periksa apakah ini memang LKIP: ${file}`,
          `The file is too large for a report (${mbEn(st.size)}, limit ${mbEn(limit)}); check that it really is an LKIP: ${file}`,
        );
      }
    }
    if (st && st.size > 0 && !TEXT_EXT.has(ext) && !PDF_EXT.has(ext)) {
      const { readFile } = await import('node:fs/promises');
      const head = new Uint8Array((bytes ?? (await readFile(file))).subarray(0, 8));
      const isPdf = head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46;
      const kind = isPdf ? null : sniffKind(head, ext);
      if (kind) {
        return errorResult(
          file,
          'unsupported',
          `Jenis berkas tidak didukung: ${kind}; simpan laporan sebagai PDF atau teks (.txt, .md): ${file}`,
          `Unsupported file type: ${kind}; save the report as PDF or text (.txt, .md): ${file}`,
        );
      }
    }
    const doc = await loadDocument(file, { forceOcr: opts.forceOcr, ocrWorkers: opts.ocrWorkers, limits: config.limits, bytes });
    if (!doc.lines.some((l) => l.text.trim() !== '')) {
      return errorResult(file, 'empty', `Berkas tidak berisi teks: ${file}`, `The file contains no text: ${file}`);
    }
    const { report, findings } = auditDocument(doc, config);
    if (report.tables.length === 0 && findings.length === 0) {
      return errorResult(
        file,
        'not-a-report',
        `Berkas tidak tampak seperti laporan kinerja (tidak ada tabel yang dikenali): ${file}`,
        `The file does not look like a performance report (no table recognised): ${file}`,
      );
    }
    const result: BatchFileResult = { file, findings };
    if (opts.summary) result.summary = summariseReport(report, config);
    if (opts.withLines) {
      const wanted = new Set<number>();
      for (const f of findings) {
        if (f.where.line > 0) wanted.add(f.where.line);
        for (const r of f.related) if (r.file === file && r.line > 0) wanted.add(r.line);
      }
      // the rows a finding across documents may point at (found after the batch, from the summary)
      if (result.summary) for (const e of [...result.summary.iku, ...result.summary.targets, ...result.summary.realisations, ...result.summary.citations]) if (e.src.line > 0) wanted.add(e.src.line);
      const lines: Record<string, string> = {};
      for (const l of doc.lines) if (wanted.has(l.line)) lines[String(l.line)] = l.text;
      result.lines = lines;
      const title = [report.meta.agency, report.meta.year].filter((x) => x !== null && x !== '').join(' ');
      if (title) result.title = title;
    }
    return result;
  } catch (e) {
    if (e instanceof IngestError) return errorResult(file, e.reasonId, e.message, e.messageEn);
    const detail = ((e as Error)?.message ?? String(e)).split('\n')[0]!.slice(0, 300);
    return errorResult(file, 'internal', `Berkas tidak dapat diaudit (kesalahan di dalam program: ${detail}): ${file}`, `The file could not be audited (internal error: ${detail}): ${file}`);
  }
}
