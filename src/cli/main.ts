/** lkip-audit command line. Exit codes (ESLint style): 0 clean, 1 findings at/above --fail-on, 2 the tool failed. */
import { createReadStream, createWriteStream, mkdirSync, readFileSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CROSS_DOCUMENT_METAS, crossDocumentFindings, documentKey, type DocumentSummary } from '../audit/cross-document.js';
import { auditDocument } from '../audit/index.js';
import { RULES } from '../audit/rules/index.js';
import { messageSeverity } from '../audit/engine.js';
import { loadDocument } from '../ingest/files.js';
import { IngestError } from '../ingest/errors.js';
import type { Finding, Severity } from '../model/finding.js';
import { applyBaseline, BaselineError, fallbackDocumentKey, readBaseline, withFingerprints, type Baseline } from '../report/baseline.js';
import { countLevels } from '../parse/budget.js';
import { targetReadings } from '../parse/facts.js';
import { toCsv, type Lang } from '../report/csv.js';
import { toHtml } from '../report/html.js';
import { toJsonChunks, type FileResult } from '../report/json.js';
import { toSarif } from '../report/sarif.js';
import { DEFAULT_MAX_PDF_MB, DEFAULT_MAX_TEXT_MB, type AuditFileOptions, type BatchFileResult } from './audit-file.js';
import { LONE_FILE_MAX_BYTES } from '../../bin/v8-flags.js';
import { auditFile, timeoutResult } from './audit-file.js';
import { BatchFatalError, runBatch } from './batch.js';
import { ConfigError, loadConfigCached, RULES_DIR } from './config-cache.js';
import type { Config } from '../model/config.js';
import { expandPaths } from './inputs.js';
import { ProgressBar } from './progress.js';
import { registerServe } from './serve.js';

/** The metadata the reporters list and explain: every rule, then the checks across documents. */
const RULE_METAS = [...RULES.map((r) => r.meta), ...CROSS_DOCUMENT_METAS];

function fail(msg: string): never {
  process.stderr.write(`lkip-audit: ${msg}\n`);
  process.exit(2);
}

/** The cause of a file-system error in words (Indonesian), with its code for a search. */
function ioCause(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    ENOSPC: 'perangkat penuh',
    EDQUOT: 'kuota disk habis',
    EFBIG: 'berkas terlalu besar untuk sistem berkas ini',
    EEXIST: 'sebagian jalurnya adalah berkas, bukan folder',
    ENOTDIR: 'sebagian jalurnya adalah berkas, bukan folder',
    ENOENT: 'folder tujuan tidak ada (atau tautan menunjuk ke tempat yang tidak ada)',
    EISDIR: 'jalur itu adalah folder',
    EACCES: 'tidak ada izin menulis',
    EPERM: 'tidak ada izin menulis',
    EROFS: 'sistem berkas hanya-baca',
    ELOOP: 'tautan simbolik berputar',
    ENAMETOOLONG: 'nama jalur terlalu panjang',
    EIO: 'galat masukan/keluaran perangkat',
    EBADF: 'keluaran tidak dapat ditulis',
  };
  const w = code ? words[code] : undefined;
  if (w) return `${w} (${code})`;
  return code ?? ((e as Error)?.message ?? String(e)).split('\n')[0]!.slice(0, 200);
}

/** One line naming where output could not be written and why; exit 2, no stack trace. */
function ioFail(where: string, e: unknown): never {
  fail(`tidak dapat menulis hasil ke ${where}: ${ioCause(e)}`);
}

const STDOUT = 'keluaran standar (stdout)';

// `lkip-audit ... | head` closes stdout early: that is not a failure of the tool. Any other error
// on stdout (a full device: `> /dev/full`) is one line and exit 2.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  ioFail(STDOUT, e);
});

const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} harus bilangan bulat ≥ 1`);
  return n;
};
const positiveNum = (name: string) => (v: string) => {
  const n = Number(v.replace(',', '.'));
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} harus bilangan > 0`);
  return n;
};

type Format = 'csv' | 'json' | 'sarif' | 'html';
interface AuditOpts {
  out?: string;
  format: Format;
  lang: Lang;
  failOn: 'error' | 'warning' | 'never';
  config?: string;
  concurrency: number;
  timeout: number;
  excel?: boolean;
  progress: boolean;
  maxTextMb: number;
  maxPdfMb: number;
  ocr?: boolean;
  baseline?: string;
  failOnNew?: boolean;
  queue?: string;
  queueName?: string;
  sharedPath?: boolean;
}

