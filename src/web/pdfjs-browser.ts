/**
 * pdfjs-dist as src/ingest/pdf.ts sees it in the browser (the bundler maps its import
 * `pdfjs-dist/legacy/build/pdf.mjs` here). Same module, with what a browser worker needs:
 *  - pdfjs's own worker code runs in-process (we already are in a Web Worker; a nested worker from
 *    a file:// page is not allowed), through pdfjs's documented `globalThis.pdfjsWorker` hook;
 *  - options whose browser defaults reach for `document` (absent in a worker): no FontFace loading
 *    (glyphs are drawn as paths, as in Node), no worker-side fetch decision, OffscreenCanvas;
 *  - a hook that reports each page as the ingest asks for it (progress per page).
 */
import * as real from 'pdfjs-dist/legacy/build/pdf.mjs';
import { WorkerMessageHandler } from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler };

export * from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Canvases for pdfjs's scratch work inside a worker. */
export class OffscreenCanvasFactory {
  constructor(_opts: unknown) {}
  create(width: number, height: number) {
    const canvas = new OffscreenCanvas(Math.max(1, width), Math.max(1, height));
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  reset(cc: { canvas: OffscreenCanvas | null }, width: number, height: number) {
    if (!cc.canvas) throw new Error('Canvas is not specified');
    cc.canvas.width = width;
    cc.canvas.height = height;
  }
  destroy(cc: { canvas: OffscreenCanvas | null; context: unknown }) {
    if (cc.canvas) cc.canvas.width = cc.canvas.height = 0;
    cc.canvas = null;
    cc.context = null;
  }
}

export const BROWSER_OPTIONS = {
  disableFontFace: true,
  useSystemFonts: false,
  useWorkerFetch: false,
  isOffscreenCanvasSupported: true,
  isImageDecoderSupported: false,
  CanvasFactory: OffscreenCanvasFactory,
};

type PageHook = (page: number, pages: number) => void;
let pageHook: PageHook | null = null;
/** Called with (page, pageCount) each time a page is opened through `getDocument` below. */
export function setPageHook(h: PageHook | null): void {
  pageHook = h;
}

type Params = Parameters<typeof real.getDocument>[0];

export function getDocument(src: Params): ReturnType<typeof real.getDocument> {
  const task = real.getDocument({ ...(src as object), ...BROWSER_OPTIONS } as Params);
  const hook = pageHook;
  if (hook) {
    const promise = task.promise.then((doc) => {
      const getPage = doc.getPage.bind(doc);
      doc.getPage = (n: number) => {
        hook(n, doc.numPages);
        return getPage(n);
      };
      return doc;
    });
    Object.defineProperty(task, 'promise', { value: promise });
  }
  return task;
}
