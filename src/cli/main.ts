/** lkip-audit command line. Exit codes (ESLint style): 0 clean, 1 findings at/above --fail-on, 2 the tool failed. */
import { createWriteStream, mkdirSync, readFileSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CROSS_DOCUMENT_DOCS, CROSS_DOCUMENT_META, CROSS_DOCUMENT_RULE, crossDocumentFindings, documentKey, type DocumentSummary } from '../audit/cross-document.js';
import { auditDocument } from '../audit/index.js';
import { RULES } from '../audit/rules/index.js';
import { loadDocument } from '../ingest/files.js';
import { IngestError } from '../ingest/errors.js';
import type { Finding, Severity } from '../model/finding.js';
import { applyBaseline, BaselineError, fallbackDocumentKey, readBaseline, withFingerprints, type Baseline } from '../report/baseline.js';
import { countLevels } from '../parse/budget.js';
import { toCsv, type Lang } from '../report/csv.js';
import { toHtml } from '../report/html.js';
import { toJson, type FileResult } from '../report/json.js';
import { toSarif } from '../report/sarif.js';
import { DEFAULT_MAX_PDF_MB, DEFAULT_MAX_TEXT_MB, type BatchFileResult } from './audit-file.js';
import { BatchFatalError, runBatch } from './batch.js';
import { ConfigError, loadConfig, RULES_DIR } from './config.js';
import { expandPaths } from './inputs.js';
import { ProgressBar } from './progress.js';
import { registerServe } from './serve.js';

/** The metadata the reporters list and explain: every rule, then the checks across documents. */
const RULE_METAS = [...RULES.map((r) => r.meta), CROSS_DOCUMENT_META];

function fail(msg: string): never {
  process.stderr.write(`lkip-audit: ${msg}\n`);
  process.exit(2);
}

// `lkip-audit ... | head` closes stdout early: that is not a failure of the tool.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
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
}

