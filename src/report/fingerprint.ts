/**
 * The stable fingerprint of a finding: what it is about, never where the lines happen to fall, so a
 * revision with shifted lines (or re-paginated PDF) still matches the earlier run. Pure.
 *
 * fingerprint = hash of
 *   rule id · category · section · table identity · row label · column label
 * where the table identity is the report's own number ("Tabel 3.8") or, for an unnumbered table,
 * its kind and section without the line ("PK Perubahan (Lampiran PK Perubahan)"), and labels are
 * folded (case, spacing, punctuation). Line and page numbers never enter it.
 *
 * The fingerprint says which findings can be the same; `valueKey` (what was printed, what was
 * expected, the message, all with line references masked) says whether the same finding still has
 * the same values. Several findings of one document may share a fingerprint (two sentences in one
 * section); baseline matching pairs them by value first, then in document order.
 *
 * When findings carry references to model facts (issue 12), `aboutParts` is the one place to use
 * the facts' keys (indicator or budget line, measure, year, source) instead of the printed labels.
 */
import type { Finding } from '../model/finding.js';
import { formatExpected } from './format.js';

/** Line/page references inside a text ("baris 965", "line 420; ... baris 10 dan 19", "hlm. 4") masked. */
export function maskLines(s: string): string {
  return s.replace(/\b(baris|line|lines|hlm\.|halaman|page|p\.)\s*\d+(?:\s*(?:,|;|dan|and|–|-)\s*\d+\b)*/gi, '$1 #');
}

/** Case, spacing and punctuation folded; line references masked. */
export function foldLabel(s: string | undefined): string {
  if (!s) return '';
  return maskLines(s)
    .toLowerCase()
    .replace(/<[^>]+>/g, ' ')
    .replace(/[^\p{L}\p{N}#%]+/gu, ' ')
    .trim();
}

/** A table's identity without its line: "PK (Bab II, baris 371)" → "pk bab ii". */
export function tableIdentity(table: string | undefined): string {
  if (!table) return '';
  return foldLabel(table.replace(/,?\s*baris\s+\d+/gi, '').replace(/,?\s*line\s+\d+/gi, ''));
}

/** What the finding is about, as the parts its fingerprint is made of. */
export function aboutParts(f: Finding): string[] {
  return [f.ruleId, f.category, foldLabel(f.where.section), tableIdentity(f.where.table), foldLabel(f.where.row), foldLabel(f.where.column)];
}

/** 53-bit string hash (cyrb53), hex: pure, the same in Node and the browser. */
function hash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

export const FINGERPRINT_VERSION = 'lkipAudit/v1';

export function fingerprint(f: Finding): string {
  return hash(aboutParts(f).join('\u0001'));
}

/**
 * A message without the tool's line references at all ("(baris 387)", " baris 319", ", line 12"):
 * messages no longer name lines their related places carry, so a message written before that
 * (an older baseline) and the same message now compare equal.
 */
export function dropLineRefs(s: string): string {
  return s
    .replace(/\s*\((?:baris|line|lines)\s+\d+(?:\s*(?:,|dan|and)\s*\d+)*\)/gi, '')
    .replace(/,?\s+\b(?:baris|line|lines)\s+\d+(?:\s*(?:,|dan|and)\s*\d+)*\b/gi, '')
    .replace(/\((?:baris|line)\s+\d+,\s*/gi, '(')
    .replace(/\(\s*,\s*/g, '(');
}

/** The values of a finding, line references masked (in the message: dropped): equal keys = the same finding unchanged. */
export function valueKey(f: Finding, lang: 'id' | 'en' = 'id'): string {
  return [f.severity, maskLines(f.reported), maskLines(formatExpected(f.expected, lang)), dropLineRefs(lang === 'en' ? f.message.en : f.message.id)].join('\u0001');
}
