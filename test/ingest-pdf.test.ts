/**
 * PDF ingest on the committed fixtures (fixtures/pdf/, made by scripts/make-pdf-fixtures.ts; no
 * LibreOffice needed here). Checks real extraction behaviour against the seed text of the same
 * report: Tabel 3.8 of 000 (budget per program) row by row, the landscape Renstra matrix, page
 * numbers and page furniture, and the bad-input errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocLine, Document } from '../src/model/document.js';
import { IngestError } from '../src/ingest/errors.js';
import { pdfToDocument } from '../src/ingest/pdf.js';
import { layoutPage } from '../src/ingest/pdf/layout.js';
import type { HSeg, TextRun, VSeg } from '../src/ingest/pdf/types.js';
import { textToDocument } from '../src/ingest/text.js';
import { auditDocument } from '../src/audit/index.js';
import { loadConfig } from '../src/cli/config.js';
import type { LkipReport } from '../src/model/report.js';
import { targetReadings } from '../src/parse/facts.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = '000_c0a7f8c5d5d194b0';
const fixture = (producer: string, name = SEED) => path.join(ROOT, 'fixtures/pdf', producer, `${name}.pdf`);
const bytesOf = (file: string) => new Uint8Array(readFileSync(file));
const cellTexts = (l: DocLine) => (l.cells ?? []).map((c) => c.text);
const norm = (s: string) => s.replace(/<[^>]+>/g, '').replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

/** Seed rows of Tabel 3.8 (from its header row to the JUMLAH row), as trimmed cells. */
function seedTabel38(): string[][] {
  const lines = readFileSync(path.join(ROOT, 'fixtures/seeds', `${SEED}.txt`), 'utf8').split('\n');
  const start = lines.findIndex((l, i) => l.startsWith('NO.\tPROGRAM/KEGIATAN/SUB KEGIATAN\tPAGU') && lines.slice(i - 4, i).some((p) => p.includes('REALISASI ANGGARAN PER PROGRAM TAHUN 2023')));
  const rows: string[][] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.includes('\t')) {
      if (l.trim() === '') continue;
      break;
    }
    rows.push(l.split('\t').map(norm));
    if (/JUMLAH/.test(l)) break;
  }
  return rows;
}

const AMOUNT = /^\d{1,3}(\.\d{3})+$|^-$/;

/** The PDF's Tabel 3.8: the table rows from its title down to the JUMLAH row. */
function pdfTabel38(doc: Document): DocLine[] {
  const start = doc.lines.findIndex((l) => l.text.includes('REALISASI ANGGARAN PER PROGRAM TAHUN 2023'));
  expect(start).toBeGreaterThanOrEqual(0);
  const out: DocLine[] = [];
  for (const l of doc.lines.slice(start + 1)) {
    if (!l.cells) break;
    out.push(l);
    if (cellTexts(l)[1] === 'JUMLAH') break;
  }
  return out;
}

