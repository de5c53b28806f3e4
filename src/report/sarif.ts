/**
 * Findings → SARIF 2.1.0 (code-scanning viewers, VS Code's SARIF viewer). Pure: no Node APIs.
 * One run; one result per finding; the rule's documentation goes into the driver's rule list; what
 * SARIF has no field for (page, table, row, column, reported, expected, tolerance, category) is
 * kept in `properties`. Deterministic: no timestamps, input order preserved.
 */
import type { RuleMeta } from '../model/rule.js';
import type { Finding, Severity } from '../model/finding.js';
import type { SourceRef } from '../model/values.js';
import type { Lang } from './csv.js';
import { FINGERPRINT_VERSION } from './fingerprint.js';
import { formatExpected, formatTolerance } from './format.js';
import type { FileResult } from './json.js';

export interface SarifOptions {
  /** The rules' metadata (ids, docs, default severity): the caller's registry, so reporters never import rules. */
  rules?: readonly RuleMeta[];
  lang?: Lang;
  toolVersion?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const INPUT_COVERAGE_DOCS = {
  id: 'Masukan yang tidak dapat dibaca sebagaimana tampaknya: tabel HTML yang tidak ditutup (satu catatan), dan berkas yang sebagian besar isinya tidak menghasilkan teks (satu peringatan: temuan hanya mencakup sisanya).',
  en: 'Input that could not be read as it presented itself: an HTML table left unclosed (one note), and a file most of which gave no text (one warning: the findings cover the rest only).',
};

const INPUT_ERROR_DOCS = {
  id: 'Berkas yang tidak dapat dibaca atau bukan laporan (kosong, biner, PDF rusak atau terkunci, jenis tidak didukung, terlalu besar, melebihi batas waktu) menjadi satu baris galat; berkas lain tetap diaudit.',
  en: 'A file that cannot be read or is not a report (empty, binary, damaged or locked PDF, unsupported type, too large, timed out) becomes one error row; the other files are still audited.',
};

/** A relative or absolute path as a SARIF URI reference (forward slashes, percent-encoded). */
export function fileUri(file: string): string {
  const p = file.replace(/\\/g, '/');
  return encodeURI(p).replace(/[?#]/g, (c) => encodeURIComponent(c));
}

function location(ref: SourceRef, note?: string) {
  const loc: Record<string, unknown> = {
    physicalLocation: {
      artifactLocation: { uri: fileUri(ref.file) },
      ...(ref.line > 0 ? { region: { startLine: ref.line } } : {}),
    },
  };
  const logical = [ref.section, ref.table, ref.row, ref.column].filter((x): x is string => Boolean(x));
  if (logical.length) loc.logicalLocations = [{ fullyQualifiedName: logical.join(' › ') }];
  if (note) loc.message = { text: note };
  return loc;
}

export function toSarif(results: FileResult[], opts: SarifOptions = {}): string {
  const lang = opts.lang ?? 'id';
  const rules = [
    ...(opts.rules ?? []).map((m) => ({
      id: m.id,
      name: m.id,
      shortDescription: { text: m.category },
      fullDescription: { text: lang === 'en' ? m.docs.en : m.docs.id },
      defaultConfiguration: { level: LEVEL[m.defaultSeverity] },
      properties: { category: m.category },
    })),
    {
      id: 'input-error',
      name: 'input-error',
      shortDescription: { text: 'unreadable_value' },
      fullDescription: { text: lang === 'en' ? INPUT_ERROR_DOCS.en : INPUT_ERROR_DOCS.id },
      defaultConfiguration: { level: 'error' },
      properties: { category: 'unreadable_value' },
    },
    {
      id: 'input-coverage',
      name: 'input-coverage',
      shortDescription: { text: 'structure_missing' },
      fullDescription: { text: lang === 'en' ? INPUT_COVERAGE_DOCS.en : INPUT_COVERAGE_DOCS.id },
      defaultConfiguration: { level: 'note' },
      properties: { category: 'structure_missing' },
    },
  ];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const result = (f: Finding, doc?: string) => {
    const props: Record<string, unknown> = { category: f.category };
    if (f.where.page !== null) props.page = f.where.page;
    for (const k of ['section', 'table', 'row', 'column'] as const) if (f.where[k]) props[k] = f.where[k];
    props.messageId = f.messageId;
    if (f.reported) props.reported = f.reported;
    if (f.printed) props.printed = f.printed;
    const expected = formatExpected(f.expected, lang);
    if (expected) props.expected = expected;
    const tolerance = formatTolerance(f.tolerance, lang);
    if (tolerance) props.tolerance = tolerance;
    if (Object.keys(f.data).length) props.data = f.data;
    if (f.needsReview) props.needsReview = true;
    if (doc) props.document = doc;
    return {
      ruleId: f.ruleId,
      ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
      level: LEVEL[f.severity],
      message: { text: lang === 'en' ? f.message.en : f.message.id },
      locations: [location(f.where)],
      ...(f.related.length ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...location(r, r.note) })) } : {}),
      ...(f.fingerprint ? { partialFingerprints: { [FINGERPRINT_VERSION]: f.fingerprint } } : {}),
      ...(f.baseline ? { baselineState: f.baseline } : {}),
      properties: props,
    };
  };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'lkip-audit', version: opts.toolVersion ?? '0.1.0', rules } },
        language: lang,
        artifacts: results.map((r) => ({ location: { uri: fileUri(r.file) } })),
        results: results.flatMap((r) => r.findings.map((f) => result(f, r.document))),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: results
              .filter((r) => r.error)
              .map((r) => ({
                level: 'error',
                message: { text: lang === 'en' ? r.error!.message.en : r.error!.message.id },
                locations: [location({ file: r.file, page: null, line: 0 })],
                descriptor: { id: r.error!.reason },
              })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
