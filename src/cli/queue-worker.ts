/**
 * `lkip-audit worker --queue redis://HOST:PORT [--concurrency N]`: one machine of the fleet.
 *
 * A BullMQ Worker takes up to N jobs at once and gives each to the batch's own worker pool
 * (WorkerPool in batch.ts: one sandboxed worker thread per core, or a child process with
 * LKIP_AUDIT_POOL=process), so a job is audited by exactly the code of a local run: same
 * configuration (carried by the job), limits, PDF and OCR, time limit, and the same error rows for
 * a file that crashes, exhausts or hangs its worker. The main thread only talks to Redis, so the
 * job locks are renewed on time even while a worker parses for minutes; when this process dies
 * (power cut, SIGKILL), its jobs' locks run out after `lockMs` and another worker's stalled-job
 * check takes them over.
 *
 * Progress: a line on stderr when a job starts and when it ends (file, seconds, findings).
 * SIGINT/SIGTERM: take no new job, finish the running ones, exit 0. A lost Redis connection is
 * reported once and retried (BullMQ reconnects); the worker goes on when Redis is back.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { ConfigSchema } from '../model/config.js';
import { BatchFatalError, WorkerPool } from './batch.js';
import type { BatchFileResult } from './audit-file.js';
import { codeVersion, QUEUE_NAME, redisClient, showUrl, type QueueJobData } from './queue.js';

export interface QueueWorkerOptions {
  url: string;
  /** The queue to take jobs from (--queue-name; default QUEUE_NAME). */
  queueName?: string;
  concurrency: number;
  lang: 'id' | 'en';
  /** How long a job's lock lasts without renewal (a dead worker's job waits this long). */
  lockMs: number;
}

export async function runQueueWorker(opts: QueueWorkerOptions): Promise<void> {
  const en = opts.lang === 'en';
  const say = (id: string, e: string) => (en ? e : id);
  const log = (s: string) => process.stderr.write(`lkip-audit worker: ${s}\n`);
  const where = showUrl(opts.url);
  const code = codeVersion();
  const concurrency = Math.max(1, opts.concurrency);
  /** One pool per settings (configuration, options, time limit); normally just one. */
  const pools = new Map<string, Promise<WorkerPool>>();

  const poolFor = (data: QueueJobData): Promise<WorkerPool> => {
    let p = pools.get(data.settings);
    if (!p) {
      const parsed = ConfigSchema.safeParse(data.config);
      if (!parsed.success) throw new UnrecoverableError(say('konfigurasi di tugas tidak sah', 'the job carries an invalid configuration'));
      // several files at once: one tesseract worker each, as the local batch does
      const options = { ...data.options, ocrWorkers: concurrency > 1 ? 1 : undefined };
      p = WorkerPool.create({ config: parsed.data, options }, concurrency, data.timeoutMs);
      pools.set(data.settings, p);
    }
    return p;
  };

  const processor = async (job: Job<QueueJobData, BatchFileResult>): Promise<BatchFileResult> => {
    const data = job.data;
    if (data?.v !== 1 || typeof data.file !== 'string') throw new UnrecoverableError(say('tugas bukan dari lkip-audit', 'not an lkip-audit job'));
    if (data.code !== code) {
      throw new UnrecoverableError(
        say(
          `pekerja menjalankan versi lkip-audit yang lain (${code}, tugas ${data.code}); pasang versi yang sama di semua mesin`,
          `the worker runs another lkip-audit version (${code}, job ${data.code}); install the same version on every machine`,
        ),
      );
    }
    let bytes: Uint8Array;
    if (data.bytes !== undefined) bytes = new Uint8Array(Buffer.from(data.bytes, 'base64'));
    else if (data.path) {
      try {
        bytes = new Uint8Array(await readFile(data.path));
      } catch (e) {
        throw new UnrecoverableError(
          say(`berkas tidak dapat dibaca di mesin pekerja ${os.hostname()} (${(e as NodeJS.ErrnoException).code ?? 'galat'}: ${data.path})`, `the file cannot be read on worker machine ${os.hostname()} (${(e as NodeJS.ErrnoException).code ?? 'error'}: ${data.path})`),
        );
      }
    } else throw new UnrecoverableError(say('tugas tanpa isi berkas (sudah diambil hasilnya)', 'job without file content (its result was already taken)'));
    if (createHash('sha256').update(bytes).digest('hex') !== data.sha256) {
      throw new UnrecoverableError(say(`isi berkas berubah sejak dikirim: ${data.path ?? data.file}`, `the file changed since it was submitted: ${data.path ?? data.file}`));
    }
    const t0 = Date.now();
    log(`${say('mulai', 'start')} ${data.file}`);
    let result: BatchFileResult;
    try {
      result = await (await poolFor(data)).run(data.file, bytes);
    } catch (e) {
      // a worker that cannot start: this machine cannot audit; the job goes to another attempt
      if (e instanceof BatchFatalError) log(e.message);
      throw e;
    }
    const secs = ((Date.now() - t0) / 1000).toLocaleString(en ? 'en-US' : 'id-ID', { maximumFractionDigits: 1 });
    log(`${say('selesai', 'done')} ${data.file} (${secs} ${say('dtk', 's')}, ${result.error ? say('tidak dapat diaudit', 'could not be audited') : `${result.findings.length} ${say('temuan', 'findings')}`})`);
    return result;
  };

  const connection = redisClient(opts.url);
  const queueName = opts.queueName ?? QUEUE_NAME;
  const worker = new Worker<QueueJobData, BatchFileResult>(queueName, processor, {
    connection,
    concurrency,
    lockDuration: opts.lockMs,
    stalledInterval: opts.lockMs,
    maxStalledCount: 1,
    autorun: false,
  });
  let lost = false;
  connection.on('close', () => {
    if (lost || stopping) return;
    lost = true;
    log(say(`koneksi ke Redis (${where}) terputus; mencoba lagi…`, `the connection to Redis (${where}) was lost; retrying…`));
  });
  connection.on('ready', () => {
    if (lost) log(say(`terhubung lagi ke Redis (${where})`, `connected to Redis again (${where})`));
    lost = false;
  });
  worker.on('error', () => {}); // connection errors: reported above
  worker.on('failed', (job, err) => {
    if (job) log(`${say('gagal', 'failed')} ${job.data?.file ?? job.id}: ${err.message.split('\n')[0]}`);
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log(say('berhenti: menyelesaikan tugas yang sedang berjalan…', 'stopping: finishing the running jobs…'));
    await worker.close();
    await Promise.all([...pools.values()].map(async (p) => (await p.catch(() => null))?.close()));
    connection.disconnect();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  const ready = await Promise.race([
    worker.waitUntilReady().then(() => true),
    new Promise<false>((r) => setTimeout(() => r(false), 10_000).unref()),
  ]);
  if (!ready) {
    await worker.close(true).catch(() => {});
    connection.disconnect();
    throw new BatchFatalError(say(`tidak dapat terhubung ke Redis di ${where}: periksa alamat dan apakah redis-server berjalan`, `cannot connect to Redis at ${where}: check the address and that redis-server is running`));
  }
  log(say(`siap: antrean ${queueName} di ${where}, ${concurrency} pekerja, versi ${code}`, `ready: queue ${queueName} at ${where}, ${concurrency} workers, version ${code}`));
  await worker.run();
  await stop();
}
