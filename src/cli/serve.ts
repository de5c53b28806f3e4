/**
 * `lkip-audit serve [--port N]`: serves the browser self-check (built by scripts/build-web.ts into
 * out/web) on 127.0.0.1 only. Builds it first when the folder is missing or older than its sources
 * (or with --rebuild), so a clean clone needs nothing but `npm ci`. Static files only: GET/HEAD, no directory listings, no path
 * outside the folder; a Content-Security-Policy that allows only the page's own origin (and the
 * Blob/data URLs the page makes itself), so the page cannot send the report anywhere.
 */
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.gz': 'application/gzip',
};

export const CSP = [
  "default-src 'self'",
  "script-src 'self' blob: 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The built page's folder: out/web at the repository root (git-ignored). */
export function webDir(): string {
  return path.join(REPO, 'out/web');
}

/** Newest modification time of the files the page is built from (src/, rules/, the build script). */
function newestSource(): number {
  let newest = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['src', 'rules']) walk(path.join(REPO, d));
  return Math.max(newest, statSync(path.join(REPO, 'scripts/build-web.ts')).mtimeMs);
}

/**
 * Build the page when its folder is missing, older than its sources (src/, rules/), or when asked;
 * returns the folder. A build takes ~2 s (esbuild, a runtime dependency: works after `npm ci`).
 */
export async function ensureWebBuilt(dir = webDir(), rebuild = false): Promise<string> {
  const app = path.join(dir, 'app.js');
  const fresh = existsSync(path.join(dir, 'index.html')) && existsSync(app) && statSync(app).mtimeMs >= newestSource();
  if (!rebuild && fresh) return dir;
  const { buildWeb } = await import('../../scripts/build-web.js');
  return buildWeb(dir);
}

export function createWebServer(dir: string): http.Server {
  const root = path.resolve(dir);
  return http.createServer((req, res) => {
    const send = (code: number, body: string) => {
      res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'Bad request');
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, '.' + rel);
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'Forbidden');
    let st;
    try {
      st = statSync(file);
    } catch {
      return send(404, 'Not found');
    }
    if (!st.isFile()) return send(404, 'Not found');
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': st.size,
      'cache-control': 'no-cache',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
}

/** Start serving on 127.0.0.1:port (0 = any free port); resolves with the address. */
export async function serveWeb(opts: { port: number; rebuild?: boolean; dir?: string }): Promise<{ server: http.Server; url: string }> {
  const dir = await ensureWebBuilt(opts.dir ?? webDir(), opts.rebuild);
  const server = createWebServer(dir);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return { server, url: `http://127.0.0.1:${port}/` };
}

const portArg = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error('--port harus bilangan bulat 0..65535');
  return n;
};

/** Registers `serve` on the CLI program (src/cli/main.ts). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('buka halaman periksa mandiri di peramban (hanya 127.0.0.1; berkas tidak meninggalkan komputer)')
    .option('-p, --port <n>', 'port', portArg, 8765)
    .option('--rebuild', 'bangun ulang halaman (out/web) sebelum melayani')
    .action(async (opts: { port: number; rebuild?: boolean }) => {
      try {
        const { url } = await serveWeb(opts);
        process.stderr.write(`Halaman periksa mandiri: ${url}  (folder: ${path.relative(process.cwd(), webDir()) || '.'}; Ctrl-C untuk berhenti)\n`);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        process.stderr.write(`lkip-audit: serve gagal: ${err.code === 'EADDRINUSE' ? `port ${opts.port} sudah dipakai; coba --port lain` : err.message}\n`);
        process.exit(2);
      }
    });
}
