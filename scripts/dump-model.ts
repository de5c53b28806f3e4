// Debug helper: summary of the parsed model of a text export.
import { readFileSync } from 'node:fs';
import { textToDocument } from '../src/ingest/text.js';
import { parseReport } from '../src/parse/index.js';
import { countLevels } from '../src/parse/budget.js';
import { targetReadings } from '../src/parse/facts.js';
import { loadConfig } from '../src/cli/config.js';
const cfg = loadConfig();
for (const f of process.argv.slice(2)) {
  const r = parseReport(textToDocument(f, readFileSync(f, 'utf8')), cfg);
  console.log('##', f, 'year', r.meta.year, r.meta.agency, 'cap', r.meta.capRuleStated, 'scale', r.scale?.name, r.scale?.bands.map((b) => `${b.label}>=${b.min}`).join(','));
  for (const b of r.budgets) console.log('  budget', b.table, b.kind, JSON.stringify(countLevels(b)), 'total', b.total?.pagu?.raw, b.notes.length);
  for (const i of r.indicators) console.log('  ind', i.id, i.name.slice(0, 60), '|', i.aliases.map((a) => a.match).join(','));
  for (const t of targetReadings(r)) console.log('  tgt', t.indicatorId, t.year, t.source.padEnd(16), t.value.raw.padEnd(12), t.table);
  for (const m of r.measurements) console.log('  meas', m.indicatorId, m.kind, m.table, m.target.raw, '|', m.realisasi.raw, '|', m.capaian.raw);
  for (const a of r.averages) console.log('  avg', a.table, a.stated.raw, 'over', a.over.map((x) => x.raw).join(' / '));
  for (const p of r.predicates) console.log('  pred', p.origin, p.capaian.raw, '→', p.label, 'L' + p.src.line);
}