/**
 * Where output goes: a temporary file renamed into place at the end (no half-written reports), or
 * stdout. `spool`: stdout too gets it only at the end (the queue run: a run stopped by a lost
 * connection must not leave a partial CSV in a pipe).
 */
class Sink {
  private readonly stream: NodeJS.WritableStream;
  private readonly tmp: string | null;
  constructor(
    private readonly out: string | undefined,
    private readonly spool = false,
  ) {
    if (out || spool) {
      if (out) {
        try {
          mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
        } catch (e) {
          ioFail(out, e);
        }
      }
      // --queue writes stdout only at the end: the rows wait in a temp file (a run that fails writes nothing)
      this.tmp = out ? `${out}.${process.pid}.tmp` : path.join(os.tmpdir(), `lkip-audit-${process.pid}.tmp`);
      const ws = createWriteStream(this.tmp);
      ws.on('error', (e) => {
        this.abort();
        ioFail(out ?? this.tmp!, e);
      });
      this.stream = ws;
    } else {
      this.tmp = null;
      this.stream = process.stdout;
    }
  }
  async write(s: string): Promise<void> {
    if (!this.stream.write(s)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    if (this.tmp) {
      const ws = this.stream as WriteStream;
      try {
        await new Promise<void>((resolve, reject) => ws.end((e?: Error | null) => (e ? reject(e) : resolve())));
        if (this.out) renameSync(this.tmp, this.out);
        else {
          for await (const chunk of createReadStream(this.tmp)) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
          rmSync(this.tmp, { force: true });
        }
      } catch (e) {
        this.abort();
        ioFail(this.out ?? STDOUT, e);
      }
    }
  }
  abort(): void {
    if (this.tmp) {
      (this.stream as WriteStream).destroy();
      rmSync(this.tmp, { force: true });
    }
  }
}

/**
 * loadConfig plus what zod cannot know: rule ids under `rules:` and messageIds under
 * `rules.<id>.messages:` must exist (a typo would otherwise silently leave the default). Exits 2 naming the file, key and choices.
 */
async function loadConfigOrExit(file?: string): Promise<Config> {
  try {
    const config = await loadConfigCached(file);
    const known = RULE_METAS.map((m) => m.id).sort();
    const where = file ?? path.join(RULES_DIR, 'config.yaml');
    for (const [id, setting] of Object.entries(config.rules)) {
      const meta = RULE_METAS.find((m) => m.id === id);
      if (!meta) throw new ConfigError(where, `rules.${id}`, `aturan tidak dikenal; yang tersedia: ${known.join(', ')}`);
      const ids = Object.keys(meta.messages);
      for (const m of Object.keys(setting.messages ?? {})) {
        if (ids.includes(m)) continue;
        // a message that moved to a check of its own (issue 12: cross-document's `target` is cross-document-target's)
        const moved = RULE_METAS.filter((o) => o.id !== id && o.id.startsWith(`${id}-`) && m in o.messages).map((o) => `rules.${o.id}.messages.${m}`);
        const hint = moved.length ? `; pesan ini kini milik aturan tersendiri: tulis ${moved.join(' atau ')}` : '';
        throw new ConfigError(where, `rules.${id}.messages.${m}`, `messageId tidak dikenal; yang tersedia: ${ids.join(', ') || '(tidak ada)'}${hint}`);
      }
    }
    return config;
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
}

/** Each file's document key (kind, agency, year); files that would share one keep their name's key. */
function documentKeys(files: readonly string[], summaries: ReadonlyMap<string, DocumentSummary>): Map<string, string> {
  const keys = new Map(files.map((f) => [f, summaries.has(f) ? documentKey(summaries.get(f)!) : fallbackDocumentKey(f)]));
  const count = new Map<string, number>();
  for (const k of keys.values()) count.set(k, (count.get(k) ?? 0) + 1);
  for (const [f, k] of keys) if (count.get(k)! > 1) keys.set(f, fallbackDocumentKey(f));
  return keys;
}

function loadBaselineOrExit(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`--baseline: tidak dapat membaca ${file}: ${(e as Error).message}`);
  }
  try {
    return readBaseline(text);
  } catch (e) {
    if (e instanceof BaselineError) fail(`--baseline ${file}: ${e.message}`);
    throw e;
  }
}

