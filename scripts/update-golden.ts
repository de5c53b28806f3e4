// Regenerates test/golden/<seed>.csv from the current audit. Review every diff like code before committing.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { auditDocument } from '../src/audit/index.js';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import { toCsv } from '../src/report/csv.js';

const config = loadConfig();
for (const name of readdirSync('fixtures/seeds').filter((f) => f.endsWith('.txt')).sort()) {
  const file = `fixtures/seeds/${name}`;
  const { findings } = auditDocument(textToDocument(file, readFileSync(file, 'utf8')), config);
  writeFileSync(`test/golden/${name.replace(/\.txt$/, '.csv')}`, toCsv(findings, 'id'));
  console.log(`${name}: ${findings.length} findings`);
}
