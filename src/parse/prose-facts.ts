/**
 * Prose index → prose facts (src/model/facts.ts ProseFact): every number printed in a sentence of
 * the body sections becomes one fact with its printed value and precision, where it is printed
 * (line, paragraph, sentence, offsets), and the role word printed right before it (capaian,
 * realisasi, target: the vocabulary's words). What the sentence is about stays undecided (the rules
 * decide). Not facts: a year standing alone, a list or chapter number ("1.", "3.2.1", "Bab 2",
 * "Tabel 3.4"), a date ("31 Desember", "12/05/2023") and a regulation number ("Nomor 29"); the words
 * are the vocabulary's (proseNumbers). One pass over the paragraphs: linear in the text. Pure.
 */
import type { Config } from '../model/config.js';
import type { ColumnRole, ProseFact } from '../model/facts.js';
import type { Prose, ProseEntry } from '../model/prose.js';
import type { SectionKind } from '../model/section.js';
import { SECTION_LABEL } from './structure.js';
import { sentences, tokens, type Token } from './sentences.js';
import { parseTerbilang } from './terbilang.js';
import { escapeRe } from './regex.js';

/** Sections whose prose the narrative rules read (not the cover, contents or appendices). */
export const BODY_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>(['ikhtisar', 'bab1', 'bab2', 'bab3', 'bab4', 'excerpt']);

/** A paragraph of the prose index: prose lines joined where a line wraps (table rows never joined). */
export interface ProseParagraph {
  text: string;
  section: SectionKind;
  parts: { entry: ProseEntry; offset: number }[];
}

/** The prose paragraphs of every section, as the rules join them (src/audit/rules/_text.ts paragraphs). */
export function proseParagraphs(prose: Prose): ProseParagraph[] {
  const out: ProseParagraph[] = [];
  let cur: ProseParagraph | null = null;
  for (const e of prose.lines) {
    if (e.cells) {
      cur = null;
      continue;
    }
    if (cur && e.wraps) {
      cur.parts.push({ entry: e, offset: cur.text.length + 1 });
      cur.text += ` ${e.text}`;
    } else {
      cur = { text: e.text, section: e.section, parts: [{ entry: e, offset: 0 }] };
      out.push(cur);
    }
  }
  return out;
}

const esc = escapeRe;
/** A regex alternation of vocabulary words (longest first, a space matching spaces or a hyphen); never matches when empty. */
export const alt = (list: readonly string[]) =>
  list.length === 0 ? '(?!)' : `(?:${[...list].sort((a, b) => b.length - a.length).map((w) => esc(w.toLowerCase()).replace(/ /g, '[\\s-]+')).join('|')})`;
/** The same alternation as whole words: no letter right before or after it. */
export const phrase = (list: readonly string[] | undefined) => `(?<![a-z])${alt(list ?? [])}(?![a-z])`;

interface Words {
  /** The role word ending the text before a number, with only filler words (or years) between. */
  role: RegExp | null;
  roleOf: Map<string, ColumnRole>;
  notBefore: RegExp;
  month: RegExp;
  /** Between a count and its percentage: its unit words, then a link word or a bracket. */
  shareLink: RegExp;
  /** Between the percentage and the total: an `of` word and the words naming the total. */
  shareOf: RegExp;
  /** A count noun right at the start of the text after a number (and its number words). */
  noun: RegExp;
  nounOf: Map<string, { noun: string; staff: boolean }>;
  /** A change word (and its gap word) ending the text before a number. */
  change: RegExp | null;
  up: Set<string>;
}

const WORDS = new WeakMap<object, Words>();
const norm = (s: string) => s.toLowerCase().replace(/[\s-]+/g, ' ').trim();

