/** Every rule has an id, docs in both languages, messages, a test file, and the registry is sorted. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/audit/rules/index.js';
import { CROSS_DOCUMENT_METAS } from '../src/audit/cross-document.js';
import { CategorySchema } from '../src/model/finding.js';

describe('rule registry', () => {
  it('is sorted by id with unique ids', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });
  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s has docs, messages, a valid category and a test file', (id, r) => {
    expect(r.meta.docs.id.length).toBeGreaterThan(40);
    expect(r.meta.docs.en.length).toBeGreaterThan(40);
    expect(Object.keys(r.meta.messages).length).toBeGreaterThan(0);
    expect(CategorySchema.safeParse(r.meta.category).success).toBe(true);
    expect(existsSync(`test/rules/${id}.test.ts`), `test/rules/${id}.test.ts`).toBe(true);
  });
  // the checks across documents: meta like a rule's, ids of their own beside the rules' (their tests: test/review-cycle.test.ts)
  it.each(CROSS_DOCUMENT_METAS.map((m) => [m.id, m] as const))('%s (across documents) has docs, messages in both languages and a valid category', (id, m) => {
    expect(RULES.some((r) => r.meta.id === id)).toBe(false);
    expect(m.docs.id.length).toBeGreaterThan(40);
    expect(m.docs.en.length).toBeGreaterThan(40);
    expect(Object.keys(m.messages).length).toBeGreaterThan(0);
    for (const msg of Object.values(m.messages)) expect([msg.id.length > 0, msg.en.length > 0]).toEqual([true, true]);
    expect(CategorySchema.safeParse(m.category).success).toBe(true);
  });
});
