/**
 * The zod schemas describe the model the parser really builds: the model of every fixture report
 * (seeds, corpus excerpts, the synthetic report, the born-digital PDFs) validates against
 * LkipReportSchema, facts and table layouts included.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/cli/config.js';
import { pdfToDocument } from '../src/ingest/pdf.js';
import { textToDocument } from '../src/ingest/text.js';
import { LkipReportSchema } from '../src/model/report.js';
import { parseReport } from '../src/parse/index.js';

const config = loadConfig();
const texts = ['fixtures/seeds', 'fixtures/corpus', 'fixtures/synthetic'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `${d}/${f}`),
);
const pdfs = ['libreoffice', 'pdfkit'].flatMap((p) =>
  readdirSync(`fixtures/pdf/${p}`)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => `fixtures/pdf/${p}/${f}`),
);

function validate(report: unknown) {
  const r = LkipReportSchema.safeParse(report);
  return r.success ? [] : r.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the model of every fixture validates against its zod schema', () => {
  it.each(texts)('%s', (file) => {
    const report = parseReport(textToDocument(file, readFileSync(file, 'utf8')), config);
    expect(validate(report)).toEqual([]);
    if (file.includes('/seeds/') && !file.includes('002_')) expect(report.facts.length).toBeGreaterThan(20);
  });
  it.each(pdfs)('%s', async (file) => {
    const report = parseReport(await pdfToDocument(file, new Uint8Array(readFileSync(file))), config);
    expect(validate(report)).toEqual([]);
  });
});
