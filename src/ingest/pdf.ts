/**
 * PDF ingest: a born-digital PDF → the same `Document` shape as the text path.
 *
 * Per page, one pdfjs operator list gives the text runs (glyph unicode + advances, positioned the
 * way pdfjs's renderer positions them) and the ruling lines, both brought into the normalised page
 * space (viewport transform: top-left origin, /Rotate applied, so landscape pages read like
 * portrait ones). `layoutPage` builds lines and table rows: cells from the ruling grid (spanning
 * cells expanded, wrapped cell lines merged, text items cut at column rules), x-gaps where there is
 * no grid. (`textSource: 'textContent'` takes the text from getTextContent instead; same result on
 * the fixtures, one more content-stream parse per page.)
 *
 * Then over the whole document: running headers/footers (lines in the top/bottom band repeated on
 * many pages, bare page numbers there) are dropped; wrapped-cell joins the geometry could not decide
 * are decided with the document's own vocabulary; wrapped prose lines are joined into paragraphs
 * (one paragraph = one line, as in the text exports); headings are inferred from font size; the first
 * table row of a page gets `continues: true` when it continues the table that ended the previous page
 * (same column count, nothing but furniture in between); the rest of a row broken over a page
 * boundary is folded into the row it belongs to (conservative test, see isRowRest).
 *
 * The model has no field for "uncertain" yet: ambiguous decisions are counted in `opts.stats`
 * (ambiguousJoins, mergedRows) instead of being marked per cell.
 *
 * pdfjs-dist is imported only here (and lazily, so text-only runs never load it). Offline: font,
 * CMap and wasm data come from the installed pdfjs-dist package. Bad input → IngestError; every page
 * is cleaned up and the loading task destroyed, also on errors.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Cell, DocLine, Document } from '../model/document.js';
import type { IngestLimits } from '../model/limits.js';
import { IngestError } from './errors.js';
import { limitsOf, overLimit } from './limits.js';
import { AMBIGUOUS_JOIN, junction, layoutPage, resolveJoins, type LayoutStats } from './pdf/layout.js';
import { joinParagraphs } from './pdf/paragraphs.js';
import { walkOperatorList, type FontInfo, type OpsConstants } from './pdf/ops.js';
import type { HSeg, PageLine, TextRun, VSeg } from './pdf/types.js';

const ASCII = /^[\x20-\x7e]*$/;

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export interface PdfIngestOptions {
  /**
   * Where the text comes from. 'operatorList' (default): one operator list per page gives both the
   * ruling lines and the text (glyph unicode + advances positioned like pdfjs's renderer does), one
   * parse of each content stream. 'textContent': pdfjs getTextContent for the text plus the operator
   * list for the rules (two parses; the reference path, slower).
   */
  textSource?: 'operatorList' | 'textContent';
  /** Read ruling lines from the operator list (default true). Without them cells come from x-gaps only. */
  rules?: boolean;
  /** Drop running headers/footers and bare page numbers (default true). */
  dropFurniture?: boolean;
  /** Infer Markdown-like heading levels from font size (default true). */
  headings?: boolean;
  /** Join the wrapped lines of a prose paragraph into one line, as text exports have them (default true). */
  paragraphs?: boolean;
  /**
   * Fold the rest of a table row broken over a page boundary into the row on the previous page
   * (default true; conservative, see isRowRest). When off, the rest stays a row of its own, marked
   * `continues`.
   */
  mergeSplitRows?: boolean;
  /** Receives counters of layout decisions the PDF cannot make with certainty. */
  stats?: PdfIngestStats;
  /** Pages, decoded stream size and text per page (src/model/limits.ts; defaults there). */
  limits?: Partial<IngestLimits>;
  /**
   * Page objects ("12 0") whose content streams paint nothing (src/ingest/pdf-streams.ts read them
   * before pdfjs): no operator list is read for them (on a file of thousands of blank pages that
   * list, one stream inflate and one message each, is most of the cost).
   */
  blankPages?: ReadonlySet<string>;
}

export interface PdfIngestStats extends LayoutStats {
  pages: number;
  /** Lines dropped as page furniture. */
  furniture: number;
  /** Pages whose first table row was marked as continuing the previous page's table. */
  continued: number;
  /** Rows broken over a page boundary whose rest was folded into the row on the previous page. */
  mergedRows: number;
  /** Pages with no text at all (scanned pages: candidates for OCR). */
  pagesWithoutText: number[];
  /** Pages whose operator list is empty (no drawing at all, images included): blank, nothing to OCR. */
  pagesWithoutOps?: number[];
}

