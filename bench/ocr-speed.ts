/**
 * OCR speed (issues 5 and 13): seconds per page of our OCR of a page image against bare tesseract.js
 * `recognize` of the image our preparation produced from it, with the same tesseract settings and
 * the same workers, with one and with two workers.
 *
 *  - "bare": `recognize` (tesseract.js `scheduler.addJob('recognize', …)`, through the pool's one-line
 *    `recognize`: ind+eng, LSTM, PSM 3, user_defined_dpi 300, blocks output) of the **prepared**
 *    page image: the PGM that `ocrPageImage` hands to tesseract after photo check, light, ink
 *    stretch, deskew, despeckle and rule erasing. It is captured from `ocrPageImage` itself (a pool
 *    wrapper records the bytes), so it cannot drift from what the pipeline prepares.
 *  - "ours": `ocrPageImage` on the 300 dpi render (preparation + page OCR + layout + cell
 *    re-reading), at most workers + 1 pages in flight as `ocrPdfToDocument` runs them.
 *  - "pipeline" (`--pipeline`): `ocrPdfToDocument` on a PDF of the same pages (the same plus the
 *    text-layer check and pdfjs rendering each page at 300 dpi).
 *
 * Rounds alternate (bare, ours / ours, bare, …) so that a change in the machine's load hits both;
 * per round the ratio ours/bare, then the median of the rounds' ratios, wall and CPU
 * (`process.cpuUsage`: every thread of the process, tesseract's worker threads included). Pool
 * start-up is excluded; the first (capturing) pass is the warm-up. Where the time goes: the
 * main-thread preparation (photo, light, stretch, skew, rotation, despeckle / rules, PGM), the time
 * a page job is outstanding, the time a cell-sheet job is outstanding (read by the pool's
 * cell-sheet worker, PSM 6, or by a page worker that has no page waiting) and layout; the words of
 * page OCR per page against the cell readings. `--timeline`: each round's page and sheet jobs (hand-over
 * to result, seconds from the start) and when no page job was outstanding. Every round's results
 * are hashed: the same hash before and after a speed change means byte-identical OCR results.
 *
 *   npx tsx bench/ocr-speed.ts [--set degraded|scanned] [--pages profiles|all|N|000:1,003:3]
 *                              [--rounds 3] [--workers 1,2] [--pipeline] [--timeline]
 *
 * `--pages profiles` (default for the degraded set): the first page of each degradation profile (8
 * pages); `N`: N pages spread over the set; `000:1`: page 1 of the fixture whose name starts 000.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPdfjs, pdfjsDataDirs } from '../src/ingest/pdf.js';
import { ocrPageImage, ocrPdfToDocument, type OcrIngestStats } from '../src/ingest/ocr.js';
import type { LayoutStats } from '../src/ingest/pdf/layout.js';
import { canvasFactoryOf, renderPageGray, type GrayImage } from '../src/ingest/ocr/render.js';
import { createOcrPool, type OcrPool } from '../src/ingest/ocr/tesseract.js';
import { OUT_DIR, SPECS } from '../scripts/make-scanned-fixtures.js';
import { DEGRADED_DIR, profileOf } from '../scripts/make-degraded-fixtures.js';
import { newStats, pickPages } from './ocr-common.js';

const arg = (k: string) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SET = arg('--set') ?? 'degraded';
const DIR = SET === 'degraded' ? DEGRADED_DIR : OUT_DIR;
const ROUNDS = Number(arg('--rounds') ?? 3);
const WORKERS = (arg('--workers') ?? '1,2').split(',').map(Number);
const PIPELINE = process.argv.includes('--pipeline');
/** Print each round's timeline of page and cell-sheet jobs (when the page workers wait). */
const TIMELINE = process.argv.includes('--timeline');
const PAGES = arg('--pages') ?? (SET === 'degraded' ? 'profiles' : '4');

interface PageRef {
  seed: string;
  /** 1-based page of the fixture PDF. */
  page: number;
  label: string;
}

