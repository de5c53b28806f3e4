import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capaianOf, cents, checkCapaian, compareAtPrinted, consistentAtPrinted, exactOf, sameAtPrinted, sameScale, fmtRupiah, meanHolds, meansOf, pctAtPrinted, pctOf, sumCents } from '../src/parse/arith.js';
import { parseValue } from '../src/parse/numbers.js';

const src = { file: 'x', page: null, line: 1 };
const v = (s: string, e: 'any' | 'money' | 'percent' = 'any') => parseValue(s, src, e);

describe('arith: the one arithmetic module (#12, #20)', () => {
  it('reads money from its digits into bigint cents, exact beyond 2^53', () => {
    expect(cents(v('1.234.567.890.123.457'))).toBe(123456789012345700n);
    expect(cents(v('Rp. 923.456.789.012.345.681,07'))).toBe(92345678901234568107n);
    expect(cents(v('1.000,005'))).toBe(100001n); // beyond cents: half up
    expect(cents(v('-'))).toBe(0n);
    expect(cents(v('1.2.3,4,5'))).toBeNull(); // unreadable is never zero
    expect(fmtRupiah(92345678901234568107n)).toBe('923.456.789.012.345.681,07');
  });
  it('sums of 10^15 amounts are exact where floats are not', () => {
    const parts = ['600.000.000.000.001', '400.000.000.000.002', '123.456.789.012.345'].map((s) => v(s));
    expect(sumCents(parts)).toBe(112345678901234800n);
    expect(sumCents([...parts, v('x1y')])).toBeNull();
    // the float way is off: the reason for all this
    expect(Math.round(600000000000001 * 100) + Math.round(400000000000002 * 100) + Math.round(123456789012345 * 100)).not.toBe(112345678901234800);
  });
  it('tests a percentage of two amounts against the printed interval exactly', () => {
    const pagu = 2865379541_00n;
    const real = 2657062192_00n; // 92,7298...%
    expect(pctAtPrinted(real, pagu, v('92,73%'))).toBe(true); // rounded
    expect(pctAtPrinted(real, pagu, v('92,72%'))).toBe(true); // truncated
    expect(pctAtPrinted(real, pagu, v('92,74%'))).toBe(false);
    expect(pctAtPrinted(real, pagu, v('93%'))).toBe(true);
    expect(pctAtPrinted(1n, 3n, v('33,33%'))).toBe(true);
    expect(pctAtPrinted(1n, 8n, v('12,5%'))).toBe(true); // exactly on the printed value
    expect(pctAtPrinted(1n, 0n, v('0%'))).toBe(false);
    expect(pctOf(real, pagu)).toBeCloseTo(92.72985, 4);
  });
  it('a printed number stands for what rounds or truncates to it', () => {
    expect(consistentAtPrinted(89.546, 89.55, 2)).toBe(true);
    expect(consistentAtPrinted(89.559, 89.55, 2)).toBe(true);
    expect(consistentAtPrinted(89.56, 89.55, 2)).toBe(false);
    expect(consistentAtPrinted(Infinity, 89.55, 2)).toBe(false);
    expect(consistentAtPrinted(NaN, 89.55, 2)).toBe(false);
  });
  it('capaian follows the polarity; the cap is accepted when stated', () => {
    expect(capaianOf(80, 100, false)).toBe(125);
    expect(capaianOf(10, 8, true)).toBe(120); // lower is better: 8 against 10 is 120%
    expect(capaianOf(0, 5, false)).toBeNull();
    expect(checkCapaian(v('10'), v('8'), v('120%'), true, false)).toEqual({ holds: true, raw: 120 });
    expect(checkCapaian(v('10'), v('8'), v('80%'), true, false)?.holds).toBe(false);
    expect(checkCapaian(v('80%'), v('100%'), v('100%'), false, true)?.holds).toBe(true);
    expect(checkCapaian(v('80%'), v('100%'), v('100%'), false, false)?.holds).toBe(false);
    expect(checkCapaian(v('-'), v('100%'), v('100%'), false, false)).toBeNull();
  });
  it('means: plain or capped at 100', () => {
    expect(meansOf([125, 75])).toEqual({ plain: 100, capped: 87.5 });
    expect(meanHolds([125, 75], v('87,5%'))).toBe(true);
    expect(meanHolds([125, 75], v('100%'))).toBe(true);
    expect(meanHolds([125, 75], v('90%'))).toBe(false);
    expect(meansOf([])).toBeNull();
  });
  it('exactOf gives the digits, not the float', () => {
    expect(exactOf(v('0,1'))).toEqual({ n: 1n, scale: 1 });
    expect(exactOf(v('-'))).toBeNull();
  });
});

