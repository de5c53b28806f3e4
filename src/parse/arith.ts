/**
 * The audit's arithmetic, in one pure module (no Node APIs), used by the rules and by OCR repair
 * alike (STYLE: Arelle). Parse may be imported by audit, never the reverse.
 *
 *  - A printed number with d decimals stands for any value that rounds OR truncates to it:
 *    [v − ½·10^−d, v + 10^−d). A recomputed value is consistent when it falls in that interval.
 *  - Money is read from its printed digits into scaled integers (bigint cents), never through a
 *    float; sums of money are exact at any size, and a percentage of two amounts is tested against
 *    the printed interval exactly (cross-multiplied in bigint).
 *  - Capaian follows the indicator's polarity (lower is better: either formula in use), from the
 *    intervals its inputs' printed decimals allow; means are plain or capped at 100%.
 */
import type { PrintedValue } from '../model/values.js';

/** Float slack for recomputed ratios of small numbers (capaian of 93 / 80); never used for money. */
const EPS = 1e-9;

// ------------------------------------------------------------------ printed precision

export function printedInterval(v: number, decimals: number): [number, number] {
  const u = 10 ** -decimals;
  return [v - u / 2, v + u];
}

/** Does a recomputed value fall in the interval the printed value stands for? */
export function consistentAtPrinted(computed: number, printed: number, decimals: number): boolean {
  if (!Number.isFinite(computed) || !Number.isFinite(printed)) return false;
  const [lo, hi] = printedInterval(printed, decimals);
  return computed >= lo - EPS && computed < hi - EPS;
}

/**
 * The interval an input printed with decimals stands for (rounded or truncated at its decimals);
 * a whole number is taken as exact (counts, whole percentages are printed as they are).
 */
export function inputRange(v: number, decimals: number): [number, number] {
  if (decimals <= 0) return [v, v];
  return printedInterval(v, decimals);
}

/** Does a computed interval [lo, hi] reach the interval a printed value stands for? */
export function rangeMeetsPrinted(lo: number, hi: number, printed: number, decimals: number): boolean {
  if (![lo, hi, printed].every(Number.isFinite)) return false;
  const [plo, phi] = printedInterval(printed, decimals);
  return hi >= plo - EPS && lo < phi - EPS;
}

/** A printed figure as the comparisons need it: its number and its printed decimals (digits when known). */
export type Printed = Pick<PrintedValue, 'value' | 'decimals'> & { digits?: string };

/**
 * The same fact printed twice (target drift, cross-table, narrative restatements, cross-document:
 * one family, STYLE: Arelle's duplicate facts). Each printed figure stands for the interval its
 * printed precision allows under the convention it was printed by: rounded, [v − ½u, v + ½u);
 * truncated (toward zero), [v, v + u) for v ≥ 0, (v − u, v] below 0, u = 10^−decimals. Two figures
 * agree when, under one convention, their intervals overlap: "90,24" and "90,2" (both rounded),
 * "85,9" and "85" (both truncated), "85,4" and "85"; never "85" and "86", nor "84,1" and "85".
 *
 * Only one variant exists, and it needs no option: mixing the conventions (a sentence that
 * truncates a figure the table rounds) accepts exactly the same pairs when the two are printed at
 * different precisions (the finer one's interval lies on the coarser one's grid), and at the same
 * precision a copy is the same digits ("84" for a table's "85" is a difference, not a rounding).
 * Computed against printed (`consistentAtPrinted`) a computed value has no precision of its own,
 * so it is tested against both conventions at once (`printedInterval`).
 *
 * Exact: compared as scaled integers (bigint), never through float differences.
 * `decimals` is the coarser printed precision: the tolerance a finding reports.
 */
export function compareAtPrinted(a: Printed, b: Printed): { same: boolean; decimals: number } {
  const decimals = Math.min(a.decimals, b.decimals);
  const x = scaled(a);
  const y = scaled(b);
  if (!x || !y) return { same: false, decimals };
  // one scale with a digit to spare for the halves
  const s = Math.max(x.scale, y.scale) + 1;
  const bounds = (e: { n: bigint; scale: number }, c: 'rounded' | 'truncated'): [bigint, bigint] => {
    const n = e.n * POW10(s - e.scale);
    const u = POW10(s - e.scale);
    if (c === 'rounded') return [n - u / 2n, n + u / 2n];
    return n >= 0n ? [n, n + u] : [n - u, n];
  };
  const overlap = (c: 'rounded' | 'truncated') => {
    const [alo, ahi] = bounds(x, c);
    const [blo, bhi] = bounds(y, c);
    return alo < bhi && blo < ahi;
  };
  return { same: overlap('rounded') || overlap('truncated'), decimals };
}

