/**
 * Batch audit over many files: a p-queue feeding a fixed pool of worker threads, so parsing (CPU
 * bound, synchronous) really uses every core.
 *
 * - Isolation: a file is audited inside a worker; a file that throws, hangs past the per-file
 *   timeout, or exhausts the worker's heap costs that worker (it is terminated and replaced) and
 *   becomes one `input-error` row. The batch never stops for a file.
 * - Determinism: results are handed to `onResult` strictly in input order (a small reorder buffer
 *   holds the ones that finish early), so output bytes do not depend on concurrency or timing.
 * - Memory: files are queued lazily and every result is passed on as soon as its turn comes; the
 *   caller decides what to keep (the CSV writer keeps nothing).
 *
 * Workers run TypeScript compiled once per run into one JS file (worker-bundle.ts). Fallback: each
 * worker registers tsx before importing worker.ts (a `.ts` entry with `execArgv: ['--import',
 * 'tsx']` fails on Node 20 with ERR_UNKNOWN_FILE_EXTENSION).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import { errorResult, type AuditFileOptions, type BatchFileResult } from './audit-file.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker.js';
import { workerBundleUrl } from './worker-bundle.js';

export interface BatchOptions {
  concurrency: number;
  /** Per-file time limit in milliseconds. */
  timeoutMs: number;
  configFile?: string;
  fileOptions?: AuditFileOptions;
  /** Heap limit of each worker (MB); a file that exceeds it becomes an error row. */
  workerHeapMb?: number;
  /** Called once per file, in input order. May return a promise (e.g. stream backpressure). */
  onResult: (index: number, result: BatchFileResult) => void | Promise<void>;
  /** Called after every file, in completion order. */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** The tool itself cannot run (worker cannot start, configuration rejected): exit code 2. */
export class BatchFatalError extends Error {}

const WORKER_URL = new URL('./worker.ts', import.meta.url).href;
const YOUNG_MB = Number(process.env.LKIP_AUDIT_YOUNG_MB) || 16;
/** `thread` (worker_threads, default) or `process` (child processes with single-threaded GC). */
const POOL = process.env.LKIP_AUDIT_POOL === 'process' ? 'process' : 'thread';

