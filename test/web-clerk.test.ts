/**
 * The self-check page as a kecamatan clerk meets it (issue 16), in real Chromium (Debian's
 * `chromium`, playwright-core): the box on the cell a finding is about (004: the capaian "86,44 %",
 * not the realisasi cell of the same row that also reads "86,44 %"), a file that cannot be read
 * (only the error and what to do), a file that is not an LKIP (what it is, what to upload instead),
 * the "Unduh untuk Excel" download (the CLI's `--excel` CSV byte for byte), and no internal line
 * numbers or tool jargon anywhere on the page. Every request stays on the page's own origin.
 * Screenshots under out/test/web-clerk-*.png.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeb } from '../src/cli/serve.js';
import { haveChromium, openOwnOriginOnly, withChromium } from './helpers/chromium.js';
import { pdfToDocument } from '../src/ingest/pdf.js';
import type { Document } from '../src/model/document.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PDF_DIR = path.join(ROOT, 'fixtures/pdf/libreoffice');
const JELBUK = '004_9ed3a231d27ded37.pdf';
const SK_IKU = '002_7587a3434a2185f0.pdf';
const SHOT_DIR = path.join(ROOT, 'out/test');

/** Words a clerk should not meet on the page (tool jargon, internal codes). */
const JARGON = [/\bgalat\b/i, /\bOCR\b/, /presisi cetak/i, /\bselang\b/i, /suara sumber/i, /ekspor teks/i, /keluaran CLI/i, /\bCLI\b/, /not-pdf|truncated|not-a-report|input-error/];
/** The tool's own line count, as the page used to print it ("baris 234", "line 234"). */
const LINE_NUMBER = /\b(baris|line)\s+\d+/i;




async function dropFile(page: Page, name: string, bytes: Buffer, type = 'application/pdf') {
  await page.setInputFiles('#file', { name, mimeType: type, buffer: bytes });
  await page.waitForSelector('body[data-state="done"], body[data-state="failed"]', { state: 'attached', timeout: 40_000 });
}

/** The page's visible text. */
const visibleText = (page: Page) => page.evaluate<string>('document.body.innerText');

function cli(file: string, ...extra: string[]): Promise<string> {
  return promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/lkip-audit.js'), 'audit', file, '--no-progress', ...extra], { cwd: PDF_DIR, encoding: 'buffer' as BufferEncoding, maxBuffer: 1 << 24 }).then(
    (r) => (r.stdout as unknown as Buffer).toString('latin1'),
  );
}

