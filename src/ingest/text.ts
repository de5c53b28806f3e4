/**
 * Text exports of LKIP PDFs → Document. Pure (no Node APIs): the browser self-check uses it too.
 *
 * Recognised layouts (DOMAIN §6):
 *  - tab-separated rows (the common case in the seeds);
 *  - Markdown pipe tables (`| a | b |`, separator rows `|---|` dropped);
 *  - HTML `<table>` blocks (`<tr>`/`<td>`/`<th>`), flattened to one line per row; a block is a table
 *    only when it is one: a literal `<table>` in a sentence is text, and an unclosed table keeps its
 *    complete rows and gives back the text after them (with an ingest note);
 *  - Markdown headings (`#`..`######`), kept as `heading` levels.
 * Inline markup (`<b>`, `<p>`, `<li>`, `**`, `*`, `<sup>`) is removed from cell and line text.
 * Separator rows made only of dashes (`--\t--\t----`) are dropped: they carry no data.
 * Line numbers are those of the original file (1-based); an HTML table row gets the line of its `<tr>`.
 */
import type { Cell, DocLine, Document, IngestNote } from '../model/document.js';

const ENTITY: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&nbsp;': ' ', '&quot;': '"', '&#39;': "'" };

/** What stripInline may have to change besides trimming. */
const INLINE_WORK = /[<&*\\\u00a0]| {2}/;

