/**
 * OCR speed (issue 5): seconds per page of `ocrPdfToDocument` (render 300 dpi + deskew + rule
 * detection + OCR + layout) against bare tesseract.js `recognize` on the same rendered images with
 * the same settings (ind+eng, PSM 3, 300 dpi, blocks output), with one and with two workers. Pool
 * start-up is excluded from both. Runs alternate (bare, pipeline, bare, pipeline, …) so that load
 * from other processes hits both alike.
 *
 *   npx tsx bench/ocr-speed.ts [scanned.pdf] [rounds]
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { loadPdfjs, pdfjsDataDirs } from '../src/ingest/pdf.js';
import { ocrPdfToDocument } from '../src/ingest/ocr.js';
import { canvasFactoryOf, renderPageGray, toPgm } from '../src/ingest/ocr/render.js';
import { createOcrPool } from '../src/ingest/ocr/tesseract.js';
import { newStats } from './ocr-common.js';

const file = process.argv[2] ?? 'fixtures/scanned/000_c0a7f8c5d5d194b0.pdf';
const rounds = Number(process.argv[3] ?? 2);

async function renderAll(bytes: Uint8Array): Promise<Uint8Array[]> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), ...pdfjsDataDirs(), cMapPacked: true, isEvalSupported: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const out: Uint8Array[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      out.push(toPgm(await renderPageGray(canvasFactoryOf(doc), page, 300)));
      page.cleanup();
    }
    return out;
  } finally {
    await task.destroy();
  }
}

const bytes = new Uint8Array(readFileSync(file));
const images = await renderAll(bytes);
const pages = images.length;
console.log(`${file}: ${pages} pages, ${os.cpus().length} cores, load avg ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const results: Record<string, number[]> = {};
for (const workers of [1, 2]) {
  const pool = await createOcrPool({ workers });
  try {
    // warm-up (first recognize per worker pays model initialisation)
    await Promise.all(images.slice(0, workers).map((i) => pool.recognize(i)));
    for (let r = 0; r < rounds; r++) {
      let t = performance.now();
      await Promise.all(images.map((i) => pool.recognize(i)));
      (results[`bare ${workers}w`] ??= []).push((performance.now() - t) / 1000 / pages);
      t = performance.now();
      const stats = newStats();
      await ocrPdfToDocument(file, bytes, { pool, forceOcr: true, stats });
      (results[`pipeline ${workers}w`] ??= []).push((performance.now() - t) / 1000 / pages);
      (results[`pipeline prep ${workers}w`] ??= []).push(stats.prepMs / 1000 / pages);
      if (r === 0) console.log(`  ${workers}w: ${stats.cellsReread ?? 0} doubtful cells read again on cell sheets (${stats.cellsChanged ?? 0} changed), skew ${stats.skew.join(' ')}`);
    }
  } finally {
    await pool.terminate();
  }
}
console.log('seconds per page (each round):');
for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(20)} ${v.map((x) => x.toFixed(2)).join('  ')}  (min ${Math.min(...v).toFixed(2)})`);
for (const w of [1, 2]) {
  const b = results[`bare ${w}w`]!;
  const p = results[`pipeline ${w}w`]!;
  const ratios = p.map((x, i) => x / b[i]!);
  console.log(`  ${w} worker(s): pipeline / bare = ${ratios.map((x) => x.toFixed(2)).join('  ')} (min-to-min ${(Math.min(...p) / Math.min(...b)).toFixed(2)})`);
}
console.log(`load avg after: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
