/** Shared helpers of the OCR benches: page subsets, reference documents, cached OCR results. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * Every source file the OCR result can depend on: the relative-import closure of src/ingest/ocr.ts
 * (followed statically: `from '…'` and `import('…')`), in a fixed order.
 */
export function ocrSources(): string[] {
  const root = fileURLToPath(new URL('../src/ingest/ocr.ts', import.meta.url));
  const seen = new Set<string>();
  const todo = [root];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) todo.push(path.resolve(path.dirname(f), m[1]!.replace(/\.js$/, '.ts')));
  }
  return [...seen].sort();
}

/**
 * The sources' part of the cache key, computed once when the bench starts (the modules were loaded
 * then: a source edited while the bench runs must not change the key of results made by the code
 * as it was), with the versions of the OCR packages and the preparation switches.
 */
const SOURCE_KEY = (() => {
  const h = createHash('sha256');
  const repo = fileURLToPath(new URL('..', import.meta.url));
  for (const f of ocrSources()) h.update(path.relative(repo, f)).update('\0').update(readFileSync(f)).update('\0');
  const req = createRequire(import.meta.url);
  for (const pkg of ['tesseract.js', 'tesseract.js-core', 'pdfjs-dist', '@napi-rs/canvas', '@tesseract.js-data/ind', '@tesseract.js-data/eng']) {
    try {
      h.update(`${pkg}@${(JSON.parse(readFileSync(req.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version}\0`);
    } catch {
      h.update(`${pkg}@?\0`);
    }
  }
  h.update(`prepare=${process.env.LKIP_OCR_PREPARE ?? ''}`);
  return h.digest();
})();

/**
 * OCR a file (or some of its pages), cached by the sources' key (computed at start), the fixture's
 * own bytes and the page list (set OCR_BENCH_FRESH=1 to ignore the cache).
 */
export async function ocrCached(file: string, pool: () => Promise<OcrPool>, stats?: OcrIngestStats, pages?: number[]): Promise<{ doc: Document; cached: boolean }> {
  const fixture = new Uint8Array(readFileSync(file));
  // the fixture's bytes, not the picked PDF's: pdf-lib stamps a new creation date on every save
  const key = createHash('sha256').update(SOURCE_KEY).update(fixture).update(`pages=${pages?.join(',') ?? 'all'}`).digest('hex').slice(0, 16);
  const hit = path.join(CACHE, `${path.basename(file)}.${key}.json`);
  if (!process.env.OCR_BENCH_FRESH && existsSync(hit)) return { doc: JSON.parse(readFileSync(hit, 'utf8')) as Document, cached: true };
  const bytes = pages ? await pickPages(file, pages) : fixture;
  const doc = await ocrPdfToDocument(file, bytes, { pool: await pool(), stats });
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(hit, JSON.stringify(doc));
  return { doc, cached: false };
}

export const squash = (s: string) => s.replace(/\s+/g, '');
