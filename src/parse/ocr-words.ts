/**
 * Structure words on OCR-read table lines (issue 13): a header or row-label word that OCR misread
 * ("Fiogram" for "Program", "Kediatan" for "Kegiatan") turns a budget table into an unknown one or a
 * group row into an item. The dictionary is the vocabulary (rules/vocabulary.yaml: table kinds,
 * column roles and starts, row kinds and sources, caption words); the distance is an edit distance
 * where a change between letters OCR confuses (`ocrWords.confusions`) costs half an edit. A word is
 * read as the one vocabulary word nearest to it when that distance is at most 2 for words of 9+
 * letters, 1½ for 7–8, 1 for 5–6 and ½ for 4, and no other vocabulary word is as near. Only cells of lines that
 * carry an OCR confidence are read this way (born-digital text is never changed), numbers never.
 * Pure: runs in the browser too.
 */
import type { Config } from '../model/config.js';
import type { Document } from '../model/document.js';
import { romanToInt } from './outline.js';
import { escapeRe } from './regex.js';

type Vocabulary = NonNullable<Config['vocabulary']>;

export interface StructureDictionary {
  words: string[];
  keep: Set<string>;
  /** Confusion groups: every unit (one or two characters) → the groups it is in. */
  groups: Map<string, number[]>;
}

const WORD = /^\p{L}{4,}$/u;

/** The dictionary of structure words of a vocabulary (letters only, lower case, 4+ letters). */
export function structureDictionary(vocab: Vocabulary | undefined): StructureDictionary {
  const phrases: string[] = [];
  const sigs = (xs: string[][] | undefined) => (xs ?? []).forEach((s) => phrases.push(...s));
  for (const k of vocab?.tableKinds ?? []) {
    sigs(k.any);
    phrases.push(...(k.none ?? []));
  }
  for (const r of vocab?.columnRoles ?? []) {
    sigs(r.any);
    phrases.push(...(r.only ?? []));
  }
  phrases.push(...(vocab?.columnStarts ?? []));
  for (const r of vocab?.rowKinds ?? []) sigs(r.any);
  for (const r of vocab?.rowSources ?? []) sigs(r.any);
  phrases.push(...(vocab?.captions?.tables ?? []));
  const words = new Set<string>();
  for (const p of phrases) for (const w of p.toLowerCase().split(/[^\p{L}]+/u)) if (WORD.test(w)) words.add(w);
  const groups = new Map<string, number[]>();
  (vocab?.ocrWords?.confusions ?? []).forEach((g, i) => {
    for (const u of g) groups.set(u.toLowerCase(), [...(groups.get(u.toLowerCase()) ?? []), i]);
  });
  return { words: [...words], keep: new Set((vocab?.ocrWords?.keep ?? []).map((w) => w.toLowerCase())), groups };
}

function confused(d: StructureDictionary, a: string, b: string): boolean {
  const ga = d.groups.get(a);
  const gb = d.groups.get(b);
  return !!ga && !!gb && ga.some((g) => gb.includes(g));
}

