/**
 * pdfjs-dist (5.6) leaves some promises of its own rejected and never handled on damaged files: the
 * page tree walk (`Catalog.getPageDict`) fetches every kid of the root /Pages node ahead of time and
 * never awaits the ones after a kid that fails, so a bit-flipped PDF whose page tree holds a broken
 * object ("Invalid number: I") and a wrong-typed kid leaves that fetch's FormatError unhandled, while
 * pdfjs itself reports the file damaged through the promise we do await. In Node an unhandled
 * rejection ends the process: the CLI auditing a lone file in-process, or a batch worker (a `crash`
 * row, and the files queued behind it moved to a new worker).
 *
 * `guardPdfjsRejections()` (called by files.ts before a PDF is read, so in every process that reads
 * one) ignores unhandled rejections whose error was made inside pdfjs-dist, counting them; any other
 * unhandled rejection still ends the process as Node's default does, unless someone else listens
 * (a test runner) and decides. Node only.
 */

/** Rejections of pdfjs's own that no one handled, in this process (read by tests and LKIP_AUDIT_DEBUG). */
export const strayPdfjsRejections = { count: 0, last: '' };

/** An error created inside pdfjs-dist: its own exception classes (whose stack is the module's) and errors thrown in its code. */
export function isPdfjsError(reason: unknown): boolean {
  return reason instanceof Error && /[\\/]pdfjs-dist[\\/]/.test(reason.stack ?? '');
}

let installed = false;

export function guardPdfjsRejections(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    if (isPdfjsError(reason)) {
      strayPdfjsRejections.count++;
      strayPdfjsRejections.last = `${(reason as Error).name}: ${(reason as Error).message}`.slice(0, 200);
      if (process.env.LKIP_AUDIT_DEBUG) process.stderr.write(`lkip-audit: pdfjs left a rejection unhandled (ignored): ${strayPdfjsRejections.last}\n`);
      return;
    }
    // Node's default for everything else: an unhandled rejection ends the process
    if (process.listenerCount('unhandledRejection') === 1) throw reason instanceof Error ? reason : new Error(`Unhandled promise rejection: ${String(reason)}`);
  });
}
