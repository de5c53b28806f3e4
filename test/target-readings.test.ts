/** Target readings live on the facts of their cells (Fact.targets): none is left without a fact. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import { targetReadings } from '../src/parse/facts.js';
import { parseReport } from '../src/parse/index.js';

const config = loadConfig();
const parse = (file: string) => parseReport(textToDocument(file, readFileSync(file, 'utf8')), config);
const files = ['fixtures/seeds', 'fixtures/synthetic', 'fixtures/corpus'].flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => `${d}/${f}`));

describe('target readings on facts', () => {
  it.each(files)('%s: every target reading is held by the fact of its cell', (file) => {
    const r = parse(file);
    expect(r.layouts.flatMap((l) => l.undecided).filter((u) => /tanpa fakta di selnya/.test(u))).toEqual([]);
    for (const t of targetReadings(r)) {
      expect(t.fact.src.line).toBe(t.value.src.line);
      expect(t.fact.src.table).toBe(t.table);
    }
  });
  it('a merged Renstra cell holding the targets of three indicators gives one fact with three readings (000, line 855)', () => {
    const r = parse('fixtures/seeds/000_c0a7f8c5d5d194b0.txt');
    const f = r.facts.find((x) => x.src.line === 855 && x.year === 2022 && x.measure === 'target')!;
    expect(f.value.raw).toBe('93 80% 100%');
    expect(f.targets?.map((t) => `${t.source} ${t.year} ${t.value.raw}`)).toEqual(['renstra_lampiran 2022 93', 'renstra_lampiran 2022 80%', 'renstra_lampiran 2022 100%']);
    expect(new Set(f.targets?.map((t) => t.indicatorId)).size).toBe(3);
  });
  it('a yearless PK target column is read as the year of the report', () => {
    const r = parse('fixtures/seeds/001_52d9b2e308fc893f.txt');
    const f = r.facts.find((x) => x.src.line === 484 && x.measure === 'target')!;
    expect(f.year).toBeNull();
    expect(f.targets?.map((t) => `${t.source} ${t.year}`)).toEqual(['pk 2024']);
  });
});
