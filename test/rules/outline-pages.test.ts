/**
 * outline, contents page numbers against the printed page numbers of a PDF: small PDFs made here
 * with pdfkit (a page-number footer on each page, like a real report), read by the PDF ingest, parsed
 * and checked by the outline rule alone. Plus the printed-number reader (parse) on its own.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/audit/engine.js';
import { outline } from '../../src/audit/rules/outline.js';
import { loadConfig } from '../../src/cli/config.js';
import { pdfToDocument } from '../../src/ingest/pdf.js';
import { printedPageNumbers } from '../../src/parse/outline.js';
import { parseReport } from '../../src/parse/index.js';
import { exp } from '../helpers/expected.js';

const config = loadConfig();

interface Page {
  lines: string[];
  /** Printed footer (bottom of the page), or none. */
  footer?: string;
}

async function makePdf(pages: Page[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (const p of pages) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.fontSize(11);
    let y = 80;
    for (const l of p.lines) {
      doc.text(l, 60, y, { lineBreak: false });
      y += 24;
    }
    if (p.footer) doc.text(p.footer, 290, 800, { lineBreak: false });
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

const para = 'Uraian bagian ini ditulis dalam beberapa kalimat untuk laporan kinerja tahun 2023.';

/** Cover, contents (footer "i"), then body pages printed 1, 2, ... from PDF page 3. */
function report(contents: Record<string, number>, opts: { noFooterOn?: number[]; footer?: (n: number) => string } = {}): Page[] {
  const body: string[][] = [
    ['BAB I PENDAHULUAN', '1.1 LATAR BELAKANG', para],
    ['1.2 MAKSUD DAN TUJUAN', para],
    ['BAB II PERENCANAAN KINERJA', para],
    ['BAB III AKUNTABILITAS KINERJA', para],
    [para, para],
    ['BAB IV PENUTUP', para],
  ];
  const footer = opts.footer ?? ((n: number) => String(n));
  return [
    { lines: ['LAPORAN KINERJA INSTANSI PEMERINTAH', 'TAHUN 2023'] },
    { lines: ['DAFTAR ISI', ...Object.entries(contents).map(([t, n]) => `${t} ........................ ${n}`)], footer: 'i' },
    ...body.map((lines, i) => ({ lines, ...(opts.noFooterOn?.includes(i + 1) ? {} : { footer: footer(i + 1) }) })),
  ];
}

const RIGHT = { 'BAB I PENDAHULUAN': 1, '1.1 LATAR BELAKANG': 1, '1.2 MAKSUD DAN TUJUAN': 2, 'BAB II PERENCANAAN KINERJA': 3, 'BAB III AKUNTABILITAS KINERJA': 4, 'BAB IV PENUTUP': 6 };

async function audit(pages: Page[]) {
  const doc = await pdfToDocument('kasus.pdf', await makePdf(pages));
  const rep = parseReport(doc, config);
  return { rep, findings: runRules(rep, config, [outline]) };
}

describe('outline: contents pages against printed page numbers (PDF)', () => {
  it('valid: every contents page equals the printed number of its heading’s page', async () => {
    const { rep, findings } = await audit(report(RIGHT));
    // the footers were read: PDF page 3 is printed 1 ... PDF page 8 is printed 6
    expect(rep.printedPages?.map((p) => `${p.page}:${p.number}`)).toEqual(['3:1', '4:2', '5:3', '6:4', '7:5', '8:6']);
    expect(findings.map((f) => f.message.id)).toEqual([]);
  });

  it('valid: a chapter page without a printed number between two numbered pages (inferred), footers "Halaman N"', async () => {
    const { rep, findings } = await audit(report(RIGHT, { noFooterOn: [3], footer: (n) => `Halaman ${n}` }));
    expect(rep.printedPages?.find((p) => p.page === 5)).toEqual({ page: 5, number: 3, inferred: true });
    expect(findings.map((f) => f.message.id)).toEqual([]);
  });

  it('invalid: one contents page wrong → exactly that entry', async () => {
    const { findings } = await audit(report({ ...RIGHT, 'BAB III AKUNTABILITAS KINERJA': 5 }));
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.reported).toBe('BAB III AKUNTABILITAS KINERJA: halaman 5');
    expect(exp(f)).toContain('halaman 4 (judul "BAB III AKUNTABILITAS KINERJA" di halaman PDF 6');
    expect(f.where.page).toBe(2);
    expect(f.message.id).toContain('5 dari 6 entri');
  });

  it('valid: contents paginated otherwise (most entries apart, as in a re-rendered file) stay silent', async () => {
    const shifted = Object.fromEntries(Object.entries(RIGHT).map(([t, n]) => [t, n + 2]));
    const { findings } = await audit(report(shifted));
    expect(findings.map((f) => f.message.id)).toEqual([]);
  });

  it('valid: printed numbers not readable (no footers) stay silent', async () => {
    const { rep, findings } = await audit(report({ ...RIGHT, 'BAB III AKUNTABILITAS KINERJA': 5 }, { noFooterOn: [1, 2, 3, 4, 5, 6] }));
    expect(rep.printedPages ?? []).toEqual([]);
    expect(findings.map((f) => f.message.id)).toEqual([]);
  });
});

describe('printedPageNumbers', () => {
  const b = (text: string) => ({ text, at: 'bottom' as const });
  it('reads numbers increasing by one at the usual position, with any offset', () => {
    expect(printedPageNumbers([undefined, b('ii'), b('1'), b('2'), b('- 3 -'), b('4')])).toEqual([
      { page: 3, number: 1 },
      { page: 4, number: 2 },
      { page: 5, number: 3 },
      { page: 6, number: 4 },
    ]);
  });
  it('leaves out a number that does not follow its neighbours, and numbers at an unusual position', () => {
    expect(printedPageNumbers([b('1'), b('2'), b('7'), b('4'), b('5'), { text: '6', at: 'top' }]).map((p) => p.page)).toEqual([1, 2, 4, 5]);
  });
  it('reads nothing when few pages carry a number', () => {
    expect(printedPageNumbers([b('1'), b('2'), undefined, undefined, undefined, undefined, undefined])).toEqual([]);
  });
});