/** A regular file small enough to audit in this thread (bin/v8-flags.js); a missing one too (an error row). */
async function loneFile(file: string): Promise<boolean> {
  const st = await stat(file).catch(() => null);
  return !st || (st.isFile() && st.size <= LONE_FILE_MAX_BYTES);
}

/**
 * A lone file in this thread, with the batch's time limit: the limit is checked whenever the audit
 * awaits (reading, PDF pages, OCR) and when it returns, and gives the batch's own timeout row. (A
 * worker thread could be stopped in the middle of synchronous parsing; a file that small parses in
 * well under a second.) A run stopped at the limit exits when its output is written.
 */
async function auditInProcess(file: string, config: Config, fileOptions: AuditFileOptions, timeoutMs: number): Promise<BatchFileResult> {
  const timedOut = () => {
    stopAfterOutput = true;
    return timeoutResult(file, timeoutMs);
  };
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  const r = await Promise.race([auditFile(file, config, fileOptions), limit]);
  clearTimeout(timer);
  return r === null || performance.now() - t0 > timeoutMs ? timedOut() : r;
}
let stopAfterOutput = false;

async function auditCommand(paths: string[], opts: AuditOpts): Promise<void> {
  const config = await loadConfigOrExit(opts.config); // fail fast (exit 2) on a bad configuration, before any worker starts
  if (opts.excel && opts.format !== 'csv') fail('--excel hanya berlaku untuk --format csv');
  if (opts.failOnNew && !opts.baseline) fail('--fail-on-new memerlukan --baseline');
  const baseline = opts.baseline ? loadBaselineOrExit(opts.baseline) : null;
  if (opts.sharedPath && !opts.queue) fail('--shared-path hanya berlaku dengan --queue');
  if (opts.queueName !== undefined && !opts.queue) fail('--queue-name hanya berlaku dengan --queue');
  // the queue code (bullmq, ioredis) is loaded only when asked for: a local run does not pay for it
  const queueMod = opts.queue ? await import('./queue.js') : null;
  if (opts.queue) {
    try {
      queueMod!.checkQueueUrl(opts.queue, opts.lang);
      if (opts.queueName !== undefined) queueMod!.checkQueueName(opts.queueName, opts.lang);
    } catch (e) {
      fail((e as Error).message);
    }
  }
  const files = await expandPaths(paths);
  if (files.length === 0) fail(`tidak ada berkas di: ${paths.join(', ')}`);

  const sink = new Sink(opts.out, Boolean(opts.queue));
  // Ctrl-C: leave no half-written output behind.
  process.once('SIGINT', () => {
    sink.abort();
    process.stderr.write('\n');
    process.exit(130);
  });
  const bar = opts.progress && ProgressBar.enabled() ? new ProgressBar(files.length, opts.lang) : null;
  const tally: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let newFindings: Finding[] = [];
  let failedFiles = 0;
  let kept: BatchFileResult[] = [];
  const summaries = new Map<string, DocumentSummary>();

  // CSV without a baseline is written file by file as each file's turn comes (csv-stringify, one
  // call per file: the same bytes as a row-by-row stream, without its per-row overhead); nothing is
  // kept but the small per-file summaries of the checks across documents, whose findings come last.
  // The other formats, and CSV against a baseline, need the whole batch (ranking, summary, pairing).
  const stream = opts.format === 'csv' && !baseline;
  if (stream) await sink.write(toCsv([], opts.lang, { excel: opts.excel }));

  try {
    const fileOptions: AuditFileOptions = {
      withLines: opts.format === 'html',
      summary: true,
      maxTextBytes: opts.maxTextMb * 1024 * 1024,
      maxPdfBytes: opts.maxPdfMb * 1024 * 1024,
      forceOcr: opts.ocr === true,
      // several files at once: one tesseract worker each, so OCR does not oversubscribe the cores
      ocrWorkers: opts.concurrency > 1 ? 1 : undefined,
    };
    const timeoutMs = Math.round(opts.timeout * 1000);
    const onProgress = bar ? (done: number, _total: number, file: string) => bar.update(done, file) : undefined;
    const onResult = async (_i: number, r: BatchFileResult) => {
      if (r.error) failedFiles++;
      const { summary, ...rest } = r;
      if (summary) summaries.set(r.file, summary);
      if (stream) {
        for (const f of r.findings) tally[f.severity]++;
        if (r.findings.length) await sink.write(toCsv(r.findings, opts.lang, { excel: opts.excel, header: false }));
      } else kept.push(opts.format === 'html' ? rest : { file: r.file, ...(r.error ? { error: r.error } : {}), findings: r.findings });
    };
    if (opts.queue) {
      // the fleet: the same results from `lkip-audit worker` processes on any machine (queue.ts)
      await queueMod!.runQueue(files, { url: opts.queue, queueName: opts.queueName, lang: opts.lang, config, fileOptions, timeoutMs, sharedPath: opts.sharedPath === true, onResult, onProgress });
    } else if (files.length === 1 && (await loneFile(files[0]!))) {
      // one small file: audited here, without starting a worker thread (the same auditFile)
      await onResult(0, await auditInProcess(files[0]!, config, fileOptions, timeoutMs));
      onProgress?.(1, 1, files[0]!);
    } else {
      await runBatch(files, { concurrency: opts.concurrency, timeoutMs, configFile: opts.config, config, fileOptions, onProgress, onResult });
    }
    // checks across the batch's documents: after every file, on the summaries
    const cross = crossDocumentFindings(
      files.filter((f) => summaries.has(f)).map((f) => summaries.get(f)!),
      config.rules,
    );
    if (stream) {
      for (const f of cross) tally[f.severity]++;
      if (cross.length) await sink.write(toCsv(cross, opts.lang, { excel: opts.excel, header: false }));
    } else {
      const keys = documentKeys(files, summaries);
      kept = kept.map((r) => ({ ...r, document: keys.get(r.file), findings: withFingerprints([...r.findings, ...cross.filter((f) => f.where.file === r.file)]) }));
      if (baseline) kept = applyBaseline(kept, baseline);
      for (const r of kept) for (const f of r.findings) if (f.baseline !== 'absent') tally[f.severity]++;
      newFindings = kept.flatMap((r) => r.findings.filter((f) => f.baseline === 'new'));
      if (opts.format === 'csv') await sink.write(toCsv(kept.flatMap((r) => r.findings), opts.lang, { excel: opts.excel, baseline: true }));
      else if (opts.format === 'json') for (const chunk of toJsonChunks(kept as FileResult[])) await sink.write(chunk);
      else if (opts.format === 'sarif') await sink.write(toSarif(kept, { lang: opts.lang, rules: RULE_METAS }));
      else if (opts.format === 'html') await sink.write(toHtml(kept, { lang: opts.lang, rules: RULE_METAS }));
    }
    await sink.close();
  } catch (e) {
    bar?.clear();
    sink.abort();
    if (e instanceof BatchFatalError || e instanceof ConfigError) fail(e.message);
    fail(`audit gagal: ${(e as Error).message}`);
  }
  bar?.clear();

  if (opts.out || bar) {
    const en = opts.lang === 'en';
    const failedNote = failedFiles ? (en ? ` (${failedFiles} could not be audited)` : ` (${failedFiles} tidak dapat diaudit)`) : '';
    process.stderr.write(
      en
        ? `${files.length} file(s) audited${failedNote}: ${tally.error} errors, ${tally.warning} warnings${opts.out ? ` → ${opts.out}` : ''}\n`
        : `${files.length} berkas diaudit${failedNote}: ${tally.error} galat, ${tally.warning} peringatan${opts.out ? ` → ${opts.out}` : ''}\n`,
    );
  }
  let hit: boolean;
  if (opts.failOnNew) {
    // only what is new since the baseline; without --fail-on, any new error or warning
    const level = opts.failOn === 'never' ? 'warning' : opts.failOn;
    hit = newFindings.some((f) => f.severity === 'error' || (level === 'warning' && f.severity === 'warning'));
  } else hit = opts.failOn === 'error' ? tally.error > 0 : opts.failOn === 'warning' ? tally.error + tally.warning > 0 : false;
  process.exitCode = hit ? 1 : 0;
  if (stopAfterOutput) process.exit(); // the audit stopped at its time limit may still be running
}