let pdfjsPromise: Promise<Pdfjs> | null = null;
/** The pdfjs-dist module (legacy build, for Node 20). Exported for the bench only. */
export function loadPdfjs(): Promise<Pdfjs> {
  return (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
}

let dataDirs: { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string } | null = null;
/** Local data folders inside the installed pdfjs-dist (trailing slash required by pdfjs). */
export function pdfjsDataDirs() {
  if (!dataDirs) {
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const dir = (d: string) => path.join(root, d) + path.sep;
    dataDirs = { standardFontDataUrl: dir('standard_fonts'), cMapUrl: dir('cmaps'), wasmUrl: dir('wasm') };
  }
  return dataDirs;
}

const latin1 = (b: Uint8Array, from: number, to: number) => Buffer.from(b.buffer, b.byteOffset + from, Math.max(0, to - from)).toString('latin1');

/** Cheap checks before pdfjs sees the bytes. */
function precheck(file: string, bytes: Uint8Array) {
  if (bytes.length === 0) throw IngestError.of(file, 'empty');
  const head = latin1(bytes, 0, Math.min(bytes.length, 1024));
  if (!head.includes('%PDF-')) throw IngestError.of(file, 'not-pdf');
  // A complete PDF ends with %%EOF (allow some trailing junk); a cut file usually does not.
  const tail = latin1(bytes, Math.max(0, bytes.length - 4096), bytes.length);
  if (!tail.includes('%%EOF')) throw IngestError.of(file, 'truncated');
}

/** A pdfjs failure as an IngestError (damaged file, password, no pages); `page` names the page it happened on. */
export function classifyPdfError(file: string, err: unknown, page?: number): IngestError {
  const e = classify(file, err, page);
  if (page === undefined || err instanceof IngestError || e.reasonId !== 'unreadable') return e;
  const msg = String((err as { message?: string } | null)?.message ?? err).split('\n')[0]?.slice(0, 120);
  return IngestError.of(file, 'unreadable', `halaman ${page}: ${msg}`, `page ${page}: ${msg}`);
}

function classify(file: string, err: unknown, page?: number): IngestError {
  if (err instanceof IngestError) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  const msg = String((err as { message?: string } | null)?.message ?? err);
  if (name === 'PasswordException') return IngestError.of(file, 'encrypted');
  // pdfjs's FormatError (an object it cannot parse, a page tree kid of the wrong type: damage such
  // as flipped bits) reaches us wrapped, its class in `details`
  const details = String((err as { details?: unknown } | null)?.details ?? '');
  if (name === 'FormatError' || (name === 'UnknownErrorException' && details.startsWith('FormatError'))) {
    const what = msg.split('\n')[0]?.slice(0, 120);
    const at = page === undefined ? ['', ''] : [`halaman ${page}, `, `page ${page}, `];
    return IngestError.of(file, 'truncated', `${at[0]}struktur PDF rusak; pdfjs: ${what}`, `${at[1]}damaged PDF structure; pdfjs: ${what}`);
  }
  // The header check passed, so a structure pdfjs cannot parse is a damaged (often cut) file.
  if (name === 'InvalidPDFException') return IngestError.of(file, /no pages|empty/i.test(msg) ? 'no-pages' : 'truncated');
  if (/XRef|startxref|Invalid PDF structure|Bad FCHECK|unexpected end|End of data/i.test(msg)) return IngestError.of(file, 'truncated');
  return IngestError.of(file, 'unreadable', msg.split('\n')[0]?.slice(0, 120));
}

const PAGE_NUMBER = /^(hal(aman|\.)?\s*)?[-–—(]?\s*(\d{1,3}|[ivxlcdm]{1,7})\s*[-–—)]?(\s*(dari|of|\/)\s*\d{1,4})?$/i;

/**
 * Lines in the top/bottom band that repeat on many pages (digits ignored), and bare page numbers there.
 * Shared with the OCR path, which passes its own (wider) page-number pattern.
 */
export function furnitureMask(pages: { height: number; lines: PageLine[] }[], pageNumber: RegExp = PAGE_NUMBER): boolean[][] {
  const band = (h: number) => Math.max(36, 0.09 * h);
  // Position inside the band is not part of the key: portrait and landscape pages put the running
  // header at different heights.
  const key = (l: PageLine, h: number) => {
    const where = l.box.y < band(h) ? 't' : 'b';
    return `${where}|${l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()}`;
  };
  const inBand = (l: PageLine, h: number) => l.box.y < band(h) || l.box.y + l.box.h > h - band(h);
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of p.lines) if (!l.table && inBand(l, p.height)) seen.add(key(l, p.height));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minRepeat = Math.max(2, Math.ceil(pages.length * 0.3));
  return pages.map((p) =>
    p.lines.map((l) => {
      if (l.table || !inBand(l, p.height)) return false;
      if (pageNumber.test(l.text.trim())) return true;
      return pages.length >= 3 && (counts.get(key(l, p.height)) ?? 0) >= minRepeat;
    }),
  );
}

