/**
 * A pool of tesseract.js workers behind one scheduler, offline only.
 *
 * Language data comes from the npm packages @tesseract.js-data/{ind,eng} (gzipped
 * `4.0.0_best_int` models), copied into one private temp folder that is the `langPath`
 * (`gzip: true`, `cacheMethod: 'none'`: nothing is written to the working directory). The files are
 * checked before any worker starts: tesseract.js without local data fetches from a CDN, and that
 * failure kills the process from a worker event handler, out of reach of try/catch.
 */
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Tesseract from 'tesseract.js';

export const OCR_LANGS = ['ind', 'eng'] as const;

/** What `recognize` returns: the parts of tesseract.js's page result this project reads. */
export type OcrPage = Tesseract.Page;

export interface OcrPoolOptions {
  /** Number of workers; default one per core. */
  workers?: number;
  /** Page segmentation mode; default '3' (automatic), which reads these pages better than 6. */
  psm?: string;
  /** Resolution of the images passed in (tesseract uses it for its size heuristics). */
  dpi?: number;
}

export interface OcrPool {
  readonly workers: number;
  /** OCR one image (PGM/PNG/JPEG bytes); words with boxes and confidences in `blocks`. */
  recognize(image: Uint8Array): Promise<OcrPage>;
  /**
   * OCR a sheet of stacked table cells (see cells.ts) as one uniform block of text (PSM 6), on a
   * worker of its own (started with the pool) so the page workers keep their settings.
   */
  recognizeBlock(image: Uint8Array): Promise<OcrPage>;
  /** Terminate the workers and remove the temp language folder. Idempotent. */
  terminate(): Promise<void>;
}

/** Paths of the gzipped traineddata files inside the installed npm packages. */
export function languageFiles(): { lang: string; file: string }[] {
  const req = createRequire(import.meta.url);
  return OCR_LANGS.map((lang) => {
    const root = path.dirname(req.resolve(`@tesseract.js-data/${lang}/package.json`));
    return { lang, file: path.join(root, '4.0.0_best_int', `${lang}.traineddata.gz`) };
  });
}

export async function createOcrPool(opts: OcrPoolOptions = {}): Promise<OcrPool> {
  const n = Math.max(1, Math.floor(opts.workers ?? (os.availableParallelism?.() ?? os.cpus().length)));
  const files = languageFiles();
  for (const f of files) {
    const st = await stat(f.file).catch(() => null);
    if (!st || st.size < 1000) throw new Error(`OCR language data missing: ${f.file} (install @tesseract.js-data/${f.lang})`);
  }
  const langPath = await mkdtemp(path.join(os.tmpdir(), 'lkip-ocr-lang-'));
  const scheduler = Tesseract.createScheduler();
  let terminated = false;
  let blockWorker: Promise<Tesseract.Worker> | null = null;
  const newWorker = () =>
    Tesseract.createWorker([...OCR_LANGS], Tesseract.OEM.LSTM_ONLY, {
      langPath,
      gzip: true,
      cacheMethod: 'none',
      logger: () => undefined,
      errorHandler: () => undefined,
    });
  const params = (psm: string) => ({
    tessedit_pageseg_mode: psm as Tesseract.PSM,
    user_defined_dpi: String(opts.dpi ?? 300),
    // tesseract's own diagnostics ("Detected 17 diacritics") would go to stdout
    debug_file: '/dev/null',
  });
  const terminate = async () => {
    if (terminated) return;
    terminated = true;
    if (blockWorker) await blockWorker.then((w) => w.terminate()).catch(() => undefined);
    await scheduler.terminate().catch(() => undefined);
    await rm(langPath, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    for (const f of files) await copyFile(f.file, path.join(langPath, `${f.lang}.traineddata.gz`));
    // the cell-sheet worker starts with the others (its start-up is not charged to the first page)
    blockWorker = newWorker().then(async (w) => {
      await w.setParameters(params('6'));
      return w;
    });
    blockWorker.catch(() => undefined); // awaited below; no unhandled rejection meanwhile
    const workers = await Promise.all(Array.from({ length: n }, newWorker));
    for (const w of workers) {
      await w.setParameters(params(opts.psm ?? '3'));
      scheduler.addWorker(w);
    }
    await blockWorker;
  } catch (e) {
    await terminate();
    throw e;
  }
  return {
    workers: n,
    async recognize(image: Uint8Array) {
      if (terminated) throw new Error('OCR pool terminated');
      // tesseract.js in Node wants a Buffer (it checks Buffer.isBuffer before reading bytes).
      const buf = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
      const r = await scheduler.addJob('recognize', buf, {}, { blocks: true, text: true });
      return r.data;
    },
    async recognizeBlock(image: Uint8Array) {
      if (terminated) throw new Error('OCR pool terminated');
      blockWorker ??= newWorker().then(async (w) => {
        await w.setParameters(params('6'));
        return w;
      });
      const w = await blockWorker;
      const r = await w.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { blocks: true, text: true });
      return r.data;
    },
    terminate,
  };
}
