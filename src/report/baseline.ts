/**
 * Baselines: the findings of an earlier run (its JSON or SARIF) against this run's. Pure.
 *
 * Documents are paired by their document key (kind, agency and year as read from the report, or the
 * file's name when those cannot be read: see `documentKey` in src/audit/cross-document.ts), so a
 * revision saved under another name still pairs with its earlier version. Within a document,
 * findings with the same fingerprint (src/report/fingerprint.ts) are paired: first those whose
 * values are the same (`unchanged`), then the rest in document order (`updated`: same rule and
 * place, other values); what is left is `new` in this run or `absent` (no longer found: fixed) from
 * the baseline. Absent findings keep their place in the earlier version. Documents of the baseline
 * that this run did not audit are left out (nothing can be said about them).
 */
import type { BaselineState, Finding, Severity } from '../model/finding.js';
import type { SourceRef } from '../model/values.js';
import type { Lang } from './csv.js';
import { fingerprint, FINGERPRINT_VERSION, valueKey } from './fingerprint.js';
import type { FileResult } from './json.js';

export interface BaselineDocument {
  file: string;
  document: string;
  findings: Finding[];
}

export interface Baseline {
  /** The language the baseline's messages are in (SARIF holds one). */
  lang: Lang;
  documents: BaselineDocument[];
}

export class BaselineError extends Error {}

const SEVERITY: Record<string, Severity> = { error: 'error', warning: 'warning', note: 'info', none: 'info' };

const basename = (f: string) => f.replace(/\\/g, '/').split('/').pop() ?? f;

/** The key a file is paired by when the run did not record one (older output). */
export function fallbackDocumentKey(file: string): string {
  return `file|${basename(file)}`;
}

interface SarifLocation {
  physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } };
  logicalLocations?: { fullyQualifiedName?: string }[];
  message?: { text?: string };
}

function sarifRef(loc: SarifLocation | undefined, props: Record<string, unknown> = {}): SourceRef {
  const uri = loc?.physicalLocation?.artifactLocation?.uri ?? '';
  let file = uri;
  try {
    file = decodeURI(uri);
  } catch {
    /* keep as written */
  }
  const ref: SourceRef = { file, page: typeof props.page === 'number' ? props.page : null, line: loc?.physicalLocation?.region?.startLine ?? 0 };
  for (const k of ['section', 'table', 'row', 'column'] as const) if (typeof props[k] === 'string') ref[k] = props[k] as string;
  return ref;
}

function fromSarif(doc: { runs?: unknown[] }): Baseline {
  const run = (doc.runs?.[0] ?? {}) as { language?: string; results?: unknown[] };
  const lang: Lang = run.language === 'en' ? 'en' : 'id';
  const byKey = new Map<string, BaselineDocument>();
  for (const raw of run.results ?? []) {
    const r = raw as {
      ruleId?: string;
      level?: string;
      message?: { text?: string };
      locations?: SarifLocation[];
      relatedLocations?: SarifLocation[];
      partialFingerprints?: Record<string, string>;
      baselineState?: string;
      properties?: Record<string, unknown>;
    };
    if (r.baselineState === 'absent') continue; // fixed before that run: not part of its findings
    const props = r.properties ?? {};
    const where = sarifRef(r.locations?.[0], props);
    const text = r.message?.text ?? '';
    const f: Finding = {
      ruleId: r.ruleId ?? '',
      category: (props.category as Finding['category']) ?? 'unreadable_value',
      severity: SEVERITY[r.level ?? 'warning'] ?? 'warning',
      message: { id: text, en: text },
      where,
      messageId: typeof props.messageId === 'string' ? props.messageId : '',
      data: {},
      reported: typeof props.reported === 'string' ? props.reported : '',
      // SARIF holds one language: its texts stand for both
      expected: typeof props.expected === 'string' && props.expected ? { kind: 'text', text: { id: props.expected, en: props.expected } } : { kind: 'none' },
      tolerance: typeof props.tolerance === 'string' && props.tolerance ? { kind: 'text', text: { id: props.tolerance, en: props.tolerance } } : { kind: 'none' },
      related: (r.relatedLocations ?? []).map((l) => ({ ...sarifRef(l), ...(l.message?.text ? { note: l.message.text } : {}) })),
    };
    const fp = r.partialFingerprints?.[FINGERPRINT_VERSION];
    if (fp) f.fingerprint = fp;
    const key = typeof props.document === 'string' ? props.document : fallbackDocumentKey(where.file);
    if (!byKey.has(key)) byKey.set(key, { file: where.file, document: key, findings: [] });
    byKey.get(key)!.findings.push(f);
  }
  return { lang, documents: [...byKey.values()] };
}