const program = new Command();
program.name('lkip-audit').description('Audit laporan kinerja (LKIP/LKjIP): temukan angka yang saling bertentangan.').showHelpAfterError();
// Bad arguments are a failure of the invocation, not findings: exit 2 (commander's default is 1).
program.exitOverride((err) => {
  process.exit(err.exitCode === 0 ? 0 : 2);
});

program
  .command('audit')
  .description('audit satu atau lebih laporan (berkas .txt/.md/.pdf, folder, atau pola seperti "laporan/*.pdf")')
  .argument('<paths...>', 'berkas, folder atau pola (* ? **)')
  .option('-o, --out <file>', 'tulis hasil ke berkas (bawaan: stdout)')
  .addOption(new Option('-f, --format <format>', 'format keluaran').choices(['csv', 'json', 'sarif', 'html']).default('csv'))
  .addOption(new Option('--lang <lang>', 'bahasa pesan').choices(['id', 'en']).default('id'))
  .addOption(new Option('--fail-on <level>', 'kode keluar 1 bila ada temuan setingkat ini atau lebih berat').choices(['error', 'warning', 'never']).default('never'))
  .option('-c, --config <file>', 'berkas YAML konfigurasi yang ditumpuk di atas rules/')
  .option('-j, --concurrency <n>', 'jumlah berkas yang diaudit bersamaan (thread pekerja)', positiveInt('--concurrency'), Math.max(1, os.availableParallelism()))
  .option('--timeout <detik>', 'batas waktu per berkas, dalam detik', positiveNum('--timeout'), 300)
  .option('--excel', 'CSV untuk Excel berbahasa Indonesia (pemisah ";", BOM UTF-8)')
  .option('--no-progress', 'tanpa bilah kemajuan (bilah hanya tampil di terminal)')
  .option('--max-text-mb <mb>', 'ukuran maksimum berkas teks', positiveNum('--max-text-mb'), DEFAULT_MAX_TEXT_MB)
  .option('--max-pdf-mb <mb>', 'ukuran maksimum berkas PDF', positiveNum('--max-pdf-mb'), DEFAULT_MAX_PDF_MB)
  .option('--ocr', 'baca semua halaman PDF dengan OCR, juga halaman yang punya lapisan teks')
  .option('--baseline <file>', 'JSON atau SARIF dari audit sebelumnya: tiap temuan ditandai new/unchanged/updated/absent')
  .option('--fail-on-new', 'kode keluar 1 hanya karena temuan baru sejak --baseline (setingkat --fail-on, bawaan: peringatan)')
  .option('--queue <url>', 'audit lewat antrean BullMQ di Redis (redis://HOST:PORT) oleh `lkip-audit worker` di mesin mana pun')
  .option('--queue-name <nama>', 'dengan --queue: nama antrean (bawaan: lkip-audit); hanya pekerja dengan nama yang sama yang mengambil tugasnya')
  .option('--shared-path', 'dengan --queue: kirim path berkas saja, bukan isinya (semua pekerja melihat sistem berkas yang sama)')
  .action(auditCommand);