/** compareAtPrinted's answer alone: do two printed figures stand for the same number? */
export function sameAtPrinted(a: Printed, b: Printed): boolean {
  return compareAtPrinted(a, b).same;
}

/**
 * The scale guard of the family: a figure more than `factor` times larger or smaller than the one
 * it would restate is on another scale or unit ("162/100.000" beside a table's 0,16), not the same
 * fact printed again, and is not compared.
 */
export function sameScale(stated: number, printed: number, factor = 5): boolean {
  const ratio = stated / printed;
  return ratio <= factor && ratio >= 1 / factor;
}

/** A printed figure as digits × 10^−scale (from its digits, else its float when that is exact); null without a number. */
function scaled(v: Printed): { n: bigint; scale: number } | null {
  if (v.value === null || !Number.isFinite(v.value)) return null;
  const e = exactOf({ value: v.value, decimals: v.decimals, digits: v.digits } as PrintedValue);
  if (!e) return null;
  // digits carry no sign
  return v.value < 0 && e.n > 0n ? { n: -e.n, scale: e.scale } : e;
}

// ------------------------------------------------------------------ exact values

/** The number a value stands for, for ratios: numbers, percentages, money and grades by their number. */
export function numberOf(v: PrintedValue): number | null {
  if (v.kind !== 'grade' && v.kind !== 'number' && v.kind !== 'percent' && v.kind !== 'money') return null;
  return v.value !== null && Number.isFinite(v.value) ? v.value : null;
}

/** The printed value exactly: digits × 10^−scale. Null when it has no number. */
export function exactOf(v: PrintedValue): { n: bigint; scale: number } | null {
  if (v.value === null || !Number.isFinite(v.value)) return null;
  // the digits, when they are those of this value (a copy that changed the value and kept stale
  // digits falls back to the float below)
  if (v.digits !== undefined && Math.abs(Number(v.digits) / 10 ** v.decimals - v.value) <= Math.abs(v.value) * 1e-12) return { n: BigInt(v.digits), scale: v.decimals };
  // a value built without its digits (never by the parser): only when the float is exact
  const scaled = v.value * 10 ** v.decimals;
  const r = Math.round(scaled);
  if (!Number.isSafeInteger(r) || Math.abs(scaled - r) > 1e-6) return null;
  return { n: BigInt(r), scale: v.decimals };
}

const POW10 = (k: number) => 10n ** BigInt(k);

/**
 * Whole rupiah in cents (bigint) from the printed digits; a blank cell is 0. Beyond two decimals
 * the cents are rounded half up. Null when the value has no number (unreadable is never zero).
 */
export function cents(v: PrintedValue | null | undefined): bigint | null {
  if (!v) return null;
  if (v.kind === 'empty') return 0n;
  const e = exactOf(v);
  if (!e) return null;
  if (e.scale <= 2) return e.n * POW10(2 - e.scale);
  const d = POW10(e.scale - 2);
  return (e.n + d / 2n) / d;
}

/** Sum of amounts in cents; null when any is missing or unreadable. */
export function sumCents(vs: (PrintedValue | null | undefined)[]): bigint | null {
  let s = 0n;
  for (const v of vs) {
    const c = cents(v);
    if (c === null) return null;
    s += c;
  }
  return s;
}

/** part / base × 100 as a float for display (both bigint: exact up to the float's last digit). */
export function pctOf(part: bigint, base: bigint): number {
  if (base === 0n) return NaN;
  // 12 digits after the point are kept exactly before the float is made
  const scaled = (part * 100n * 10n ** 12n) / base;
  return Number(scaled) / 1e12;
}

/**
 * Is part / base × 100 in the interval the printed percentage stands for? Exact: with the printed
 * value p = D × 10^−d, the interval [D − ½, D + 1) × 10^−d is compared by cross-multiplication.
 */
export function pctAtPrinted(part: bigint, base: bigint, printed: PrintedValue): boolean {
  const e = exactOf(printed);
  if (!e || base === 0n) return false;
  const neg = base < 0n;
  const b = neg ? -base : base;
  const p = neg ? -part : part;
  // (2D − 1)·b ≤ 2·p·100·10^d < (2D + 2)·b
  const x = 2n * p * 100n * POW10(e.scale);
  return (2n * e.n - 1n) * b <= x && x < (2n * e.n + 2n) * b;
}

// ------------------------------------------------------------------ capaian and means

/**
 * Capaian of a realisation against its target, in percent: realisasi / target × 100 (positive
 * polarity) or (target − (realisasi − target)) / target × 100 (negative: lower is better). Null when
 * the target is zero or a value is not a finite number.
 */
