/**
 * The prose index: every non-empty line of the document as text, built once in parse
 * (src/parse/prose.ts). It is what rules read of the text; they never see the Document. One entry
 * per line, in document order, so it grows linearly with the document and stays small: the printed
 * text only where cleaning changed it, the cells only on table rows.
 */
import { z } from 'zod';
import { SectionKindSchema } from './section.js';

export const ProseEntrySchema = z.object({
  /** The document's line number (1-based; running over the pages of a PDF). */
  line: z.number().int(),
  /** 1-based page; null when the source has no pages (text export). */
  page: z.number().int().nullable(),
  section: SectionKindSchema,
  /** Text without Markdown/HTML emphasis (`**`, `*`, `<b>`), spaces collapsed, trimmed. */
  text: z.string(),
  /** The line as the document printed it, when that differs from `text` and, on a table row, from the cells joined by tabs. */
  raw: z.string().optional(),
  /** The cells as printed, when the line is a table row. */
  cells: z.array(z.string()).optional(),
  /** Markdown heading level (1..6) when the export marked the line as a heading. */
  heading: z.number().int().optional(),
  /** The line continues the paragraph of the line before it (wrapped prose; src/parse/prose.ts). */
  wraps: z.literal(true).optional(),
});
export type ProseEntry = z.infer<typeof ProseEntrySchema>;

export const ProseSchema = z.object({
  lines: z.array(ProseEntrySchema),
  /** The document's last line number (an empty line included); null for an empty document. */
  lastLine: z.number().int().nullable(),
});
export type Prose = z.infer<typeof ProseSchema>;