/** Edit distance of `t` (as read) from `w` (the word), a confused change costing ½, stopping above `max`. */
export function ocrDistance(d: StructureDictionary, t: string, w: string, max = Infinity): number {
  const n = t.length;
  const m = w.length;
  if (Math.abs(n - m) > max) return Infinity;
  // dp[i][j]: distance of t[0..i) from w[0..j)
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  for (let i = 0; i <= n; i++) dp[i]![0] = i;
  for (let j = 0; j <= m; j++) dp[0]![j] = j;
  for (let i = 1; i <= n; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= m; j++) {
      const a = t[i - 1]!;
      const b = w[j - 1]!;
      let v = Math.min(dp[i - 1]![j]! + 1, dp[i]![j - 1]! + 1, dp[i - 1]![j - 1]! + (a === b ? 0 : confused(d, a, b) ? 0.5 : 1));
      // two characters read for one or one for two ("rn" for "m", "n" for "ri")
      if (i >= 2 && confused(d, t.slice(i - 2, i), b)) v = Math.min(v, dp[i - 2]![j - 1]! + 0.5);
      if (j >= 2 && confused(d, a, w.slice(j - 2, j))) v = Math.min(v, dp[i - 1]![j - 2]! + 0.5);
      dp[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return Infinity;
  }
  return dp[n]![m]!;
}

/** Cells of at most this many words are header-like: all their words are read; of longer ones the first LABEL_WORDS. */
const HEADER_WORDS = 5;
const LABEL_WORDS = 2;

const allowed = (len: number) => (len >= 9 ? 2 : len >= 7 ? 1.5 : len >= 5 ? 1 : len === 4 ? 0.5 : 0);

function withCase(model: string, word: string): string {
  if (model === model.toUpperCase()) return word.toUpperCase();
  if (model[0] === model[0]!.toUpperCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}

/** The vocabulary word `token` is a misreading of, or null (no word near enough, or two as near). */
export function nearestStructureWord(d: StructureDictionary, token: string): string | null {
  const t = token.toLowerCase();
  if (t.length < 4 || !/^\p{L}[\p{L}\d|]*$/u.test(t) || d.keep.has(t) || d.words.includes(t)) return null;
  let best: string | null = null;
  let bestD = Infinity;
  let tie = false;
  for (const w of d.words) {
    const max = allowed(Math.min(w.length, t.length));
    if (max === 0) continue;
    const dist = ocrDistance(d, t, w, max);
    if (dist > max) continue;
    if (dist < bestD) {
      best = w;
      bestD = dist;
      tie = false;
    } else if (dist === bestD) tie = true;
  }
  return best && !tie ? withCase(token, best) : null;
}

/**
 * The document with the structure words of its OCR-read table cells corrected (a new document when
 * anything changed; the same one otherwise). A cell is OCR-read when it or its line carries a
 * confidence.
 */
export function correctOcrStructureWords(doc: Document, config: Config): Document {
  if (!doc.lines.some((l) => l.confidence !== undefined || (l.cells ?? []).some((c) => c.confidence !== undefined))) return doc;
  const dict = structureDictionary(config.vocabulary);
  if (!dict.words.length) return doc;
  const memo = new Map<string, string | null>();
  const near = (tok: string) => {
    if (!memo.has(tok)) memo.set(tok, nearestStructureWord(dict, tok));
    return memo.get(tok) ?? tok;
  };
  // a header cell is a few words; a longer cell is a row label, whose kind only its first words say
  // ("Sub Kegiatan Penyediaan ..."): the words of its name are left as read
  const fix = (text: string) => {
    const short = text.split(/[\s/]+/).filter(Boolean).length <= HEADER_WORDS;
    // of a row label its first word, and the second after a short one or a vocabulary word ("Sub
    // Kediatan", "PROGRAM PROGRAM"): "Koordinasi Penerapan ..." is a name
    let i = 0;
    let lead = true;
    return text.replace(/[\p{L}][\p{L}\d|]*/gu, (tok) => {
      if (short) return near(tok);
      if (i++ >= LABEL_WORDS || !lead) return tok;
      const out = near(tok);
      lead = out.length <= 3 || dict.words.includes(out.toLowerCase());
      return out;
    });
  };
  let changed = false;
  const lines = doc.lines.map((l) => {
    if (!l.cells) return l;
    const ocrLine = l.confidence !== undefined;
    let lineChanged = false;
    // an abbreviation before a year with a comma OCR made of its dot ("Th, 2019"), where a cell of the
    // same row prints it with the dot ("Th. 2020")
    const dotted = new Set([...l.cells.map((c) => c.text).join('\t').matchAll(/\b(\p{L}{1,4})\.\s*(?:19|20)\d\d\b/gu)].map((m) => m[1]!));
    const cells = l.cells.map((c) => {
      if (!ocrLine && c.confidence === undefined) return c;
      const text = fix(c.text).replace(/\b(\p{L}{1,4}),(\s*(?:19|20)\d\d)\b/gu, (all, w: string, y: string) => (dotted.has(w) ? `${w}.${y}` : all));
      if (text === c.text) return c;
      lineChanged = true;
      return { ...c, text };
    });
    if (!lineChanged) return l;
    changed = true;
    return { ...l, cells, text: cells.map((c) => c.text).join('\t') };
  });
  return changed ? { ...doc, lines } : doc;
}

const OUTLINE = /^\d{1,2}(\.\d{1,2})*\.?$/;
const parts = (n: string) => n.replace(/\.$/, '').split('.').map(Number);

/** `b` may follow `a` in a numbered outline: a first child ("1" → "1.1") or the next at some level ("1.2" → "1.3", "2"). */
export function followsInOutline(a: string, b: string): boolean {
  const x = parts(a);
  const y = parts(b);
  if (y.length === x.length + 1 && y[y.length - 1] === 1 && x.every((v, i) => v === y[i])) return true;
  if (y.length > x.length) return false;
  return y.every((v, i) => (i < y.length - 1 ? v === x[i] : v === x[i]! + 1));
}

/** A row number with specks read before it: dots and marks, and `i` (a dot over a stub: a dotted rule's), not `l`, `|`, `!` (which may be a 1 or an I). */
const SPECKED = /^(?:[i.,'`:;]\s?){1,3}(\d{1,2}(?:\.\d{1,2})*\.?)$/;

/**
 * Row numbers of OCR-read tables whose dot OCR lost ("11" for "1.1"): a two-digit number in a
 * table's first column is read with a dot after its first digit when that reading, and not the
 * number as read, follows the row number above it and is followed by the next one below (the
 * table's own outline confirms it). A row number with specks read before it (`i i2`, `.3`) is read
 * as the number when that follows the row number above and the next one below follows it (rows of
 * the same table: no line without cells between). Lines
 * without OCR confidences are left alone.
 */
export function correctOcrNumbering(doc: Document): Document {
  const idx: number[] = [];
  doc.lines.forEach((l, i) => {
    const t = (l.cells?.[0]?.text ?? '').trim();
    if (l.cells && (OUTLINE.test(t) || SPECKED.test(t))) idx.push(i);
  });
  let lines: Document['lines'] | null = null;
  idx.forEach((li, k) => {
    const l = doc.lines[li]!;
    const c = l.cells![0]!;
    const t = c.text.trim();
    if ((l.confidence === undefined && c.confidence === undefined) || k === 0) return;
    const prev = doc.lines[idx[k - 1]!]!.cells![0]!.text.trim();
    const next = k + 1 < idx.length ? doc.lines[idx[k + 1]!]!.cells![0]!.text.trim() : null;
    // specks before the number ("i i2": a dotted rule's dots read as letters): the number, when the
    // outline around it confirms it
    const sp = SPECKED.exec(t);
    if (sp) {
      const n = sp[1]!;
      // the rows around it in the same table (no line without cells between)
      const run = (a: number, b: number) => doc.lines.slice(a, b + 1).every((x) => x.cells);
      const after = next !== null && run(li, idx[k + 1]!) ? next : null;
      if (!run(idx[k - 1]!, li) || !OUTLINE.test(prev) || !followsInOutline(prev, n) || (after !== null && OUTLINE.test(after) && !followsInOutline(n, after))) return;
      lines ??= [...doc.lines];
      const cells = l.cells!.map((x, j) => (j === 0 ? { ...x, text: n } : x));
      lines[li] = { ...l, cells, text: cells.map((x) => x.text).join('\t') };
      return;
    }
    if (!/^\d\d$/.test(t)) return;
    const dotted = `${t[0]}.${t[1]}`;
    if (followsInOutline(prev, t) || !followsInOutline(prev, dotted) || (next !== null && !followsInOutline(dotted, next))) return;
    lines ??= [...doc.lines];
    const cells = l.cells!.map((x, j) => (j === 0 ? { ...x, text: x.text.replace(t, dotted) } : x));
    lines[li] = { ...l, cells, text: cells.map((x) => x.text).join('\t') };
  });
  return correctOcrRomanNumbering(lines ? { ...doc, lines } : doc);
}

/**
 * A first cell that may be a roman row number as OCR misreads it: "Il", "II!", "In" (a speck after
 * "I"), "lll." (every I read as l: two l's at least, a lone `l` or `|` is a rule's remnant).
 */
const ROMANISH = /^(?=[^\d]*[IVX]|[^\d]*l[^\d]*l)([IVXl1!|]{1,4})([a-z]?)(\.?)$/;

/**
 * Roman program numbers of OCR-read tables with letters OCR takes for `I` (`l`, `1`, `!`, `|`) or a
 * speck read as a letter after them: read as the numeral when that is the next number after the
 * roman number above it in the table (I first). A numeral that is wrong in print (VI after III)
 * stays as printed: the outline rule reports it.
 */
function correctOcrRomanNumbering(doc: Document): Document {
  let lines: Document['lines'] | null = null;
  let prev = 0;
  doc.lines.forEach((l, i) => {
    if (!l.cells) {
      if (/\p{L}/u.test(l.text)) prev = 0; // text between: another table
      return;
    }
    const c = l.cells[0];
    const t = (c?.text ?? '').trim();
    // (a lower-case l is no printed numeral here: "lll" is III misread, not 150)
    const n = /l/.test(t) ? null : romanToInt(t.replace(/\.$/, ''));
    if (n !== null) {
      prev = n;
      return;
    }
    const m = ROMANISH.exec(t);
    if (!m || (l.confidence === undefined && c!.confidence === undefined)) return;
    // the letter after may be a speck ("In" for I) or an I with a speck on it ("Ik." for II)
    const base = m[1]!.replace(/[l1!|]/g, 'I');
    const numeral = [base, ...(m[2] && /[kltfi]/.test(m[2]) ? [base + 'I'] : [])].find((x) => romanToInt(x) === prev + 1);
    if (!numeral) return;
    prev++;
    lines ??= [...doc.lines];
    const cells = l.cells.map((x, j) => (j === 0 ? { ...x, text: numeral + m[3] } : x));
    lines[i] = { ...l, cells, text: cells.map((x) => x.text).join('\t') };
  });
  return lines ? { ...doc, lines } : doc;
}

/** A chapter numeral as OCR misreads it: roman letters and the marks OCR takes for `I` (`l`, `1`, `!`, `|`), not digits alone. */
const CHAPTER_NUMERALISH = /^(?=.*[IVXl!|])[IVXl1!|]{1,4}$/;

/**
 * Chapter numerals of OCR-read headings with marks OCR takes for `I` ("BAB Ill AKUNTABILITAS
 * KINERJA", "BAB Il"): after a chapter word (rules/vocabulary.yaml sectionHeadings.chapterWords),
 * a token of roman letters and `l`, `1`, `!`, `|` (one of them at least, and not digits alone: "BAB
 * 1" is printed so) is read with those as `I` when that makes a roman numeral. The heading and the
 * outline rules then see the chapter (the caption numbering of Bab III follows it). Only lines with
 * an OCR confidence that are no table rows; born-digital text is never changed.
 */
export function correctOcrChapterNumerals(doc: Document, chapterWords: readonly string[]): Document {
  if (!chapterWords.length) return doc;
  const re = new RegExp(`^(\\s*(?:${chapterWords.map(escapeRe).join('|')})\\s+)(\\S+?)(\\.?(?:\\s|$))`, 'i');
  let lines: Document['lines'] | null = null;
  doc.lines.forEach((l, i) => {
    if (l.cells || l.confidence === undefined) return;
    const m = re.exec(l.text);
    if (!m || !CHAPTER_NUMERALISH.test(m[2]!) || !/[l1!|]/.test(m[2]!)) return;
    const numeral = m[2]!.replace(/[l1!|]/g, 'I');
    if (romanToInt(numeral) === null) return;
    lines ??= [...doc.lines];
    lines[i] = { ...l, text: m[1]! + numeral + l.text.slice(m[1]!.length + m[2]!.length) };
  });
  return lines ? { ...doc, lines } : doc;
}

/**
 * Header cells of OCR-read tables that took in the text below them where a rule between the rows
 * was not found: "SASARAN STRATEGIS (2) Meningkatnya efektifitas ..." when "(2)" stands in the
 * same column of the numbering row below and "Meningkatnya efektifitas ..." is the whole cell of
 * the same column a row or two further down. The cell keeps what is not repeated below (at least
 * one word of 3+ letters must remain). Lines without OCR confidences are left alone.
 */
export function correctOcrSpilledCells(doc: Document): Document {
  let lines: Document['lines'] | null = null;
  doc.lines.forEach((l, i) => {
    // header lines only: no amount, no percentage
    if (!l.cells || l.confidence === undefined || l.cells.some((c) => /\d{1,3}([.,]\d{3})+|\d\s*%/.test(c.text))) return;
    const below = doc.lines.slice(i + 1, i + 4).filter((x) => x.cells && x.cells.length === l.cells!.length);
    if (!below.length) return;
    let changed = false;
    const cells = l.cells.map((c, j) => {
      let t = c.text.trim();
      // (twice: the row's text comes off first, then the "(2)" before it)
      for (const b of [...below, ...below]) {
        const u = b.cells![j]!.text.trim();
        // a whole row's text (three words or more), or the numbering row's "(2)"
        const spilled = (u.length >= 20 && u.split(/\s+/).length >= 3) || /^\(\d{1,2}\)$/.test(u);
        if (spilled && t.length > u.length + 3 && t.endsWith(' ' + u) && /\p{L}{3}/u.test(t.slice(0, -u.length))) t = t.slice(0, -u.length).trim();
      }
      if (t === c.text.trim()) return c;
      changed = true;
      return { ...c, text: t };
    });
    if (!changed) return;
    lines ??= [...doc.lines];
    lines[i] = { ...l, cells, text: cells.map((x) => x.text).join('\t') };
  });
  return lines ? { ...doc, lines } : doc;
}

/**
 * The corrections of OCR readings that keep a document's lines and cells as they are (chapter
 * numerals, header and row-label words, row numbers by the table's outline), in the order the
 * parser applies them; born-digital lines are never changed. bench/ocr-accuracy.ts scores the
 * cells the audit reads with it.
 */
export function correctOcrReadings(doc: Document, config: Config): Document {
  const chapters = correctOcrChapterNumerals(doc, config.vocabulary?.sectionHeadings?.chapterWords ?? []);
  return correctOcrNumbering(correctOcrStructureWords(chapters, config));
}