/**
 * The printed page number of a page: a line dropped as furniture that reads as a bare page number
 * and is the page's top-most or bottom-most line, other furniture (a running header or footer) aside.
 */
export function pageLabel(lines: PageLine[], drop: boolean[], pageNumber: RegExp = PAGE_NUMBER): { text: string; at: 'top' | 'bottom' } | undefined {
  const order = lines.map((l, i) => ({ l, i })).sort((a, b) => a.l.box.y - b.l.box.y);
  const pick = (xs: typeof order) => {
    for (const x of xs) {
      if (!drop[x.i]) return undefined;
      if (pageNumber.test(x.l.text.trim())) return x.l.text.trim();
    }
    return undefined;
  };
  const top = pick(order);
  const bottom = pick([...order].reverse());
  if (bottom !== undefined) return { text: bottom, at: 'bottom' };
  if (top !== undefined) return { text: top, at: 'top' };
  return undefined;
}

const NEW_ITEM = /^(output|outcome?|input|keluaran|hasil|sub\.?\s*kegiatan|kegiatan|program|sasaran|indikator|tujuan|jumlah|total|\d+[.)]?|[a-z][.)])(\s|:|\/|$)/i;
/** A short cell with a digit: a value ("6.185.600", "13 Laporan", "89,89"), not text that mentions a number. */
const VALUEISH = (s: string) => s.length <= 24 && /\d/.test(s);
const AMOUNT = /^\d{1,3}(\.\d{3})*(,\d+)?%?$/;
const WHOLE_VALUE = /^[-+(]?(?:Rp\.?\s?)?\d[\d.,]*\s?%?\)?$|^-$/;

/**
 * Is `rest` (first row on a page) the rest of `last` (last row of the previous page), i.e. one
 * row broken over the page boundary? Conservative. Evidence for: the rest leaves empty some cell
 * that holds a number in the row before (a new row would bring its own values), or a cell before is
 * visibly unfinished (open parenthesis, trailing connector word, the rest starts in lower case).
 * Required: it continues at least one non-empty cell. Evidence against (any one rejects): a cell
 * starts like a new item (row number, "Program", "Kegiatan", "Output", ...), or both rows hold a
 * whole value in the same column. A repeated header is excluded by the caller.
 */
