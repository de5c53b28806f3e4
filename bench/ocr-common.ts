/** Shared helpers of the OCR benches: page subsets, reference documents, cached OCR results. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { ocrPdfToDocument, type OcrIngestStats } from '../src/ingest/ocr.js';
import type { OcrPool } from '../src/ingest/ocr/tesseract.js';
import type { Document } from '../src/model/document.js';

/** A new PDF made of the given 1-based pages of `file`. */
export async function pickPages(file: string, pages: number[]): Promise<Uint8Array> {
  const src = await PDFDocument.load(readFileSync(file));
  const out = await PDFDocument.create();
  for (const pg of await out.copyPages(src, pages.map((p) => p - 1))) out.addPage(pg);
  return out.save();
}

export const newStats = (): OcrIngestStats => ({ pages: 0, ocrPages: [], textPages: [], totalMs: 0, skew: [], words: 0, lowConfidenceWords: 0 });

const CACHE = path.join(os.tmpdir(), 'lkip-ocr-bench-cache');

/** OCR a file, cached by content hash (set OCR_BENCH_FRESH=1 to ignore the cache). */
export async function ocrCached(file: string, pool: () => Promise<OcrPool>, stats?: OcrIngestStats, pages?: number[]): Promise<{ doc: Document; cached: boolean }> {
  const bytes = pages ? await pickPages(file, pages) : new Uint8Array(readFileSync(file));
  const h = createHash('sha256').update(bytes);
  // every source the OCR result depends on (a file that does not exist counts as empty)
  for (const f of ['ocr.ts', 'ocr/render.ts', 'ocr/rules.ts', 'ocr/words.ts', 'ocr/cells.ts', 'ocr/lexicon.ts', 'ocr/tesseract.ts', 'ocr/prepare.ts', 'ocr/align.ts', 'ocr/components.ts', 'pdf.ts', 'pdf/layout.ts']) {
    const u = new URL(`../src/ingest/${f}`, import.meta.url);
    h.update(f).update(existsSync(u) ? readFileSync(u) : '');
  }
  h.update(`prepare=${process.env.LKIP_OCR_PREPARE ?? ''}`);
  const key = h.digest('hex').slice(0, 16);
  const hit = path.join(CACHE, `${path.basename(file)}.${key}.json`);
  if (!process.env.OCR_BENCH_FRESH && existsSync(hit)) return { doc: JSON.parse(readFileSync(hit, 'utf8')) as Document, cached: true };
  const doc = await ocrPdfToDocument(file, bytes, { pool: await pool(), stats });
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(hit, JSON.stringify(doc));
  return { doc, cached: false };
}

export const squash = (s: string) => s.replace(/\s+/g, '');
