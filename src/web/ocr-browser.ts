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
import { poolOf, type OcrPage, type OcrPool, type OcrPoolOptions } from '../ingest/ocr/pool.js';

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
  return poolOf({
    workers: Math.max(1, Math.min(2, Math.floor(opts.workers ?? cores))),
    psm: opts.psm,
    newWorker: () =>
      Tesseract.createWorker([...OCR_LANGS], Tesseract.OEM.LSTM_ONLY, {
        workerPath: `${root}worker.min.js`,
        corePath: `${root}core/`,
        langPath: `${root}lang`,
        gzip: true,
        cacheMethod: 'none',
        workerBlobURL: true,
        logger: () => undefined,
        errorHandler: () => undefined,
      }),
    params: (psm) => ({ tessedit_pageseg_mode: psm as Tesseract.PSM, user_defined_dpi: String(opts.dpi ?? 300) }),
    image: (b) => b as unknown as Tesseract.ImageLike,
  });
}