/** Where output goes: a temporary file renamed into place at the end (no half-written reports), or stdout. */
class Sink {
  private readonly stream: NodeJS.WritableStream;
  private readonly tmp: string | null;
  constructor(private readonly out: string | undefined) {
    if (out) {
      mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      this.tmp = `${out}.${process.pid}.tmp`;
      const ws = createWriteStream(this.tmp);
      ws.on('error', (e) => {
        this.abort();
        fail(`tidak dapat menulis ${out}: ${e.message}`);
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
      await new Promise<void>((resolve, reject) => ws.end((e?: Error | null) => (e ? reject(e) : resolve())));
      renameSync(this.tmp, this.out!);
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
 * loadConfig plus what zod cannot know: rule ids under `rules:` must be rules that exist (a typo
 * would otherwise silently leave the rule at its default). Exits 2 naming the file, key and choices.
 */
function loadConfigOrExit(file?: string): ReturnType<typeof loadConfig> {
  try {
    const config = loadConfig(file);
    const known = [...RULES.map((r) => r.meta.id), CROSS_DOCUMENT_RULE].sort();
    for (const id of Object.keys(config.rules)) {
      if (!known.includes(id)) throw new ConfigError(file ?? path.join(RULES_DIR, 'config.yaml'), `rules.${id}`, `aturan tidak dikenal; yang tersedia: ${known.join(', ')}`);
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

async function auditCommand(paths: string[], opts: AuditOpts): Promise<void> {
  const config = loadConfigOrExit(opts.config); // fail fast (exit 2) on a bad configuration, before any worker starts
  if (opts.excel && opts.format !== 'csv') fail('--excel hanya berlaku untuk --format csv');
  if (opts.failOnNew && !opts.baseline) fail('--fail-on-new memerlukan --baseline');
  const baseline = opts.baseline ? loadBaselineOrExit(opts.baseline) : null;
  const files = await expandPaths(paths);
  if (files.length === 0) fail(`tidak ada berkas di: ${paths.join(', ')}`);

  const sink = new Sink(opts.out);
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
    await runBatch(files, {
      concurrency: opts.concurrency,
      timeoutMs: Math.round(opts.timeout * 1000),
      configFile: opts.config,
      fileOptions: {
        withLines: opts.format === 'html',
        summary: true,
        maxTextBytes: opts.maxTextMb * 1024 * 1024,
        maxPdfBytes: opts.maxPdfMb * 1024 * 1024,
        forceOcr: opts.ocr === true,
        // several files at once: one tesseract worker each, so OCR does not oversubscribe the cores
        ocrWorkers: opts.concurrency > 1 ? 1 : undefined,
      },
      onProgress: bar ? (done, _total, file) => bar.update(done, file) : undefined,
      onResult: async (_i, r) => {
        if (r.error) failedFiles++;
        const { summary, ...rest } = r;
        if (summary) summaries.set(r.file, summary);
        if (stream) {
          for (const f of r.findings) tally[f.severity]++;
          if (r.findings.length) await sink.write(toCsv(r.findings, opts.lang, { excel: opts.excel, header: false }));
        } else kept.push(opts.format === 'html' ? rest : { file: r.file, ...(r.error ? { error: r.error } : {}), findings: r.findings });
      },
    });
    // checks across the batch's documents: after every file, on the summaries
    const cross = crossDocumentFindings(
      files.filter((f) => summaries.has(f)).map((f) => summaries.get(f)!),
      config.rules[CROSS_DOCUMENT_RULE],
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
      else if (opts.format === 'json') await sink.write(toJson(kept as FileResult[]));
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
  .action(auditCommand);

program
  .command('extract')
  .description('tampilkan model laporan (JSON): bagian, tabel, indikator dan target per sumber, pohon anggaran')
  .argument('<file>', 'berkas laporan')
  .option('-c, --config <file>', 'berkas YAML konfigurasi')
  .option('--full', 'sertakan baris mentah semua tabel')
  .option('--ocr', 'baca semua halaman PDF dengan OCR')
  .action(async (file: string, opts: { config?: string; full?: boolean; ocr?: boolean }) => {
    const config = loadConfigOrExit(opts.config);
    let doc;
    try {
      doc = await loadDocument(file, { forceOcr: opts.ocr === true });
    } catch (e) {
      if (e instanceof IngestError) fail(e.message);
      throw e;
    }
    const { report, repairs } = auditDocument(doc, config);
    const view = {
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
      budgets: report.budgets.map((b) => ({ ...b, counts: countLevels(b) })),
      targetsByIndicator: report.indicators.map((i) => ({
        indicator: i.name,
        aliases: i.aliases.map((a) => `${a.name} [${a.match}, baris ${a.src.line}]`),
        targets: Object.fromEntries(
          [...new Set(report.targets.filter((t) => t.indicatorId === i.id).map((t) => t.year))]
            .sort()
            .map((y) => [y, report.targets.filter((t) => t.indicatorId === i.id && t.year === y).map((t) => `${t.source}: ${t.value.raw} (${t.table}, baris ${t.value.src.line})`)]),
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
  .action((opts: { lang: Lang; config?: string }) => {
    const config = loadConfigOrExit(opts.config);
    for (const r of RULES) {
      const setting = config.rules[r.meta.id];
      const severity = setting?.severity ?? r.meta.defaultSeverity;
      const off = setting?.enabled === false ? (opts.lang === 'en' ? ', disabled' : ', nonaktif') : '';
      process.stdout.write(`${r.meta.id}  [${r.meta.category}, ${severity}${off}]\n  ${opts.lang === 'en' ? r.meta.docs.en : r.meta.docs.id}\n\n`);
    }
    // across the documents of a batch (after the per-file audits; src/audit/cross-document.ts)
    const cross = config.rules[CROSS_DOCUMENT_RULE];
    const off = cross?.enabled === false ? (opts.lang === 'en' ? ', disabled' : ', nonaktif') : '';
    process.stdout.write(`${CROSS_DOCUMENT_RULE}  [target_drift, cross_table_mismatch, ${cross?.severity ?? 'error'}${off}]\n  ${opts.lang === 'en' ? CROSS_DOCUMENT_DOCS.en : CROSS_DOCUMENT_DOCS.id}\n\n`);
  });

registerServe(program); // `lkip-audit serve`: the browser self-check (src/cli/serve.ts)

program.parseAsync(process.argv).catch((e: unknown) => fail((e as Error).message));
