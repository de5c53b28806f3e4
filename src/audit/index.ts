/** Document → model → findings. Pure: the browser self-check runs exactly this. */
import type { Config } from '../model/config.js';
import type { Document } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { LkipReport } from '../model/report.js';
import { parseReport } from '../parse/index.js';
import { repairReport, type Repair } from '../parse/repair.js';
import { reviewOcrFindings } from './review.js';
import { runRules } from './engine.js';

/** Any OCR confidence on the document: only then can a value be misread and need repair or review. */
function hasConfidences(doc: Document): boolean {
  return doc.format === 'ocr' || doc.lines.some((l) => l.confidence !== undefined || (l.cells ?? []).some((c) => c.confidence !== undefined));
}

/**
 * Parse, repair OCR misreadings that break the report's own arithmetic (only when exactly one
 * reading makes every relation hold; each repair is evidence), run the rules, and mark findings
 * that rest on a low-confidence or repaired value for a human look (severity at most warning).
 */
export function auditDocument(doc: Document, config: Config): { report: LkipReport; findings: Finding[]; repairs: Repair[] } {
  const parsed = parseReport(doc, config);
  if (!hasConfidences(doc)) return { report: parsed, findings: [...ingestFindings(doc), ...runRules(parsed, config)], repairs: [] };
  const { report, repairs } = repairReport(parsed, { doc });
  return { report, findings: [...ingestFindings(doc), ...reviewOcrFindings(runRules(report, config), report, doc)], repairs };
}

const NONE = { kind: 'none' } as const;
const NO_TOLERANCE = { kind: 'none' } as const;

/** Input used less than this share of what was read is reported: the audit covers part of the file. */
export const MIN_USED_SHARE = 0.5;

/**
 * What the ingest layer could not take as it presented itself: one info finding per damaged table,
 * and one warning when most of the input produced no text (the findings cover part of the file).
 */
export function ingestFindings(doc: Document): Finding[] {
  const input = doc.input;
  if (!input) return [];
  const out: Finding[] = input.notes.map((n) => ({
    ruleId: 'input-coverage',
    category: 'structure_missing',
    severity: 'info',
    messageId: 'note',
    data: {},
    message: n.message,
    where: { file: doc.file, page: n.page, line: n.line },
    reported: '',
    expected: NONE,
    tolerance: NO_TOLERANCE,
    related: [],
  }));
  if (input.read > 0 && input.unused > input.read * (1 - MIN_USED_SHARE)) {
    const [id, en] = input.unit === 'page' ? ['halaman', 'pages'] : ['baris', 'lines'];
    out.push({
      ruleId: 'input-coverage',
      category: 'structure_missing',
      severity: 'warning',
      messageId: 'mostlyUnread',
      data: { unused: input.unused, read: input.read },
      message: {
        id: `Sebagian besar isi berkas tidak terbaca: ${input.unused} dari ${input.read} ${id} tidak menghasilkan teks; temuan lain hanya mencakup sisanya.`,
        en: `Most of the file could not be read: ${input.unused} of ${input.read} ${en} gave no text; the other findings cover the rest only.`,
      },
      where: { file: doc.file, page: null, line: 0 },
      reported: `${input.read - input.unused} / ${input.read} ${id}`,
      expected: { kind: 'text', text: { id: `${input.read} ${id}`, en: `${input.read} ${en}` } },
      tolerance: { kind: 'text', text: { id: `≥ ${Math.round(MIN_USED_SHARE * 100)}%`, en: `≥ ${Math.round(MIN_USED_SHARE * 100)}%` } },
      related: [],
    });
  }
  return out;
}

/** One row that stands for a file the tool could not read. */
export function inputErrorFinding(file: string, reason: string, message: { id: string; en: string }): Finding {
  return {
    ruleId: 'input-error',
    category: 'unreadable_value',
    severity: 'error',
    messageId: reason,
    data: {},
    message,
    where: { file, page: null, line: 0 },
    reported: reason,
    expected: NONE,
    tolerance: NO_TOLERANCE,
    related: [],
  };
}