/** Remove inline HTML and Markdown emphasis; keep the words. */
export function stripInline(s: string): string {
  // Most lines carry no markup and no runs of spaces: nothing to do but trim (a hot path).
  if (!INLINE_WORK.test(s)) return s.trim();
  let t = s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/(p|li|div)>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|nbsp|quot|#39);/g, (m) => ENTITY[m] ?? m);
  t = t.replace(/\*\*/g, '').replace(/(^|\s)\*(?=\S)|(?<=\S)\*(?=\s|$|[.,:;])/g, '$1');
  t = t.replace(/\\([_*$%#])/g, '$1');
  return t.replace(/[ \u00a0]+/g, ' ').trim();
}

function isDashRow(cells: string[]): boolean {
  return cells.length > 1 && cells.every((c) => /^[-–—:\s]*$/.test(c)) && cells.some((c) => /-{2,}/.test(c));
}

function cellsOf(texts: string[]): Cell[] {
  return texts.map((t) => ({ text: stripInline(t) }));
}

/** Tags that make up an HTML table's structure; anything else is inline markup or text. */
const TABLE_TAG = /<(\/?)(table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col)\b([^>]*)>/gi;
/** Text outside every cell that is still only markup: inline tags, entities, spaces. */
const isMarkupOnly = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&(nbsp|#160);/gi, '').trim() === '';

interface HtmlTable {
  /** Rows with the 0-based index of the line of their first cell or `<tr>`. */
  rows: { cells: string[]; at: number }[];
  /** Index of the last line the table accounts for (its `</table>`, or its last complete row). */
  end: number;
  /** Text printed after `</table>` on its last line. */
  tail: string;
  /** Text printed before `<table>` on its first line. */
  head: string;
  /** Caption lines, with their line index. */
  captions: { text: string; at: number }[];
  /** Set when the table was not closed: the line index where it broke off. */
  brokeAt: number | null;
}

/**
 * Read one HTML table that opens on line `i`, one pass over its lines (linear in their size).
 * The table ends at `</table>`; it is broken off by text outside every cell, by a nested `<table>`
 * or by the end of the file. A broken table keeps its complete rows; what follows them is text.
 * Null when the tag opens no table at all (a literal `<table>` in a sentence): the line is text.
 */
function readHtmlTable(raw: string[], i: number): HtmlTable | null {
  const rows: HtmlTable['rows'] = [];
  const captions: HtmlTable['captions'] = [];
  let row: string[] | null = null;
  let rowAt = i;
  let cell: { buf: string; span: number } | null = null;
  let caption: { buf: string; at: number } | null = null;
  let consumed = i; // every line up to here is accounted for by complete rows
  let head = '';
  let opened = false;
  const closeCell = () => {
    if (!cell) return;
    row!.push(cell.buf);
    for (let k = 1; k < cell.span; k++) row!.push('');
    cell = null;
  };
  const closeRow = (endLine: number) => {
    closeCell();
    if (row) rows.push({ cells: row, at: rowAt });
    row = null;
    consumed = endLine;
  };
  const broken = (at: number): HtmlTable | null => {
    if (rows.length === 0) return null;
    return { rows, end: consumed, tail: '', head, captions, brokeAt: at };
  };
  for (let j = i; j < raw.length; j++) {
    const src = raw[j] ?? '';
    TABLE_TAG.lastIndex = 0;
    let pos = 0;
    let m: RegExpExecArray | null;
    const text = (upTo: number): boolean => {
      // the text between two structure tags: cell content, or (outside cells) markup only
      const t = src.slice(pos, upTo);
      if (cell) cell.buf += (cell.buf && pos === 0 ? ' ' : '') + t;
      else if (caption) caption.buf += (caption.buf && pos === 0 ? ' ' : '') + t;
      else if (!opened) head += t;
      else if (!isMarkupOnly(t)) return false;
      return true;
    };
    while ((m = TABLE_TAG.exec(src))) {
      if (!text(m.index)) return broken(j);
      pos = m.index + m[0].length;
      const close = m[1] === '/';
      const tag = m[2]!.toLowerCase();
      if (tag === 'table') {
        if (!close) {
          if (opened) return broken(j); // nested tables are not read: the outer one ends here
          opened = true;
          continue;
        }
        closeRow(j);
        if (caption) captions.push({ text: caption.buf, at: caption.at });
        return { rows, end: j, tail: src.slice(pos), head, captions, brokeAt: null };
      }
      if (tag === 'caption') {
        if (!close) caption = { buf: '', at: j };
        else if (caption) {
          captions.push({ text: caption.buf, at: caption.at });
          caption = null;
        }
        continue;
      }
      if (tag === 'tr') {
        if (row) closeRow(close ? j : j - 1);
        if (!close) {
          row = [];
          rowAt = j;
        }
        continue;
      }
      if (tag === 'td' || tag === 'th') {
        closeCell();
        if (!close) {
          if (!row) {
            row = [];
            rowAt = j;
          }
          const span = /colspan\s*=\s*["']?(\d+)/i.exec(m[3] ?? '');
          cell = { buf: '', span: Math.min(Number(span?.[1] ?? 1), 64) };
        }
        continue;
      }
      // thead, tbody, tfoot, colgroup, col: structure only
    }
    if (!text(src.length)) return broken(j);
    if (!opened) return null; // cannot happen: the caller saw <table on this line
  }
  return broken(raw.length);
}

const OPENS_TABLE = /<table[\s>]/i;

export function textToDocument(file: string, text: string): Document {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines: DocLine[] = [];
  const notes: IngestNote[] = [];
  let unused = 0;
  const row = (line: number, texts: string[]) => {
    const cells = cellsOf(texts);
    lines.push({ page: null, line, text: cells.map((c) => c.text).join('\t'), cells });
  };
  const prose = (line: number, s: string) => lines.push({ page: null, line, text: stripInline(s), cells: null });
  for (let i = 0; i < raw.length; i++) {
    const lineNo = i + 1;
    const src = raw[i] ?? '';
    // HTML table block: taken as a table only when it is one (see readHtmlTable)
    const table = OPENS_TABLE.test(src) ? readHtmlTable(raw, i) : null;
    if (table) {
      if (stripInline(table.head)) prose(lineNo, table.head);
      const out: DocLine[] = [];
      for (const c of table.captions) out.push({ page: null, line: c.at + 1, text: stripInline(c.text), cells: null });
      for (const r of table.rows) {
        const cells = cellsOf(r.cells);
        if (isDashRow(cells.map((c) => c.text))) continue;
        out.push({ page: null, line: r.at + 1, text: cells.map((c) => c.text).join('\t'), cells });
      }
      lines.push(...out.sort((a, b) => a.line - b.line));
      if (table.rows.length > 0 && table.rows.every((r) => r.cells.every((c) => stripInline(c) === ''))) unused += table.end - i + 1;
      if (table.brokeAt !== null) {
        const at = table.brokeAt + 1;
        notes.push({
          page: null,
          line: lineNo,
          message: {
            id: `Tabel HTML yang dibuka di baris ${lineNo} tidak ditutup dengan </table> (terputus di baris ${Math.min(at, raw.length)}): ${table.rows.length} barisnya dibaca sebagai tabel, teks sesudahnya dibaca sebagai teks biasa.`,
            en: `The HTML table opened at line ${lineNo} is not closed by </table> (it breaks off at line ${Math.min(at, raw.length)}): its ${table.rows.length} rows are read as a table, the text after them as plain text.`,
          },
        });
      }
      if (stripInline(table.tail)) prose(table.end + 1, table.tail);
      i = table.end;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(src);
    if (heading) {
      lines.push({ page: null, line: lineNo, text: stripInline(heading[2] ?? ''), cells: null, heading: heading[1]!.length });
      continue;
    }
    // a Markdown pipe row is a table row only when it has at least two cells
    if (/^\s*\|.*\|\s*$/.test(src) && /\|.*\|.*\|/.test(src)) {
      const parts = src.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
      if (parts.every((p) => /^\s*:?-{2,}:?\s*$/.test(p))) continue; // markdown separator
      row(lineNo, parts);
      continue;
    }
    if (src.includes('\t')) {
      const parts = src.split('\t');
      if (isDashRow(parts)) continue;
      row(lineNo, parts);
      continue;
    }
    prose(lineNo, src);
  }
  const read = raw.filter((l) => l.trim() !== '').length;
  return { file, format: 'text', pageCount: null, lines, input: { unit: 'line', read, unused, notes } };
}
