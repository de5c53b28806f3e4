/**
 * Golden files: per seed, the findings a reviewer has read and agrees with (test/golden/*.csv).
 * This test fails whenever the audit output changes; regenerate with `npm run golden:update`
 * and review the diff like code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../src/audit/index.js';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import { toCsv } from '../src/report/csv.js';

const config = loadConfig();
const seeds = readdirSync('fixtures/seeds').filter((f) => f.endsWith('.txt')).sort();

describe('golden findings per seed', () => {
  it('has a golden file for every seed', () => {
    expect(readdirSync('test/golden').filter((f) => f.endsWith('.csv')).sort()).toEqual(seeds.map((s) => s.replace(/\.txt$/, '.csv')));
  });
  it.each(seeds)('%s', (name) => {
    const file = `fixtures/seeds/${name}`;
    const { findings } = auditDocument(textToDocument(file, readFileSync(file, 'utf8')), config);
    expect(toCsv(findings, 'id')).toBe(readFileSync(`test/golden/${name.replace(/\.txt$/, '.csv')}`, 'utf8'));
  });
});
