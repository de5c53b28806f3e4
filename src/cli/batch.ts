/**
 * Batch audit over many files: a p-queue feeding a fixed pool of worker threads, so parsing (CPU
 * bound, synchronous) really uses every core.
 *
 * - Isolation: a file is audited inside a worker; a file that throws, hangs past the per-file
 *   timeout, or exhausts the worker's heap costs that worker (it is terminated and replaced) and
 *   becomes one `input-error` row; files already handed to that worker go to its replacement.
 *   The batch never stops for a file.
 * - No idle workers: each worker is handed its next file before it finishes the current one.
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
import { errorResult, timeoutResult, type AuditFileOptions, type BatchFileResult } from './audit-file.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker.js';
import type { Config } from '../model/config.js';
import { workerBundleUrl } from './worker-bundle.js';

export interface BatchOptions {
  concurrency: number;
  /** Per-file time limit in milliseconds. */
  timeoutMs: number;
  configFile?: string;
  /** The configuration already resolved and validated (the CLI's): the workers take it and load nothing. */
  config?: Config;
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

/**
 * V8 flags for a worker process: the JIT flags the launcher gave this process (bin/v8-flags.js),
 * and single-threaded in any case (each worker uses one core).
 */
function childV8Flags(): string[] {
  const mine = process.execArgv.filter((a) => /^--(single-threaded|no-turbo-inlining|interrupt-budget=\d+)$/.test(a));
  return mine.includes('--single-threaded') ? mine : ['--single-threaded', ...mine];
}

