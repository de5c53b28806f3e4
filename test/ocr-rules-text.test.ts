/**
 * Rule finding beside text (issue 13, src/ingest/ocr/rules.ts besideText): on a blurred or bold scan
 * the letters of a word touch along the top of the x-height and along the baseline, and those long
 * thin runs are not rules (erased as rules they took the words with them: the photographed page's
 * paragraphs came out of page OCR as garbage). Synthetic 300 dpi pages and the photographed page of
 * the degraded fixtures (rendered and prepared as ocrPageImage does, not OCR'd).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPhotoPage, flattenLight, rectify, stretchInk } from '../src/ingest/ocr/prepare.js';
import { canvasFactoryOf, estimateSkew, renderPageGray, rotateGray, type GrayImage } from '../src/ingest/ocr/render.js';
import { besideText, detectRules, eraseRules } from '../src/ingest/ocr/rules.js';
import { loadPdfjs, pdfjsDataDirs } from '../src/ingest/pdf.js';
import { profileOf } from '../scripts/make-degraded-fixtures.js';

const W = 1400;
const H = 600;

function blank(): GrayImage {
  return { width: W, height: H, data: new Uint8Array(W * H).fill(245), dpi: 300 };
}

function ink(img: GrayImage, x1: number, y1: number, x2: number, y2: number, v = 30): void {
  for (let y = y1; y < y2; y++) img.data.fill(v, y * img.width + x1, y * img.width + x2);
}

/**
 * A "blurred bold word" 22 px tall at (x, y), `n` letters 20 px wide: stems 5 px wide every 10 px
 * (the letters' bodies), joined by 3 px bars along the top of the x-height and the baseline, as
 * letters touching under a blur are: a run the whole word long at both edges.
 */
function word(img: GrayImage, x: number, y: number, n: number): void {
  const len = n * 20;
  for (let k = 0; k < 2 * n; k++) ink(img, x + k * 10, y, x + k * 10 + 5, y + 22);
  ink(img, x, y, x + len, y + 3);
  ink(img, x, y + 19, x + len, y + 22);
}

const share = (img: GrayImage) => (y: number, a: number, b: number) => {
  let n = 0;
  for (let x = a; x < b; x++) if (img.data[y * img.width + x]! < 200) n++;
  return n / (b - a);
};

describe('detectRules beside text', () => {
  it('takes no rule from the top and the baseline of blurred words, and finds the rules around them', () => {
    const img = blank();
    // a ruled box: top rule, a row rule made of two rules edge to edge (8 px), bottom rule
    ink(img, 100, 100, 1300, 103);
    ink(img, 100, 300, 1300, 308);
    ink(img, 100, 500, 1300, 503);
    // words in the box's rows, 15 px or more from the rules (a cell's padding)
    word(img, 130, 130, 6);
    word(img, 300, 130, 12);
    word(img, 620, 130, 9);
    word(img, 130, 330, 14);
    word(img, 450, 450, 7);
    const r = detectRules(img);
    expect(r.h.map((s) => Math.round(s.at)).sort((a, b) => a - b)).toEqual([101, 304, 501]);
    for (const s of r.h) expect(s.b - s.a).toBeGreaterThan(1150);
    // the stems are shorter than a vertical rule: none there either
    expect(r.v).toEqual([]);
    // erasing the rules leaves every pixel of the words
    const inWords = () => {
      let n = 0;
      for (const [y1, y2] of [[130, 152], [330, 352], [450, 472]] as const) for (let y = y1; y < y2; y++) for (let x = 0; x < W; x++) if (img.data[y * W + x]! < 200) n++;
      return n;
    };
    const before = inWords();
    eraseRules(img, r);
    expect(inWords()).toBe(before);
    expect(detectRules(img).h).toEqual([]);
  });

  it('the same words with a paper gap between stems and bars (crisp print) give no rule either', () => {
    const img = blank();
    ink(img, 100, 100, 1300, 103);
    for (let k = 0; k < 40; k++) ink(img, 130 + k * 25, 140, 145 + k * 25, 162);
    const r = detectRules(img);
    expect(r.h).toHaveLength(1);
  });

  it('besideText: a thin band with paper around is a rule; a band going on into letters, or letters just beyond, is text', () => {
    const img = blank();
    ink(img, 100, 100, 1000, 103); // rule
    word(img, 100, 200, 20); // word: bars at 200..203 and 219..222
    ink(img, 100, 400, 1000, 403); // rule with letters 3 px below it (text touching a rule: text)
    for (let k = 0; k < 45; k++) ink(img, 100 + k * 20, 406, 110 + k * 20, 426);
    const f = share(img);
    expect(besideText({ at: 101, a: 100, b: 1000, thick: 3 }, f, 12, 5)).toBe(false);
    expect(besideText({ at: 201, a: 100, b: 500, thick: 3 }, f, 12, 5)).toBe(true);
    expect(besideText({ at: 220, a: 100, b: 500, thick: 3 }, f, 12, 5)).toBe(true);
    expect(besideText({ at: 401, a: 100, b: 1000, thick: 3 }, f, 12, 5)).toBe(true);
  });
});

describe('the photographed fixture page (rendered and prepared, no OCR)', () => {
  it('keeps the ink of its paragraphs when the rules are erased', async () => {
    const seed = '000_c0a7f8c5d5d194b0';
    expect(profileOf(seed, 12).photo).toBeTruthy();
    const pdfjs = await loadPdfjs();
    const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(`fixtures/degraded/${seed}.pdf`)), ...pdfjsDataDirs(), verbosity: 0 });
    try {
      const doc = await task.promise;
      const pg = await doc.getPage(1);
      let img = await renderPageGray(canvasFactoryOf(doc), pg, 300);
      pg.cleanup();
      const quad = findPhotoPage(img);
      expect(quad).not.toBeNull();
      img = rectify(img, quad!);
      flattenLight(img);
      stretchInk(img);
      const skew = estimateSkew(img);
      if (Math.abs(skew) >= 0.05) img = rotateGray(img, -skew);
      const r = detectRules(img);
      // the page's tables have rules, found
      expect(r.h.filter((s) => s.b - s.a > 600).length).toBeGreaterThan(10);
      // the paragraph under "D. PERJANJIAN KINERJA" (between the first two tables, no rule in it)
      const y1 = Math.round(img.height * 0.18);
      const y2 = Math.round(img.height * 0.32);
      const inkIn = () => {
        let n = 0;
        for (let y = y1; y < y2; y++) for (let x = 0; x < img.width; x++) if (img.data[y * img.width + x]! < 140) n++;
        return n;
      };
      const before = inkIn();
      eraseRules(img, r);
      // before besideText, rules along the words' edges whitened nearly half of this ink
      expect(inkIn()).toBeGreaterThan(0.97 * before);
    } finally {
      await task.destroy();
    }
  });
});
