/**
 * Batch bench: generates a corpus of N text reports from the seeds (scripts/make-bench-corpus.ts,
 * into a temp dir), audits it end to end with the real CLI (`bin/lkip-audit.js audit DIR`) at
 * concurrency 1 and 2, and prints reports/second, the speed-up and the peak RSS of the whole CLI
 * process (main thread + worker threads: one process), and its CPU time (all threads) and the cores
 * it actually got (CPU s / wall s: below the concurrency when other processes compete for the
 * cores). Also checks that both runs wrote byte-identical CSV.
 *
 *   npx tsx bench/batch.ts [--n 1000] [--concurrency 1,2] [--repeat 1] [--pool thread|process] [--keep] [--readme]
 *
 * The CLI runs with the launcher's V8 flags (bin/v8-flags.js; LKIP_AUDIT_V8_FLAGS="" for V8's defaults),
 * passed here directly so that the measured process is the one that audits.
 *
 * --readme rewrites the figures between the bench markers in README.md ("Batch and benchmarks").
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { makeCorpus } from '../scripts/make-bench-corpus.js';
import { V8_FLAGS } from '../bin/v8-flags.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (k: string) => {
  const i = process.argv.indexOf(k);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('--n') ?? 1000);
const LEVELS = (arg('--concurrency') ?? '1,2').split(',').map(Number);
/** Passes over all levels, alternating; the table keeps each level's fastest pass (least disturbed by other load). */
const REPEAT = Number(arg('--repeat') ?? 1);
/** Worker pool kind passed to the CLI (LKIP_AUDIT_POOL): thread (default) or process. */
const POOL = arg('--pool');

// Peak RSS of the CLI process, written at exit by a preloaded probe (worker threads share the process).
const PROBE =
  'data:text/javascript,' +
  encodeURIComponent(
    'import fs from "node:fs"; process.on("exit", () => { if (process.env.LKIP_RSS_FILE) { const u = process.resourceUsage(); fs.writeFileSync(process.env.LKIP_RSS_FILE, JSON.stringify({ maxRSS: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 })); } });',
  );

interface Run {
  concurrency: number;
  seconds: number;
  perSecond: number;
  peakMb: number;
  /** CPU seconds of the whole process (all threads). */
  cpu: number;
  csvBytes: number;
  csv: Buffer;
}

/** Samples the RSS of a process and its descendants (Linux /proc), and the CPU time of the descendants. */
class TreeSampler {
  peakBytes = 0;
  private readonly childCpu = new Map<number, number>();
  private readonly tick = 100; // USER_HZ
  constructor(private readonly pid: number) {}
  private children(pid: number): number[] {
    try {
      return readdirSync(`/proc/${pid}/task`).flatMap((t) =>
        readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
      );
    } catch {
      return [];
    }
  }
  sample(): void {
    let total = 0;
    const visit = (pid: number, isChild: boolean) => {
      try {
        total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
        if (isChild) {
          const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
          this.childCpu.set(pid, (Number(f[11]) + Number(f[12])) / this.tick);
        }
      } catch {
        return;
      }
      for (const k of this.children(pid)) visit(k, true);
    };
    visit(this.pid, false);
    this.peakBytes = Math.max(this.peakBytes, total);
  }
  childCpuSeconds(): number {
    return [...this.childCpu.values()].reduce((a, b) => a + b, 0);
  }
}

/**
 * Control: the same fixed CPU loop in 1 and then 2 worker threads. On an otherwise idle 2-core
 * machine 2 threads take as long as 1 (speed-up ≈ 2); when other processes hold the cores it drops
 * toward 1, and no batch can do better than that at the same moment.
 */
async function control(): Promise<number> {
  const code = 'let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; require("node:worker_threads").parentPort.postMessage(x);';
  const time = async (n: number) => {
    const t = process.hrtime.bigint();
    await Promise.all(Array.from({ length: n }, () => new Promise((resolve) => new Worker(code, { eval: true }).once('message', resolve))));
    return Number(process.hrtime.bigint() - t) / 1e9;
  };
  const one = await time(1);
  const two = await time(2);
  return (2 * one) / two;
}

