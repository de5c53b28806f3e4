/**
 * Ruling lines of a scanned page, found in the pixels (a scan has no drawing operators): long thin
 * runs of dark pixels, horizontal and vertical, merged over neighbouring rows/columns into segments.
 * The page must be deskewed first (see render.ts estimateSkew/rotateGray). The segments feed the
 * same `layoutPage` grid builder as the vector rules of a born-digital PDF, so a scanned table
 * comes out with the same cells. `eraseRules` whitens them before OCR: rules touching digits are
 * the main source of misreads in small gridded cells.
 */
import type { HSeg, VSeg } from '../pdf/types.js';
import { forEachComponent } from './components.js';
import type { GrayImage } from './render.js';

export interface RuleOptions {
  /** Gray level below which a pixel is ink. */
  threshold?: number;
  /** Shortest horizontal / vertical rule, in inches. */
  minH?: number;
  minV?: number;
  /** Largest hole inside a rule (pixels): noise and JPEG leave gaps. */
  gap?: number;
  /** Thickest rule (pixels at the image's dpi). */
  maxThickness?: number;
  /** Keep horizontal runs along the edges of text lines too (see besideText; default false). */
  keepBesideText?: boolean;
}

/** A segment in pixels: along = position across the rule (y for horizontal), a..b the extent. */
export interface PixSeg {
  at: number;
  a: number;
  b: number;
  thick: number;
}

interface Acc {
  sum: number;
  n: number;
  a: number;
  b: number;
  last: number;
  first: number;
}

/** Merge per-row (per-column) runs into segments across neighbouring rows (columns). */
function mergeRuns(runs: { at: number; a: number; b: number }[], maxThick: number, minLen: number): PixSeg[] {
  runs.sort((p, q) => p.at - q.at || p.a - q.a);
  const open: Acc[] = [];
  const done: Acc[] = [];
  for (const r of runs) {
    // close segments that ended more than 1 row ago
    for (let i = open.length - 1; i >= 0; i--) {
      if (r.at - open[i]!.last > 1) done.push(...open.splice(i, 1));
    }
    const len = r.b - r.a;
    const hit = open.find((s) => Math.min(s.b, r.b) - Math.max(s.a, r.a) > 0.5 * Math.min(len, s.b - s.a));
    if (hit) {
      hit.sum += r.at;
      hit.n++;
      hit.a = Math.min(hit.a, r.a);
      hit.b = Math.max(hit.b, r.b);
      hit.last = r.at;
    } else open.push({ sum: r.at, n: 1, a: r.a, b: r.b, last: r.at, first: r.at });
  }
  done.push(...open);
  return done
    .filter((s) => s.last - s.first + 1 <= maxThick && s.b - s.a >= minLen)
    .map((s) => ({ at: s.sum / s.n, a: s.a, b: s.b, thick: s.last - s.first + 1 }));
}

