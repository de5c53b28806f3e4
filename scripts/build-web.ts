/**
 * Builds the browser self-check (src/web) into a static folder (default out/web, git-ignored).
 *
 * esbuild (already a dependency, so `lkip-audit serve` can build on demand from a clean clone
 * without dev tools). Two bundles, both classic scripts (IIFE) so the page also works opened from a
 * folder (file://, where module scripts and `new Worker(url)` are refused by Chromium):
 *  - the worker (src/web/worker.ts): ingest (text, PDF through pdfjs-dist running inside this worker
 *    with its own worker code in-process), audit, CSV (Indonesian and English), page rendering to
 *    images as the page asks for them;
 *  - the page (src/web/main.ts), which carries the worker's source and starts it from a Blob URL.
 * The same `src/ingest/pdf.ts` the CLI uses runs in the browser: its two Node imports are replaced by
 * small shims (src/web/shims/*), and pdfjs-dist by src/web/pdfjs-browser.ts (same module, with the
 * options a browser worker needs). The rules configuration is loaded at build time with the CLI's own
 * loader (rules/*.yaml, zod-validated) and embedded as JSON; the page validates it again with the same
 * ConfigSchema. pdfjs data (standard fonts, CMaps, wasm) is copied next to the page, and for OCR
 * (src/ingest/ocr.ts, with src/web/ocr-browser.ts as its tesseract pool) tesseract.js's worker, wasm
 * cores and the ind+eng language data: no CDN, ever.
 *
 * Usage: npx tsx scripts/build-web.ts [outDir]
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { loadConfig } from '../src/cli/config.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'src/web');
export const DEFAULT_WEB_OUT = path.join(ROOT, 'out/web');

const require = createRequire(import.meta.url);

function shims(extra: Record<string, string>): esbuild.Plugin {
  return {
    name: 'lkip-web-shims',
    setup(b) {
      b.onResolve({ filter: /^node:module$/ }, () => ({ path: path.join(WEB, 'shims/module.ts') }));
      b.onResolve({ filter: /^node:path$/ }, () => ({ path: path.join(WEB, 'shims/path.ts') }));
      // pdf.ts imports the legacy build; in the browser it gets the wrapper (which imports the real one).
      b.onResolve({ filter: /^pdfjs-dist\/legacy\/build\/pdf\.mjs$/ }, (a) =>
        a.importer.endsWith(path.join('src', 'web', 'pdfjs-browser.ts')) ? undefined : { path: path.join(WEB, 'pdfjs-browser.ts') },
      );
      // The OCR pipeline's tesseract pool (Node: temp folders, Buffers) → the browser pool.
      b.onResolve({ filter: /^\.\/ocr\/tesseract\.js$/ }, (a) =>
        a.importer.endsWith(path.join('src', 'ingest', 'ocr.ts')) ? { path: path.join(WEB, 'ocr-browser.ts') } : undefined,
      );
      b.onResolve({ filter: /^virtual:/ }, (a) => ({ path: a.path, namespace: 'virtual' }));
      b.onLoad({ filter: /.*/, namespace: 'virtual' }, (a) => {
        const src = extra[a.path];
        return src === undefined ? { errors: [{ text: `unknown virtual module ${a.path}` }] } : { contents: src, loader: 'js' };
      });
    },
  };
}

const common: esbuild.BuildOptions = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome110',
  write: false,
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'silent',
  // pdfjs only reaches these Node paths when it runs in Node.
  define: { 'import.meta.url': 'self.location.href' },
};

export async function buildWeb(outDir: string = DEFAULT_WEB_OUT): Promise<string> {
  const config = loadConfig();
  const virtual = { 'virtual:lkip-config': `export default ${JSON.stringify(config)};` };
  const worker = await esbuild.build({ ...common, entryPoints: [path.join(WEB, 'worker.ts')], plugins: [shims(virtual)] });
  const workerJs = worker.outputFiles![0]!.text;
  const page = await esbuild.build({
    ...common,
    entryPoints: [path.join(WEB, 'main.ts')],
    plugins: [shims({ ...virtual, 'virtual:worker-source': `export default ${JSON.stringify(workerJs)};` })],
  });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'app.js'), page.outputFiles![0]!.text);
  cpSync(path.join(WEB, 'index.html'), path.join(outDir, 'index.html'));
  cpSync(path.join(WEB, 'styles.css'), path.join(outDir, 'styles.css'));
  const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
  for (const d of ['standard_fonts', 'cmaps', 'wasm']) cpSync(path.join(pdfjsRoot, d), path.join(outDir, 'pdfjs', d), { recursive: true });
  // OCR: tesseract.js's worker script, its wasm cores (LSTM only; the worker picks the variant the
  // browser supports) and the language data, all served by the app itself.
  const tessDir = path.join(outDir, 'tesseract');
  mkdirSync(path.join(tessDir, 'core'), { recursive: true });
  mkdirSync(path.join(tessDir, 'lang'), { recursive: true });
  cpSync(path.join(path.dirname(require.resolve('tesseract.js/package.json')), 'dist/worker.min.js'), path.join(tessDir, 'worker.min.js'));
  const coreRoot = path.dirname(createRequire(require.resolve('tesseract.js/package.json')).resolve('tesseract.js-core/package.json'));
  for (const v of ['lstm', 'simd-lstm', 'relaxedsimd-lstm']) cpSync(path.join(coreRoot, `tesseract-core-${v}.wasm.js`), path.join(tessDir, 'core', `tesseract-core-${v}.wasm.js`));
  for (const lang of ['ind', 'eng']) {
    const root = path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    cpSync(path.join(root, '4.0.0_best_int', `${lang}.traineddata.gz`), path.join(tessDir, 'lang', `${lang}.traineddata.gz`));
  }
  writeFileSync(path.join(outDir, 'BUILD.txt'), 'Built by scripts/build-web.ts from src/web. Open index.html, or run: npx lkip-audit serve\n');
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = path.resolve(process.argv[2] ?? DEFAULT_WEB_OUT);
  const t0 = Date.now();
  await buildWeb(out);
  process.stdout.write(`web self-check built into ${path.relative(process.cwd(), out) || '.'} in ${Date.now() - t0} ms\n`);
}
