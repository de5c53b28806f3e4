/**
 * The batch on a BullMQ (Redis) queue, shared by `lkip-audit audit --queue URL` (submit, here) and
 * `lkip-audit worker --queue URL` (queue-worker.ts).
 *
 * - A job is one file: its bytes (base64; or only its path with --shared-path, when every worker
 *   sees the same file system), the resolved configuration (~4 KB, so a worker needs no rules of its
 *   own), the per-file options and time limit, and the version of the auditing code. Its id is the
 *   file's sha256 plus a hash of everything else (configuration, options, time limit, code version,
 *   and the name the file has in the output): submitting the same inputs again finds the finished
 *   jobs and reuses their results; re-running after an interruption re-adds only what is missing
 *   (BullMQ ignores an add whose id exists), so nothing is lost and nothing is audited twice.
 * - Results are written in input order through the same `onResult` as the local batch (a sliding
 *   window of submitted files, `window`), so the output is byte-identical to a local run.
 * - Files that cannot be sent (missing, not a regular file, empty, over the size limit) are audited
 *   here with the same auditFile: those rows need no parsing and are the same as a local run's.
 * - Faults: a worker that dies mid-job loses its lock; BullMQ's stalled-job check moves the job
 *   back to the queue for another worker (once). A job that fails on every attempt becomes one
 *   `input-error` row naming the cause. A lost Redis connection (not back within `lostMs`) stops the
 *   run with BatchFatalError (exit 2; the caller writes no output).
 * - Job data is dropped (bytes) once its result has been read, so Redis holds at most `window`
 *   files' bytes per submitter; results stay as the cache.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Config } from '../model/config.js';
import { PDF_EXT } from '../ingest/files.js';
import { DEFAULT_MAX_PDF_MB, DEFAULT_MAX_TEXT_MB, auditFile, errorResult, type AuditFileOptions, type BatchFileResult } from './audit-file.js';
import { BatchFatalError } from './batch.js';

/** The queue's name when --queue-name is not given (Redis keys `bull:lkip-audit:*`). */
export const QUEUE_NAME = 'lkip-audit';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface QueueJobData {
  v: 1;
  /** The file as named on the submitting machine: the `file` of every finding. */
  file: string;
  sha256: string;
  /** The content, base64 (dropped once the result has been read). */
  bytes?: string;
  /** --shared-path: the absolute path every worker can read instead of bytes. */
  path?: string;
  /** Version of the auditing code (codeVersion): a worker running other code refuses the job. */
  code: string;
  config: Config;
  options: AuditFileOptions;
  timeoutMs: number;
  /** Hash of config, options, time limit and code: a worker keeps one pool per settings. */
  settings: string;
}

type Lang = 'id' | 'en';
const say = (lang: Lang, id: string, en: string) => (lang === 'en' ? en : id);

/** `redis://[user:pass@]host:port[/db]` (or rediss://) → the URL itself; anything else is refused. */
export function checkQueueUrl(url: string, lang: Lang = 'id'): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new BatchFatalError(say(lang, `alamat antrean tidak sah: ${url} (contoh: redis://127.0.0.1:6379)`, `invalid queue address: ${url} (e.g. redis://127.0.0.1:6379)`));
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new BatchFatalError(say(lang, `alamat antrean harus redis://HOST:PORT: ${url}`, `the queue address must be redis://HOST:PORT: ${url}`));
  }
  return url;
}

/**
 * --queue-name: several fleets (or a test and production) can share one Redis, each with its own
 * queue; submitters reach only the workers started with the same name. Letters, digits, `.`, `_`
 * and `-` (BullMQ refuses `:`, its key separator).
 */
export function checkQueueName(name: string, lang: Lang = 'id'): string {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name)) {
    throw new BatchFatalError(
      say(lang, `nama antrean tidak sah: "${name}" (huruf, angka, titik, garis bawah dan tanda hubung; paling banyak 100)`, `invalid queue name: "${name}" (letters, digits, dots, underscores and hyphens; at most 100)`),
    );
  }
  return name;
}

/** The address without its password, for messages. */
export function showUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** An ioredis client for BullMQ (no per-command retry limit, as BullMQ asks; reconnects every ≤ 1 s). */
export function redisClient(url: string): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(100 * times, 1000),
    connectTimeout: 5000,
  });
  client.on('error', () => {}); // reported through 'close' / the watchdog, never as a stack trace
  return client;
}

let codeCache: string | null = null;
/**
 * Hash of the auditing code: every file under src/ (but the browser page), the rules' defaults and
 * the locked dependency versions. Submitter and workers compute it alike, so a cached result is
 * reused only by the same code, and a worker with other code refuses the job instead of writing
 * other bytes.
 */
