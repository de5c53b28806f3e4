/**
 * Memory while a long scanned report is OCR'd (issue 5): a PDF of N pages (default 100) made by
 * repeating the scanned fixture pages goes through `ocrPdfToDocument`; RSS and heap are sampled
 * after every page. Bounded memory = RSS flat after the first pages (rendering runs at most one
 * page per worker ahead; each page keeps only its lines).
 *
 *   npx tsx bench/ocr-memory.ts [pages] [workers]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { ocrPdfToDocument } from '../src/ingest/ocr.js';
import { OUT_DIR } from '../scripts/make-scanned-fixtures.js';
import { newStats } from './ocr-common.js';

const N = Number(process.argv[2] ?? 100);
const workers = Number(process.argv[3] ?? 2);
const out = await PDFDocument.create();
const srcs = await Promise.all(
  readdirSync(OUT_DIR)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map(async (f) => PDFDocument.load(readFileSync(path.join(OUT_DIR, f)))),
);
const all: [PDFDocument, number][] = srcs.flatMap((s) => s.getPageIndices().map((i) => [s, i] as [PDFDocument, number]));
for (let k = 0; k < N; k++) {
  const [s, i] = all[k % all.length]!;
  const [pg] = await out.copyPages(s, [i]);
  out.addPage(pg!);
}
const bytes = await out.save();
console.log(`${N} pages, ${(bytes.length / 1e6).toFixed(1)} MB, ${workers} workers`);
const mb = (x: number) => (x / 1048576).toFixed(0);
const samples: { done: number; rss: number; heap: number; ext: number; t: number }[] = [];
const t0 = performance.now();
let peak = 0;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 200);
const stats = newStats();
try {
  const doc = await ocrPdfToDocument('long.pdf', bytes, {
    workers,
    stats,
    onPage: (_p, done) => {
      const m = process.memoryUsage();
      samples.push({ done, rss: m.rss, heap: m.heapUsed, ext: m.external + m.arrayBuffers, t: performance.now() - t0 });
      if (done === 1 || done % 10 === 0) console.log(`  ${String(done).padStart(3)} pages  ${((performance.now() - t0) / 1000).toFixed(0)} s  rss ${mb(m.rss)} MB  heap ${mb(m.heapUsed)} MB  external ${mb(m.external + m.arrayBuffers)} MB`);
    },
  });
  console.log(`done: ${doc.lines.length} lines, ${(stats.totalMs / 1000 / N).toFixed(2)} s/page, peak rss ${mb(peak)} MB`);
  const first = samples.filter((s) => s.done >= 5 && s.done <= 15);
  const last = samples.filter((s) => s.done > N - 10);
  const avg = (xs: typeof samples) => xs.reduce((a, s) => a + s.rss, 0) / Math.max(1, xs.length);
  console.log(`rss pages 5–15: ${mb(avg(first))} MB; last 10 pages: ${mb(avg(last))} MB`);
} finally {
  clearInterval(timer);
}