describe.skipIf(!haveChromium)('the self-check page as a clerk meets it (issue 16)', () => {
  let server: http.Server | null = null;
  let url = '';
  let webDir = '';
  let jelbuk: Document;
  let cliExcel = '';
  let cliCsv = '';

  beforeAll(async () => {
    webDir = mkdtempSync(path.join(os.tmpdir(), 'lkip-web-'));
    const runs = [cli(JELBUK, '--excel'), cli(JELBUK)];
    ({ server, url } = await serveWeb({ port: 0, rebuild: true, dir: webDir }));
    [cliExcel, cliCsv] = (await Promise.all(runs)) as [string, string];
    jelbuk = await pdfToDocument(JELBUK, new Uint8Array(readFileSync(path.join(PDF_DIR, JELBUK))));
    mkdirSync(SHOT_DIR, { recursive: true });
  }, 60_000);

  afterAll(() => {
    server?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  it('004: the capaian finding is boxed on its CAPAIAN cell, not on the REALISASI cell printing the same "86,44 %"; Excel download; no line numbers or jargon', async () => {
    await withChromium(async (browser) => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
      const { page, errors, foreign } = await openOwnOriginOnly(context, url);
      await dropFile(page, JELBUK, readFileSync(path.join(PDF_DIR, JELBUK)));
      expect(await page.getAttribute('body', 'data-state')).toBe('done');
      expect(await page.isVisible('#screen')).toBe(false);

      // The row: two cells read "86,44 %" (realisasi, then capaian).
      const card = page.locator('#findings .finding[data-rule="capaian"]').filter({ has: page.locator('dd.reported', { hasText: '86,44 %' }) });
      expect(await card.count()).toBe(1);
      const lineNo = Number(await card.getAttribute('data-line'));
      const line = jelbuk.lines.find((l) => l.line === lineNo)!;
      const same = line.cells!.map((c, i) => [c.text.replace(/\s+/g, ''), i] as const).filter(([t]) => t === '86,44%').map(([, i]) => i);
      expect(same.length, 'two cells print 86,44 %').toBe(2);
      const [realisasiCol, capaianCol] = same as [number, number];
      expect(Number(await card.getAttribute('data-cell'))).toBe(capaianCol);
      await card.click();
      const i = await card.getAttribute('data-index');
      const pageNo = Number(await card.getAttribute('data-page'));
      const hl = page.locator(`.page[data-page="${pageNo}"] .hl.active[data-index="${i}"]`);
      await expect.poll(() => hl.count(), { timeout: 15_000 }).toBe(1);
      const [hb, pb] = [(await hl.boundingBox())!, (await page.locator(`.page[data-page="${pageNo}"]`).boundingBox())!];
      const k = pb.width / jelbuk.pages![pageNo - 1]!.width;
      const cx = (hb.x - pb.x + hb.width / 2) / k;
      const centre = (c: number) => line.cells![c]!.box!.x + line.cells![c]!.box!.w / 2;
      expect(Math.abs(cx - centre(capaianCol))).toBeLessThan(2);
      expect(Math.abs(cx - centre(realisasiCol))).toBeGreaterThan(10);
      await page.locator(`.page[data-page="${pageNo}"]`).screenshot({ path: path.join(SHOT_DIR, 'web-clerk-capaian-cell.png') });
      await card.screenshot({ path: path.join(SHOT_DIR, 'web-clerk-capaian-card.png') });

      // Located by page, table, row and column as printed; never by the tool's line count.
      const where = (await card.locator('.where').first().textContent())!;
      expect(where).toContain(`hal. ${pageNo}`);
      expect(where).toContain('Tabel 3.1');
      expect(where).toContain('kolom “CAPAIAN”');
      for (const lang of ['id', 'en'] as const) {
        await page.click(`#lang button[data-lang="${lang}"]`);
        const text = await visibleText(page);
        expect(text, lang).not.toMatch(LINE_NUMBER);
        for (const j of JARGON) expect(text, `${lang}: ${j}`).not.toMatch(j);
      }
      await page.click('#lang button[data-lang="id"]');
      await page.click('#help summary');
      expect(await page.textContent('#help')).toContain('Hasil hitung ulang');
      await page.screenshot({ path: path.join(SHOT_DIR, 'web-clerk-result.png') });

      // "Unduh untuk Excel": the CLI's --excel CSV, byte for byte (`;`, BOM, CRLF); "Unduh CSV" the plain one.
      const [excel] = await Promise.all([page.waitForEvent('download'), page.click('#export-excel')]);
      const bytes = readFileSync((await excel.path())!);
      expect(bytes.toString('latin1')).toBe(cliExcel);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text.split('\r\n')[0]).toBe('\uFEFFfile;page;line;section;table;row;column;rule;category;severity;reported;expected;tolerance;message');
      expect(excel.suggestedFilename()).toBe('004_9ed3a231d27ded37-temuan-excel.csv');
      const [plain] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
      expect(readFileSync((await plain.path())!).toString('latin1')).toBe(cliCsv);

      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
    });
  }, 90_000);

  it('a file that cannot be read: only the error and what to do (no counts, no codes, no CSV, no empty page panel)', async () => {
    await withChromium(async (browser) => {
      const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
      const { page, errors, foreign } = await openOwnOriginOnly(context, url);
      const cases: [string, Buffer, string, RegExp][] = [
        ['laporan.pdf', Buffer.from('Ini bukan PDF, hanya teks biasa.\n'), 'not-pdf', /Simpan ulang laporan sebagai PDF/],
        ['terpotong.pdf', readFileSync(path.join(PDF_DIR, JELBUK)).subarray(0, 2000), 'truncated', /tidak utuh/],
        ['kosong.txt', Buffer.alloc(0), 'empty', /kosong/],
      ];
      for (const [name, bytes, reason, advice] of cases) {
        await dropFile(page, name, bytes, name.endsWith('.pdf') ? 'application/pdf' : 'text/plain');
        expect(await page.getAttribute('body', 'data-state'), name).toBe('failed');
        expect(await page.getAttribute('#screen', 'data-kind')).toBe('failed');
        expect(await page.getAttribute('#screen', 'data-reason')).toBe(reason);
        const text = await visibleText(page);
        expect(text).toContain('Berkas ini tidak dapat diperiksa');
        expect(text).toMatch(advice);
        expect(text).toContain('Yang dapat dilakukan');
        expect(text).not.toContain(reason === 'empty' ? 'Tertulis' : reason); // no English code
        expect(text).not.toMatch(/\d+ (kesalahan|galat)/); // no "1 galat · Nilai tidak terbaca"
        expect(text).not.toContain('Nilai tidak terbaca');
        expect(text).not.toMatch(/diperiksa dalam/);
        expect(await page.isVisible('#result')).toBe(false); // no CSV download, no empty page panel
        expect(await page.isVisible('#export')).toBe(false);
        expect(await page.isVisible('#status')).toBe(false);
        if (reason === 'not-pdf') await page.screenshot({ path: path.join(SHOT_DIR, 'web-clerk-unreadable.png') });
      }
      await page.click('#lang button[data-lang="en"]');
      expect(await page.textContent('#screen h2')).toBe('This file cannot be checked');
      expect(await page.textContent('#screen')).toContain('What you can do');
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
    });
  }, 60_000);

  it('an SK IKU instead of the LKIP: says what it is and what to upload instead; its results on request are the CLI’s', async () => {
    const cliRows = (await cli(SK_IKU)).trim().split('\n').length - 1;
    await withChromium(async (browser) => {
      const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
      const { page, errors, foreign } = await openOwnOriginOnly(context, url);
      await dropFile(page, SK_IKU, readFileSync(path.join(PDF_DIR, SK_IKU)));
      expect(await page.getAttribute('body', 'data-state')).toBe('done');
      expect(await page.getAttribute('#screen', 'data-kind')).toBe('not-lkip');
      expect(await page.getAttribute('#screen', 'data-document-kind')).toBe('sk_iku');
      const text = (await page.textContent('#screen'))!;
      expect(text).toContain('Berkas ini bukan LKIP');
      expect(text).toContain('KEPUTUSAN CAMAT BALUNG');
      expect(text).toContain('SK IKU');
      expect(text).toContain('Pilih berkas LKIP-nya');
      expect(await page.isVisible('#result')).toBe(false);
      expect(await visibleText(page)).not.toMatch(/Tambahkan bagian|0 kesalahan/);
      await page.screenshot({ path: path.join(SHOT_DIR, 'web-clerk-not-lkip.png') });
      await page.click('#screen .show-anyway');
      expect(await page.isVisible('#result')).toBe(true);
      expect(await page.locator('#findings .finding').count()).toBe(cliRows);
      await page.click('#lang button[data-lang="en"]');
      expect(await page.textContent('#screen h2')).toBe('This file is not an LKIP');
      expect(await page.textContent('#screen')).toContain('SK IKU');
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
    });
  }, 60_000);

  it('a blank page in a born-digital PDF is not announced as a scanned page; the status says the page reader is starting', async () => {
    // Page 1 of 004 (born-digital) and an empty page after it: no text layer, no ink.
    const { PDFDocument } = await import('pdf-lib');
    const src = await PDFDocument.load(readFileSync(path.join(PDF_DIR, JELBUK)));
    const out = await PDFDocument.create();
    const [first] = await out.copyPages(src, [0]);
    out.addPage(first!);
    out.addPage([first!.getWidth(), first!.getHeight()]);
    const bytes = Buffer.from(await out.save());
    await withChromium(async (browser) => {
      const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
      const { page, errors, foreign } = await openOwnOriginOnly(context, url);
      // every status line shown while the file is read
      await page.evaluate(`(() => {
        window.__status = [];
        new MutationObserver(() => window.__status.push(document.getElementById('status-text').textContent)).observe(document.getElementById('status-text'), { childList: true, characterData: true, subtree: true });
      })()`);
      await page.setInputFiles('#file', { name: 'kosong-di-akhir.pdf', mimeType: 'application/pdf', buffer: bytes });
      await page.waitForSelector('body[data-state="done"], body[data-state="failed"]', { state: 'attached', timeout: 80_000 });
      expect(await page.getAttribute('body', 'data-state')).toBe('done');
      expect(await page.isVisible('#notice')).toBe(false);
      const text = await visibleText(page);
      expect(text).not.toMatch(/pindaian|dibaca dari gambar/);
      expect(await page.textContent('#summary .meta')).toMatch(/^PDF, 2 halaman · diperiksa/);
      const status = await page.evaluate<string[]>('window.__status');
      const starting = status.filter((s) => /menyiapkan pembacaan teks dari gambar/.test(s));
      // the "getting ready" line is shown (with its seconds count) as soon as the page reader starts;
      // an inkless page is now skipped by ingest at once, so no tick is awaited here
      expect(starting.length, status.join(' | ')).toBeGreaterThanOrEqual(1);
      expect(starting[0]).toMatch(/\d+ detik$/);
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
    });
  }, 120_000);
});
