/**
 * Scanned fixtures: image-only PDFs made from the born-digital seed PDFs the way an office scans a
 * printed report: render at 200 dpi, gray, slight rotation, noise, JPEG, one image per page
 * (pdf-lib). Seeded randomness: the output is byte-identical on every run.
 *
 *   npx tsx scripts/make-scanned-fixtures.ts            # writes fixtures/scanned/*.pdf + MANIFEST.md
 *   npx tsx scripts/make-scanned-fixtures.ts --check    # regenerates in memory, compares hashes
 *
 * Only a subset of pages per report (the pages holding the PK, Tabel 3.1 and Tabel 3.8 / the
 * budget table) keeps the fixtures small.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { loadPdfjs, pdfjsDataDirs } from '../src/ingest/pdf.js';
import { canvasFactoryOf, renderPageGray, rotateGray, type GrayImage } from '../src/ingest/ocr/render.js';
import { prng as rng } from './prng.js';

export interface ScanSpec {
  /** Seed id (file name without .pdf) under fixtures/pdf/libreoffice. */
  seed: string;
  name: string;
  /** 1-based pages of the born-digital PDF. */
  pages: number[];
  holds: string;
}

export const SOURCE_DIR = 'fixtures/pdf/libreoffice';
export const OUT_DIR = 'fixtures/scanned';
export const SCAN_DPI = 200;
export const JPEG_QUALITY = 50;

export const SPECS: ScanSpec[] = [
  { seed: '000_c0a7f8c5d5d194b0', name: 'Balung 2023', pages: [12, 13, 23, 24, 35], holds: 'p12 PK (Bab II), p13 Tabel 3.1, p23–24 Tabel 3.8, p35 PK Perubahan (lampiran)' },
  { seed: '001_52d9b2e308fc893f', name: 'Bangsalsari 2024', pages: [16, 17, 35], holds: 'p16 PK + PK budget, p17 PK Perubahan + Tabel 3.1, p35 Tabel 3.8' },
  { seed: '003_0f39aaca0575dd68', name: 'Kencong 2023', pages: [11, 12, 23, 24], holds: 'p11 PK + PK budget, p12 Tabel 3.1, p23–24 Tabel 3.8' },
  { seed: '004_9ed3a231d27ded37', name: 'Jelbuk 2021', pages: [9, 10, 14, 16], holds: 'p9 PK, p10 Tabel 3.1–3.4, p14 budget table (Bab III), p16 PK Perubahan (lampiran)' },
];

export { prng as rng } from './prng.js';

function seedOf(s: string): number {
  return createHash('sha256').update(s).digest().readUInt32LE(0);
}

/** Scanner look: toner not quite black, paper not quite white, gaussian-ish noise, a few specks. */
function degrade(img: GrayImage, rand: () => number): void {
  const d = img.data;
  for (let i = 0; i < d.length; i++) {
    const v = 18 + (d[i]! * (236 - 18)) / 255; // contrast range of a cheap scan
    const n = (rand() + rand() + rand() - 1.5) * 10; // ~N(0, 5)
    d[i] = Math.max(0, Math.min(255, Math.round(v + n)));
  }
  const specks = Math.round((img.width * img.height) / 40000);
  for (let k = 0; k < specks; k++) {
    const x = Math.floor(rand() * (img.width - 3));
    const y = Math.floor(rand() * (img.height - 3));
    const r = rand() < 0.7 ? 1 : 2;
    for (let dy = 0; dy < r; dy++) for (let dx = 0; dx < r; dx++) d[(y + dy) * img.width + x + dx] = 40;
  }
}

