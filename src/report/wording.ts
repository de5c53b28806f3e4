/**
 * Wording the self-check page (src/web/labels.ts) and the CLI's HTML report (html.ts) share, so
 * that a clerk and a reviewer read the same words: the severities, and where a finding is, named
 * by page and by the section, table, row and column names printed in the report. Never the tool's
 * own line count, which nobody can find in the PDF (and "baris" also names a table row).
 * Pure: runs in the browser too.
 */
import type { Category, Severity } from '../model/finding.js';
import type { SourceRef } from '../model/values.js';
import type { Lang } from './csv.js';

export type { Lang };

export const SEVERITY: Record<Lang, Record<Severity, string>> = {
  id: { error: 'Kesalahan', warning: 'Peringatan', info: 'Catatan' },
  en: { error: 'Error', warning: 'Warning', info: 'Note' },
};

export const WHERE = {
  id: { page: (n: number) => `hal. ${n}`, row: (r: string) => `baris tabel “${r}”`, column: (c: string) => `kolom “${c}”`, whole: 'seluruh dokumen' },
  en: { page: (n: number) => `p. ${n}`, row: (r: string) => `row “${r}”`, column: (c: string) => `column “${c}”`, whole: 'whole document' },
} as const;

/**
 * A table's name as a reader knows it. A table without a printed number is labelled by parse with
 * its kind, section and first line ("Tabel anggaran (Bab III, baris 406)"): the line is dropped,
 * the page is shown next to it instead.
 */
export const tableName = (table: string) => table.replace(/,?\s*\b(baris|line) \d+\)/, ')').replace(/ \(\)$/, '');

/**
 * Where a place is, as a reader finds it in the report: page, then the table (or, outside tables,
 * the section), the row and the column as printed. `page` overrides the reference's own page (the
 * page the line was found on). Empty when the reference names none of these.
 */
export function whereParts(ref: Pick<SourceRef, 'page' | 'section' | 'table' | 'row' | 'column'>, lang: Lang, page: number | null = ref.page): string[] {
  const w = WHERE[lang];
  const parts: string[] = [];
  if (page) parts.push(w.page(page));
  // a table without a printed number is labelled by the tool with its first line ("… (Bab III, baris 313)"): the page says where it is
  if (ref.table) parts.push(tableName(ref.table));
  else if (ref.section) parts.push(ref.section);
  if (ref.row) parts.push(w.row(ref.row.length > 80 ? `${ref.row.slice(0, 79)}…` : ref.row));
  // generated column names ("kolom 3") are the tool's own count: only printed headers are shown
  if (ref.column && !/^kolom \d+$/i.test(ref.column)) parts.push(w.column(ref.column));
  return parts;
}

/**
 * Findings where two places print different values for the same thing: the tool knows they
 * differ, not which one is right. They show both values and both places, and ask.
 */
export const COMPARES_TWO: ReadonlySet<Category> = new Set<Category>(['target_drift', 'cross_table_mismatch']);
