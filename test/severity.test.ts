/**
 * Severity and category come from the rule's meta and the configuration (rules.<id>: severity,
 * messages.<messageId>), never from a single problem: the meta is sound, the resolution order holds,
 * and a configured message changes only that message's findings on a real seed report.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CROSS_DOCUMENT_METAS } from '../src/audit/cross-document.js';
import { messageSeverity } from '../src/audit/engine.js';
import { auditDocument } from '../src/audit/index.js';
import { RULES } from '../src/audit/rules/index.js';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import { ConfigSchema, type Config } from '../src/model/config.js';
import { CategorySchema, SeveritySchema, type Finding } from '../src/model/finding.js';

const SEV = { info: 0, warning: 1, error: 2 } as const;
const base = loadConfig();

describe('message meta', () => {
  // the rules and the checks across documents, which are configured alike
  const metas = [...RULES.map((r) => r.meta), ...CROSS_DOCUMENT_METAS];
  const messages = metas.flatMap((meta) => Object.entries(meta.messages).map(([id, m]) => [`${meta.id}/${id}`, meta, m] as const));
  it('some messages declare their own severity (the ones that used to sit in payloads); one rule, one category: no message declares its own', () => {
    expect(messages.filter(([, , m]) => m.severity).length).toBeGreaterThan(10);
    // the survey and sasaran relations are rules of their own, and so are the checks across documents on targets and citations;
    // a message has no category field at all (the type has none), and every rule's category is a valid one
    expect(messages.filter(([, , m]) => 'category' in m).map(([k]) => k)).toEqual([]);
    for (const meta of metas) expect(CategorySchema.safeParse(meta.category).success).toBe(true);
    expect(CROSS_DOCUMENT_METAS.map((m) => `${m.id} ${m.category} ${Object.keys(m.messages).join(',')}`)).toEqual([
      'cross-document cross_table_mismatch ikuFormula,realisation',
      'cross-document-target target_drift target',
      'cross-document-citation reference_mismatch citationYear',
    ]);
    // every rule and check has its own id, and each messageId of the checks across documents belongs to one of them
    expect(new Set(metas.map((m) => m.id)).size).toBe(metas.length);
    const crossIds = CROSS_DOCUMENT_METAS.flatMap((m) => Object.keys(m.messages));
    expect(new Set(crossIds).size).toBe(crossIds.length);
  });
  it.each(messages.filter(([, , m]) => m.severity))('%s: a valid severity milder than the rule default', (_, meta, m) => {
    expect(SeveritySchema.safeParse(m.severity).success).toBe(true);
    // a message default at or above the rule's would never show (the rule's severity caps it)
    expect(SEV[m.severity!]).toBeLessThan(SEV[meta.defaultSeverity]);
  });
});

describe('resolution order', () => {
  const drift = RULES.find((r) => r.meta.id === 'target-drift')!.meta;
  it('message default under the rule default', () => {
    expect(drift.defaultSeverity).toBe('error');
    expect(messageSeverity(drift, 'value')).toBe('error');
    expect(messageSeverity(drift, 'unit')).toBe('warning');
  });
  it('a configured rule severity caps every message, a milder message default stays', () => {
    expect(messageSeverity(drift, 'value', { severity: 'warning' })).toBe('warning');
    expect(messageSeverity(drift, 'unit', { severity: 'info' })).toBe('info');
    expect(messageSeverity(drift, 'unit', { severity: 'error' })).toBe('warning');
  });
  it('a configured message severity sets that message, over the rule setting', () => {
    expect(messageSeverity(drift, 'unit', { severity: 'info', messages: { unit: 'error' } })).toBe('error');
    expect(messageSeverity(drift, 'value', { messages: { unit: 'info' } })).toBe('error');
  });
});

describe('config', () => {
  it('rejects a bad message severity and unknown keys of a rule setting, naming the key', () => {
    const bad = ConfigSchema.safeParse({ rules: { 'target-drift': { messages: { unit: 'fatal' } } } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path.join('.')).toBe('rules.target-drift.messages.unit');
    const typo = ConfigSchema.safeParse({ rules: { 'target-drift': { severty: 'info' } } });
    expect(typo.success).toBe(false);
    expect(typo.error!.issues[0]!.path.join('.')).toBe('rules.target-drift');
  });
});

describe('a configured message on a seed report', () => {
  const file = 'fixtures/seeds/001_52d9b2e308fc893f.txt';
  const text = readFileSync(file, 'utf8');
  const run = (rules: Config['rules']): Finding[] => auditDocument(textToDocument(file, text), ConfigSchema.parse({ ...base, rules })).findings;
  const before = run({});
  const key = (f: Finding) => `${f.ruleId}|${f.messageId}|${f.where.line}|${f.reported}|${f.message.id}`;

  it('the seed has trend-claim findings of two messages with different defaults', () => {
    expect(before.filter((f) => f.messageId === 'trend' && f.ruleId === 'trend-claim').map((f) => f.severity)).toEqual(['error', 'error', 'error', 'error']);
    expect(new Set(before.filter((f) => f.messageId === 'trendFlat').map((f) => f.severity))).toEqual(new Set(['warning']));
  });
  it('messages.trend: info changes the trend findings only', () => {
    const after = run({ 'trend-claim': { enabled: true, messages: { trend: 'info' } } });
    expect(after.map(key)).toEqual(before.map(key));
    after.forEach((f, i) => {
      const b = before[i]!;
      if (f.ruleId === 'trend-claim' && f.messageId === 'trend') expect(f.severity).toBe('info');
      else expect(f).toEqual(b);
    });
  });
  it('severity: warning on the rule caps trend, leaves trendFlat and other rules alone', () => {
    const after = run({ 'trend-claim': { enabled: true, severity: 'warning' } });
    after.forEach((f, i) => {
      const b = before[i]!;
      if (f.ruleId === 'trend-claim') expect(f.severity).toBe('warning');
      else expect(f).toEqual(b);
    });
  });
});
