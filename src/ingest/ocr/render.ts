/**
 * Page rendering for OCR and for the scanned fixtures: pdfjs renders through the document's own
 * `canvasFactory` (so pdfjs and @napi-rs/canvas come from the same copy), the pixels become an
 * 8-bit gray image. Also: skew estimation and correction, and PGM encoding (tesseract reads PNM
 * without decompression work, faster than PNG).
 */
import { MAX_RENDER_PIXELS, MAX_RENDER_SIDE } from '../../model/limits.js';

/** 8-bit gray raster, row-major, one byte per pixel (0 = black). */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
  /** Pixels per inch the page was rendered at. */
  dpi: number;
}

interface CanvasAndContext {
  canvas: { width: number; height: number; encodeSync?: (f: 'jpeg', q?: number) => Uint8Array; data?: () => Uint8Array } | null;
  context: {
    setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    putImageData(img: unknown, x: number, y: number): void;
    createImageData(w: number, h: number): { data: Uint8ClampedArray };
  } | null;
}

interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(cc: CanvasAndContext): void;
}

/** The parts of a pdfjs page this module uses (kept structural so tests can pass fakes). */
export interface RenderablePage {
  getViewport(o: { scale: number }): { width: number; height: number };
  render(o: Record<string, unknown>): { promise: Promise<void> };
}

export function canvasFactoryOf(doc: unknown): CanvasFactory {
  const f = (doc as { canvasFactory?: CanvasFactory }).canvasFactory;
  if (!f) throw new Error('pdfjs document has no canvasFactory');
  return f;
}

/**
 * The resolution a page is rendered at: `dpi`, or less for a page so large (a 20,000-point MediaBox,
 * a huge UserUnit) that the image would pass `maxPixels` or `maxSide`: scaled down, never refused.
 * `size1` is the page's size at scale 1 (72 dpi).
 */
export function renderDpi(size1: { width: number; height: number }, dpi: number, maxPixels = MAX_RENDER_PIXELS, maxSide = MAX_RENDER_SIDE): number {
  const w = Math.max(1e-6, size1.width);
  const h = Math.max(1e-6, size1.height);
  const s = dpi / 72;
  const fit = Math.min(1, maxSide / (w * s), maxSide / (h * s), Math.sqrt(maxPixels / (w * s * h * s)));
  return fit >= 1 ? dpi : Math.max(1e-3, dpi * fit * 0.999);
}

/**
 * Render a page at `dpi` on white and return it as gray; a page too large for that is rendered at
 * the resolution `renderDpi` allows (the image says its own `dpi`, so point coordinates stay right).
 * The canvas is released before returning.
 */
export async function renderPageGray(factory: CanvasFactory, page: RenderablePage, wantDpi: number, maxPixels = MAX_RENDER_PIXELS): Promise<GrayImage> {
  const dpi = renderDpi(page.getViewport({ scale: 1 }), wantDpi, maxPixels);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.max(1, Math.ceil(viewport.width));
  const height = Math.max(1, Math.ceil(viewport.height));
  const cc = factory.create(width, height);
  try {
    const ctx = cc.context!;
    await page.render({ canvasContext: ctx, canvas: cc.canvas, viewport, background: 'white' }).promise;
    const rgba = rawRgba(cc, width, height);
    const data = new Uint8Array(width * height);
    for (let i = 0, j = 0; j < data.length; i += 4, j++) {
      // integer luma (BT.601), alpha ignored (background is white)
      data[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
    }
    return { width, height, data, dpi };
  } finally {
    factory.destroy(cc);
  }
}

/**
 * The canvas's pixels as RGBA. @napi-rs/canvas hands out its raw pixels (`canvas.data()`: RGBA,
 * premultiplied, which on an opaque page is the same bytes) several times faster than
 * `getImageData`, which converts every pixel; a browser canvas has only `getImageData`.
 */
function rawRgba(cc: CanvasAndContext, width: number, height: number): Uint8Array | Uint8ClampedArray {
  const raw = cc.canvas?.data?.();
  if (raw && raw.length === width * height * 4) return raw;
  const ctx = cc.context!;
  // @napi-rs/canvas 0.1.x applies the current transform to getImageData: reset it first.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return ctx.getImageData(0, 0, width, height).data;
}

/** Binary PGM (P5): tesseract/leptonica reads it without decoding work. */
export function toPgm(img: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}

/**
 * Rotate a gray image by `deg` degrees (positive = clockwise on screen) about its centre, same
 * size, white fill, bilinear sampling.
 */
export function rotateGray(img: GrayImage, deg: number): GrayImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h).fill(255);
  const a = (-deg * Math.PI) / 180; // inverse mapping
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    let sx = cx + -dy * sin - cx * cos; // x = 0
    let sy = cy + dy * cos - cx * sin;
    for (let x = 0; x < w; x++, sx += cos, sy += sin) {
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
 * Estimate the skew of a page (degrees, positive = content rotated clockwise) by the projection
 * profile of dark pixels: text lines and rules give the sharpest profile when level. Searches
 * ±maxDeg on a downsampled image; returns 0 for blank pages.
 */
export function estimateSkew(img: GrayImage, maxDeg = 2, step = 0.05, threshold = 140): number {
  // ~75 dpi working resolution, and never more than ~1 Mpx (a page rendered scaled down has a low
  // dpi but as many pixels as any other)
  const f = Math.max(1, Math.round(img.dpi / 75), Math.ceil(Math.sqrt((img.width * img.height) / 1e6)));
  const pts: number[] = [];
  for (let y = 0; y < img.height; y += f) {
    const row = y * img.width;
    for (let x = 0; x < img.width; x += f) if (img.data[row + x]! < threshold) pts.push(x / f, y / f);
  }
  if (pts.length < 200) return 0;
  const H = Math.ceil(img.height / f) + 1;
  const Wd = Math.ceil(img.width / f);
  const score = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    const bins = new Float64Array(H + Wd + 2);
    const off = Math.ceil(Math.abs(t) * Wd) + 1;
    for (let i = 0; i < pts.length; i += 2) {
      // content rotated clockwise by deg: a level line has y - x·tan(deg) constant
      const yy = Math.round(pts[i + 1]! - pts[i]! * t) + off;
      if (yy >= 0 && yy < bins.length) bins[yy]!++;
    }
    let s = 0;
    for (let i = 1; i < bins.length; i++) {
      const d = bins[i]! - bins[i - 1]!;
      s += d * d;
    }
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = step; d <= maxDeg + 1e-9; d += step) {
    for (const deg of [d, -d]) {
      const s = score(deg);
      if (s > bestScore * 1.0001) {
        bestScore = s;
        best = deg;
      }
    }
  }
  return Math.round(best * 100) / 100;
}
