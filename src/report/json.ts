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

/** Stands for a result's findings while the rest of it is stringified (a file name holds no NUL). */
const FINDINGS_MARK = '\u0000findings';
const MARK_JSON = JSON.stringify(FINDINGS_MARK);

export function toJson(results: FileResult[]): string {
  return [...toJsonChunks(results)].join('');
}

/**
 * The same text as `toJson`, a finding at a time, so a writer never holds the whole document as
 * one string (a file with tens of thousands of findings makes tens of megabytes).
 * Byte-identical to `JSON.stringify({ tool, summary, results }, null, 2)`: each result is
 * stringified at the indentation it has inside the document (JSON strings hold no raw newline).
 */
export function* toJsonChunks(results: FileResult[]): Generator<string> {
  // findings fixed since the baseline (absent) are written, but are no longer findings of this run
  const found = (r: FileResult) => r.findings.filter((f) => f.baseline !== 'absent');
  const summary: Record<string, unknown> = {
    files: results.length,
    failed: results.filter((r) => r.error).length,
    errors: results.reduce((n, r) => n + found(r).filter((f) => f.severity === 'error').length, 0),
    warnings: results.reduce((n, r) => n + found(r).filter((f) => f.severity === 'warning').length, 0),
  };
  if (results.some((r) => r.findings.some((f) => f.baseline))) summary.baseline = baselineCounts(results.flatMap((r) => r.findings));
  const head = JSON.stringify({ tool: 'lkip-audit', summary }, null, 2);
  yield `${head.slice(0, -2)},\n  "results": [`;
  if (results.length === 0) {
    yield ']\n}\n';
    return;
  }
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    // the result at its depth with a mark where its findings go (spreading keeps the key order)
    const text = JSON.stringify({ ...r, findings: FINDINGS_MARK }, null, 2).replace(/\n/g, '\n    ');
    const at = text.indexOf(MARK_JSON);
    yield `${i ? ',' : ''}\n    ${text.slice(0, at)}`;
    if (r.findings.length === 0) yield '[]';
    else for (let k = 0; k < r.findings.length; k++) yield `${k ? ',' : '['}\n        ${JSON.stringify(r.findings[k], null, 2).replace(/\n/g, '\n        ')}`;
    if (r.findings.length) yield '\n      ]';
    yield text.slice(at + MARK_JSON.length);
  }
  yield '\n  ]\n}\n';
}