describe('arith: capaian from the intervals of its inputs', () => {
  it('a lower-is-better indicator accepts either formula in use', () => {
    // 2 × 10 − 8 = 12 → 120%; 10 / 8 = 125%
    expect(checkCapaian(v('10'), v('8'), v('125%'), true, false)?.holds).toBe(true);
    expect(checkCapaian(v('10'), v('8'), v('120%'), true, false)?.holds).toBe(true);
    expect(checkCapaian(v('10'), v('8'), v('122%'), true, false)?.holds).toBe(false);
  });
  it('inputs printed with decimals stand for their interval', () => {
    // 83,28 / 93 = 89,548…; 83,284 / 93 = 89,553 → 89,55 is reachable, 89,56 too (83,289 / 93 = 89,558)
    expect(checkCapaian(v('93'), v('83,28'), v('89,55%'), false, false)?.holds).toBe(true);
    expect(checkCapaian(v('93'), v('83,28'), v('89,60%'), false, false)?.holds).toBe(false);
  });
});

describe('arith: the same fact printed twice (#12: one comparison for target drift, cross-table, restatements, cross-document)', () => {
  const same = (a: string, b: string) => sameAtPrinted(v(a), v(b));
  it('agrees when, under one convention (rounded or truncated), the two printed intervals overlap', () => {
    expect(same('90,24', '90,2')).toBe(true); // rounded
    expect(same('90,29', '90,2')).toBe(true); // truncated
    expect(same('85,4', '85')).toBe(true);
    expect(same('85,9', '85')).toBe(true);
    expect(same('84,5', '85')).toBe(true); // 84,5 rounded stands for [84,45; 84,55), which reaches 85's [84,5; 85,5)
    expect(same('9,5', '9,50')).toBe(true);
    // a negative figure (a decrease) truncates toward zero
    expect(sameAtPrinted({ value: -2.35, decimals: 2 }, { value: -2.3, decimals: 1 })).toBe(true);
    expect(sameAtPrinted({ value: -2.35, decimals: 2 }, { value: -2.4, decimals: 1 })).toBe(true); // rounded
  });
  it('disagrees where no rounding or truncation explains the difference (the old "within one unit" accepted 84,1 for 85)', () => {
    expect(same('84,1', '85')).toBe(false);
    expect(same('84,4', '85')).toBe(false);
    expect(same('85', '86')).toBe(false); // one precision: the same digits, or another number
    expect(same('90,30', '90,2')).toBe(false);
    expect(sameAtPrinted({ value: -2.45, decimals: 2 }, { value: -2.3, decimals: 1 })).toBe(false);
    expect(same('x', '85')).toBe(false); // unreadable is never equal
  });
  it('is exact for money beyond 2^53 and reports the coarser precision as the tolerance', () => {
    expect(same('923.456.789.012.345.681', '923.456.789.012.345.681')).toBe(true);
    expect(same('923.456.789.012.345.681', '923.456.789.012.345.682')).toBe(false);
    expect(compareAtPrinted(v('90,24'), v('90,2'))).toEqual({ same: true, decimals: 1 });
    expect(compareAtPrinted({ value: 84.1, decimals: 1 }, { value: 85, decimals: 0 })).toEqual({ same: false, decimals: 0 });
  });
  it('a figure on another scale is not the same fact', () => {
    expect(sameScale(162, 0.16)).toBe(false);
    expect(sameScale(9.5, 9)).toBe(true);
  });
});

describe('arith: one copy of the arithmetic (#12)', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
  const src = [...files('src/parse'), ...files('src/audit')];
  it('arith is pure and parse never imports audit', () => {
    const arith = readFileSync('src/parse/arith.ts', 'utf8');
    expect([...arith.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1])).toEqual(['../model/values.js']);
    expect(files('src/parse').filter((f) => /from\s+'\.\.\/audit\//.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
  it('no money through a float, and no other copy of the capaian formula or the interval test', () => {
    const others = src.filter((f) => !f.endsWith(path.join('parse', 'arith.ts')));
    const hits = (re: RegExp) => others.filter((f) => re.test(readFileSync(f, 'utf8')));
    expect(hits(/BigInt\(Math\.round/)).toEqual([]);
    expect(hits(/\(\w+ - \(\w+ - \w+\)\) \/ \w+\) \* 100/)).toEqual([]); // (t − (r − t)) / t × 100
    expect(hits(/function (printedInterval|consistentAtPrinted|atPrinted|rangeMeetsPrinted)\b|[-+] u \/ 2/)).toEqual([]); // the printed interval
    expect(hits(/Math\.min\(100, /)).toEqual([]); // capped means
    // the same-value test of duplicates: no rule rounds, truncates or takes "within a unit" itself
    expect(hits(/10 \*\* -Math\.min\(|Math\.trunc\(\w+(\.value)?!? \* k|samePrinted|restatementAgrees/)).toEqual([]);
  });
});

describe('arith: digits that are not the value', () => {
  it('a copy whose value changed while its digits stayed behind is read from the value', () => {
    const stale = { ...v('90,0096'), value: 90, decimals: 2 };
    expect(exactOf(stale)).toEqual({ n: 9000n, scale: 2 });
  });
});
