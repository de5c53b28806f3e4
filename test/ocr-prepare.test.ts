/**
 * Page preparation before OCR (issue 13, src/ingest/ocr/prepare.ts), on synthetic 300 dpi pages and
 * on one page of the degraded fixtures (rendered, not OCR'd).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { despeckle, estimateTextHeight, flattenLight, scaleGray, smoothEdges, textScale } from '../src/ingest/ocr/prepare.js';
import { canvasFactoryOf, estimateSkew, renderPageGray, type GrayImage } from '../src/ingest/ocr/render.js';
import { detectRules } from '../src/ingest/ocr/rules.js';
import { loadPdfjs, pdfjsDataDirs } from '../src/ingest/pdf.js';
import { profileOf } from '../scripts/make-degraded-fixtures.js';

/** A 300 dpi page: paper `paper(x, y)`, "text" dashes and a ruled box in ink 30. */
function page(paper: (x: number, y: number) => number): GrayImage {
  const width = 1000;
  const height = 800;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = paper(x, y);
  const ink = (x1: number, y1: number, x2: number, y2: number) => {
    for (let y = y1; y < y2; y++) for (let x = x1; x < x2; x++) data[y * width + x] = Math.round(30 * (paper(x, y) / 255));
  };
  for (let r = 0; r < 12; r++) for (let k = 0; k < 14; k++) ink(120 + k * 55, 150 + r * 40, 160 + k * 55, 165 + r * 40);
  ink(100, 120, 900, 123);
  ink(100, 660, 900, 663);
  return { width, height, data, dpi: 300 };
}

const at = (img: GrayImage, x: number, y: number) => img.data[y * img.width + x]!;

describe('flattenLight', () => {
  it('divides out light that falls from 240 to 130 across the page, ink stays ink', () => {
    const img = page((x) => Math.round(240 - (110 * x) / 999));
    // before: the dark side's paper is below the rule finder's ink threshold (200)
    expect(at(img, 950, 100)).toBeLessThan(200);
    const st = flattenLight(img);
    expect(st.flattened).toBe(true);
    expect(st.paperMax - st.paperMin).toBeGreaterThan(80);
    for (const x of [20, 500, 950]) expect(at(img, x, 100)).toBeGreaterThan(235);
    expect(at(img, 850, 157)).toBeLessThan(80);
    // the two rules are found again, and nothing else
    expect(detectRules(img).h.length).toBe(2);
  });

  it('leaves an evenly lit page alone', () => {
    const img = page(() => 236);
    const before = img.data.slice();
    expect(flattenLight(img).flattened).toBe(false);
    expect(img.data.every((v, i) => v === before[i])).toBe(true);
  });
});

describe('despeckle', () => {
  it('whitens isolated specks and keeps a decimal comma next to its digits', () => {
    const img = page(() => 240);
    const w = img.width;
    const dot = (x: number, y: number, s: number) => {
      for (let dy = 0; dy < s; dy++) for (let dx = 0; dx < s; dx++) img.data[(y + dy) * w + x + dx] = 40;
    };
    dot(300, 720, 2); // dust on the paper
    dot(600, 90, 3);
    dot(162, 160, 3); // a "comma" 2 px right of a dash (stroke)
    expect(despeckle(img)).toBe(2);
    expect(at(img, 300, 720)).toBe(255);
    expect(at(img, 601, 91)).toBe(255);
    expect(at(img, 163, 161)).toBe(40);
    expect(at(img, 130, 157)).toBeLessThan(60);
  });
});

describe('a degraded fixture page (rendered, no OCR)', () => {
  it('light flattened, skew estimated to under 0.1° of the angle the page was turned by', async () => {
    const seed = '001_52d9b2e308fc893f';
    const prof = profileOf(seed, 16); // dim150: uneven light, turned -0.4°
    expect(prof.light).toBeLessThan(1);
    const pdfjs = await loadPdfjs();
    const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(`fixtures/degraded/${seed}.pdf`)), ...pdfjsDataDirs(), verbosity: 0 });
    try {
      const doc = await task.promise;
      const pg = await doc.getPage(1);
      const img = await renderPageGray(canvasFactoryOf(doc), pg, 300);
      pg.cleanup();
      expect(flattenLight(img).flattened).toBe(true);
      expect(Math.abs(estimateSkew(img) - prof.angle)).toBeLessThan(0.1);
    } finally {
      await task.destroy();
    }
  });
});

/** A 300 dpi page of "letters": blocks `lh` px tall, 0.6 × as wide, in lines 2 × lh apart. */
function letters(lh: number): GrayImage {
  const width = 1200;
  const height = 1600;
  const data = new Uint8Array(width * height).fill(250);
  for (let y = 100; y + lh < height - 100; y += 2 * lh)
    for (let x = 50; x + lh < width - 50; x += Math.round(lh * 0.9))
      for (let dy = 0; dy < lh; dy++) for (let dx = 0; dx < Math.round(lh * 0.6); dx++) data[(y + dy) * width + x + dx] = 20;
  return { width, height, data, dpi: 300 };
}

describe('text height and scale (resolution from the text, not the declared dpi)', () => {
  it('measures the letters\' height and leaves text of a 300 dpi page as it is', () => {
    expect(estimateTextHeight(letters(24))).toBe(24);
    expect(textScale(24)).toBe(1);
  });
  it('scales up text that a low resolution left 10 px tall, to ~25 px, and the dpi with it', () => {
    const img = letters(10);
    const th = estimateTextHeight(img);
    expect(th).toBe(10);
    const f = textScale(th);
    expect(f).toBeCloseTo(2.5, 5);
    const big = scaleGray(img, f);
    expect(big.width).toBe(3000);
    expect(big.dpi).toBeCloseTo(750, 5);
    expect(estimateTextHeight(big)).toBeGreaterThanOrEqual(24);
    expect(estimateTextHeight(big)).toBeLessThanOrEqual(26);
  });
  it('says 0 (no scaling) for a page without letters', () => {
    const img = letters(24);
    img.data.fill(255);
    expect(estimateTextHeight(img)).toBe(0);
    expect(textScale(0)).toBe(1);
  });
});

describe('smoothEdges', () => {
  it('gives a 1-bit staircase edge gray levels and keeps the inside of strokes black', () => {
    const img: GrayImage = { width: 20, height: 20, data: new Uint8Array(400).fill(255), dpi: 300 };
    for (let y = 4; y < 16; y++) for (let x = 4; x < 12; x++) img.data[y * 20 + x] = 0;
    smoothEdges(img);
    expect(at(img, 8, 10)).toBe(0);
    expect(at(img, 11, 10)).toBeGreaterThan(40);
    expect(at(img, 11, 10)).toBeLessThan(128);
    expect(at(img, 12, 10)).toBeGreaterThan(128);
    expect(at(img, 12, 10)).toBeLessThan(255);
    expect(at(img, 1, 1)).toBe(255);
  });
});
