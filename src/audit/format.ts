/**
 * Writing a finding's data in a language: quantities (Indonesian `1.234,56` and `86,45%`, English
 * `1,234.56` and `86.45%`), the expected value and the tolerance. The reporters (src/report) write
 * every column and field through these; the engine fills message placeholders with them. Pure.
 */
import type { DataValue, Expected, Finding, Quantity, Text, Tolerance } from '../model/finding.js';
import type { PrintedValue } from '../model/values.js';

export type Lang = 'id' | 'en';

const MARKS: Record<Lang, { group: string; decimal: string }> = {
  id: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** Digits of a value at `decimals`, in the language's marks; a decimal string keeps its exact digits. */
export function formatNumber(value: number | string, decimals: number, lang: Lang, group = true): string {
  let neg: boolean;
  let ip: string;
  let dp: string;
  if (typeof value === 'number') {
    neg = value < 0 && Number(Math.abs(value).toFixed(decimals)) !== 0;
    [ip, dp = ''] = Math.abs(value).toFixed(decimals).split('.') as [string, string?];
  } else {
    neg = value.startsWith('-');
    [ip, dp = ''] = value.replace(/^-/, '').split('.') as [string, string?];
    dp = dp.padEnd(decimals, '0');
  }
  const m = MARKS[lang];
  const grouped = group ? ip.replace(/\B(?=(\d{3})+(?!\d))/g, m.group) : ip;
  return (neg ? '-' : '') + grouped + (dp ? m.decimal + dp : '');
}

export function formatQuantity(q: Quantity, lang: Lang): string {
  if (q.unit === 'year') return formatNumber(q.value, 0, lang, false);
  const n = formatNumber(q.value, q.decimals, lang);
  if (q.unit === 'percent') return `${n}%`;
  return q.label ? `${n} ${q.label}` : n;
}

export const text = (t: Text, lang: Lang): string => (lang === 'en' ? t.en : t.id);

/** A message placeholder's value in a language. */
export function formatData(v: DataValue, lang: Lang): string {
  if (typeof v !== 'object') return String(v);
  if ('raw' in v) return lang === 'id' ? v.raw : formatQuantity(v.quantity, lang);
  return formatQuantity(v, lang);
}

/** The exact decimal string of a printed value's digits ("2657062192", "92.74"), signed. */
function exactDigits(v: PrintedValue): string | null {
  if (!v.digits || v.value === null) return null;
  const d = v.decimals;
  const digits = v.digits.padStart(d + 1, '0');
  const s = d > 0 ? `${digits.slice(0, -d)}.${digits.slice(-d)}` : digits;
  return v.value < 0 ? `-${s}` : s;
}

/** A printed value as a quantity (its number, unit and printed decimals); none for text, grades and unreadable cells. */
export function quantityOf(v: PrintedValue): Quantity | undefined {
  if (v.value === null) return undefined;
  if (v.kind === 'percent') return { value: v.value, unit: 'percent', decimals: v.decimals };
  if (v.kind === 'money') return { value: exactDigits(v) ?? String(Math.round(v.value)), unit: 'rupiah', decimals: v.decimals };
  if (v.kind === 'number') {
    // the unit word as printed ("Orang"), not the model's lower-cased key
    const at = v.unit ? v.raw.toLowerCase().lastIndexOf(v.unit) : -1;
    const label = v.unit ? (at >= 0 ? v.raw.slice(at, at + v.unit.length) : v.unit) : undefined;
    return { value: v.value, unit: 'number', decimals: v.decimals, ...(label ? { label } : {}) };
  }
  return undefined;
}

/** A printed value in a language: as printed in Indonesian, its number in English marks (its text when it has none). */
export function formatPrinted(v: PrintedValue, lang: Lang): string {
  const q = lang === 'id' ? undefined : quantityOf(v);
  return q ? formatQuantity(q, lang) : v.raw;
}

const isPrinted = (v: unknown): v is PrintedValue => typeof v === 'object' && v !== null && 'raw' in v && 'src' in v && 'kind' in v;

/** A placeholder a rule gave: a printed value becomes its text with its number (or its text alone when it has none). */
export function dataValue(v: DataValue | PrintedValue): DataValue {
  if (!isPrinted(v)) return v;
  const quantity = quantityOf(v);
  return quantity ? { raw: v.raw, quantity } : v.raw;
}

/** The expected value in a language ("86,45%", "17 Orang (RKT baris 873)", a name). */
export function formatExpected(e: Expected | string, lang: Lang): string {
  if (typeof e === 'string') return e; // a baseline written before findings carried data
  switch (e.kind) {
    case 'none':
      return '';
    case 'text':
      return text(e.text, lang);
    case 'quantity':
    case 'printed': {
      const v = e.kind === 'quantity' ? formatQuantity(e.quantity, lang) : lang === 'id' || !e.quantity ? e.raw : formatQuantity(e.quantity, lang);
      return e.note ? `${v} (${text(e.note, lang)})` : v;
    }
  }
}

const TOLERANCE_WORDS = {
  id: {
    precision: (d: number, step: string) => `presisi cetak ${d} desimal (dibulatkan atau dipotong; selang ${step})`,
    exact: 'tepat (rupiah utuh)',
  },
  en: {
    precision: (d: number, step: string) => `printed precision, ${d} decimals (rounded or truncated; step ${step})`,
    exact: 'exact (whole rupiah)',
  },
} as const;

/** The tolerance in words, in a language. */
export function formatTolerance(t: Tolerance | string, lang: Lang): string {
  if (typeof t === 'string') return t; // a baseline written before findings carried data
  switch (t.kind) {
    case 'none':
      return '';
    case 'exact-rupiah':
      return TOLERANCE_WORDS[lang].exact;
    case 'text':
      return text(t.text, lang);
    case 'printed-precision': {
      const words = TOLERANCE_WORDS[lang].precision(t.decimals, formatNumber(10 ** -t.decimals, t.decimals, lang));
      return t.note ? `${words}; ${text(t.note, lang)}` : words;
    }
  }
}

/** The printed value in a language: as printed in Indonesian, the number in English marks when it is one. */
export function formatReported(f: Pick<Finding, 'reported' | 'printed'>, lang: Lang): string {
  return lang === 'en' && f.printed ? formatQuantity(f.printed, lang) : f.reported;
}

/** A text made in both languages by one function of the language (numbers in each language's marks). */
export function both(make: (lang: Lang) => string): Text {
  return { id: make('id'), en: make('en') };
}