export function capaianOf(target: number, realisasi: number, negative: boolean): number | null {
  if (!Number.isFinite(target) || !Number.isFinite(realisasi) || target === 0) return null;
  return negative ? ((target - (realisasi - target)) / target) * 100 : (realisasi / target) * 100;
}

/**
 * Capaian from target and realisasi, as intervals from their printed precision, in percent: the
 * positive formula, or, for lower-is-better indicators, either formula in use —
 * (2·target − realisasi) / target and target / realisasi.
 */
export function capaianRanges(t: [number, number], r: [number, number], negative: boolean): { formula: 'ratio' | 'inverse' | 'difference'; lo: number; hi: number }[] {
  const [tlo, thi] = t;
  const [rlo, rhi] = r;
  if (tlo <= 0) return [];
  if (!negative) return [{ formula: 'ratio', lo: (rlo / thi) * 100, hi: (rhi / tlo) * 100 }];
  const out: { formula: 'ratio' | 'inverse' | 'difference'; lo: number; hi: number }[] = [{ formula: 'difference', lo: (2 - rhi / tlo) * 100, hi: (2 - rlo / thi) * 100 }];
  if (rlo > 0) out.push({ formula: 'inverse', lo: (tlo / rhi) * 100, hi: (thi / rlo) * 100 });
  return out;
}

/**
 * Does a printed capaian agree with its target and realisation? Target and realisation stand for
 * the intervals their printed decimals allow; a lower-is-better indicator accepts either formula
 * (capaianRanges). When the report states that capaian above 100% counts as 100% (and below 0 as
 * 0), the cap is accepted as well. `raw` is the capaian of the printed values by the first formula
 * (for the message). Null when it cannot be tested (no numbers, a target of zero or less, a
 * capaian with a unit).
 */
export function checkCapaian(
  t: PrintedValue,
  r: PrintedValue,
  c: PrintedValue,
  negative: boolean,
  capped: boolean,
): { holds: boolean; raw: number } | null {
  const tv = numberOf(t);
  const rv = numberOf(r);
  if (tv === null || rv === null || c.value === null || !Number.isFinite(c.value)) return null;
  if ((c.kind !== 'percent' && c.kind !== 'number') || c.unit) return null;
  const raw = capaianOf(tv, rv, negative);
  const ranges = capaianRanges(inputRange(tv, t.decimals), inputRange(rv, r.decimals), negative);
  if (raw === null || ranges.length === 0) return null;
  const holds = ranges.some(
    (g) =>
      rangeMeetsPrinted(g.lo, g.hi, c.value!, c.decimals) ||
      (capped && g.hi > 100 && consistentAtPrinted(100, c.value!, c.decimals)) ||
      (capped && g.lo < 0 && consistentAtPrinted(0, c.value!, c.decimals)),
  );
  return { holds, raw };
}

/** The two conventions for an average capaian: the plain mean and the mean with each value capped at 100. */
export function meansOf(values: number[]): { plain: number; capped: number } | null {
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) return null;
  const plain = values.reduce((s, v) => s + v, 0) / values.length;
  const capped = values.reduce((s, v) => s + Math.min(100, v), 0) / values.length;
  return { plain, capped };
}

/** Does a printed average agree with either convention? */
export function meanHolds(values: number[], stated: PrintedValue): boolean | null {
  const m = meansOf(values);
  if (!m || stated.value === null) return null;
  return consistentAtPrinted(m.plain, stated.value, stated.decimals) || consistentAtPrinted(m.capped, stated.value, stated.decimals);
}

/**
 * The same two conventions over printed values taken as the intervals their decimals allow
 * (inputRange): does either mean reach the printed average? Null when a value has no number.
 */
export function meanRangeHolds(values: PrintedValue[], stated: PrintedValue): boolean | null {
  if (stated.value === null || values.some((v) => v.value === null)) return null;
  const ranges = values.map((v) => inputRange(v.value!, v.decimals));
  const lo = meansOf(ranges.map((r) => r[0]));
  const hi = meansOf(ranges.map((r) => r[1]));
  if (!lo || !hi) return null;
  return rangeMeetsPrinted(lo.plain, hi.plain, stated.value, stated.decimals) || rangeMeetsPrinted(lo.capped, hi.capped, stated.value, stated.decimals);
}

// ------------------------------------------------------------------ display of exact money

export function fmtRupiah(c: bigint): string {
  const neg = c < 0n;
  const abs = neg ? -c : c;
  const whole = abs / 100n;
  const frac = abs % 100n;
  const s = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (neg ? '-' : '') + s + (frac !== 0n ? ',' + frac.toString().padStart(2, '0') : '');
}
