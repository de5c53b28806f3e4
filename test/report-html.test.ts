import { RULES } from '../src/audit/rules/index.js';
/**
 * The HTML batch report: pure unit checks (ranking, grouping, escaping, APIP shape), then the real
 * thing in a real browser: the CLI writes the report for the seeds plus an empty file, headless
 * Chromium (Debian's `chromium` package, driven by playwright-core; no browser download) opens it,
 * and we read the ranking and one finding's evidence off the rendered page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/model/finding.js';
import { groupByTable, rankResults, toHtml, type HtmlFileResult } from '../src/report/html.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const BALUNG = 'fixtures/seeds/000_c0a7f8c5d5d194b0.txt';

const finding = (over: Partial<Finding> & { line: number; table?: string }): Finding => ({
  ruleId: 'budget-sum',
  category: 'sum_mismatch',
  severity: 'error',
  messageId: 'sum',
  data: {},
  message: { id: 'Pesan <b>', en: 'Message <b>' },
  where: { file: 'a.txt', page: null, line: over.line, table: over.table },
  reported: '10',
  expected: { kind: 'quantity', quantity: { value: '11', unit: 'rupiah', decimals: 0 } },
  tolerance: { kind: 'exact-rupiah' },
  related: [],
  ...over,
});

describe('toHtml (pure)', () => {
  const results: HtmlFileResult[] = [
    { file: 'a.txt', findings: [finding({ line: 5, severity: 'warning' })] },
    { file: 'b.txt', findings: [finding({ line: 9, table: 'Tabel 3.8' }), finding({ line: 2, table: 'Tabel 3.1', severity: 'warning' })], lines: { '9': 'Program X\t10\t<11>' } },
    { file: 'c.txt', findings: [finding({ line: 1, severity: 'warning' }), finding({ line: 3, severity: 'warning' })] },
    { file: 'd.txt', error: { reason: 'empty', message: { id: 'Berkas kosong: d.txt', en: 'The file is empty: d.txt' } }, findings: [] },
  ];

  it('ranks reports by errors, then warnings, then name; failed files are listed apart', () => {
    expect(rankResults(results).map((r) => r.file)).toEqual(['b.txt', 'c.txt', 'a.txt']);
    const html = toHtml(results, { rules: RULES.map((r) => r.meta) });
    expect(html.indexOf('data-file="b.txt"')).toBeLessThan(html.indexOf('data-file="c.txt"'));
    expect(html).toMatch(/<table id="failed">[\s\S]*Berkas kosong: d\.txt/);
  });

  it('groups findings by table in the order the tables appear, narrative last', () => {
    const groups = groupByTable([finding({ line: 30 }), finding({ line: 20, table: 'Tabel 3.8' }), finding({ line: 10, table: 'Tabel 3.1' }), finding({ line: 25, table: 'Tabel 3.8' })]);
    expect(groups.map((g) => [g.table, g.findings.length])).toEqual([
      ['Tabel 3.1', 1],
      ['Tabel 3.8', 2],
      [null, 1],
    ]);
  });

  it('escapes printed text, quotes the printed row with the reported cell marked, and has the APIP fields', () => {
    const html = toHtml(results, { rules: RULES.map((r) => r.meta) });
    expect(html).not.toContain('<11>');
    expect(html).toContain('&lt;11&gt;');
    expect(html).toContain('Pesan &lt;b&gt;');
    expect(html).toContain('<td class="hit">10</td>');
    for (const k of ['Kondisi', 'Kriteria', 'Akibat', 'Sebab', 'Rekomendasi']) expect(html).toContain(`<dt>${k}</dt>`);
    expect(html).not.toMatch(/\d{4}-\d\d-\d\dT/); // no timestamps: deterministic
    expect(toHtml(results, { rules: RULES.map((r) => r.meta) })).toBe(html);
  });
});

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`[report-html] ${CHROMIUM} not found: skipping the headless Chromium test (install with: apt-get install -y chromium)`);
}

describe.skipIf(!haveChromium)('HTML report in headless Chromium', () => {
  let tmp = '';
  let html = '';
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'lkip-html-'));
    writeFileSync(path.join(tmp, 'kosong.txt'), '');
    html = path.join(tmp, 'laporan.html');
    const r = spawnSync(process.execPath, ['bin/lkip-audit.js', 'audit', 'fixtures/seeds', path.join(tmp, 'kosong.txt'), '--format', 'html', '--out', html], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('shows the ranking and a finding with its printed row, reported, expected and explanation', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(html).href);
      expect(await page.title()).toBe('Hasil audit konsistensi LKIP');

      // Ranking: every audited seed, sorted by errors then warnings (non-increasing).
      const ranking = await page.$$eval('#ranking tbody tr', (rows) =>
        rows.map((r) => ({
          file: r.getAttribute('data-file'),
          errors: Number(r.querySelector('td.errors')?.textContent),
          warnings: Number(r.querySelector('td.warnings')?.textContent),
        })),
      );
      expect(ranking.map((r) => r.file).sort()).toEqual([
        'fixtures/seeds/000_c0a7f8c5d5d194b0.txt',
        'fixtures/seeds/001_52d9b2e308fc893f.txt',
        'fixtures/seeds/002_7587a3434a2185f0.txt',
        'fixtures/seeds/003_0f39aaca0575dd68.txt',
        'fixtures/seeds/004_9ed3a231d27ded37.txt',
      ]);
      for (let i = 1; i < ranking.length; i++) {
        const [a, b] = [ranking[i - 1]!, ranking[i]!];
        expect(a.errors > b.errors || (a.errors === b.errors && a.warnings >= b.warnings), `${a.file} before ${b.file}`).toBe(true);
      }
      // The ranking's numbers are the report sections' own.
      const top = ranking[0]!;
      const topSection = page.locator(`section.report[data-file="${top.file}"]`);
      expect(await topSection.locator('article.finding.sev-error').count()).toBe(top.errors);
      // The empty file is listed as not audited.
      expect(await page.locator('#failed tr[data-reason="empty"]').textContent()).toContain('Berkas kosong');

      // One finding's evidence: Balung Tabel 3.8, Program Penunjang realisation printed 2.657.062.192, its kegiatan add up to 2.656.062.192.
      const group = page.locator(`section.report[data-file="${BALUNG}"] section.table-group[data-table="Tabel 3.8"]`);
      const card = group.locator('article.finding[data-rule="budget-sum"]').filter({ has: page.locator('.value.reported', { hasText: '2.657.062.192' }) });
      expect(await card.count()).toBe(1);
      expect(await card.locator('.evidence').textContent()).toContain('Penunjang Urusan Pemerintahan Daerah');
      expect(await card.locator('.evidence td.hit').textContent()).toBe('2.657.062.192');
      expect(await card.locator('.value.expected').textContent()).toBe('2.656.062.192');
      expect(await card.locator('.rule-docs').textContent()).toMatch(/jumlah rinciannya/);
      expect(await card.locator('dd.akibat').textContent()).toMatch(/tidak andal/);
      expect(await card.locator('dd.sebab').textContent()).toBe('(diisi peninjau)');
      expect(await card.locator('dd.rekomendasi').textContent()).toBe('(diisi peninjau)');
      expect(await card.isVisible()).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
