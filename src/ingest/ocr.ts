/**
 * Scanned PDFs → the same `Document` shape as every other ingest path (issue 5).
 *
 * 1. The born-digital path (`pdfToDocument`) reads the text layer first: it validates the file
 *    (bad input → IngestError) and gives the lines of every page that has text. A page whose text
 *    layer has fewer than `minChars` non-space characters goes to OCR (all pages with `forceOcr`).
 *    A PDF where no page needs OCR comes back exactly as the born-digital path made it; a mixed
 *    PDF keeps its text pages from that path.
 * 2. OCR pages: rendered by pdfjs through the document's own canvasFactory (@napi-rs/canvas) at
 *    300 dpi, gray; skew estimated and corrected; ruling lines found in the pixels and whitened;
 *    the image (PGM) goes to the OCR pool (ocr/pool.ts: one page worker per core and a cell-sheet
 *    worker, ind+eng from the npm data packages, offline); all of that from the image on is `ocrPageImage`. Rendering runs
 *    ahead of the workers by at most one page per worker, so memory stays bounded whatever the
 *    page count.
 * 3. Words (boxes, confidences) and the detected rules go through the shared `layoutPage`, so a
 *    scanned table gets the same cells as a born-digital one; every OCR'd line and cell keeps the
 *    lowest confidence of its words (`confidence`, 0..100). Doubtful ruled cells (low confidence,
 *    empty with ink, or unlike the rest of their column) are read again one by one on a "cell
 *    sheet" (ocr/cells.ts): page OCR builds text lines across table columns and garbles small
 *    cells; numeric cells are read up to three times and settled as soon as the readings agree. A
 *    handful of structure words one letter off ("Keniatan") are corrected (ocr/lexicon.ts).
 *    Numbers are never corrected here: that is repairReport's job, checked by the report's sums.
 * 4. Page furniture (bare page numbers, lines repeated in the top/bottom band) is dropped and
 *    wrapped prose lines are joined as the born-digital path does; a table row that starts a page
 *    and has the column count of the table that ended the previous page gets `continues: true`.
 *
 * Resources: pages are cleaned up after rendering, the pdfjs document destroyed and the workers
 * terminated (unless the caller passed its own pool) in `finally` blocks.
 */
import type { DocLine, Document } from '../model/document.js';
import type { IngestLimits } from '../model/limits.js';
import { IngestError } from './errors.js';
import { limitsOf } from './limits.js';
import { hasInk, type InkOps } from './pdf/ink.js';
import { classifyPdfError, furnitureMask, isRowRest, loadPdfjs, mergeRowRest, pageLabel, pdfjsDataDirs, pdfToDocument, type PdfIngestStats } from './pdf.js';
import { layoutPage, resolveJoins, AMBIGUOUS_JOIN, type LayoutStats } from './pdf/layout.js';
import { joinParagraphs } from './pdf/paragraphs.js';
import type { PageLine } from './pdf/types.js';
import { alignGrid } from './ocr/align.js';
import { applySheet, buildSheets, doubtfulCells, nextSheets, spellAsColumn, type Sheet, type Slot } from './ocr/cells.js';
import { correctStructureWords } from './ocr/lexicon.js';
import { canvasFactoryOf, estimateSkew, renderPageGray, rotateGray, toPgm, type GrayImage } from './ocr/render.js';
import { despeckle, estimateTextHeight, findPhotoPage, flattenLight, rectify, scaleGray, smoothEdges, stretchInk, textScale } from './ocr/prepare.js';
import { brokenRuleProbe, detectDashedRules, detectDottedRules, detectRules, eraseBoxes, eraseRules, isBitonal, toPoints } from './ocr/rules.js';
import { createOcrPool, type OcrPage, type OcrPool } from './ocr/tesseract.js';
import { attachConfidence, wordsOf, wordsToRuns, type ConfidentLine } from './ocr/words.js';