program
  .command('worker')
  .description('pekerja armada: audit berkas dari antrean Redis (dikirim oleh `lkip-audit audit --queue`) sampai dihentikan')
  .requiredOption('--queue <url>', 'antrean BullMQ di Redis (redis://HOST:PORT)')
  .option('--queue-name <nama>', 'nama antrean yang dilayani (sama dengan `audit --queue-name`)', 'lkip-audit')
  .option('-j, --concurrency <n>', 'jumlah berkas yang diaudit bersamaan (bawaan: jumlah inti)', positiveInt('--concurrency'), Math.max(1, os.availableParallelism()))
  .addOption(new Option('--lang <lang>', 'bahasa pesan').choices(['id', 'en']).default('id'))
  .option('--lock-timeout <detik>', 'tugas pekerja yang mati diambil alih pekerja lain setelah sekian detik', positiveNum('--lock-timeout'), 30)
  .action(async (opts: { queue: string; queueName: string; concurrency: number; lang: Lang; lockTimeout: number }) => {
    try {
      const { checkQueueName, checkQueueUrl } = await import('./queue.js');
      const { runQueueWorker } = await import('./queue-worker.js');
      checkQueueUrl(opts.queue, opts.lang);
      checkQueueName(opts.queueName, opts.lang);
      await runQueueWorker({ url: opts.queue, queueName: opts.queueName, concurrency: opts.concurrency, lang: opts.lang, lockMs: Math.round(opts.lockTimeout * 1000) });
    } catch (e) {
      if (e instanceof BatchFatalError) fail(e.message);
      fail(`pekerja gagal: ${(e as Error).message}`);
    }
  });

