/**
 * Batch worker (a worker thread, or a child process with an IPC channel): takes the configuration
 * from its parent (the CLI's, already validated), or loads it once (config.ts, imported only then:
 * zod and yaml are not loaded by a worker that is handed one), then audits one file per message.
 * Protocol: parent → { type: 'audit', id, file }; worker → { type: 'ready' } once, then
 * { type: 'result', id, result } per file. A config error is reported as { type: 'fatal', message }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../model/config.js';
import { auditFile, errorResult, type AuditFileOptions, type BatchFileResult } from './audit-file.js';

export interface WorkerInit {
  configFile?: string;
  /** The configuration itself, already resolved and validated (a queue job carries it): configFile is then ignored. */
  config?: Config;
  options: AuditFileOptions;
}
/** `bytes`: the file's content when it was read elsewhere (queue jobs); `file` then only names it. */
export type ToWorker = { type: 'audit'; id: number; file: string; bytes?: Uint8Array };
export type FromWorker = { type: 'ready' } | { type: 'fatal'; message: string } | { type: 'result'; id: number; result: BatchFileResult };

interface Port {
  postMessage(m: FromWorker): void;
  on(event: 'message', fn: (m: ToWorker) => void): void;
}
const childPort: Port | null = process.send
  ? { postMessage: (m) => void process.send!(m), on: (_e, fn) => void process.on('message', fn as (m: unknown) => void) }
  : null;
const port: Port | null = parentPort ?? childPort;
if (!port) throw new Error('worker.ts must run in a worker thread or a forked process');
const init = (parentPort ? workerData : JSON.parse(process.env.LKIP_AUDIT_WORKER_INIT ?? '{}')) as WorkerInit;
// A forked worker ends with its parent.
if (!parentPort) process.on('disconnect', () => process.exit(0));
let config: Config | null = null;
try {
  config = init.config ?? (await import('./config.js')).loadConfig(init.configFile);
} catch (e) {
  port.postMessage({ type: 'fatal', message: (e as Error).message } satisfies FromWorker);
}
if (config) {
  const cfg = config;
  // One file at a time, in the order posted: the pool posts the next file before this one is done
  // (see Slot in batch.ts), and auditFile awaits file reads, during which the next message would
  // otherwise start a second audit.
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (m: ToWorker) => {
    chain = chain.then(async () => {
      try {
        const result = await auditFile(m.file, cfg, init.options, m.bytes);
        port.postMessage({ type: 'result', id: m.id, result } satisfies FromWorker);
      } catch (e) {
        // auditFile never throws; a result that cannot be sent must still answer this file
        const detail = ((e as Error)?.message ?? String(e)).split('\n')[0]!.slice(0, 300);
        const result = errorResult(m.file, 'internal', `Hasil audit berkas tidak dapat dikirim (${detail}): ${m.file}`, `The file's audit result could not be passed on (${detail}): ${m.file}`);
        port.postMessage({ type: 'result', id: m.id, result } satisfies FromWorker);
      }
    });
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
