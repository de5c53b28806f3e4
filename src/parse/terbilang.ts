/**
 * Terbilang: Indonesian numbers written in words ("Tiga Milyar Tujuh Ratus ... Rupiah", "empat",
 * "delapan belas"). Pure.
 *
 * Decisions:
 *  - Only whole numbers are read; "koma" (decimals) makes the phrase unreadable (null).
 *  - Spelling variants of the magnitude words are accepted: milyar / miliar / milyard / milyat
 *    (a misspelling seen in the seeds), trilyun / triliun. Other words must be spelled exactly.
 *  - "Rupiah" (and "dan", "saja") at the end are allowed and ignored; any other word makes the
 *    phrase not a terbilang (null), so "(Nilai IKM)" or "(Baik)" are never read as numbers.
 *  - A phrase whose magnitudes are out of order ("dua ribu tiga juta") is rejected.
 */

const UNITS: Record<string, number> = {
  nol: 0,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};

const SE: Record<string, number> = { sepuluh: 10, sebelas: 11, seratus: 100 };

const MAGNITUDES: [RegExp, number][] = [
  [/^(ribu)$/, 1e3],
  [/^(juta)$/, 1e6],
  [/^m[ei]l[iy]{1,2}ar[dt]?$|^m[ei]l[iy]{1,2}at$/, 1e9],
  [/^tri[l]+[iy]un$/, 1e12],
];

export interface Terbilang {
  value: number;
  /** Words that were read through a tolerated misspelling (e.g. "Milyat"). */
  variants: string[];
  /** The phrase ended with "Rupiah". */
  rupiah: boolean;
}

function magnitude(w: string): { v: number; exact: boolean } | null {
  if (w === 'seribu') return { v: 1e3, exact: true };
  for (const [re, v] of MAGNITUDES) {
    if (re.test(w)) return { v, exact: ['ribu', 'juta', 'milyar', 'miliar', 'triliun', 'trilyun'].includes(w) };
  }
  return null;
}

/** Read a phrase of number words; null when it is not (only) a number in words. */
export function parseTerbilang(phrase: string): Terbilang | null {
  const words = phrase
    .toLowerCase()
    .replace(/[.,;:*()\-–]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  let total = 0;
  let cur = 0;
  let lastMag = Infinity;
  let any = false;
  let rupiah = false;
  const variants: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (rupiah) {
      if (w === 'saja') continue;
      return null;
    }
    if (w === 'rupiah') {
      rupiah = true;
      continue;
    }
    if (w in UNITS) {
      // two units in a row ("dua tiga") is not a number
      if (i > 0 && words[i - 1]! in UNITS) return null;
      cur += UNITS[w]!;
      any = true;
      continue;
    }
    if (w in SE) {
      cur += SE[w]!;
      any = true;
      continue;
    }
    if (w === 'belas' || w === 'puluh' || w === 'ratus') {
      const prev = words[i - 1];
      if (!prev || !(prev in UNITS)) return null;
      const u = UNITS[prev]!;
      if (w === 'belas') cur += 10;
      else cur = cur - u + u * (w === 'puluh' ? 10 : 100);
      continue;
    }
    const mag = magnitude(w);
    if (mag) {
      if (mag.v >= lastMag) return null;
      if (w === 'seribu') {
        if (cur !== 0) return null;
        total += 1e3;
      } else {
        if (cur === 0) return null;
        total += cur * mag.v;
      }
      if (!mag.exact) variants.push(w);
      lastMag = mag.v;
      cur = 0;
      any = true;
      continue;
    }
    return null;
  }
  if (!any) return null;
  return { value: total + cur, variants, rupiah };
}

/** The canonical words for a whole number (for messages): 3898085541 → "tiga miliar delapan ratus ...". */
export function toTerbilang(n: number): string {
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) return String(n);
  if (n === 0) return 'nol';
  const unit = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
  const below1000 = (x: number): string[] => {
    const out: string[] = [];
    const h = Math.floor(x / 100);
    const r = x % 100;
    if (h === 1) out.push('seratus');
    else if (h > 1) out.push(unit[h]!, 'ratus');
    if (r === 10) out.push('sepuluh');
    else if (r === 11) out.push('sebelas');
    else if (r > 11 && r < 20) out.push(unit[r - 10]!, 'belas');
    else if (r >= 20) {
      out.push(unit[Math.floor(r / 10)]!, 'puluh');
      if (r % 10) out.push(unit[r % 10]!);
    } else if (r > 0) out.push(unit[r]!);
    return out;
  };
  const parts: string[] = [];
  const mags: [number, string][] = [
    [1e12, 'triliun'],
    [1e9, 'miliar'],
    [1e6, 'juta'],
    [1e3, 'ribu'],
  ];
  let rest = n;
  for (const [v, name] of mags) {
    const q = Math.floor(rest / v);
    rest -= q * v;
    if (q === 0) continue;
    if (v === 1e3 && q === 1) parts.push('seribu');
    else parts.push(...below1000(q), name);
  }
  parts.push(...below1000(rest));
  return parts.join(' ');
}
