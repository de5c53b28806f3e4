/**
 * Text exports of LKIP PDFs → Document. Pure (no Node APIs): the browser self-check uses it too.
 *
 * Recognised layouts (DOMAIN §6):
 *  - tab-separated rows (the common case in the seeds);
 *  - Markdown pipe tables (`| a | b |`, separator rows `|---|` dropped);
 *  - HTML `<table>` blocks (`<tr>`/`<td>`/`<th>`), flattened to one line per row;
 *  - Markdown headings (`#`..`######`), kept as `heading` levels.
 * Inline markup (`<b>`, `<p>`, `<li>`, `**`, `*`, `<sup>`) is removed from cell and line text.
 * Separator rows made only of dashes (`--\t--\t----`) are dropped: they carry no data.
 * Line numbers are those of the original file (1-based); an HTML table row gets the line of its `<tr>`.
 */
import type { Cell, DocLine, Document } from '../model/document.js';

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

function htmlTableRows(block: string): string[][] {
  const rows: string[][] = [];
  const trRe = /<tr[^>]*>([\s\S]*?)<\/tr>/gi;
  let m: RegExpExecArray | null;
  while ((m = trRe.exec(block))) {
    const cells: string[] = [];
    const tdRe = /<t([dh])([^>]*)>([\s\S]*?)<\/t[dh]>/gi;
    let c: RegExpExecArray | null;
    while ((c = tdRe.exec(m[1] ?? ''))) {
      const span = /colspan\s*=\s*"?(\d+)/i.exec(c[2] ?? '');
      cells.push(c[3] ?? '');
      for (let i = 1; i < Number(span?.[1] ?? 1); i++) cells.push('');
    }
    rows.push(cells);
  }
  return rows;
}

export function textToDocument(file: string, text: string): Document {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines: DocLine[] = [];
  for (let i = 0; i < raw.length; i++) {
    const lineNo = i + 1;
    const src = raw[i] ?? '';
    // HTML table block: gather until </table>
    if (/<table[\s>]/i.test(src)) {
      let block = src;
      let j = i;
      while (!/<\/table>/i.test(block) && j + 1 < raw.length) block += '\n' + raw[++j];
      const rows = htmlTableRows(block);
      // give each row the line of its <tr> when we can find it
      let search = i;
      for (const r of rows) {
        while (search < j && !/<tr/i.test(raw[search] ?? '')) search++;
        const cells = cellsOf(r);
        if (!isDashRow(cells.map((c) => c.text))) {
          lines.push({ page: null, line: search + 1, text: cells.map((c) => c.text).join('\t'), cells });
        }
        if (search < j) search++;
      }
      i = j;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(src);
    if (heading) {
      lines.push({ page: null, line: lineNo, text: stripInline(heading[2] ?? ''), cells: null, heading: heading[1]!.length });
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(src)) {
      const parts = src.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
      if (parts.every((p) => /^\s*:?-{2,}:?\s*$/.test(p))) continue; // markdown separator
      const cells = cellsOf(parts);
      lines.push({ page: null, line: lineNo, text: cells.map((c) => c.text).join('\t'), cells });
      continue;
    }
    if (src.includes('\t')) {
      const parts = src.split('\t');
      if (isDashRow(parts)) continue;
      const cells = cellsOf(parts);
      lines.push({ page: null, line: lineNo, text: cells.map((c) => c.text).join('\t'), cells });
      continue;
    }
    lines.push({ page: null, line: lineNo, text: stripInline(src), cells: null });
  }
  return { file, format: 'text', pageCount: null, lines };
}
