/**
 * The document's outline: table-of-contents entries ("2.6 Perjanjian Kinerja ...... 22"), body
 * headings that carry a number ("BAB III", "3.2", "B.1"), and their numbers as comparable parts.
 * Pure: reads lines only.
 */

import type { ContentsEntry, OutlineNumber } from '../model/report.js';
import { escapeRe } from './regex.js';

export type { ContentsEntry, OutlineNumber } from '../model/report.js';

export interface OutlineLine {
  line: number;
  page: number | null;
  text: string;
}

/** A contents entry (the model's `ContentsEntry`). */
export type TocEntry = ContentsEntry;

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

export function romanToInt(s: string): number | null {
  const u = s.toUpperCase();
  if (!/^[IVXL]+$/.test(u)) return null;
  let total = 0;
  for (let i = 0; i < u.length; i++) {
    const v = ROMAN[u[i]!]!;
    const next = ROMAN[u[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  // only canonical numerals ("IIII", "VX" are not numbers)
  return intToRoman(total) === u ? total : null;
}

export function intToRoman(n: number): string {
  const table: [number, string][] = [
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}


/** The pattern of a chapter number after one of the vocabulary's chapter words ("BAB III", "PBAB I"), built once per word list. */
const CHAPTER_RE = new WeakMap<readonly string[], RegExp | null>();
function chapterRe(chapterWords: readonly string[]): RegExp | null {
  let re = CHAPTER_RE.get(chapterWords);
  if (re === undefined) {
    re = chapterWords.length === 0 ? null : new RegExp(`^(?:${chapterWords.map(escapeRe).join('|')})\\s+([IVXL]+)\\b\\.?\\s*(.*)$`, 'i');
    CHAPTER_RE.set(chapterWords, re);
  }
  return re;
}

/**
 * The number a heading or contents entry starts with, and the rest of its text. A chapter number
 * is a roman numeral after one of `chapterWords` (rules/vocabulary.yaml sectionHeadings).
 */
export function leadingNumber(text: string, chapterWords: readonly string[]): { number: OutlineNumber; rest: string } | null {
  const t = text.replace(/^[#*\s]+/, '').replace(/<[^>]+>/g, '');
  let m = chapterRe(chapterWords)?.exec(t) ?? null;
  if (m) {
    const n = romanToInt(m[1]!);
    if (n === null) return null;
    return { number: { raw: `BAB ${m[1]!.toUpperCase()}`, kind: 'chapter', chapter: n, section: null, letter: null }, rest: m[2]! };
  }
  m = /^(\d{1,2})\.(\d{1,2})\.?(?!\d|\.\d)\s+(.*)$/.exec(t);
  if (m) return { number: { raw: `${m[1]}.${m[2]}`, kind: 'section', chapter: Number(m[1]), section: Number(m[2]), letter: null }, rest: m[3]! };
  m = /^([A-Z])\.(\d{1,2})\.?(?!\d|\.\d)\s+(.*)$/.exec(t);
  if (m) return { number: { raw: `${m[1]}.${m[2]}`, kind: 'letter-section', chapter: null, section: Number(m[2]), letter: m[1]!.charCodeAt(0) - 64 }, rest: m[3]! };
  m = /^([A-Z])\.\s+(.*)$/.exec(t);
  if (m) return { number: { raw: m[1]!, kind: 'letter', chapter: null, section: null, letter: m[1]!.charCodeAt(0) - 64 }, rest: m[2]! };
  return null;
}

/**
 * One printed entry: title, leaders ("....", ". . . .", "……", "…"), page; text after the page is kept
 * apart. The one contents-entry pattern: structure.ts asks `isLeaderEntry` so that an entry is never
 * taken for the heading it names.
 */
// roman page numbers of the front matter are printed in lower case ("ii"); "BAB III" is not a page
const ENTRY_RE = /^(.*?\S)\s*(?:(?:[.…·_]\s*){2,}|…)[\s.…·_]*(\d{1,3}|[ivxl]{1,6})\b\s*(.*)$/;
const ENTRY_NO_LEADER_RE = /^(.*?\S)\s+(\d{1,3}|[ivxl]{1,6})\s*$/;

/** Split a line holding two entries run together ("BAB III AKUNTABILITAS KINERJA 14 3.1 Capaian ... 14"): before a page number, where a numbered entry starts. */
function splitRunTogether(text: string, chapterWords: readonly string[]): string[] {
  const parts = text.split(/(?<=\s\d{1,3})\s+(?=\S)/);
  const out: string[] = [parts[0]!];
  for (const p of parts.slice(1)) {
    if (leadingNumber(p, chapterWords)?.number.kind === 'chapter' || /^\d{1,2}\.\d{1,2}\.?\s/.test(p)) out.push(p);
    else out[out.length - 1] += ` ${p}`;
  }
  return out;
}

const entryText = (text: string) => text.replace(/<[^>]+>/g, ' ').replace(/\*+/g, '').replace(/\t/g, ' ').replace(/\s+/g, ' ').trim();

/** A line printed as one contents entry with a leader before its page at the end ("BAB I PENDAHULUAN ....... 1"). */
export function isLeaderEntry(text: string): boolean {
  const m = ENTRY_RE.exec(entryText(text));
  return m !== null && m[3] === '';
}

function parseEntry(l: OutlineLine, text: string, chapterWords: readonly string[]): TocEntry | null {
  const t = entryText(text);
  const m = ENTRY_RE.exec(t) ?? ENTRY_NO_LEADER_RE.exec(t);
  if (!m) return null;
  const head = m[1]!.replace(/[\s.…]+$/, '').trim();
  const pagePrinted = m[2]!;
  if (head.length < 3 || head.length > 160) return null;
  // an identity number or an amount is not a title ("NIP. 19771027 199810 1 001")
  if (/\d{5,}|\bNIP\b|\d[.,]\d{3}\b/i.test(head)) return null;
  const ln = leadingNumber(head, chapterWords);
  const page_ = /^\d+$/.test(pagePrinted) ? Number(pagePrinted) : null;
  return { ...l, number: ln?.number ?? null, title: (ln ? ln.rest : head).trim(), page_, pagePrinted };
}

/**
 * The table of contents: a run of lines that read as entries with a page number ("BAB II ... 9",
 * "2.1 Rencana Strategis ...... 9", cells "KATA PENGANTAR<tab>i"), up to two other lines inside it;
 * a run counts when it holds at least four entries with a page and two chapters ("BAB ...").
 */
export function tocEntries(lines: OutlineLine[], chapterWords: readonly string[]): { entries: TocEntry[]; startLine: number; endLine: number } | null {
  let run: TocEntry[] = [];
  let misses = 0;
  const done = (): { entries: TocEntry[]; startLine: number; endLine: number } | null => {
    const chapters = run.filter((e) => e.number?.kind === 'chapter').length;
    if (run.length >= 4 && chapters >= 2) return { entries: run, startLine: run[0]!.line, endLine: run[run.length - 1]!.line };
    return null;
  };
  for (const l of lines) {
    const text = l.text.trim();
    if (text === '') continue;
    const parts = text.length > 220 ? [] : splitRunTogether(text, chapterWords).map((p) => parseEntry(l, p, chapterWords)).filter((e): e is TocEntry => !!e);
    if (parts.length === 0) {
      if (run.length > 0 && ++misses > 2) {
        const r = done();
        if (r) return r;
        run = [];
        misses = 0;
      }
      continue;
    }
    misses = 0;
    run.push(...parts);
  }
  return done();
}

export interface Caption {
  line: number;
  page: number | null;
  /** The caption word as printed ("Tabel", "Gambar"). */
  word: string;
  /** "3.2" (chapter and index) or "4" (index only). */
  number: string;
  /** Chapter part ("3"), or "" for a number without one. */
  chapter: string;
  index: number;
  /** The caption's text after the number (may be empty: the title stands on the next line). */
  rest: string;
}

/**
 * A caption line: one of `words` ("tabel", "gambar") at the start of the line, then a number
 * ("3.2", "3 . 2", "3-2", "4"), then the title or nothing. `continued` words right after the number
 * ("(lanjutan)") mark a table carried on from the page before, not a new caption. Null when the line
 * does not read as a caption.
 */
export function captionOf(l: OutlineLine, words: readonly string[], continued: readonly string[]): Caption | null {
  if (words.length === 0) return null;
  const esc = escapeRe;
  const re = new RegExp(`^[\\s.#*]*(${words.map(esc).join('|')})\\s*(\\d{1,2})(?:\\s*[.-]\\s*(\\d{1,2}))?(?!\\s*[.,-]?\\s*\\d)\\.?(?:\\s*[:.-]?\\s+(.*))?$`, 'i');
  const t = l.text.replace(/<[^>]+>/g, ' ').replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
  const m = re.exec(t);
  if (!m) return null;
  const rest = (m[4] ?? '').trim();
  const low = rest.toLowerCase();
  if (continued.some((w) => low.replace(/^[(\[]\s*/, '').startsWith(w.toLowerCase()))) return null;
  const chapter = m[3] !== undefined ? m[2]! : '';
  const index = Number(m[3] ?? m[2]);
  return { line: l.line, page: l.page, word: m[1]!, number: chapter ? `${chapter}.${index}` : String(index), chapter, index, rest };
}

/**
 * The printed page numbers of a paged document, from each page's label (the bare number line at
 * its top or bottom, `Document.pages[].label`), only where they can be read: the position used by
 * most labels (top or bottom) holds a label on at least half of the pages, and a page's arabic
 * number counts when a neighbouring page at that position carries the next or previous number
 * (numbers increasing by one from page to page; any constant offset from the PDF page index).
 * A page without a label between two counted pages of the same offset (a chapter's opening page
 * often prints none) is inferred. Pages whose number cannot be read this way are left out.
 */
export function printedPageNumbers(labels: readonly ({ text: string; at: 'top' | 'bottom' } | undefined)[]): { page: number; number: number; inferred?: boolean }[] {
  const count = (at: 'top' | 'bottom') => labels.filter((l) => l?.at === at).length;
  const at = count('bottom') >= count('top') ? 'bottom' : 'top';
  if (count(at) < 3 || count(at) * 2 < labels.length) return [];
  // the arabic number of each page's label at that position ("Halaman 16", "- 16 -", "16 dari 40")
  const arabic = labels.map((l) => {
    if (!l || l.at !== at) return null;
    const m = /\d{1,4}/.exec(l.text);
    return m ? Number(m[0]) : null;
  });
  const offset = (i: number) => (arabic[i] == null ? null : arabic[i]! - i);
  const out: { page: number; number: number; inferred?: boolean }[] = [];
  let last: { i: number; off: number } | null = null;
  for (let i = 0; i < labels.length; i++) {
    const off = offset(i);
    if (off === null || (offset(i - 1) !== off && offset(i + 1) !== off)) continue;
    // pages without any label between two pages of the same offset
    if (last && last.off === off && i - last.i <= 3 && labels.slice(last.i + 1, i).every((l) => !l)) {
      for (let k = last.i + 1; k < i; k++) out.push({ page: k + 1, number: k + off, inferred: true });
    }
    out.push({ page: i + 1, number: arabic[i]! });
    last = { i, off };
  }
  return out.sort((a, b) => a.page - b.page);
}