export function isRowRest(last: Pick<PageLine, 'cells'>, rest: Pick<PageLine, 'cells'>): boolean {
  const a = last.cells!;
  const b = rest.cells!;
  let emptiedNumber = false;
  let continued = false;
  let unfinished = false;
  for (let k = 0; k < b.length; k++) {
    const x = a[k]?.text ?? '';
    const y = b[k]?.text ?? '';
    if (!y) {
      if (VALUEISH(x)) emptiedNumber = true;
      continue;
    }
    // The cell before is visibly unfinished: an open parenthesis, a trailing connector or hyphen,
    // or the rest starts in lower case.
    if (x && (count(x, '(') > count(x, ')') || /(\b(dan|yang|di|ke|dari|dengan|atau|serta|untuk|pada|dalam)|[-,/])$/i.test(x) || /^\p{Ll}/u.test(y))) unfinished = true;
    if (NEW_ITEM.test(y) && !/^[\d.,]+%?$/.test(y)) return false;
    // Both hold a whole value: a new row — unless the first is a cut amount the rest completes
    // ("87.750.20" + "0").
    if (WHOLE_VALUE.test(y) && WHOLE_VALUE.test(x) && !(!AMOUNT.test(x) && AMOUNT.test(x + y))) return false;
    if (x) continued = true;
  }
  return continued && (emptiedNumber || unfinished);
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

/**
 * The cells of `last` with the rest of the row (`rest`, first row of the next page) folded in,
 * marked `uncertain: 'split-row'`; an OCR'd cell keeps the lower confidence of its two parts.
 */
export function mergeRowRest(last: Cell[], rest: Cell[]): Cell[] {
  return last.map((c, k) => {
    const r = rest[k];
    const more = r?.text ?? '';
    if (!more) return c;
    const conf = r!.confidence !== undefined ? { confidence: Math.min(c.confidence ?? r!.confidence, r!.confidence) } : {};
    if (!c.text) return { ...c, text: more, ...conf, uncertain: 'split-row' as const };
    return { ...c, text: junction(c.text, more) === 'join' && /^[\d.,%]/.test(more) ? c.text + more : `${c.text} ${more}`, ...conf, uncertain: 'split-row' as const };
  });
}

/** Heading levels from font size: sizes clearly above the body size, largest = level 1. */
function headingLevels(lines: PageLine[]): Map<number, number> {
  const weight = new Map<number, number>();
  for (const l of lines) {
    if (l.table) continue;
    const s = Math.round(l.size * 2) / 2;
    weight.set(s, (weight.get(s) ?? 0) + l.text.length);
  }
  let body = 0;
  let best = -1;
  for (const [s, w] of weight) if (w > best) [body, best] = [s, w];
  const bigger = [...weight.keys()].filter((s) => s >= body * 1.15 + 0.5).sort((a, b) => b - a).slice(0, 6);
  return new Map(bigger.map((s, i) => [s, i + 1]));
}

function toRuns(items: readonly unknown[], vt: number[], pdfjs: Pdfjs): TextRun[] {
  const runs: TextRun[] = [];
  for (const it of items) {
    const item = it as { str?: string; transform?: number[]; width?: number };
    if (typeof item.str !== 'string' || !item.transform || !item.str.trim()) continue;
    const m = pdfjs.Util.transform(vt, item.transform) as number[];
    const size = Math.hypot(m[2]!, m[3]!);
    const dx = m[0]!;
    const dy = m[1]!;
    const upright = dx > 0 && Math.abs(dy) <= 0.1 * Math.abs(dx);
    // Width is in text space (the item's own direction); with a uniform scale it is the length.
    runs.push({ str: item.str, x: m[4]!, y: m[5]!, w: item.width ?? 0, size: size || 1, upright });
  }
  return runs;
}

export async function pdfToDocument(file: string, bytes: Uint8Array, opts: PdfIngestOptions = {}): Promise<Document> {
  precheck(file, bytes);
  const limits = limitsOf(opts.limits);
  const pdfjs = await loadPdfjs();
  const useRules = opts.rules !== false;
  const fromOps = opts.textSource !== 'textContent';
  const stats: PdfIngestStats = opts.stats ?? { pages: 0, furniture: 0, continued: 0, mergedRows: 0, pagesWithoutText: [], midWordJoins: 0, ambiguousJoins: 0 };
  // pdfjs may transfer/detach the buffer it is given: hand it a copy.
  const loadingTask = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...pdfjsDataDirs(),
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    // Images are never needed here: skip them instead of decoding photos into the operator list
    // (pdfjs drops images above this many pixels; with errors ignored, the default).
    maxImageSize: 0,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const pages: { width: number; height: number; rotated: boolean; lines: PageLine[] }[] = [];
  try {
    let doc;
    try {
      doc = await loadingTask.promise;
    } catch (err) {
      throw classify(file, err);
    }
    if (doc.numPages < 1) throw IngestError.of(file, 'no-pages');
    if (doc.numPages > limits.maxPages) throw IngestError.of(file, 'too-many-pages', ...overLimit(['halaman', 'pages'], doc.numPages, limits.maxPages, 'maxPages'));
    const OPS = pdfjs.OPS as unknown as OpsConstants;
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        try {
          const vp = page.getViewport({ scale: 1 });
          let runs: TextRun[] = [];
          let hsegs: HSeg[] = [];
          let vsegs: VSeg[] = [];
          const known = opts.blankPages?.size && page.ref ? opts.blankPages.has(`${page.ref.num} ${page.ref.gen}`) : false;
          if (known) {
            (stats.pagesWithoutOps ??= []).push(n);
          } else if (fromOps) {
            const ol = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
            const fonts = new Map<string, FontInfo | null>();
            const getFont = (name: string) => {
              let f = fonts.get(name);
              if (f === undefined) {
                try {
                  f = (page.commonObjs.get(name) as FontInfo | null) ?? null;
                } catch {
                  f = null;
                }
                fonts.set(name, f);
              }
              return f;
            };
            if (ol.fnArray.length === 0) (stats.pagesWithoutOps ??= []).push(n);
            const w = walkOperatorList(ol.fnArray, ol.argsArray, OPS, vp.transform, getFont);
            runs = w.runs;
            for (const r of runs) if (!ASCII.test(r.str)) r.str = pdfjs.normalizeUnicode(r.str);
            if (useRules) ({ hsegs, vsegs } = w);
          } else {
            const tc = await page.getTextContent();
            runs = toRuns(tc.items, vp.transform, pdfjs);
            if (useRules && runs.length) {
              const ol = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
              ({ hsegs, vsegs } = walkOperatorList(ol.fnArray, ol.argsArray, OPS, vp.transform, null));
            }
          }
          let chars = 0;
          for (const r of runs) chars += r.str.length;
          if (chars > limits.maxPageChars) {
            const [id, en] = overLimit(['karakter teks', 'text characters'], chars, limits.maxPageChars, 'maxPageChars');
            throw IngestError.of(file, 'page-too-large', `halaman ${n}: ${id}`, `page ${n}: ${en}`);
          }
          if (!runs.some((r) => r.str.trim())) stats.pagesWithoutText.push(n);
          const lines = layoutPage({ width: vp.width, height: vp.height, runs, hsegs, vsegs }, stats);
          pages.push({ width: vp.width, height: vp.height, rotated: page.rotate % 180 !== 0, lines });
        } finally {
          page.cleanup();
        }
      } catch (err) {
        throw classify(file, err);
      }
    }
  } finally {
    await loadingTask.destroy().catch(() => undefined);
  }
  stats.pages += pages.length;

  const drop = opts.dropFurniture === false ? pages.map((p) => p.lines.map(() => false)) : furnitureMask(pages);
  const levels = opts.headings === false ? new Map<number, number>() : headingLevels(pages.flatMap((p) => p.lines));
  // Decide the wrapped-cell joins the geometry left open, with the document's own words.
  const resolve = resolveJoins(
    pages.flatMap((p) => p.lines.flatMap((l) => (l.cells ? l.cells.map((c) => c.text) : [l.text]))),
    stats,
  );
  for (const p of pages)
    for (const l of p.lines) {
      if (!l.cells || !l.text.includes(AMBIGUOUS_JOIN)) continue;
      for (const c of l.cells) {
        if (!c.text.includes(AMBIGUOUS_JOIN)) continue;
        c.text = resolve(c.text);
        c.uncertain = 'join'; // said in the model: the geometry could not decide this join
      }
      l.text = l.cells.map((c) => c.text).join('\t');
    }
  const lines: DocLine[] = [];
  let prevPageEnd: PageLine | null = null;
  /** First row of the table (chain over pages) the previous page ended in: its repeated header. */
  let chainHeader: string | null = null;
  const levelOf = (l: PageLine) => (l.table || l.cells ? undefined : levels.get(Math.round(l.size * 2) / 2));
  pages.forEach((p, pi) => {
    let kept = p.lines.filter((_, i) => !drop[pi]![i]);
    stats.furniture += p.lines.length - kept.length;
    if (opts.paragraphs !== false) kept = joinParagraphs(kept, levelOf);
    const prev = prevPageEnd;
    const first = kept[0];
    const continues = !!(first?.table && prev?.table && prev.table.columns === first.table.columns && prev.cells?.length === first.cells?.length);
    // A row broken over the page boundary: fold its rest into the last row of the previous page.
    if (continues && opts.mergeSplitRows !== false && first!.text !== chainHeader && isRowRest(prev!, first!)) {
      const last = lines[lines.length - 1]!;
      const merged = mergeRowRest(last.cells!, first!.cells!);
      last.cells = merged;
      last.text = merged.map((c) => c.text).join('\t');
      stats.mergedRows++;
      kept = kept.slice(1);
    }
    kept.forEach((l, i) => {
      const dl: DocLine = { page: pi + 1, line: lines.length + 1, text: l.text, cells: l.cells, box: l.box };
      const lv = levelOf(l);
      if (lv) dl.heading = lv;
      if (i === 0 && continues && l.table && l.table.id === first!.table!.id) {
        dl.continues = true;
        stats.continued++;
      }
      // Track the header of the table chain: the first row of a table that does not continue.
      if (l.table && !dl.continues) {
        const before = kept[i - 1];
        if (!before?.table || before.table.id !== l.table.id) chainHeader = l.text;
      }
      lines.push(dl);
    });
    if (kept.length) prevPageEnd = kept[kept.length - 1]!;
  });
  return {
    file,
    format: 'pdf',
    pageCount: pages.length,
    lines,
    pages: pages.map((p, pi) => {
      const label = pageLabel(p.lines, drop[pi]!);
      return { width: p.width, height: p.height, ...(p.rotated ? { rotated: true } : {}), ...(label ? { label } : {}) };
    }),
  };
}
