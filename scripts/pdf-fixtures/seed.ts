/**
 * Seed text export → a small block model that both PDF producers render.
 *
 * - A tab-separated line is a table row; consecutive rows form a table; a blank line ends it.
 * - A table whose first row repeats the first row of the table just before it (the seeds keep the
 *   header repeated where the original PDF broke the page) starts on a new page, so the fixture has
 *   real tables continued over pages, header repeated.
 * - Tables with more than LANDSCAPE_MIN_COLUMNS columns go on landscape pages, together with the
 *   short title lines just before them.
 * - Other lines are paragraphs; `#` headings keep their level; inline HTML and `**` are stripped the
 *   same way for prose and cells.
 */

export const LANDSCAPE_MIN_COLUMNS = 9;

export type Block =
  | { kind: 'para'; text: string; bold: boolean; heading?: number; landscape: boolean }
  | { kind: 'table'; rows: string[][]; landscape: boolean; pageBreakBefore: boolean };

/** Strip inline HTML and Markdown emphasis; collapse whitespace. Same idea as the text path. */
export function cleanInline(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?(p|li|ul|ol|div)\b[^>]*>/gi, ' ')
    .replace(/<hr\b[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseSeed(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  const flush = () => {
    if (table && table.length) {
      const prev = [...blocks].reverse().find((b) => b.kind === 'table');
      const cols = Math.max(...table.map((r) => r.length));
      const first = table[0]!.join('\t');
      const repeated = prev?.kind === 'table' && prev.rows[0]!.join('\t') === first;
      blocks.push({ kind: 'table', rows: table, landscape: cols >= LANDSCAPE_MIN_COLUMNS, pageBreakBefore: repeated });
    }
    table = null;
  };
  for (const raw of lines) {
    if (raw.includes('\t')) {
      (table ??= []).push(raw.split('\t').map(cleanInline));
      continue;
    }
    flush();
    const t = raw.trim();
    if (!t) continue;
    const h = /^(#{1,6})\s+(.*)$/.exec(t);
    const bold = /^\*\*|\*\*$|^<b>/.test(t);
    const text = cleanInline(h ? h[2]! : t);
    if (!text) continue;
    blocks.push({ kind: 'para', text, bold: bold || !!h, ...(h ? { heading: h[1]!.length } : {}), landscape: false });
  }
  flush();
  // Short title paragraphs directly before a landscape table (and between two landscape tables)
  // go on the landscape page too.
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'table' || !b.landscape) continue;
    for (let j = i - 1; j >= 0 && i - j <= 4; j--) {
      const p = blocks[j]!;
      if (p.kind === 'table') {
        if (p.landscape) for (let k = j + 1; k < i; k++) blocks[k]!.landscape = true;
        break;
      }
      if (p.text.length > 120) break;
      p.landscape = true;
    }
  }
  return blocks;
}
