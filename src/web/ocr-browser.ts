/**
 * Browser stand-in for src/ingest/ocr/tesseract.ts (the bundler maps that import of
 * src/ingest/ocr.ts here), so the CLI's own OCR pipeline (render, deskew, rule detection, layout,
 * cell re-read) runs unchanged in the audit worker. Same interface; tesseract.js's browser build,
 * with everything served by the app itself (never a CDN): its worker script, the wasm core and the
 * ind+eng language data (gzipped traineddata from the @tesseract.js-data npm packages), copied by
 * scripts/build-web.ts into tesseract/. `cacheMethod: 'none'`: nothing is stored in the browser.
 * Needs http(s) (lkip-audit serve): from a file:// page the browser refuses to load the scripts.
 */
import Tesseract from 'tesseract.js';
import type { OcrPage, OcrPool, OcrPoolOptions } from '../ingest/ocr/tesseract.js';

export type { OcrPage, OcrPool, OcrPoolOptions };
export const OCR_LANGS = ['ind', 'eng'] as const;

function base(): string {
  const b = (globalThis as { __LKIP_BASE__?: string }).__LKIP_BASE__;
  if (!b || !/^https?:/.test(b)) throw new Error('OCR needs the page served over http (lkip-audit serve)');
  return b;
}

export async function createOcrPool(opts: OcrPoolOptions = {}): Promise<OcrPool> {
  const root = `${base()}tesseract/`;
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 2;
  const n = Math.max(1, Math.min(2, Math.floor(opts.workers ?? cores)));
  const scheduler = Tesseract.createScheduler();
  let terminated = false;
  let blockWorker: Promise<Tesseract.Worker> | null = null;
  const newWorker = () =>
    Tesseract.createWorker([...OCR_LANGS], Tesseract.OEM.LSTM_ONLY, {
      workerPath: `${root}worker.min.js`,
      corePath: `${root}core/`,
      langPath: `${root}lang`,
      gzip: true,
      cacheMethod: 'none',
      workerBlobURL: true,
      logger: () => undefined,
      errorHandler: () => undefined,
    });
  const params = (psm: string) => ({ tessedit_pageseg_mode: psm as Tesseract.PSM, user_defined_dpi: String(opts.dpi ?? 300) });
  const terminate = async () => {
    if (terminated) return;
    terminated = true;
    if (blockWorker) await blockWorker.then((w) => w.terminate()).catch(() => undefined);
    await scheduler.terminate().catch(() => undefined);
  };
  try {
    const workers = await Promise.all(Array.from({ length: n }, newWorker));
    for (const w of workers) {
      await w.setParameters(params(opts.psm ?? '3'));
      scheduler.addWorker(w);
    }
  } catch (e) {
    await terminate();
    throw e;
  }
  return {
    workers: n,
    async recognize(image: Uint8Array) {
      if (terminated) throw new Error('OCR pool terminated');
      const r = await scheduler.addJob('recognize', image as unknown as Tesseract.ImageLike, {}, { blocks: true, text: true });
      return r.data;
    },
    async recognizeBlock(image: Uint8Array) {
      if (terminated) throw new Error('OCR pool terminated');
      blockWorker ??= newWorker().then(async (w) => {
        await w.setParameters(params('6'));
        return w;
      });
      const w = await blockWorker;
      const r = await w.recognize(image as unknown as Tesseract.ImageLike, {}, { blocks: true, text: true });
      return r.data;
    },
    terminate,
  };
}
