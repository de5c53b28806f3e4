/**
 * Numbers as printed in Indonesian reports (DOMAIN §5).
 *
 * Decisions, per token:
 *  - `.` groups thousands and `,` marks decimals (Indonesian) unless the token shows otherwise:
 *    several commas with 3-digit groups (`29,700,000`) are US grouping; a single dot followed by
 *    1, 2 or 4+ digits (`84.02`, `97.5`) is a decimal point; both marks present: the last one is the
 *    decimal mark when the groups before it are 3-digit groups.
 *  - A single dot followed by exactly three digits (`6.850`, `1.363`) is thousands grouping, the
 *    Indonesian reading; when the expected kind is a percentage it is read as a decimal instead
 *    and the reading is noted.
 *  - `Rp`, `Rp.`, trailing `,-` and `,00` are money markers; `%` (also `% B`) marks a percentage.
 *  - Grades: `B`, `BB (75)`, `A (85,44)`, `85 % B`: the grade letter(s) and, when printed, the number.
 *  - `-`, `–`, blank: empty. Anything else with digits that does not fit: unreadable (never 0).
 */
import type { PrintedValue, SourceRef, ValueKind } from '../model/values.js';

export type Expect = 'any' | 'money' | 'percent';

interface Digits {
  value: number;
  /** Integer and decimal digits without marks; the exact value is digits × 10^−decimals. */
  digits: string;
  decimals: number;
  format: 'id' | 'us' | 'dot-decimal' | 'plain';
  note?: string;
}

/**
 * Longest integer part (and longest decimal part) read as a number. A real rupiah amount of a
 * national budget has 15–16 digits; a longer run of digits is a misread or merged cell and is
 * unreadable, never a number that cannot be compared (and never Infinity).
 */
export const MAX_DIGITS = 18;

const GRADE_RE = /^(AA|A|BB|B|CC|C|D)$/;

/** The one place a string of digits becomes a number: from the digits, with an exact twin. */
function read(intPart: string, decPart: string, format: Digits['format'], note?: string): Digits | 'too-long' {
  const ip = intPart.replace(/^0+(?=\d)/, '');
  if (ip.length > MAX_DIGITS || decPart.length > MAX_DIGITS) return 'too-long';
  const digits = (ip + decPart).replace(/^0+(?=\d)/, '');
  const value = Number(decPart ? `${ip}.${decPart}` : ip);
  return { value, digits, decimals: decPart.length, format, ...(note ? { note } : {}) };
}

/** Parse a bare digit string with `.`/`,` marks. Returns null when the marks are inconsistent or the digits too many. */
export function parseDigits(tok: string, expect: Expect = 'any'): Digits | null {
  const d = digitsOf(tok, expect);
  return d === 'too-long' ? null : d;
}

function digitsOf(tok: string, expect: Expect): Digits | 'too-long' | null {
  const t = tok.replace(/\s+/g, '');
  if (!/^\d[\d.,]*$/.test(t)) return null;
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  const groupsOk = (intPart: string, sep: string) => {
    const g = intPart.split(sep);
    return g.length > 0 && /^\d{1,3}$/.test(g[0]!) && g.slice(1).every((x) => /^\d{3}$/.test(x));
  };
  if (dots === 0 && commas === 0) return read(t, '', 'plain');
  if (dots > 0 && commas > 0) {
    const lastDot = t.lastIndexOf('.');
    const lastComma = t.lastIndexOf(',');
    if (lastComma > lastDot) {
      // 26.538.300,00 — Indonesian
      const [ip, dp] = [t.slice(0, lastComma), t.slice(lastComma + 1)];
      if (commas !== 1 || !groupsOk(ip, '.') || !/^\d+$/.test(dp)) return null;
      return read(ip.replace(/\./g, ''), dp, 'id');
    }
    const [ip, dp] = [t.slice(0, lastDot), t.slice(lastDot + 1)];
    if (dots !== 1 || !groupsOk(ip, ',') || !/^\d+$/.test(dp)) return null;
    return read(ip.replace(/,/g, ''), dp, 'us');
  }
  if (commas > 0) {
    if (commas > 1) {
      if (!groupsOk(t, ',')) return null;
      return read(t.replace(/,/g, ''), '', 'us', 'pemisah ribuan koma (format AS)');
    }
    const [ip, dp] = t.split(',') as [string, string];
    if (!ip || !dp) return null;
    if (dp.length === 3 && expect === 'money' && groupsOk(t, ',')) {
      return read(ip + dp, '', 'us', 'koma dibaca sebagai pemisah ribuan');
    }
    return read(ip, dp, 'id');
  }
  // dots only
  if (dots > 1) {
    if (!groupsOk(t, '.')) return null;
    return read(t.replace(/\./g, ''), '', 'id');
  }
  const [ip, dp] = t.split('.') as [string, string];
  if (!ip || !dp) return null;
  if (dp.length === 3 && expect !== 'percent') return read(ip + dp, '', 'id');
  return read(ip, dp, 'dot-decimal', 'titik dibaca sebagai tanda desimal');
}

