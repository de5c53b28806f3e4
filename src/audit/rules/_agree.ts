/**
 * The same fact printed twice must agree (target drift, cross-table figures, narrative
 * restatements are one family). The comparisons those rules share, at the precision the report
 * printed: rounding is not a disagreement, and a figure on another scale is not the same fact.
 */
import type { PrintedValue } from '../../model/values.js';
import { samePrinted } from '../../parse/arith.js';

/** Two printed figures agree when either one's printed interval holds the other ("90,24" and "90,2"). */
export function agreeAtPrinted(a: PrintedValue, b: PrintedValue): boolean {
  return samePrinted(a, b);
}

/**
 * A restatement in a sentence of a figure a table prints: equal when they differ by less than one
 * unit of the coarser printed precision ("85" for "85,4"). `d` is that precision.
 */
export function restatementAgrees(stated: { value: number; decimals: number }, printed: { value: number; decimals: number }): { agrees: boolean; d: number } {
  const d = Math.min(stated.decimals, printed.decimals);
  return { agrees: Math.abs(stated.value - printed.value) < 10 ** -d - 1e-9, d };
}

/**
 * The scale guard: a figure more than `factor` times larger or smaller than the one it would restate
 * is on another scale or unit ("162/100.000" beside a table's 0,16), not the same fact printed again.
 */
export function sameScale(stated: number, printed: number, factor = 5): boolean {
  const ratio = stated / printed;
  return ratio <= factor && ratio >= 1 / factor;
}
