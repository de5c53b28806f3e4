/**
 * Page preparation before OCR (issue 13), on the 8-bit gray raster, pure TypeScript:
 *  - `flattenLight`: uneven light (a scanner lid not closed, a phone's shadow, a table top around a
 *    photographed page) divided out: the paper's brightness is estimated on a coarse grid (a high
 *    percentile per block, spread over text-dense blocks by a max filter, smoothed) and every pixel
 *    is scaled so that the paper is white. Skipped when the paper is already even: the rules'
 *    fixed thresholds (ink < 200 for ruling lines, < 140 for the skew profile) and tesseract's own
 *    global threshold hold on an even page and fail on a page whose paper falls to ~150.
 *  - `despeckle`: isolated dark dots (dust, toner) a few pixels across with no ink near them are
 *    whitened; a decimal comma or point sits next to its digits and stays.
 * Each step says whether it changed anything; the caller records that in its stats.
 */
import { forEachComponent } from './components.js';
import type { GrayImage } from './render.js';

export interface LightStats {
  /** Darkest / brightest paper estimate (0..255) before flattening. */
  paperMin: number;
  paperMax: number;
  flattened: boolean;
}

/**
 * Divide out uneven light in place when the paper's brightness varies by more than `minSpread`
 * gray levels across the page. Returns what it saw.
 */
export function flattenLight(img: GrayImage, minSpread = 24): LightStats {
  const { width: w, height: h, data } = img;
  // blocks of ~1/8 inch
  const bs = Math.max(8, Math.round(img.dpi / 8));
  const bw = Math.ceil(w / bs);
  const bh = Math.ceil(h / bs);
  const bg = new Float32Array(bw * bh);
  const hist = new Uint32Array(256);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      hist.fill(0);
      let n = 0;
      const y2 = Math.min(h, (by + 1) * bs);
      const x2 = Math.min(w, (bx + 1) * bs);
      // every other pixel is plenty for a percentile
      for (let y = by * bs; y < y2; y += 2) {
        const row = y * w;
        for (let x = bx * bs; x < x2; x += 2) {
          hist[data[row + x]!]!++;
          n++;
        }
      }
      // 90th percentile: the paper between the strokes
      let k = 0;
      let v = 255;
      const want = n * 0.1;
      for (; v > 0; v--) {
        k += hist[v]!;
        if (k >= want) break;
      }
      bg[by * bw + bx] = v;
    }
  }
  // a block full of ink (a dense table row, a logo) has no paper in it: the brightest block
  // within two blocks stands in (max filter), then a 3×3 mean smooths the steps
  const mx = maxFilter(bg, bw, bh, 2);
  const sm = meanFilter(mx, bw, bh, 1);
  let lo = 255;
  let hi = 0;
  for (const v of sm) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const stats: LightStats = { paperMin: Math.round(lo), paperMax: Math.round(hi), flattened: false };
  if (hi - lo < minSpread) return stats;
  // bilinear interpolation of the block grid (block centres), pixel scaled to make paper 255
  // ink is scaled alike: its contrast to the paper around it is kept
  const rowScale = new Float32Array(w);
  for (let y = 0; y < h; y++) {
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) / bs - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(bh - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) / bs - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(bw - 1, x0 + 1);
      const tx = fx - x0;
      const a = sm[y0 * bw + x0]! + (sm[y0 * bw + x1]! - sm[y0 * bw + x0]!) * tx;
      const b = sm[y1 * bw + x0]! + (sm[y1 * bw + x1]! - sm[y1 * bw + x0]!) * tx;
      rowScale[x] = 255 / Math.max(24, a + (b - a) * ty);
    }
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const v = data[row + x]! * rowScale[x]!;
      data[row + x] = v > 255 ? 255 : v;
    }
  }
  stats.flattened = true;
  return stats;
}

