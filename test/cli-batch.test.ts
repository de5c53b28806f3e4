/**
 * The `audit` command end to end, through the real CLI (bin/lkip-audit.js → tsx → worker threads):
 * a folder of seeds plus broken files audits to completion with one error row per bad file; exit
 * codes follow --fail-on; output is byte-identical at concurrency 1 and 2 and equals the in-process
 * CSV; the Excel variant; formats; per-file timeout; configuration errors. Bad files (including
 * the 30 MB text file) are generated into a temp dir here, never committed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossDocumentFindings } from '../src/audit/cross-document.js';
import { auditFile } from '../src/cli/audit-file.js';
import { loadConfig } from '../src/cli/config.js';
import { expandGlob, expandPaths } from '../src/cli/inputs.js';
import { CSV_COLUMNS, toCsv } from '../src/report/csv.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED_DIR = path.join(ROOT, 'fixtures/seeds');
const SEEDS = readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort();
const BAD = ['besar.txt', 'biner.dat', 'kosong.txt', 'laporan.docx', 'terpotong.pdf'];

function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/lkip-audit.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp = '';
let dir = '';

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'lkip-cli-'));
  dir = path.join(tmp, 'kabupaten');
  mkdirSync(dir);
  for (const f of SEEDS) copyFileSync(path.join(SEED_DIR, f), path.join(dir, f));
  writeFileSync(path.join(dir, 'kosong.txt'), '');
  const bin = Buffer.alloc(4096);
  for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919) % 256;
  writeFileSync(path.join(dir, 'biner.dat'), bin);
  writeFileSync(
    path.join(dir, 'terpotong.pdf'),
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 200 >>\nstream\nBT /F1 12 Tf 72 712 Td (LAPORAN KINERJA',
  );
  writeFileSync(path.join(dir, 'laporan.docx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]));
  // 30 MB of report-like text: a seed repeated.
  const seed = readFileSync(path.join(SEED_DIR, SEEDS[0]!), 'utf8');
  writeFileSync(path.join(dir, 'besar.txt'), seed.repeat(Math.ceil((30 * 1024 * 1024) / seed.length)));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const rowsOf = (csv: string) => csv.trimEnd().split('\n').slice(1);

let c1: ReturnType<typeof cli>;
let c2: ReturnType<typeof cli>;
let c1Rows = 0;
beforeAll(() => {
  c1 = cli(['audit', dir, '--concurrency', '1', '--fail-on', 'error']);
  c2 = cli(['audit', dir, '--concurrency', '2', '--fail-on', 'error']);
  c1Rows = rowsOf(c1.stdout).length;
}, 120_000);

describe('audit over a folder with broken files', () => {

  it('completes, with exactly one input-error row per bad file and findings for the seeds', () => {
    expect(c1.stderr).toBe('');
    const rows = rowsOf(c1.stdout);
    for (const bad of BAD) {
      const mine = rows.filter((r) => r.startsWith(path.join(dir, bad) + ','));
      expect(mine, bad).toHaveLength(1);
      expect(mine[0], bad).toContain(',input-error,unreadable_value,error,');
    }
    for (const seed of SEEDS) expect(rows.some((r) => r.startsWith(path.join(dir, seed) + ',')), seed).toBe(true);
    expect(rows.filter((r) => r.includes(',input-error,'))).toHaveLength(BAD.length);
  });

  it('gives each bad file a clear Indonesian reason', () => {
    const reason = (f: string) => rowsOf(c1.stdout).find((r) => r.startsWith(path.join(dir, f) + ','))!;
    expect(reason('kosong.txt')).toContain('Berkas kosong');
    expect(reason('terpotong.pdf')).toContain('Berkas PDF terpotong atau rusak');
    expect(reason('laporan.docx')).toContain('dokumen Word (.docx)');
    expect(reason('biner.dat')).toContain('Jenis berkas tidak didukung');
    expect(reason('besar.txt')).toContain('Berkas terlalu besar untuk sebuah laporan');
  });

  it('exit code follows --fail-on (1 with findings at the threshold)', () => {
    expect(c1.code).toBe(1);
  });

  it('the process pool (LKIP_AUDIT_POOL=process) writes the same bytes', () => {
    const p = cli(['audit', dir, '--concurrency', '2', '--fail-on', 'error'], { env: { LKIP_AUDIT_POOL: 'process' } });
    expect(p.code).toBe(1);
    expect(p.stdout).toBe(c1.stdout);
  });

  it('is byte-identical at concurrency 1 and 2, and equal to the in-process CSV', async () => {
    expect(c2.code).toBe(1);
    expect(c2.stdout).toBe(c1.stdout);
    const config = loadConfig();
    const files = await expandPaths([dir]);
    const findings = [];
    const summaries = [];
    for (const f of files) {
      const r = await auditFile(f, config, { summary: true });
      findings.push(...r.findings);
      if (r.summary) summaries.push(r.summary);
    }
    // the checks across documents come after every file's own rows (seeds 000 and 002 are one agency's)
    const cross = crossDocumentFindings(summaries, config.rules);
    expect(cross.length).toBeGreaterThan(0);
    expect(c1.stdout).toBe(toCsv([...findings, ...cross], 'id'));
  });
});

describe('audit: outputs and options', () => {
  it('--excel writes a BOM, ";" separators, CRLF and the same header; --fail-on never exits 0', () => {
    const out = path.join(tmp, 'excel.csv');
    const r = cli(['audit', dir, '--excel', '--fail-on', 'never', '--out', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS.join(';'));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n')).toHaveLength(c1Rows + 2);
    expect(r.stderr).toMatch(/10 berkas diaudit \(5 tidak dapat diaudit\): \d+ galat, \d+ peringatan/);
  });

  it('--format json and sarif describe the same findings; --lang en', async () => {
    const files = [path.join(SEED_DIR, SEEDS[0]!), path.join(dir, 'kosong.txt')];
    const config = loadConfig();
    let n = 0;
    for (const f of files) n += (await auditFile(f, config)).findings.length;
    const json = JSON.parse(cli(['audit', ...files, '--format', 'json']).stdout);
    expect(json.summary.files).toBe(2);
    expect(json.summary.failed).toBe(1);
    expect(json.results.flatMap((r: { findings: unknown[] }) => r.findings)).toHaveLength(n);
    const sarif = JSON.parse(cli(['audit', ...files, '--format', 'sarif', '--lang', 'en']).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(n);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toContain('The file is empty');
  });

  it('a lone file (audited in the CLI process, no worker thread) gives the rows the batch gave it; its time limit gives the same row', () => {
    const seed = path.join(dir, SEEDS[0]!);
    const lone = cli(['audit', seed]);
    expect(lone.code).toBe(0);
    const header = c1.stdout.split('\n')[0]!;
    expect(lone.stdout).toBe([header, ...rowsOf(c1.stdout).filter((r) => r.startsWith(`${seed},`))].join('\n') + '\n');
    const late = cli(['audit', seed, '--timeout', '0.001']);
    expect(late.code).toBe(0);
    expect(rowsOf(late.stdout)).toEqual([`${seed},,,,,,,input-error,unreadable_value,error,timeout,,,"Audit berkas melebihi batas waktu 0,001 detik dan dihentikan; baris ini bergantung pada kecepatan mesin (dengan --timeout lebih longgar atau mesin lebih cepat berkas ini mungkin selesai diaudit): ${seed}"`]);
  });

  it('a per-file timeout makes a timeout row per file and the batch still finishes', () => {
    const r = cli(['audit', path.join(SEED_DIR, SEEDS[0]!), path.join(SEED_DIR, SEEDS[1]!), '--timeout', '0.001', '--concurrency', '1']);
    expect(r.code).toBe(0);
    const rows = rowsOf(r.stdout);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toContain('melebihi batas waktu 0,001 detik');
  });

  it('a file stopped at the time limit costs its worker; the files already handed to that worker are audited by the next one', () => {
    // ~6 MB of report text takes far longer than 3 s; the seeds queued behind it on the same
    // (single) worker must still be audited normally
    const seed = readFileSync(path.join(SEED_DIR, SEEDS[0]!), 'utf8');
    const slow = path.join(tmp, 'lambat.txt');
    writeFileSync(slow, seed.repeat(Math.ceil((6 * 1024 * 1024) / seed.length)));
    const r = cli(['audit', slow, path.join(SEED_DIR, SEEDS[1]!), path.join(SEED_DIR, SEEDS[3]!), '--timeout', '3', '--concurrency', '1']);
    expect(r.code).toBe(0);
    const rows = rowsOf(r.stdout);
    const of = (f: string) => rows.filter((row) => row.startsWith(f));
    expect(of(slow)).toHaveLength(1);
    expect(of(slow)[0]).toContain('melebihi batas waktu 3 detik');
    for (const f of [SEEDS[1]!, SEEDS[3]!]) {
      const mine = of(path.join(SEED_DIR, f));
      expect(mine.length).toBeGreaterThan(3);
      expect(mine.join('\n')).not.toContain('input-error');
    }
  }, 60_000);

  it('bad arguments exit 2', () => {
    expect(cli(['audit', 'fixtures/seeds', '--concurrency', '0']).code).toBe(2);
    expect(cli(['audit', 'fixtures/seeds', '--format', 'json', '--excel']).code).toBe(2);
  });
});

describe('configuration (rules/*.yaml, --config) and `rules`', () => {
  it('`rules` lists every rule with its documentation, and shows config overrides', () => {
    const r = cli(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^budget-sum {2}\[sum_mismatch, error\]\n {2}\S/m);
    const cfg = path.join(tmp, 'off.yaml');
    writeFileSync(cfg, 'rules:\n  budget-sum:\n    enabled: false\n  capaian:\n    severity: warning\n');
    const r2 = cli(['rules', '--config', cfg]);
    expect(r2.stdout).toContain('budget-sum  [sum_mismatch, error, nonaktif]');
    expect(r2.stdout).toContain('capaian  [capaian_mismatch, warning]');
  });
  it('`rules` shows each message\'s resolved severity (message config > rule cap > message default)', () => {
    expect(cli(['rules']).stdout).toContain('  pesan: narrative warning, value error, unit warning\n');
    const cfg = path.join(tmp, 'msg.yaml');
    writeFileSync(cfg, 'rules:\n  target-drift:\n    severity: info\n    messages:\n      value: error\n');
    expect(cli(['rules', '--config', cfg]).stdout).toContain('  pesan: narrative info, value error, unit info\n');
  });
  it('the checks across documents are configured like rules, one category each: their messages are listed and a messageId is checked', () => {
    const out = cli(['rules']).stdout;
    expect(out).toMatch(/^cross-document {2}\[cross_table_mismatch, error\]\n.*\n {2}pesan: ikuFormula error, realisation error\n/m);
    expect(out).toMatch(/^cross-document-target {2}\[target_drift, error\]\n.*\n {2}pesan: target error\n/m);
    expect(out).toMatch(/^cross-document-citation {2}\[reference_mismatch, warning\]\n.*\n {2}pesan: citationYear warning\n/m);
    const cfg = path.join(tmp, 'cross.yaml');
    writeFileSync(cfg, 'rules:\n  cross-document:\n    severity: warning\n    messages:\n      realisation: info\n  cross-document-citation:\n    messages:\n      citationYear: error\n');
    const configured = cli(['rules', '--config', cfg]).stdout;
    expect(configured).toContain('  pesan: ikuFormula warning, realisation info\n');
    // each its own: cross-document's severity no longer caps the target check; the citation check's message setting raises it
    expect(configured).toMatch(/^cross-document-target {2}\[target_drift, error\]\n.*\n {2}pesan: target error\n/m);
    expect(configured).toMatch(/^cross-document-citation {2}\[reference_mismatch, warning\]\n.*\n {2}pesan: citationYear error\n/m);
    const bad = path.join(tmp, 'cross-bad.yaml');
    writeFileSync(bad, 'rules:\n  cross-document:\n    messages:\n      targets: info\n');
    const r = cli(['rules', '--config', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rules.cross-document.messages.targets');
    expect(r.stderr).toContain('ikuFormula, realisation');
    // a configuration written before the split: the file, the key and where the message went
    const old = path.join(tmp, 'cross-old.yaml');
    writeFileSync(old, 'rules:\n  cross-document:\n    messages:\n      target: info\n      citationYear: error\n');
    const o = cli(['rules', '--config', old]);
    expect(o.code).toBe(2);
    expect(o.stderr).toContain(`${old}: rules.cross-document.messages.target: messageId tidak dikenal; yang tersedia: ikuFormula, realisation; pesan ini kini milik aturan tersendiri: tulis rules.cross-document-target.messages.target`);
  });

  it('--config layers a user file: a disabled rule gives no findings', () => {
    const cfg = path.join(tmp, 'nosum.yaml');
    writeFileSync(cfg, 'rules:\n  budget-sum:\n    enabled: false\n');
    const seed = path.join(dir, SEEDS[0]!);
    expect(c1.stdout).toContain(`${seed},`);
    expect(c1.stdout).toContain(',budget-sum,');
    const r = cli(['audit', seed, '--config', cfg]);
    expect(r.stdout).toContain(`${seed},`);
    expect(r.stdout).not.toContain(',budget-sum,');
  });

  it.each([
    ['rules:\n  budget-sum:\n    severity: fatal\n', 'rules.budget-sum.severity', /"error"\|"warning"\|"info"/],
    ['tolerances:\n  shareSumPoints: -1\n', 'tolerances.shareSumPoints', />=0/],
    ['rules:\n  budget-summ:\n    enabled: false\n', 'rules.budget-summ', /aturan tidak dikenal; yang tersedia: .*budget-sum/],
    ['rules:\n  budget-sum:\n    messages:\n      parrent: info\n', 'rules.budget-sum.messages.parrent', /messageId tidak dikenal; yang tersedia: parent, parentMissing, parentText, total/],
    ['rules:\n  budget-sum:\n    messages:\n      parent: fatal\n', 'rules.budget-sum.messages.parent', /"error"\|"warning"\|"info"/],
    ])('a bad config exits 2 naming the file, the key and what is allowed (%#)', (yaml, key, allowed) => {
    const cfg = path.join(tmp, `bad-${key.replace(/\W/g, '')}.yaml`);
    writeFileSync(cfg, yaml);
    const r = cli(['audit', path.join(SEED_DIR, SEEDS[2]!), '--config', cfg]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Konfigurasi tidak sah: ${cfg}: ${key}:`);
    expect(r.stderr).toMatch(allowed);
  });
});

describe('inputs: folders and globs', () => {
  it('folders list every file (so unsupported ones become rows), skipping hidden and metadata files', async () => {
    const files = await expandPaths(['fixtures/seeds']);
    expect(files).toEqual(SEEDS.map((f) => path.join('fixtures/seeds', f)));
  });
  it('a glob that matches nothing stays as one input (an error row later)', async () => {
    expect(await expandPaths(['fixtures/seeds/nichts-*.txt', 'fixtures/seeds/*_9ed3*.txt'])).toEqual(['fixtures/seeds/004_9ed3a231d27ded37.txt', 'fixtures/seeds/nichts-*.txt']);
  });
  it('globs: *, ? and ** within the tree, sorted', async () => {
    expect(await expandGlob('fixtures/seeds/00?_*.txt')).toHaveLength(5);
    expect(await expandGlob('fixtures/**/konsisten.txt')).toEqual(['fixtures/synthetic/konsisten.txt']);
    expect(await expandGlob('fixtures/nothing/*.txt')).toEqual([]);
  });
});
