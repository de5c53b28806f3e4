/**
 * Command-line inputs → the sorted list of files to audit.
 *
 * - A file named explicitly is always audited (a missing or unsupported one becomes an error row).
 * - A folder is walked recursively. Every regular file in it is listed, not only .txt/.md/.pdf: an
 *   Inspektorat must see that a kecamatan's `.docx` or a damaged file was *not* audited, so such a
 *   file becomes one error row instead of disappearing. Hidden entries, `node_modules` and our own
 *   fixture metadata (INDEX.md, README.md, MANIFEST.md) are skipped.
 * - A pattern with `*`, `?` or `**` (quoted, so the shell leaves it to us; Node 20 has no fs.glob)
 *   is matched segment by segment: `*` and `?` within one path segment, `**` any number of
 *   segments. Matched folders are walked as above.
 *
 * The result is sorted by code unit and de-duplicated, so output order never depends on the file
 * system or on the order arguments were given.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const META_FILE = /^(INDEX|README|MANIFEST)\.md$/i;

export function hasWildcard(p: string): boolean {
  return /[*?]/.test(p);
}

/** `*`/`?` pattern for one path segment → RegExp. Dotfiles only match a pattern starting with a dot. */
export function segmentRegExp(seg: string): RegExp {
  let re = '';
  for (const ch of seg) {
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

async function statOrNull(p: string) {
  try {
    return await stat(p);
  } catch {
    return null;
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

/** Expand one glob pattern into the existing paths (files or folders) it matches. */
export async function expandGlob(pattern: string): Promise<string[]> {
  const norm = pattern.split(path.sep).join('/');
  const absolute = norm.startsWith('/');
  const segs = norm.split('/').filter((s, i) => s !== '' && !(s === '.' && i > 0));
  const out: string[] = [];
  const walk = async (base: string, i: number): Promise<void> => {
    if (i === segs.length) {
      out.push(base);
      return;
    }
    const seg = segs[i]!;
    if (seg === '**') {
      await walk(base, i + 1); // zero segments
      for (const e of await listDir(base || '.')) {
        if (e.startsWith('.') || e === 'node_modules') continue;
        const p = base ? path.join(base, e) : e;
        const st = await statOrNull(p);
        if (st?.isDirectory()) await walk(p, i); // one or more segments
      }
      return;
    }
    if (!hasWildcard(seg)) {
      const p = base ? path.join(base, seg) : seg;
      if (i === segs.length - 1 ? await statOrNull(p) : (await statOrNull(p))?.isDirectory()) await walk(p, i + 1);
      return;
    }
    const re = segmentRegExp(seg);
    for (const e of await listDir(base || '.')) {
      if (e.startsWith('.') && !seg.startsWith('.')) continue;
      if (!re.test(e)) continue;
      const p = base ? path.join(base, e) : e;
      if (i < segs.length - 1 && !(await statOrNull(p))?.isDirectory()) continue;
      await walk(p, i + 1);
    }
  };
  await walk(absolute ? '/' : '', 0);
  return [...new Set(out)].sort();
}

/** Expand files, folders and simple globs into the files to audit, sorted and de-duplicated. */
export async function expandPaths(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string, explicit: boolean): Promise<void> => {
    const st = await statOrNull(p);
    if (!st) {
      if (explicit) out.push(p); // reported as an error row ("tidak ditemukan")
      return;
    }
    if (st.isDirectory()) {
      for (const e of await listDir(p)) {
        if (e.startsWith('.') || e === 'node_modules') continue;
        await walk(path.join(p, e), false);
      }
      return;
    }
    if (!explicit && !st.isFile()) return; // sockets, fifos inside a folder
    if (!explicit && META_FILE.test(path.basename(p))) return;
    out.push(p);
  };
  for (const input of inputs) {
    if (hasWildcard(input) && !(await statOrNull(input))) {
      const matches = await expandGlob(input);
      if (matches.length === 0) out.push(input); // error row: nothing matched
      for (const m of matches) await walk(m, true);
    } else await walk(input, true);
  }
  return [...new Set(out)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