function selectPages(): PageRef[] {
  const all: PageRef[] = SPECS.flatMap((s) => s.pages.map((src, i) => ({ seed: s.seed, page: i + 1, label: SET === 'degraded' ? profileOf(s.seed, src).id : `p${src}` })));
  if (PAGES === 'all') return all;
  if (PAGES === 'profiles') return all.filter((p, i) => all.findIndex((q) => q.label === p.label) === i);
  if (/^\d+$/.test(PAGES)) {
    const n = Math.min(all.length, Number(PAGES));
    return Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)]!);
  }
  return PAGES.split(',').map((s) => {
    const [pre, pg] = s.split(':');
    const hit = all.find((p) => p.seed.startsWith(pre!) && p.page === Number(pg));
    if (!hit) throw new Error(`no page ${s} in ${DIR}`);
    return hit;
  });
}

interface Page extends PageRef {
  gray: GrayImage;
  geom: { width: number; height: number; rotated: boolean };
  prepared?: Uint8Array;
}

async function render(refs: PageRef[]): Promise<Page[]> {
  const pdfjs = await loadPdfjs();
  const out: Page[] = [];
  for (const seed of [...new Set(refs.map((r) => r.seed))]) {
    const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(path.join(DIR, `${seed}.pdf`))), ...pdfjsDataDirs(), cMapPacked: true, isEvalSupported: false, verbosity: 0 });
    try {
      const doc = await task.promise;
      for (const r of refs.filter((x) => x.seed === seed)) {
        const page = await doc.getPage(r.page);
        const vp = page.getViewport({ scale: 1 });
        out.push({ ...r, gray: await renderPageGray(canvasFactoryOf(doc), page, 300), geom: { width: vp.width, height: vp.height, rotated: page.rotate % 180 !== 0 } });
        page.cleanup();
      }
    } finally {
      await task.destroy();
    }
  }
  return refs.map((r) => out.find((p) => p.seed === r.seed && p.page === r.page)!);
}

/** Time during which at least one job of a kind is outstanding (= a worker of that kind is busy or queued). */
class Busy {
  ms = 0;
  jobs = 0;
  /** Each job's hand-over and result (ms, performance.now()). */
  spans: [number, number][] = [];
  private open = 0;
  private since = 0;
  async run<T>(f: () => Promise<T>): Promise<T> {
    this.jobs++;
    const t = performance.now();
    if (this.open++ === 0) this.since = t;
    try {
      return await f();
    } finally {
      if (--this.open === 0) this.ms += performance.now() - this.since;
      this.spans.push([t, performance.now()]);
    }
  }
}

/** The pool, with the busy times of its page workers and of its cell-sheet worker. */
function instrumented(pool: OcrPool) {
  const page = new Busy();
  const cells = new Busy();
  const p: OcrPool = {
    workers: pool.workers,
    recognize: (img) => page.run(() => pool.recognize(img)),
    recognizeBlock: (img) => cells.run(() => pool.recognizeBlock(img)),
    terminate: () => pool.terminate(),
  };
  return { pool: p, page, cells };
}

/** `ocrPageImage` over the pages, at most workers + 1 in flight (as ocrPdfToDocument); results in page order. */
async function ours(pages: Page[], pool: OcrPool, stats: OcrIngestStats, record?: (i: number, img: Uint8Array) => void) {
  const layoutStats: LayoutStats = { midWordJoins: 0, ambiguousJoins: 0 };
  const results: unknown[] = [];
  const inFlight: Promise<void>[] = [];
  // the OCR changes its image (rules erased): copies, made before the clock starts
  const copies = pages.map((p) => ({ ...p.gray, data: p.gray.data.slice() }));
  const t = performance.now();
  const c = cpuNow();
  for (const [i, p] of pages.entries()) {
    while (inFlight.length >= pool.workers + 1) await inFlight.shift();
    const po = record ? { ...pool, recognize: (img: Uint8Array) => (record(i, img.slice()), pool.recognize(img)) } : pool;
    inFlight.push(ocrPageImage(copies[i]!, p.geom, po, { stats, layoutStats }).then((r) => void (results[i] = r.lines)));
  }
  await Promise.all(inFlight);
  return { wall: (performance.now() - t) / 1000 / pages.length, cpu: (cpuNow() - c) / pages.length, digest: createHash('sha256').update(JSON.stringify(results)).digest('hex').slice(0, 12) };
}

async function bare(pages: Page[], pool: OcrPool) {
  const t = performance.now();
  const c = cpuNow();
  await Promise.all(pages.map((p) => pool.recognize(p.prepared!)));
  return { wall: (performance.now() - t) / 1000 / pages.length, cpu: (cpuNow() - c) / pages.length };
}