export function detectRules(img: GrayImage, opts: RuleOptions = {}): { h: PixSeg[]; v: PixSeg[] } {
  const { width: w, height: h, data } = img;
  const T = opts.threshold ?? 200;
  const gap = opts.gap ?? 2;
  const minH = Math.round((opts.minH ?? 0.25) * img.dpi);
  const minV = Math.round((opts.minV ?? 0.16) * img.dpi);
  // two rules drawn edge to edge (a table whose column layout changes) look like one thick rule
  const maxThick = opts.maxThickness ?? Math.max(4, Math.round(img.dpi / 25));
  const hr: { at: number; a: number; b: number }[] = [];
  // pieces of a broken rule (a thin rule on a 1-bit or faint scan breaks into dashes): runs too
  // short to be a rule, chained below along their row
  const minPiece = Math.max(6, Math.round(img.dpi / 15));
  const pieces: { at: number; a: number; b: number }[] = [];
  const vr: { at: number; a: number; b: number }[] = [];
  const vStart = new Int32Array(w).fill(-1);
  const vLast = new Int32Array(w).fill(-1);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let start = -1;
    let last = -1;
    for (let x = 0; x < w; x++) {
      if (data[row + x]! < T) {
        if (start < 0 || x - last > gap + 1) {
          if (start >= 0 && last - start + 1 >= minH) hr.push({ at: y, a: start, b: last + 1 });
          else if (start >= 0 && last - start + 1 >= minPiece) pieces.push({ at: y, a: start, b: last + 1 });
          start = x;
        }
        last = x;
        // vertical run state for this column
        if (vStart[x]! < 0 || y - vLast[x]! > gap + 1) {
          if (vStart[x]! >= 0 && vLast[x]! - vStart[x]! + 1 >= minV) vr.push({ at: x, a: vStart[x]!, b: vLast[x]! + 1 });
          vStart[x] = y;
        }
        vLast[x] = y;
      }
    }
    if (start >= 0 && last - start + 1 >= minH) hr.push({ at: y, a: start, b: last + 1 });
    else if (start >= 0 && last - start + 1 >= minPiece) pieces.push({ at: y, a: start, b: last + 1 });
  }
  // a chain is a rule only where the rows a little above and below it are mostly paper (a text
  // line's strokes chain too, but the text is ink above its baseline as well)
  const off = Math.max(3, Math.round(img.dpi / 60));
  const inkShare = (y: number, a: number, b: number) => {
    if (y < 0 || y >= h) return 0;
    let n = 0;
    for (let x = a; x < b; x++) if (data[y * w + x]! < T) n++;
    return n / Math.max(1, b - a);
  };
  // chained rules must be long (an inch): a row of short dashes in a table cell is text, not a rule
  for (const c of chainPieces(pieces, Math.round(img.dpi / 10), Math.max(minH, img.dpi))) {
    if (inkShare(c.at - off, c.a, c.b) < 0.2 && inkShare(c.at + off, c.a, c.b) < 0.2) hr.push(c);
  }
  for (let x = 0; x < w; x++) if (vStart[x]! >= 0 && vLast[x]! - vStart[x]! + 1 >= minV) vr.push({ at: x, a: vStart[x]!, b: vLast[x]! + 1 });
  // (not for vertical rules: a table's text stands closer to its column rules than to its row
  // rules, and the photographed page's predicate table lost its column rules that way)
  return { h: mergeRuns(hr, maxThick, minH).filter((s) => opts.keepBesideText || !besideText(s, inkShare, maxThick, off)), v: mergeRuns(vr, maxThick, minV) };
}

/**
 * Whether a run is the edge of text rather than a rule: in a blurred or bold scan (a phone photo, a
 * JPEG at 150 dpi) the letters of a word touch along the top of their x-height and along the
 * baseline, and each word is then a long thin dark run there; erased as a rule, it takes the word
 * with it. A rule is a thin dark band with paper beside it: the rows next to the run that are ink
 * over 40% of its length or more (a thick rule, two rules edge to edge) make at most `maxThick`
 * rows with it, and the row `off` pixels beyond that band is mostly paper too. Beside a word's edge lie its letters: the band goes on through the x-height (twice a rule's
 * thickness) or, past a lighter row, the letters start within `off`.
 * `share(y, a, b)` is the share of ink pixels of row y from a to b.
 */
export function besideText(s: PixSeg, share: (y: number, a: number, b: number) => number, maxThick: number, off: number): boolean {
  let band = s.thick;
  const ends: number[] = [];
  for (const dir of [-1, 1]) {
    let y = Math.round(s.at + (dir * (s.thick - 1)) / 2);
    while (band <= maxThick && share(y + dir, s.a, s.b) >= 0.4) {
      y += dir;
      band++;
    }
    ends.push(y);
  }
  if (band > maxThick) return true;
  return share(ends[0]! - off, s.a, s.b) >= 0.4 || share(ends[1]! + off, s.a, s.b) >= 0.4;
}

/**
 * Runs of one row chained into a rule where the gaps between them are at most `maxGap` and the
 * runs cover at least 35% of the chain (a dashed or broken thin rule; text rows have short strokes
 * and wide gaps and do not chain, and a text band is too thick to pass as a rule anyway).
 */
function chainPieces(pieces: { at: number; a: number; b: number }[], maxGap: number, minLen: number): { at: number; a: number; b: number }[] {
  const out: { at: number; a: number; b: number }[] = [];
  const byRow = new Map<number, { a: number; b: number }[]>();
  for (const p of pieces) {
    const r = byRow.get(p.at);
    if (r) r.push(p);
    else byRow.set(p.at, [p]);
  }
  // a rule left slightly turned, or stair-stepped by a 1-bit scan, has its dashes on neighbouring
  // rows: each row is chained with the rows above and below it
  for (const y of byRow.keys()) {
    const row = [...(byRow.get(y - 1) ?? []), ...byRow.get(y)!, ...(byRow.get(y + 1) ?? [])].sort((p, q) => p.a - q.a);
    let a = row[0]!.a;
    let b = row[0]!.b;
    let ink = b - a;
    const flush = () => {
      if (b - a >= minLen && ink >= 0.35 * (b - a)) out.push({ at: y, a, b });
    };
    for (let k = 1; k < row.length; k++) {
      const p = row[k]!;
      if (p.a - b <= maxGap) {
        ink += Math.max(0, p.b - Math.max(b, p.a));
        b = Math.max(b, p.b);
      } else {
        flush();
        a = p.a;
        b = p.b;
        ink = b - a;
      }
    }
    flush();
  }
  return out;
}

