/** The audit of a seed report (fixtures/seeds/<seed>.txt), once per test file, and a finding looked up in it. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { auditDocument } from '../../src/audit/index.js';
import { loadConfig } from '../../src/cli/config.js';
import { textToDocument } from '../../src/ingest/text.js';
import type { Finding } from '../../src/model/finding.js';
import { exp } from './expected.js';

export const config = loadConfig();
const cache = new Map<string, ReturnType<typeof auditDocument>>();

export function auditSeed(seed: string): ReturnType<typeof auditDocument> {
  const file = `fixtures/seeds/${seed}.txt`;
  if (!cache.has(file)) cache.set(file, auditDocument(textToDocument(file, readFileSync(file, 'utf8')), config));
  return cache.get(file)!;
}

/** Asserts the seed has a finding of `rule` on `line` whose reported and expected values match; returns it. */
export function has(seed: string, rule: string, line: number, reported: RegExp, expected: RegExp): Finding {
  const all = auditSeed(seed).findings;
  const f = all.find((x) => x.ruleId === rule && x.where.line === line && reported.test(x.reported) && expected.test(exp(x)));
  expect(f, `${rule} ${seed}:${line} ${reported} → ${expected}\n${all.filter((x) => x.ruleId === rule).map((x) => `${x.where.line}: ${x.reported} → ${exp(x)}`).join('\n')}`).toBeDefined();
  return f!;
}
