/**
 * Browser stand-in for `node:module`, used only by src/ingest/pdf.ts to find pdfjs-dist's data
 * folders: they are copied next to the page (pdfjs/standard_fonts/, pdfjs/cmaps/, pdfjs/wasm/).
 * The worker sets `__LKIP_BASE__` (the page's folder URL) before any PDF is read.
 */
export function createRequire(_from: unknown): { resolve(id: string): string } {
  return {
    resolve: (id: string) => {
      if (id !== 'pdfjs-dist/package.json') throw new Error(`require.resolve(${id}) is not available in the browser`);
      const base = (globalThis as { __LKIP_BASE__?: string }).__LKIP_BASE__ ?? './';
      return `${base}pdfjs/package.json`;
    },
  };
}
