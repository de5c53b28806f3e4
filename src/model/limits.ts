/**
 * Size limits for one report file, shared by the CLI (src/cli/audit-file.ts: `--max-text-mb`,
 * `--max-pdf-mb` defaults) and the browser self-check (src/web/main.ts refuses larger files before
 * reading them). Plain numbers, no Node API: both sides import them.
 */

/** Text exports (.txt, .md): a real LKIP text export is ~50–500 KB. */
export const DEFAULT_MAX_TEXT_MB = 10;
/** PDFs (by the .pdf extension): scanned reports run to tens of MB. */
export const DEFAULT_MAX_PDF_MB = 200;

/**
 * What one document may hold before it is refused with an `input-error` row (issue 18: hostile
 * files cost seconds and megabytes). Configurable under `limits:` in rules/config.yaml. A real LKIP
 * has 30–300 pages, at most a few thousand characters per page, tables of at most a few hundred
 * rows and a few hundred tables.
 */
export interface IngestLimits {
  /** Pages of a PDF (the count the page tree claims). */
  maxPages: number;
  /** Decoded (inflated) size of any one compressed stream in a PDF, in MB. */
  maxStreamMb: number;
  /** Text characters on one PDF page (glyphs shown, spaces included). */
  maxPageChars: number;
  /** Text-showing operators (Tj, TJ, ', ") in one content stream; a dense table page has a few thousand. */
  maxPageTextOps: number;
  /** Nesting depth of `q` (save graphics state) in one content stream; real PDFs stay below 50. */
  maxNesting: number;
  /** Lines of a text export (a real one has a few thousand; 10 MB of empty lines is ten million). */
  maxLines: number;
  /** Characters on one line of a text export (a paragraph is one line; a real one has a few thousand). */
  maxLineChars: number;
  /** Cells in one table (rows × columns, consecutive lines with cells). */
  maxTableCells: number;
  /** Tables in one document. */
  maxTables: number;
  /**
   * Largest page image rendered for OCR, in megapixels: a larger page (a 20,000-point MediaBox, a
   * huge UserUnit) is rendered at a lower resolution, never refused. An A4 or F4 (folio) page at
   * 300 dpi is 8.7 / 9.9 Mpx; tesseract's memory grows with the image (~15 bytes a pixel).
   */
  maxRenderMpx: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxPages: 2000,
  maxStreamMb: 64,
  maxPageChars: 200_000,
  maxPageTextOps: 20_000,
  maxNesting: 500,
  maxLines: 500_000,
  maxLineChars: 2_000_000,
  maxTableCells: 200_000,
  maxTables: 5000,
  maxRenderMpx: 10,
};

/** Largest page image rendered for OCR by default, in pixels (`limits.maxRenderMpx`); bigger pages are scaled down. */
export const MAX_RENDER_PIXELS = DEFAULT_LIMITS.maxRenderMpx * 1_000_000;
/** Longest side of a rendered page, in pixels. */
export const MAX_RENDER_SIDE = 10_000;
