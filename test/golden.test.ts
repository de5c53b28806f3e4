/**
 * Golden files: per fixture report, the findings a reviewer has read and agrees with (test/golden/*.csv):
 * the seed text exports and their born-digital PDFs. This test fails whenever the audit output
 * changes; regenerate with `npm run golden:update` and review the diff like code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../src/audit/index.js';
import { loadConfig } from '../src/cli/config.js';
import { pdfToDocument } from '../src/ingest/pdf.js';
import { textToDocument } from '../src/ingest/text.js';
import { toCsv } from '../src/report/csv.js';

const config = loadConfig();
const seeds = readdirSync('fixtures/seeds').filter((f) => f.endsWith('.txt')).sort();
const pdfs = ['libreoffice', 'pdfkit'].flatMap((p) =>
  readdirSync(`fixtures/pdf/${p}`)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => ({ producer: p, name: f })),
);
const golden = (f: string) => readFileSync(`test/golden/${f}`, 'utf8');

describe('golden findings per fixture report', () => {
  it('has a golden file for every seed and every born-digital PDF', () => {
    expect(readdirSync('test/golden').filter((f) => f.endsWith('.csv')).sort()).toEqual(
      [...seeds.map((s) => s.replace(/\.txt$/, '.csv')), ...pdfs.map((p) => `pdf-${p.producer}-${p.name.replace(/\.pdf$/, '.csv')}`)].sort(),
    );
  });
  it.each(seeds)('%s', (name) => {
    const file = `fixtures/seeds/${name}`;
    const { findings } = auditDocument(textToDocument(file, readFileSync(file, 'utf8')), config);
    expect(toCsv(findings, 'id')).toBe(golden(name.replace(/\.txt$/, '.csv')));
  });
  it.each(pdfs)('$producer/$name', async ({ producer, name }) => {
    const file = `fixtures/pdf/${producer}/${name}`;
    const { findings } = auditDocument(await pdfToDocument(file, new Uint8Array(readFileSync(file))), config);
    expect(toCsv(findings, 'id')).toBe(golden(`pdf-${producer}-${name.replace(/\.pdf$/, '.csv')}`));
  });
});
