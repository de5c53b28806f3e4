#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI with no build step: compiled on the fly into one plain JS
// file by esbuild (src/cli/bundle.js), or through tsx when that is not possible.
//
// V8 flags (bin/v8-flags.js: why these): they cannot be changed once the process runs, so the
// launcher starts Node again with them, once (stdio, exit code and signals pass through). They pay
// off only where workers audit many files (`audit` of several files, `worker`); everything else
// (a lone file, `rules`, `extract`, `serve`) runs at once, without the second start (~0.3 s).
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { LONE_FILE_MAX_BYTES, V8_FLAGS } from './v8-flags.js';

/** Options of `audit` / `worker` that take a value (so that value is not taken for an input). */
const WITH_VALUE = new Set(['-o', '--out', '-f', '--format', '--lang', '--fail-on', '-c', '--config', '-j', '--concurrency', '--timeout', '--max-text-mb', '--max-pdf-mb', '--queue', '--queue-name', '--lock-timeout']);

/** Whether this invocation audits many files in workers (then the V8 flags are worth a restart). */
function wantsFlags(argv) {
  const command = argv.find((a) => !a.startsWith('-'));
  if (command === 'worker') return true;
  if (command !== 'audit') return false;
  const inputs = [];
  let queue = false;
  for (let i = argv.indexOf('audit') + 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--queue' || a.startsWith('--queue=')) queue = true;
    if (WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) inputs.push(a);
  }
  if (queue || inputs.length !== 1 || /[*?]/.test(inputs[0])) return !queue;
  try {
    const st = statSync(inputs[0]);
    return !(st.isFile() && st.size <= LONE_FILE_MAX_BYTES); // a lone file is audited in process (main.ts)
  } catch {
    return false; // a missing file: one error row
  }
}

const flags = V8_FLAGS;
if (flags.length > 0 && !flags.every((f) => process.execArgv.includes(f)) && wantsFlags(process.argv.slice(2))) {
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
    // the code that runs, by the bundles' content hashes: names the validated configuration it may
    // reuse (src/cli/config.ts)
    process.env.LKIP_AUDIT_CODE_ID = [urls.main, urls.worker].map((u) => u.slice(u.lastIndexOf('/') + 1)).join('+');
    await import(urls.main);
  } else {
    delete process.env.LKIP_AUDIT_CODE_ID; // (one inherited from a bundled parent names other code)
    const { register } = await import('tsx/esm/api');
    register();
    await import('../src/cli/main.ts');
  }
}
