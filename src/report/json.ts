/** Findings → JSON for machines. Pure. */
import type { Finding } from '../model/finding.js';

export interface FileResult {
  file: string;
  error?: { reason: string; message: { id: string; en: string } };
  findings: Finding[];
}

export function toJson(results: FileResult[]): string {
  const summary = {
    files: results.length,
    failed: results.filter((r) => r.error).length,
    errors: results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0),
    warnings: results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0),
  };
  return JSON.stringify({ tool: 'lkip-audit', summary, results }, null, 2) + '\n';
}
