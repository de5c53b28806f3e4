/**
 * OCR speed (issue 5): seconds per page against bare tesseract.js `recognize` on the same images
 * with the same settings, with one and with two workers, of
 *  - "OCR": `ocrPageImage` on those images (deskew + rule detection + page OCR + layout + cell
 *    re-reading: the OCR the pipeline does on an image, where bare tesseract.js does `recognize`);
 *  - "pipeline": `ocrPdfToDocument` on the PDF (the same plus the PDF's text layer check and pdfjs
 *    rendering each page: everything a user waits for).
 *
 * "The same images": each page exactly as the pipeline obtains it before its own processing,
 * rendered by pdfjs at 300 dpi gray (the fixtures' JPEGs are 200 dpi). Same settings: the
 * pipeline's pool (ind+eng, LSTM, PSM 3, user_defined_dpi 300, blocks output).
 *
 * Both wall-clock and CPU seconds per page are reported (`process.cpuUsage` counts every thread
 * of the process, tesseract's worker threads included): on a shared machine wall time swings with
 * other processes' load, CPU time much less. Runs alternate (bare, pipeline, bare, pipeline, …) so
 * that load hits both alike; min and median over the rounds. Pool start-up (and one warm-up
 * recognize per worker) is excluded from both. The pipeline's main-thread phases and OCR waits are
 * broken down per page from its stats.
 *
 *   npx tsx bench/ocr-speed.ts [scanned.pdf] [rounds]
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { loadPdfjs, pdfjsDataDirs } from '../src/ingest/pdf.js';
import { ocrPageImage, ocrPdfToDocument, type OcrIngestStats } from '../src/ingest/ocr.js';
import type { LayoutStats } from '../src/ingest/pdf/layout.js';
import { canvasFactoryOf, renderPageGray, toPgm, type GrayImage } from '../src/ingest/ocr/render.js';
import { createOcrPool } from '../src/ingest/ocr/tesseract.js';
import { newStats } from './ocr-common.js';

const file = process.argv[2] ?? 'fixtures/scanned/000_c0a7f8c5d5d194b0.pdf';
const rounds = Number(process.argv[3] ?? 3);

async function pageImages(bytes: Uint8Array): Promise<{ gray: GrayImage[]; pgm: Uint8Array[]; desc: string }> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), ...pdfjsDataDirs(), cMapPacked: true, isEvalSupported: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const pgm: Uint8Array[] = [];
    const gray: GrayImage[] = [];
    const sizes = new Set<string>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const img = await renderPageGray(canvasFactoryOf(doc), page, 300);
      sizes.add(`${img.width}×${img.height}`);
      pgm.push(toPgm(img));
      gray.push(img);
      page.cleanup();
    }
    return { gray, pgm, desc: `${[...sizes].join(', ')} px at 300 dpi` };
  } finally {
    await task.destroy();
  }
}

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f2 = (x: number) => x.toFixed(2);

const bytes = new Uint8Array(readFileSync(file));
const { gray, pgm: images, desc } = await pageImages(bytes);
const pages = images.length;
console.log(`${file}: ${pages} pages; images ${desc}`);
console.log(`${os.cpus().length} cores, load avg ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${rounds} rounds, alternating`);

type Run = { wall: number; cpu: number };
const results: Record<string, Run[]> = {};
const phaseRuns: Record<string, OcrIngestStats[]> = {};
for (const workers of [1, 2]) {
  const pool = await createOcrPool({ workers });
  try {
    // warm-up (first recognize per worker pays model initialisation), the cell-sheet worker too
    await Promise.all([...images.slice(0, workers).map((i) => pool.recognize(i)), pool.recognizeBlock(images[0]!)]);
    for (let r = 0; r < rounds; r++) {
      let t = performance.now();
      let c = cpuNow();
      await Promise.all(images.map((i) => pool.recognize(i)));
      (results[`bare ${workers}w`] ??= []).push({ wall: (performance.now() - t) / 1000 / pages, cpu: (cpuNow() - c) / pages });
      // the images are changed by the OCR (rules erased): each round gets copies, made beforehand
      const copies = gray.map((g) => ({ ...g, data: g.data.slice() }));
      const layoutStats: LayoutStats = { midWordJoins: 0, ambiguousJoins: 0 };
      t = performance.now();
      c = cpuNow();
      await Promise.all(copies.map((g) => ocrPageImage(g, { width: (g.width * 72) / g.dpi, height: (g.height * 72) / g.dpi, rotated: false }, pool, { stats: newStats(), layoutStats })));
      (results[`OCR ${workers}w`] ??= []).push({ wall: (performance.now() - t) / 1000 / pages, cpu: (cpuNow() - c) / pages });
      t = performance.now();
      c = cpuNow();
      const stats = newStats();
      await ocrPdfToDocument(file, bytes, { pool, forceOcr: true, stats });
      (results[`pipeline ${workers}w`] ??= []).push({ wall: (performance.now() - t) / 1000 / pages, cpu: (cpuNow() - c) / pages });
      (phaseRuns[`${workers}w`] ??= []).push(stats);
      if (r === 0) console.log(`  ${workers}w: ${stats.cellsReread ?? 0} cell readings on cell sheets (${stats.cellsUnsettled ?? 0} numeric cells not settled by their first re-reading; ${stats.cellsChanged ?? 0} changed), skew ${stats.skew.join(' ')}`);
    }
  } finally {
    await pool.terminate();
  }
}

console.log('\nseconds per page, each round (wall / CPU):');
for (const [k, v] of Object.entries(results)) {
  const w = v.map((x) => x.wall);
  const c = v.map((x) => x.cpu);
  console.log(`  ${k.padEnd(12)} ${v.map((x) => `${f2(x.wall)}/${f2(x.cpu)}`).join('  ')}   wall min ${f2(Math.min(...w))} median ${f2(median(w))}; CPU min ${f2(Math.min(...c))} median ${f2(median(c))}`);
}
for (const what of ['OCR', 'pipeline']) {
  console.log(`\n${what} / bare:`);
  for (const w of [1, 2]) {
    const b = results[`bare ${w}w`]!;
    const p = results[`${what} ${w}w`]!;
    for (const k of ['wall', 'cpu'] as const) {
      const bs = b.map((x) => x[k]);
      const ps = p.map((x) => x[k]);
      console.log(
        `  ${w}w ${k.padEnd(4)}: per round ${ps.map((x, i) => f2(x / bs[i]!)).join(' ')}; median/median ${f2(median(ps) / median(bs))}; min/min ${f2(Math.min(...ps) / Math.min(...bs))}`,
      );
    }
  }
}
console.log('\npipeline breakdown, ms per page (median over rounds): main thread image / skew / rules (+PGM); waits page OCR, cell-sheet OCR; layout');
for (const [k, runs] of Object.entries(phaseRuns)) {
  const keys = ['image', 'skew', 'rules', 'pageOcr', 'cellOcr', 'layout'] as const;
  console.log(`  ${k}: ${keys.map((p) => `${p} ${median(runs.map((s) => (s.phases?.[p] ?? 0) / pages)).toFixed(0)}`).join(', ')}`);
}
console.log(`load avg after: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
