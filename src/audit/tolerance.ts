/**
 * Comparing at the precision the report printed (Arelle-style intervals, no arbitrary epsilons).
 * The arithmetic itself lives in src/parse/arith.ts (shared with OCR repair); this module adds the
 * words a finding shows for its tolerance.
 *
 * A printed number v with d decimals stands for any value that rounds OR truncates to it:
 * [v − ½·10^−d, v + 10^−d). A recomputed value is consistent when it falls in that interval.
 * Money (whole rupiah) is compared exactly, in integer arithmetic from the printed digits.
 */
import { cents } from '../parse/arith.js';
import type { PrintedValue } from '../model/values.js';
import { formatId } from '../parse/numbers.js';

export { capaianRanges, consistentAtPrinted, fmtRupiah, inputRange, printedInterval, rangeMeetsPrinted } from '../parse/arith.js';

export function toleranceText(decimals: number): { id: string; en: string } {
  const u = formatId(10 ** -decimals, decimals);
  return {
    id: `presisi cetak ${decimals} desimal (dibulatkan atau dipotong; selang ${u})`,
    en: `printed precision, ${decimals} decimals (rounded or truncated; step ${u})`,
  };
}

export const EXACT = { id: 'tepat (rupiah utuh)', en: 'exact (whole rupiah)' };

/** Integer rupiah of a printed money value, in cents, from its digits (src/parse/arith.ts `cents`). */
export function rupiah(v: PrintedValue): bigint | null {
  return cents(v);
}

/** Show a recomputed percentage at two decimals more than needed to see the difference. */
export function fmtPct(v: number, printedDecimals = 0): string {
  return formatId(v, Math.max(2, printedDecimals)) + '%';
}
