/**
 * Blocks → PDF with pdfkit (pure npm). Tables are laid out here (column widths from the text,
 * word wrap, rows split over pages when needed) and drawn with ruling lines. Landscape blocks go on
 * pages with a portrait MediaBox and /Rotate 90 (content drawn rotated), so the PDF path has to
 * normalise page rotation. Every page has a running header and a page number footer.
 * Fonts: the Liberation Sans TTFs shipped in pdfjs-dist's standard_fonts/. Glyphs the font lacks
 * (➤, ☎, ✓, ...) are replaced with ASCII.
 */
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Block } from './seed.js';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts');
const A4: [number, number] = [595.28, 841.89];
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

const REPLACE: Record<string, string> = {
  '➤': '>', '☎': 'Telp.', '✓': 'V', '∑': 'Jumlah', '▪': '-', '≥': '>=', '≤': '<=', '•': '-',
};

interface Font { name: string; path: string }
const REGULAR: Font = { name: 'R', path: path.join(FONT_DIR, 'LiberationSans-Regular.ttf') };
const BOLD: Font = { name: 'B', path: path.join(FONT_DIR, 'LiberationSans-Bold.ttf') };

export async function blocksToPdfkit(title: string, blocks: Block[]): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: A4,
    margin: 0,
    info: { Title: title, Author: 'lkip-audit fixtures', Producer: 'pdfkit', Creator: 'make-pdf-fixtures', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  doc.registerFont(REGULAR.name, REGULAR.path);
  doc.registerFont(BOLD.name, BOLD.path);
  const chunks: Buffer[] = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const margin = 56.7;
  let W = A4[0];
  let H = A4[1];
  let y = 0;
  let pageNo = 0;
  let landscape = false;
  const bottom = () => H - margin;

  const safe = (font: Font, s: string) => {
    doc.font(font.name);
    const f = doc._font?.font;
    let out = '';
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      if (cp < 128 || !f || f.hasGlyphForCodePoint(cp)) out += ch;
      else out += REPLACE[ch] ?? '?';
    }
    return out;
  };
  const width = (font: Font, size: number, s: string) => doc.font(font.name).fontSize(size).widthOfString(s);
  const draw = (font: Font, size: number, s: string, x: number, yy: number) => {
    doc.font(font.name).fontSize(size).fillColor('#000000').text(s, x, yy, { lineBreak: false });
  };

  const newPage = (land: boolean) => {
    doc.addPage({ size: A4, margin: 0 });
    pageNo++;
    landscape = land;
    if (land) {
      doc.page.dictionary.data['Rotate'] = 90;
      // Display coordinates (dx, dy) of the rotated page → unrotated top-left coordinates.
      doc.transform(0, -1, 1, 0, 0, A4[1]);
      W = A4[1];
      H = A4[0];
    } else {
      W = A4[0];
      H = A4[1];
    }
    draw(REGULAR, 8, safe(REGULAR, title), margin, 28);
    const n = String(pageNo);
    draw(REGULAR, 9, n, (W - width(REGULAR, 9, n)) / 2, H - 36);
    y = margin;
  };

  const wrap = (font: Font, size: number, text: string, maxW: number): string[] => {
    const words = text.split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let cur = '';
    for (let w of words) {
      // Break words longer than the column by characters.
      while (width(font, size, w) > maxW && w.length > 1) {
        let k = w.length - 1;
        while (k > 1 && width(font, size, w.slice(0, k)) > maxW) k--;
        if (cur) { lines.push(cur); cur = ''; }
        lines.push(w.slice(0, k));
        w = w.slice(k);
      }
      const cand = cur ? cur + ' ' + w : w;
      if (cur && width(font, size, cand) > maxW) { lines.push(cur); cur = w; } else cur = cand;
    }
    if (cur) lines.push(cur);
    return lines.length ? lines : [''];
  };

  const para = (b: Extract<Block, { kind: 'para' }>) => {
    const size = b.heading ? ([18, 16, 14, 12.5, 12.5, 12.5][b.heading - 1] ?? 12.5) : 10;
    const font = b.bold || b.heading ? BOLD : REGULAR;
    const lh = size * 1.25;
    const lines = wrap(font, size, safe(font, b.text), W - 2 * margin);
    if (b.heading) y += 4;
    for (const l of lines) {
      if (y + lh > bottom()) newPage(landscape);
      draw(font, size, l, margin, y);
      y += lh;
    }
    y += 4;
  };

  const table = (b: Extract<Block, { kind: 'table' }>) => {
    const cols = Math.max(...b.rows.map((r) => r.length));
    const size = cols >= 9 ? 6.5 : 8;
    const pad = 2;
    const lh = size * 1.2;
    const avail = W - 2 * margin;
    const rows = b.rows.map((r) => Array.from({ length: cols }, (_, j) => safe(REGULAR, r[j] ?? '')));
    const nat = Array<number>(cols).fill(12);
    const min = Array<number>(cols).fill(12);
    for (const r of rows)
      r.forEach((c, j) => {
        nat[j] = Math.max(nat[j]!, width(REGULAR, size, c) + 2 * pad);
        for (const w of c.split(/\s+/)) min[j] = Math.max(min[j]!, Math.min(width(REGULAR, size, w) + 2 * pad, avail / cols * 1.5));
      });
    const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
    let widths: number[];
    if (sum(nat) <= avail) widths = nat.map((v) => v + ((avail - sum(nat)) * v) / sum(nat));
    else if (sum(min) < avail) {
      const extra = nat.map((v, j) => v - min[j]!);
      widths = min.map((v, j) => v + ((avail - sum(min)) * extra[j]!) / Math.max(1e-9, sum(extra)));
    } else widths = min.map((v) => (v * avail) / sum(min));
    const xs = [margin];
    for (const w of widths) xs.push(xs[xs.length - 1]! + w);

    const rule = (top: number, bot: number) => {
      doc.lineWidth(0.5).strokeColor('#000000');
      doc.moveTo(xs[0]!, top).lineTo(xs[cols]!, top).stroke();
      doc.moveTo(xs[0]!, bot).lineTo(xs[cols]!, bot).stroke();
      for (const x of xs) doc.moveTo(x, top).lineTo(x, bot).stroke();
    };

    if (b.pageBreakBefore && y > margin) newPage(landscape);
    for (const r of rows) {
      const cellLines = r.map((c, j) => wrap(REGULAR, size, c, widths[j]! - 2 * pad));
      let from = 0;
      const total = Math.max(...cellLines.map((l) => l.length));
      while (from < total) {
        let fit = Math.floor((bottom() - y - 2 * pad) / lh);
        const rest = total - from;
        // Move a row that fits on a page to the next page instead of splitting it.
        if (fit < rest && (rest * lh + 2 * pad <= bottom() - margin || fit < 2)) {
          newPage(landscape);
          fit = Math.floor((bottom() - y - 2 * pad) / lh);
        }
        const n = Math.min(rest, fit);
        const top = y;
        cellLines.forEach((ls, j) => {
          ls.slice(from, from + n).forEach((l, k) => draw(REGULAR, size, l, xs[j]! + pad, top + pad + k * lh));
        });
        y = top + n * lh + 2 * pad;
        rule(top, y);
        from += n;
      }
    }
    y += 8;
  };

  for (const b of blocks) {
    if (pageNo === 0 || b.landscape !== landscape) newPage(b.landscape);
    if (b.kind === 'para') para(b);
    else table(b);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