export interface OcrIngestOptions {
  /** OCR every page, ignoring any text layer. */
  forceOcr?: boolean;
  /** Number of tesseract workers (default: one per core). Ignored when `pool` is given. */
  workers?: number;
  /** A pool to reuse across documents (the caller terminates it). */
  pool?: OcrPool;
  /** A page whose text layer has fewer non-space characters than this goes to OCR (default 40). */
  minChars?: number;
  /** Render resolution (default 300). */
  dpi?: number;
  /** Tesseract page segmentation mode (default '3'). */
  psm?: string;
  /** Whiten detected ruling lines before OCR (default true). */
  eraseRules?: boolean;
  /** Read doubtful ruled table cells again on a sheet of their own (see ocr/cells.ts; default true). */
  cellPass?: boolean;
  /** Page preparation steps (ocr/prepare.ts), each on by default: uneven light divided out, isolated specks removed. */
  prepare?: { light?: boolean; despeckle?: boolean; photo?: boolean; scale?: boolean; smooth?: boolean };
  /** Receives timings and decisions. */
  stats?: OcrIngestStats;
  /** Called after each OCR'd page (progress, memory sampling). */
  onPage?: (page: number, done: number, total: number) => void;
  /** Document limits (src/model/limits.ts), passed on to the text-layer pass. */
  limits?: Partial<IngestLimits>;
  /** Page objects known to paint nothing (pdf-streams.ts), passed on to the text-layer pass. */
  blankPages?: ReadonlySet<string>;
}

export interface OcrIngestStats {
  pages: number;
  /** 1-based pages read by OCR / from the text layer. */
  ocrPages: number[];
  textPages: number[];
  /** Pages without a text layer that paint nothing at all: neither rendered nor OCR'd. */
  blankPages?: number[];
  /** Whether a tesseract pool was started for this document (not when every page has text or is blank). */
  ocrStarted?: boolean;
  /** Milliseconds, the whole ingest (main-thread phases and OCR waits: see `phases`). */
  totalMs: number;
  /** Skew corrected per OCR page (degrees). */
  skew: number[];
  /** Page preparation (ocr/prepare.ts): pages whose uneven light was divided out; specks removed. */
  lightFlattened?: number;
  /** Pages whose faint ink was stretched back to black (ocr/prepare.ts stretchInk). */
  inkStretched?: number;
  /** Photographed pages drawn straight (perspective undone). */
  photosRectified?: number;
  specksRemoved?: number;
  /** Median letter height (px) per OCR page, before scaling (ocr/prepare.ts estimateTextHeight; 0 = too few letters). */
  textHeights?: number[];
  /** Pages scaled because their text was too small or too large in pixels. */
  pagesScaled?: number;
  /** 1-bit pages whose staircase edges were smoothed before OCR. */
  edgesSmoothed?: number;
  /** Pieces of dashed horizontal rules erased on 1-bit pages (ocr/rules.ts detectDashedRules). */
  dashPieces?: number;
  /** Dotted vertical rules found on 1-bit pages (ocr/rules.ts detectDottedRules). */
  dottedRules?: number;
  /** Table grids made from the text's alignment where the rules found in the pixels made none (ocr/align.ts). */
  alignedGrids?: number;
  words: number;
  lowConfidenceWords: number;
  /** Doubtful table cells read again on the cell sheet / changed by that. */
  cellsReread?: number;
  cellsChanged?: number;
  /** Numeric cells respelt with their column's separators (a decimal point in a column of decimal commas; ocr/cells.ts spellAsColumn). */
  cellsRespelt?: number;
  /** Numeric cells whose first re-reading did not settle them (read as cut, then binarised unless that settles them). */
  cellsUnsettled?: number;
  /** Per sheet kind (text cells as cut 'plain', numeric cells 'large' then 'plain' / 'binary'): sheets, cells on them, ms from hand-over to result. */
  sheets?: Record<string, { sheets: number; cells: number; ms: number; text: number }>;
  /**
   * Milliseconds per phase, summed over pages: image (decode or render), skew (estimate + rotate),
   * rules (detect + erase + PGM) on the main thread; pageOcr / cellOcr from handing the image to
   * the pool to its result (includes queueing); layout (words → lines, cells, sheet building).
   */
  phases?: Record<'image' | 'skew' | 'rules' | 'pageOcr' | 'cellOcr' | 'layout', number>;
}

