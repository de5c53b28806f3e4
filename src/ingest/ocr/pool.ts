/**
 * The tesseract.js worker pool shared by Node (ocr/tesseract.ts: language data in a temp folder,
 * Buffers) and the browser (src/web/ocr-browser.ts: everything served by the app): page workers
 * behind one scheduler with the page segmentation mode, and one worker of its own for cell sheets
 * (PSM 6). The caller says how a worker is made and how bytes are handed to tesseract.js. No Node
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
   * OCR a sheet of stacked table cells (see cells.ts) as one uniform block of text (PSM 6), on a
   * worker of its own so the page workers keep their settings.
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
  /** Start the cell-sheet worker with the others (Node: its start-up is not charged to the first page) or on first use. */
  eagerBlockWorker?: boolean;
  /** Runs before the workers start (e.g. copy language data); a failure stops the pool. */
  prepare?: () => Promise<void>;
  /** Runs once the workers are terminated. */
  cleanup?: () => Promise<void>;
}

const OUTPUT = { blocks: true, text: true };

export async function poolOf(setup: PoolSetup): Promise<OcrPool> {
  const scheduler = Tesseract.createScheduler();
  let terminated = false;
  let blockWorker: Promise<Tesseract.Worker> | null = null;
  const startBlockWorker = () => {
    blockWorker ??= setup.newWorker().then(async (w) => {
      await w.setParameters(setup.params('6'));
      return w;
    });
    return blockWorker;
  };
  const terminate = async () => {
    if (terminated) return;
    terminated = true;
    if (blockWorker) await blockWorker.then((w) => w.terminate()).catch(() => undefined);
    await scheduler.terminate().catch(() => undefined);
    await setup.cleanup?.().catch(() => undefined);
  };
  try {
    await setup.prepare?.();
    if (setup.eagerBlockWorker) startBlockWorker().catch(() => undefined); // awaited below; no unhandled rejection meanwhile
    const workers = await Promise.all(Array.from({ length: setup.workers }, setup.newWorker));
    for (const w of workers) {
      await w.setParameters(setup.params(setup.psm ?? '3'));
      scheduler.addWorker(w);
    }
    if (blockWorker) await blockWorker;
  } catch (e) {
    await terminate();
    throw e;
  }
  return {
    workers: setup.workers,
    async recognize(image: Uint8Array) {
      if (terminated) throw new Error('OCR pool terminated');
      return (await scheduler.addJob('recognize', setup.image(image), {}, OUTPUT)).data;
    },
    async recognizeBlock(image: Uint8Array) {
      if (terminated) throw new Error('OCR pool terminated');
      return (await (await startBlockWorker()).recognize(setup.image(image), {}, OUTPUT)).data;
    },
    terminate,
  };
}
