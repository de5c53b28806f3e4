/**
 * Memory while a long scanned report is OCR'd (issues 5 and 13): a PDF of N pages (default 100) made
 * by repeating the fixture pages (default the degraded ones, `fixtures/degraded`: 150/200 dpi, 1-bit,
 * turned, speckled, a photographed page) goes through `ocrPdfToDocument`; RSS and heap are sampled
 * after every page (and RSS every 200 ms for the peak). Bounded memory = RSS flat after the first
 * pages (rendering runs at most one page per worker ahead; each page keeps only its lines): the
 * mean RSS over pages 5–15 against the mean over the last 10 pages.
 *
 * The long PDF is written to the temp folder (`lkip-ocr-memory/<set>-<N>.pdf`, not committed) and
 * reused by the next run.
 *
 *   npx tsx bench/ocr-memory.ts [--set degraded|scanned] [--pages 100] [--workers 2]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { ocrPdfToDocument } from '../src/ingest/ocr.js';
import { OUT_DIR } from '../scripts/make-scanned-fixtures.js';
import { DEGRADED_DIR } from '../scripts/make-degraded-fixtures.js';
import { newStats } from './ocr-common.js';

const arg = (k: string) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SET = arg('--set') ?? 'degraded';
const DIR = SET === 'degraded' ? DEGRADED_DIR : OUT_DIR;
const N = Number(arg('--pages') ?? 100);
const workers = Number(arg('--workers') ?? 2);

async function longPdf(): Promise<{ bytes: Uint8Array; file: string }> {
  const dir = path.join(os.tmpdir(), 'lkip-ocr-memory');
  const srcFiles = readdirSync(DIR).filter((f) => f.endsWith('.pdf')).sort();
  // the sources' sizes in the name: a regenerated fixture set gives a new long PDF
  const tag = srcFiles.map((f) => readFileSync(path.join(DIR, f)).length).reduce((a, b) => a + b, 0);
  const file = path.join(dir, `${SET}-${N}-${tag}.pdf`);
  if (existsSync(file)) return { bytes: new Uint8Array(readFileSync(file)), file };
  const out = await PDFDocument.create();
  const srcs = await Promise.all(srcFiles.map(async (f) => PDFDocument.load(readFileSync(path.join(DIR, f)))));
  const all: [PDFDocument, number][] = srcs.flatMap((s) => s.getPageIndices().map((i) => [s, i] as [PDFDocument, number]));
  for (let k = 0; k < N; k++) {
    const [s, i] = all[k % all.length]!;
    const [pg] = await out.copyPages(s, [i]);
    out.addPage(pg!);
  }
  const bytes = await out.save();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, bytes);
  return { bytes, file };
}

const { bytes, file } = await longPdf();
const load0 = os.loadavg()[0]!.toFixed(1);
console.log(`${file}: ${N} pages from ${DIR}, ${(bytes.length / 1e6).toFixed(1)} MB, ${workers} workers; ${os.cpus().length} cores, load avg ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const mb = (x: number) => (x / 1048576).toFixed(0);
const samples: { done: number; rss: number; heap: number; ext: number; t: number }[] = [];
const t0 = performance.now();
let peak = 0;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 200);
const stats = newStats();
try {
  const doc = await ocrPdfToDocument(path.basename(file), bytes, {
    workers,
    stats,
    onPage: (_p, done) => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      samples.push({ done, rss: m.rss, heap: m.heapUsed, ext: m.external + m.arrayBuffers, t: performance.now() - t0 });
      if (done === 1 || done % 10 === 0) console.log(`  ${String(done).padStart(3)} pages  ${((performance.now() - t0) / 1000).toFixed(0)} s  rss ${mb(m.rss)} MB  heap ${mb(m.heapUsed)} MB  external ${mb(m.external + m.arrayBuffers)} MB  load ${os.loadavg()[0]!.toFixed(1)}`);
    },
  });
  const perPage = stats.totalMs / 1000 / N;
  console.log(`done: ${doc.lines.length} lines, ${perPage.toFixed(2)} s/page wall, peak rss ${mb(peak)} MB`);
  const first = samples.filter((s) => s.done >= 5 && s.done <= 15);
  const last = samples.filter((s) => s.done > N - 10);
  const avg = (xs: typeof samples, k: 'rss' | 'heap' | 'ext') => xs.reduce((a, s) => a + s[k], 0) / Math.max(1, xs.length);
  console.log(`rss pages 5–15: ${mb(avg(first, 'rss'))} MB; last 10 pages: ${mb(avg(last, 'rss'))} MB (heap ${mb(avg(first, 'heap'))} → ${mb(avg(last, 'heap'))} MB, external ${mb(avg(first, 'ext'))} → ${mb(avg(last, 'ext'))} MB)`);
  console.log(
    `README: a ${N}-page ${SET} scan with ${workers} workers (\`npx tsx bench/ocr-memory.ts --set ${SET} --pages ${N} --workers ${workers}\`, load avg ${load0}→${os.loadavg()[0]!.toFixed(1)}): ` +
      `RSS ${mb(avg(first, 'rss'))} MB over pages 5–15, ${mb(avg(last, 'rss'))} MB over the last 10 (peak ${mb(peak)} MB), heap ${mb(avg(first, 'heap'))} → ${mb(avg(last, 'heap'))} MB, ${perPage.toFixed(2)} s per page.`,
  );
} finally {
  clearInterval(timer);
}
