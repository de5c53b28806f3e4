/**
 * What a cell sheet costs under other tesseract settings (issue 13's speed): the cell sheets that
 * the OCR of the degraded fixtures reads (ocr/cells.ts) are captured once, with the words the
 * pipeline's cell-sheet worker read on them; then each is read again, one after the other, on one
 * fresh worker with the given languages and extra parameters, and the bench prints the seconds and
 * how many words came out differently. Only a setting that changes no word leaves the audit as it is;
 * any other needs `bench/ocr-accuracy.ts` before it may land.
 *
 *   npx tsx bench/ocr-sheets.ts capture                  # the 66 sheets of the 16 degraded pages
 *   npx tsx bench/ocr-sheets.ts time [ind+eng] ['{"invert_threshold":"0"}'] [--half] [-v]
 *
 * `--half`: every sheet at half its width and height (what the pixels, not the words, cost).
 * Measured 2026-12-04 (quiet machine): see README, "PDF and OCR: measured".
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ocrPdfToDocument } from '../src/ingest/ocr.js';
import { toPgm } from '../src/ingest/ocr/render.js';
import { createOcrPool, languageFiles, newWorker, workerParams, type OcrPage } from '../src/ingest/ocr/tesseract.js';
import { wordsOf } from '../src/ingest/ocr/words.js';
import { SPECS } from '../scripts/make-scanned-fixtures.js';
import { DEGRADED_DIR } from '../scripts/make-degraded-fixtures.js';

const DIR = path.join(os.tmpdir(), 'lkip-ocr-sheets');
const name = (i: number) => String(i).padStart(3, '0');
const texts = (r: OcrPage) => wordsOf(r, 1).map((w) => w.text);

/** A PGM at half its width and height (every other pixel of every other row). */
function half(pgm: Buffer): Buffer {
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(m[1]), Number(m[2])];
  const data = pgm.subarray(m[0].length);
  const W = w >> 1;
  const H = h >> 1;
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) out[y * W + x] = data[2 * y * w + 2 * x]!;
  return Buffer.from(toPgm({ width: W, height: H, data: out, dpi: 300 }));
}

if (process.argv[2] === 'capture') {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const pool = await createOcrPool({});
  let n = 0;
  const recording = {
    ...pool,
    recognizeBlock: async (img: Uint8Array) => {
      const i = n++;
      writeFileSync(path.join(DIR, `${name(i)}.pgm`), img);
      const r = await pool.recognizeBlock(img);
      writeFileSync(path.join(DIR, `${name(i)}.json`), JSON.stringify(texts(r)));
      return r;
    },
  };
  try {
    for (const s of SPECS) {
      const f = path.join(DEGRADED_DIR, `${s.seed}.pdf`);
      await ocrPdfToDocument(f, new Uint8Array(readFileSync(f)), { pool: recording });
    }
  } finally {
    await pool.terminate();
  }
  console.log(`${n} cell sheets captured in ${DIR}`);
} else if (process.argv[2] === 'time') {
  const args = process.argv.slice(3).filter((a) => !a.startsWith('-'));
  const langs = (args[0] ?? 'ind+eng').split('+');
  const extra = JSON.parse(args[1] ?? '{}') as Record<string, string>;
  const files = readdirSync(DIR).filter((f) => f.endsWith('.pgm')).sort();
  if (!files.length) throw new Error(`no sheets in ${DIR}: run "capture" first`);
  const langPath = mkdtempSync(path.join(os.tmpdir(), 'lkip-ocr-sheets-lang-'));
  for (const f of languageFiles()) copyFileSync(f.file, path.join(langPath, `${f.lang}.traineddata.gz`));
  const w = await newWorker(langPath, langs);
  try {
    // the cell-sheet worker's settings (PSM 6, ocr/pool.ts), then the extra ones
    await w.setParameters({ ...workerParams('6'), ...extra });
    let ms = 0;
    let words = 0;
    let differ = 0;
    for (const f of files) {
      const raw = readFileSync(path.join(DIR, f));
      const img = process.argv.includes('--half') ? half(raw) : raw;
      const t = performance.now();
      const r = await w.recognize(img, {}, { blocks: true, text: true });
      const took = performance.now() - t;
      ms += took;
      const before = JSON.parse(readFileSync(path.join(DIR, f.replace('.pgm', '.json')), 'utf8')) as string[];
      const got = texts(r.data);
      // words of this reading the pipeline's reading does not have (as a multiset)
      const left = new Map<string, number>();
      for (const x of before) left.set(x, (left.get(x) ?? 0) + 1);
      let d = 0;
      for (const x of got) {
        const k = left.get(x) ?? 0;
        if (k) left.set(x, k - 1);
        else d++;
      }
      words += before.length;
      differ += d;
      if (process.argv.includes('-v')) console.log(`${f} ${Math.round(took)} ms, ${before.length} words, ${d} differ`);
    }
    console.log(`${langs.join('+')} ${JSON.stringify(extra)}${process.argv.includes('--half') ? ' half size' : ''}: ${files.length} sheets, ${(ms / 1000).toFixed(1)} s; ${words} words, ${differ} read differently`);
  } finally {
    await w.terminate();
    rmSync(langPath, { recursive: true, force: true });
  }
} else {
  console.log('usage: npx tsx bench/ocr-sheets.ts capture | time [langs] [params-json] [--half] [-v]');
}