export async function makeScannedPdf(spec: ScanSpec): Promise<Uint8Array> {
  const pdfjs = await loadPdfjs();
  const src = new Uint8Array(readFileSync(path.join(SOURCE_DIR, `${spec.seed}.pdf`)));
  const task = pdfjs.getDocument({ data: src, ...pdfjsDataDirs(), cMapPacked: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
  const out = await PDFDocument.create();
  const fixed = new Date(Date.UTC(2026, 0, 1));
  out.setCreationDate(fixed);
  out.setModificationDate(fixed);
  out.setProducer('lkip-audit scripts/make-scanned-fixtures.ts (pdf-lib)');
  out.setCreator('lkip-audit');
  out.setTitle(`${spec.name} (scanned subset)`);
  try {
    const doc = await task.promise;
    const factory = canvasFactoryOf(doc);
    for (const n of spec.pages) {
      const page = await doc.getPage(n);
      try {
        const vp = page.getViewport({ scale: 1 });
        const rand = rng(seedOf(`${spec.seed}:${n}`));
        const angle = (rand() * 2 - 1) * 0.6;
        let img = await renderPageGray(factory, page, SCAN_DPI);
        img = rotateGray(img, angle);
        degrade(img, rand);
        const cc = factory.create(img.width, img.height);
        let jpg: Uint8Array;
        try {
          const ctx = cc.context!;
          ctx.setTransform(1, 0, 0, 1, 0, 0);
          const id = ctx.createImageData(img.width, img.height);
          for (let i = 0, j = 0; i < img.data.length; i++, j += 4) {
            const v = img.data[i]!;
            id.data[j] = v;
            id.data[j + 1] = v;
            id.data[j + 2] = v;
            id.data[j + 3] = 255;
          }
          ctx.putImageData(id, 0, 0);
          jpg = cc.canvas!.encodeSync!('jpeg', JPEG_QUALITY);
        } finally {
          factory.destroy(cc);
        }
        const image = await out.embedJpg(jpg);
        const p = out.addPage([vp.width, vp.height]);
        p.drawImage(image, { x: 0, y: 0, width: vp.width, height: vp.height });
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await task.destroy();
  }
  return out.save({ useObjectStreams: false });
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function main() {
  const check = process.argv.includes('--check');
  mkdirSync(OUT_DIR, { recursive: true });
  const rows: string[] = [];
  let bad = 0;
  for (const spec of SPECS) {
    const t0 = performance.now();
    const bytes = await makeScannedPdf(spec);
    const file = path.join(OUT_DIR, `${spec.seed}.pdf`);
    const hash = sha256(bytes);
    if (check) {
      const old = sha256(new Uint8Array(readFileSync(file)));
      if (old !== hash) bad++;
      console.log(`${file}: ${old === hash ? 'identical' : 'DIFFERS'}`);
    } else {
      writeFileSync(file, bytes);
      console.log(`${file}: ${spec.pages.length} pages, ${(bytes.length / 1024).toFixed(0)} KB, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const srcHash = sha256(new Uint8Array(readFileSync(path.join(SOURCE_DIR, `${spec.seed}.pdf`))));
    rows.push(
      `| \`${spec.seed}.pdf\` | ${spec.name} | ${spec.pages.join(', ')} | ${spec.holds} | ${(bytes.length / 1024).toFixed(0)} KB | \`${hash}\` | \`${srcHash}\` |`,
    );
  }
  if (check) {
    process.exitCode = bad ? 1 : 0;
    return;
  }
  const md = `# Scanned fixtures

Image-only PDFs (no text layer) made from the born-digital seed PDFs in \`${SOURCE_DIR}/\` by
\`scripts/make-scanned-fixtures.ts\`, to exercise the OCR path (issue 5). Each page: rendered with
pdfjs-dist + @napi-rs/canvas at ${SCAN_DPI} dpi, gray, rotated by a seeded angle in ±0.6°, contrast
squeezed (toner 18, paper 236), noise (~N(0,5)) and specks, JPEG quality ${JPEG_QUALITY}, embedded one
image per page with pdf-lib at the original page size. Randomness is seeded per page
(sha256 of \`<seed>:<page>\`, mulberry32), dates fixed: the files are byte-identical on every run
(\`npx tsx scripts/make-scanned-fixtures.ts --check\`).

Page numbers are pages of the born-digital PDF (1-based); the scanned PDF has them in this order.

| file | report | source pages | what they hold | size | sha256 | source PDF sha256 |
|---|---|---|---|---|---|---|
${rows.join('\n')}

Source: \`${SOURCE_DIR}/<file>\` (LibreOffice rendering of the seed text exports in \`fixtures/seeds/\`,
made by \`scripts/make-pdf-fixtures.ts\`). Seed 002 has no tables and is not scanned. If those source
PDFs are regenerated (their sha256 above changes), check that the page numbers still hold the same
tables before rerunning this script.

Used by \`test/ingest-ocr.test.ts\` (two pages) and \`bench/ocr-*.ts\` (all pages; the reference for
accuracy is the born-digital PDF of the same pages).
`;
  writeFileSync(path.join(OUT_DIR, 'MANIFEST.md'), md);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('make-scanned-fixtures.ts')) {
  await main();
}
