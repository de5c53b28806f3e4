#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI with no build step: compiled on the fly into one plain JS
// file by esbuild (src/cli/bundle.js), or through tsx when that is not possible.
//
// V8 flags (bin/v8-flags.js: why these): they cannot be changed once the process runs, so the
// launcher starts Node again with them, once (stdio, exit code and signals pass through).
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
  // The CLI and the batch worker, compiled into plain JS (src/cli/bundle.js); tsx when that fails.
  const { bundleEntries } = await import('../src/cli/bundle.js');
  const urls = await bundleEntries(['main', 'worker']);
  if (urls?.main && urls.worker) {
    process.env.LKIP_AUDIT_WORKER_BUNDLE = urls.worker;
    await import(urls.main);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import('../src/cli/main.ts');
  }
}
