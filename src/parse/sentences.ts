/**
 * Sentences of a paragraph and the numbers printed in a sentence: shared by parse (the prose facts,
 * src/parse/prose-facts.ts) and by the rules that read text (re-exported by src/audit/rules/_text.ts).
 * Pure: runs in the browser too.
 */
import type { PrintedValue, SourceRef } from '../model/values.js';
import { findNumbersInText, parseValue } from './numbers.js';

/** Split a paragraph into sentences: at ". " / "! " / "? " before a capital, but not after Rp./No./Kec. etc. */
export function sentences(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /[.!?]\s+(?=[A-Z(])/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 6), m.index + 1);
    if (/\b(rp|no|kec|jl|th|tk|dll|dsb|sbb|s\.d|a\.n|bpk|ibu|dr|ir|h)\.$/i.test(before) || /\b[A-Z]\.$/.test(before)) continue;
    const end = m.index + 1;
    const s = text.slice(start, end).trim();
    if (s) out.push({ text: s, offset: start });
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push({ text: rest, offset: start });
  return out;
}

export interface Token {
  raw: string;
  index: number;
  end: number;
  value: PrintedValue;
}

/** Numbers in a sentence with their parsed value (money, percent, number). */
export function tokens(text: string, src: SourceRef): Token[] {
  return findNumbersInText(text).map((t) => {
    // "Rp. 130.938.300 ,-": keep the money marker when the ",-" is split off by a space
    const value = parseValue(t.raw, src, /^rp/i.test(t.raw) ? 'money' : /%$/.test(t.raw) ? 'percent' : 'any');
    return { raw: t.raw, index: t.index, end: t.index + t.raw.length, value };
  });
}
