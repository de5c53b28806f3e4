/**
 * Compiles TypeScript entry points of the CLI (src/cli/<name>.ts and everything they import from
 * src/) into plain ESM files with esbuild (already installed as tsx's compiler): the launcher runs
 * the CLI from its bundle (bin/lkip-audit.js) and the batch starts its worker threads from theirs
 * (worker-bundle.ts), so neither pays tsx's loader hooks (a hook thread that every import goes
 * through; ~0.3 s of every start, and ~35 MB per worker thread).
 *
 * - The small pure-JS packages every start loads (INLINE: zod, commander, csv-stringify, p-queue)
 *   are compiled in: loaded from node_modules they are ~130 files that Node's ESM loader resolves,
 *   reads and links one by one (~0.1 s of every start, zod alone ~100 files). Every other npm
 *   package stays external and is resolved from the project's node_modules at run time (pdfjs and
 *   tesseract.js find their data files from their own location). Bundles are written to
 *   node_modules/.cache/lkip-audit/, named by the hash of their content, written atomically, so
 *   concurrent runs share them and a source change gives a new file. A stamp remembers the size
 *   and modification time of every source file that went into them (for a compiled-in package,
 *   of its package.json: an install rewrites it): while none changed, a start needs no compiling
 *   (esbuild takes ~0.1 s); any edit compiles again, so a bundle is never stale.
 * - `import.meta.url` is replaced in every source file by that file's own URL, so paths computed
 *   from it (rules/ from src/cli/config.ts, pdfjs data from src/ingest/pdf.ts) stay right.
 * - Code split (esbuild `splitting`): what a module imports dynamically (OCR with tesseract.js and
 *   pdfjs, the queue with bullmq and ioredis, the web build with esbuild) is a chunk of its own,
 *   loaded only when used, so a start does not load those packages; chunks are named by their
 *   content hash (`chunk-<hash>.mjs`) and shared by all bundles.
 * - Any failure (no esbuild, read-only node_modules) gives null: callers fall back to tsx.
 *
 * Plain JavaScript (with bundle.d.ts), so that the launcher can use it before any TypeScript loader.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

/** npm packages compiled into the bundles (pure JS, no files of their own to find at run time). */
const INLINE = new Set(['zod', 'commander', 'csv-stringify', 'p-queue', 'eventemitter3', 'p-timeout']);
/** The package a bare import names ('@scope/name' or 'name'), or null for a relative or absolute path. */
const packageOf = (spec) => (/^[./]/.test(spec) || spec.startsWith('node:') ? null : spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));

/**
 * Bundle src/cli/<name>.ts for each name; resolves to { name: file URL } or null (see above).
 * @param {string[]} names
 * @returns {Promise<Record<string, string> | null>}
 */
