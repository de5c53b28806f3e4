/**
 * Hostile and damaged files (issue 18), the fast sizes of scripts/make-fuzz-corpus.ts generated into
 * a temp dir: every file ends as findings or one clear error row with its reason (never an internal
 * error), the document limits are configurable and named in the message, blank pages start no OCR,
 * huge pages are rendered scaled down. Time and memory per class are measured by bench/fuzz.ts (at
 * the full sizes), not here. No case here reaches tesseract.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFuzzCorpus, type FuzzCase } from '../scripts/make-fuzz-corpus.js';
import { auditFile } from '../src/cli/audit-file.js';
import { loadConfig } from '../src/cli/config.js';
import { IngestError } from '../src/ingest/errors.js';
import { checkContent } from '../src/ingest/limits.js';
import { checkPdfStreams } from '../src/ingest/pdf-streams.js';
import { ocrPdfToDocument, type OcrIngestStats } from '../src/ingest/ocr.js';
import { canvasFactoryOf, renderDpi, renderPageGray } from '../src/ingest/ocr/render.js';
import { loadPdfjs, pdfjsDataDirs } from '../src/ingest/pdf.js';
import { ConfigSchema } from '../src/model/config.js';
import { DEFAULT_LIMITS, MAX_RENDER_PIXELS, MAX_RENDER_SIDE } from '../src/model/limits.js';

let dir = '';
let cases: FuzzCase[] = [];
const config = loadConfig();
const byName = (name: string) => cases.find((c) => c.name === name)!;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lkip-fuzz-'));
  cases = await makeFuzzCorpus(dir, 'fast');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fuzz corpus (fast sizes)', () => {
  it('covers every class of issue 18', () => {
    const kinds = new Set(cases.map((c) => c.kind));
    for (const k of ['blank-pages', 'page-tree-repeat', 'nested-q', 'text-ops-one-line', 'inflate-bomb', 'huge-page', 'truncated', 'bit-flips', 'percentages-one-paragraph', 'unclosed-html-table', 'distinct-budget-lines', 'empty-lines', 'tiny-tables', 'long-line', 'encoding', 'mutated-seed'])
      expect(kinds, k).toContain(k);
  });

  it('is the same bytes every time (fixed seed)', async () => {
    const again = mkdtempSync(path.join(os.tmpdir(), 'lkip-fuzz2-'));
    try {
      const second = await makeFuzzCorpus(again, 'fast');
      expect(second.map((c) => c.name)).toEqual(cases.map((c) => c.name));
      for (const c of second.filter((x) => /bitflip|mutated/.test(x.name))) expect(readFileSync(c.file).equals(readFileSync(byName(c.name).file)), c.name).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 120_000);

  it('every file ends as findings or one clear error row with the expected reason', async () => {
    const failures: string[] = [];
    for (const c of cases.filter((x) => !x.ocr && !x.strayRejection)) {
      const r = await auditFile(c.file, config);
      const reason = r.error?.reason ?? null;
      const got = reason ? `error ${reason}: ${r.error!.message.id}` : `${r.findings.length} findings`;
      if (reason === 'internal') failures.push(`${c.name}: ${got}`);
      if (reason) {
        // one row, naming the file, without a stack trace
        expect(r.findings, c.name).toHaveLength(1);
        expect(r.error!.message.id, c.name).toContain(c.file);
        expect(r.error!.message.id, c.name).not.toMatch(/\n\s+at /);
      }
      if (c.expect.outcome === 'findings' && (reason || r.findings.length === 0)) failures.push(`${c.name}: expected findings, got ${got}`);
      if (c.expect.outcome === 'error') {
        const want = ([] as string[]).concat(c.expect.reason);
        if (!reason || !want.includes(reason)) failures.push(`${c.name}: expected ${want.join('|')}, got ${got}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('a PDF on which pdfjs leaves a rejection unhandled is one error row, audited alone (in-process) and in a batch worker', () => {
    const stray = cases.filter((c) => c.strayRejection);
    expect(stray.length).toBeGreaterThan(0);
    const seed = path.resolve('fixtures/seeds/000_c0a7f8c5d5d194b0.txt');
    const cli = (args: string[]) => {
      const r = spawnSync(process.execPath, [path.resolve('bin/lkip-audit.js'), 'audit', ...args, '--format', 'json'], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26 });
      expect(r.stdout, r.stderr).toMatch(/^\{/);
      return JSON.parse(r.stdout).results as { file: string; error?: { reason: string; message: { id: string } }; findings: { ruleId: string }[] }[];
    };
    for (const c of stray) {
      // a lone file: audited in the CLI's own thread, which must outlive the stray rejection
      const [alone] = cli([c.file]);
      expect(alone!.error?.reason, c.name).toBe(c.expect.outcome === 'error' ? c.expect.reason : undefined);
      expect(alone!.error!.message.id, c.name).toMatch(/^Berkas PDF terpotong atau rusak: .*struktur PDF rusak/);
      // in a batch: the worker thread survives it (no crash row) and goes on to the next file
      // (looked up by file: the batch orders its rows by path, and where the checkout sits decides which comes first)
      const batch = cli([c.file, seed, '--concurrency', '2']);
      expect(batch, c.name).toHaveLength(2);
      const row = (f: string) => batch.find((r) => path.resolve(r.file) === path.resolve(f));
      expect(row(c.file)?.error?.reason, c.name).toBe(alone!.error!.reason);
      expect(row(seed)?.error, c.name).toBeUndefined();
      expect(row(seed)!.findings.length).toBeGreaterThan(5);
    }
  }, 240_000);

  it('the limits say what was found and the limit, in Indonesian and in English', async () => {
    const r = await auditFile(byName('page-tree-repeat-20000.pdf').file, config);
    expect(r.error!.message.id).toMatch(/halaman terlalu banyak.*20\.000 halaman, batas 2\.000 \(limits\.maxPages\)/);
    expect(r.error!.message.en).toMatch(/too many pages.*20,000 pages, limit 2,000 \(limits\.maxPages\)/);
    const bomb = await auditFile(byName('inflate-bomb-80mb.pdf').file, config);
    expect(bomb.error!.message.id).toMatch(/isi halaman terlalu besar.*64 MB/);
    const q = await auditFile(byName('nested-q-2000.pdf').file, config);
    expect(q.error!.message.id).toMatch(/isi halaman terlalu besar.*tingkat q bersarang, batas 500/);
  }, 120_000);
});

describe('limits are configurable (rules/config.yaml limits:)', () => {
  const seedPdf = path.resolve('fixtures/pdf/libreoffice/000_c0a7f8c5d5d194b0.pdf');
  const seedTxt = path.resolve('fixtures/seeds/000_c0a7f8c5d5d194b0.txt');
  const withLimits = (limits: Record<string, number>) => ConfigSchema.parse({ ...config, limits: { ...config.limits, ...limits } });

  it('defaults come from src/model/limits.ts', () => {
    expect(config.limits).toEqual(DEFAULT_LIMITS);
  });

  it('pages, text per page, tables, cells per table', async () => {
    expect((await auditFile(seedPdf, withLimits({ maxPages: 5 }))).error?.reason).toBe('too-many-pages');
    const page = await auditFile(seedPdf, withLimits({ maxPageChars: 500 }));
    expect(page.error?.reason).toBe('page-too-large');
    expect(page.error!.message.id).toMatch(/halaman 1: [\d.]+ karakter teks, batas 500/);
    expect((await auditFile(seedPdf, withLimits({ maxPageTextOps: 10 }))).error?.reason).toBe('page-too-large');
    expect((await auditFile(seedTxt, withLimits({ maxTables: 3 }))).error?.reason).toBe('too-many-tables');
    const line = await auditFile(seedTxt, withLimits({ maxLineChars: 1000 }));
    expect(line.error?.reason).toBe('line-too-long');
    expect(line.error!.message.id).toMatch(/baris terlalu panjang.*[\d.]+ karakter pada satu baris, batas 1\.000 \(limits\.maxLineChars\)/);
    expect((await auditFile(seedTxt, withLimits({ maxLineChars: 100_000 }))).error).toBeUndefined();
    const cells = await auditFile(seedTxt, withLimits({ maxTableCells: 20 }));
    expect(cells.error?.reason).toBe('table-too-large');
    expect(cells.error!.message.id).toMatch(/sel tabel terlalu banyak/);
  }, 120_000);

  it('decoded stream size', () => {
    const bomb = new Uint8Array(readFileSync(byName('inflate-bomb-80mb.pdf').file));
    expect(() => checkPdfStreams('x.pdf', bomb, { ...DEFAULT_LIMITS, maxStreamMb: 100 })).not.toThrow();
    expect(() => checkPdfStreams('x.pdf', bomb, { ...DEFAULT_LIMITS, maxStreamMb: 10 })).toThrow(IngestError);
  });

  it('rejects a limit that is not a positive number', () => {
    expect(ConfigSchema.safeParse({ limits: { maxPages: 0 } }).success).toBe(false);
    expect(ConfigSchema.safeParse({ limits: { maxTables: 'banyak' } }).success).toBe(false);
  });
});

describe('content stream scan', () => {
  const scan = (s: string, l = {}) => checkContent('x.pdf', Buffer.from(s, 'latin1'), { ...DEFAULT_LIMITS, ...l });
  it('counts q nesting and text operators, not the same letters inside strings, names or comments', () => {
    expect(() => scan('q q q Q Q Q q Q', { maxNesting: 3 })).not.toThrow();
    expect(() => scan('q q q q Q Q Q Q', { maxNesting: 3 })).toThrow(/tingkat q bersarang/);
    expect(() => scan('(q q q q) Tj <7171> Tj /q % q q q q\n q', { maxNesting: 1, maxPageTextOps: 2 })).not.toThrow();
    expect(() => scan('(a) Tj [(b) 2 (c)] TJ (d) \' 1 2 (e) "', { maxPageTextOps: 3 })).toThrow(/operasi teks/);
    expect(() => scan('BI /W 4 /H 1 ID q q q q EI Q', { maxNesting: 1 })).not.toThrow();
  });

  it('tells whether a stream paints anything (text, a filled or stroked path, a shading, an XObject, an inline image)', () => {
    for (const s of ['', '  \n', 'q 1 0 0 1 0 0 cm Q', '0 0 0 rg 10 10 m 20 20 l n', '% f S Tj\n', '(f S Tj) /Do /sh'])
      expect(scan(s), JSON.stringify(s)).toBe(false);
    for (const s of ['BT (a) Tj ET', '[(a)] TJ', '10 10 100 100 re f', '10 10 m 20 20 l S', 'f*', '/Sh0 sh', '/Im1 Do', 'BI /W 1 /H 1 ID x EI', '3 Tr (hidden) Tj'])
      expect(scan(s), s).toBe(true);
  });

  it('finds the pages whose content streams paint nothing, and only those', () => {
    const blanks = (name: string) => checkPdfStreams(name, new Uint8Array(readFileSync(name)), DEFAULT_LIMITS).blankPages;
    // 40 empty content streams and one page of text
    expect(blanks(byName('blank-pages-with-text.pdf').file).size).toBe(40);
    expect(blanks(byName('blank-pages-60.pdf').file).size).toBe(60);
    // every page of the seed PDFs has text (LibreOffice writes indirect /Length: "/Length 12 0 R")
    for (const p of ['fixtures/pdf/libreoffice/000_c0a7f8c5d5d194b0.pdf', 'fixtures/pdf/pdfkit/001_52d9b2e308fc893f.pdf']) expect(blanks(path.resolve(p)).size, p).toBe(0);
  });

  it('an indirect /Length is not read as a length of its first digit: the limits apply to LibreOffice PDFs too', () => {
    const seedPdf = new Uint8Array(readFileSync(path.resolve('fixtures/pdf/libreoffice/000_c0a7f8c5d5d194b0.pdf')));
    expect(() => checkPdfStreams('x.pdf', seedPdf, { ...DEFAULT_LIMITS, maxPageTextOps: 50 })).toThrow(/operasi teks/);
  });
});

describe('blank pages and huge pages (no tesseract)', () => {
  it('pages that paint nothing are neither rendered nor OCR\'d: no OCR starts', async () => {
    const c = byName('blank-pages-with-text.pdf');
    const stats: OcrIngestStats = { pages: 0, ocrPages: [], textPages: [], totalMs: 0, skew: [], words: 0, lowConfidenceWords: 0 };
    const doc = await ocrPdfToDocument(c.file, new Uint8Array(readFileSync(c.file)), { minChars: 1, stats });
    expect(stats.pages).toBe(41);
    expect(stats.blankPages).toHaveLength(40);
    expect(stats.ocrPages).toEqual([]);
    expect(stats.textPages).toEqual([41]);
    expect(stats.ocrStarted).toBeFalsy();
    expect(doc.lines.length).toBeGreaterThan(10);
  }, 120_000);

  it('a page larger than a sane size is rendered scaled down', () => {
    const a4 = { width: 595, height: 842 };
    expect(renderDpi(a4, 300)).toBe(300);
    for (const size of [{ width: 20000, height: 20000 }, { width: 595 * 75000, height: 842 * 75000 }, { width: 1e7, height: 10 }]) {
      const dpi = renderDpi(size, 300);
      const w = Math.ceil((size.width * dpi) / 72);
      const h = Math.ceil((size.height * dpi) / 72);
      expect(w * h).toBeLessThanOrEqual(MAX_RENDER_PIXELS * 1.001);
      expect(Math.max(w, h)).toBeLessThanOrEqual(MAX_RENDER_SIDE);
      expect(dpi).toBeGreaterThan(0);
    }
  });

  it('renders a 20,000 × 20,000 pt page and a huge UserUnit without a canvas error', async () => {
    const pdfjs = await loadPdfjs();
    for (const name of ['mediabox-20000.pdf', 'userunit-huge.pdf']) {
      const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(byName(name).file)), ...pdfjsDataDirs(), isEvalSupported: false, verbosity: 0 });
      try {
        const doc = await task.promise;
        const page = await doc.getPage(1);
        const img = await renderPageGray(canvasFactoryOf(doc), page, 300);
        expect(img.width * img.height, name).toBeLessThanOrEqual(MAX_RENDER_PIXELS * 1.001);
        expect(img.dpi, name).toBeLessThan(300);
        expect(img.data.some((v) => v < 128), `${name}: the drawn rectangle is in the image`).toBe(true);
        // limits.maxRenderMpx lowers the cap (the OCR path passes it on)
        const small = await renderPageGray(canvasFactoryOf(doc), page, 300, 2_000_000);
        expect(small.width * small.height, name).toBeLessThanOrEqual(2_000_000 * 1.001);
        expect(small.width * small.height, name).toBeGreaterThan(1_900_000);
        page.cleanup();
      } finally {
        await task.destroy();
      }
    }
  }, 120_000);
});
