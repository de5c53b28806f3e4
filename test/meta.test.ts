/** Every rule has an id, docs in both languages, messages, a test file, and the registry is sorted. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/audit/rules/index.js';
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
});