export async function bundleEntries(names) {
  if (process.env.LKIP_AUDIT_NO_BUNDLE) return null;
  const modulesDir = path.join(ROOT, 'node_modules');
  if (!existsSync(modulesDir)) return null;
  const dir = path.join(modulesDir, '.cache', 'lkip-audit');
  const stamp = path.join(dir, `stamp-${names.join('+')}.json`);
  try {
    /** @type {{ urls: Record<string, string>, inputs: Record<string, string>, chunks?: string[] }} */
    const known = JSON.parse(readFileSync(stamp, 'utf8'));
    if (!(known.chunks ?? []).every((c) => existsSync(path.join(dir, c)))) throw new Error('a chunk is gone');
    const fresh = Object.entries(known.inputs).every(([f, v]) => (f.startsWith('esbuild@') ? f === `esbuild@${esbuildVersion()}` : fileVersion(path.join(ROOT, f)) === v));
    if (fresh && names.every((n) => typeof known.urls[n] === 'string' && existsSync(fileURLToPath(known.urls[n])))) return known.urls;
  } catch {
    // no stamp yet (or unreadable): compile
  }
  try {
    const esbuild = await import('esbuild');
    try {
      const result = await esbuild.build({
        entryPoints: Object.fromEntries(names.map((n) => [n, path.join(HERE, `${n}.ts`)])),
        bundle: true,
        platform: 'node',
        format: 'esm',
        splitting: true,
        chunkNames: 'chunk-[hash]',
        outExtension: { '.js': '.mjs' },
        target: 'node20',
        // CommonJS packages compiled in (commander) call require() for Node's modules
        banner: { js: "import { createRequire as __lkipCreateRequire } from 'node:module'; const require = __lkipCreateRequire(import.meta.url);" },
        write: false,
        metafile: true,
        absWorkingDir: ROOT,
        outdir: 'out',
        logLevel: 'silent',
        plugins: [
          {
            name: 'external-packages',
            setup(b) {
              b.onResolve({ filter: /^[^./]/ }, (args) => {
                const pkg = packageOf(args.path);
                return pkg && INLINE.has(pkg) ? undefined : { path: args.path, external: true };
              });
            },
          },
          {
            name: 'own-import-meta-url',
            setup(b) {
              b.onLoad({ filter: /\.[cm]?ts$/ }, (args) => ({
                // (not inside quotes: build-web.ts names 'import.meta.url' in esbuild's `define`)
                contents: readFileSync(args.path, 'utf8').replace(/(?<!['"`])\bimport\.meta\.url\b(?!['"`])/g, JSON.stringify(pathToFileURL(args.path).href)),
                loader: 'ts',
              }));
            },
          },
        ],
      });
      /** @type {Record<string, string>} */
      const urls = {};
      // chunks first (entries import them by name): their names already hold their content hash
      /** @type {string[]} */
      const chunks = [];
      for (const f of result.outputFiles ?? []) {
        if (!/^chunk-[A-Za-z0-9]+\.mjs$/.test(path.basename(f.path))) continue;
        chunks.push(path.basename(f.path));
        const file = path.join(dir, path.basename(f.path));
        if (existsSync(file)) continue;
        mkdirSync(dir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, f.text);
        renameSync(tmp, file);
      }
      for (const name of names) {
        const code = result.outputFiles?.find((f) => path.basename(f.path) === `${name}.mjs`)?.text;
        if (!code) return null;
        const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
        const file = path.join(dir, `${name}-${hash}.mjs`);
        if (!existsSync(file)) {
          mkdirSync(dir, { recursive: true });
          const tmp = `${file}.${process.pid}.tmp`;
          writeFileSync(tmp, code);
          renameSync(tmp, file);
          // Drop bundles and chunks of older sources (not touched for an hour: no run can still be
          // starting them; a chunk still in use is rewritten by no one, so it is kept while it is
          // younger than an hour, and written again by the next build that needs it).
          const old = new RegExp(`^(${name}-[0-9a-f]+|chunk-[A-Za-z0-9]+)\\.mjs$`);
          for (const f of readdirSync(dir)) {
            const p = path.join(dir, f);
            if (p !== file && !chunks.includes(f) && old.test(f) && Date.now() - statSync(p).mtimeMs > 3_600_000) rmSync(p, { force: true });
          }
        }
        urls[name] = pathToFileURL(file).href;
      }
      /** @type {Record<string, string>} */
      const inputs = {};
      // (metafile paths are relative to absWorkingDir)
      for (const f of Object.keys(result.metafile?.inputs ?? {})) {
        // a compiled-in package: its package.json stands for all its files
        const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(f);
        const file = m ? `${m[1]}/package.json` : f;
        inputs[file] = fileVersion(path.join(ROOT, file));
      }
      // and the way they were compiled: this file (its plugin) and esbuild
      inputs[path.relative(ROOT, fileURLToPath(import.meta.url))] = fileVersion(fileURLToPath(import.meta.url));
      inputs[`esbuild@${esbuild.version}`] = '';
      const tmp = `${stamp}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ urls, inputs, chunks }));
      renameSync(tmp, stamp);
      return urls;
    } finally {
      await esbuild.stop();
    }
  } catch {
    return null;
  }
}

/** Size and modification time of a file ('' when it is gone). */
function fileVersion(file) {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return '';
  }
}

/** The installed esbuild's version, from its package.json (without loading esbuild). */
function esbuildVersion() {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'esbuild', 'package.json'), 'utf8')).version;
  } catch {
    return '';
  }
}
