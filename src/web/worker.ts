/**
 * The audit worker: bytes → Document → findings → CSV (Indonesian and English), then PDF pages
 * rendered to images one by one as the page asks for them.
 * Runs the CLI's own code (src/ingest/text.ts, src/ingest/pdf.ts, src/audit, src/report/csv.ts);
 * nothing is sent anywhere. Started by main.ts from a Blob URL (see scripts/build-web.ts).
 */
import './shims/buffer-global.js';
import rawConfig from 'virtual:lkip-config';
import { auditDocument, inputErrorFinding } from '../audit/index.js';
import { RULES } from '../audit/rules/index.js';
import { IngestError } from '../ingest/errors.js';
import { ocrPdfToDocument } from '../ingest/ocr.js';
import { pdfToDocument, type PdfIngestStats } from '../ingest/pdf.js';
import { textToDocument } from '../ingest/text.js';
import { ConfigSchema } from '../model/config.js';
import type { Document } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { toCsv } from '../report/csv.js';
import * as pdfjs from './pdfjs-browser.js';
import type { AuditRequest, Bilingual, CancelRequest, PageRequest, RenderRequest, WorkerMessage } from './protocol.js';
import { looksBinary, sniffKind } from '../ingest/sniff.js';

interface WorkerScope {
  postMessage(m: WorkerMessage): void;
  onmessage: ((e: MessageEvent<PageRequest>) => void) | null;
  __LKIP_BASE__?: string;
}
const scope = globalThis as unknown as WorkerScope;
const post = (m: WorkerMessage) => scope.postMessage(m);

// The same configuration the CLI loads from rules/*.yaml (embedded at build time), validated again.
const config = ConfigSchema.parse(rawConfig);

const TEXT_EXT = /\.(txt|md|markdown)$/i;

const isPdf = (b: Uint8Array) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;

function fail(name: string, reason: string, id: string, en: string): Finding[] {
  return [inputErrorFinding(name, reason, { id, en })];
}

/** What happened to scanned pages (pages without a text layer). */
interface OcrNote {
  pages: number[];
  /** Pages OCR read text from. */
  read: number[];
  done: boolean;
  error?: string;
}

async function load(name: string, bytes: Uint8Array, stats: PdfIngestStats, ocr: OcrNote): Promise<Document> {
  if (bytes.length === 0) throw IngestError.of(name, 'empty');
  if (isPdf(bytes) || /\.pdf$/i.test(name)) {
    pdfjs.setPageHook((page, pages) => post({ type: 'progress', stage: 'parse', page, pages }));
    let doc: Document;
    try {
      doc = await pdfToDocument(name, bytes, { stats });
    } finally {
      pdfjs.setPageHook(null);
    }
    if (!stats.pagesWithoutText.length) return doc;
    // Scanned pages: the CLI's OCR pipeline (src/ingest/ocr.ts) on exactly the pages with no text
    // layer; born-digital pages stay as the text layer gave them.
    ocr.pages = [...stats.pagesWithoutText];
    post({ type: 'progress', stage: 'ocr', page: 0, pages: ocr.pages.length });
    try {
      const out = await ocrPdfToDocument(name, bytes, {
        minChars: 1,
        // one tesseract worker per page to read, at most two (each loads ~10 MB of models)
        workers: Math.min(2, ocr.pages.length),
        onPage: (_page, done, total) => post({ type: 'progress', stage: 'ocr', page: done, pages: total }),
      });
      ocr.done = true;
      // only pages whose image held text were read from the image: a blank page is not a scan
      const inked = new Set(out.lines.filter((l) => l.page && l.text.trim() !== '').map((l) => l.page!));
      ocr.read = ocr.pages.filter((p) => inked.has(p));
      return out;
    } catch (e) {
      ocr.error = String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200);
      return doc;
    }
  }
  const kind = sniffKind(bytes, (/\.[^.]+$/.exec(name)?.[0] ?? '').toLowerCase());
  if (kind) {
    throw new IngestError(
      name,
      'unsupported',
      `Jenis berkas tidak didukung: ${kind}; simpan laporan sebagai PDF atau teks (.txt, .md): ${name}`,
      `Unsupported file type: ${kind}; save the report as PDF or text (.txt, .md): ${name}`,
    );
  }
  if (!TEXT_EXT.test(name)) {
    const ext = /\.[^.]+$/.exec(name)?.[0] ?? 'tanpa ekstensi';
    throw new IngestError(name, 'unsupported', `Jenis berkas tidak didukung (${ext}); gunakan .txt, .md atau .pdf: ${name}`, `Unsupported file type (${ext}); use .txt, .md or .pdf: ${name}`);
  }
  if (looksBinary(bytes)) throw new IngestError(name, 'binary', `Berkas bukan teks (berisi data biner): ${name}`, `The file is not text (binary data): ${name}`);
  return textToDocument(name, new TextDecoder('utf-8').decode(bytes));
}