/** Union of spans, in order. */
function union(spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The jobs of one run of ours, seconds from its start: page jobs, cell-sheet jobs, and the gaps when no page job was outstanding. */
function printTimeline(t0: number, page: [number, number][], cells: [number, number][]) {
  const s = (ms: number) => ((ms - t0) / 1000).toFixed(1);
  console.log(`    page jobs: ${page.map(([a, b]) => `${s(a)}–${s(b)}`).join(' ')}`);
  console.log(`    sheet jobs: ${cells.map(([a, b]) => `${s(a)}–${s(b)}`).join(' ')}`);
  const busy = union(page);
  const gaps = busy.slice(1).map((u, i) => [busy[i]![1], u[0]] as const);
  const end = Math.max(...page.map((x) => x[1]), ...cells.map((x) => x[1]));
  console.log(`    no page job outstanding: before the first ${s(busy[0]![0])}, between ${gaps.map(([a, b]) => `${s(a)}–${s(b)}`).join(' ')} (${(gaps.reduce((x, [a, b]) => x + b - a, 0) / 1000).toFixed(1)} s), after the last ${((end - busy[busy.length - 1]![1]) / 1000).toFixed(1)} s`);
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
const load = () => os.loadavg()[0]!.toFixed(1);

const refs = selectPages();
const pages = await render(refs);
const N = pages.length;
const load0 = load();
console.log(`${DIR}: ${N} pages (${pages.map((p) => `${p.seed.slice(0, 3)}:${p.page} ${p.label}`).join(', ')}), rendered at 300 dpi`);
console.log(`${os.cpus().length} cores, load avg ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${ROUNDS} rounds, alternating; workers ${WORKERS.join(', ')}`);

type Run = { wall: number; cpu: number };
interface Config {
  bare: Run[];
  ours: Run[];
  pipeline: Run[];
  digests: Set<string>;
  loads: string[];
  /** per round, ms per page */
  prep: number[];
  pageBusy: number[];
  cellBusy: number[];
  layout: number[];
  cellJobs: number;
  cellsReread: number;
  /** Words the page OCR read, per page. */
  words: number;
}
const configs = new Map<number, Config>();
const pdfs = PIPELINE ? await Promise.all([...new Set(refs.map((r) => r.seed))].map(async (seed) => ({ seed, bytes: await pickPages(path.join(DIR, `${seed}.pdf`), refs.filter((r) => r.seed === seed).map((r) => r.page)) }))) : [];

for (const workers of WORKERS) {
  const raw = await createOcrPool({ workers });
  const cfg: Config = { bare: [], ours: [], pipeline: [], digests: new Set(), loads: [], prep: [], pageBusy: [], cellBusy: [], layout: [], cellJobs: 0, cellsReread: 0, words: 0 };
  configs.set(workers, cfg);
  try {
    // warm-up and capture: the prepared image of each page is what ocrPageImage hands to recognize
    const warm = await ours(pages, raw, newStats(), (i, img) => {
      if (pages[i]!.prepared && Buffer.compare(pages[i]!.prepared!, img) !== 0) throw new Error(`page ${i}: prepared image differs between passes`);
      pages[i]!.prepared = img;
    });
    cfg.digests.add(warm.digest);
    for (let w = 1; w < workers; w++) await raw.recognize(pages[w % N]!.prepared!);
    for (let r = 0; r < ROUNDS; r++) {
      cfg.loads.push(load());
      const runOurs = async () => {
        const ins = instrumented(raw);
        const stats = newStats();
        const t0 = performance.now();
        const o = await ours(pages, ins.pool, stats);
        if (TIMELINE) printTimeline(t0, ins.page.spans, ins.cells.spans);
        cfg.ours.push(o);
        cfg.digests.add(o.digest);
        const ph = stats.phases!;
        cfg.prep.push((ph.skew + ph.rules) / N);
        cfg.layout.push(ph.layout / N);
        cfg.pageBusy.push(ins.page.ms / N);
        cfg.cellBusy.push(ins.cells.ms / N);
        cfg.cellJobs = ins.cells.jobs;
        cfg.cellsReread = stats.cellsReread ?? 0;
        cfg.words = stats.words / N;
      };
      const runBare = async () => void cfg.bare.push(await bare(pages, raw));
      const runPipeline = async () => {
        if (!PIPELINE) return;
        const t = performance.now();
        const c = cpuNow();
        for (const p of pdfs) await ocrPdfToDocument(`${p.seed}.pdf`, p.bytes, { pool: raw, forceOcr: true, stats: newStats() });
        cfg.pipeline.push({ wall: (performance.now() - t) / 1000 / N, cpu: (cpuNow() - c) / N });
      };
      for (const step of r % 2 ? [runOurs, runPipeline, runBare] : [runBare, runOurs, runPipeline]) await step();
      const [b, o] = [cfg.bare[r]!, cfg.ours[r]!];
      console.log(`  ${workers}w round ${r + 1} (load ${cfg.loads[r]}): bare ${f2(b.wall)}/${f2(b.cpu)} s, ours ${f2(o.wall)}/${f2(o.cpu)} s per page (wall/CPU): ${f2(o.wall / b.wall)}× wall, ${f2(o.cpu / b.cpu)}× CPU`);
    }
  } finally {
    await raw.terminate();
  }
}

console.log('\nseconds per page, each round (wall/CPU):');
for (const [w, cfg] of configs) {
  for (const k of ['bare', 'ours', 'pipeline'] as const) {
    if (!cfg[k].length) continue;
    console.log(`  ${w}w ${k.padEnd(8)} ${cfg[k].map((x) => `${f2(x.wall)}/${f2(x.cpu)}`).join('  ')}`);
  }
  console.log(`  ${w}w load avg at each round: ${cfg.loads.join(' ')}`);
}
const readme: string[] = [];
for (const [w, cfg] of configs) {
  console.log(`\n${w} worker${w > 1 ? 's' : ''} (+ the cell-sheet worker):`);
  for (const what of ['ours', 'pipeline'] as const) {
    if (!cfg[what].length) continue;
    const ratio = (k: 'wall' | 'cpu') => cfg[what].map((x, i) => x[k] / cfg.bare[i]![k]);
    const rw = ratio('wall');
    const rc = ratio('cpu');
    console.log(`  ${what}/bare wall: rounds ${rw.map(f2).join(' ')}, median ${f2(median(rw))}; CPU: rounds ${rc.map(f2).join(' ')}, median ${f2(median(rc))}`);
    if (what === 'ours') readme.push(`${w}w ${f2(median(rw))}× wall (rounds ${f2(Math.min(...rw))}–${f2(Math.max(...rw))}), ${f2(median(rc))}× CPU`);
    else readme.push(`${w}w end to end from the PDF ${f2(median(rw))}× wall, ${f2(median(rc))}× CPU`);
  }
  const b = median(cfg.bare.map((x) => x.wall)) * 1000;
  const o = median(cfg.ours.map((x) => x.wall)) * 1000;
  console.log(
    `  where the time goes, ms per page (medians): bare recognize ${b.toFixed(0)}; ours ${o.toFixed(0)} = ` +
      `preparation ${median(cfg.prep).toFixed(0)} (main thread, overlaps the previous page's OCR), page worker busy ${median(cfg.pageBusy).toFixed(0)}, ` +
      `sheets outstanding (the cell-sheet worker or an idle page worker reading them) ${median(cfg.cellBusy).toFixed(0)} (${(cfg.cellJobs / N).toFixed(1)} sheets, ${(cfg.cellsReread / N).toFixed(1)} cell readings per page against ${cfg.words.toFixed(0)} words of page OCR), layout ${median(cfg.layout).toFixed(0)}`,
  );
  console.log(`  results: ${cfg.digests.size === 1 ? `identical in every round, sha256 ${[...cfg.digests][0]}` : `DIFFER between rounds: ${[...cfg.digests].join(' ')}`}`);
}
console.log(`\nload avg after: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(
  `README: OCR time per page (\`npx tsx bench/ocr-speed.ts --set ${SET} --pages ${PAGES} --rounds ${ROUNDS}\`, ${N} pages, ${os.cpus().length} cores, load avg ${load0}→${load()}): ` +
    `ocrPageImage against bare tesseract.js recognize of the prepared image, median of the rounds' ratios: ${readme.join('; ')}.`,
);
