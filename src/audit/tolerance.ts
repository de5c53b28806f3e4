/**
 * Comparing at the precision the report printed (Arelle-style intervals, no arbitrary epsilons).
 * The arithmetic itself lives in src/parse/arith.ts (shared with OCR repair); this module gives the
 * rules the data a finding carries for its tolerance and expected value (the reporters write them
 * in the chosen language: src/audit/format.ts).
 *
 * A printed number v with d decimals stands for any value that rounds OR truncates to it:
 * [v − ½·10^−d, v + 10^−d). A recomputed value is consistent when it falls in that interval.
 * Money (whole rupiah) is compared exactly, in integer arithmetic from the printed digits.
 */
import { cents } from '../parse/arith.js';
import { SCALE_BOUNDARY_RULE } from '../parse/performance.js';
import type { Expected, Quantity, Text, Tolerance } from '../model/finding.js';
import type { PrintedValue } from '../model/values.js';
import { both, formatQuantity, quantityOf, type Lang } from './format.js';
export { both, formatQuantity } from './format.js';

export { capaianRanges, consistentAtPrinted, fmtRupiah, inputRange, printedInterval, rangeMeetsPrinted } from '../parse/arith.js';

/** Compared at the printed precision (`decimals`), rounded or truncated; `note` adds a condition. */
export function precision(decimals: number, note?: Text): Tolerance {
  return note ? { kind: 'printed-precision', decimals, note } : { kind: 'printed-precision', decimals };
}

/** Money: exact, in whole rupiah. */
export const EXACT: Tolerance = { kind: 'exact-rupiah' };

/** A rule's own criterion, in words. */
export function criterion(id: string, en: string): Tolerance {
  return { kind: 'text', text: { id, en } };
}

/** Integer rupiah of a printed money value, in cents, from its digits (src/parse/arith.ts `cents`). */
export function rupiah(v: PrintedValue): bigint | null {
  return cents(v);
}

/** A recomputed percentage, shown at two decimals more than needed to see the difference. */
export function pct(v: number, printedDecimals = 0): Quantity {
  return { value: v, unit: 'percent', decimals: Math.max(2, printedDecimals) };
}

/** An amount in cents as an exact rupiah quantity (cents shown only when there are any). */
export function amount(c: bigint): Quantity {
  const neg = c < 0n;
  const abs = neg ? -c : c;
  const whole = (abs / 100n).toString();
  const frac = abs % 100n;
  const s = frac !== 0n ? `${whole}.${frac.toString().padStart(2, '0')}` : whole;
  return { value: neg ? `-${s}` : s, unit: 'rupiah', decimals: frac !== 0n ? 2 : 0 };
}

/** A plain number (a count, a score) at `decimals`. */
export function num(v: number, decimals = 0, label?: string): Quantity {
  return label ? { value: v, unit: 'number', decimals, label } : { value: v, unit: 'number', decimals };
}

/** Expected: a quantity, with where it comes from or how it was made. */
export function expectQuantity(quantity: Quantity, note?: Text): Expected {
  return note ? { kind: 'quantity', quantity, note } : { kind: 'quantity', quantity };
}

/** Expected: the value another place printed (quoted as printed, with its number). */
export function expectPrinted(v: PrintedValue, note?: Text): Expected {
  const quantity = quantityOf(v);
  return { kind: 'printed', raw: v.raw, ...(quantity ? { quantity } : {}), ...(note ? { note } : {}) };
}

/** Expected: words (a name, a predicate, a list), in both languages. */
export function expectText(id: string, en: string = id): Expected {
  return { kind: 'text', text: { id, en } };
}

/** Nothing to compare with (a value that should be printed, a missing part). */
export const NO_EXPECTED: Expected = { kind: 'none' };

/** Expected: words made in both languages by one function (numbers in each language's marks). */
export function expectWords(make: (lang: Lang) => string): Expected {
  return { kind: 'text', text: both(make) };
}

/** The recomputed mean of percentages: plain, or plain and capped at 100% when they differ. */
export function expectMean(plain: number, capped: number, d: number): Expected {
  if (plain === capped) return expectQuantity(pct(plain, d));
  return expectWords((l) => `${formatQuantity(pct(plain, d), l)} (${l === 'id' ? 'biasa' : 'plain'}) / ${formatQuantity(pct(capped, d), l)} (${l === 'id' ? 'batas 100%' : 'capped at 100%'})`);
}

/** A place list written with "baris N" (the tool's line count), in English words. */
export const lineWord = (s: string): string => s.replace(/\bbaris\b/g, 'line');

/** `pct` under a name that does not clash with a rule's own helper. */
export const percent = pct;

const BOUNDARY_RULE_EN =
  'Touching bounds (80–90, 90–100) go to the higher predicate; a gap (75–76) goes to the lower one: each predicate holds from its lower bound up to the lower bound of the predicate above it.';

/** How a predicate scale's bounds are read, in both languages (`prefix`/`suffix` add the rule's own words). */
export function boundaryRule(scale: { boundaryRule: string }, prefix?: Text, suffix?: Text): Tolerance {
  const en = scale.boundaryRule === SCALE_BOUNDARY_RULE ? BOUNDARY_RULE_EN : scale.boundaryRule;
  const join = (a: string | undefined, b: string, c: string | undefined) => [a, b, c].filter((x) => x !== undefined).join('; ');
  return criterion(join(prefix?.id, scale.boundaryRule, suffix?.id), join(prefix?.en, en, suffix?.en));
}

/**
 * A label without the tool's own line count ("skala predikat yang dinyatakan laporan (baris 387)" →
 * "skala predikat yang dinyatakan laporan"): a message names places, their lines are the related places.
 */
export const dropLines = (s: string): string => s.replace(/\s*\(baris \d+(?:, \d+)*\)/g, '').replace(/,?\s+baris \d+(?:, \d+)*/g, '');

/** A predicate scale's name in a language: the report's own scale ("the predicate scale the report states"), or the configured scale's name. */
export function scaleName(scale: { name: string; origin?: string }, lang: Lang): string {
  if (scale.origin === 'report') return lang === 'id' ? dropLines(scale.name) : 'the predicate scale the report states';
  return dropLines(scale.name);
}
