// Debug helper: list the tables the parser finds in a text export.
import { readFileSync } from 'node:fs';
import { textToDocument } from '../src/ingest/text.js';
import { findSections, findTables } from '../src/parse/structure.js';
import { loadConfig } from '../src/cli/config.js';
const cfg = loadConfig();
for (const f of process.argv.slice(2)) {
  const doc = textToDocument(f, readFileSync(f, 'utf8'));
  const secs = findSections(doc, cfg);
  console.log('##', f);
  for (const s of secs) console.log('  section', s.kind, s.startLine, s.endLine, s.title.slice(0, 50));
  for (const t of findTables(doc, secs, cfg)) console.log(`  ${t.id.padEnd(14)} ${t.kind.padEnd(17)} ${t.section.padEnd(12)} L${t.startLine}-${t.endLine} rows=${t.rows.length} parts=${t.parts.length} | ${t.columns.join(' | ').slice(0, 110)}`);
}
