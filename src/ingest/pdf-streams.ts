/**
 * Compressed PDF streams against the limits (issue 18), before pdfjs sees the bytes: an inflate bomb
 * costs at most one bounded inflate, and every content stream's operators are counted
 * (limits.ts checkContent). The same pass tells which pages paint nothing (blankPageRefs), so that
 * pdf.ts reads no operator list for them. Node only (zlib): called by files.ts for the CLI and the
 * batch workers.
 */
import zlib from 'node:zlib';
import type { IngestLimits } from '../model/limits.js';
import { IngestError } from './errors.js';
import { checkContent, nf } from './limits.js';

/** Streams that are not content (fonts, ICC profiles, xref, metadata): their bytes are not operators. */
const BINARY_STREAM = /\/Length[123]\b|\/Subtype\s*\/(Type1C|CIDFontType0C|OpenType|XML)\b|\/Type\s*\/(XRef|Metadata|EmbeddedFile)\b|\/N\s+\d/;
const STREAM = Buffer.from('stream', 'latin1');
const ENDSTREAM = Buffer.from('endstream', 'latin1');
const PAGE = Buffer.from('/Page', 'latin1');
const ENDOBJ = Buffer.from('endobj', 'latin1');

/** What the pass learnt: the page objects ("12 0") whose content streams all paint nothing. */
export interface PdfStreamScan {
  blankPages: Set<string>;
}

/** "12 0" for the object header ending `text` ("... 12 0 obj"), or null. */
const objRef = (text: string): string | null => {
  const m = /(\d+)\s+(\d+)\s+$/.exec(text.slice(Math.max(0, text.length - 40)));
  return m ? `${Number(m[1])} ${Number(m[2])}` : null;
};

/**
 * Every Flate-compressed stream of a PDF that is not an image (content streams, forms, fonts, object
 * streams; pdfjs reads an image only up to its declared width × height) is inflated once with an
 * output bound, the output dropped: a stream that decodes to more than `maxStreamMb` is refused, and
 * so is a file whose streams together decode to more than four times that. Streams zlib cannot
 * decode are left to pdfjs (it reports damage its own way).
 */
export function checkPdfStreams(file: string, bytes: Uint8Array, limits: IngestLimits): PdfStreamScan {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  /** Content-like streams read here, by object ("12 0"): whether they paint anything (a later definition wins). */
  const paints = new Map<string, boolean>();
  // a page dictionary may be (re)defined inside an object stream, where this pass does not look
  let objectStreams = false;
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
    const objAt = before.lastIndexOf('obj');
    const dict = before.slice(objAt + 1);
    const ref = objAt > 0 ? objRef(before.slice(0, objAt)) : null;
    if (ref) paints.delete(ref);
    if (/\/Type\s*\/ObjStm\b/.test(dict)) objectStreams = true;
      if (/\/Subtype\s*\/Image\b/.test(dict)) continue;
    // a direct length only ("/Length 12 0 R" is not a length of 1: no backtracking into the digits)
    const len = /\/Length\s+(\d+)(?![\d.]|\s+\d+\s+R)/.exec(dict);
    let end = len ? start + Number(len[1]) : -1;
    if (end < start || end > buf.length) {
      end = buf.indexOf(ENDSTREAM, start);
      if (end === -1) end = buf.length;
    }
    if (!/\/(Filter|F)\b/.test(dict)) {
      // not compressed: its bytes are what pdfjs will parse
      if (!BINARY_STREAM.test(dict)) {
        const p = checkContent(file, buf.subarray(start, end), limits);
        if (ref) paints.set(ref, p);
      }
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
    if (/\/(FlateDecode|Fl)\b/.test(dict) && !BINARY_STREAM.test(dict)) {
      const p = checkContent(file, out, limits);
      // a single Flate filter: the bytes checked are the ones pdfjs will parse; a stream that paints
      // nothing must also inflate completely (a damaged one may hold more than zlib gave back)
      if (ref && /\/Filter\s*\/FlateDecode\b/.test(dict) && !/\/DecodeParms/.test(dict) && (p || inflatesWhole(buf.subarray(start, end)))) paints.set(ref, p);
    }
    at = Math.max(at, end);
  }
  return { blankPages: objectStreams ? new Set() : blankPageRefs(buf, paints) };
}

const inflatesWhole = (b: Uint8Array): boolean => {
  try {
    zlib.inflateSync(b);
    return true;
  } catch {
    return false;
  }
};

/**
 * Page objects (in a file without object streams) whose /Contents are streams this pass read and
 * found painting nothing, or that have no /Contents at all. Anything not understood (contents given
 * indirectly as an array object, a stream with another filter or with decode parameters) leaves the
 * page out: pdfjs reads it as before.
 */
function blankPageRefs(buf: Buffer, paints: Map<string, boolean>): Set<string> {
  const pages = new Map<string, boolean>();
  let at = 0;
  while ((at = buf.indexOf(PAGE, at)) !== -1) {
    const hit = at;
    at += PAGE.length;
    const next = buf[at];
    // "/Page" itself, not /Pages or /PageLabels; preceded by /Type
    if (next !== undefined && ((next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a) || (next >= 0x30 && next <= 0x39))) continue;
    const head = buf.toString('latin1', Math.max(0, hit - 4096), hit);
    if (!/\/Type\s*$/.test(head)) continue;
    const objAt = head.lastIndexOf(' obj');
    if (objAt < 0 || head.lastIndexOf('endobj') > objAt || head.lastIndexOf('stream') > objAt) continue;
    const ref = objRef(head.slice(0, objAt + 1));
    if (!ref) continue;
    const end = buf.indexOf(ENDOBJ, at);
    if (end === -1 || end - hit > 65536) continue;
    const dict = head.slice(objAt) + buf.toString('latin1', hit, end);
    if (/\bstream\b/.test(dict)) continue;
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(dict);
    let blank: boolean;
    if (!contents) blank = !/\/Contents\b/.test(dict);
    else {
      const refs = [...contents[1]!.matchAll(/(\d+)\s+(\d+)\s+R/g)].map((m) => `${Number(m[1])} ${Number(m[2])}`);
      blank = refs.every((r) => paints.get(r) === false);
    }
    pages.set(ref, blank); // a later definition (an incremental update) wins
    at = end;
  }
  return new Set([...pages].filter(([, b]) => b).map(([r]) => r));
}

