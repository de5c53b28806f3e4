import { describe, expect, it } from 'vitest';
import { stripInline, textToDocument } from '../src/ingest/text.js';

describe('text ingest', () => {
  it('keeps line numbers and splits tab-separated rows into cells', () => {
    const d = textToDocument('a.txt', 'judul\n\nNO\tPROGRAM\tPAGU\n1\tProgram A\t1.000\n');
    expect(d.lines.map((l) => [l.line, l.cells?.map((c) => c.text) ?? null])).toEqual([
      [1, null],
      [2, null],
      [3, ['NO', 'PROGRAM', 'PAGU']],
      [4, ['1', 'Program A', '1.000']],
      [5, null],
    ]);
  });
  it('reads Markdown pipe tables and drops the separator row', () => {
    const d = textToDocument('a.md', '| NO | PAGU |\n|---|---|\n| 1 | 2.000 |\n');
    expect(d.lines.filter((l) => l.cells).map((l) => [l.line, l.cells!.map((c) => c.text)])).toEqual([
      [1, ['NO', 'PAGU']],
      [3, ['1', '2.000']],
    ]);
  });
  it('reads HTML tables with colspan, one line per row, at the line of its <tr>', () => {
    const html = '<table>\n<tr><th colspan="2">TARGET</th></tr>\n<tr><td><b>93</b></td><td>80%</td></tr>\n</table>';
    const d = textToDocument('a.txt', html);
    expect(d.lines.map((l) => [l.line, l.cells?.map((c) => c.text)])).toEqual([
      [2, ['TARGET', '']],
      [3, ['93', '80%']],
    ]);
  });
  it('keeps Markdown heading levels and drops dash separator rows', () => {
    const d = textToDocument('a.md', '## BAB II\n--\t--\t----\n');
    expect(d.lines[0]).toMatchObject({ line: 1, text: 'BAB II', heading: 2 });
    expect(d.lines).toHaveLength(2);
  });
  it('strips inline markup', () => {
    expect(stripInline('<b>Jumlah</b> **Rp. 3.000**')).toBe('Jumlah Rp. 3.000');
    expect(stripInline('<ul><li>- Seksi A</li><li>- Seksi B</li></ul>')).toBe('- Seksi A - Seksi B');
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { auditDocument } from '../src/audit/index.js';
import { loadConfig } from '../src/cli/config.js';
import type { Finding } from '../src/model/finding.js';

describe('text ingest never discards text (#20)', () => {
  const config = loadConfig();
  const seedName = readdirSync('fixtures/seeds').find((f) => f.startsWith('000_') && f.endsWith('.txt'))!;
  const seed = readFileSync(`fixtures/seeds/${seedName}`, 'utf8');
  const seedLines = seed.split('\n');
  const audit = (text: string) => auditDocument(textToDocument('x.txt', text), config).findings;
  /** A finding with its line numbers (fields and "baris N" / "line N" in texts) moved back over a line inserted at `at`. */
  const key = (f: Finding, at: number) => {
    const line = (n: number) => (n > at ? n - 1 : n);
    const moved = { ...f, where: { ...f.where, line: line(f.where.line) }, related: f.related.map((r) => ({ ...r, line: line(r.line) })) };
    return JSON.stringify(moved).replace(/\b(baris|line) (\d+)/g, (_, w: string, n: string) => `${w} ${line(Number(n))}`);
  };
  it('a literal <table> in a sentence after the Bab III heading changes no finding (lines shift by one)', () => {
    // the Bab III heading of the body (the last one: the first is in the table of contents)
    const heading = seedLines.map((l, i) => ({ l, i })).filter(({ l }) => /^BAB III\b/i.test(l.trim())).pop()!.i;
    const variant = [...seedLines.slice(0, heading + 1), 'Rincian capaian disajikan pada <table> berikut.', ...seedLines.slice(heading + 1)].join('\n');
    const base = audit(seed);
    const got = audit(variant);
    expect(base.length).toBeGreaterThan(5);
    expect(got.map((f) => key(f, heading + 1))).toEqual(base.map((f) => key(f, Number.MAX_SAFE_INTEGER)));
    const line = textToDocument('x.txt', variant).lines.find((l) => l.line === heading + 2)!;
    expect(line.text).toBe('Rincian capaian disajikan pada berikut.');
  });

  it('a file that starts with an unclosed <table> gives its findings, not "no text"', () => {
    const base = audit(seed);
    const got = audit('<table>\n' + seed);
    expect(got.map((f) => key(f, 1))).toEqual(base.map((f) => key(f, Number.MAX_SAFE_INTEGER)));
  });

  it('an unclosed HTML table keeps its rows, gives back the text after them, and says so once', () => {
    const text = ['<table>', '<tr><td>NO</td><td>PAGU</td></tr>', '<tr><td>1</td><td>2.000</td></tr>', 'Teks sesudah tabel.', 'Baris berikutnya.'].join('\n');
    const d = textToDocument('a.txt', text);
    expect(d.lines.map((l) => [l.line, l.cells?.map((c) => c.text) ?? l.text])).toEqual([
      [2, ['NO', 'PAGU']],
      [3, ['1', '2.000']],
      [4, 'Teks sesudah tabel.'],
      [5, 'Baris berikutnya.'],
    ]);
    expect(d.input!.notes).toHaveLength(1);
    expect(d.input!.notes[0]!.line).toBe(1);
    const f = auditDocument(d, config).findings.filter((x) => x.ruleId === 'input-coverage');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.message.id).toContain('tidak ditutup');
  });

  it('keeps text before <table> and after </table> on the same line, and captions', () => {
    const d = textToDocument('a.txt', 'Tabel 3.1<table><caption>Capaian</caption><tr><td>a</td><td>b</td></tr></table> sumber: BPS');
    expect(d.lines.map((l) => l.text)).toEqual(['Tabel 3.1', 'Capaian', 'a\tb', 'sumber: BPS']);
    expect(d.input!.notes).toEqual([]);
  });

  it('a cell may run over several lines; a nested <table> breaks the outer one off', () => {
    const d = textToDocument('a.txt', '<table><tr><td>Program\nPelayanan</td><td>1</td></tr>\n<table>\n<tr><td>x</td><td>y</td></tr>\n</table>');
    expect(d.lines.filter((l) => l.cells).map((l) => l.cells!.map((c) => c.text))).toEqual([
      ['Program Pelayanan', '1'],
      ['x', 'y'],
    ]);
    expect(d.input!.notes).toHaveLength(1);
  });

  it('is linear in the file size: 40,000 lines after an unclosed tag', () => {
    const body = Array.from({ length: 40000 }, (_, i) => (i % 3 ? `Kalimat ke-${i} tentang capaian.` : `<tr><td>${i}</td><td>${i * 2}</td></tr>`));
    for (const text of ['<table>\n' + body.join('\n'), 'awal <table> tengah\n' + body.join('\n'), '<table>\n<tr><td>a\n' + body.join('\n')]) {
      const t0 = performance.now();
      const d = textToDocument('a.txt', text);
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(d.lines.length).toBeGreaterThan(26000);
    }
  });

  it('a single-cell pipe line is text, a two-cell one is a row', () => {
    const d = textToDocument('a.md', '| catatan |\n| a | b |');
    expect(d.lines.map((l) => l.cells?.length ?? null)).toEqual([null, 2]);
  });

  it('accounts for its input: lines read and lines not used', () => {
    const d = textToDocument('a.txt', 'judul\n\nNO\tPAGU\n1\t2.000\n');
    expect(d.input).toEqual({ unit: 'line', read: 3, unused: 0, notes: [] });
  });
});

describe('an audit whose input was mostly unused says so (#20)', () => {
  it('gives one warning when most pages gave no text', async () => {
    const { ingestFindings } = await import('../src/audit/index.js');
    const { accountPages } = await import('../src/ingest/files.js');
    const doc = accountPages({ file: 'scan.pdf', format: 'pdf', pageCount: 10, lines: [{ page: 1, line: 1, text: 'BAB I', cells: null }] });
    expect(doc.input).toMatchObject({ unit: 'page', read: 10, unused: 9 });
    const f = ingestFindings(doc);
    expect(f).toHaveLength(1);
    expect(f[0]!.message.id).toContain('9 dari 10 halaman');
    expect(ingestFindings(accountPages({ ...doc, input: undefined, pageCount: 1 }))).toEqual([]);
  });
});