const t0 = Date.now();
const dir = makeCorpus({ n: N, seed: 1 });
process.stderr.write(`corpus: ${N} reports in ${dir} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);

const all: Run[] = [];
const controls: number[] = [];
try {
  for (let pass = 0; pass < REPEAT; pass++) {
    controls.push(await control());
    process.stderr.write(`control: a CPU loop in 2 threads ran ${controls.at(-1)!.toFixed(2)}× the work of 1 thread per second\n`);
    for (const c of LEVELS) {
    const out = path.join(dir, `..`, `${path.basename(dir)}-c${c}.csv`);
    const rssFile = path.join(dir, '..', `${path.basename(dir)}-c${c}.rss`);
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [...V8_FLAGS, '--import', PROBE, path.join(ROOT, 'bin/lkip-audit.js'), 'audit', dir, '--out', out, '--concurrency', String(c), '--no-progress'], {
      cwd: ROOT,
      env: { ...process.env, LKIP_RSS_FILE: rssFile, ...(POOL ? { LKIP_AUDIT_POOL: POOL } : {}) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const tree = new TreeSampler(child.pid!);
    const timer = setInterval(() => tree.sample(), 50);
    const [code] = (await once(child, 'exit')) as [number | null];
    clearInterval(timer);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (code !== 0) throw new Error(`audit at concurrency ${c} exited ${code}`);
    const csv = readFileSync(out);
    const probe = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpu: number };
    // Worker threads live in the CLI process (probe); worker processes are its children (sampled).
    const peakMb = Math.max(probe.maxRSS / 1024, tree.peakBytes / 1024 / 1024);
    const cpu = probe.cpu + tree.childCpuSeconds();
    all.push({ concurrency: c, seconds, perSecond: N / seconds, peakMb, cpu, csvBytes: csv.length, csv });
    process.stderr.write(`concurrency ${c}: ${seconds.toFixed(1)} s, ${(N / seconds).toFixed(1)} reports/s, CPU ${cpu.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB\n`);
    rmSync(out, { force: true });
    rmSync(rssFile, { force: true });
    }
  }
} finally {
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}

const runs = LEVELS.map((c) => {
  const mine = all.filter((r) => r.concurrency === c);
  const best = mine.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...best, peakMb: Math.max(...mine.map((r) => r.peakMb)) };
});
const base = runs[0]!;
const identical = all.every((r) => r.csv.equals(base.csv));
const rows = runs.map(
  (r) =>
    `| ${r.concurrency} | ${N} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(1)} | ${(base.seconds / r.seconds).toFixed(2)}× | ${r.cpu.toFixed(1)} | ${(r.cpu / r.seconds).toFixed(2)} | ${r.peakMb.toFixed(0)} |`,
);
const table = [
  '| concurrency | reports | wall s | reports/s | speed-up | CPU s | cores used | peak RSS (MB) |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows,
].join('\n');
const load = os.loadavg()[0]!.toFixed(1);
const machine = `pool: ${POOL ?? 'thread'}, V8 flags: ${V8_FLAGS.join(' ') || 'none'}; ${os.availableParallelism()} cores, ${os.cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}; 1-min load average at the end ${load}`;
const controlText = ` Control at the same time (a pure CPU loop in 2 threads vs 1): ${controls.map((x) => `${x.toFixed(2)}×`).join(', ')}, the ceiling for any speed-up then.`;
const passes = REPEAT > 1 ? ` Fastest of ${REPEAT} alternating passes per level (peak RSS: the highest).` : '';
const summary = `${table}\n\n${passes ? passes.trim() + ' ' : ''}CSV byte-identical across concurrency levels: ${identical ? 'yes' : 'NO'} (${base.csvBytes.toLocaleString('en-US')} bytes). Machine: ${machine}.${controlText}`;
process.stdout.write(`\n${summary}\n`);

if (process.argv.includes('--readme')) {
  const readme = path.join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:batch:start -->';
  const end = '<!-- bench:batch:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error('README.md has no bench markers');
  writeFileSync(readme, `${text.slice(0, a + start.length)}\n${summary}\n${text.slice(b)}`);
  process.stderr.write('README.md updated\n');
}
if (!identical) {
  // Show where they part (the sources may also have been edited between the two runs).
  for (const r of runs.slice(1)) {
    const a = base.csv.toString('utf8').split('\n');
    const b = r.csv.toString('utf8').split('\n');
    const i = a.findIndex((line, k) => line !== b[k]);
    process.stderr.write(`first difference, line ${i + 1}:\n  c=${base.concurrency}: ${a[i]}\n  c=${r.concurrency}: ${b[i]}\n`);
  }
  process.exitCode = 1;
}
