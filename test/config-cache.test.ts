/**
 * src/cli/config-cache.ts: the validated configuration reused by later starts of the bundled CLI
 * (LKIP_AUDIT_CODE_ID, set by bin/lkip-audit.js). What comes from the cache must be exactly what
 * validation gives; an edited file or other code is validated again; an invalid file is never cached.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfigCached } from '../src/cli/config-cache.js';
import { loadConfig } from '../src/cli/config.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, 'node_modules/.cache/lkip-audit');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lkip-config-cache-'));
const entries = () => (existsSync(CACHE) ? readdirSync(CACHE).filter((f) => /^config-[0-9a-f]+\.json$/.test(f)) : []);
const before = new Set(entries());
const saved = process.env.LKIP_AUDIT_CODE_ID;

afterEach(() => {
  if (saved === undefined) delete process.env.LKIP_AUDIT_CODE_ID;
  else process.env.LKIP_AUDIT_CODE_ID = saved;
});
afterAll(() => {
  // only the entries this test wrote
  for (const f of entries()) if (!before.has(f)) rmSync(path.join(CACHE, f), { force: true });
  rmSync(tmp, { recursive: true, force: true });
});

describe('configuration cache', () => {
  it('without the launcher nothing is cached', async () => {
    delete process.env.LKIP_AUDIT_CODE_ID;
    expect(await loadConfigCached()).toStrictEqual(loadConfig());
    expect(entries().filter((f) => !before.has(f))).toEqual([]);
  });

  it('a cached configuration is exactly the validated one; an edit or other code validates again', async () => {
    delete process.env.LKIP_AUDIT_CODE_ID;
    const user = path.join(tmp, 'user.yaml');
    writeFileSync(user, 'rules:\n  budget-sum:\n    enabled: false\n');
    const fresh = loadConfig(user);

    process.env.LKIP_AUDIT_CODE_ID = `test-${process.pid}-a`;
    expect(await loadConfigCached(user)).toStrictEqual(fresh); // validated, then written
    const written = entries().filter((f) => !before.has(f));
    expect(written).toHaveLength(1);
    expect(await loadConfigCached(user)).toStrictEqual(fresh); // read back from the cache
    expect(entries().filter((f) => !before.has(f))).toEqual(written);
    expect(await loadConfigCached()).toStrictEqual(loadConfig());

    writeFileSync(user, 'rules:\n  budget-sum:\n    severity: info\n');
    const edited = await loadConfigCached(user);
    expect(edited).toStrictEqual(loadConfig(user));
    expect(edited.rules['budget-sum']).toEqual({ enabled: true, severity: 'info' });

    process.env.LKIP_AUDIT_CODE_ID = `test-${process.pid}-b`;
    const before2 = entries().length;
    expect(await loadConfigCached(user)).toStrictEqual(edited);
    expect(entries().length).toBe(before2 + 1);
  });

  it('an invalid configuration is never cached: it fails with its message every time', async () => {
    process.env.LKIP_AUDIT_CODE_ID = `test-${process.pid}-c`;
    const bad = path.join(tmp, 'bad.yaml');
    writeFileSync(bad, 'rules:\n  budget-sum:\n    severity: fatal\n');
    const n = entries().length;
    for (let i = 0; i < 2; i++) await expect(loadConfigCached(bad)).rejects.toThrow(ConfigError);
    expect(entries().length).toBe(n);
  });
});
