#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI through tsx so no build step is needed.
//
// V8 flags: the batch gets its parallelism from its own workers (one per core), so V8 is run
// without helper threads of its own (`--single-threaded`: garbage collection and JIT compilation
// on the thread that runs the code). With helper threads a single worker already kept ~1.4 cores
// busy, mostly with parallel young-generation GC that cost more CPU than it saved, and at
// concurrency 2 those threads competed with the workers. Measured in bench/batch.ts (README).
// V8 flags cannot be changed once the process runs, so the launcher starts Node again with them,
// once (stdio, exit code and signals pass through). LKIP_AUDIT_V8_FLAGS overrides the flag list
// ("" = V8's defaults, no second start).
import { spawn } from 'node:child_process';
import { V8_FLAGS as flags } from './v8-flags.js';

if (flags.length > 0 && !flags.every((f) => process.execArgv.includes(f))) {
  const child = spawn(process.execPath, [...flags, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  const forward = (signal) => () => child.kill(signal);
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, forward(s));
  child.on('error', (e) => {
    process.stderr.write(`lkip-audit: Node.js tidak dapat dijalankan ulang (${e.message})\n`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 2);
  });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
