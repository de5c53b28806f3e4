/**
 * The tesseract.js worker pool shared by Node (ocr/tesseract.ts: language data in a temp folder,
 * Buffers) and the browser (src/web/ocr-browser.ts: everything served by the app): page workers
 * with the page segmentation mode, and one worker of its own for cell sheets (PSM 6), which the
 * page workers help when no page waits (see poolOf). The caller says how a worker is made and how bytes are handed to tesseract.js. No Node
 * API here: both builds import it.
 */
import Tesseract from 'tesseract.js';

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
   * OCR a sheet of stacked table cells (see cells.ts) as one uniform block of text (PSM 6), on the
   * cell-sheet worker or on a page worker that has no page waiting (see poolOf).
   */
  recognizeBlock(image: Uint8Array): Promise<OcrPage>;
  /** Terminate the workers (and whatever the caller's `cleanup` removes). Idempotent. */
  terminate(): Promise<void>;
}

export interface PoolSetup {
  /** Number of page workers (already resolved). */
  workers: number;
  psm?: string;
  /** Starts one worker (languages, paths, OEM). */
  newWorker: () => Promise<Tesseract.Worker>;
  /** The parameters for a page segmentation mode. */
  params: (psm: string) => Partial<Tesseract.WorkerParams>;
  /** The bytes as tesseract.js wants them here (a Buffer in Node). */
  image: (bytes: Uint8Array) => Tesseract.ImageLike;
  /** Start the cell-sheet worker with the others (Node: its start-up is not charged to the first page) or on first use (the browser: one worker less in memory for a page without tables). */
  eagerBlockWorker?: boolean;
  /** Runs before the workers start (e.g. copy language data); a failure stops the pool. */
  prepare?: () => Promise<void>;
  /** Runs once the workers are terminated. */
  cleanup?: () => Promise<void>;
}

const OUTPUT = { blocks: true, text: true };
/** Cell sheets are read as one uniform block of text. */
const SHEET_PSM = '6';

interface Job {
  image: Uint8Array;
  resolve: (p: OcrPage) => void;
  reject: (e: unknown) => void;
}

/**
 * The pool. Jobs wait in two queues, pages and sheets. A page worker takes the next page, or, when
 * no page waits, the next sheet (switching to PSM 6 for it and back for the next page): the sheets
 * of the last page, or of a one-page scan, are read on every idle worker instead of one after the
 * other while the page workers wait. The cell-sheet worker takes sheets only, so that sheets never
 * wait behind a long run of pages. A sheet's reading does not depend on the worker (same data,
 * same parameters; tesseract's LSTM keeps no state between images).
 */
export async function poolOf(setup: PoolSetup): Promise<OcrPool> {
  const pageQ: Job[] = [];
  const sheetQ: Job[] = [];
  const idle: (() => void)[] = [];
  const all: Tesseract.Worker[] = [];
  let terminated = false;
  let sheetWorker: Promise<void> | null = null;
  let startSheetWorker: () => Promise<void> = () => Promise.resolve();
  const pagePsm = setup.psm ?? '3';
  const wake = () => {
    for (const w of idle.splice(0)) w();
  };
  /** A worker's loop: `pages` workers take pages first; every worker takes sheets. */
  const serve = async (w: Tesseract.Worker, pages: boolean) => {
    let psm = pages ? pagePsm : SHEET_PSM;
    while (!terminated) {
      const page = pages ? pageQ.shift() : undefined;
      const job = page ?? sheetQ.shift();
      if (!job) {
        await new Promise<void>((r) => idle.push(r));
        continue;
      }
      try {
        const want = page ? pagePsm : SHEET_PSM;
        if (psm !== want) {
          await w.setParameters(setup.params(want));
          psm = want;
        }
        job.resolve((await w.recognize(setup.image(job.image), {}, OUTPUT)).data);
      } catch (e) {
        job.reject(e);
      }
    }
  };
  const terminate = async () => {
    if (terminated) return;
    terminated = true;
    wake();
    for (const j of [...pageQ.splice(0), ...sheetQ.splice(0)]) j.reject(new Error('OCR pool terminated'));
    await Promise.all(all.map((w) => w.terminate().catch(() => undefined)));
    await setup.cleanup?.().catch(() => undefined);
  };
  try {
    await setup.prepare?.();
    const start = async (pages: boolean) => {
      const w = await setup.newWorker();
      all.push(w);
      // started while the pool was being terminated: terminated too
      if (terminated) {
        await w.terminate().catch(() => undefined);
        throw new Error('OCR pool terminated');
      }
      await w.setParameters(setup.params(pages ? pagePsm : SHEET_PSM));
      return w;
    };
    startSheetWorker = () => {
      sheetWorker ??= start(false).then((w) => void serve(w, false));
      return sheetWorker;
    };
    const pageWorkers = Array.from({ length: setup.workers }, () => start(true));
    // started with the others: its start-up is not charged to the first page
    const eager = setup.eagerBlockWorker ? startSheetWorker() : null;
    eager?.catch(() => undefined); // awaited below; no unhandled rejection meanwhile
    for (const w of await Promise.all(pageWorkers)) void serve(w, true);
    await eager;
  } catch (e) {
    await terminate();
    throw e;
  }
  const enqueue = (q: Job[], image: Uint8Array) => {
    if (terminated) return Promise.reject(new Error('OCR pool terminated'));
    return new Promise<OcrPage>((resolve, reject) => {
      q.push({ image, resolve, reject });
      wake();
    });
  };
  return {
    workers: setup.workers,
    recognize: (image) => enqueue(pageQ, image),
    recognizeBlock: (image) => {
      // a failure to start the sheet worker leaves the sheets to the page workers
      startSheetWorker().catch(() => undefined);
      return enqueue(sheetQ, image);
    },
    terminate,
  };
}
