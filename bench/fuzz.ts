/**
 * Hostile files at the sizes of issue 18 (scripts/make-fuzz-corpus.ts --full, into a temp dir):
 *  1. each file audited alone by the CLI (`lkip-audit audit FILE --concurrency 1`, bundled, as users
 *     run it; process start-up included): wall time and peak RSS (GNU time), its outcome (findings
 *     or the error reason) and, for the blank and huge PDF pages, whether OCR started
 *     (bench/fuzz-one.ts, in-process); the budget is < 10 s and < 500 MB per file;
 *  2. a batch over the whole corpus through the real CLI at concurrency 2, run twice: every file
 *     accounted for (findings or one error row) and the two CSVs byte-identical.
 *
 *   npx tsx bench/fuzz.ts [--keep DIR] [--only SUBSTRING]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeFuzzCorpus } from '../scripts/make-fuzz-corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (k: string) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const keep = arg('--keep');
const only = arg('--only');
const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'lkip-fuzz-bench-'));
// outputs outside the corpus folder: the batch audits every file in it
const outDir = mkdtempSync(path.join(os.tmpdir(), 'lkip-fuzz-out-'));
const BUDGET_MS = 10_000;
const BUDGET_MB = 500;

try {
  const t = performance.now();
  const cases = await makeFuzzCorpus(dir, 'full');
  console.log(`corpus: ${cases.length} files in ${dir} (${Math.round((performance.now() - t) / 1000)} s to make); load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(['file', 'class', 'ms', 'CPU s', 'peak MB', 'ocr', 'outcome', 'expected', 'budget'].join('\t'));
  let over = 0;
  let wrong = 0;
  for (const c of cases) {
    if (only && !c.name.includes(only)) continue;
    // the real CLI (bundled, as users run it) on this one file, one worker; GNU time gives the peak
    // RSS of the process (main thread, worker thread and what they map)
    const json = path.join(outDir, 'one.json');
    const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M %U %S', process.execPath, path.join(ROOT, 'bin/lkip-audit.js'), 'audit', c.file, '--format', 'json', '--out', json, '--concurrency', '1'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 400_000,
      maxBuffer: 1 << 24,
    });
    const tm = /TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
    let out: { ms: number; cpuS: number; maxRssMb: number; reason: string | null; findings: number; ocr: boolean | null };
    try {
      const res = JSON.parse(readFileSync(json, 'utf8')).results[0] as { error?: { reason: string }; findings: unknown[] };
      out = { ms: Math.round(Number(tm![1]) * 1000), cpuS: Number(tm![3]) + Number(tm![4]), maxRssMb: Math.round(Number(tm![2]) / 1024), reason: res.error?.reason ?? null, findings: res.error ? 0 : res.findings.length, ocr: null };
    } catch {
      console.log([c.name, c.kind, '-', '-', '-', `FAILED (${r.signal ?? r.status}) ${r.stderr.split('\n').slice(-3).join(' ')}`].join('\t'));
      wrong++;
      continue;
    }
    if (c.name.endsWith('.pdf') && c.kind === 'blank-pages') {
      // did OCR start? (in-process, bench/fuzz-one.ts reads the OCR counter)
      const one = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/fuzz-one.ts'), c.file], { cwd: ROOT, encoding: 'utf8', timeout: 400_000 });
      try {
        out.ocr = JSON.parse(one.stdout.trim().split('\n').pop()!).ocr;
      } catch {
        /* left unknown */
      }
    }
    const outcome = out.reason ? `error ${out.reason}` : `${out.findings} findings`;
    const e = c.expect;
    const expected = e.outcome === 'error' ? `error ${([] as string[]).concat(e.reason).join('|')}` : e.outcome;
    const ok = out.reason !== 'internal' && (e.outcome === 'any' || (e.outcome === 'findings' ? !out.reason : !!out.reason && ([] as string[]).concat(e.reason).includes(out.reason)));
    const inBudget = out.ms < BUDGET_MS && out.maxRssMb < BUDGET_MB;
    if (!ok) wrong++;
    if (!inBudget) over++;
    console.log([c.name, c.kind, out.ms, out.cpuS.toFixed(1), out.maxRssMb, out.ocr === null ? '' : out.ocr ? 'yes' : 'no', outcome, ok ? 'ok' : `WRONG (${expected})`, inBudget ? 'ok' : 'OVER'].join('\t'));
  }
  console.log(`outcomes wrong: ${wrong}; over budget (${BUDGET_MS / 1000} s, ${BUDGET_MB} MB): ${over}`);

  if (!only) {
    // 2. the whole corpus as one batch, twice, concurrency 2
    const csvs: string[] = [];
    for (const run of [1, 2]) {
      const out = path.join(outDir, `batch-${run}.csv`);
      const t0 = performance.now();
      // GNU time: CPU seconds and the peak RSS of the largest process (the main thread with its worker threads)
      const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M %U %S', process.execPath, path.join(ROOT, 'bin/lkip-audit.js'), 'audit', dir, '--out', out, '--concurrency', '2'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
      const tm = /TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
      const csv = readFileSync(out, 'utf8');
      csvs.push(csv);
      const rows = csv.split('\n').slice(1).filter(Boolean);
      const files = new Set(rows.map((l) => l.split(',')[0]!.replace(/^"|"$/g, '')));
      const missing = cases.filter((c) => !files.has(c.file) && !files.has(path.relative(ROOT, c.file)));
      // error rows by reason (column "reported" of an input-error row): a crash, timeout or internal row is a failure of the tool
      const reasons = new Map<string, number>();
      for (const l of rows) {
        const m = /,input-error,[a-z_]+,error,([a-z-]+),/.exec(l);
        if (m) reasons.set(m[1]!, (reasons.get(m[1]!) ?? 0) + 1);
      }
      const cpu = tm ? (Number(tm[3]) + Number(tm[4])).toFixed(0) : '?';
      const peak = tm ? Math.round(Number(tm[2]) / 1024) : '?';
      console.log(`batch ${run}: exit ${r.status}, ${Math.round((performance.now() - t0) / 1000)} s wall, ${cpu} s CPU, peak RSS ${peak} MB, ${rows.length} rows, files accounted for ${cases.length - missing.length}/${cases.length}${missing.length ? ` (missing: ${missing.map((m) => m.name).join(', ')})` : ''}; error rows: ${[...reasons].sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }
    console.log(`batch CSVs byte-identical: ${csvs[0] === csvs[1]}`);
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
}
