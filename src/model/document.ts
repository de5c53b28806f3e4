/**
 * The boundary between ingest and parse: a document is a list of lines, each with its page and
 * line number and, when the line is a table row, its cells. Every ingest path (text export, PDF
 * text layer, OCR) produces this shape; nothing after ingest knows which format the file was.
 *
 * Coordinates (PDF/OCR only): points, origin top-left of the page after rotation is normalised,
 * x grows to the right, y grows downwards.
 */
import { z } from 'zod';

export const BoxSchema = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });
export type Box = z.infer<typeof BoxSchema>;

export const CellSchema = z.object({
  text: z.string(),
  /** Position on the page, when the source has positions (PDF, OCR). */
  box: BoxSchema.optional(),
  /** OCR confidence 0..100, when the text came from OCR. */
  confidence: z.number().optional(),
  /** OCR: a second reading of the cell (on a cell sheet) gave the same text. */
  confirmed: z.boolean().optional(),
  /**
   * Set when the PDF could not tell and a decision was made: `join` — a word broken over two lines of
   * the cell was joined (or not) by the document's own vocabulary; `split-row` — the rest of a row
   * broken over a page boundary was folded back into it.
   */
  uncertain: z.enum(['join', 'split-row']).optional(),
});
export type Cell = z.infer<typeof CellSchema>;

export const DocLineSchema = z.object({
  /** 1-based page number; null when the source has no pages (text export). */
  page: z.number().int().nullable(),
  /** 1-based line number in the text export, or running line number over the PDF pages. */
  line: z.number().int(),
  /** The whole line as text (cells joined by tabs for table rows). */
  text: z.string(),
  /** Cells when the line is a table row (tab-, pipe- or HTML-separated, or x-gaps in a PDF). */
  cells: z.array(CellSchema).nullable(),
  /** Markdown heading level (1..6) when the export marked the line as a heading. */
  heading: z.number().int().optional(),
  /** Bounding box of the whole line (PDF, OCR). */
  box: BoxSchema.optional(),
  /** Set when this row begins a table that the ingest layer knows continues a table on the previous page. */
  continues: z.boolean().optional(),
  /** The lowest OCR confidence of the line's words. */
  confidence: z.number().optional(),
});
export type DocLine = z.infer<typeof DocLineSchema>;

export const SourceFormatSchema = z.enum(['text', 'pdf', 'ocr']);
export type SourceFormat = z.infer<typeof SourceFormatSchema>;

/** A note of the ingest layer about input it could not take as it presented itself (an unclosed table). */
export const IngestNoteSchema = z.object({
  page: z.number().int().nullable(),
  line: z.number().int(),
  message: z.object({ id: z.string(), en: z.string() }),
});
export type IngestNote = z.infer<typeof IngestNoteSchema>;

/**
 * What the ingest layer read and what it could not use: lines of a text export, pages of a PDF.
 * `unused` counts input that carried content but produced no line of the document.
 */
export const InputAccountSchema = z.object({
  unit: z.enum(['line', 'page']),
  read: z.number().int(),
  unused: z.number().int(),
  notes: z.array(IngestNoteSchema),
});
export type InputAccount = z.infer<typeof InputAccountSchema>;

export const DocumentSchema = z.object({
  file: z.string(),
  format: SourceFormatSchema,
  pageCount: z.number().int().nullable(),
  lines: z.array(DocLineSchema),
  /** Page sizes in points (PDF/OCR), index = page - 1. */
  pages: z
    .array(
      z.object({
        width: z.number(),
        height: z.number(),
        rotated: z.boolean().optional(),
        /**
         * The page number printed on the page (dropped from the lines as furniture): a bare number
         * line ("16", "- 16 -", "Halaman 16", "ii") that is the page's top-most or bottom-most line
         * (other furniture aside). As printed; parse decides whether the document's numbers are readable.
         */
        label: z.object({ text: z.string(), at: z.enum(['top', 'bottom']) }).optional(),
      }),
    )
    .optional(),
  /** What was read and what was not used (every ingest path sets it). */
  input: InputAccountSchema.optional(),
});
export type Document = z.infer<typeof DocumentSchema>;
