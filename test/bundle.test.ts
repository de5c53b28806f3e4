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
    const code = readFileSync(fileURLToPath(first!.worker!), 'utf8');
    // import.meta.url of each source is that source's own URL (rules/ and pdfjs data are found from it)
    expect(code).toContain(JSON.stringify(pathToFileURL(path.join(ROOT, 'src/cli/config.ts')).href));
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
    const code = readFileSync(fileURLToPath(urls!.main!), 'utf8');
    expect(code).toMatch(/["']import\.meta\.url["']\s*:\s*["']self\.location\.href["']/);
  }, 60_000);
});
