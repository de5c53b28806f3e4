/**
 * Runs the rules over a parsed report. The engine, not the rule, stamps rule id, category,
 * severity (from the configuration and the rule's meta, never from the problem) and messages; a rule that throws becomes one finding and the run goes on.
 */
import type { Config } from '../model/config.js';
import type { DataValue, Finding } from '../model/finding.js';
import type { LkipReport } from '../model/report.js';
import type { RuleSetting } from '../model/config.js';
import type { Problem, Rule, RuleMeta } from '../model/rule.js';
import type { Severity } from '../model/finding.js';
import { dataValue, formatData, formatExpected, quantityOf, type Lang } from './format.js';
import { RULES } from './rules/index.js';

export function fill(template: string, data: Record<string, DataValue> = {}, lang: Lang = 'id'): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => {
    if (!(k in data)) throw new Error(`placeholder {{${k}}} tidak diisi`);
    return formatData(data[k]!, lang);
  });
}

const SEV_ORDER = { info: 0, warning: 1, error: 2 } as const;

/**
 * The severity of one message of a rule, before OCR review. In order: the configured
 * `messages.<messageId>` sets it; else the configured rule `severity` (or the rule's default) caps the
 * message's own default (a message without one takes the rule's).
 */
export function messageSeverity(meta: RuleMeta, messageId: string, setting?: Partial<RuleSetting>): Severity {
  const own = setting?.messages?.[messageId];
  if (own) return own;
  const cap = setting?.severity ?? meta.defaultSeverity;
  const dflt = meta.messages[messageId]?.severity ?? meta.defaultSeverity;
  return SEV_ORDER[dflt] < SEV_ORDER[cap] ? dflt : cap;
}

/**
 * A rule's problem as a finding: the engine stamps rule id, category and severity (from the meta and
 * the configuration), fills the message in both languages and boxes a table value's own cell. The
 * cross-document checks (src/audit/cross-document.ts) are stamped by it too.
 */
export function stampProblem(meta: RuleMeta, setting: Partial<RuleSetting> | undefined, p: Problem, via?: Finding['via']): Finding {
  const msg = meta.messages[p.messageId];
  if (!msg) throw new Error(`aturan ${meta.id}: messageId tidak dikenal: ${p.messageId}`);
  let severity = messageSeverity(meta, p.messageId, setting);
  if (p.needsReview && severity === 'error') severity = 'warning';
  const data: Record<string, DataValue> = {};
  for (const [k, v] of Object.entries(p.data ?? {})) data[k] = dataValue(v);
  const printedValue = typeof p.reported === 'string' ? null : p.reported;
  const printed = printedValue ? quantityOf(printedValue) : undefined;
  // a table value: the page boxes its own cell (by index, never by its text)
  const col = p.where.col ?? (printedValue && printedValue.src.line === p.where.line ? printedValue.src.col : undefined);
  return {
    ruleId: meta.id,
    category: meta.category,
    severity,
    messageId: p.messageId,
    data,
    message: { id: fill(msg.id, data, 'id'), en: fill(msg.en, data, 'en') },
    where: col === undefined ? p.where : { ...p.where, col },
    reported: printedValue ? printedValue.raw : (p.reported as string),
    ...(printed ? { printed } : {}),
    expected: p.expected,
    tolerance: p.tolerance,
    related: p.related ?? [],
    ...(via !== undefined ? { via } : {}),
    ...(p.needsReview !== undefined ? { needsReview: p.needsReview } : {}),
  };
}

export function runRules(report: LkipReport, config: Config, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    if (setting && setting.enabled === false) continue;
    const problem = (p: Problem) => {
      findings.push(stampProblem(rule.meta, setting, p, report.format));
    };
    try {
      rule.check({ report, config, problem });
    } catch (e) {
      findings.push({
        ruleId: rule.meta.id,
        category: 'structure_missing',
        severity: 'warning',
        messageId: 'crashed',
        data: { error: (e as Error).message },
        message: {
          id: `Aturan ${rule.meta.id} gagal dijalankan: ${(e as Error).message}`,
          en: `Rule ${rule.meta.id} crashed: ${(e as Error).message}`,
        },
        where: { file: report.file, page: null, line: 0 },
        reported: '',
        expected: { kind: 'none' },
        tolerance: { kind: 'none' },
        related: [],
      });
    }
  }
  return sortFindings(findings);
}

export function sortFindings(f: Finding[]): Finding[] {
  return [...f].sort(
    (a, b) =>
      a.where.file.localeCompare(b.where.file) ||
      (a.where.page ?? 0) - (b.where.page ?? 0) ||
      a.where.line - b.where.line ||
      a.ruleId.localeCompare(b.ruleId) ||
      (a.where.column ?? '').localeCompare(b.where.column ?? '') ||
      a.reported.localeCompare(b.reported) ||
      formatExpected(a.expected, 'id').localeCompare(formatExpected(b.expected, 'id')),
  );
}
