/**
 * A consistent report written in the seeds' layout gives no finding; breaking one number in it gives
 * exactly the findings that number deserves (and nothing else).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../src/audit/index.js';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import { exp } from './helpers/expected.js';

const config = loadConfig();
const base = readFileSync(new URL('../fixtures/synthetic/konsisten.txt', import.meta.url), 'utf8');

function audit(text: string) {
  return auditDocument(textToDocument('konsisten.txt', text), config).findings;
}

/** Replace `from` by `to` on one line (1-based), failing loudly when the line does not hold it. */
function mutate(line: number, from: string, to: string): string {
  const lines = base.split('\n');
  const l = lines[line - 1]!;
  if (!l.includes(from)) throw new Error(`line ${line} does not contain ${from}`);
  lines[line - 1] = l.replace(from, to);
  return lines.join('\n');
}

describe('synthetic consistent report', () => {
  it('gives no finding at all', () => {
    expect(audit(base).map((f) => `${f.ruleId} ${f.where.line}: ${f.message.id}`)).toEqual([]);
  });

  const cases: { name: string; line: number; from: string; to: string; want: string[] }[] = [
    { name: 'program %', line: 89, from: '90,00%', to: '91,00%', want: ['budget-percentage 89 91,00% → 90,00%'] },
    { name: 'PK target', line: 49, from: '\t90', to: '\t92', want: ['target-drift 49 92 → 90'] },
    { name: 'Renstra target of the report year', line: 43, from: '88\t90', to: '88\t91', want: ['target-drift 43 91 → 90'] },
    { name: 'predicate in the text', line: 26, from: 'tergolong Sangat Memuaskan', to: 'tergolong Memuaskan', want: ['predicate 26 Memuaskan → Sangat Memuaskan'] },
    { name: 'stated average', line: 69, from: '95,00%', to: '96,00%', want: ['average 69 96,00% → 95,00%'] },
    {
      name: 'grand total realisation (the total is off from its programs, and its % from its own amounts)',
      line: 98,
      from: '275.000.000',
      to: '276.000.000',
      want: ['budget-percentage 98 91,67% → 92,00%', 'budget-sum 98 276.000.000 → 275.000.000'],
    },
  ];
  for (const c of cases) {
    it(`breaking ${c.name} gives exactly its finding`, () => {
      const got = audit(mutate(c.line, c.from, c.to)).map((f) => `${f.ruleId} ${f.where.line} ${f.reported} → ${exp(f)}`);
      expect(got).toEqual(c.want);
    });
  }
});
