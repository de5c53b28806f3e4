/** lkip-audit command line. Exit codes (ESLint style): 0 clean, 1 findings at/above --fail-on, 2 the tool failed. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { auditDocument, inputErrorFinding } from '../audit/index.js';
import { RULES } from '../audit/rules/index.js';
import { expandInputs, loadDocument } from '../ingest/files.js';
import { IngestError } from '../ingest/errors.js';
import type { Finding } from '../model/finding.js';
import { countLevels } from '../parse/budget.js';
import { toCsv, type Lang } from '../report/csv.js';
import { toJson, type FileResult } from '../report/json.js';
import { ConfigError, loadConfig } from './config.js';

function fail(msg: string): never {
  process.stderr.write(`lkip-audit: ${msg}\n`);
  process.exit(2);
}

async function auditFile(file: string, config: ReturnType<typeof loadConfig>): Promise<FileResult> {
  try {
    const doc = await loadDocument(file);
    const { findings } = auditDocument(doc, config);
    return { file, findings };
  } catch (e) {
    const err =
      e instanceof IngestError
        ? e
        : new IngestError(file, 'internal', `Berkas tidak dapat diaudit: ${file}: ${(e as Error).message}`, `The file could not be audited: ${file}: ${(e as Error).message}`);
    const message = { id: err.message, en: err.messageEn };
    return { file, error: { reason: err.reasonId, message }, findings: [inputErrorFinding(file, err.reasonId, message)] };
  }
}

const program = new Command();
program.name('lkip-audit').description('Audit laporan kinerja (LKIP/LKjIP): temukan angka yang saling bertentangan.').showHelpAfterError();

program
  .command('audit')
  .description('audit satu atau lebih laporan (berkas .txt/.md/.pdf atau folder)')
  .argument('<paths...>', 'berkas atau folder')
  .option('-o, --out <file>', 'tulis hasil ke berkas (bawaan: stdout)')
  .addOption(new Option('-f, --format <format>', 'format keluaran').choices(['csv', 'json']).default('csv'))
  .addOption(new Option('--lang <lang>', 'bahasa pesan').choices(['id', 'en']).default('id'))
  .addOption(new Option('--fail-on <level>', 'kode keluar 1 bila ada temuan setingkat ini').choices(['error', 'warning', 'never']).default('never'))
  .option('-c, --config <file>', 'berkas YAML konfigurasi yang ditumpuk di atas rules/')
  .action(async (paths: string[], opts: { out?: string; format: 'csv' | 'json'; lang: Lang; failOn: string; config?: string }) => {
    let config;
    try {
      config = loadConfig(opts.config);
    } catch (e) {
      if (e instanceof ConfigError) fail(e.message);
      throw e;
    }
    const files = await expandInputs(paths);
    if (files.length === 0) fail(`tidak ada berkas laporan (.txt, .md, .pdf) di: ${paths.join(', ')}`);
    const results: FileResult[] = [];
    for (const f of files) results.push(await auditFile(f, config));
    const all: Finding[] = results.flatMap((r) => r.findings);
    const out = opts.format === 'json' ? toJson(results) : toCsv(all, opts.lang);
    if (opts.out) {
      mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
      writeFileSync(opts.out, out);
      const errors = all.filter((f) => f.severity === 'error').length;
      const warnings = all.filter((f) => f.severity === 'warning').length;
      process.stderr.write(
        opts.lang === 'en'
          ? `${files.length} file(s) audited: ${errors} errors, ${warnings} warnings → ${opts.out}\n`
          : `${files.length} berkas diaudit: ${errors} galat, ${warnings} peringatan → ${opts.out}\n`,
      );
    } else process.stdout.write(out);
    if (opts.failOn !== 'never') {
      const hit = all.some((f) => f.severity === 'error' || (opts.failOn === 'warning' && f.severity === 'warning'));
      process.exitCode = hit ? 1 : 0;
    }
  });

program
  .command('extract')
  .description('tampilkan model laporan (JSON): bagian, tabel, indikator dan target per sumber, pohon anggaran')
  .argument('<file>', 'berkas laporan')
  .option('-c, --config <file>', 'berkas YAML konfigurasi')
  .option('--full', 'sertakan baris mentah semua tabel')
  .action(async (file: string, opts: { config?: string; full?: boolean }) => {
    let config;
    try {
      config = loadConfig(opts.config);
    } catch (e) {
      if (e instanceof ConfigError) fail(e.message);
      throw e;
    }
    let doc;
    try {
      doc = await loadDocument(file);
    } catch (e) {
      if (e instanceof IngestError) fail(e.message);
      throw e;
    }
    const { report } = auditDocument(doc, config);
    const view = {
      ...report,
      tables: opts.full ? report.tables : report.tables.map(({ rows, ...t }) => ({ ...t, rowCount: rows.length })),
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
  .description('daftar aturan beserta penjelasannya')
  .addOption(new Option('--lang <lang>', 'bahasa').choices(['id', 'en']).default('id'))
  .action((opts: { lang: Lang }) => {
    for (const r of RULES) {
      process.stdout.write(`${r.meta.id}  [${r.meta.category}, ${r.meta.defaultSeverity}]\n  ${opts.lang === 'en' ? r.meta.docs.en : r.meta.docs.id}\n\n`);
    }
  });

program.parseAsync(process.argv).catch((e: unknown) => fail((e as Error).message));