export function codeVersion(): string {
  if (codeCache) return codeCache;
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (p !== path.join(ROOT, 'src', 'web')) walk(p);
      } else if (/\.(ts|js|json|yaml)$/.test(e.name)) h.update(path.relative(ROOT, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(path.join(ROOT, 'src'));
  walk(path.join(ROOT, 'rules'));
  try {
    h.update(readFileSync(path.join(ROOT, 'package-lock.json')));
  } catch {
    // no lock file: the sources alone
  }
  codeCache = h.digest('hex').slice(0, 16);
  return codeCache;
}

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

export interface QueueRunOptions {
  url: string;
  /** The queue (--queue-name; default QUEUE_NAME): only workers on the same name take its jobs. */
  queueName?: string;
  lang: Lang;
  config: Config;
  fileOptions: AuditFileOptions;
  timeoutMs: number;
  sharedPath: boolean;
  /** Files submitted and not yet written out, at most (default 100). */
  window?: number;
  /** How long the connection may be lost before the run stops (default 10 s). */
  lostMs?: number;
  onResult: (index: number, result: BatchFileResult) => void | Promise<void>;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Called once per file with where its result came from (tests, bench). */
  onSource?: (index: number, source: 'local' | 'cache' | 'queue') => void;
}

/** Submit `files` to the queue at `url` and hand their results to onResult in input order. */
export async function runQueue(files: readonly string[], opts: QueueRunOptions): Promise<void> {
  const { lang } = opts;
  const where = showUrl(opts.url);
  const client = redisClient(opts.url);
  let fatal: BatchFatalError | null = null;
  let wake: (() => void) | null = null;
  const fatalSeen = new Promise<never>((_, reject) => {
    wake = () => reject(fatal);
  });
  fatalSeen.catch(() => {});
  const die = (e: BatchFatalError) => {
    if (fatal) return;
    fatal = e;
    wake?.();
  };
  const lostMsg = () =>
    say(
      lang,
      `koneksi ke Redis (${where}) terputus: audit dihentikan, tidak ada hasil yang ditulis; jalankan ulang perintah yang sama setelah Redis kembali (hasil yang sudah selesai dipakai ulang)`,
      `the connection to Redis (${where}) was lost: the audit was stopped and no results were written; run the same command again once Redis is back (finished results are reused)`,
    );
  // Connection watchdog: lost for longer than lostMs, or never there within lostMs → fatal.
  let lostTimer: NodeJS.Timeout | null = setTimeout(
    () =>
      die(
        new BatchFatalError(
          say(lang, `tidak dapat terhubung ke Redis di ${where}: periksa alamat dan apakah redis-server berjalan`, `cannot connect to Redis at ${where}: check the address and that redis-server is running`),
        ),
      ),
    opts.lostMs ?? 10_000,
  );
  let everReady = false;
  client.on('ready', () => {
    everReady = true;
    if (lostTimer) clearTimeout(lostTimer);
    lostTimer = null;
  });
  let finished = false;
  client.on('close', () => {
    if (finished || !everReady || lostTimer || fatal) return;
    lostTimer = setTimeout(() => die(new BatchFatalError(lostMsg())), opts.lostMs ?? 10_000);
  });

  const queueName = opts.queueName ?? QUEUE_NAME;
  const queue = new Queue<QueueJobData, BatchFileResult>(queueName, { connection: client });
  const eventsClient = client.duplicate();
  eventsClient.on('error', () => {});
  const events = new QueueEvents(queueName, { connection: eventsClient });
  queue.on('error', () => {});
  events.on('error', () => {});
  // every job waited for listens on both (job.waitUntilFinished): up to `window` at once
  const window = Math.max(1, opts.window ?? 100);
  queue.setMaxListeners(window + 20);
  events.setMaxListeners(2 * window + 20);

  const code = codeVersion();
  const jobOptions: AuditFileOptions = { ...opts.fileOptions };
  delete jobOptions.ocrWorkers; // each worker chooses by its own concurrency, as the local batch does
  const settings = sha(JSON.stringify({ code, config: opts.config, options: jobOptions, timeoutMs: opts.timeoutMs })).slice(0, 16);
  const limitOf = (f: string) =>
    PDF_EXT.has(path.extname(f).toLowerCase()) ? (opts.fileOptions.maxPdfBytes ?? DEFAULT_MAX_PDF_MB * 1024 * 1024) : (opts.fileOptions.maxTextBytes ?? DEFAULT_MAX_TEXT_MB * 1024 * 1024);

  const failedRow = (file: string, reason: string) =>
    errorResult(
      file,
      'queue-failed',
      `Audit berkas gagal di antrean pada setiap percobaan (${reason}): ${file}`,
      `Auditing the file failed in the queue on every attempt (${reason}): ${file}`,
    );

  /** Wait for a job's result (or its last failure), racing the connection watchdog. */
  const outcome = async (job: Job<QueueJobData, BatchFileResult>, file: string): Promise<BatchFileResult> => {
    try {
      return (await Promise.race([job.waitUntilFinished(events), fatalSeen])) as BatchFileResult;
    } catch (e) {
      if (fatal) throw fatal;
      return failedRow(file, ((e as Error).message ?? String(e)).split('\n')[0]!.slice(0, 300));
    }
  };

  const one = async (i: number): Promise<BatchFileResult> => {
    const file = files[i]!;
    const st = await stat(file).catch(() => null);
    if (!st || !st.isFile() || st.size === 0 || st.size > limitOf(file)) {
      // nothing to send: the row is the local one, made by the same code
      opts.onSource?.(i, 'local');
      return auditFile(file, opts.config, opts.fileOptions);
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      opts.onSource?.(i, 'local');
      return auditFile(file, opts.config, opts.fileOptions);
    }
    const sum = sha(bytes);
    const abs = path.resolve(file);
    const id = `${sum}-${sha(`${settings}\0${file}\0${opts.sharedPath ? abs : ''}`).slice(0, 16)}`;
    const data: QueueJobData = {
      v: 1,
      file,
      sha256: sum,
      ...(opts.sharedPath ? { path: abs } : { bytes: bytes.toString('base64') }),
      code,
      config: opts.config,
      options: jobOptions,
      timeoutMs: opts.timeoutMs,
      settings,
    };
    await Promise.race([
      queue.add('audit', data, { jobId: id, attempts: 2, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: false, removeOnFail: false }),
      fatalSeen,
    ]);
    const job = (await Promise.race([queue.getJob(id), fatalSeen])) as Job<QueueJobData, BatchFileResult> | undefined;
    if (!job) throw new BatchFatalError(say(lang, `tugas ${id} hilang dari antrean`, `job ${id} vanished from the queue`));
    const state = await Promise.race([job.getState(), fatalSeen]);
    let result: BatchFileResult;
    if (state === 'completed' && job.returnvalue) {
      opts.onSource?.(i, 'cache');
      result = job.returnvalue;
    } else {
      if (state === 'failed') {
        // an earlier run's failure: try again now (a worker may have been missing or killed), with
        // the file's content back (dropped when that failure was read)
        await Promise.race([job.updateData(data).then(() => job.retry('failed')), fatalSeen]);
      }
      opts.onSource?.(i, 'queue');
      result = await outcome(job, file);
    }
    if (job.data.bytes) {
      // the bytes are no longer needed: keep only the result (the cache) in Redis
      const { bytes: _dropped, ...rest } = job.data;
      await Promise.race([job.updateData(rest as QueueJobData), fatalSeen]).catch((e) => {
        if (fatal) throw fatal;
        void e;
      });
    }
    return result;
  };

  const pending = new Map<number, Promise<BatchFileResult>>();
  let started = 0;
  let done = 0;
  const start = (i: number) => {
    const p = one(i).then(
      (r) => {
        done++;
        opts.onProgress?.(done, files.length, files[i]!);
        return r;
      },
      (e: unknown) => {
        die(e instanceof BatchFatalError ? e : new BatchFatalError(fatal ? lostMsg() : `${say(lang, 'antrean gagal', 'the queue failed')}: ${(e as Error)?.message ?? String(e)}`));
        throw fatal;
      },
    );
    p.catch(() => {});
    pending.set(i, p);
  };
  // jobs waiting and no worker connected: say so once (the run goes on; workers may come later)
  const idle = setInterval(() => {
    if (fatal || done > 0 || started === 0) return;
    void queue
      .getWorkersCount()
      .then((n) => {
        if (n > 0 || fatal || done > 0) return;
        clearInterval(idle);
        process.stderr.write(
          say(
            lang,
            `lkip-audit: belum ada pekerja di antrean ${where}; jalankan \`lkip-audit worker --queue ${where}\` di mesin pekerja (menunggu…)\n`,
            `lkip-audit: no worker on the queue ${where} yet; run \`lkip-audit worker --queue ${where}\` on the worker machines (waiting…)\n`,
          ),
        );
      })
      .catch(() => {});
  }, 15_000);
  idle.unref();
  try {
    await Promise.race([queue.waitUntilReady(), events.waitUntilReady(), fatalSeen]);
    for (let next = 0; next < files.length; next++) {
      while (started < files.length && started < next + window && !fatal) start(started++);
      const r = await Promise.race([pending.get(next)!, fatalSeen]);
      pending.delete(next);
      if (fatal) throw fatal;
      await opts.onResult(next, r);
    }
    if (fatal) throw fatal;
  } finally {
    finished = true;
    clearInterval(idle);
    if (lostTimer) clearTimeout(lostTimer);
    const quick = fatal !== null;
    const closing = Promise.allSettled([events.close(), queue.close()]);
    // with Redis gone, closing would wait for it: give up after a moment
    await Promise.race([closing, new Promise((r) => setTimeout(r, quick ? 200 : 5000).unref())]);
    client.disconnect();
    eventsClient.disconnect();
  }
}