/** An item number, then at least two words and no other digit. */
const NUMBERED_LABEL = /^\(?\d{1,2}(?:\.\d{1,2})*[.)]\s*[A-Za-z][^\d]*\s[A-Za-z]{2,}[^\d]*$/;

function make(raw: string, src: SourceRef, kind: ValueKind, rest: Partial<PrintedValue> = {}): PrintedValue {
  return { raw, kind, value: null, decimals: 0, src, ...rest };
}

/**
 * Parse one printed value (a table cell or a number in a sentence).
 * `expect` tells what the column holds, to settle the few ambiguous tokens.
 */
export function parseValue(rawIn: string, src: SourceRef, expect: Expect = 'any'): PrintedValue {
  const raw = rawIn.trim();
  let s = raw.replace(/\s+/g, ' ').trim();
  if (s === '' || /^[-–—]+$/.test(s) || /^\(?-\)?$/.test(s)) return make(raw, src, 'empty');
  // grade forms
  let m = /^(AA|A|BB|B|CC|C|D)\s*\(\s*([\d.,]+)\s*\)$/.exec(s);
  if (m) {
    const d = parseDigits(m[2]!, 'percent');
    return make(raw, src, 'grade', { grade: m[1]!, value: d?.value ?? null, digits: d?.digits, decimals: d?.decimals ?? 0, format: d?.format });
  }
  if (GRADE_RE.test(s)) return make(raw, src, 'grade', { grade: s });
  m = /^([\d.,]+)\s*%?\s*(AA|A|BB|B|CC|C|D)$/.exec(s); // "85 % B"
  if (m) {
    const d = parseDigits(m[1]!, 'percent');
    return make(raw, src, 'grade', { grade: m[2]!, value: d?.value ?? null, digits: d?.digits, decimals: d?.decimals ?? 0, format: d?.format });
  }
  let money = false;
  if (/^rp\.?\s*/i.test(s)) {
    money = true;
    s = s.replace(/^rp\.?\s*/i, '');
  }
  if (/,-$/.test(s)) {
    money = true;
    s = s.replace(/,-$/, '');
  }
  let percent = false;
  if (/%$/.test(s)) {
    percent = true;
    s = s.replace(/\s*%$/, '');
  }
  // number followed by a unit: "18 Orang", "85 (Nilai IKM)", "14 OB", "4 Dok"
  let unit: string | undefined;
  m = /^([\d.,]+)\s*(?:\(([^)]*)\)|([A-Za-z][A-Za-z./ ]*))$/.exec(s);
  if (m) {
    s = m[1]!;
    unit = (m[2] ?? m[3] ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
    if (unit === '') unit = undefined;
  }
  const d = digitsOf(s, percent ? 'percent' : money ? 'money' : expect);
  if (!d || d === 'too-long') {
    if (!/\d/.test(raw)) return make(raw, src, 'text');
    // a numbered label ("3) Jumlah Dokumen Penataan", "1. Persentase desa"): words, not a number
    // (a label that slid into a value column on a scan whose column rule was lost)
    if (NUMBERED_LABEL.test(raw)) return make(raw, src, 'text');
    const tooLong = d === 'too-long';
    return make(raw, src, 'unreadable', { note: tooLong ? `angka terlalu panjang (lebih dari ${MAX_DIGITS} digit)` : 'angka tidak dapat dibaca' });
  }
  const kind: ValueKind = percent ? 'percent' : money || (d.decimals === 0 && d.value >= 100000 && d.format !== 'plain') ? 'money' : 'number';
  return make(raw, src, kind, { value: d.value, digits: d.digits, decimals: d.decimals, format: d.format, note: d.note, unit });
}

/** Format a number the Indonesian way at a given number of decimals: 2657062192 → "2.657.062.192". */
export function formatId(v: number, decimals = 0): string {
  const neg = v < 0;
  const fixed = Math.abs(v).toFixed(decimals);
  const [ip, dp] = fixed.split('.') as [string, string | undefined];
  const grouped = ip.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (neg ? '-' : '') + grouped + (dp ? ',' + dp : '');
}

export function formatPct(v: number, decimals = 2): string {
  return formatId(v, decimals) + '%';
}

/** Find numbers inside prose: returns each token with its offset. Percent and Rp forms included. */
export function findNumbersInText(text: string): { raw: string; index: number }[] {
  const re = /(?:Rp\.?\s?)?\d{1,3}(?:[.,]\d{3})+(?:,\d+)?(?:,-)?\s?%?|(?:Rp\.?\s?)?\d+(?:[.,]\d+)?(?:,-)?\s?%?/g;
  const out: { raw: string; index: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ raw: m[0].trim(), index: m.index });
  return out;
}
