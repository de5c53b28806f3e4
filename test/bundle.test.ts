/**
 * src/cli/bundle.js: the CLI and the batch worker compiled into plain JS (what bin/lkip-audit.js
 * runs), reused while no source changed and compiled again when one did (a stale bundle would run
 * old code).
 */
import { readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleEntries } from '../src/cli/bundle.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(ROOT, 'node_modules/.cache/lkip-audit/stamp-worker.json');
const SOURCE = path.join(ROOT, 'src/parse/numbers.ts');

describe('bundleEntries', () => {
  it('bundles the worker with its sources, and notices a source that changed', async () => {
    const first = await bundleEntries(['worker']);
    expect(first?.worker).toMatch(/^file:.*\/node_modules\/\.cache\/lkip-audit\/worker-[0-9a-f]{16}\.mjs$/);
    const entry = fileURLToPath(first!.worker!);
    const chunks = (JSON.parse(readFileSync(STAMP, 'utf8')) as { chunks: string[] }).chunks.map((c) => path.join(path.dirname(entry), c));
    const code = [entry, ...chunks].map((f) => readFileSync(f, 'utf8')).join('\n');
    // import.meta.url of each source is that source's own URL (rules/ and pdfjs data are found from it)
    expect(code).toContain(JSON.stringify(pathToFileURL(path.join(ROOT, 'src/cli/config-cache.ts')).href));
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as { inputs: Record<string, string> };
    expect(Object.keys(stamp.inputs)).toContain('src/parse/numbers.ts');
    expect(Object.keys(stamp.inputs)).toContain('src/cli/worker.ts');

    // a source touched: compiled again (same code, so the same bundle file; the stamp follows)
    const st = statSync(SOURCE);
    const later = new Date(st.mtimeMs + 60_000);
    try {
      utimesSync(SOURCE, st.atime, later);
      const again = await bundleEntries(['worker']);
      expect(again?.worker).toBe(first!.worker);
      const restamped = JSON.parse(readFileSync(STAMP, 'utf8')) as { inputs: Record<string, string> };
      expect(restamped.inputs['src/parse/numbers.ts']).toBe(`${st.size}:${statSync(SOURCE).mtimeMs}`);
      expect(restamped.inputs['src/parse/numbers.ts']).not.toBe(stamp.inputs['src/parse/numbers.ts']);
    } finally {
      utimesSync(SOURCE, st.atime, st.mtime);
    }
  }, 60_000);

  it('keeps `import.meta.url` named inside quotes (build-web\'s esbuild `define`) as it is', async () => {
    const urls = await bundleEntries(['main']);
    const entry = fileURLToPath(urls!.main!);
    // build-web is loaded only by `serve`: it is in a chunk of its own (code splitting)
    const stamp = JSON.parse(readFileSync(path.join(path.dirname(entry), 'stamp-main.json'), 'utf8')) as { chunks: string[] };
    const code = [entry, ...stamp.chunks.map((c) => path.join(path.dirname(entry), c))].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(code).toMatch(/["']import\.meta\.url["']\s*:\s*["']self\.location\.href["']/);
  }, 60_000);

  it('loads OCR, the queue and the web build only when used: the CLI entry imports none of their packages', async () => {
    const urls = await bundleEntries(['main', 'worker']);
    const statics = (f: string) => [...readFileSync(f, 'utf8').matchAll(/^import\b[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]!);
    const entry = fileURLToPath(urls!.main!);
    // the entry and every chunk it imports statically, transitively
    const seen = new Set<string>();
    const visit = (f: string) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const s of statics(f)) if (s.startsWith('./')) visit(path.join(path.dirname(f), s));
    };
    visit(entry);
    const packages = [...seen].flatMap(statics).filter((s) => !s.startsWith('./') && !s.startsWith('node:'));
    for (const heavy of ['bullmq', 'ioredis', 'tesseract.js', 'esbuild']) expect(packages, heavy).not.toContain(heavy);
    // the small packages every start needs are compiled in (no ESM loader walk over their files)
    for (const small of ['commander', 'csv-stringify/sync', 'p-queue']) expect(packages, small).not.toContain(small);
    const code = [...seen].map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const small of ['commander', 'csv-stringify', 'p-queue']) expect(code, small).toContain(`// node_modules/${small}/`);
    // zod and yaml not at all: the configuration comes from its cache (config-cache.ts), and the
    // validation (config.ts) is loaded only on a miss
    for (const lazy of ['zod', 'yaml']) {
      expect(packages, lazy).not.toContain(lazy);
      expect(code, lazy).not.toContain(`// node_modules/${lazy}/`);
    }
    expect(code).not.toContain('// src/cli/config.ts');
    expect(code).toContain('// src/cli/config-cache.ts');
  }, 60_000);
});
