/**
 * RuleTester in the spirit of ESLint's: each rule is tested on small reports written in the seeds'
 * layout (tab-separated tables, prose lines). `valid` cases must give no finding from the rule;
 * `invalid` cases must give exactly the listed findings (matched by messageId-free fields:
 * reported, expected, line, and optionally category/severity). Unfilled placeholders, unknown
 * message ids, duplicate cases and rules that modify the report are rejected.
 */
import { expect } from 'vitest';
import { runRules } from '../../src/audit/engine.js';
import { loadConfig } from '../../src/cli/config.js';
import { textToDocument } from '../../src/ingest/text.js';
import { formatTolerance } from '../../src/audit/format.js';
import { FindingSchema, type Finding } from '../../src/model/finding.js';
import type { Rule } from '../../src/model/rule.js';
import { parseReport } from '../../src/parse/index.js';
import { exp } from './expected.js';

export interface ExpectedFinding {
  line?: number;
  reported?: string;
  expected?: string;
  category?: Finding['category'];
  severity?: Finding['severity'];
  /** Substring of the Indonesian message. */
  messageIncludes?: string;
}

export interface InvalidCase {
  name: string;
  text: string;
  findings: ExpectedFinding[];
}

export interface ValidCase {
  name: string;
  text: string;
}

const config = loadConfig();

export function runRule(rule: Rule, text: string, file = 'kasus.txt'): Finding[] {
  return runEachRule([rule], text, file)[0]!;
}

/** Each rule run on its own over one parse of the text (the checks of runRule for each): its findings, per rule. */
export function runEachRule(rules: readonly Rule[], text: string, file = 'kasus.txt'): Finding[][] {
  const doc = textToDocument(file, text);
  const report = parseReport(doc, config);
  const before = JSON.stringify(report);
  return rules.map((rule) => {
    const findings = runRules(report, config, [rule]);
    if (JSON.stringify(report) !== before) throw new Error(`aturan ${rule.meta.id} mengubah model laporan`);
    for (const f of findings) {
      // a finding is data: it must validate against the schema (messageId, data, quantities, tolerance)
      FindingSchema.parse(f);
      if (f.category === 'structure_missing' && f.message.id.startsWith(`Aturan ${rule.meta.id} gagal`)) throw new Error(f.message.id);
      if (/\{\{/.test(f.message.id) || /\{\{/.test(f.message.en)) throw new Error(`placeholder tidak terisi: ${f.message.id}`);
    }
    return findings;
  });
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }, it: (name: string, fn: () => void) => void) {
  const names = new Set<string>();
  for (const c of [...cases.valid, ...cases.invalid]) {
    if (names.has(c.name)) throw new Error(`kasus ganda: ${c.name}`);
    names.add(c.name);
  }
  if (cases.valid.length === 0 || cases.invalid.length === 0) throw new Error(`${rule.meta.id}: butuh kasus valid dan invalid`);
  for (const c of cases.valid) {
    it(`valid: ${c.name}`, () => {
      const got = runRule(rule, c.text);
      expect(got.map((f) => `${f.where.line}: ${f.reported} → ${exp(f)}: ${f.message.id}`)).toEqual([]);
    });
  }
  for (const c of cases.invalid) {
    it(`invalid: ${c.name}`, () => {
      const got = runRule(rule, c.text);
      expect(got).toHaveLength(c.findings.length);
      c.findings.forEach((e, i) => {
        const f = got[i]!;
        if (e.line !== undefined) expect(f.where.line).toBe(e.line);
        if (e.reported !== undefined) expect(f.reported).toBe(e.reported);
        if (e.expected !== undefined) expect(exp(f)).toBe(e.expected);
        if (e.category !== undefined) expect(f.category).toBe(e.category);
        if (e.severity !== undefined) expect(f.severity).toBe(e.severity);
        if (e.messageIncludes !== undefined) expect(f.message.id).toContain(e.messageIncludes);
        expect(formatTolerance(f.tolerance, 'id')).not.toBe('');
        expect(formatTolerance(f.tolerance, 'en')).not.toBe('');
      });
    });
  }
}
