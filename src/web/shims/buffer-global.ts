/**
 * src/ingest/pdf.ts reads a few header bytes as latin1 through Node's global Buffer (the one call it
 * makes: `Buffer.from(arrayBuffer, offset, length).toString('latin1')`). Imported first by the worker.
 */
const g = globalThis as { Buffer?: unknown };
g.Buffer ??= {
  from: (buf: ArrayBufferLike, offset: number, length: number) => ({
    toString: () => {
      const b = new Uint8Array(buf, offset, length);
      let s = '';
      for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
      return s;
    },
  }),
  isBuffer: () => false,
};
export {};
