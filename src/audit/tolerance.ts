/**
 * Comparing at the precision the report printed (Arelle-style intervals, no arbitrary epsilons).
 *
 * A printed number v with d decimals stands for any value that rounds OR truncates to it:
 * [v − ½·10^−d, v + 10^−d). A recomputed value is consistent when it falls in that interval.
 * Money (whole rupiah) is compared exactly, in integer arithmetic.
 */
import type { PrintedValue } from '../model/values.js';
import { formatId } from '../parse/numbers.js';

const EPS = 1e-9;

export function printedInterval(v: number, decimals: number): [number, number] {
  const u = 10 ** -decimals;
  return [v - u / 2, v + u];
}

export function consistentAtPrinted(computed: number, printed: number, decimals: number): boolean {
  const [lo, hi] = printedInterval(printed, decimals);
  return computed >= lo - EPS && computed < hi - EPS;
}

export function toleranceText(decimals: number): { id: string; en: string } {
  const u = formatId(10 ** -decimals, decimals);
  return {
    id: `presisi cetak ${decimals} desimal (dibulatkan atau dipotong; selang ${u})`,
    en: `printed precision, ${decimals} decimals (rounded or truncated; step ${u})`,
  };
}

export const EXACT = { id: 'tepat (rupiah utuh)', en: 'exact (whole rupiah)' };

/** Integer rupiah of a printed money value (cents dropped only when printed as ,00). */
export function rupiah(v: PrintedValue): bigint | null {
  if (v.kind === 'empty') return 0n;
  if (v.value === null) return null;
  return BigInt(Math.round(v.value * 100));
}

export function fmtRupiah(cents: bigint): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const whole = abs / 100n;
  const frac = abs % 100n;
  const s = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (neg ? '-' : '') + s + (frac !== 0n ? ',' + frac.toString().padStart(2, '0') : '');
}

/** Show a recomputed percentage at two decimals more than needed to see the difference. */
export function fmtPct(v: number, printedDecimals = 0): string {
  return formatId(v, Math.max(2, printedDecimals)) + '%';
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
  const [plo, phi] = printedInterval(printed, decimals);
  return hi >= plo - EPS && lo < phi - EPS;
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
