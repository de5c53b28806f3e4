/** Files on disk → Documents. The only place (with cli) that touches the file system. */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from '../model/document.js';
import type { IngestLimits } from '../model/limits.js';
import { IngestError } from './errors.js';
import { checkDocumentLimits, checkTextLimits, limitsOf } from './limits.js';
import { checkPdfStreams } from './pdf-streams.js';
import { guardPdfjsRejections } from './pdfjs-guard.js';

const latin1Head = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, 1024)).toString('latin1');
import { looksBinary } from './sniff.js';
import { textToDocument } from './text.js';

export const TEXT_EXT = new Set(['.txt', '.md', '.markdown']);
export const PDF_EXT = new Set(['.pdf']);

/** Expand files and folders (recursively) into the report files to audit, sorted for determinism. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string, explicit: boolean) => {
    let st;
    try {
      st = await stat(p);
    } catch {
      if (explicit) out.push(p); // reported as an error row later
      return;
    }
    if (st.isDirectory()) {
      const entries = (await readdir(p)).sort();
      for (const e of entries) {
        if (e.startsWith('.') || e === 'node_modules') continue;
        await walk(path.join(p, e), false);
      }
      return;
    }
    const ext = path.extname(p).toLowerCase();
    if (explicit || TEXT_EXT.has(ext) || PDF_EXT.has(ext)) {
      // skip our own metadata files inside fixture folders
      if (!explicit && /^(INDEX|README|MANIFEST)\.md$/i.test(path.basename(p))) return;
      out.push(p);
    }
  };
  for (const i of inputs) await walk(i, true);
  return [...new Set(out)].sort();
}


export interface LoadOptions {
  /** OCR every page of a PDF, even pages with a text layer. */
  forceOcr?: boolean;
  /** Tesseract workers for this document (default: one per core). */
  ocrWorkers?: number;
  /** The file's content, already read (a queue job carries it): `file` then only names it. */
  bytes?: Uint8Array;
  /** Document limits (`limits:` in rules/config.yaml; defaults in src/model/limits.ts). */
  limits?: Partial<IngestLimits>;
}

/**
 * The text of a text export: UTF-8 (a BOM dropped later), UTF-16 with its BOM, or, when the bytes
 * are not valid UTF-8, Windows-1252 (a superset of Latin-1, what older Indonesian office software writes).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const hasUtf16Bom = (b: Uint8Array) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/** Pages read and pages that gave no line of text (neither a text layer nor OCR). */
export function accountPages(doc: Document): Document {
  if (doc.input || doc.pageCount === null) return doc;
  const withText = new Set(doc.lines.filter((l) => l.text.trim() !== '').map((l) => l.page));
  let unused = 0;
  for (let p = 1; p <= doc.pageCount; p++) if (!withText.has(p)) unused++;
  return { ...doc, input: { unit: 'page', read: doc.pageCount, unused, notes: [] } };
}

export async function loadDocument(file: string, opts: LoadOptions = {}): Promise<Document> {
  let bytes: Uint8Array;
  try {
    bytes = opts.bytes ?? new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IngestError(
      file,
      'unreadable',
      `Berkas tidak dapat dibuka (${code === 'ENOENT' ? 'tidak ditemukan' : code ?? 'galat'}): ${file}`,
      `Cannot open the file (${code === 'ENOENT' ? 'not found' : code ?? 'error'}): ${file}`,
    );
  }
  if (bytes.length === 0) throw IngestError.of(file, 'empty');
  const ext = path.extname(file).toLowerCase();
  const isPdf = PDF_EXT.has(ext) || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46);
  if (isPdf) {
    // pdfjs may leave a rejection of its own unhandled on a damaged file: it must not end this process
    guardPdfjsRejections();
    // pages with a text layer are read as born-digital; pages without (scans) go to OCR, offline
    const { ocrPdfToDocument } = await import('./ocr.js');
    // only pages without any text layer are scans (a page of photos with a caption is not)
    // compressed streams and content operators first (Node only: zlib), then pdfjs
    const scan = bytes.length > 8 && latin1Head(bytes).includes('%PDF-') ? checkPdfStreams(file, bytes, limitsOf(opts.limits)) : null;
    const doc = await ocrPdfToDocument(file, bytes, { forceOcr: opts.forceOcr, workers: opts.ocrWorkers, minChars: 1, limits: opts.limits, blankPages: scan?.blankPages });
    checkDocumentLimits(doc, limitsOf(opts.limits));
    return accountPages(doc);
  }
  if (!TEXT_EXT.has(ext)) {
    throw new IngestError(
      file,
      'unsupported',
      `Jenis berkas tidak didukung (${ext || 'tanpa ekstensi'}); gunakan .txt, .md atau .pdf: ${file}`,
      `Unsupported file type (${ext || 'no extension'}); use .txt, .md or .pdf: ${file}`,
    );
  }
  const text = hasUtf16Bom(bytes) ? decodeText(bytes) : null;
  if (text === null && looksBinary(bytes)) {
    throw new IngestError(file, 'binary', `Berkas bukan teks (berisi data biner): ${file}`, `The file is not text (binary data): ${file}`);
  }
  const decoded = text ?? decodeText(bytes);
  checkTextLimits(file, decoded, limitsOf(opts.limits));
  const doc = textToDocument(file, decoded);
  checkDocumentLimits(doc, limitsOf(opts.limits));
  return doc;
}
