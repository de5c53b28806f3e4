/**
 * Compiles the batch worker (worker.ts and everything it imports from src/) into one plain ESM
 * file with esbuild (already installed as tsx's compiler), so worker threads start without tsx.
 * Each tsx registration costs a thread a loader hook thread and ~35 MB, and compiles the sources
 * again; with two workers that was a third of the batch's peak memory.
 *
 * - npm packages stay external and are resolved from the project's node_modules (the bundle is
 *   written to node_modules/.cache/lkip-audit/, named by the hash of its content, written
 *   atomically, so concurrent runs share it and a source change gives a new file).
 * - `import.meta.url` is replaced in every source file by that file's own URL, so paths computed
 *   from it (rules/ from src/cli/config.ts, pdfjs data from src/ingest/pdf.ts) stay right.
 * - Any failure (no esbuild, read-only node_modules) returns null: the pool then falls back to
 *   registering tsx inside each worker.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

let cached: Promise<string | null> | null = null;

export function workerBundleUrl(): Promise<string | null> {
  cached ??= build().catch(() => null);
  return cached;
}

async function build(): Promise<string | null> {
  if (process.env.LKIP_AUDIT_NO_BUNDLE) return null;
  const modulesDir = path.join(ROOT, 'node_modules');
  if (!existsSync(modulesDir)) return null;
  const esbuild = await import('esbuild');
  try {
    const result = await esbuild.build({
      entryPoints: [path.join(HERE, 'worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'own-import-meta-url',
          setup(b) {
            b.onLoad({ filter: /\.[cm]?ts$/ }, (args) => ({
              contents: readFileSync(args.path, 'utf8').replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)),
              loader: 'ts',
            }));
          },
        },
      ],
    });
    const code = result.outputFiles?.[0]?.text;
    if (!code) return null;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    const dir = path.join(modulesDir, '.cache', 'lkip-audit');
    const file = path.join(dir, `worker-${hash}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, code);
      renameSync(tmp, file);
      // Drop bundles of older sources (not touched for an hour: no run can still be starting them).
      for (const f of readdirSync(dir)) {
        const p = path.join(dir, f);
        if (p !== file && /^worker-[0-9a-f]+\.mjs$/.test(f) && Date.now() - statSync(p).mtimeMs > 3_600_000) rmSync(p, { force: true });
      }
    }
    return pathToFileURL(file).href;
  } finally {
    await esbuild.stop();
  }
}