program
  .command('extract')
  .description('tampilkan model laporan (JSON): bagian, tabel, indikator dan target per sumber, pohon anggaran')
  .argument('<file>', 'berkas laporan')
  .option('-c, --config <file>', 'berkas YAML konfigurasi')
  .option('--full', 'sertakan baris mentah semua tabel, semua fakta dan indeks teks')
  .option('--ocr', 'baca semua halaman PDF dengan OCR')
  .action(async (file: string, opts: { config?: string; full?: boolean; ocr?: boolean }) => {
    const config = await loadConfigOrExit(opts.config);
    let doc;
    try {
      doc = await loadDocument(file, { forceOcr: opts.ocr === true, limits: config.limits });
    } catch (e) {
      if (e instanceof IngestError) fail(e.message);
      throw e;
    }
    const { report, repairs } = auditDocument(doc, config);
    const view = {
      /** What ingest read and did not use (lines of a text export, pages of a PDF), and its notes. */
      input: doc.input ?? null,
      ...report,
      /** OCR misreadings repaired by the report's own arithmetic, with the evidence. */
      repairs,
      tables: opts.full ? report.tables : report.tables.map(({ rows, ...t }) => ({ ...t, rowCount: rows.length })),
      /** Per table: each column's role, year, period, basis; rows by kind; what could not be decided. */
      layouts: report.layouts.map((l) => ({
        table: l.table,
        columns: l.columns.map(
          (c) =>
            `${c.index + 1}. "${c.label}" → ${c.role ?? '?'}${c.year !== null ? ` ${c.year}` : ''}${c.period ? ` ${c.period.kind}${c.period.n ?? ''}` : ''}${c.basis !== 'year' ? ` [${c.basis}]` : ''}${c.money ? ' (Rp)' : ''}${c.from === 'flattened' ? ' (judul sebaris)' : ''}`,
        ),
        rows: Object.fromEntries(['item', 'group', 'total', 'average', 'continuation'].map((k) => [k, l.rows.filter((r) => r.kind === k).length]).filter(([, n]) => n)),
        undecided: l.undecided,
      })),
      facts: opts.full ? report.facts : `${report.facts.length} fakta (--full untuk semuanya)`,
      /** Every number printed in a body sentence (subject undecided; the rules decide). */
      proseFacts: opts.full ? report.proseFacts : `${report.proseFacts.length} fakta uraian (--full untuk semuanya)`,
      /** The prose index the rules read (every non-empty line as text). */
      prose: opts.full ? report.prose : `${report.prose.lines.length} baris teks (--full untuk semuanya)`,
      budgets: report.budgets.map((b) => ({ ...b, counts: countLevels(b) })),
      targetsByIndicator: report.indicators.map((i) => ({
        indicator: i.name,
        aliases: i.aliases.map((a) => `${a.name} [${a.match}, baris ${a.src.line}]`),
        targets: Object.fromEntries(
          [...new Set(targetReadings(report).filter((t) => t.indicatorId === i.id).map((t) => t.year))]
            .sort()
            .map((y) => [y, targetReadings(report).filter((t) => t.indicatorId === i.id && t.year === y).map((t) => `${t.source}: ${t.value.raw} (${t.table}, baris ${t.value.src.line})`)]),
        ),
      })),
    };
    process.stdout.write(JSON.stringify(view, null, 2) + '\n');
  });

program
  .command('rules')
  .description('daftar aturan beserta penjelasannya (dengan tingkat dan status dari konfigurasi)')
  .addOption(new Option('--lang <lang>', 'bahasa').choices(['id', 'en']).default('id'))
  .option('-c, --config <file>', 'berkas YAML konfigurasi yang ditumpuk di atas rules/')
  .action(async (opts: { lang: Lang; config?: string }) => {
    const config = await loadConfigOrExit(opts.config);
    // every rule, then the checks across the documents of a batch (src/audit/cross-document.ts), alike
    for (const meta of RULE_METAS) {
      const setting = config.rules[meta.id];
      const severity = setting?.severity ?? meta.defaultSeverity;
      const off = setting?.enabled === false ? (opts.lang === 'en' ? ', disabled' : ', nonaktif') : '';
      process.stdout.write(`${meta.id}  [${meta.category}, ${severity}${off}]\n  ${opts.lang === 'en' ? meta.docs.en : meta.docs.id}\n`);
      // each message's resolved severity (and its category when it is not the rule's)
      const msgs = Object.entries(meta.messages).map(([id, m]) => `${id} ${messageSeverity(meta, id, setting)}`);
      process.stdout.write(`  ${opts.lang === 'en' ? 'messages' : 'pesan'}: ${msgs.join(', ')}\n\n`);
    }
  });

registerServe(program); // `lkip-audit serve`: the browser self-check (src/cli/serve.ts)

program.parseAsync(process.argv).catch((e: unknown) => fail((e as Error).message));
