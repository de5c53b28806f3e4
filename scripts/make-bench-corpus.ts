/**
 * Generates a corpus of text reports for the batch benchmark by varying the seed reports:
 * numbers changed (a digit of some table numbers), table rows dropped, and the kecamatan's name
 * changed. Deterministic (seeded PRNG): the same N and --seed give the same files. Written into a
 * folder (a temp dir by default), never committed.
 *
 *   npx tsx scripts/make-bench-corpus.ts [--n 1000] [--seed 1] [--out DIR]
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from './prng.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED_DIR = path.join(ROOT, 'fixtures/seeds');
const SEED_NAMES = ['Balung', 'Bangsalsari', 'Kencong', 'Jelbuk'];
const NEW_NAMES = [
  'Ajung', 'Ambulu', 'Arjasa', 'Jenggawah', 'Kalisat', 'Kaliwates', 'Ledokombo', 'Mayang', 'Mumbulsari', 'Panti',
  'Pakusari', 'Patrang', 'Puger', 'Rambipuji', 'Semboro', 'Silo', 'Sukorambi', 'Sukowono', 'Sumberbaru', 'Sumberjambe',
  'Sumbersari', 'Tanggul', 'Tempurejo', 'Umbulsari', 'Wuluhan', 'Gumukmas', 'Jombang', 'Kencong Baru', 'Sukosari', 'Tegalrejo',
];

export { prng } from './prng.js';

/** One variant of a seed report. */
export function vary(text: string, rand: () => number, name: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  const dropRate = 0.01 + rand() * 0.03; // 1–4 % of table rows
  const changeRate = 0.02 + rand() * 0.08; // 2–10 % of table rows get one digit changed
  for (const line of lines) {
    const isRow = line.includes('\t');
    if (isRow && rand() < dropRate) continue;
    let l = line;
    if (isRow && rand() < changeRate) {
      const digits = [...l.matchAll(/\d/g)].map((m) => m.index);
      if (digits.length) {
        const at = digits[Math.floor(rand() * digits.length)]!;
        const d = (Number(l[at]) + 1 + Math.floor(rand() * 8)) % 10;
        l = l.slice(0, at) + String(d) + l.slice(at + 1);
      }
    }
    out.push(l);
  }
  let result = out.join('\n');
  for (const old of SEED_NAMES) {
    result = result.replaceAll(old, name).replaceAll(old.toUpperCase(), name.toUpperCase());
  }
  return result;
}

export interface CorpusOptions {
  n: number;
  seed?: number;
  out?: string;
}

/** Writes `n` reports into `out` (a new temp dir when not given); returns the folder. */
export function makeCorpus(opts: CorpusOptions): string {
  const dir = opts.out ?? mkdtempSync(path.join(os.tmpdir(), 'lkip-bench-'));
  mkdirSync(dir, { recursive: true });
  const seeds = readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ f, text: readFileSync(path.join(SEED_DIR, f), 'utf8') }));
  const rand = prng(opts.seed ?? 1);
  const width = String(opts.n).length;
  for (let i = 0; i < opts.n; i++) {
    const s = seeds[i % seeds.length]!;
    const name = `${NEW_NAMES[Math.floor(rand() * NEW_NAMES.length)]!}${i >= NEW_NAMES.length ? ` ${Math.floor(i / NEW_NAMES.length) + 1}` : ''}`;
    const text = vary(s.text, rand, name);
    writeFileSync(path.join(dir, `${String(i).padStart(width, '0')}_${s.f}`), text);
  }
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (k: string) => {
    const i = process.argv.indexOf(k);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const dir = makeCorpus({ n: Number(arg('--n') ?? 1000), seed: Number(arg('--seed') ?? 1), out: arg('--out') });
  process.stdout.write(`${dir}\n`);
}
