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
  if (!hasConfidences(doc)) return { report: parsed, findings: runRules(parsed, doc, config), repairs: [] };
  const { report, repairs } = repairReport(parsed, { doc });
  return { report, findings: reviewOcrFindings(runRules(report, doc, config), report, doc), repairs };
}

/** One row that stands for a file the tool could not read. */
export function inputErrorFinding(file: string, reason: string, message: { id: string; en: string }): Finding {
  return {
    ruleId: 'input-error',
    category: 'unreadable_value',
    severity: 'error',
    message,
    where: { file, page: null, line: 0 },
    reported: reason,
    expected: '',
    tolerance: '',
    related: [],
  };
}