function wordsOf(config: Config | undefined): Words {
  const key = config ?? WORDS;
  const hit = WORDS.get(key);
  if (hit) return hit;
  const v = config?.vocabulary;
  const roleOf = new Map<string, ColumnRole>();
  for (const m of v?.restatement?.measures ?? []) for (const w of m.words) roleOf.set(w.toLowerCase(), m.measure);
  for (const w of v?.restatement?.targetWords ?? []) roleOf.set(w.toLowerCase(), 'target');
  const gap = v?.restatement?.gap ?? [];
  const role =
    roleOf.size === 0
      ? null
      : new RegExp(`(?<![a-z])(${alt([...roleOf.keys()])})(?![a-z])((?:[\\s,:]|(?<![a-z])${alt(gap)}(?![a-z])|(?<!\\d)(?:19|20)\\d\\d(?!\\d))*)$`, 'i');
  const pn = v?.proseNumbers;
  const changeWords = [...(v?.restatement?.up ?? []), ...(v?.restatement?.down ?? [])];
  const nounOf = new Map<string, { noun: string; staff: boolean }>();
  for (const n of pn?.countNouns ?? []) for (const x of n.words) nounOf.set(norm(x), { noun: n.noun, staff: n.staff });
  const w: Words = {
    role,
    roleOf,
    // "Tabel 3.2 – 3.4", "Tabel 2. 2": the word, and maybe a number and a dash or a dot before this one
    notBefore: new RegExp(`(?<![a-z])${alt(pn?.notBefore ?? [])}\\.?\\s*:?\\s*(?:\\d[\\d.]*\\s*[-–.]?\\s*)?$`, 'i'),
    month: new RegExp(`^\\s*${alt(pn?.months ?? [])}(?![a-z])`, 'i'),
    shareLink: new RegExp(`^\\s*(?:[a-z][a-z./-]*\\s*){0,2}(?:\\(\\s*|(?<![a-z])${alt(pn?.shares?.link ?? [])}(?![a-z])\\s*)+$`, 'i'),
    noun: new RegExp(`^\\s*(${alt([...nounOf.keys()])})(?![a-z])`, 'i'),
    nounOf,
    change: changeWords.length === 0 ? null : new RegExp(`(?<![a-z])(${alt(changeWords)})\\s+(?:${alt(pn?.changeGap ?? [])}\\s+)?$`, 'i'),
    up: new Set((v?.restatement?.up ?? []).map(norm)),
    shareOf: new RegExp(`^\\s*\\)?\\s*(?<![a-z])${alt(pn?.shares?.of ?? [])}(?![a-z])\\s*(?:[a-z][a-z-]*[\\s/:]*){0,4}$`, 'i'),
  };
  WORDS.set(key, w);
  return w;
}

/** A number of the sentence that is no value: a year alone, a list, chapter or regulation number, a date. */
function notAValue(t: Token, s: string, w: Words): boolean {
  if (t.value.kind === 'percent' || t.value.kind === 'money') return false;
  // a year standing alone; a code or telephone number printed with a leading zero ("(0331)")
  if (t.value.format === 'plain' && (/^(?:19|20)\d\d$/.test(t.raw) || /^0\d/.test(t.raw))) return true;
  const before = s.slice(Math.max(0, t.index - 24), t.index);
  const after = s.slice(t.end, t.end + 16);
  // "1. ...", "- 2) ...", "a. 3)" at the start of a sentence or after a colon: a list number
  if (/(?:^|[:;])[\s(\-–•*]*(?:[a-z][.)]\s*)?$/i.test(before) && /^[.)](?:\s|$)/.test(after)) return true;
  // a number inside a formula ("\times 100")
  if (/\\[a-z]+\s*\{?\s*$/i.test(before)) return true;
  // dotted numbering and dates written with marks: "3.2.1", "12/05/2023", "2022-2026"
  if (/^[./-]\d/.test(after) || /\d[./-]$/.test(before)) return true;
  return w.notBefore.test(before) || w.month.test(after);
}

/** Every number printed in a sentence of a body paragraph, as a prose fact. */
export function proseFacts(prose: Prose, file: string, config: Config | undefined): ProseFact[] {
  const w = wordsOf(config);
  const out: ProseFact[] = [];
  for (const par of proseParagraphs(prose)) {
    if (!BODY_SECTIONS.has(par.section)) continue;
    if (!/\d/.test(par.text)) continue;
    const statedIn = par.section === 'ikhtisar' ? 'ikhtisar' : 'narrative';
    let pi = 0;
    for (const s of sentences(par.text)) {
      const inSentence: { fact: ProseFact; t: Token }[] = [];
      for (const t of tokens(s.text, { file, page: null, line: 0 })) {
        if (notAValue(t, s.text, w)) continue;
        const offset = s.offset + t.index;
        while (pi + 1 < par.parts.length && par.parts[pi + 1]!.offset <= offset) pi++;
        const part = par.parts[pi]!;
        const src = { file, page: part.entry.page, line: part.entry.line, section: SECTION_LABEL[part.entry.section] };
        const m = w.role?.exec(s.text.slice(Math.max(0, t.index - 60), t.index));
        const measure = m && m[2]!.length <= 40 ? (w.roleOf.get(m[1]!.toLowerCase().replace(/[\s-]+/g, ' ')) ?? null) : null;
        const fact: ProseFact = {
          id: `P${out.length + 1}`,
          subject: null,
          measure,
          statedIn,
          value: { ...t.value, src },
          at: { paragraph: par.parts[0]!.entry.line, sentence: s.offset, offset, lineOffset: offset - part.offset },
          src,
        };
        const count = countOf(t, s.text, w);
        if (count) fact.count = count;
        const from = Math.max(0, t.index - 40);
        const ch = /[a-z]/i.test(charBefore(s.text, t.index)) ? w.change?.exec(s.text.slice(from, t.index)) : null;
        if (ch) fact.change = { direction: w.up.has(norm(ch[1]!)) ? 'up' : 'down', from: from + ch.index - t.index };
        out.push(fact);
        inSentence.push({ fact, t });
      }
      linkShares(inSentence, s.text, w);
    }
  }
  return out;
}

