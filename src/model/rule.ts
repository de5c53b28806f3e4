/** Rules are small modules in the spirit of ESLint: meta (id, docs, messages) plus a check. */
import type { Category, DataValue, Expected, Finding, Severity, Tolerance } from './finding.js';
import type { Config } from './config.js';
import type { LkipReport } from './report.js';
import type { PrintedValue, SourceRef } from './values.js';

export interface Message {
  id: string;
  en: string;
  /**
   * This message's default severity when it is milder than the rule's (e.g. a unit-only drift is a
   * warning). The user's `rules.<id>.messages.<messageId>` sets it; `rules.<id>.severity` caps it.
   */
  severity?: Severity;
  // no category: a rule has one (RuleMeta.category); a relation of another kind is a rule of its own
}

export interface RuleMeta {
  id: string;
  category: Category;
  defaultSeverity: Severity;
  docs: { id: string; en: string };
  /** Message templates with {{placeholders}}; ids are referenced by `report({ messageId })`. */
  messages: Record<string, Message>;
}

export interface Problem {
  messageId: string;
  /** Placeholders: printed text, counts, quantities, or printed values (quoted as printed, with their number). */
  data?: Record<string, DataValue | PrintedValue>;
  /** Where; a table value's `col` is taken from `reported` when that value sits on this line. */
  where: SourceRef;
  /** The printed value (its text, number and cell), or the printed words. */
  reported: string | PrintedValue;
  expected: Expected;
  tolerance: Tolerance;
  related?: Finding['related'];
  /** Rests on an OCR value: an error becomes a warning (a human must look). */
  needsReview?: boolean;
}

/**
 * What a rule receives: the parsed report (tables, facts, layouts, budgets, the prose index of every
 * text line) and the configuration. Never the Document: a rule reads text through report.prose.
 */
export interface RuleContext {
  report: LkipReport;
  config: Config;
  problem(p: Problem): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
