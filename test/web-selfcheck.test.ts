/**
 * The browser self-check (issue 7) in real Chromium (Debian's `chromium`, driven by playwright-core;
 * no browser download): build the page, serve it the way `lkip-audit serve` does (127.0.0.1), drop
 * the 000 PDF fixture on the drop zone, wait for the audit, and check against the CLI run on the same
 * file: the summary counts, the exported CSV (byte for byte, in Indonesian and after switching to
 * English), that pages are drawn only near the viewport, and that clicking a finding draws its page
 * and its highlight over the cell holding the printed value. Every request the page makes must stay
 * on its own origin (anything else is blocked and fails the test). A screenshot is saved under
 * out/test/web-selfcheck.png. Then a file over the size limit (refused unread), a scanned page read
 * with OCR in the browser (tesseract.js, language data served by the app), and the built page opened
 * from the folder (file://).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeb } from '../src/cli/serve.js';
import { haveChromium, openOwnOriginOnly, withChromium, openPage, CHROMIUM } from './helpers/chromium.js';
import { pdfToDocument } from '../src/ingest/pdf.js';
import { indexLines, linesToPages } from '../src/web/locate.js';
import type { Document } from '../src/model/document.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE_DIR = path.join(ROOT, 'fixtures/pdf/libreoffice');
const FIXTURE = '000_c0a7f8c5d5d194b0.pdf';
const SHOT_DIR = path.join(ROOT, 'out/test');

/** RFC 4180 parse (the CLI's CSV: quoted fields, doubled quotes, LF rows). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      if (c === '"') {
        if (s[i + 1] === '"') (f += '"'), i++;
        else q = false;
      } else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') row.push(f), (f = '');
    else if (c === '\n') row.push(f), rows.push(row), (row = []), (f = '');
    else f += c;
  }
  if (f || row.length) row.push(f), rows.push(row);
  return rows;
}

/**
 * A page of `context` opened at `url` that may load only from its own origin: any other request is
 * blocked and listed in `foreign` (blob: and data: URLs of that origin are the page's own); `seen`
 * lists every request routed, `errors` the page's uncaught errors.
 */



if (!haveChromium) console.warn(`[web-selfcheck] ${CHROMIUM} not found: skipping the browser self-check test (install with: apt-get install -y chromium)`);

