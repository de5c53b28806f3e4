/**
 * `lkip-audit serve` through the real launcher (bin/lkip-audit.js: the CLI as the esbuild bundle,
 * src/cli/bundle.js): it builds the self-check page into out/web when that is missing or older than
 * its sources (always so in a clean clone) and serves it on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('lkip-audit serve', () => {
  it('builds and serves the self-check page on 127.0.0.1', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/lkip-audit.js'), 'serve', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (m) resolve(m[0]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Periksa Mandiri LKIP');
      const app = await fetch(new URL('app.js', url));
      expect(app.status).toBe(200);
      expect((await app.text()).length).toBeGreaterThan(100_000);
    } finally {
      child.kill('SIGINT');
    }
  }, 120_000);
});