/** The stats' phase timings, started at zero on first use. */
const phasesOf = (stats: OcrIngestStats) => (stats.phases ??= { image: 0, skew: 0, rules: 0, pageOcr: 0, cellOcr: 0, layout: 0 });

/** Documents in this process that started OCR (read by bench/fuzz-one.ts: blank pages must start none). */
export const ocrActivity = { documents: 0 };

export const DEFAULT_MIN_CHARS = 40;
/** Word confidence below which a value counts as low-confidence (also used by repair). */
export const LOW_CONFIDENCE = 80;

const PAGE_NUMBER = /^(hal(aman|\.)?\s*)?[-–—(]?\s*(\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)]?(\s*(dari|of|\/)\s*\d{1,4})?$/i;

interface OcrPageOut {
  width: number;
  height: number;
  rotated: boolean;
  lines: ConfidentLine[];
}

const nonSpace = (s: string) => s.replace(/\s+/g, '').length;

export async function ocrPdfToDocument(
  file: string,
  bytes: Uint8Array,
  opts: { forceOcr?: boolean; workers?: number } & OcrIngestOptions = {},
): Promise<Document> {
  const t0 = performance.now();
  const stats: OcrIngestStats = opts.stats ?? { pages: 0, ocrPages: [], textPages: [], totalMs: 0, skew: [], words: 0, lowConfidenceWords: 0 };
  const minChars = opts.minChars ?? DEFAULT_MIN_CHARS;
  const dpi = opts.dpi ?? 300;
  const maxPixels = limitsOf(opts.limits).maxRenderMpx * 1_000_000;

  // 1. Text layer (also validates the file).
  const pdfStats: PdfIngestStats = { pages: 0, furniture: 0, continued: 0, mergedRows: 0, pagesWithoutText: [], midWordJoins: 0, ambiguousJoins: 0 };
  const textDoc = await pdfToDocument(file, bytes, { stats: pdfStats, limits: opts.limits, blankPages: opts.blankPages });
  const pageCount = textDoc.pageCount ?? 0;
  const charsOn = new Array<number>(pageCount + 1).fill(0);
  for (const l of textDoc.lines) if (l.page) charsOn[l.page] = (charsOn[l.page] ?? 0) + nonSpace(l.text);
  const ocrPages: number[] = [];
  // minChars 1: exactly the pages whose text layer is empty (a page whose only text was joined onto
  // the previous page's paragraph, or dropped as a running header, still has a text layer)
  const empty = new Set(pdfStats.pagesWithoutText);
  for (let n = 1; n <= pageCount; n++) {
    const scan = minChars <= 1 ? empty.has(n) : (charsOn[n] ?? 0) < minChars;
    if (opts.forceOcr || scan) ocrPages.push(n);
  }
  stats.pages += pageCount;
  // pages that draw nothing at all are blank without a second look (no rendering, no OCR)
  const opless = new Set(pdfStats.pagesWithoutOps ?? []);
  if (opless.size) {
    const before = ocrPages.length;
    ocrPages.splice(0, ocrPages.length, ...ocrPages.filter((n) => !opless.has(n)));
    if (ocrPages.length < before) (stats.blankPages ??= []).push(...[...opless].filter((n) => empty.has(n) || opts.forceOcr));
  }
  const textPages = () => {
    const ocrSet = new Set([...ocrPages, ...(stats.blankPages ?? [])]);
    stats.textPages.push(...Array.from({ length: pageCount }, (_, i) => i + 1).filter((n) => !ocrSet.has(n)));
  };
  if (!ocrPages.length) {
    textPages();
    stats.totalMs += performance.now() - t0;
    return textDoc;
  }

  // 2. OCR the pages that need it.
  const ocrOut = new Map<number, OcrPageOut>();
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...pdfjsDataDirs(),
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const layoutStats: LayoutStats = { midWordJoins: 0, ambiguousJoins: 0 };
  let pool: OcrPool | null = null;
  const ownPool = !opts.pool;
  try {
    const doc = await task.promise.catch((e: unknown) => {
      throw IngestError.of(file, 'unreadable', String((e as Error)?.message ?? e).slice(0, 120));
    });
    const factory = canvasFactoryOf(doc);
    const phases = phasesOf(stats);
    const inFlight: Promise<void>[] = [];
    const blank = new Set<number>();
    for (const n of ocrPages) {
      const page = await doc.getPage(n);
      let img: GrayImage;
      let geom: PageGeometry;
      try {
        // A page that paints nothing is blank: no rendering, no OCR (the render reuses this list).
        const ol = await page.getOperatorList();
        if (!hasInk(ol.fnArray, ol.argsArray, pdfjs.OPS as unknown as InkOps)) {
          blank.add(n);
          continue;
        }
        if (pool) while (inFlight.length >= pool.workers + 1) await inFlight.shift();
        const vp = page.getViewport({ scale: 1 });
        geom = { width: vp.width, height: vp.height, rotated: page.rotate % 180 !== 0 };
        const t = performance.now();
        img = await renderPageGray(factory, page, dpi, maxPixels);
        phases.image += performance.now() - t;
        // painted, but white all over (a white background fill, an empty form XObject): blank too
        if (!hasDarkPixel(img)) {
          blank.add(n);
          continue;
        }
        // the pool starts with the first page that has ink
        // no more workers than pages to read (each worker holds ~185 MB)
        pool ??= opts.pool ?? (await createOcrPool({ workers: ocrPages.length === 1 ? 1 : opts.workers !== undefined ? Math.min(opts.workers, ocrPages.length) : undefined, psm: opts.psm, dpi }));
        if (!stats.ocrStarted) ocrActivity.documents++;
        stats.ocrStarted = true;
      } catch (err) {
        // a page the renderer cannot draw is damage in the file, not a fault of the tool
        throw classifyPdfError(file, err, n);
      } finally {
        page.cleanup();
      }
      const p = ocrPageImage(img, geom, pool!, { ...opts, stats, layoutStats }).then((out) => {
        ocrOut.set(n, out);
        opts.onPage?.(n, ocrOut.size, ocrPages.length);
      });
      p.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
      inFlight.push(p);
    }
    await Promise.all(inFlight);
    if (blank.size) {
      (stats.blankPages ??= []).push(...blank);
      ocrPages.splice(0, ocrPages.length, ...ocrPages.filter((n) => !blank.has(n)));
    }
  } finally {
    if (pool && ownPool) await pool.terminate();
    await task.destroy().catch(() => undefined);
  }

  stats.ocrPages.push(...ocrPages);
  textPages();
  if (!ocrOut.size) {
    stats.totalMs += performance.now() - t0;
    return textDoc;
  }
  // 3. Assemble: text pages from the text layer, OCR pages from the layout.
  const doc = assemble(file, textDoc, ocrOut, pageCount);
  stats.totalMs += performance.now() - t0;
  return doc;
}

