/**
 * Start-up bench (issue 14, "one text report audited from the CLI in under 0.8 s"): the real CLI
 * (bin/lkip-audit.js, launcher included) as a user runs it, in fresh processes.
 *
 *   npx tsx bench/startup.ts [--runs 10] [--readme]
 *
 * Four commands, run in turn (so a busy moment hits all of them alike), after one warm-up each
 * (which also compiles the bundle and caches the configuration, as any first run does):
 *  - `node -e 0`: Node's own start, the floor of any Node CLI on this machine;
 *  - `lkip-audit --help`: + the launcher, the bundle freshness check and loading the CLI's modules;
 *  - `lkip-audit audit` of a three-line text file: + the configuration and the audit's fixed costs;
 *  - `lkip-audit audit` of seed 000 (84 KB, the largest seed): + reading and auditing a real report.
 * Each: median and minimum over --runs of wall time and CPU time (user + system, from GNU time when
 * /usr/bin/time exists). On a shared machine wall times follow the neighbours: the minimum and the
 * CPU time say more about the tool than the median then.
 *
 * --readme rewrites the figures between the start-up bench markers in README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/lkip-audit.js');
const arg = (k: string) => {
  const i = process.argv.indexOf(k);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg('--runs') ?? 10);
const TIME = '/usr/bin/time';
const HAVE_TIME = existsSync(TIME);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'lkip-startup-'));
const tiny = path.join(tmp, 'tiga-baris.txt');
writeFileSync(tiny, 'LAPORAN KINERJA INSTANSI PEMERINTAH\nTahun 2023\nKecamatan Contoh\n');
const seed = path.join(ROOT, 'fixtures/seeds/000_c0a7f8c5d5d194b0.txt');
const out = path.join(tmp, 'hasil.csv');

const commands: { name: string; argv: string[] }[] = [
  { name: '`node -e 0`', argv: [process.execPath, '-e', '0'] },
  { name: '`lkip-audit --help`', argv: [process.execPath, BIN, '--help'] },
  { name: '`lkip-audit audit` a three-line file', argv: [process.execPath, BIN, 'audit', tiny, '--out', out] },
  { name: '`lkip-audit audit` seed 000 (84 KB)', argv: [process.execPath, BIN, 'audit', seed, '--out', out] },
];

/** One run: wall seconds (measured here) and CPU seconds (GNU time; NaN without it). */
function run(argv: string[]): { wall: number; cpu: number } {
  const t = process.hrtime.bigint();
  const r = HAVE_TIME ? spawnSync(TIME, ['-f', '%U %S', ...argv], { cwd: ROOT, encoding: 'utf8' }) : spawnSync(argv[0]!, argv.slice(1), { cwd: ROOT, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  const cpu = HAVE_TIME ? r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number).reduce((a, b) => a + b, 0) : NaN;
  return { wall, cpu };
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const min = (xs: number[]) => Math.min(...xs);

const samples = commands.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
try {
  for (const c of commands) run(c.argv); // warm-up: bundle compiled, configuration cached, files in the page cache
  for (let i = 0; i < RUNS; i++) {
    commands.forEach((c, k) => {
      const r = run(c.argv);
      samples[k]!.wall.push(r.wall);
      samples[k]!.cpu.push(r.cpu);
    });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const rows = commands.map((c, k) => {
  const s = samples[k]!;
  return `| ${c.name} | ${f2(median(s.wall))} | ${f2(min(s.wall))} | ${f2(median(s.cpu))} | ${f2(min(s.cpu))} |`;
});
const load = os.loadavg()[0]!.toFixed(1);
const table = [
  '| command | wall s (median) | wall s (min) | CPU s (median) | CPU s (min) |',
  '|---|---:|---:|---:|---:|',
  ...rows,
  '',
  `${RUNS} runs of each, in turn, after one warm-up each; CPU = user + system (GNU time). Machine: ${os.availableParallelism()} cores, ${os.cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}; 1-min load average at the end ${load}.`,
].join('\n');
process.stdout.write(`${table}\n`);

if (process.argv.includes('--readme')) {
  const readme = path.join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const re = /(<!-- bench:startup:start -->\n)[\s\S]*?(<!-- bench:startup:end -->)/;
  if (!re.test(text)) throw new Error('README.md has no start-up bench markers');
  writeFileSync(readme, text.replace(re, `$1${table}\n$2`));
  process.stderr.write('README.md updated\n');
}
