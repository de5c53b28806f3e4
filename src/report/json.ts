/** Findings → JSON for machines. Pure. */
import type { Finding } from '../model/finding.js';
import { baselineCounts } from './baseline.js';

export interface FileResult {
  file: string;
  /** The document key baselines pair files by (kind, agency, year; see documentKey). */
  document?: string;
  error?: { reason: string; message: { id: string; en: string } };
  findings: Finding[];
}

export function toJson(results: FileResult[]): string {
  // findings fixed since the baseline (absent) are written, but are no longer findings of this run
  const found = (r: FileResult) => r.findings.filter((f) => f.baseline !== 'absent');
  const summary: Record<string, unknown> = {
    files: results.length,
    failed: results.filter((r) => r.error).length,
    errors: results.reduce((n, r) => n + found(r).filter((f) => f.severity === 'error').length, 0),
    warnings: results.reduce((n, r) => n + found(r).filter((f) => f.severity === 'warning').length, 0),
  };
  if (results.some((r) => r.findings.some((f) => f.baseline))) summary.baseline = baselineCounts(results.flatMap((r) => r.findings));
  return JSON.stringify({ tool: 'lkip-audit', summary, results }, null, 2) + '\n';
}
