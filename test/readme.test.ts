/** The README stays true: every rule is listed, the CSV header is the one the tool writes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/audit/rules/index.js';
import { CROSS_DOCUMENT_METAS } from '../src/audit/cross-document.js';
import { CSV_COLUMNS } from '../src/report/csv.js';
import { CategorySchema } from '../src/model/finding.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('lists every rule and every check across documents in the rule table, with its one category', () => {
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| ([a-z_]+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(rows.sort()).toEqual([...RULES.map((r) => r.meta), ...CROSS_DOCUMENT_METAS].map((m) => `${m.id} ${m.category}`).sort());
  });
  it('shows the exact CSV header and every category', () => {
    expect(readme).toContain('`' + CSV_COLUMNS.join(',') + '`');
    for (const c of CategorySchema.options) expect(readme).toContain(c);
  });
});
