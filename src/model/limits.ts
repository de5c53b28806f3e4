/**
 * Size limits for one report file, shared by the CLI (src/cli/audit-file.ts: `--max-text-mb`,
 * `--max-pdf-mb` defaults) and the browser self-check (src/web/main.ts refuses larger files before
 * reading them). Plain numbers, no Node API: both sides import them.
 */

/** Text exports (.txt, .md): a real LKIP text export is ~50–500 KB. */
export const DEFAULT_MAX_TEXT_MB = 10;
/** PDFs (by the .pdf extension): scanned reports run to tens of MB. */
export const DEFAULT_MAX_PDF_MB = 200;
