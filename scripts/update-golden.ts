// Regenerates test/golden/*.csv from the current audit: one per seed text and one per born-digital
// PDF fixture. Review every diff like code before committing.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { auditDocument } from '../src/audit/index.js';
import { loadConfig } from '../src/cli/config.js';
import { pdfToDocument } from '../src/ingest/pdf.js';
import { textToDocument } from '../src/ingest/text.js';
import { toCsv } from '../src/report/csv.js';

const config = loadConfig();
for (const name of readdirSync('fixtures/seeds').filter((f) => f.endsWith('.txt')).sort()) {
  const file = `fixtures/seeds/${name}`;
  const { findings } = auditDocument(textToDocument(file, readFileSync(file, 'utf8')), config);
  writeFileSync(`test/golden/${name.replace(/\.txt$/, '.csv')}`, toCsv(findings, 'id'));
  console.log(`${name}: ${findings.length} findings`);
}
for (const producer of ['libreoffice', 'pdfkit']) {
  for (const name of readdirSync(`fixtures/pdf/${producer}`).filter((f) => f.endsWith('.pdf')).sort()) {
    const file = `fixtures/pdf/${producer}/${name}`;
    const doc = await pdfToDocument(file, new Uint8Array(readFileSync(file)));
    const { findings } = auditDocument(doc, config);
    writeFileSync(`test/golden/pdf-${producer}-${name.replace(/\.pdf$/, '.csv')}`, toCsv(findings, 'id'));
    console.log(`${producer}/${name}: ${findings.length} findings`);
  }
}