/**
 * Pages are drawn one at a time, only when the page asks (a placeholder came near the viewport, or a
 * finding on it was clicked): a 200-page report is not drawn up front. The PDF stays open in this
 * worker for that (one worker per file; the page terminates it for the next file).
 */
let source: { bytes: Uint8Array; base: string } | null = null;
let pdf: Promise<pdfjs.PDFDocumentProxy> | null = null;
const queue: number[] = [];
let drawing = false;

function openPdf(): Promise<pdfjs.PDFDocumentProxy> {
  if (!pdf) {
    const { bytes, base } = source!;
    pdf = pdfjs.getDocument({
      data: bytes,
      standardFontDataUrl: `${base}pdfjs/standard_fonts/`,
      cMapUrl: `${base}pdfjs/cmaps/`,
      cMapPacked: true,
      wasmUrl: `${base}pdfjs/wasm/`,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  }
  return pdf;
}

async function drawPage(doc: pdfjs.PDFDocumentProxy, n: number): Promise<Blob> {
  const page = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 2 });
    const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const ctx = canvas.getContext('2d')!;
    await page.render({ canvasContext: ctx as unknown as CanvasRenderingContext2D, canvas: canvas as unknown as HTMLCanvasElement, viewport, background: 'white' }).promise;
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  } finally {
    page.cleanup();
  }
}

async function pump(): Promise<void> {
  if (drawing || !source) return;
  drawing = true;
  try {
    while (queue.length) {
      const n = queue.shift()!;
      try {
        const doc = await openPdf();
        if (n < 1 || n > doc.numPages) throw new Error(`no page ${n}`);
        post({ type: 'page', page: n, pages: doc.numPages, image: await drawPage(doc, n) });
      } catch (e) {
        post({ type: 'page-error', page: n, message: String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200) });
      }
    }
  } finally {
    drawing = false;
  }
}

function request(m: RenderRequest | CancelRequest): void {
  const at = queue.indexOf(m.page);
  if (at >= 0) queue.splice(at, 1);
  if (m.type === 'render') {
    if (m.first) queue.unshift(m.page);
    else queue.push(m.page);
    void pump();
  }
}

async function handle(req: AuditRequest): Promise<void> {
  const t0 = performance.now();
  scope.__LKIP_BASE__ = req.base;
  const bytes = new Uint8Array(req.bytes);
  const name = req.name;
  const stats: PdfIngestStats = { pages: 0, furniture: 0, continued: 0, mergedRows: 0, pagesWithoutText: [], midWordJoins: 0, ambiguousJoins: 0 };
  post({ type: 'progress', stage: 'read' });
  let doc: Document | null = null;
  let findings: Finding[];
  const ocr: OcrNote = { pages: [], read: [], done: false };
  let documentKind: Extract<WorkerMessage, { type: 'result' }>['documentKind'] = null;
  try {
    doc = await load(name, bytes, stats, ocr);
    post({ type: 'progress', stage: 'audit' });
    if (!doc.lines.some((l) => l.text.trim() !== '')) {
      findings = fail(name, 'empty', `Berkas tidak berisi teks: ${name}`, `The file contains no text: ${name}`);
    } else {
      const r = auditDocument(doc, config);
      documentKind = r.report.meta.documentKind ?? null;
      findings =
        r.report.tables.length === 0 && r.findings.length === 0
          ? fail(name, 'not-a-report', `Berkas tidak tampak seperti laporan kinerja (tidak ada tabel yang dikenali): ${name}`, `The file does not look like a performance report (no table recognised): ${name}`)
          : r.findings;
    }
  } catch (e) {
    if (e instanceof IngestError) findings = fail(name, e.reasonId, e.message, e.messageEn);
    else {
      const detail = ((e as Error)?.message ?? String(e)).split('\n')[0]!.slice(0, 300);
      findings = fail(name, 'internal', `Berkas tidak dapat diaudit (kesalahan di dalam program: ${detail}): ${name}`, `The file could not be audited (internal error: ${detail}): ${name}`);
    }
  }
  const ruleDocs: Record<string, Bilingual> = {};
  for (const r of RULES) ruleDocs[r.meta.id] = { id: r.meta.docs.id, en: r.meta.docs.en };
  if (doc?.format === 'pdf' || doc?.format === 'ocr') source = { bytes, base: req.base };
  post({
    type: 'result',
    name,
    format: doc?.format ?? 'text',
    pages: doc?.pages ?? null,
    lines: doc?.lines ?? [],
    findings,
    csv: { id: toCsv(findings, 'id'), en: toCsv(findings, 'en') },
    excel: { id: toCsv(findings, 'id', { excel: true }), en: toCsv(findings, 'en', { excel: true }) },
    documentKind,
    ruleDocs,
    ocr,
    ms: Math.round(performance.now() - t0),
  });
  post({ type: 'done' });
  void pump();
}

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type !== 'audit') return request(m);
  handle(m).catch((err: unknown) => post({ type: 'error', message: String((err as Error)?.message ?? err) }));
};
