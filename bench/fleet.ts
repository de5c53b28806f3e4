/**
 * Fleet bench (issue 14): the batch on a BullMQ/Redis queue against the local batch, and one file
 * from the command line.
 *
 *   npx tsx bench/fleet.ts [--n 200] [--single 10] [--readme]
 *
 * - Corpus: N text reports from the seeds (scripts/make-bench-corpus.ts) plus the 10 born-digital
 *   PDF fixtures, in a temp dir (deleted afterwards).
 * - A private redis-server on a random 127.0.0.1 port (stopped at the end); `lkip-audit worker`
 *   processes on this machine (--concurrency 1 each), started and connected before the clock runs.
 * - Timed, each end to end with the real CLI (bin/lkip-audit.js): the local batch at concurrency 1
 *   and 2; the queue with 1 and 2 workers (Redis emptied before each, so every file is audited);
 *   the same submission again (served from the cache: no job runs). Every CSV must be
 *   byte-identical to the local one. Queue cost per file = (queue wall − local wall at the same
 *   parallelism) / files.
 * - One file: `lkip-audit audit <one seed>` (the launcher included) `--single` times; median wall
 *   and CPU, and a bare `node -e 0` at the same moments (the floor any Node CLI pays here).
 *
 * --readme rewrites the figures between the fleet bench markers in README.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { V8_FLAGS } from '../bin/v8-flags.js';
import { makeCorpus } from '../scripts/make-bench-corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/lkip-audit.js');
const arg = (k: string) => {
  const i = process.argv.indexOf(k);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('--n') ?? 200);
const SINGLE = Number(arg('--single') ?? 10);
const REDIS = '/usr/bin/redis-server';

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  await once(srv, 'close');
  return port;
}

/** Wall seconds and CPU seconds (the process and its waited-for children: getrusage via /usr/bin/time is not needed). */
async function timed(args: string[], opts: { flags?: boolean } = {}): Promise<{ wall: number; stdout: Buffer }> {
  const t = process.hrtime.bigint();
  const child = spawn(process.execPath, [...(opts.flags === false ? [] : V8_FLAGS), BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  child.stdout!.on('data', (d: Buffer) => chunks.push(d));
  const [code] = (await once(child, 'exit')) as [number | null];
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  if (code !== 0) throw new Error(`lkip-audit ${args.join(' ')} exited ${code}`);
  return { wall, stdout: Buffer.concat(chunks) };
}

/** One command as a user runs it (the launcher decides about restarting), with its CPU time (/proc of the children is summed by `time`). */
function timedCpu(cmd: string[]): { wall: number; cpu: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', ...cmd], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')}: ${r.stderr}`);
  const [wall, user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
  return { wall, cpu: user + sys };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = makeCorpus({ n: N, seed: 1 });
for (const producer of ['libreoffice', 'pdfkit']) {
  const src = path.join(ROOT, 'fixtures/pdf', producer);
  for (const f of readdirSync(src).filter((x) => x.endsWith('.pdf'))) copyFileSync(path.join(src, f), path.join(dir, `${producer}-${f}`));
}
const files = readdirSync(dir).length;
process.stderr.write(`corpus: ${files} files (${N} text reports, 10 PDFs) in ${dir}\n`);

const port = await freePort();
const url = `redis://127.0.0.1:${port}`;
const redis = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
let redisLog = '';
redis.stdout!.on('data', (d: Buffer) => (redisLog += d.toString()));
const workers: ReturnType<typeof spawn>[] = [];
const flush = () => spawnSync('/usr/bin/redis-cli', ['-p', String(port), 'flushall'], { encoding: 'utf8' });

async function startWorkers(n: number): Promise<void> {
  for (const w of workers.splice(0)) {
    w.kill('SIGTERM');
    await once(w, 'exit');
  }
  for (let i = 0; i < n; i++) {
    const w = spawn(process.execPath, [...V8_FLAGS, BIN, 'worker', '--queue', url, '--concurrency', '1'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    w.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    while (!log.includes('siap:')) {
      if (w.exitCode !== null) throw new Error(`worker exited: ${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    workers.push(w);
  }
}

const rows: string[] = [];
let identical = true;
let single = { wall: 0, cpu: 0, bare: 0, bareCpu: 0 };
try {
  while (!redisLog.includes('Ready to accept connections')) await new Promise((r) => setTimeout(r, 50));
  const local1 = await timed(['audit', dir, '--concurrency', '1', '--no-progress']);
  const local2 = await timed(['audit', dir, '--concurrency', '2', '--no-progress']);
  identical &&= local1.stdout.equals(local2.stdout);
  process.stderr.write(`local: c1 ${local1.wall.toFixed(1)} s, c2 ${local2.wall.toFixed(1)} s\n`);
  const queue: Record<number, number> = {};
  let cached = 0;
  for (const n of [1, 2]) {
    flush();
    await startWorkers(n);
    const q = await timed(['audit', dir, '--queue', url, '--no-progress']);
    identical &&= q.stdout.equals(local1.stdout);
    queue[n] = q.wall;
    process.stderr.write(`queue, ${n} worker(s): ${q.wall.toFixed(1)} s\n`);
    if (n === 2) {
      const again = await timed(['audit', dir, '--queue', url, '--no-progress']);
      identical &&= again.stdout.equals(local1.stdout);
      cached = again.wall;
      process.stderr.write(`queue again (cache): ${again.wall.toFixed(1)} s\n`);
    }
  }
  const per = (s: number) => `${(files / s).toFixed(1)}`;
  const cost = (q: number, l: number) => `${(((q - l) / files) * 1000).toFixed(0)} ms`;
  rows.push(
    '| run | files | wall s | files/s | queue cost per file |',
    '|---|---:|---:|---:|---:|',
    `| local batch, concurrency 1 | ${files} | ${local1.wall.toFixed(1)} | ${per(local1.wall)} | |`,
    `| local batch, concurrency 2 | ${files} | ${local2.wall.toFixed(1)} | ${per(local2.wall)} | |`,
    `| queue, 1 worker | ${files} | ${queue[1]!.toFixed(1)} | ${per(queue[1]!)} | ${cost(queue[1]!, local1.wall)} |`,
    `| queue, 2 workers | ${files} | ${queue[2]!.toFixed(1)} | ${per(queue[2]!)} | ${cost(queue[2]!, local2.wall)} |`,
    `| queue, same inputs again (cache) | ${files} | ${cached.toFixed(1)} | ${per(cached)} | |`,
  );

  for (const w of workers.splice(0)) {
    w.kill('SIGTERM');
    await once(w, 'exit');
  }
  // one file, as a user runs it (launcher included), alternating with a bare Node start
  const seed = path.join(ROOT, 'fixtures/seeds/000_c0a7f8c5d5d194b0.txt');
  timedCpu([process.execPath, BIN, 'audit', seed]); // the bundle is fresh (compiled above)
  const walls: number[] = [];
  const cpus: number[] = [];
  const bares: number[] = [];
  const bareCpus: number[] = [];
  for (let i = 0; i < SINGLE; i++) {
    const a = timedCpu([process.execPath, BIN, 'audit', seed, '--out', path.join(os.tmpdir(), `lkip-single-${process.pid}.csv`)]);
    walls.push(a.wall);
    cpus.push(a.cpu);
    const b = timedCpu([process.execPath, '-e', '0']);
    bares.push(b.wall);
    bareCpus.push(b.cpu);
  }
  rmSync(path.join(os.tmpdir(), `lkip-single-${process.pid}.csv`), { force: true });
  single = { wall: median(walls), cpu: median(cpus), bare: median(bares), bareCpu: median(bareCpus) };
  process.stderr.write(`one file: wall ${walls.join(' ')}; cpu ${cpus.map((c) => c.toFixed(2)).join(' ')}; bare node ${bares.join(' ')}\n`);
} finally {
  for (const w of workers) w.kill('SIGKILL');
  redis.kill('SIGKILL');
  await once(redis, 'exit').catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}

const load = os.loadavg()[0]!.toFixed(1);
const summary = `${rows.join('\n')}

CSV byte-identical (local c1, c2, queue 1 and 2 workers, cache): ${identical ? 'yes' : 'NO'}. One text report (\`lkip-audit audit\` of seed 000, 84 KB, launcher included; median of ${SINGLE}): **${single.wall.toFixed(2)} s** wall, ${single.cpu.toFixed(2)} s CPU; a bare \`node -e 0\` at the same moments ${single.bare.toFixed(2)} s wall, ${single.bareCpu.toFixed(2)} s CPU. Workers and Redis on this machine (${os.availableParallelism()} cores, ${os.cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}, redis-server 7); 1-min load average at the end ${load}.`;
process.stdout.write(`\n${summary}\n`);
if (process.argv.includes('--readme')) {
  const readme = path.join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:fleet:start -->';
  const end = '<!-- bench:fleet:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error('README.md has no fleet bench markers');
  writeFileSync(readme, `${text.slice(0, a + start.length)}\n${summary}\n${text.slice(b)}`);
  process.stderr.write('README.md updated\n');
}
if (!identical) process.exitCode = 1;