/** Whiten the rules (in place) with a margin, so OCR does not read them as `|`, `1` or `l`. */
export function eraseRules(img: GrayImage, segs: { h: PixSeg[]; v: PixSeg[] }, margin = 1): void {
  const { width: w, height: hgt, data } = img;
  for (const s of segs.h) {
    const y1 = Math.max(0, Math.floor(s.at - s.thick / 2 - margin));
    const y2 = Math.min(hgt - 1, Math.ceil(s.at + s.thick / 2 + margin));
    for (let y = y1; y <= y2; y++) data.fill(255, y * w + Math.max(0, s.a - margin), y * w + Math.min(w, s.b + margin));
  }
  for (const s of segs.v) {
    const x1 = Math.max(0, Math.floor(s.at - s.thick / 2 - margin));
    const x2 = Math.min(w - 1, Math.ceil(s.at + s.thick / 2 + margin));
    for (let y = Math.max(0, s.a - margin); y < Math.min(hgt, s.b + margin); y++) data.fill(255, y * w + x1, y * w + x2 + 1);
  }
}

/** Pixel segments → layout segments in points. */
export function toPoints(segs: { h: PixSeg[]; v: PixSeg[] }, dpi: number): { hsegs: HSeg[]; vsegs: VSeg[] } {
  const s = 72 / dpi;
  return {
    hsegs: segs.h.map((x) => ({ y: x.at * s, x1: x.a * s, x2: x.b * s })),
    vsegs: segs.v.map((x) => ({ x: x.at * s, y1: x.a * s, y2: x.b * s })),
  };
}

/**
 * Dotted vertical rules: on a 1-bit scan a thin vertical rule breaks into a column of dots and
 * short dashes a few pixels apart, which the run finder above misses (every piece is shorter than
 * a rule) and which page OCR then reads into the neighbouring words ("|117.136.00", "Kecamatannl").
 * Pieces are connected ink components at most `maxWidth` pixels wide (thinner than any stroke of a
 * digit or letter but `l`, `I`, `i`), chained where they stand at the same x (±1.5 px) with gaps of
 * at most 1/10 in; a chain is a rule when it spans at least 0.3 in with four or more pieces covering
 * a fifth of it (the letters `l` of three consecutive text lines at one x do not make one; six
 * would, which left-aligned text does not line up). Run on 1-bit pages only (see isBitonal).
 */
export function detectDottedRules(img: GrayImage, opts: { threshold?: number; maxWidth?: number } = {}): PixSeg[] {
  const T = opts.threshold ?? 200;
  const maxW = opts.maxWidth ?? Math.max(3, Math.round(img.dpi / 60));
  const maxH = Math.round(img.dpi / 6);
  const pieces: { cx: number; y1: number; y2: number; wd: number }[] = [];
  forEachComponent(img, T, (c) => {
    const wd = c.x2 - c.x1 + 1;
    if (wd <= maxW && c.y2 - c.y1 + 1 <= maxH) pieces.push({ cx: c.sx / c.n, y1: c.y1, y2: c.y2 + 1, wd });
  });
  const maxGap = Math.round(img.dpi / 10);
  const minSpan = Math.round(img.dpi * 0.3);
  pieces.sort((a, b) => a.cx - b.cx);
  const out: PixSeg[] = [];
  const used = new Uint8Array(pieces.length);
  for (let i = 0; i < pieces.length; i++) {
    if (used[i]) continue;
    // the pieces at this x
    const col: number[] = [];
    for (let k = i; k < pieces.length && pieces[k]!.cx - pieces[i]!.cx <= 3; k++) if (!used[k]) col.push(k);
    col.sort((a, b) => pieces[a]!.y1 - pieces[b]!.y1);
    let chain: number[] = [];
    const flush = () => {
      if (chain.length >= 4) {
        const ps = chain.map((k) => pieces[k]!);
        const a = ps[0]!.y1;
        const b = Math.max(...ps.map((p) => p.y2));
        const ink = ps.reduce((s, p) => s + p.y2 - p.y1, 0);
        if (b - a >= minSpan && ink >= 0.2 * (b - a)) {
          const cx = ps.reduce((s, p) => s + p.cx, 0) / ps.length;
          if (ps.every((p) => Math.abs(p.cx - cx) <= 1.5)) {
            out.push({ at: cx, a, b, thick: Math.max(...ps.map((p) => p.wd)) });
            for (const k of chain) used[k] = 1;
          }
        }
      }
      chain = [];
    };
    for (const k of col) {
      const last = chain.length ? pieces[chain[chain.length - 1]!]! : null;
      if (last && pieces[k]!.y1 - last.y2 > maxGap) flush();
      chain.push(k);
    }
    flush();
  }
  return out;
}