function maxFilter(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let d = Math.max(0, x - r); d <= Math.min(w - 1, x + r); d++) m = Math.max(m, src[y * w + d]!);
      tmp[y * w + x] = m;
    }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let d = Math.max(0, y - r); d <= Math.min(h - 1, y + r); d++) m = Math.max(m, tmp[d * w + x]!);
      out[y * w + x] = m;
    }
  return out;
}

function meanFilter(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let dy = Math.max(0, y - r); dy <= Math.min(h - 1, y + r); dy++)
        for (let dx = Math.max(0, x - r); dx <= Math.min(w - 1, x + r); dx++) {
          s += src[dy * w + dx]!;
          n++;
        }
      out[y * w + x] = s / n;
    }
  return out;
}

/**
 * Whiten isolated dark specks in place: connected dark components (ink < `threshold`) whose
 * bounding box is at most `maxSide` pixels and that have no other ink within `clear` pixels.
 * Returns how many were removed. Sizes default to the image's resolution (~1/60 in specks, 1/30 in
 * clearance): a decimal separator is as small but lies within a stroke's width of its digits.
 */
export function despeckle(img: GrayImage, opts: { threshold?: number; maxSide?: number; clear?: number } = {}): number {
  const { width: w, height: h, data } = img;
  const T = opts.threshold ?? 160;
  const maxSide = opts.maxSide ?? Math.max(2, Math.round(img.dpi / 60));
  const clear = opts.clear ?? Math.max(3, Math.round(img.dpi / 30));
  let removed = 0;
  forEachComponent(img, T, ({ x1, y1, x2, y2 }) => {
    if (x2 - x1 >= maxSide || y2 - y1 >= maxSide) return;
    // isolated: no ink in the ring around its box
    let near = false;
    const rx1 = Math.max(0, x1 - clear);
    const rx2 = Math.min(w - 1, x2 + clear);
    const ry1 = Math.max(0, y1 - clear);
    const ry2 = Math.min(h - 1, y2 + clear);
    for (let y = ry1; y <= ry2 && !near; y++) {
      const row = y * w;
      for (let x = rx1; x <= rx2; x++) {
        if (y >= y1 && y <= y2 && x >= x1 && x <= x2) continue;
        if (data[row + x]! < T) {
          near = true;
          break;
        }
      }
    }
    if (near) return;
    // whiten the speck and its anti-aliased rim
    for (let y = Math.max(0, y1 - 1); y <= Math.min(h - 1, y2 + 1); y++) for (let x = Math.max(0, x1 - 1); x <= Math.min(w - 1, x2 + 1); x++) data[y * w + x] = 255;
    removed++;
  });
  return removed;
}

/** The page's corners in a photo (tl, tr, br, bl), in pixels, or null when the page fills the image. */
export function findPhotoPage(img: GrayImage): [number, number][] | null {
  const { width: w, height: h, data } = img;
  const f = Math.max(1, Math.round(img.dpi / 50));
  const sw = Math.floor(w / f);
  const sh = Math.floor(h / f);
  const small = new Uint8Array(sw * sh);
  for (let y = 0; y < sh; y++) for (let x = 0; x < sw; x++) small[y * sw + x] = data[y * f * w + x * f]!;
  // the image's outer band: a photo of a page on a table shows the table there, dark all round
  const band = Math.max(2, Math.round(sw * 0.012));
  const edge: number[] = [];
  for (let y = 0; y < sh; y++)
    for (let x = 0; x < sw; x++) if (x < band || y < band || x >= sw - band || y >= sh - band) edge.push(small[y * sw + x]!);
  edge.sort((a, b) => a - b);
  const darkShare = edge.filter((v) => v < 120).length / edge.length;
  if (darkShare < 0.6) return null;
  const tableHi = edge[Math.floor(edge.length * 0.95)]!;
  const all = Array.from(small).sort((a, b) => a - b);
  const paper = all[Math.floor(all.length * 0.9)]!;
  if (paper - tableHi < 60) return null;
  const T = tableHi + 0.15 * (paper - tableHi);
  let tl = [0, 0, Infinity];
  let tr = [0, 0, -Infinity];
  let br = [0, 0, -Infinity];
  let bl = [0, 0, Infinity];
  for (let y = 0; y < sh; y++)
    for (let x = 0; x < sw; x++) {
      if (small[y * sw + x]! <= T) continue;
      if (x + y < tl[2]!) tl = [x, y, x + y];
      if (x + y > br[2]!) br = [x, y, x + y];
      if (x - y > tr[2]!) tr = [x, y, x - y];
      if (x - y < bl[2]!) bl = [x, y, x - y];
    }
  const pts = [tl, tr, br, bl].map((p) => [(p[0]! + 0.5) * f, (p[1]! + 0.5) * f] as [number, number]);
  // a page: a large quadrilateral
  const area = Math.abs(shoelace(pts));
  if (area < 0.4 * w * h) return null;
  return pts;
}

