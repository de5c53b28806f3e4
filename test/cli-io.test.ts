/**
 * #19: run-time faults get plain messages. Every I/O error on `--out` or stdout is one Indonesian
 * line naming the path and the cause, exit 2, no stack trace; OCR temp files fall back to a folder
 * that exists when TMPDIR is missing; a file ended by --timeout says its row depends on machine speed.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, tempCandidates } from '../src/ingest/tempdir.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = path.join(ROOT, 'fixtures/seeds', readdirSync(path.join(ROOT, 'fixtures/seeds')).find((f) => f.startsWith('001_'))!);

function cli(args: string[], stdout: 'pipe' | number = 'pipe') {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/lkip-audit.js'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', stdout, 'pipe'] });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** One line, Indonesian, naming the path and the cause; no stack trace. */
function expectOneLine(stderr: string, where: string, cause: RegExp) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`tidak dapat menulis hasil ke ${where}`);
  expect(lines[0]).toMatch(cause);
  expect(stderr).not.toMatch(/\n\s+at |throw |Error:/);
}

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'lkip-io-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('output faults (#19)', () => {
  it.skipIf(!existsSync('/dev/full'))('stdout on a full device: one line, exit 2', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = cli(['audit', SEED, '--format', 'csv'], fd);
      expect(r.code).toBe(2);
      expectOneLine(r.stderr, 'keluaran standar (stdout)', /perangkat penuh \(ENOSPC\)/);
    } finally {
      closeSync(fd);
    }
  });
  it('--out under a path that is a file', () => {
    const file = path.join(tmp, 'berkas');
    writeFileSync(file, 'x');
    const out = path.join(file, 'hasil.csv');
    const r = cli(['audit', SEED, '--out', out]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, out, /bukan folder \((EEXIST|ENOTDIR)\)/);
  });
  it('--out through a dangling link', () => {
    const link = path.join(tmp, 'tautan');
    symlinkSync(path.join(tmp, 'tidak-ada'), link);
    const out = path.join(link, 'hasil.csv');
    const r = cli(['audit', SEED, '--out', out]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, out, /\((ENOENT|EEXIST|ENOTDIR)\)/);
  });
  it('--out that is a folder leaves no temporary file behind', () => {
    const folder = path.join(tmp, 'folder');
    mkdirSync(folder);
    const r = cli(['audit', SEED, '--out', folder]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, folder, /folder \(EISDIR\)/);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
  it('a file ended by --timeout says its row depends on the machine speed', () => {
    const r = cli(['audit', SEED, '--timeout', '0.001', '--concurrency', '1', '--no-progress']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bergantung pada kecepatan mesin');
  });
});

describe('temporary folders (#19)', () => {
  it('fall back to a folder that exists when TMPDIR is missing', async () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = path.join(tmp, 'tidak-ada', 'tmp');
    try {
      expect(tempCandidates()[0]).toBe(process.env.TMPDIR);
      const dir = await makeTempDir('lkip-test-');
      expect(statSync(dir).isDirectory()).toBe(true);
      expect(dir.startsWith(process.env.TMPDIR)).toBe(false);
      rmSync(dir, { recursive: true, force: true });
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
  it('name every folder tried when none can be written', async () => {
    await expect(makeTempDir('x-', [path.join(tmp, 'nope1'), path.join(tmp, 'nope2')])).rejects.toThrow(/nope1 \(ENOENT\), .*nope2 \(ENOENT\)/);
  });
});