function fromJson(doc: { results?: unknown[] }): Baseline {
  const documents: BaselineDocument[] = [];
  for (const raw of doc.results ?? []) {
    const r = raw as FileResult & { document?: string };
    if (!r || typeof r.file !== 'string' || !Array.isArray(r.findings)) throw new BaselineError('hasil per berkas tanpa "file" atau "findings"');
    documents.push({ file: r.file, document: r.document ?? fallbackDocumentKey(r.file), findings: r.findings.filter((f) => f.baseline !== 'absent') });
  }
  return { lang: 'id', documents };
}

/** Read a baseline written by an earlier run: its JSON (`--format json`) or SARIF (`--format sarif`). */
export function readBaseline(text: string): Baseline {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`bukan JSON atau SARIF yang sah (${(e as Error).message})`);
  }
  if (doc && typeof doc === 'object' && Array.isArray((doc as { runs?: unknown }).runs)) return fromSarif(doc as { runs: unknown[] });
  if (doc && typeof doc === 'object' && Array.isArray((doc as { results?: unknown }).results)) return fromJson(doc as { results: unknown[] });
  throw new BaselineError('bukan keluaran JSON atau SARIF lkip-audit (tidak ada "results" atau "runs")');
}

/** Fingerprint every finding that has none yet. */
export function withFingerprints(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => (f.fingerprint ? f : { ...f, fingerprint: fingerprint(f) }));
}

/** Pair this run's findings of one document with the baseline's: each gets its state; absent ones are returned after. */
export function compareFindings(current: readonly Finding[], earlier: readonly Finding[], lang: Lang = 'id'): Finding[] {
  const now = withFingerprints(current);
  const before = withFingerprints(earlier);
  const state: (BaselineState | undefined)[] = now.map(() => undefined);
  const used = before.map(() => false);
  const groups = new Map<string, number[]>();
  before.forEach((f, i) => {
    if (!groups.has(f.fingerprint!)) groups.set(f.fingerprint!, []);
    groups.get(f.fingerprint!)!.push(i);
  });
  // same values first, so a value that moved between two findings of one place is not "updated" twice
  now.forEach((f, i) => {
    const key = valueKey(f, lang);
    const j = groups.get(f.fingerprint!)?.find((j) => !used[j] && valueKey(before[j]!, lang) === key);
    if (j !== undefined) {
      used[j] = true;
      state[i] = 'unchanged';
    }
  });
  now.forEach((f, i) => {
    if (state[i]) return;
    const j = groups.get(f.fingerprint!)?.find((j) => !used[j]);
    if (j !== undefined) used[j] = true;
    state[i] = j !== undefined ? 'updated' : 'new';
  });
  return [
    ...now.map((f, i) => ({ ...f, baseline: state[i]! })),
    ...before.filter((_, j) => !used[j]).map((f) => ({ ...f, baseline: 'absent' as const })),
  ];
}

/** Every result's findings against the baseline document with the same key (a document the baseline lacks: all new). */
export function applyBaseline<R extends FileResult & { document?: string }>(results: readonly R[], baseline: Baseline): R[] {
  const byKey = new Map<string, Finding[]>();
  for (const d of baseline.documents) byKey.set(d.document, [...(byKey.get(d.document) ?? []), ...d.findings]);
  return results.map((r) => ({ ...r, findings: compareFindings(r.findings, byKey.get(r.document ?? fallbackDocumentKey(r.file)) ?? [], baseline.lang) }));
}

export interface BaselineCounts {
  /** In the baseline, no longer found. */
  fixed: number;
  /** Found again (unchanged or updated). */
  remaining: number;
  updated: number;
  new: number;
}

export function baselineCounts(findings: readonly Finding[]): BaselineCounts {
  const c: BaselineCounts = { fixed: 0, remaining: 0, updated: 0, new: 0 };
  for (const f of findings) {
    if (f.baseline === 'absent') c.fixed++;
    else if (f.baseline === 'unchanged') c.remaining++;
    else if (f.baseline === 'updated') {
      c.remaining++;
      c.updated++;
    } else if (f.baseline === 'new') c.new++;
  }
  return c;
}