function shoelace(p: [number, number][]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const [x1, y1] = p[i]!;
    const [x2, y2] = p[(i + 1) % p.length]!;
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

/**
 * A photographed page drawn straight: the quadrilateral `quad` (tl, tr, br, bl) mapped onto the
 * whole image by the perspective transform through its four corners, bilinear. Same size and dpi.
 */
export function rectify(img: GrayImage, quad: [number, number][]): GrayImage {
  const { width: w, height: h, data } = img;
  const rect: [number, number][] = [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ];
  // homography output rectangle → source quadrilateral
  const H = homography(rect, quad);
  const out = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const z = H[6]! * x + H[7]! * y + 1;
      const sx = (H[0]! * x + H[1]! * y + H[2]!) / z;
      const sy = (H[3]! * x + H[4]! * y + H[5]!) / z;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bot = data[i + w]! + (data[i + w + 1]! - data[i + w]!) * fx;
      out[y * w + x] = top + (bot - top) * fy;
    }
  }
  return { width: w, height: h, data: out, dpi: img.dpi };
}

/**
 * The homography taking the four points `from` to `to` (corners in the same order): its eight
 * coefficients h11..h32 (h33 = 1), as `x' = (h0·x + h1·y + h2) / (h6·x + h7·y + 1)`, `y'` likewise.
 */
export function homography(from: readonly (readonly [number, number])[], to: readonly (readonly [number, number])[]): number[] {
  const A: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  return solve8(A, b);
}

/** Gaussian elimination with partial pivoting (the 8×8 system of a homography). */
export function solve8(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = M[r]![c]! / M[c]![c]!;
      for (let j = c; j <= n; j++) M[r]![j]! -= k * M[c]![j]!;
    }
  }
  return M.map((r, i) => r[n]! / r[i]!);
}

/**
 * Faint ink (a blurred phone photo, a pale copy) stretched back to black: when the darkest 1% of
 * the page is lighter than `minInk`, the gray levels from that point to the paper are spread over
 * 0..255 in place. Returns whether it did (a page with ordinary black print is left alone).
 */
export function stretchInk(img: GrayImage, minInk = 90): boolean {
  const hist = new Uint32Array(256);
  const d = img.data;
  for (let i = 0; i < d.length; i += 3) hist[d[i]!]!++;
  const n = Math.ceil(d.length / 3);
  let k = 0;
  let lo = 0;
  for (; lo < 255; lo++) {
    k += hist[lo]!;
    if (k >= n * 0.01) break;
  }
  k = 0;
  let hi = 255;
  for (; hi > 0; hi--) {
    k += hist[hi]!;
    if (k >= n * 0.3) break;
  }
  if (lo < minInk || hi - lo < 40) return false;
  // the darkest 1% becomes ~20, the paper white
  const target = 20;
  const map = new Uint8Array(256);
  for (let v = 0; v < 256; v++) map[v] = v >= hi ? 255 : Math.max(0, Math.round(target + ((v - lo) * (255 - target)) / (hi - lo)));
  for (let i = 0; i < d.length; i++) d[i] = map[d[i]!]!;
  return true;
}