/**
 * Dashed horizontal rules: on a 1-bit scan a thin row rule breaks into dashes and dots a pixel or
 * two tall, spaced too far apart for the run chainer of detectRules, which page OCR then reads as
 * letters appended to the cells above or below (`6.185.600n`, `5.560.000o3`). Pieces are flat ink
 * components (at most `maxHeight` px tall, at least twice as wide as tall, under half an inch),
 * chained where they stand at one y (±2 px of the chain's mean) with gaps of at most 0.4 in (the dots between them go with them); a
 * chain is a rule when it spans at least an inch with five or more pieces, covers a sixth of its
 * span, and the pixel rows a little above and below it are nearly paper over the span (a text
 * line's hyphens and underscores have letters at those rows, and no text line puts five hyphens
 * an inch apart at one height). Returns the pieces' boxes, for erasing, and the rules (not layout
 * rules: the text-alignment grid, ocr/align.ts, takes them as evidence of a row boundary through
 * brokenRuleProbe, which no longer sees the erased dashes). Run on 1-bit pages only (see isBitonal).
 */
export function detectDashedRules(img: GrayImage, opts: { threshold?: number; maxHeight?: number } = {}): { pieces: { x1: number; y1: number; x2: number; y2: number }[]; rules: PixSeg[] } {
  const T = opts.threshold ?? 200;
  const { width: w, height: h, data } = img;
  const maxH = opts.maxHeight ?? Math.max(3, Math.round(img.dpi / 60));
  const maxW = Math.round(img.dpi / 2);
  const pieces: { x1: number; x2: number; y1: number; y2: number; cy: number }[] = [];
  // dots of the rule (narrower than twice their height): not chained, erased with the rule
  const dots: { x1: number; x2: number; y1: number; y2: number; cy: number }[] = [];
  forEachComponent(img, T, (c) => {
    const wd = c.x2 - c.x1 + 1;
    const ht = c.y2 - c.y1 + 1;
    const box = { x1: c.x1, x2: c.x2 + 1, y1: c.y1, y2: c.y2 + 1, cy: (c.y1 + c.y2 + 1) / 2 };
    if (ht <= maxH && wd >= 2 * ht && wd <= maxW) pieces.push(box);
    else if (ht <= maxH && wd <= maxH) dots.push(box);
  });
  const maxGap = Math.round(img.dpi * 0.4);
  const minSpan = img.dpi;
  const off = Math.max(3, Math.round(img.dpi / 60));
  const inkShare = (y: number, a: number, b: number) => {
    if (y < 0 || y >= h) return 1;
    let n = 0;
    for (let x = a; x < b; x++) if (data[y * w + x]! < T) n++;
    return n / Math.max(1, b - a);
  };
  pieces.sort((p, q) => p.cy - q.cy);
  const used = new Uint8Array(pieces.length);
  const out: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const rules: PixSeg[] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (used[i]) continue;
    // the pieces at this height, left to right
    const band: number[] = [];
    for (let k = i; k < pieces.length && pieces[k]!.cy - pieces[i]!.cy <= 4; k++) if (!used[k]) band.push(k);
    band.sort((p, q) => pieces[p]!.x1 - pieces[q]!.x1);
    let chain: number[] = [];
    const flush = () => {
      if (chain.length >= 5) {
        const ps = chain.map((k) => pieces[k]!);
        const a = ps[0]!.x1;
        const b = Math.max(...ps.map((p) => p.x2));
        const ink = ps.reduce((s, p) => s + p.x2 - p.x1, 0);
        const cy = ps.reduce((s, p) => s + p.cy, 0) / ps.length;
        const top = Math.min(...ps.map((p) => p.y1));
        const bot = Math.max(...ps.map((p) => p.y2));
        if (b - a >= minSpan && ink >= (b - a) / 6 && ps.every((p) => Math.abs(p.cy - cy) <= 2) && inkShare(top - off, a, b) < 0.1 && inkShare(bot - 1 + off, a, b) < 0.1) {
          out.push(...ps.map((p) => ({ x1: p.x1, y1: p.y1, x2: p.x2, y2: p.y2 })));
          rules.push({ at: cy, a, b, thick: bot - top });
          out.push(...dots.filter((d) => d.x1 >= a && d.x2 <= b && d.y1 >= top - 1 && d.y2 <= bot + 1));
          for (const k of chain) used[k] = 1;
        }
      }
      chain = [];
    };
    for (const k of band) {
      const last = chain.length ? pieces[chain[chain.length - 1]!]! : null;
      if (last && pieces[k]!.x1 - last.x2 > maxGap) flush();
      chain.push(k);
    }
    flush();
  }
  return { pieces: out, rules };
}

