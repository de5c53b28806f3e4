/**
 * Page preparation on the degraded fixtures (issue 13), without OCR: per page, the skew the
 * pipeline estimates against the angle the fixture was turned by (residual), whether uneven light
 * was divided out, specks removed, and the milliseconds of each step on the 300 dpi render.
 *
 *   npx tsx bench/ocr-prepare.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPdfjs, pdfjsDataDirs } from '../src/ingest/pdf.js';
import { canvasFactoryOf, estimateSkew, renderPageGray, rotateGray } from '../src/ingest/ocr/render.js';
import { despeckle, estimateTextHeight, findPhotoPage, flattenLight, rectify, smoothEdges, stretchInk, textScale } from '../src/ingest/ocr/prepare.js';
import { detectDottedRules, isBitonal } from '../src/ingest/ocr/rules.js';
import { DEGRADED_DIR, SPECS, profileOf } from '../scripts/make-degraded-fixtures.js';

const pdfjs = await loadPdfjs();
const residuals: number[] = [];
const ms = { render: 0, textHeight: 0, photo: 0, light: 0, skew: 0, rotate: 0, despeckle: 0 };
// steps that run on 1-bit pages only: ms summed over those pages
const bit = { pages: 0, dotted: 0, smooth: 0 };
let pages = 0;
for (const spec of SPECS) {
  const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(path.join(DEGRADED_DIR, `${spec.seed}.pdf`))), ...pdfjsDataDirs(), verbosity: 0 });
  const doc = await task.promise;
  for (let i = 0; i < spec.pages.length; i++) {
    const prof = profileOf(spec.seed, spec.pages[i]!);
    const page = await doc.getPage(i + 1);
    let t = performance.now();
    let img = await renderPageGray(canvasFactoryOf(doc), page, 300);
    ms.render += performance.now() - t;
    page.cleanup();
    const bitonal = isBitonal(img);
    t = performance.now();
    const textHeight = estimateTextHeight(img);
    ms.textHeight += performance.now() - t;
    t = performance.now();
    const quad = findPhotoPage(img);
    if (quad) img = rectify(img, quad);
    ms.photo += performance.now() - t;
    t = performance.now();
    const light = flattenLight(img);
    const stretched = stretchInk(img);
    ms.light += performance.now() - t;
    t = performance.now();
    const skew = estimateSkew(img);
    ms.skew += performance.now() - t;
    t = performance.now();
    if (Math.abs(skew) >= 0.05) img = rotateGray(img, -skew);
    ms.rotate += performance.now() - t;
    t = performance.now();
    const specks = despeckle(img);
    ms.despeckle += performance.now() - t;
    let dotted = 0;
    if (bitonal) {
      bit.pages++;
      t = performance.now();
      dotted = detectDottedRules(img).length;
      bit.dotted += performance.now() - t;
      t = performance.now();
      smoothEdges(img);
      bit.smooth += performance.now() - t;
    }
    const res = skew - prof.angle;
    if (!prof.photo) residuals.push(Math.abs(res));
    if (process.env.DUMP && quad) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`/tmp/rectified-${spec.seed.slice(0, 3)}-${spec.pages[i]}.pgm`, Buffer.concat([Buffer.from(`P5\n${img.width} ${img.height}\n255\n`), Buffer.from(img.data)]));
    }
    pages++;
    console.log(
      `${spec.seed.slice(0, 3)} p${spec.pages[i]} ${prof.id.padEnd(10)} turned ${prof.angle.toFixed(2)}° estimated ${skew.toFixed(2)}° residual ${res.toFixed(2)}°${prof.photo ? ' (perspective)' : ''}${quad ? ` photo page at ${quad.map((p) => p.map(Math.round).join(',')).join(' ')}` : ''}; paper ${light.paperMin}..${light.paperMax}${light.flattened ? ' flattened' : ''}${stretched ? ', ink stretched' : ''}; ${specks} specks; text height ${textHeight} px (scale ${textScale(textHeight)})${bitonal ? `; 1-bit: ${dotted} dotted rules` : ''}`,
    );
  }
  await task.destroy();
}
residuals.sort((a, b) => a - b);
console.log(`\nskew residual (scanned pages, ${residuals.length}): max ${residuals[residuals.length - 1]!.toFixed(2)}°, median ${residuals[residuals.length >> 1]!.toFixed(2)}°; under 0.1°: ${residuals.filter((r) => r < 0.1).length}/${residuals.length}`);
if (bit.pages) console.log(`1-bit pages (${bit.pages}), ms per page: dotted rules ${(bit.dotted / bit.pages).toFixed(0)}, edge smoothing ${(bit.smooth / bit.pages).toFixed(0)}`);
console.log(`ms per page: ${Object.entries(ms).map(([k, v]) => `${k} ${(v / pages).toFixed(0)}`).join(', ')}`);
