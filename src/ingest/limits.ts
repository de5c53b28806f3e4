/**
 * The document limits of issue 18 (src/model/limits.ts, `limits:` in rules/config.yaml), checked
 * where they are cheapest: content stream operators (checkContent, called by pdf-streams.ts before
 * pdfjs sees the bytes), tables and cells once the document's lines exist (before parsing), lines of
 * a text export before it is split. No Node API: the browser self-check bundles this file.
 * A hit is an IngestError: one `input-error` row naming the file, the count found and the limit.
 */
import type { Document } from '../model/document.js';
import { DEFAULT_LIMITS, type IngestLimits } from '../model/limits.js';
import { IngestError } from './errors.js';

export const nf = (n: number, lang: 'id' | 'en') => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 1 });
/** "12.345 tabel, batas 5.000 (limits.maxTables)": the detail of a limit's error row, in both languages. */
export const overLimit = (what: [string, string], found: number, limit: number, key: string): [string, string] => [
  `${nf(found, 'id')} ${what[0]}, batas ${nf(limit, 'id')} (limits.${key})`,
  `${nf(found, 'en')} ${what[1]}, limit ${nf(limit, 'en')} (limits.${key})`,
];

export const limitsOf = (l?: Partial<IngestLimits>): IngestLimits => ({ ...DEFAULT_LIMITS, ...l });

/**
 * Tables of a document: runs of consecutive lines with cells. More of them than `maxTables`, or one
 * with more than `maxTableCells` cells, is refused before parsing.
 */
export function checkDocumentLimits(doc: Document, limits: IngestLimits): void {
  let tables = 0;
  let cells = 0;
  let inTable = false;
  let biggest = 0;
  for (const l of doc.lines) {
    if (l.cells && l.cells.length) {
      if (!inTable) {
        tables++;
        cells = 0;
        inTable = true;
      }
      cells += l.cells.length;
      if (cells > biggest) biggest = cells;
    } else if (l.text.trim() !== '' || !inTable) inTable = false;
  }
  if (tables > limits.maxTables) {
    const [id, en] = overLimit(['tabel', 'tables'], tables, limits.maxTables, 'maxTables');
    throw IngestError.of(doc.file, 'too-many-tables', id, en);
  }
  if (biggest > limits.maxTableCells) {
    const [id, en] = overLimit(['sel dalam satu tabel', 'cells in one table'], biggest, limits.maxTableCells, 'maxTableCells');
    throw IngestError.of(doc.file, 'table-too-large', id, en);
  }
}

/**
 * One content stream's operators, counted without building anything: `q` nesting depth and
 * text-showing operators (Tj, TJ, ', "). Strings, hex strings, comments and inline image data are
 * skipped. Over `maxNesting` or `maxPageTextOps` the file is refused before pdfjs builds an operator
 * list of millions of entries (minutes and gigabytes in pdfjs itself). Returns whether the stream
 * paints anything (shows text, fills or strokes a path, paints a shading, an XObject or an inline
 * image): a page whose content streams paint nothing is blank (pdf.ts then reads no operator list).
 */
