/** The README stays true: every rule is listed, the CSV header is the one the tool writes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/audit/rules/index.js';
import { CSV_COLUMNS } from '../src/report/csv.js';
import { CategorySchema } from '../src/model/finding.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('lists every rule in the rule table', () => {
    const listed = [...readme.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });
  it('shows the exact CSV header and every category', () => {
    expect(readme).toContain('`' + CSV_COLUMNS.join(',') + '`');
    for (const c of CategorySchema.options) expect(readme).toContain(c);
  });
});
