/**
 * OCR ingest (issue 5) on the committed scanned fixtures. Kept small: two pages are OCR'd in all
 * (a mixed PDF with one text page and one scanned Tabel 3.1 page, and one born-digital page forced
 * through OCR). Heavier measurements live in bench/ocr-*.ts.
 */
import { readFileSync } from 'node:fs';
import { PDFDocument, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfToDocument } from '../src/ingest/pdf.js';
import { ocrPdfToDocument, type OcrIngestStats } from '../src/ingest/ocr.js';
import { createOcrPool, type OcrPool } from '../src/ingest/ocr/tesseract.js';
import type { Document } from '../src/model/document.js';
import { joinCellLines } from '../src/ingest/ocr/cells.js';
import { nearStructureWord } from '../src/ingest/ocr/lexicon.js';
import { estimateSkew, rotateGray, type GrayImage } from '../src/ingest/ocr/render.js';
import { detectRules } from '../src/ingest/ocr/rules.js';

const SCANNED = 'fixtures/scanned/004_9ed3a231d27ded37.pdf'; // pages: 9, 10 (Tabel 3.1), 14, 16 of the seed
const BORN = 'fixtures/pdf/libreoffice/004_9ed3a231d27ded37.pdf';

async function pick(parts: { file: string; page: number }[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  for (const p of parts) {
    const src = await PDFDocument.load(readFileSync(p.file));
    const [pg] = await out.copyPages(src, [p.page - 1]);
    out.addPage(pg!);
  }
  return out.save();
}

const newStats = (): OcrIngestStats => ({ pages: 0, ocrPages: [], textPages: [], totalMs: 0, skew: [], words: 0, lowConfidenceWords: 0 });

describe('OCR helpers (no OCR)', () => {
  /** A white 300 dpi "page" with a 3×3 ruled grid and some text-like blobs. */
  function gridImage(): GrayImage {
    const width = 1200;
    const height = 900;
    const data = new Uint8Array(width * height).fill(235);
    const hline = (y: number, x1: number, x2: number) => {
      for (let t = 0; t < 3; t++) data.fill(30, (y + t) * width + x1, (y + t) * width + x2);
    };
    const vline = (x: number, y1: number, y2: number) => {
      for (let y = y1; y < y2; y++) for (let t = 0; t < 3; t++) data[y * width + x + t] = 30;
    };
    for (const y of [100, 300, 500, 700]) hline(y, 100, 1103);
    for (const x of [100, 400, 700, 1100]) vline(x, 100, 703);
    // "text": short dark dashes inside cells
    for (let k = 0; k < 40; k++) hline(150 + (k % 5) * 20, 150 + Math.floor(k / 5) * 30, 170 + Math.floor(k / 5) * 30);
    return { width, height, data, dpi: 300 };
  }

  it('finds the ruling lines of a grid and not the text', () => {
    const r = detectRules(gridImage());
    expect(r.h.map((s) => Math.round(s.at))).toEqual([101, 301, 501, 701]);
    expect(r.v.map((s) => Math.round(s.at)).sort((a, b) => a - b)).toEqual([101, 401, 701, 1101]);
  });

  it('estimates and undoes a small rotation', () => {
    const img = gridImage();
    const rotated = rotateGray(img, 0.5);
    expect(estimateSkew(rotated)).toBeCloseTo(0.5, 1);
    expect(Math.abs(estimateSkew(rotateGray(rotated, -0.5)))).toBeLessThanOrEqual(0.05);
  });

  it('corrects structure words one letter off, and nothing else', () => {
    expect(nearStructureWord('Keniatan')).toBe('Kegiatan');
    expect(nearStructureWord('KEAIATAN')).toBe('KEGIATAN');
    expect(nearStructureWord('REALISAS')).toBe('REALISASI');
    expect(nearStructureWord('Kegiatan')).toBeNull();
    expect(nearStructureWord('Kesehatan')).toBeNull();
    expect(nearStructureWord('12345678')).toBeNull();
  });

  it('joins the lines of a cell like the layout does for numbers', () => {
    expect(joinCellLines(['98,00', '%'])).toBe('98,00%');
    expect(joinCellLines(['%', '100'])).toBe('100%');
    expect(joinCellLines(['2.366.993.16', '6'])).toBe('2.366.993.166');
    expect(joinCellLines(['Sub Kegiatan', 'Penyediaan'])).toBe('Sub Kegiatan Penyediaan');
  });
});

let pool: OcrPool;
beforeAll(async () => {
  pool = await createOcrPool({ workers: 2 });
}, 60_000);
afterAll(async () => {
  await pool?.terminate();
});

describe('ocrPdfToDocument', () => {
  it('returns the born-digital result unchanged when every page has text (no OCR)', async () => {
    const bytes = await pick([{ file: BORN, page: 9 }]);
    const stats = newStats();
    const doc = await ocrPdfToDocument('born.pdf', bytes, { stats });
    expect(stats.ocrPages).toEqual([]);
    expect(doc).toEqual(await pdfToDocument('born.pdf', bytes));
  });

  let mixed: Document;
  const mixedStats = newStats();
  it('reads a mixed PDF: the text page from its text layer, the scanned page by OCR', async () => {
    const bytes = await pick([
      { file: BORN, page: 9 },
      { file: SCANNED, page: 2 },
    ]);
    mixed = await ocrPdfToDocument('mixed.pdf', bytes, { pool, stats: mixedStats });
    expect(mixed.format).toBe('ocr');
    expect(mixed.pageCount).toBe(2);
    expect(mixedStats.textPages).toEqual([1]);
    expect(mixedStats.ocrPages).toEqual([2]);
    const text1 = (await pdfToDocument('p.pdf', await pick([{ file: BORN, page: 9 }]))).lines.map((l) => l.text);
    expect(mixed.lines.filter((l) => l.page === 1).map((l) => l.text)).toEqual(text1);
    expect(mixed.lines.filter((l) => l.page === 1).every((l) => l.confidence === undefined)).toBe(true);
    // line numbers run over both pages
    expect(mixed.lines.map((l) => l.line)).toEqual(mixed.lines.map((_, i) => i + 1));
  }, 120_000);

  it('turns the scanned Tabel 3.1 into table rows through the shared layout, with confidences', () => {
    const p2 = mixed.lines.filter((l) => l.page === 2);
    expect(p2.some((l) => /Tabel 3\.1/.test(l.text))).toBe(true);
    expect(mixedStats.skew[0]).not.toBe(0); // the fixture page is rotated; the skew was corrected
    const header = p2.find((l) => l.cells && /SASARAN STRATEGIS/.test(l.text) && /TARGET/.test(l.text));
    expect(header?.cells?.length).toBe(6);
    const skm = p2.find((l) => l.cells && /Nilai SKM/.test(l.text));
    expect(skm?.cells?.length).toBe(6);
    expect(skm!.cells![0]!.text).toBe('1');
    expect(skm!.cells![3]!.text.replace(/\s+/g, '')).toBe('B(85)');
    for (const c of skm!.cells!) if (c.text) expect(c.confidence).toBeTypeOf('number');
    expect(skm!.confidence).toBeTypeOf('number');
    expect(skm!.box).toBeDefined();
    // all three indicator rows are there
    const rows = p2.filter((l) => l.cells?.length === 6 && /%/.test(l.cells[5]!.text + l.cells[4]!.text));
    expect(rows.length).toBeGreaterThanOrEqual(3);
  });

  it('forces OCR on a born-digital page when asked', async () => {
    const bytes = await pick([{ file: BORN, page: 14 }]);
    const stats = newStats();
    const doc = await ocrPdfToDocument('forced.pdf', bytes, { pool, forceOcr: true, stats });
    expect(stats.ocrPages).toEqual([1]);
    expect(doc.format).toBe('ocr');
    const prog = doc.lines.find((l) => l.cells && /Program Peningkatan sarana/i.test(l.text));
    // the amounts; the small % cell next to them is where OCR slips (repair's job, not ingest's)
    expect(prog?.cells?.map((c) => c.text.replace(/\s+/g, '')).slice(2, 4)).toEqual(['59.099.500', '33.458.470']);
    expect(prog?.cells?.[4]?.confidence).toBeTypeOf('number');
  }, 120_000);

  it('rejects a file that is not a PDF with the same error as the born-digital path', async () => {
    await expect(ocrPdfToDocument('x.pdf', new TextEncoder().encode('hello'))).rejects.toMatchObject({ name: 'IngestError', reasonId: 'not-pdf' });
  });
});

describe('a born-digital PDF with a blank page (issue 13)', () => {
  it('audits without starting tesseract: the same findings as without the blank page, the page counted as unused', async () => {
    const { auditFile } = await import('../src/cli/audit-file.js');
    const { loadConfig } = await import('../src/cli/config.js');
    const { loadDocument } = await import('../src/ingest/files.js');
    const { ocrActivity } = await import('../src/ingest/ocr.js');
    const config = loadConfig();
    // p12 PK, p13 Tabel 3.1, p14 (three pages: the running header is furniture with or without the blank page)
    const seed = 'fixtures/pdf/libreoffice/000_c0a7f8c5d5d194b0.pdf';
    const plain = await pick([12, 13, 14].map((page) => ({ file: seed, page })));
    const withBlank = await PDFDocument.load(plain);
    // an empty page, as a word processor leaves one before a new chapter, and one painted white all
    // over (a page background): neither is rendered for OCR's sake nor OCR'd
    withBlank.insertPage(1, [595.28, 841.89]);
    withBlank.insertPage(3, [595.28, 841.89]).drawRectangle({ x: 0, y: 0, width: 595.28, height: 841.89, color: rgb(1, 1, 1) });
    const blankBytes = await withBlank.save();
    const started = ocrActivity.documents;
    const ref = await auditFile('plain.pdf', config, {}, plain);
    const got = await auditFile('blank.pdf', config, {}, blankBytes);
    const doc = await loadDocument('blank.pdf', { bytes: blankBytes, limits: config.limits });
    expect(ocrActivity.documents, 'no document started tesseract').toBe(started);
    expect(doc.pageCount).toBe(5);
    expect(doc.input?.unused).toBe(2);
    expect(doc.lines.some((l) => l.page === 2 || l.page === 4)).toBe(false);
    expect(ref.findings.length).toBeGreaterThan(0);
    const key = (f: (typeof ref.findings)[number]) => `${f.ruleId} ${f.where.line} ${f.reported}`;
    expect(got.findings.map(key)).toEqual(ref.findings.map(key));
    expect(got.error).toBeUndefined();
  }, 60_000);
});