describe.each(['libreoffice', 'pdfkit'])('%s PDF of 000', (producer) => {
  let doc: Document;
  beforeAll(async () => {
    doc = await pdfToDocument(fixture(producer), bytesOf(fixture(producer)));
  });

  it('reads every page and keeps page numbers on every line', () => {
    expect(doc.format).toBe('pdf');
    expect(doc.pageCount).toBeGreaterThan(30);
    expect(doc.pages).toHaveLength(doc.pageCount!);
    let last = 0;
    doc.lines.forEach((l, i) => {
      expect(l.line).toBe(i + 1);
      expect(l.page).not.toBeNull();
      expect(l.page!).toBeGreaterThanOrEqual(Math.max(1, last));
      expect(l.page!).toBeLessThanOrEqual(doc.pageCount!);
      last = l.page!;
    });
    // Text on (almost) every page.
    expect(new Set(doc.lines.map((l) => l.page)).size).toBeGreaterThanOrEqual(doc.pageCount! - 1);
  });

  it('drops running headers and page-number footers', () => {
    expect(doc.lines.filter((l) => /^Laporan Kinerja Kecamatan Balung Tahun 2023$/.test(l.text))).toHaveLength(0);
    expect(doc.lines.filter((l) => /^\d{1,3}$/.test(l.text.trim()))).toHaveLength(0);
  });

  it('gives the Program Penunjang row of Tabel 3.8 its amounts in separate cells', () => {
    const table = pdfTabel38(doc);
    expect(cellTexts(table[0]!)).toEqual(['NO.', 'PROGRAM/KEGIATAN/SUB KEGIATAN', 'PAGU', 'REALISASI', '%']);
    const row = table.find((l) => cellTexts(l)[1] === 'Program : Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota');
    expect(row).toBeDefined();
    const cells = cellTexts(row!);
    expect(cells).toEqual(['', 'Program : Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', '2.865.379.541', '2.657.062.192', '92,73%']);
    expect(row!.page).toBeGreaterThan(1);
    // Cells carry their boxes, left to right.
    const xs = row!.cells!.map((c) => c.box!.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    // The title is on the same page or the one before.
    const title = doc.lines.find((l) => l.text.includes('REALISASI ANGGARAN PER PROGRAM TAHUN 2023'));
    expect(title).toBeDefined();
    expect(row!.page! - title!.page!).toBeLessThanOrEqual(1);
  });

  it('gives the same budget amounts per row as the text for Tabel 3.8', () => {
    const want = seedTabel38();
    expect(want.length).toBeGreaterThan(30);
    const rows = pdfTabel38(doc).map(cellTexts);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    let same = 0;
    const missing: string[] = [];
    for (const w of want) {
      // PAGU, REALISASI and % of the row, keyed by the row's name.
      const got = rows.find((r) => r[1] === w[1] && r[2] === w[2]);
      if (got && got[3] === w[3] && got[4] === w[4]) same++;
      else missing.push(w.join(' | '));
    }
    // Every row, including the one LibreOffice breaks over the page boundary (its rest is folded
    // back into it).
    expect(missing, missing.join('\n')).toEqual([]);
    expect(same).toBe(want.length);
    expect(rows).toHaveLength(want.length + 1);
    // The total row is intact.
    const total = rows.find((r) => r[1] === 'JUMLAH');
    expect(total?.slice(2)).toEqual(['3.898.085.541', '3.675.452.192', '94,29%']);
    const programs = rows.filter((x) => /^Program\s?:/.test(x[1] ?? ''));
    expect(programs.length).toBe(4);
    for (const r of programs) {
      expect(r[2]).toMatch(AMOUNT);
      expect(r[3]).toMatch(AMOUNT);
    }
  });

  it('reads the landscape Renstra matrix with its year columns as separate cells', () => {
    const title = doc.lines.find((l) => l.text.includes('MATRIK TUJUAN, SASARAN, STRATEGI DAN KEBIJAKAN'));
    expect(title).toBeDefined();
    const page = title!.page!;
    const size = doc.pages![page - 1]!;
    // Normalised: the landscape page reads wider than tall whether it is a wide MediaBox
    // (LibreOffice) or a portrait one with /Rotate 90 (pdfkit).
    expect(size.width).toBeGreaterThan(size.height);
    if (producer === 'pdfkit') expect(size.rotated).toBe(true);
    const years = doc.lines.find((l) => l.page === page && l.cells && cellTexts(l).join('|').includes('2022|2023|2024|2025|2026'));
    expect(years).toBeDefined();
    expect(cellTexts(years!)).toEqual(['', '', '', '', '', '2022', '2023', '2024', '2025', '2026', 'Strategi', 'Kebijakan', 'Program']);
    const first = doc.lines.find((l) => l.page === page && l.cells && cellTexts(l)[2] === 'Nilai SAKIP OPD');
    expect(first).toBeDefined();
    expect(cellTexts(first!).slice(5, 10)).toEqual(['100%', '100%', '100%', '100%', '100%']);
    // Later lines on the landscape page have boxes inside the landscape page.
    for (const l of doc.lines.filter((x) => x.page === page)) {
      expect(l.box!.x + l.box!.w).toBeLessThanOrEqual(size.width + 1);
      expect(l.box!.y + l.box!.h).toBeLessThanOrEqual(size.height + 1);
    }
  });

  it('marks a table that continues from the previous page', () => {
    // The RKT appendix repeats its header on every page.
    const heads = doc.lines.filter((l) => l.cells && cellTexts(l)[0] === 'TUJUAN PD');
    expect(heads.length).toBeGreaterThanOrEqual(4);
    expect(doc.lines.some((l) => l.continues === true)).toBe(true);
  });

  it('says in the model where the PDF could not tell (word joins decided by vocabulary, rows folded over a page)', () => {
    const uncertain = doc.lines.flatMap((l) => (l.cells ?? []).filter((c) => c.uncertain !== undefined));
    expect(uncertain.length).toBeGreaterThan(0);
    expect(uncertain.every((c) => c.uncertain === 'join' || c.uncertain === 'split-row')).toBe(true);
    // the joined text itself carries no marker characters
    expect(uncertain.some((c) => c.text.includes('\u2060'))).toBe(false);
  });
});

describe('text sources agree', () => {
  it('operator-list text and getTextContent text give the same lines', async () => {
    const f = fixture('libreoffice');
    const stats = { pages: 0, furniture: 0, continued: 0, mergedRows: 0, pagesWithoutText: [] as number[], midWordJoins: 0, ambiguousJoins: 0 };
    const a = await pdfToDocument(f, bytesOf(f), { stats });
    const b = await pdfToDocument(f, bytesOf(f), { textSource: 'textContent' });
    expect(b.lines.map((l) => `${l.page}|${l.text}`)).toEqual(a.lines.map((l) => `${l.page}|${l.text}`));
    expect(stats.pages).toBe(a.pageCount);
    expect(stats.pagesWithoutText).toEqual([]);
    expect(stats.furniture).toBeGreaterThanOrEqual(2 * a.pageCount! - 2);
    expect(stats.mergedRows).toBeGreaterThan(0);
  });
});

describe('bad input gives an IngestError, never a raw pdfjs error', () => {
  const good = readFileSync(fixture('pdfkit', '002_7587a3434a2185f0'));
  const expectIngestError = async (bytes: Uint8Array, reason: string) => {
    const err = await pdfToDocument('x.pdf', bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IngestError);
    const e = err as IngestError;
    expect(e.reasonId).toBe(reason);
    expect(e.file).toBe('x.pdf');
    expect(e.message).toMatch(/Berkas/);
    expect(e.messageEn).toMatch(/file/i);
    expect(e.stack ?? '').not.toMatch(/pdf\.worker|pdfjs-dist/);
  };

  it('random bytes', async () => {
    let seed = 42;
    const rnd = new Uint8Array(20_000).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    await expectIngestError(rnd, 'not-pdf');
  });

  it('a text file', async () => {
    await expectIngestError(new TextEncoder().encode('LAPORAN KINERJA\nTAHUN 2023\n'), 'not-pdf');
  });

  it('an empty file', async () => {
    await expectIngestError(new Uint8Array(0), 'empty');
  });

  it('a truncated PDF (first half of a fixture)', async () => {
    await expectIngestError(new Uint8Array(good.subarray(0, good.length >> 1)), 'truncated');
  });

  it('a PDF cut just before its end', async () => {
    await expectIngestError(new Uint8Array(good.subarray(0, good.length - 64)), 'truncated');
  });

  it('a PDF whose body is garbage', async () => {
    await expectIngestError(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nxref\ngarbage\n%%EOF\n'), 'truncated');
  });

  it('an encrypted PDF', async () => {
    await expectIngestError(bytesOf(fixture('invalid', 'encrypted')), 'encrypted');
  });

  it('a PDF with no pages', async () => {
    await expectIngestError(bytesOf(fixture('invalid', 'no-pages')), 'no-pages');
  });

  it('leaves the caller’s bytes usable', async () => {
    const b = new Uint8Array(good);
    const doc = await pdfToDocument('ok.pdf', b);
    expect(doc.pageCount).toBeGreaterThan(0);
    expect(b.length).toBe(good.length);
    expect(b[0]).toBe(0x25);
  });
});

describe('layoutPage on synthetic geometry', () => {
  const run = (str: string, x: number, y: number, size = 8): TextRun => ({ str, x, y, w: str.length * size * 0.5, size, upright: true });
  /** A ruled grid: column x edges, row y edges; `skipV` removes vertical rules (colspan), `skipH` horizontal ones (rowspan). */
  const grid = (xs: number[], ys: number[], skipV: (x: number, y1: number) => boolean = () => false, skipH: (y: number, x1: number) => boolean = () => false) => {
    const hsegs: HSeg[] = [];
    const vsegs: VSeg[] = [];
    for (let r = 0; r + 1 < ys.length; r++)
      for (const x of xs) if (!skipV(x, ys[r]!)) vsegs.push({ x, y1: ys[r]!, y2: ys[r + 1]! });
    for (const y of ys) for (let c = 0; c + 1 < xs.length; c++) if (!skipH(y, xs[c]!)) hsegs.push({ y, x1: xs[c]!, x2: xs[c + 1]! });
    return { hsegs, vsegs };
  };
  const cells = (lines: ReturnType<typeof layoutPage>) => lines.filter((l) => l.cells).map((l) => l.cells!.map((c) => c.text));

  it('emits a spanning header cell followed by empty cells, and keeps empty cells', () => {
    const xs = [50, 100, 150, 200, 250];
    const ys = [100, 120, 140, 160];
    // Row 0: "Target" spans columns 2..4 (no rules at x=200, 250 inside it... i.e. between 150 and 250).
    const g = grid(xs, ys, (x, y1) => y1 === 100 && x === 200);
    const runs = [run('No', 52, 114), run('Nama', 102, 114), run('Target', 170, 114), run('2022', 152, 134), run('2023', 202, 134), run('1', 52, 154), run('Baca', 102, 154), run('90%', 152, 154)];
    const out = cells(layoutPage({ width: 600, height: 800, runs, ...g }));
    expect(out).toEqual([
      ['No', 'Nama', 'Target', ''],
      ['', '', '2022', '2023'],
      ['1', 'Baca', '90%', ''],
    ]);
  });

  it('puts row-spanning text in the first row of the span', () => {
    const xs = [50, 150, 250];
    const ys = [100, 120, 140];
    // No rule at y=120 under the first column: its cell spans both rows; text centred at y≈126.
    const g = grid(xs, ys, () => false, (y, x1) => y === 120 && x1 === 50);
    const runs = [run('Sasaran', 52, 126), run('a', 152, 114), run('b', 152, 134)];
    expect(cells(layoutPage({ width: 600, height: 800, runs, ...g }))).toEqual([
      ['Sasaran', 'a'],
      ['', 'b'],
    ]);
  });

  it('merges wrapped cell lines, without a space where a number was broken', () => {
    const g = grid([50, 112, 200], [100, 130]);
    // "2.366.993.16" fills the 62-pt cell (12 chars × 4 pt + padding), "6" wraps.
    const runs = [run('2.366.993.16', 52, 110), run('6', 52, 120), run('Sub Kegiatan', 114, 110), run('Penyediaan', 114, 120)];
    expect(cells(layoutPage({ width: 600, height: 800, runs: runs.map((r) => ({ ...r, w: r.str.length * 4.8 })), ...g }))).toEqual([['2.366.993.166', 'Sub Kegiatan Penyediaan']]);
  });

  it('splits a text item that runs across a column rule', () => {
    const g = grid([50, 62, 300], [100, 120]);
    const runs = [{ str: '2 Kegiatan : Administrasi', x: 53, y: 114, w: 25 * 4, size: 8, upright: true }];
    expect(cells(layoutPage({ width: 600, height: 800, runs, hsegs: g.hsegs, vsegs: g.vsegs }))).toEqual([['2', 'Kegiatan : Administrasi']]);
  });

  it('splits an unruled line into cells at wide gaps and leaves prose alone', () => {
    const runs = [run('Lampiran 1.', 50, 100, 10), run('Matriks Rencana Strategis', 150, 100, 10), run('Ini kalimat biasa dengan spasi.', 50, 120, 10)];
    const out = layoutPage({ width: 600, height: 800, runs, hsegs: [], vsegs: [] });
    expect(out.map((l) => (l.cells ? l.cells.map((c) => c.text) : l.text))).toEqual([['Lampiran 1.', 'Matriks Rencana Strategis'], 'Ini kalimat biasa dengan spasi.']);
  });
});

describe('000 from its PDFs parses like its text (issue acceptance: targets per year, budget tree)', () => {
  // Uses the audit's parser (src/parse via auditDocument): the model the rules see.
  const targets = (r: LkipReport) =>
    targetReadings(r).map((x) => `${x.source}|${r.indicators.find((i) => i.id === x.indicatorId)?.key}|${x.year}|${x.value.raw}`).sort();
  const budget = (r: LkipReport) =>
    r.budgets.flatMap((t) => Object.values(t.nodes).map((n) => `${t.kind}|${n.level}|${n.label}|${n.pagu?.raw}|${n.realisasi?.raw}|${n.pct?.raw}`)).sort();
  let text: LkipReport;
  beforeAll(() => {
    const seed = path.join(ROOT, 'fixtures/seeds', `${SEED}.txt`);
    text = auditDocument(textToDocument(seed, readFileSync(seed, 'utf8')), loadConfig()).report;
  });

  it.each(['libreoffice', 'pdfkit'])('%s: same target statements (Renstra matrix, RKT, PK, ...) and budget trees', async (producer) => {
    const pdf = auditDocument(await pdfToDocument(fixture(producer), bytesOf(fixture(producer))), loadConfig()).report;
    const sources = new Set(targetReadings(text).map((t) => t.source));
    expect(sources.has('renstra') || sources.has('renstra_lampiran')).toBe(true);
    expect(sources.has('rkt')).toBe(true);
    expect(targets(pdf)).toEqual(targets(text));
    expect(budget(text).length).toBeGreaterThan(30);
    expect(budget(pdf)).toEqual(budget(text));
    expect(pdf.tables.map((t) => t.kind)).toEqual(text.tables.map((t) => t.kind));
  });
});
