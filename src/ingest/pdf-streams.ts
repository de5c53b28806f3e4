/**
 * Compressed PDF streams against the limits (issue 18), before pdfjs sees the bytes: an inflate bomb
 * costs at most one bounded inflate, and every content stream's operators are counted
 * (limits.ts checkContent). Node only (zlib): called by files.ts for the CLI and the batch workers.
 */
import zlib from 'node:zlib';
import type { IngestLimits } from '../model/limits.js';
import { IngestError } from './errors.js';
import { checkContent, nf } from './limits.js';

/** Streams that are not content (fonts, ICC profiles, xref, metadata): their bytes are not operators. */
const BINARY_STREAM = /\/Length[123]\b|\/Subtype\s*\/(Type1C|CIDFontType0C|OpenType|XML)\b|\/Type\s*\/(XRef|Metadata|EmbeddedFile)\b|\/N\s+\d/;
const STREAM = Buffer.from('stream', 'latin1');
const ENDSTREAM = Buffer.from('endstream', 'latin1');

/**
 * Every Flate-compressed stream of a PDF that is not an image (content streams, forms, fonts, object
 * streams; pdfjs reads an image only up to its declared width × height) is inflated once with an
 * output bound, the output dropped: a stream that decodes to more than `maxStreamMb` is refused, and
 * so is a file whose streams together decode to more than four times that. Streams zlib cannot
 * decode are left to pdfjs (it reports damage its own way).
 */
export function checkPdfStreams(file: string, bytes: Uint8Array, limits: IngestLimits): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const max = Math.floor(limits.maxStreamMb * 1024 * 1024);
  let total = 0;
  let at = 0;
  while ((at = buf.indexOf(STREAM, at)) !== -1) {
    const kw = at;
    at += STREAM.length;
    if (kw >= 3 && buf[kw - 3] === 0x65 && buf[kw - 2] === 0x6e && buf[kw - 1] === 0x64) continue; // endstream
    let start = at;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    // the stream's dictionary: from its object header (the last "obj" before the keyword)
    const before = buf.toString('latin1', Math.max(0, kw - 4096), kw);
    const dict = before.slice(before.lastIndexOf('obj') + 1);
      if (/\/Subtype\s*\/Image\b/.test(dict)) continue;
    const len = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let end = len ? start + Number(len[1]) : -1;
    if (end < start || end > buf.length) {
      end = buf.indexOf(ENDSTREAM, start);
      if (end === -1) end = buf.length;
    }
    if (!/\/(Filter|F)\b/.test(dict)) {
      // not compressed: its bytes are what pdfjs will parse
      if (!BINARY_STREAM.test(dict)) checkContent(file, buf.subarray(start, end), limits);
      at = Math.max(at, end);
      continue;
    }
    const left = Math.max(1, Math.min(max, 4 * max - total));
    let out: Buffer;
    try {
      out = zlib.inflateSync(buf.subarray(start, end), { maxOutputLength: left, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') continue;
      const all = left < max;
      const mb = all ? 4 * limits.maxStreamMb : limits.maxStreamMb;
      throw IngestError.of(
        file,
        'stream-too-large',
        `${all ? 'semua aliran data bersama' : 'satu aliran data'} lebih dari ${nf(mb, 'id')} MB (limits.maxStreamMb)`,
        `${all ? 'all streams together' : 'one stream'} over ${nf(mb, 'en')} MB (limits.maxStreamMb)`,
      );
    }
    total += out.length;
    if (/\/(FlateDecode|Fl)\b/.test(dict) && !BINARY_STREAM.test(dict)) checkContent(file, out, limits);
    at = Math.max(at, end);
  }
}