/** Fallback when the worker cannot be bundled: register tsx inside the worker, then import worker.ts. */
function tsxWorkerSource(): string {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL)}); })`;
}

interface Job {
  id: number;
  file: string;
  bytes?: Uint8Array;
  resolve: (r: BatchFileResult) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout | null;
}

/** What the slot needs of a worker thread or a forked process. */
interface WorkerLike {
  postMessage(m: ToWorker): void;
  terminate(): Promise<number>;
  on(event: 'message', fn: (m: FromWorker) => void): unknown;
  on(event: 'error', fn: (e: Error & { code?: string }) => void): unknown;
  on(event: 'exit', fn: (code: number | null) => void): unknown;
}

/** Files posted to one worker ahead of the one it is auditing (see Slot). */
export const AHEAD = 1;

/**
 * One worker, restarted when a file kills it. The worker is given its next file before it
 * finishes the current one (up to AHEAD files wait in its message queue), so it never sits idle
 * waiting for the main thread to take a result and send the next file: with as many workers as
 * cores, the main thread has to wait for a core, and the worker would wait with it.
 *
 * Jobs run in the order posted; the head of `jobs` is the one being audited. Its time limit starts
 * when it becomes the head. When the worker dies or is stopped for a timeout, the head becomes an
 * error row and the files still waiting are posted again to a new worker.
 */
class Slot {
  private worker: WorkerLike | null = null;
  private ready: Promise<void> | null = null;
  private readonly jobs: Job[] = [];

  constructor(
    private readonly init: WorkerInit,
    private readonly heapMb: number,
    /** The bundled worker (plain JS), or null to run worker.ts through tsx. */
    private readonly bundle: string | null,
    private readonly timeoutMs: number,
  ) {}

  /** Files posted to this slot and not finished yet. */
  get load(): number {
    return this.jobs.length;
  }

  private start(): void {
    const worker = POOL === 'process' ? this.fork() : this.thread();
    this.watch(worker);
  }

  /** A child process per worker, with the launcher's V8 flags (childV8Flags): each worker uses one core. */
  private fork(): WorkerLike {
    const entry = this.bundle ? fileURLToPath(this.bundle) : fileURLToPath(WORKER_URL);
    const debug = Boolean(process.env.LKIP_AUDIT_DEBUG);
    const child = fork(entry, [], {
      execArgv: [...(this.bundle ? [] : ['--import', 'tsx']), ...childV8Flags(), `--max-old-space-size=${this.heapMb}`, `--max-semi-space-size=${Math.max(1, Math.round(YOUNG_MB / 3))}`],
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

  private watch(worker: WorkerLike): void {
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
        } else if (m.type === 'result' && this.jobs[0]?.id === m.id) {
          this.finishHead(m.result);
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
    // A worker that cannot start fails every file given to it: the batch stops (exit code 2).
    this.ready.catch((e: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.ready = null;
      for (const job of this.jobs.splice(0)) {
        if (job.timer) clearTimeout(job.timer);
        job.reject(e);
      }
    });
  }

  /** The head job is done: resolve it and start the time limit of the next one. */
  private finishHead(result: BatchFileResult): void {
    const job = this.jobs.shift();
    if (!job) return;
    if (job.timer) clearTimeout(job.timer);
    job.resolve(result);
    this.armHead();
  }

  private armHead(): void {
    const job = this.jobs[0];
    if (!job || job.timer) return;
    job.timer = setTimeout(() => this.timedOut(job), this.timeoutMs);
  }

  private timedOut(job: Job): void {
    if (this.jobs[0] !== job) return;
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    this.finishHead(timeoutResult(job.file, this.timeoutMs));
    void worker?.terminate();
    this.repost();
  }

  private crashed(e: Error & { code?: string }): void {
    this.worker = null;
    this.ready = null;
    const job = this.jobs[0];
    if (!job) return;
    const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
    const detail = e.message.split('\n')[0]!.slice(0, 200);
    this.finishHead(
      oom
        ? errorResult(job.file, 'out-of-memory', `Berkas terlalu berat untuk diaudit (memori ${this.heapMb} MB habis): ${job.file}`, `The file is too heavy to audit (ran out of ${this.heapMb} MB of memory): ${job.file}`)
        : errorResult(job.file, 'crash', `Audit berkas ini menghentikan proses pekerja (${detail}): ${job.file}`, `Auditing this file stopped the worker (${detail}): ${job.file}`),
    );
    this.repost();
  }

  /** Post the files still waiting (given to a worker that is gone) to a new worker. */
  private repost(): void {
    for (const job of this.jobs) {
      if (job.timer) clearTimeout(job.timer);
      job.timer = null;
      void this.post(job);
    }
  }

  private async post(job: Job): Promise<void> {
    if (!this.worker || !this.ready) this.start();
    const worker = this.worker!;
    try {
      await this.ready;
    } catch {
      return; // rejected with the start-up error (see watch)
    }
    if (this.worker !== worker || !this.jobs.includes(job)) return; // reposted meanwhile
    worker.postMessage({ type: 'audit', id: job.id, file: job.file, ...(job.bytes ? { bytes: job.bytes } : {}) } satisfies ToWorker);
    this.armHead();
  }

  /** Audit `file` (after the files already posted to this worker); `bytes`: its content, read elsewhere. */
  run(id: number, file: string, bytes?: Uint8Array): Promise<BatchFileResult> {
    return new Promise<BatchFileResult>((resolve, reject) => {
      const job: Job = { id, file, bytes, resolve, reject, timer: null };
      this.jobs.push(job);
      void this.post(job);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }
}

/**
 * The same workers for files that arrive one by one (the queue worker, queue-worker.ts): `run` gives
 * each file to the least loaded of `concurrency` workers, with the same isolation, time limit and
 * error rows as runBatch. Rejects only when a worker cannot start (BatchFatalError).
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private seq = 0;
  private constructor(slots: Slot[]) {
    this.slots = slots;
  }
  static async create(init: WorkerInit, concurrency: number, timeoutMs: number, heapMb = 2048): Promise<WorkerPool> {
    const bundle = await workerBundleUrl();
    return new WorkerPool(Array.from({ length: Math.max(1, concurrency) }, () => new Slot(init, heapMb, bundle, timeoutMs)));
  }
  run(file: string, bytes?: Uint8Array): Promise<BatchFileResult> {
    const slot = this.slots.reduce((a, b) => (b.load < a.load ? b : a));
    return slot.run(this.seq++, file, bytes);
  }
  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.close()));
  }
}

/** Audit `files` with `concurrency` workers; results reach `onResult` in input order. */
export async function runBatch(files: readonly string[], opts: BatchOptions): Promise<void> {
  const concurrency = Math.max(1, Math.min(opts.concurrency, files.length || 1));
  const init: WorkerInit = opts.config ? { config: opts.config, options: opts.fileOptions ?? {} } : { configFile: opts.configFile, options: opts.fileOptions ?? {} };
  const bundle = await workerBundleUrl();
  const slots = Array.from({ length: concurrency }, () => new Slot(init, opts.workerHeapMb ?? 2048, bundle, opts.timeoutMs));
  // each worker audits one file and holds AHEAD more (see Slot)
  const queue = new PQueue({ concurrency: concurrency * (1 + AHEAD) });
  const pick = () => slots.reduce((a, b) => (b.load < a.load ? b : a));

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

  const fail = (e: unknown) => {
    fatal ??= e as Error;
    queue.clear();
  };
  const task = async (i: number) => {
    if (fatal) return;
    const file = files[i]!;
    let result: BatchFileResult;
    try {
      result = await pick().run(i, file);
    } catch (e) {
      return fail(e);
    }
    buffer.set(i, result);
    done++;
    opts.onProgress?.(done, files.length, file);
    emitting = emitting.then(emit).catch(fail);
    // Results written out of turn wait in the buffer; when the output falls behind (a slow
    // stream), the queue waits for it, so memory stays bounded.
    if (buffer.size > 4 * concurrency) await emitting;
  };

  try {
    for (let i = 0; i < files.length && !fatal; i++) {
      // Queue lazily: at most a few files waiting per worker, so 10,000 files cost nothing up front.
      await queue.onSizeLessThan(concurrency);
      void queue.add(() => task(i));
    }
    await queue.onIdle();
    await emitting;
  } finally {
    await Promise.all(slots.map((s) => s.close()));
  }
  if (fatal) throw fatal;
}
