/**
 * The batch worker (worker.ts and everything it imports from src/) as one plain ESM file (see
 * bundle.js), so worker threads start without tsx: each tsx registration costs a thread a loader
 * hook thread and ~35 MB, and compiles the sources again. The launcher bundles it together with
 * the CLI and passes its URL in LKIP_AUDIT_WORKER_BUNDLE; otherwise (tests, `tsx src/cli/main.ts`)
 * it is bundled here on first use. Null when bundling is not possible: the pool then registers
 * tsx inside each worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleEntries } from './bundle.js';

let cached: Promise<string | null> | null = null;

export function workerBundleUrl(): Promise<string | null> {
  const given = process.env.LKIP_AUDIT_WORKER_BUNDLE;
  if (given && !process.env.LKIP_AUDIT_NO_BUNDLE && existsSync(fileURLToPath(given))) return Promise.resolve(given);
  cached ??= bundleEntries(['worker']).then((u) => u?.worker ?? null);
  return cached;
}