describe.skipIf(!haveChromium)('browser self-check in headless Chromium', () => {
  let server: http.Server | null = null;
  let url = '';
  let webDir = '';
  let cliCsv = '';
  let cliCsvEn = '';
  let doc: Document;

  beforeAll(async () => {
    // A fresh build into a temporary folder (the served folder is what `serve` builds on demand).
    webDir = mkdtempSync(path.join(os.tmpdir(), 'lkip-web-'));
    // The CLI on the same file, named as the browser names it (the file's own name), while the page builds.
    const run = (...extra: string[]) =>
      promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/lkip-audit.js'), 'audit', FIXTURE, '--no-progress', ...extra], { cwd: FIXTURE_DIR, encoding: 'utf8' });
    const [cli, cliEn] = [run(), run('--lang', 'en')];
    ({ server, url } = await serveWeb({ port: 0, rebuild: true, dir: webDir }));
    cliCsv = (await cli).stdout;
    cliCsvEn = (await cliEn).stdout;
    doc = await pdfToDocument(FIXTURE, new Uint8Array(readFileSync(path.join(FIXTURE_DIR, FIXTURE))));
  }, 60_000);

  afterAll(() => {
    server?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  it('drops the 000 PDF: same findings as the CLI, highlight over the right cell, no foreign request', async () => {
    const cliRows = parseCsv(cliCsv).slice(1);
    expect(cliRows.length).toBeGreaterThan(0);
    const cliCount = (sev: string) => cliRows.filter((r) => r[9] === sev).length;

    await withChromium(async (browser) => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
      const { page, errors, foreign, seen } = await openOwnOriginOnly(context, url);
      expect(await page.title()).toBe('Periksa Mandiri LKIP');

      // Drop the file on the drop zone (a real drop event carrying a File).
      const b64 = readFileSync(path.join(FIXTURE_DIR, FIXTURE)).toString('base64');
      const dataTransfer = await page.evaluateHandle(`(() => {
        const bin = atob(${JSON.stringify(b64)});
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], ${JSON.stringify(FIXTURE)}, { type: 'application/pdf' }));
        return dt;
      })()`);
      const t0 = Date.now();
      await page.dispatchEvent('#drop', 'drop', { dataTransfer });
      await page.waitForSelector('body[data-state="audited"], body[data-state="done"], body[data-state="failed"]', { state: 'attached', timeout: 30_000 });
      const auditMs = Date.now() - t0;
      expect(await page.getAttribute('body', 'data-state')).not.toBe('failed');

      // Summary counts = the CLI's.
      for (const sev of ['error', 'warning', 'info']) {
        expect(Number(await page.getAttribute(`#summary .count[data-severity="${sev}"]`, 'data-count')), sev).toBe(cliCount(sev));
      }
      expect(await page.locator('#findings .finding').count()).toBe(cliRows.length);

      // Lazy pages: a placeholder of the page's own size for every page at once, but only the pages
      // near the viewport are drawn (the first one is in view); the far ones are not.
      await page.waitForSelector('body[data-state="done"]', { state: 'attached', timeout: 40_000 });
      expect(await page.locator('.page').count()).toBe(doc.pageCount);
      await page.waitForSelector('.page[data-page="1"][data-rendered="true"] img', { timeout: 20_000 });
      await page.waitForTimeout(1500); // time enough to draw more pages, were they drawn up front
      const drawn = () => page.locator('.page[data-rendered="true"]').count();
      const drawnAtFirst = await drawn();
      expect(drawnAtFirst).toBeGreaterThanOrEqual(1);
      expect(drawnAtFirst).toBeLessThanOrEqual(3);
      expect(await page.locator(`.page[data-page="${doc.pageCount}"]`).getAttribute('data-rendered')).toBeNull();
      for (const n of [1, doc.pageCount!]) {
        const b = (await page.locator(`.page[data-page="${n}"]`).boundingBox())!;
        const size = doc.pages![n - 1]!;
        expect(Math.abs(b.height - (b.width * size.height) / size.width), `page ${n} placeholder height`).toBeLessThan(2);
      }

      // The exported CSV is the CLI's, byte for byte.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv).toBe(cliCsv);

      // A target drift: the tool knows the two documents differ, not which is right. Both values and
      // both places are shown, and the card asks; nothing says "should be".
      const drift = page.locator('#findings .finding[data-rule="target-drift"]').first();
      expect(await drift.count()).toBe(1);
      expect(await drift.locator('dd.reported').textContent()).toMatch(/ — hal\. \d+/);
      expect(await drift.locator('dd.elsewhere').first().textContent()).toMatch(/: .+ — hal\. \d+/);
      expect(await drift.locator('.check strong').textContent()).toBe('Mana yang benar? ');
      expect(await drift.textContent()).not.toContain('Seharusnya');
      mkdirSync(SHOT_DIR, { recursive: true });
      await drift.screenshot({ path: path.join(SHOT_DIR, 'web-selfcheck-drift.png') });

      // Each finding that names a line is placed on the page of that line.
      const num = (v: string | null) => (v === null ? null : Number(v));
      const listed = (
        await page.locator('#findings .finding').evaluateAll((els) =>
          els.map((e) => ['data-index', 'data-page', 'data-line', 'data-cell'].map((a) => e.getAttribute(a))),
        )
      ).map(([i, p, l, c]) => ({ i: Number(i), page: num(p ?? null), line: num(l ?? null), cell: num(c ?? null) }));
      for (const f of listed) {
        const row = cliRows[f.i]!;
        if (row[1]) expect(f.page, `finding ${f.i}`).toBe(Number(row[1]));
        if (f.line !== null) expect(f.line).toBe(Number(row[2]));
      }

      // Click a finding whose printed value sits in a table cell: its highlight is drawn over that cell.
      const pick = listed.find((f) => f.cell !== null && f.page !== null)!;
      expect(pick, 'a finding located in a cell').toBeTruthy();
      const line = doc.lines.find((l) => l.line === pick.line)!;
      const cell = line.cells![pick.cell!]!;
      const reported = cliRows[pick.i]![10]!;
      expect(cell.text.replace(/\s+/g, '')).toContain(reported.replace(/\s+/g, ''));
      await page.locator(`#findings .finding[data-index="${pick.i}"]`).click();
      const hl = page.locator(`.hl.active[data-index="${pick.i}"]`);
      await expect.poll(() => hl.count(), { timeout: 10_000 }).toBe(1); // drawing the page on the click takes a moment
      const pageEl = page.locator(`.page[data-page="${pick.page}"]`);
      const [hb, pb] = [(await hl.boundingBox())!, (await pageEl.boundingBox())!];
      // The highlight is in view after the click (scrolled to it).
      expect(hb.y).toBeGreaterThanOrEqual(0);
      expect(hb.y + hb.height).toBeLessThanOrEqual(1000);
      const size = doc.pages![pick.page! - 1]!;
      const k = pb.width / size.width; // CSS px per point
      const box = cell.box!;
      const centre = { x: (hb.x - pb.x + hb.width / 2) / k, y: (hb.y - pb.y + hb.height / 2) / k };
      expect(Math.abs(centre.x - (box.x + box.w / 2))).toBeLessThan(2);
      expect(Math.abs(centre.y - (box.y + box.h / 2))).toBeLessThan(2);
      expect(Math.abs(hb.width / k - box.w)).toBeLessThan(5);
      expect(Math.abs(hb.height / k - box.h)).toBeLessThan(5);

      mkdirSync(SHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SHOT_DIR, 'web-selfcheck.png') });
      await hl.screenshot({ path: path.join(SHOT_DIR, 'web-selfcheck-highlight.png') });

      // A finding on the last page with findings, far below: not drawn yet; clicking the finding
      // draws that page first, then highlights it in view; the pages in between stay undrawn.
      const far = listed.filter((f) => f.page !== null && f.cell !== null).sort((a, b) => b.page! - a.page!)[0]!;
      expect(far.page).toBeGreaterThan(pick.page! + 3);
      const farPage = page.locator(`.page[data-page="${far.page}"]`);
      expect(await farPage.getAttribute('data-rendered')).toBeNull();
      const drawnBefore = await drawn();
      await page.locator(`#findings .finding[data-index="${far.i}"]`).click();
      const farHl = page.locator(`.page[data-page="${far.page}"] .hl.active[data-index="${far.i}"]`);
      await expect.poll(() => farHl.count(), { timeout: 15_000 }).toBe(1);
      expect(await farPage.getAttribute('data-rendered')).toBe('true');
      expect(await farPage.locator('img').count()).toBe(1);
      const fb = (await farHl.boundingBox())!;
      expect(fb.y).toBeGreaterThanOrEqual(0);
      expect(fb.y + fb.height).toBeLessThanOrEqual(1000);
      await page.waitForTimeout(500);
      // That page and its neighbours near the screen are drawn, not the ones jumped over.
      const drawnNow = await page.locator('.page[data-rendered="true"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-page'))));
      expect(drawnNow.length).toBeGreaterThan(drawnBefore);
      expect(drawnNow.filter((n) => n > pick.page! + 3 && n < far.page! - 3)).toEqual([]);

      // English: the switch in the header re-renders the shown result (no new audit: the drawn page
      // images stay), the UI and the findings' messages are the English ones, and the exported CSV
      // is the CLI's `--lang en`, byte for byte.
      await farPage.locator('img').evaluate((img) => ((img as unknown as { keep?: boolean }).keep = true));
      expect(await page.getAttribute('html', 'lang')).toBe('id');
      expect(await page.textContent('#summary th')).toBe('Jenis masalah');
      await page.click('#lang button[data-lang="en"]');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.title()).toBe('LKIP Self-Check');
      expect(await page.textContent('h1')).toBe('LKIP Self-Check');
      expect(await page.textContent('#export')).toBe('Download CSV');
      expect(await page.textContent('#export-excel')).toBe('Download for Excel');
      expect(await page.textContent('#summary th')).toBe('Kind of problem');
      expect(await page.textContent('#summary .count[data-severity="error"]')).toBe(`${cliCount('error')} error${cliCount('error') === 1 ? '' : 's'}`);
      expect(await page.getAttribute('body', 'data-state')).toBe('done');
      expect(await farPage.locator('img').evaluate((img) => (img as unknown as { keep?: boolean }).keep)).toBe(true);
      const cliRowsEn = parseCsv(cliCsvEn).slice(1);
      const shown = await page.locator('#findings .finding').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-index')), e.querySelector('.msg')!.textContent] as const));
      expect(shown.length).toBe(cliRowsEn.length);
      // the CLI's message, with the tool's line numbers shown as the pages they are on
      const lineIndex = indexLines(doc.lines);
      for (const [i, msg] of shown) expect(msg, `finding ${i}`).toBe(linesToPages(cliRowsEn[i]![13]!, lineIndex, 'en'));
      expect(shown.some(([i]) => cliRowsEn[i]![13] !== cliRows[i]![13])).toBe(true);
      const farCard = page.locator(`#findings .finding[data-index="${far.i}"]`);
      expect(await farCard.getAttribute('class')).toContain('active'); // the selection survives
      expect(['What to check: ', 'Which is right? ']).toContain(await farCard.locator('.check strong').textContent());
      expect(await farCard.locator('.where').first().textContent()).toContain(`p. ${far.page}`);
      expect(await page.locator(`.page[data-page="${far.page}"] .pno`).textContent()).toBe(`Page ${far.page}`);
      const [downloadEn] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
      expect(downloadEn.suggestedFilename()).toBe('000_c0a7f8c5d5d194b0-findings.csv');
      expect(readFileSync((await downloadEn.path())!, 'utf8')).toBe(cliCsvEn);
      expect(cliCsvEn).not.toBe(cliCsv);
      await page.screenshot({ path: path.join(SHOT_DIR, 'web-selfcheck-en.png') });

      // Remembered for the next visit; `?lang=id` / `?lang=en` in the address wins.
      const again = await context.newPage();
      await again.goto(url);
      expect(await again.getAttribute('html', 'lang')).toBe('en');
      expect(await again.textContent('#drop [data-i18n="pick"]')).toBe('choose a file');
      await again.goto(`${url}?lang=id`);
      expect(await again.getAttribute('html', 'lang')).toBe('id');
      expect(await again.textContent('#drop [data-i18n="pick"]')).toBe('pilih berkas');
      await again.close();
      // And back to Indonesian on the shown result.
      await page.click('#lang button[data-lang="id"]');
      expect(await page.getAttribute('html', 'lang')).toBe('id');
      expect(await farCard.locator('.msg').textContent()).toBe(linesToPages(cliRows[far.i]![13]!, indexLines(doc.lines), 'id'));

      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
      expect(seen.some((u) => u.endsWith('/app.js'))).toBe(true);
      expect(auditMs).toBeLessThan(30_000);
    });
  }, 60_000);

  it('refuses a file over the size limit unread, naming it and its size (Indonesian, then English)', async () => {
    await withChromium(async (browser) => {
      const { page, errors } = await openPage(browser, url);
      // 12.5 MB of "text" (the CLI's --max-text-mb default is 10), made in the page and dropped.
      const drop = (name: string, bytes: number) =>
        page.evaluateHandle(`(() => {
          const line = new TextEncoder().encode('Bukan laporan kinerja.\\n');
          const data = new Uint8Array(${bytes});
          for (let i = 0; i < data.length; i += line.length) data.set(line.subarray(0, Math.min(line.length, data.length - i)), i);
          const dt = new DataTransfer();
          dt.items.add(new File([data], ${JSON.stringify(name)}, { type: 'text/plain' }));
          return dt;
        })()`);
      await page.dispatchEvent('#drop', 'drop', { dataTransfer: await drop('laporan-besar.txt', 12.5 * 1024 * 1024) });
      await page.waitForSelector('body[data-state="refused"]', { state: 'attached', timeout: 10_000 });
      expect(await page.getAttribute('#status', 'data-reason')).toBe('too-large');
      expect(await page.isVisible('#status')).toBe(true);
      expect(await page.isVisible('#result')).toBe(false);
      const id = (await page.textContent('#status-text'))!;
      expect(id).toContain('Berkas terlalu besar');
      expect(id).toContain('laporan-besar.txt');
      expect(id).toContain('12,5 MB');
      expect(id).toContain('10 MB');
      await page.click('#lang button[data-lang="en"]');
      const en = (await page.textContent('#status-text'))!;
      expect(en).toContain('too large');
      expect(en).toContain('laporan-besar.txt');
      expect(en).toContain('12.5 MB');
      // A small file is read and audited (the refusal is gone; still in English).
      await page.dispatchEvent('#drop', 'drop', { dataTransfer: await drop('kecil.txt', 4 * 1024) });
      await page.waitForSelector('body[data-state="done"], body[data-state="failed"]', { state: 'attached', timeout: 20_000 });
      expect(await page.getAttribute('body', 'data-state')).toBe('done');
      expect(await page.isVisible('#status')).toBe(false);
      expect(await page.getAttribute('#status', 'data-reason')).toBeNull();
      expect(await page.textContent('#summary h2')).toBe('Summary: kecil.txt');
      expect(errors).toEqual([]);
    });
  }, 60_000);

  it('reads scanned pages with OCR in the browser, language data from the app itself', async () => {
    // One scanned page (Tabel 3.8, page 23 of the report) cut from the scanned fixture.
    const { PDFDocument } = await import('pdf-lib');
    const src = await PDFDocument.load(readFileSync(path.join(ROOT, 'fixtures/scanned/000_c0a7f8c5d5d194b0.pdf')));
    const two = await PDFDocument.create();
    for (const p of await two.copyPages(src, [2])) two.addPage(p);
    const bytes = Buffer.from(await two.save());

    await withChromium(async (browser) => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const { page, errors, foreign, seen } = await openOwnOriginOnly(context, url);
      await page.setInputFiles('#file', { name: 'pindaian.pdf', mimeType: 'application/pdf', buffer: bytes });
      await page.waitForSelector('body[data-state="done"], body[data-state="failed"]', { state: 'attached', timeout: 80_000 });
      expect(await page.getAttribute('body', 'data-state')).toBe('done');
      expect(await page.textContent('#notice')).toContain('Halaman 1 berupa gambar (hasil pindaian), jadi teksnya dibaca dari gambar');
      // The budget row whose kegiatan do not add up (2.657.062.192 printed, 2.656.062.192 summed).
      const card = page.locator('#findings .finding[data-rule="budget-sum"]').filter({ has: page.locator('dd.reported', { hasText: '2.657.062.192' }) });
      expect(await card.count()).toBe(1);
      expect(await card.locator('dd.expected').textContent()).toBe('2.656.062.192');
      const i = await card.getAttribute('data-index');
      expect(await card.getAttribute('data-cell')).not.toBeNull();
      await card.click();
      const hl = page.locator(`.page[data-page="${await card.getAttribute('data-page')}"] .hl.active[data-index="${i}"]`);
      await expect.poll(() => hl.count(), { timeout: 10_000 }).toBe(1); // drawing the page on the click takes a moment
      const hb = (await hl.boundingBox())!;
      expect(hb.width).toBeGreaterThan(10);
      await page.screenshot({ path: path.join(SHOT_DIR, 'web-selfcheck-ocr.png') });
      expect(seen.some((u) => u.endsWith('/tesseract/lang/ind.traineddata.gz'))).toBe(true);
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
    });
  }, 90_000);

  it('also works opened from the folder (file://): a text export, a Word file, the PDF', async () => {
    await withChromium(async (browser) => {
      const { page, errors } = await openPage(browser, pathToFileURL(path.join(webDir, 'index.html')).href);
      await page.setInputFiles('#file', path.join(ROOT, 'fixtures/seeds/000_c0a7f8c5d5d194b0.txt'));
      await page.waitForSelector('body[data-state="done"], body[data-state="failed"]', { state: 'attached', timeout: 30_000 });
      expect(await page.getAttribute('body', 'data-state')).toBe('done');
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/lkip-audit.js'), 'audit', '000_c0a7f8c5d5d194b0.txt', '--no-progress'], { cwd: path.join(ROOT, 'fixtures/seeds'), encoding: 'utf8' });
      const rows = parseCsv(r.stdout).slice(1);
      expect(Number(await page.getAttribute('#summary .count[data-severity="error"]', 'data-count'))).toBe(rows.filter((x) => x[9] === 'error').length);
      expect(await page.locator('#findings .finding').count()).toBe(rows.length);
      // A located finding highlights its line of the text.
      const li = page.locator('#findings .finding[data-line]').first();
      const lineNo = await li.getAttribute('data-line');
      await li.click();
      expect(await page.locator(`.tline.active[data-line="${lineNo}"]`).count()).toBe(1);

      // A Word file dropped instead of its PDF: one plain error naming what it is.
      await page.setInputFiles('#file', { name: 'laporan.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04 not really a docx') });
      await page.waitForSelector('body[data-state="failed"] #screen[data-kind="failed"]', { state: 'attached', timeout: 20_000 });
      expect(await page.textContent('#screen')).toContain('dokumen Word (.docx)');
      expect(await page.getAttribute('#screen', 'data-reason')).toBe('unsupported');
      expect(await page.isVisible('#result')).toBe(false);

      // And the PDF, from the folder too: the same findings as the CLI, pages drawn.
      await page.setInputFiles('#file', path.join(FIXTURE_DIR, FIXTURE));
      await page.waitForSelector('body[data-state="audited"], body[data-state="done"], body[data-state="failed"]', { state: 'attached', timeout: 40_000 });
      expect(await page.getAttribute('body', 'data-state')).not.toBe('failed');
      const pdfRows = parseCsv(cliCsv).slice(1);
      expect(await page.locator('#findings .finding').count()).toBe(pdfRows.length);
      expect(Number(await page.getAttribute('#summary .count[data-severity="error"]', 'data-count'))).toBe(pdfRows.filter((x) => x[9] === 'error').length);
      await page.waitForSelector('.page[data-page="1"][data-rendered="true"] img', { timeout: 20_000 });
      expect(errors).toEqual([]);
    });
  }, 60_000);
});