/**
 * Text height in pixels, independent of the resolution the PDF declares (issue 13): the median
 * height of the connected ink components (ink < `threshold`) that are letter-sized (4 px or taller,
 * shorter than a third of an inch at the image's dpi, not wider than four times their height), in
 * the middle half of the page (rows); that median lies
 * between the x-height and the cap height of the body text (about 25 px for 10 pt text at 300 dpi).
 * Returns 0 when the page has too few letters to tell (fewer than 50).
 */
export function estimateTextHeight(img: GrayImage, threshold = 140): number {
  const h = img.height;
  const y0 = Math.floor(h / 4);
  const y1 = Math.ceil((3 * h) / 4);
  const maxH = Math.max(8, Math.round(img.dpi / 3));
  const heights: number[] = [];
  forEachComponent(
    img,
    threshold,
    (c) => {
      const ch = c.y2 - c.y1 + 1;
      if (ch >= 4 && ch <= maxH && c.x2 - c.x1 + 1 <= 4 * ch) heights.push(ch);
    },
    y0,
    y1,
  );
  if (heights.length < 50) return 0;
  heights.sort((a, b) => a - b);
  return heights[heights.length >> 1]!;
}

/**
 * The scale that brings the text to the height tesseract reads best (median letter component
 * `textHeight` px → about 25 px, cap height ~30 px: 10 pt text at 300 dpi): 1 when the text is
 * already between 16 and 50 px (every page rendered at 300 dpi from a page of the right size),
 * more for a page whose text is small in pixels (a scan declared larger than it is and rendered
 * small, a page rendered at a lower resolution to stay under the pixel limit), less for text drawn
 * huge. At most ×3, at least ×0.5; 1 when the height is unknown.
 */
export function textScale(textHeight: number): number {
  if (!textHeight || (textHeight >= 16 && textHeight <= 50)) return 1;
  return Math.min(3, Math.max(0.5, 25 / textHeight));
}

/** The image scaled by `f` (bilinear), its dpi scaled alike so that point coordinates stay right. */
export function scaleGray(img: GrayImage, f: number): GrayImage {
  const width = Math.max(1, Math.round(img.width * f));
  const height = Math.max(1, Math.round(img.height * f));
  const out = new Uint8Array(width * height);
  const { width: w, height: h, data } = img;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(h - 1, Math.max(0, (y + 0.5) / f - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const ty = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(w - 1, Math.max(0, (x + 0.5) / f - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const tx = sx - x0;
      const top = data[y0 * w + x0]! + (data[y0 * w + x1]! - data[y0 * w + x0]!) * tx;
      const bot = data[y1 * w + x0]! + (data[y1 * w + x1]! - data[y1 * w + x0]!) * tx;
      out[y * width + x] = Math.round(top + (bot - top) * ty);
    }
  }
  return { width, height, data: out, dpi: img.dpi * f };
}

/**
 * A 1-bit page's stair-stepped edges smoothed (3×3 binomial filter, in place): the page renderer
 * enlarges a 150 or 200 dpi black-and-white scan by repeating pixels, so every stroke edge is a
 * staircase of 2 × 2 blocks; the filter gives the edges gray levels as a gray scan has them.
 */
export function smoothEdges(img: GrayImage): void {
  const { width: w, height: h, data } = img;
  const tmp = new Uint16Array(w * h);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    for (let x = 0; x < w; x++) tmp[r + x] = data[r + Math.max(0, x - 1)]! + 2 * data[r + x]! + data[r + Math.min(w - 1, x + 1)]!;
  }
  for (let y = 0; y < h; y++) {
    const up = Math.max(0, y - 1) * w;
    const dn = Math.min(h - 1, y + 1) * w;
    const r = y * w;
    for (let x = 0; x < w; x++) data[r + x] = (tmp[up + x]! + 2 * tmp[r + x]! + tmp[dn + x]! + 8) >> 4;
  }
}
