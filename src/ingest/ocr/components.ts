/**
 * Connected ink components of a gray image (8-connected, ink < `threshold`), one pass with an
 * explicit stack: the shared step of despeckling, dotted-rule finding and the text-height estimate
 * (ocr/prepare.ts, ocr/rules.ts).
 */
import type { GrayImage } from './render.js';

/** One component: bounding box (inclusive), pixel count and the sum of its pixels' x. */
export interface InkComponent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  n: number;
  sx: number;
}

/** Calls `each` for every component within rows y0..y1-1 (default the whole image). */
export function forEachComponent(img: GrayImage, threshold: number, each: (c: InkComponent) => void, y0 = 0, y1 = img.height): void {
  const { width: w, data } = img;
  const seen = new Uint8Array(w * (y1 - y0));
  let stack = new Int32Array(1 << 16);
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < w; x++) {
      const start = (y - y0) * w + x;
      if (seen[start] || data[y * w + x]! >= threshold) continue;
      let sp = 0;
      stack[sp++] = start;
      seen[start] = 1;
      const c: InkComponent = { x1: x, x2: x, y1: y, y2: y, n: 0, sx: 0 };
      while (sp) {
        const p = stack[--sp]!;
        const px = p % w;
        const py = ((p / w) | 0) + y0;
        if (px < c.x1) c.x1 = px;
        if (px > c.x2) c.x2 = px;
        if (py < c.y1) c.y1 = py;
        if (py > c.y2) c.y2 = py;
        c.n++;
        c.sx += px;
        for (let dy = -1; dy <= 1; dy++) {
          const ny = py + dy;
          if (ny < y0 || ny >= y1) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const nx = px + dx;
            if (nx < 0 || nx >= w) continue;
            const q = (ny - y0) * w + nx;
            if (!seen[q] && data[ny * w + nx]! < threshold) {
              seen[q] = 1;
              if (sp === stack.length) {
                const grown = new Int32Array(stack.length * 2);
                grown.set(stack);
                stack = grown;
              }
              stack[sp++] = q;
            }
          }
        }
      }
      each(c);
    }
  }
}
