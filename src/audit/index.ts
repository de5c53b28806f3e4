/** Document → model → findings. Pure: the browser self-check runs exactly this. */
import type { Config } from '../model/config.js';
import type { Document } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { LkipReport } from '../model/report.js';
import { parseReport } from '../parse/index.js';
import { runRules } from './engine.js';

export function auditDocument(doc: Document, config: Config): { report: LkipReport; findings: Finding[] } {
  const report = parseReport(doc, config);
  return { report, findings: runRules(report, doc, config) };
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
