/** Findings → CSV for reviewers. Pure: runs in the browser too. */
import { stringify } from 'csv-stringify/sync';
import type { Finding } from '../model/finding.js';

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

export function findingRow(f: Finding, lang: Lang): string[] {
  return [
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
    f.reported,
    f.expected,
    f.tolerance,
    lang === 'en' ? f.message.en : f.message.id,
  ];
}

export function toCsv(findings: Finding[], lang: Lang = 'id', opts: { header?: boolean } = {}): string {
  const rows = findings.map((f) => findingRow(f, lang));
  return stringify(opts.header === false ? rows : [[...CSV_COLUMNS], ...rows]);
}
