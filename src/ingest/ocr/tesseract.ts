/**
 * The Node tesseract.js pool (ocr/pool.ts), offline only.
 *
 * Language data comes from the npm packages @tesseract.js-data/{ind,eng} (gzipped
 * `4.0.0_best_int` models), copied into one private temp folder that is the `langPath` (under
 * TMPDIR, or a folder that exists when TMPDIR is missing)
 * (`gzip: true`, `cacheMethod: 'none'`: nothing is written to the working directory). The files are
 * checked before any worker starts: tesseract.js without local data fetches from a CDN, and that
 * failure kills the process from a worker event handler, out of reach of try/catch.
 */
import { copyFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Tesseract from 'tesseract.js';
import { makeTempDir } from '../tempdir.js';
import { poolOf, type OcrPage, type OcrPool, type OcrPoolOptions } from './pool.js';

export const OCR_LANGS = ['ind', 'eng'] as const;

export type { OcrPage, OcrPool, OcrPoolOptions };

/** Paths of the gzipped traineddata files inside the installed npm packages. */
export function languageFiles(): { lang: string; file: string }[] {
  const req = createRequire(import.meta.url);
  return OCR_LANGS.map((lang) => {
    const root = path.dirname(req.resolve(`@tesseract.js-data/${lang}/package.json`));
    return { lang, file: path.join(root, '4.0.0_best_int', `${lang}.traineddata.gz`) };
  });
}

/** A worker on the language data copied into `langPath` (gzipped, nothing cached), quiet. */
export const newWorker = (langPath: string, langs: readonly string[] = OCR_LANGS) =>
  Tesseract.createWorker([...langs], Tesseract.OEM.LSTM_ONLY, {
    langPath,
    gzip: true,
    cacheMethod: 'none',
    logger: () => undefined,
    errorHandler: () => undefined,
  });

/** The parameters of a worker for a page segmentation mode, on images of `dpi`. */
export const workerParams = (psm: string, dpi = 300): Partial<Tesseract.WorkerParams> => ({
  tessedit_pageseg_mode: psm as Tesseract.PSM,
  user_defined_dpi: String(dpi),
  // tesseract's own diagnostics ("Detected 17 diacritics") would go to stdout
  debug_file: '/dev/null',
});

export async function createOcrPool(opts: OcrPoolOptions = {}): Promise<OcrPool> {
  const files = languageFiles();
  for (const f of files) {
    const st = await stat(f.file).catch(() => null);
    if (!st || st.size < 1000) throw new Error(`OCR language data missing: ${f.file} (install @tesseract.js-data/${f.lang})`);
  }
  // a missing TMPDIR falls back to a folder that exists (ingest/tempdir.ts)
  const langPath = await makeTempDir('lkip-ocr-lang-');
  return poolOf({
    workers: Math.max(1, Math.floor(opts.workers ?? (os.availableParallelism?.() ?? os.cpus().length))),
    psm: opts.psm,
    newWorker: () => newWorker(langPath),
    params: (psm) => workerParams(psm, opts.dpi),
    // tesseract.js in Node wants a Buffer (it checks Buffer.isBuffer before reading bytes).
    image: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength),
    eagerBlockWorker: true,
    prepare: async () => {
      for (const f of files) await copyFile(f.file, path.join(langPath, `${f.lang}.traineddata.gz`));
    },
    cleanup: () => rm(langPath, { recursive: true, force: true }),
  });
}
