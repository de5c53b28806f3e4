/** Findings → CSV for reviewers. Pure: runs in the browser too. */
import { stringify } from 'csv-stringify/sync';
import type { Finding } from '../model/finding.js';
import { formatExpected, formatReported, formatTolerance } from './format.js';

export const CSV_COLUMNS = [
  'file',
  'page',
  'line',
  'section',
  'table',
  'row',
  'column',
  'rule',
  'category',
  'severity',
  'reported',
  'expected',
  'tolerance',
  'message',
] as const;

export type Lang = 'id' | 'en';

/** The column `--baseline` adds, last (the normal header stays as above). */
export const BASELINE_COLUMN = 'baseline';

export function findingRow(f: Finding, lang: Lang, baseline = false): string[] {
  const row = [
    f.where.file,
    f.where.page === null ? '' : String(f.where.page),
    f.where.line ? String(f.where.line) : '',
    f.where.section ?? '',
    f.where.table ?? '',
    f.where.row ?? '',
    f.where.column ?? '',
    f.ruleId,
    f.category,
    f.severity,
    formatReported(f, lang),
    formatExpected(f.expected, lang),
    formatTolerance(f.tolerance, lang),
    lang === 'en' ? f.message.en : f.message.id,
  ];
  if (baseline) row.push(f.baseline ?? '');
  return row;
}

export interface CsvOptions {
  /** Write the header row (default true). */
  header?: boolean;
  /**
   * The variant Indonesian Excel opens directly: `;` as separator (Excel in the id-ID locale uses
   * `,` as the decimal mark, so it expects `;`), CRLF line ends, and a UTF-8 byte-order mark so
   * accented names and `–`/`×` are not garbled. Same columns, same quoting rules.
   */
  excel?: boolean;
  /** Add the last column `baseline` (new / unchanged / updated / absent): only with `--baseline`. */
  baseline?: boolean;
}

/** The UTF-8 byte-order mark Excel needs to read a CSV as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** csv-stringify options shared by the in-memory `toCsv` and the CLI's streamed writer. */
export function csvStringifyOptions(excel = false): { delimiter: string; record_delimiter: 'unix' | 'windows' } {
  return excel ? { delimiter: ';', record_delimiter: 'windows' } : { delimiter: ',', record_delimiter: 'unix' };
}

/** Text to put before the first row (the BOM for Excel, nothing otherwise). */
export function csvPreamble(excel = false): string {
  return excel ? UTF8_BOM : '';
}

export function toCsv(findings: Finding[], lang: Lang = 'id', opts: CsvOptions = {}): string {
  const rows = findings.map((f) => findingRow(f, lang, opts.baseline));
  const header = opts.baseline ? [...CSV_COLUMNS, BASELINE_COLUMN] : [...CSV_COLUMNS];
  const body = stringify(opts.header === false ? rows : [header, ...rows], csvStringifyOptions(opts.excel));
  return opts.header === false ? body : csvPreamble(opts.excel) + body;
}
