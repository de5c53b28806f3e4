/**
 * Document → prose index (src/model/prose.ts): every non-empty line once, in order, with its
 * section, its cleaned text, its cells when it is a table row, and whether it continues the
 * paragraph of the line before (a wrapped line). One pass over the lines; the rules read this and
 * never the Document. Pure: runs in the browser too.
 */
import type { Document } from '../model/document.js';
import type { Prose, ProseEntry } from '../model/prose.js';
import type { Section } from '../model/report.js';
import { sectionAt } from './structure.js';

/** What cleanText may have to change besides trimming. */
const CLEAN_WORK = /[<*\\\t\u00a0]| {2}/;

/** Text without Markdown/HTML emphasis (`**`, `*`, `<b>`), escapes and runs of spaces; trimmed. */
export function cleanText(s: string): string {
  if (!CLEAN_WORK.test(s)) return s.trim(); // the usual line: nothing to clean (a hot path)
  return s
    .replace(/<[^>]+>/g, ' ')
    .replace(/\*+/g, '')
    .replace(/\\([*_])/g, '$1')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

const ENDS_SENTENCE = /[.:;!?]$/;
const STARTS_ITEM = /^(\d+[.)]|[A-Za-z][.)]\s|P?BAB\b|[-•*])/;

/**
 * Whether a prose line continues the paragraph of the prose line just before it: the lines are
 * adjacent, the earlier one does not end a sentence, and either the later one starts in lower case
 * or the earlier one is long, not a heading in capitals, and the later one starts no list item or
 * heading.
 */
function wraps(prev: ProseEntry, prevPrinted: string, cur: ProseEntry): boolean {
  if (cur.line !== prev.line + 1 || ENDS_SENTENCE.test(prev.text)) return false;
  if (/^[a-z]/.test(cur.text)) return true;
  const last = prevPrinted.trim();
  const letters = last.replace(/[^A-Za-z]/g, '');
  return last.length >= 40 && letters !== letters.toUpperCase() && !STARTS_ITEM.test(cur.text);
}

export function buildProse(doc: Document, sections: readonly Section[]): Prose {
  const lines: ProseEntry[] = [];
  const sorted = sections.every((s, i) => i === 0 || sections[i - 1]!.startLine <= s.startLine);
  let si = 0;
  let prev: ProseEntry | null = null;
  let prevPrinted = '';
  for (const l of doc.lines) {
    const text = cleanText(l.text);
    if (!text) continue;
    let section;
    if (sorted && sections.length > 0) {
      // sections are sorted by start line and so are the lines: walk them together
      while (si + 1 < sections.length && sections[si + 1]!.startLine <= l.line) si++;
      section = sections[0]!.startLine <= l.line ? sections[si]!.kind : sections[0]!.kind;
    } else section = sectionAt(sections as Section[], l.line).kind;
    const e: ProseEntry = { line: l.line, page: l.page, section, text };
    if (l.cells) {
      e.cells = l.cells.map((c) => c.text);
      if (l.text !== e.cells.join('\t')) e.raw = l.text;
    } else if (l.text !== text) e.raw = l.text;
    if (l.heading !== undefined) e.heading = l.heading;
    if (!l.cells && prev && !prev.cells && wraps(prev, prevPrinted, e)) e.wraps = true;
    lines.push(e);
    prev = e;
    prevPrinted = l.text;
  }
  return { lines, lastLine: doc.lines[doc.lines.length - 1]?.line ?? null };
}

/** The line as the document printed it. */
export function printed(e: ProseEntry): string {
  return e.raw ?? (e.cells ? e.cells.join('\t') : e.text);
}
