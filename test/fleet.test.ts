/**
 * The batch on a BullMQ/Redis fleet (issue 14), for real: Debian's redis-server on a random
 * loopback port, two `lkip-audit worker` processes, and `lkip-audit audit --queue` over the seeds,
 * PDF fixtures, a scanned fixture (OCR) and hostile files. The worker that starts the scanned file
 * is killed with SIGKILL mid-job; BullMQ's stalled-job check hands the job to the other worker, and
 * the CSV equals the local `lkip-audit audit` CSV byte for byte. Submitting again is served from the
 * cache (no job runs again). Redis killed mid-run: exit 2, one clear Indonesian line, no output.
 * Skipped (saying so) when /usr/bin/redis-server is absent (.ci/run installs it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { V8_FLAGS } from '../bin/v8-flags.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REDIS = '/usr/bin/redis-server';
const HAVE_REDIS = existsSync(REDIS);
if (!HAVE_REDIS) console.warn(`test/fleet.test.ts skipped: ${REDIS} is absent (apt-get install redis-server)`);
const BIN = path.join(ROOT, 'bin/lkip-audit.js');
const SCANNED = '001_52d9b2e308fc893f.pdf'; // the smallest scan (3 pages); its first page is used here

async function freePort(): Promise<number> {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  await once(srv, 'close');
  return port;
}

interface Redis {
  proc: ChildProcess;
  url: string;
}
const servers: Redis[] = [];
async function startRedis(): Promise<Redis> {
  const port = await freePort();
  const proc = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  proc.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  const t0 = Date.now();
  while (!log.includes('Ready to accept connections')) {
    if (Date.now() - t0 > 10_000 || proc.exitCode !== null) throw new Error(`redis-server did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const r = { proc, url: `redis://127.0.0.1:${port}` };
  servers.push(r);
  return r;
}

/** A CLI process without the launcher's restart (V8 flags given here), so SIGKILL hits the process that audits. */
function startCli(args: string[]) {
  const proc = spawn(process.execPath, [...V8_FLAGS, BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  proc.stdout!.on('data', (d: Buffer) => (out.stdout += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = once(proc, 'exit').then(([code]) => code as number | null);
  return { proc, out, exited };
}
const workers: ReturnType<typeof startCli>[] = [];

let tmp = '';
let inputs: string[] = [];
let local = '';

beforeAll(async () => {
  if (!HAVE_REDIS) return;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'lkip-fleet-'));
  const dir = path.join(tmp, 'nasional');
  mkdirSync(dir);
  const seeds = path.join(ROOT, 'fixtures/seeds');
  for (const f of ['000_c0a7f8c5d5d194b0.txt', '001_52d9b2e308fc893f.txt', '002_7587a3434a2185f0.txt', '003_0f39aaca0575dd68.txt', '004_9ed3a231d27ded37.txt']) copyFileSync(path.join(seeds, f), path.join(dir, f));
  copyFileSync(path.join(ROOT, 'fixtures/pdf/libreoffice/004_9ed3a231d27ded37.pdf'), path.join(dir, 'lo-004.pdf'));
  copyFileSync(path.join(ROOT, 'fixtures/pdf/pdfkit/002_7587a3434a2185f0.pdf'), path.join(dir, 'pk-002.pdf'));
  copyFileSync(path.join(ROOT, 'fixtures/pdf/invalid/encrypted.pdf'), path.join(dir, 'terkunci.pdf'));
  // one page of the scan (OCR takes seconds per page): an image-only PDF, copied with pdf-lib
  const { PDFDocument } = await import('pdf-lib');
  const scan = await PDFDocument.load(readFileSync(path.join(ROOT, 'fixtures/scanned', SCANNED)));
  const page = await PDFDocument.create();
  const [first] = await page.copyPages(scan, [0]);
  page.addPage(first!);
  writeFileSync(path.join(dir, `pindaian-${SCANNED}`), await page.save({ useObjectStreams: false }));
  // the same content under a second name: its own rows (the file column), audited once per name
  copyFileSync(path.join(seeds, '002_7587a3434a2185f0.txt'), path.join(dir, 'salinan-002.txt'));
  writeFileSync(path.join(dir, 'kosong.txt'), '');
  const bin = Buffer.alloc(4096);
  for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919) % 256;
  writeFileSync(path.join(dir, 'biner.dat'), bin);
  writeFileSync(path.join(dir, 'laporan.docx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]));
  writeFileSync(path.join(dir, 'terpotong.pdf'), '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1');
  writeFileSync(path.join(dir, 'besar.txt'), 'LAPORAN KINERJA\n'.repeat(Math.ceil((11 * 1024 * 1024) / 16)));
  inputs = [dir, path.join(tmp, 'tidak-ada.txt')];
  const r = spawnSync(process.execPath, [BIN, 'audit', ...inputs], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  local = r.stdout;
}, 180_000);

afterAll(async () => {
  for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
  for (const s of servers) if (s.proc.exitCode === null && s.proc.signalCode === null) {
    s.proc.kill('SIGKILL');
    await once(s.proc, 'exit');
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!HAVE_REDIS)('audit --queue on a BullMQ/Redis fleet', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await startRedis();
  });

  it('two workers, one SIGKILLed mid-job: the CSV equals the local run byte for byte, exit 0', async () => {
    for (let i = 0; i < 2; i++) workers.push(startCli(['worker', '--queue', redis.url, '--concurrency', '1', '--lock-timeout', '2']));
    const submit = startCli(['audit', ...inputs, '--queue', redis.url]);
    // kill the worker that starts the scanned file (OCR: seconds of work) while it reads it
    const t0 = Date.now();
    let victim: (typeof workers)[number] | undefined;
    while (!victim) {
      victim = workers.find((w) => w.out.stderr.includes(`mulai ${path.join(tmp, 'nasional', `pindaian-${SCANNED}`)}`));
      if (Date.now() - t0 > 120_000 || submit.proc.exitCode !== null) throw new Error(`no worker started the scanned file:\n${workers.map((w) => w.out.stderr).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(victim.out.stderr).not.toContain(`selesai ${path.join(tmp, 'nasional', `pindaian-${SCANNED}`)}`);
    victim.proc.kill('SIGKILL');
    const code = await submit.exited;
    expect(submit.out.stderr).toBe('');
    expect(code).toBe(0);
    expect(submit.out.stdout).toBe(local);
    // the survivor audited the scanned file after the stalled-job check gave it the job
    const survivor = workers.find((w) => w !== victim)!;
    expect(survivor.out.stderr).toContain(`selesai ${path.join(tmp, 'nasional', `pindaian-${SCANNED}`)}`);
    // every hostile file is one input-error row, as locally
    const rows = submit.out.stdout.trimEnd().split('\n').slice(1);
    for (const f of ['kosong.txt', 'biner.dat', 'laporan.docx', 'terpotong.pdf', 'terkunci.pdf', 'besar.txt']) {
      expect(rows.filter((r) => r.startsWith(path.join(tmp, 'nasional', f) + ',')), f).toHaveLength(1);
    }
    expect(rows.filter((r) => r.startsWith(path.join(tmp, 'tidak-ada.txt') + ','))[0]).toContain('tidak ditemukan');
  }, 300_000);

  it('submitting the same inputs again is served from the cache: the same bytes, no job runs again', async () => {
    const survivor = workers.find((w) => w.proc.exitCode === null && w.proc.signalCode === null)!;
    const before = survivor.out.stderr;
    const out = path.join(tmp, 'lagi.csv');
    const again = startCli(['audit', ...inputs, '--queue', redis.url, '--out', out]);
    expect(await again.exited).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(local);
    expect(survivor.out.stderr.slice(before.length)).not.toContain('mulai ');
  }, 60_000);

  it('--queue-name: a queue of its own on the same Redis, served only by workers of that name', async () => {
    const own = await startRedis();
    const port = new URL(own.url).port;
    const keys = (pattern: string) => spawnSync('/usr/bin/redis-cli', ['-p', port, '--scan', '--pattern', pattern], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
    const seeds = ['000_c0a7f8c5d5d194b0.txt', '004_9ed3a231d27ded37.txt'].map((f) => path.join(tmp, 'nasional', f));
    const alone = spawnSync(process.execPath, [BIN, 'audit', ...seeds], { cwd: ROOT, encoding: 'utf8' });
    expect(alone.status, alone.stderr).toBe(0);
    const worker = startCli(['worker', '--queue', own.url, '--queue-name', 'pemda-a', '--concurrency', '1']);
    workers.push(worker);
    const submit = startCli(['audit', ...seeds, '--queue', own.url, '--queue-name', 'pemda-a']);
    expect(await submit.exited, submit.out.stderr).toBe(0);
    expect(submit.out.stdout).toBe(alone.stdout);
    expect(worker.out.stderr).toContain(`siap: antrean pemda-a di ${own.url}`);
    for (const f of seeds) expect(worker.out.stderr).toContain(`selesai ${f}`);
    expect(keys('bull:pemda-a:*').length).toBeGreaterThan(0);
    expect(keys('bull:lkip-audit:*')).toEqual([]);
    worker.proc.kill('SIGTERM');
    await worker.exited;
    // a name BullMQ cannot use, or --queue-name without --queue: exit 2, one line
    const bad = spawnSync(process.execPath, [BIN, 'audit', seeds[0]!, '--queue', own.url, '--queue-name', 'a:b'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('nama antrean tidak sah: "a:b"');
    const lone = spawnSync(process.execPath, [BIN, 'audit', seeds[0]!, '--queue-name', 'pemda-a'], { cwd: ROOT, encoding: 'utf8' });
    expect(lone.status).toBe(2);
    expect(lone.stderr).toContain('--queue-name hanya berlaku dengan --queue');
  }, 120_000);

  it('Redis lost mid-run: exit 2 with one Indonesian line, no CSV written (neither --out nor stdout)', async () => {
    const lonely = await startRedis(); // no worker: the jobs wait
    const out = path.join(tmp, 'putus.csv');
    const run = startCli(['audit', ...inputs, '--queue', lonely.url, '--out', out]);
    const piped = startCli(['audit', ...inputs, '--queue', lonely.url]);
    // mid-run: both have connected and submitted (the jobs wait for a worker that never comes)
    const port = new URL(lonely.url).port;
    const t0 = Date.now();
    const waiting = () => Number(spawnSync('/usr/bin/redis-cli', ['-p', port, 'llen', 'bull:lkip-audit:wait'], { encoding: 'utf8' }).stdout.trim()) || 0;
    while (waiting() === 0) {
      if (Date.now() - t0 > 60_000) throw new Error('no job reached the queue');
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 2000));
    lonely.proc.kill('SIGKILL');
    const [a, b] = await Promise.all([run.exited, piped.exited]);
    expect(a).toBe(2);
    expect(b).toBe(2);
    for (const r of [run, piped]) {
      expect(r.out.stderr).toMatch(/^lkip-audit: koneksi ke Redis \(redis:\/\/127\.0\.0\.1:\d+\) terputus: audit dihentikan, tidak ada hasil yang ditulis/);
      expect(r.out.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.out.stderr).not.toMatch(/\n\s+at /);
    }
    expect(piped.out.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.${run.proc.pid}.tmp`)).toBe(false);
  }, 60_000);

  it('an address that is not redis:// or where no Redis runs: exit 2, clear message', async () => {
    const bad = spawnSync(process.execPath, [BIN, 'audit', inputs[0]!, '--queue', 'http://127.0.0.1:1'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('alamat antrean harus redis://HOST:PORT');
    const port = await freePort();
    const none = spawnSync(process.execPath, [BIN, 'worker', '--queue', `redis://127.0.0.1:${port}`], { cwd: ROOT, encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(`tidak dapat terhubung ke Redis di redis://127.0.0.1:${port}`);
  }, 60_000);
});