/** The first character after `at` that is not a space, and the last one before it ('' at the ends): cheap tests before a pattern runs. */
function charAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && text[i] === ' ') i++;
  return text[i] ?? '';
}
function charBefore(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && text[i] === ' ') i--;
  return i >= 0 ? text[i]! : '';
}

const WORDS_AFTER = /^\s*\(\s*([A-Za-z][A-Za-z ]{0,40}?)\s*\)/;
const WORDS_BEFORE = /\(\s*([A-Za-z][A-Za-z ]{0,40}?)\s*\)\s*$/;

/** Number words that read as a whole number (never "(Baik)", never an amount in rupiah). */
function numberWords(raw: string): number | null {
  const t = parseTerbilang(raw);
  return t && !t.rupiah ? t.value : null;
}

/**
 * A whole number printed as a count: its number words in brackets (after it, or else before it)
 * and the count noun after them. Null when it has neither.
 */
function countOf(t: Token, text: string, w: Words): ProseFact['count'] | null {
  if (t.value.kind !== 'number' || t.value.decimals !== 0 || !/^\d{1,6}$/.test(t.raw)) return null;
  let start = t.index;
  let end = t.end;
  let words: NonNullable<ProseFact['count']>['words'];
  const after = charAfter(text, t.end) === '(' ? WORDS_AFTER.exec(text.slice(t.end, t.end + 48)) : null;
  const afterValue = after ? numberWords(after[1]!) : null;
  if (after && afterValue !== null) {
    words = { raw: after[1]!, value: afterValue, before: false };
    end += after[0].length;
  } else {
    const before = charBefore(text, t.index) === ')' ? WORDS_BEFORE.exec(text.slice(Math.max(0, t.index - 48), t.index)) : null;
    const beforeValue = before ? numberWords(before[1]!) : null;
    if (before && beforeValue !== null) {
      words = { raw: before[1]!, value: beforeValue, before: true };
      start -= before[0].length;
    }
  }
  const n = /[a-z]/i.test(charAfter(text, end)) ? w.noun.exec(text.slice(end, end + 40)) : null;
  const noun = n ? w.nounOf.get(norm(n[1]!)) : undefined;
  if (n) end += n[0].length;
  if (!words && !noun) return null;
  return { ...(words ? { words } : {}), noun: noun?.noun ?? null, staff: noun?.staff ?? false, from: start - t.index, to: end - t.index };
}

/** A count of no measure (no capaian or realisasi), printed as a whole or decimal number without money. */
const isCount = (f: ProseFact) => f.measure === null && f.value.kind === 'number' && f.value.value !== null;

/**
 * "53 orang (40% dari total jumlah satker/129 satker)": a percentage right after a count (its unit
 * words, then a link word or a bracket) and right before a total (an `of` word and at most four
 * words) is the share of the count in the total; the percentage's fact names both. Only when the
 * count is not above the total and neither is a capaian, realisasi or target (a capaian "dari
 * target" has its own formula).
 */
function linkShares(list: { fact: ProseFact; t: Token }[], text: string, w: Words): void {
  for (let i = 1; i + 1 < list.length; i++) {
    const { fact, t } = list[i]!;
    const part = list[i - 1]!;
    const total = list[i + 1]!;
    if (fact.value.kind !== 'percent' || fact.value.value === null || !isCount(part.fact) || !isCount(total.fact)) continue;
    if (part.fact.value.value! > total.fact.value.value! || total.fact.value.value! <= 0) continue;
    const before = text.slice(part.t.end, t.index);
    const after = text.slice(t.end, total.t.index);
    if (before.length > 40 || after.length > 60 || !w.shareLink.test(before) || !w.shareOf.test(after)) continue;
    fact.share = { part: part.fact.id, total: total.fact.id };
  }
}
