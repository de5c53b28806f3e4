/**
 * OCR of one degraded scanned page (issue 13; fixtures/degraded, see its MANIFEST): the second page
 * of Kencong's Tabel 3.8 (budget realisation, 55 numeric cells) scanned at 150 dpi with uneven light (profile dim150: the paper falls to ~150 away
 * from the lamp). Before page preparation divided the light out, OCR read 4 of that profile's 68
 * numeric cells right (bench/ocr-accuracy.ts --set degraded). Heavier measurements: bench/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfToDocument } from '../src/ingest/pdf.js';
import { ocrPdfToDocument, type OcrIngestStats } from '../src/ingest/ocr.js';
import { createOcrPool, type OcrPool } from '../src/ingest/ocr/tesseract.js';
import { profileOf } from '../scripts/make-degraded-fixtures.js';
import { pickPages } from '../bench/ocr-common.js';

const SEED = '003_0f39aaca0575dd68';
const PAGE = 24; // the 4th page of the degraded fixture
const squash = (s: string) => s.replace(/\s+/g, '');
const NUMERIC = /^(Rp\.?)?\d[\d.,]*(%|,-)?$/;

let pool: OcrPool;
beforeAll(async () => {
  pool = await createOcrPool({ workers: 1 });
}, 120_000);
afterAll(async () => {
  await pool?.terminate();
});

describe('a degraded scan (150 dpi, uneven light)', () => {
  it('reads the numeric cells of the born-digital page exactly, in order', async () => {
    expect(profileOf(SEED, PAGE).id).toBe('dim150');
    const ref = await pdfToDocument('ref.pdf', await pickPages(`fixtures/pdf/libreoffice/${SEED}.pdf`, [PAGE]));
    const stats: OcrIngestStats = { pages: 0, ocrPages: [], textPages: [], totalMs: 0, skew: [], words: 0, lowConfidenceWords: 0 };
    const ocr = await ocrPdfToDocument('scan.pdf', await pickPages(`fixtures/degraded/${SEED}.pdf`, [4]), { pool, stats });
    expect(stats.ocrPages).toEqual([1]);
    expect(stats.lightFlattened).toBe(1);
    expect(Math.abs(stats.skew[0]! - profileOf(SEED, PAGE).angle)).toBeLessThan(0.1);
    const want = ref.lines.flatMap((l) => (l.cells ?? []).map((c) => squash(c.text)).filter((t) => NUMERIC.test(t)));
    const got = ocr.lines.flatMap((l) => (l.cells ?? [{ text: l.text }]).map((c) => squash(c.text)));
    expect(want.length).toBeGreaterThan(40);
    // longest common subsequence: cells read exactly and in their place in the page's order
    let prev = new Array<number>(got.length + 1).fill(0);
    for (let i = 1; i <= want.length; i++) {
      const cur = new Array<number>(got.length + 1).fill(0);
      for (let j = 1; j <= got.length; j++) cur[j] = want[i - 1] === got[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
      prev = cur;
    }
    expect(prev[got.length]! / want.length).toBeGreaterThanOrEqual(0.9);
  }, 300_000);
});