/**
 * Whether a rendered page has any pixel visibly darker than white paper (below 250): a page drawn
 * white on white has none, a scan of a blank sheet (noise, specks) has some and is OCR'd.
 */
function hasDarkPixel(img: GrayImage): boolean {
  const d = img.data;
  for (let i = 0; i < d.length; i++) if (d[i]! < 250) return true;
  return false;
}

/** A page's size in points and whether it is shown rotated (from the PDF). */
export interface PageGeometry {
  width: number;
  height: number;
  rotated: boolean;
}

/**
 * OCR one rendered page image: deskew, find and erase the ruling lines (main thread, before the
 * first await, so that the caller can render the next page meanwhile), page OCR, layout, the cell
 * sheets (ocr/cells.ts). `img` may be changed (rules erased). Also what `bench/ocr-speed.ts` times
 * against bare tesseract.js on the same images.
 */
export function ocrPageImage(
  img: GrayImage,
  geom: PageGeometry,
  pool: OcrPool,
  opts: Pick<OcrIngestOptions, 'eraseRules' | 'cellPass' | 'prepare'> & { stats: OcrIngestStats; layoutStats: LayoutStats },
): Promise<OcrPageOut> {
  const { stats, layoutStats } = opts;
  const phases = phasesOf(stats);
  const ph = (k: keyof typeof phases, ms: number) => {
    phases[k] += ms;
  };
  const prep = { ...preparationDefaults(), ...opts.prepare };
  const t = performance.now();
  // a page scanned in black-and-white mode (two gray levels as rendered): its thin rules are dotted
  const bitonal = isBitonal(img);
  // a photographed page (a table top all round it) drawn straight first, then uneven light: the
  // skew profile and the rule finder threshold the gray levels
  const quad = prep.photo ? findPhotoPage(img) : null;
  if (quad) {
    img = rectify(img, quad);
    stats.photosRectified = (stats.photosRectified ?? 0) + 1;
  }
  // text too small or too large in pixels for tesseract (whatever the PDF declares): scaled
  const th = prep.scale ? estimateTextHeight(img) : 0;
  (stats.textHeights ??= []).push(th);
  const f = textScale(th);
  if (f !== 1) {
    img = scaleGray(img, f);
    stats.pagesScaled = (stats.pagesScaled ?? 0) + 1;
  }
  if (prep.light && flattenLight(img).flattened) stats.lightFlattened = (stats.lightFlattened ?? 0) + 1;
  if (prep.light && stretchInk(img)) stats.inkStretched = (stats.inkStretched ?? 0) + 1;
  const skew = estimateSkew(img);
  stats.skew.push(skew);
  if (Math.abs(skew) >= 0.05) img = rotateGray(img, -skew);
  if (prep.despeckle) stats.specksRemoved = (stats.specksRemoved ?? 0) + despeckle(img);
  ph('skew', performance.now() - t);
  const tr = performance.now();
  const segs = detectRules(img);
  if (bitonal) {
    const dotted = detectDottedRules(img);
    segs.v.push(...dotted);
    stats.dottedRules = (stats.dottedRules ?? 0) + dotted.length;
  }
  if (opts.eraseRules !== false) eraseRules(img, segs);
  // a 1-bit page's broken row rules: dashes too far apart for detectRules, read as letters by OCR
  const dashed = bitonal && opts.eraseRules !== false ? detectDashedRules(img) : { pieces: [], rules: [] };
  // the text-alignment grid's probe for broken rules between text rows looks at the dashes
  const beforeDashes: GrayImage | null = dashed.pieces.length ? { ...img, data: img.data.slice() } : null;
  eraseBoxes(img, dashed.pieces);
  if (dashed.pieces.length) stats.dashPieces = (stats.dashPieces ?? 0) + dashed.pieces.length;
  // a 1-bit page's staircase edges smoothed for OCR (after the rules are found: the rule finder
  // wants the hard edges)
  if (bitonal && prep.smooth) {
    smoothEdges(img);
    stats.edgesSmoothed = (stats.edgesSmoothed ?? 0) + 1;
  }
  const rules = toPoints(segs, img.dpi);
  const dashedRules = toPoints({ h: dashed.rules, v: [] }, img.dpi).hsegs;
  const pgm = toPgm(img);
  ph('rules', performance.now() - tr);
  const to = performance.now();
  return pool.recognize(pgm).then(async (res) => {
    ph('pageOcr', performance.now() - to);
    let tl = performance.now();
    const words = wordsOf(res, 72 / img.dpi);
    correctStructureWords(words);
    stats.words += words.length;
    stats.lowConfidenceWords += words.filter((w) => w.confidence < LOW_CONFIDENCE).length;
    // tables whose rules the scan lost (a 1-bit page's thin rules break into dashes): the grid
    // from the text's alignment (ocr/align.ts), only where the found rules make none. On 1-bit
    // pages only: run on every page, it also made grids on gray degraded pages and lost numeric cells
    // (dim150 68 → 58 of 68, office200 108 → 103 of 109; bench/ocr-accuracy.ts --set degraded)
    const aligned = bitonal ? alignGrid(words, rules, brokenRuleProbe(beforeDashes ?? img, rules.hsegs, dashedRules)) : { ...rules, grids: [] };
    if (aligned.grids.length) stats.alignedGrids = (stats.alignedGrids ?? 0) + aligned.grids.length;
    const lines = attachConfidence(layoutPage({ width: geom.width, height: geom.height, runs: wordsToRuns(words), hsegs: aligned.hsegs, vsegs: aligned.vsegs }, layoutStats), words);
    if (opts.cellPass !== false) {
      // doubtful table cells, read again one by one (see ocr/cells.ts)
      // numeric cells that their readings do not settle yet are read again (up to twice more)
      const unsettled: Slot[] = [];
      // a stage's sheets are handed over at once, the costliest first (the pool reads them on
      // every idle worker: started longest first, the workers finish about together; tesseract's
      // time goes with the characters it reads, here as the page read them) and applied in order,
      // so the result does not depend on which finished first
      const readSheets = async (sheets: Sheet[]) => {
        ph('layout', performance.now() - tl);
        const cost = sheets.map((x) => x.slots.reduce((a, sl) => a + sl.cell.text.replace(/\s+/g, '').length + 4, 0));
        const largestFirst = sheets.map((_, i) => i).sort((a, b) => cost[b]! - cost[a]! || a - b);
        const read: { res: OcrPage; ms: number }[] = [];
        await Promise.all(
          largestFirst.map(async (i) => {
            const tc = performance.now();
            const res = await pool.recognizeBlock(toPgm(sheets[i]!.image));
            read[i] = { res, ms: performance.now() - tc };
          }),
        );
        tl = performance.now();
        sheets.forEach((sheet, i) => {
          const { res, ms } = read[i]!;
          ph('cellOcr', ms);
          const k = (stats.sheets ??= {})[sheet.kind] ??= { sheets: 0, cells: 0, ms: 0, text: 0 };
          k.sheets++;
          k.cells += sheet.slots.length;
          k.text += sheet.slots.filter((x) => !x.reads).length;
          k.ms += ms;
          const sheetWords = wordsOf(res, 1);
          correctStructureWords(sheetWords);
          stats.cellsReread = (stats.cellsReread ?? 0) + sheet.slots.length;
          stats.cellsChanged = (stats.cellsChanged ?? 0) + applySheet(sheet, sheetWords, unsettled);
        });
      };
      await readSheets(buildSheets(img, doubtfulCells(lines, img)));
      stats.cellsUnsettled = (stats.cellsUnsettled ?? 0) + unsettled.length;
      while (unsettled.length) await readSheets(nextSheets(img, unsettled.splice(0)));
    }
    for (const l of lines) {
      if (!l.cells) continue;
      let changed = false;
      for (const c of l.cells) {
        // a speck read as punctuation next to a number: ": 84,91 %", "84,91 % :"
        const m = /^[:;'`’‘"]*\s*(\d[\d.,]*\s*%?)\s*[:;'`’‘"]*$/.exec(c.text.trim());
        if (m && m[1] === c.text.trim()) continue;
        if (m) {
          c.text = m[1]!;
          changed = true;
        }
      }
      if (changed) l.text = l.cells.map((c) => c.text).join('\t');
    }
    // a decimal point in a column of decimal commas, a comma between point-grouped thousands: the
    // column's separator misread (ocr/cells.ts spellAsColumn)
    const respelt = spellAsColumn(lines);
    if (respelt) stats.cellsRespelt = (stats.cellsRespelt ?? 0) + respelt;
    ph('layout', performance.now() - tl);
    return { ...geom, lines };
  });
}

/**
 * Preparation defaults; `LKIP_OCR_PREPARE` (e.g. `light,-despeckle`) overrides them for the benches
 * that measure each step.
 */
function preparationDefaults(): { light: boolean; despeckle: boolean; photo: boolean; scale: boolean; smooth: boolean } {
  const d = { light: true, despeckle: true, photo: true, scale: true, smooth: true };
  const env = typeof process !== 'undefined' ? process.env.LKIP_OCR_PREPARE : undefined;
  for (const w of (env ?? '').split(',').filter(Boolean)) {
    const off = w.startsWith('-');
    const k = w.replace(/^-/, '') as keyof typeof d;
    if (k in d) d[k] = !off;
  }
  return d;
}

/** Page furniture of the OCR pages: the born-digital rule, with OCR's page-number pattern. */
function furniture(pages: OcrPageOut[]): Set<PageLine> {
  const mask = furnitureMask(pages, PAGE_NUMBER);
  return new Set(pages.flatMap((p, i) => p.lines.filter((_, j) => mask[i]![j])));
}

function assemble(file: string, textDoc: Document, ocr: Map<number, OcrPageOut>, pageCount: number): Document {
  const ocrPages = [...ocr.values()];
  const drop = furniture(ocrPages);
  const stats: LayoutStats = { midWordJoins: 0, ambiguousJoins: 0 };
  const resolve = resolveJoins(
    [...textDoc.lines.flatMap((l) => (l.cells ? l.cells.map((c) => c.text) : [l.text])), ...ocrPages.flatMap((p) => p.lines.flatMap((l) => (l.cells ? l.cells.map((c) => c.text) : [l.text])))],
    stats,
  );
  const lines: DocLine[] = [];
  const pages: NonNullable<Document['pages']> = [];
  let prevEnd: { table: boolean; columns?: number; cells?: number } | null = null;
  for (let n = 1; n <= pageCount; n++) {
    const o = ocr.get(n);
    if (!o) {
      const tl = textDoc.lines.filter((l) => l.page === n);
      for (const l of tl) lines.push({ ...l, line: lines.length + 1 });
      const last = tl[tl.length - 1];
      prevEnd = last ? { table: !!last.cells, cells: last.cells?.length } : prevEnd;
      pages.push(textDoc.pages?.[n - 1] ?? { width: 0, height: 0 });
      continue;
    }
    const label = pageLabel(o.lines, o.lines.map((l) => drop.has(l)), PAGE_NUMBER);
    pages.push({ width: o.width, height: o.height, ...(o.rotated ? { rotated: true } : {}), ...(label ? { label } : {}) });
    let kept = o.lines.filter((l) => !drop.has(l)) as ConfidentLine[];
    // OCR font sizes wobble from line to line; body-size lines get the page's body size so that
    // wrapped paragraphs join as they do on born-digital pages
    const sizes = kept.filter((l) => !l.cells).map((l) => l.size).sort((a, b) => a - b);
    const body = sizes[Math.floor(sizes.length / 2)];
    if (body) for (const l of kept) if (!l.cells && Math.abs(l.size - body) <= 0.3 * body) l.size = body;
    kept = joinParagraphs(kept, () => undefined) as ConfidentLine[];
    // the rest of a row broken over the page boundary ("87.750.20" + "0") is folded back into it,
    // as on born-digital pages
    const prevRow = lines[lines.length - 1];
    const head = kept[0];
    if (head?.table && head.cells && prevEnd?.table && prevEnd.cells === head.cells.length && prevRow?.cells && prevRow.page === n - 1 && isRowRest(prevRow, head)) {
      prevRow.cells = mergeRowRest(prevRow.cells, head.cells.map((c) => (c.text.includes(AMBIGUOUS_JOIN) ? { ...c, text: resolve(c.text) } : c)));
      for (const c of prevRow.cells) if (c.confidence !== undefined) c.confidence = Math.round(c.confidence * 10) / 10;
      prevRow.text = prevRow.cells.map((c) => c.text).join('\t');
      if (head.confidence !== undefined) prevRow.confidence = Math.round(Math.min(prevRow.confidence ?? 100, head.confidence) * 10) / 10;
      kept = kept.slice(1);
    }
    kept.forEach((l, i) => {
      if (l.cells && l.text.includes(AMBIGUOUS_JOIN)) {
        for (const c of l.cells) c.text = resolve(c.text);
        l.text = l.cells.map((c) => c.text).join('\t');
      } else if (l.text.includes(AMBIGUOUS_JOIN)) l.text = resolve(l.text);
      const dl: DocLine = { page: n, line: lines.length + 1, text: l.text, cells: l.cells, box: l.box };
      if (l.confidence !== undefined) dl.confidence = Math.round(l.confidence * 10) / 10;
      if (dl.cells) for (const c of dl.cells) if (c.confidence !== undefined) c.confidence = Math.round(c.confidence * 10) / 10;
      if (i === 0 && l.table && prevEnd?.table && prevEnd.cells === l.cells?.length) dl.continues = true;
      lines.push(dl);
    });
    const last = kept[kept.length - 1];
    prevEnd = last ? { table: !!last.table, cells: last.cells?.length } : prevEnd;
  }
  return { file, format: 'ocr', pageCount, lines, pages };
}