/** Fallback when the worker cannot be bundled: register tsx inside the worker, then import worker.ts. */
function tsxWorkerSource(): string {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL)}); })`;
}

interface Job {
  id: number;
  file: string;
  resolve: (r: BatchFileResult) => void;
  timer: NodeJS.Timeout | null;
}

/** One worker thread, restarted when a file kills it. */
/** What the slot needs of a worker thread or a forked process. */
interface WorkerLike {
  postMessage(m: ToWorker): void;
  terminate(): Promise<number>;
  on(event: 'message', fn: (m: FromWorker) => void): unknown;
  on(event: 'error', fn: (e: Error & { code?: string }) => void): unknown;
  on(event: 'exit', fn: (code: number | null) => void): unknown;
}

class Slot {
  private worker: WorkerLike | null = null;
  private ready: Promise<void> | null = null;
  private job: Job | null = null;

  constructor(
    private readonly init: WorkerInit,
    private readonly heapMb: number,
    /** The bundled worker (plain JS), or null to run worker.ts through tsx. */
    private readonly bundle: string | null,
  ) {}

  private start(): Promise<void> {
    const worker = POOL === 'process' ? this.fork() : this.thread();
    return this.watch(worker);
  }

  /** A child process per worker, started with single-threaded GC: each worker then uses one core. */
  private fork(): WorkerLike {
    const entry = this.bundle ? fileURLToPath(this.bundle) : fileURLToPath(WORKER_URL);
    const debug = Boolean(process.env.LKIP_AUDIT_DEBUG);
    const child = fork(entry, [], {
      execArgv: [...(this.bundle ? [] : ['--import', 'tsx']), '--single-threaded-gc', `--max-old-space-size=${this.heapMb}`, `--max-semi-space-size=${Math.max(1, Math.round(YOUNG_MB / 3))}`],
      env: { ...process.env, LKIP_AUDIT_WORKER_INIT: JSON.stringify(this.init) },
      stdio: ['ignore', debug ? 2 : 'ignore', debug ? 2 : 'ignore', 'ipc'],
      serialization: 'advanced',
    });
    const like = child as unknown as WorkerLike;
    like.postMessage = (m: ToWorker) => void child.send(m);
    like.terminate = async () => {
      child.kill('SIGKILL');
      return 0;
    };
    return like;
  }

  private thread(): WorkerLike {
    const worker = new Worker(this.bundle ? new URL(this.bundle) : tsxWorkerSource(), {
      eval: !this.bundle,
      workerData: this.init,
      // A smaller young generation than V8's default keeps each worker's resident memory down
      // (1,000 reports at concurrency 2 stay well under 400 MB) for a few % more GC time.
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: YOUNG_MB },
      // Libraries may print (pdfjs warnings go to console.log): never into our stdout, where the CSV
      // goes. Discarded unless LKIP_AUDIT_DEBUG is set, then forwarded to stderr.
      stdout: true,
      stderr: true,
    });
    if (process.env.LKIP_AUDIT_DEBUG) {
      worker.stdout.pipe(process.stderr, { end: false });
      worker.stderr.pipe(process.stderr, { end: false });
    } else {
      worker.stdout.resume();
      worker.stderr.resume();
    }
    return worker;
  }

  private watch(worker: WorkerLike): Promise<void> {
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (m: FromWorker) => {
        if (this.worker !== worker) return; // a worker we already gave up on (timeout)
        if (m.type === 'ready') {
          started = true;
          resolve();
        } else if (m.type === 'fatal') {
          reject(new BatchFatalError(m.message));
        } else if (m.type === 'result' && this.job?.id === m.id) {
          this.finish(m.result);
        }
      });
      worker.on('error', (e: Error & { code?: string }) => {
        if (this.worker !== worker) return;
        if (!started) {
          reject(new BatchFatalError(`pekerja (worker) tidak dapat dijalankan: ${e.message}`));
          return;
        }
        this.crashed(e);
      });
      worker.on('exit', (code) => {
        if (this.worker !== worker) return;
        if (!started) reject(new BatchFatalError(`pekerja (worker) berhenti saat mulai (kode ${code})`));
        else this.crashed(new Error(`pekerja berhenti (kode ${code})`));
      });
    });
    // A rejection is observed by run(); avoid an unhandled rejection when nobody awaits it yet.
    this.ready.catch(() => undefined);
    return this.ready;
  }

  private finish(result: BatchFileResult): void {
    const job = this.job;
    if (!job) return;
    if (job.timer) clearTimeout(job.timer);
    this.job = null;
    job.resolve(result);
  }

  private crashed(e: Error & { code?: string }): void {
    const job = this.job;
    this.worker = null;
    this.ready = null;
    if (!job) return;
    const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
    const detail = e.message.split('\n')[0]!.slice(0, 200);
    this.finish(
      oom
        ? errorResult(job.file, 'out-of-memory', `Berkas terlalu berat untuk diaudit (memori ${this.heapMb} MB habis): ${job.file}`, `The file is too heavy to audit (ran out of ${this.heapMb} MB of memory): ${job.file}`)
        : errorResult(job.file, 'crash', `Audit berkas ini menghentikan proses pekerja (${detail}): ${job.file}`, `Auditing this file stopped the worker (${detail}): ${job.file}`),
    );
  }

  async run(id: number, file: string, timeoutMs: number): Promise<BatchFileResult> {
    if (!this.worker || !this.ready) this.start();
    await this.ready;
    const worker = this.worker!;
    return new Promise<BatchFileResult>((resolve) => {
      const job: Job = { id, file, resolve, timer: null };
      this.job = job;
      job.timer = setTimeout(() => {
        if (this.job !== job) return;
        const secs = timeoutMs / 1000;
        this.worker = null;
        this.ready = null;
        this.finish(
          errorResult(
            file,
            'timeout',
            `Audit berkas melebihi batas waktu ${secs.toLocaleString('id-ID', { maximumFractionDigits: 3 })} detik dan dihentikan: ${file}`,
            `Auditing the file exceeded the ${secs.toLocaleString('en-US', { maximumFractionDigits: 3 })} s time limit and was stopped: ${file}`,
          ),
        );
        void worker.terminate();
      }, timeoutMs);
      worker.postMessage({ type: 'audit', id, file } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }
}

/** Audit `files` with `concurrency` workers; results reach `onResult` in input order. */
export async function runBatch(files: readonly string[], opts: BatchOptions): Promise<void> {
  const concurrency = Math.max(1, Math.min(opts.concurrency, files.length || 1));
  const init: WorkerInit = { configFile: opts.configFile, options: opts.fileOptions ?? {} };
  const bundle = await workerBundleUrl();
  const slots = Array.from({ length: concurrency }, () => new Slot(init, opts.workerHeapMb ?? 2048, bundle));
  const free = [...slots];
  const queue = new PQueue({ concurrency });

  const buffer = new Map<number, BatchFileResult>();
  let next = 0;
  let done = 0;
  let fatal: Error | null = null;
  let emitting: Promise<void> = Promise.resolve();

  const emit = async () => {
    while (buffer.has(next)) {
      const r = buffer.get(next)!;
      buffer.delete(next);
      await opts.onResult(next, r);
      next++;
    }
  };

  const task = async (i: number) => {
    if (fatal) return;
    const slot = free.pop()!;
    try {
      const file = files[i]!;
      const result = await slot.run(i, file, opts.timeoutMs);
      buffer.set(i, result);
      done++;
      opts.onProgress?.(done, files.length, file);
      emitting = emitting.then(emit);
      await emitting;
    } catch (e) {
      fatal ??= e as Error;
      queue.clear();
    } finally {
      free.push(slot);
    }
  };

  try {
    for (let i = 0; i < files.length && !fatal; i++) {
      // Queue lazily: at most a few files waiting per worker, so 10,000 files cost nothing up front.
      await queue.onSizeLessThan(concurrency * 2);
      void queue.add(() => task(i));
    }
    await queue.onIdle();
    await emitting;
  } finally {
    await Promise.all(slots.map((s) => s.close()));
  }
  if (fatal) throw fatal;
}