export function checkContent(file: string, b: Uint8Array, limits: IngestLimits): boolean {
  let paints = false;
  let depth = 0;
  let maxDepth = 0;
  let textOps = 0;
  const n = b.length;
  let i = 0;
  const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
  const isDelim = (c: number) => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
  while (i < n) {
    const c = b[i]!;
    if (isWs(c)) {
      i++;
      continue;
    }
    if (c === 0x25) {
      // comment to end of line
      while (i < n && b[i] !== 0x0a && b[i] !== 0x0d) i++;
      continue;
    }
    if (c === 0x28) {
      // literal string, balanced parentheses, backslash escapes
      let lvl = 1;
      i++;
      while (i < n && lvl > 0) {
        const d = b[i]!;
        if (d === 0x5c) i++;
        else if (d === 0x28) lvl++;
        else if (d === 0x29) lvl--;
        i++;
      }
      continue;
    }
    if (c === 0x3c && b[i + 1] !== 0x3c) {
      // hex string
      while (i < n && b[i] !== 0x3e) i++;
      i++;
      continue;
    }
    if (isDelim(c)) {
      i++;
      if (c === 0x2f) while (i < n && !isWs(b[i]!) && !isDelim(b[i]!)) i++; // a name
      continue;
    }
    const s = i;
    while (i < n && !isWs(b[i]!) && !isDelim(b[i]!)) i++;
    const len = i - s;
    if (len === 1) {
      const t = b[s]!;
      if (t === 0x71) {
        if (++depth > maxDepth) maxDepth = depth;
      } else if (t === 0x51) {
        if (depth > 0) depth--;
      } else if (t === 0x27 || t === 0x22) textOps++;
      // f F B b S s: fill / stroke a path
      else if (t === 0x66 || t === 0x46 || t === 0x42 || t === 0x62 || t === 0x53 || t === 0x73) paints = true;
    } else if (len === 2) {
      const t0 = b[s]!;
      const t1 = b[s + 1]!;
      if (t0 === 0x54 && (t1 === 0x6a || t1 === 0x4a)) textOps++;
      // f* B* b* (fill / stroke), sh (shading), Do (XObject), BI (inline image)
      else if ((t1 === 0x2a && (t0 === 0x66 || t0 === 0x42 || t0 === 0x62)) || (t0 === 0x73 && t1 === 0x68) || (t0 === 0x44 && t1 === 0x6f) || (t0 === 0x42 && t1 === 0x49)) paints = true;
      else if (t0 === 0x49 && t1 === 0x44) {
        // inline image data: up to the EI operator
        i++;
        while (i + 2 < n && !(b[i] === 0x45 && b[i + 1] === 0x49 && isWs(b[i - 1]!) && (isWs(b[i + 2]!) || i + 2 === n))) i++;
        i += 2;
      }
    }
    if (maxDepth > limits.maxNesting) {
      const [id, en] = overLimit(['tingkat q bersarang', 'nested q levels'], maxDepth, limits.maxNesting, 'maxNesting');
      throw IngestError.of(file, 'page-too-large', id, en);
    }
    if (textOps > limits.maxPageTextOps) {
      const [id, en] = overLimit(['operasi teks dalam satu aliran', 'text operations in one stream'], textOps, limits.maxPageTextOps, 'maxPageTextOps');
      throw IngestError.of(file, 'page-too-large', id, en);
    }
  }
  return paints || textOps > 0;
}

/**
 * A text export before it is split into lines: only blank → `empty` (10 MB of empty lines costs
 * nothing); more lines than `maxLines`, or a line longer than `maxLineChars` (a million numbers on
 * one line is a million tokens in every rule that reads prose), → refused. Counts line ends (LF,
 * CR, CRLF) in one pass.
 */
export function checkTextLimits(file: string, text: string, limits: IngestLimits): void {
  if (!/\S/.test(text)) throw IngestError.of(file, 'empty');
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && lines <= limits.maxLines; i = text.indexOf('\n', i + 1)) lines++;
  if (lines <= limits.maxLines) {
    // CR-only line ends
    for (let i = text.indexOf('\r'); i !== -1 && lines <= limits.maxLines; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) lines++;
  }
  if (lines > limits.maxLines) {
    throw IngestError.of(file, 'too-many-lines', `lebih dari ${nf(limits.maxLines, 'id')} baris (limits.maxLines)`, `more than ${nf(limits.maxLines, 'en')} lines (limits.maxLines)`);
  }
  if (text.length > limits.maxLineChars) {
    let longest = 0;
    let from = 0;
    const ends = /[\r\n]/g;
    for (let hit = ends.exec(text); ; hit = ends.exec(text)) {
      const end = hit ? hit.index : text.length;
      if (end - from > longest) longest = end - from;
      if (!hit) break;
      from = end + 1;
    }
    if (longest > limits.maxLineChars) {
      const [id, en] = overLimit(['karakter pada satu baris', 'characters on one line'], longest, limits.maxLineChars, 'maxLineChars');
      throw IngestError.of(file, 'line-too-long', id, en);
    }
  }
}