/** Whiten boxes (in place) with a margin. */
export function eraseBoxes(img: GrayImage, boxes: readonly { x1: number; y1: number; x2: number; y2: number }[], margin = 1): void {
  const { width: w, height: hgt, data } = img;
  for (const r of boxes) {
    for (let y = Math.max(0, r.y1 - margin); y < Math.min(hgt, r.y2 + margin); y++) data.fill(255, y * w + Math.max(0, r.x1 - margin), y * w + Math.min(w, r.x2 + margin));
  }
}

/** A page scanned in 1-bit (black-and-white) mode: its render has only black and white pixels. */
export function isBitonal(img: GrayImage): boolean {
  const d = img.data;
  let black = 0;
  let white = 0;
  for (let i = 0; i < d.length; i += 7) {
    const v = d[i]!;
    if (v === 0) black++;
    else if (v === 255) white++;
  }
  const n = Math.ceil(d.length / 7);
  return black > 0 && black + white >= 0.998 * n;
}

/** Points a dashed rule may stand outside the white gap between two text rows' word boxes (brokenRuleProbe). */
const DASHED_SLACK = 1.5;

/**
 * A probe for broken horizontal rules in a white gap between text rows (ocr/align.ts): true when a
 * found rule lies in the gap over half its width, or when, on some three neighbouring pixel rows
 * of the gap, a fifth of the columns from x1 to x2 have ink (a thin rule broken into dashes on a
 * 1-bit scan, stair-stepped over two or three rows). Also true for a dashed rule (`dashed`, from
 * detectDashedRules, in points) over 40% of the width within DASHED_SLACK of the gap: such a rule
 * has paper just above and below it, so it is no part of a text line, but the word boxes of the
 * line above may reach down to it (descenders, a box OCR drew tall), leaving it just outside the
 * gap between the boxes; the same for a band of ink within DASHED_SLACK above the gap with paper just
 * above it. Coordinates in points.
 */
export function brokenRuleProbe(img: GrayImage, hsegs: readonly HSeg[], dashed: readonly HSeg[] = [], threshold = 200): (y1: number, y2: number, x1: number, x2: number) => boolean {
  const s = img.dpi / 72;
  const { width: w, height: h, data } = img;
  return (y1, y2, x1, x2) => {
    if (hsegs.some((r) => r.y >= y1 && r.y <= y2 && Math.min(r.x2, x2) - Math.max(r.x1, x1) >= 0.5 * (x2 - x1))) return true;
    if (dashed.some((r) => r.y >= y1 - DASHED_SLACK && r.y <= y2 + DASHED_SLACK && Math.min(r.x2, x2) - Math.max(r.x1, x1) >= 0.4 * (x2 - x1))) return true;
    const a = Math.max(0, Math.round(x1 * s));
    const b = Math.min(w, Math.round(x2 * s));
    const top = Math.max(1, Math.ceil(y1 * s));
    const bot = Math.min(h - 2, Math.floor(y2 * s));
    if (b - a < 8) return false;
    const dark = (y: number) => {
      let n = 0;
      for (let x = a; x < b; x++) if (data[y * w + x]! < threshold) n++;
      return n / (b - a);
    };
    // (the rows just above the gap too, inside the upper line's boxes, where paper lies above the
    // band: a rule under a header line that OCR drew its boxes down to)
    const reach = Math.round(DASHED_SLACK * s);
    for (let y = Math.max(5, top - reach); y <= bot; y++) {
      let n = 0;
      for (let x = a; x < b; x++) if (data[(y - 1) * w + x]! < threshold || data[y * w + x]! < threshold || data[(y + 1) * w + x]! < threshold) n++;
      if (n >= 0.2 * (b - a) && (y >= top || (dark(y - 3) <= PAPER && dark(y - 4) <= PAPER))) return true;
    }
    return false;
  };
}

/** Share of dark pixels up to which a pixel row counts as paper (brokenRuleProbe). */
const PAPER = 0.03;
