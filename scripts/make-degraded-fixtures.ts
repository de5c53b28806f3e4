/**
 * Degraded scanned fixtures (issue 13): image-only PDFs made from the born-digital seed PDFs the way
 * kecamatan really send them: 150–200 dpi, gray or bitonal, JPEG q40–70, turned by -2°..+2°,
 * speckle, uneven light, and one photographed page (perspective, shadow, a table top around it).
 * Same pages as the clean scanned fixtures (scripts/make-scanned-fixtures.ts: the PK, Tabel 3.1,
 * Tabel 3.8 and budget pages, the number-dense ones), each page with its own profile (PROFILES,
 * assigned in PAGE_PROFILES), so that one bench run covers every kind of damage and the
 * cross-page findings (PK against Tabel 3.1) are still there to reproduce.
 *
 * Seeded randomness (sha256 of `<seed>:<page>:<profile>`, mulberry32), fixed dates: the files are
 * byte-identical on every run.
 *
 *   npx tsx scripts/make-degraded-fixtures.ts            # writes fixtures/degraded/*.pdf + MANIFEST.md
 *   npx tsx scripts/make-degraded-fixtures.ts --check    # regenerates in memory, compares hashes
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import { loadPdfjs, pdfjsDataDirs } from '../src/ingest/pdf.js';
import { homography } from '../src/ingest/ocr/prepare.js';
import { canvasFactoryOf, renderPageGray, rotateGray, type GrayImage } from '../src/ingest/ocr/render.js';
import { prng } from './prng.js';
import { SOURCE_DIR, SPECS, type ScanSpec } from './make-scanned-fixtures.js';

export const DEGRADED_DIR = 'fixtures/degraded';
export { SOURCE_DIR, SPECS };

export interface Profile {
  id: string;
  /** What it imitates, for the manifest. */
  what: string;
  dpi: 150 | 200;
  mode: 'gray' | 'bitonal';
  /** JPEG quality (gray pages); bitonal pages are stored as 1-bit Flate images, as scanners do. */
  quality: number;
  /** Rotation in degrees (positive = clockwise). */
  angle: number;
  /** Noise standard deviation (gray levels). */
  noise: number;
  /** Dark specks per million pixels (at scan resolution). */
  specks: number;
  /** Darkest paper / lightest paper factor of the uneven light (1 = even). */
  light: number;
  /** Photographed: perspective (corner displacement, share of the page) and a shadow. */
  photo?: { keystone: number; shadow: number };
}

export const PROFILES: Record<string, Profile> = {
  office200: { id: 'office200', what: 'office scanner default PDF: 200 dpi gray, JPEG q60', dpi: 200, mode: 'gray', quality: 60, angle: 0.6, noise: 5, specks: 40, light: 1 },
  cheap150: { id: 'cheap150', what: 'the cheap way: 150 dpi gray, turned ~1°, light speckle, JPEG q45', dpi: 150, mode: 'gray', quality: 45, angle: -1.1, noise: 6, specks: 60, light: 1 },
  bitonal200: { id: 'bitonal200', what: '200 dpi bitonal (1-bit), turned -2°, speckle', dpi: 200, mode: 'bitonal', quality: 0, angle: -2, noise: 8, specks: 80, light: 1 },
  bitonal150: { id: 'bitonal150', what: '150 dpi bitonal (1-bit), turned +1.4°, speckle', dpi: 150, mode: 'bitonal', quality: 0, angle: 1.4, noise: 8, specks: 60, light: 1 },
  q40tilt: { id: 'q40tilt', what: '200 dpi gray, JPEG q40, turned +2°, speckle, uneven light', dpi: 200, mode: 'gray', quality: 40, angle: 2, noise: 6, specks: 80, light: 0.72 },
  dim150: { id: 'dim150', what: '150 dpi gray, JPEG q70, turned -0.4°, strong uneven light (lid not closed)', dpi: 150, mode: 'gray', quality: 70, angle: -0.4, noise: 5, specks: 30, light: 0.6 },
  worn200: { id: 'worn200', what: '200 dpi gray, JPEG q50, turned -1.6°, heavy speckle (dirty glass, copied copy)', dpi: 200, mode: 'gray', quality: 50, angle: -1.6, noise: 7, specks: 200, light: 0.85 },
  photo: { id: 'photo', what: 'phone photo: perspective, shadow over a corner, table top around the page, ~150 dpi, JPEG q55', dpi: 150, mode: 'gray', quality: 55, angle: 0.8, noise: 6, specks: 0, light: 0.8, photo: { keystone: 0.035, shadow: 0.5 } },
};

/** Profile of each source page: `<seed>:<page>` → profile id (every page of SPECS has one). */
export const PAGE_PROFILES: Record<string, string> = {
  '000_c0a7f8c5d5d194b0:12': 'photo',
  '000_c0a7f8c5d5d194b0:13': 'cheap150',
  '000_c0a7f8c5d5d194b0:23': 'office200',
  '000_c0a7f8c5d5d194b0:24': 'bitonal150',
  '000_c0a7f8c5d5d194b0:35': 'q40tilt',
  '001_52d9b2e308fc893f:16': 'dim150',
  '001_52d9b2e308fc893f:17': 'bitonal200',
  '001_52d9b2e308fc893f:35': 'worn200',
  '003_0f39aaca0575dd68:11': 'office200',
  '003_0f39aaca0575dd68:12': 'q40tilt',
  '003_0f39aaca0575dd68:23': 'cheap150',
  '003_0f39aaca0575dd68:24': 'dim150',
  '004_9ed3a231d27ded37:9': 'bitonal150',
  '004_9ed3a231d27ded37:10': 'cheap150',
  '004_9ed3a231d27ded37:14': 'worn200',
  '004_9ed3a231d27ded37:16': 'bitonal200',
};

export const profileOf = (seed: string, page: number): Profile => PROFILES[PAGE_PROFILES[`${seed}:${page}`] ?? 'office200']!;

function seedOf(s: string): number {
  return createHash('sha256').update(s).digest().readUInt32LE(0);
}

/** A sample of N(0,1) (sum of uniforms; enough for scanner noise). */
const gauss = (rand: () => number) => (rand() + rand() + rand() + rand() - 2) * 1.732;

/**
 * Photographed: the page drawn through a perspective (each corner pulled in by up to `keystone` of
 * the page size, seeded) onto a darker table top, bilinear. Output has the page's size.
 */
function photograph(img: GrayImage, keystone: number, rand: () => number): GrayImage {
  const { width: w, height: h } = img;
  const k = (s: number) => s * keystone * (0.5 + rand());
  // where the page's corners land (tl, tr, br, bl): top edge narrower, as when the phone is tilted
  const dst = [
    [k(w) + 0.02 * w, k(h) + 0.015 * h],
    [w - k(w) - 0.02 * w, k(h) * 0.6 + 0.015 * h],
    [w - k(w) * 0.3 - 0.01 * w, h - k(h) * 0.5 - 0.01 * h],
    [k(w) * 0.4 + 0.01 * w, h - k(h) * 0.3 - 0.012 * h],
  ] as const;
  const src = [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ] as const;
  // homography dst → src (inverse mapping), from the 4 correspondences
  const H = homography(dst, src);
  const out = new Uint8Array(w * h);
  const d = img.data;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const z = H[6]! * x + H[7]! * y + 1;
      const sx = (H[0]! * x + H[1]! * y + H[2]!) / z;
      const sy = (H[3]! * x + H[4]! * y + H[5]!) / z;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[y * w + x] = 70 + ((x * 7 + y * 13) % 11); // table top
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = d[i]! + (d[i + 1]! - d[i]!) * fx;
      const bot = d[i + w]! + (d[i + w + 1]! - d[i + w]!) * fx;
      out[y * w + x] = top + (bot - top) * fy;
    }
  }
  // a phone's optics: slight blur (3×3 box)
  const blurred = out.slice();
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      blurred[i] = (out[i - w - 1]! + out[i - w]! + out[i - w + 1]! + out[i - 1]! + out[i]! + out[i + 1]! + out[i + w - 1]! + out[i + w]! + out[i + w + 1]!) / 9;
    }
  }
  return { width: w, height: h, data: blurred, dpi: img.dpi };
}

/**
 * Scanner/camera look on a gray image in place: toner not black, paper not white, uneven light (a
 * smooth field from `light` to 1 across the page, seeded direction), a shadow for photos, noise,
 * dark specks; bitonal pages are thresholded at the end, as a scanner's 1-bit mode does.
 */
function degrade(img: GrayImage, p: Profile, rand: () => number): void {
  const { width: w, height: h, data: d } = img;
  const toner = 22 + rand() * 12;
  const paper = 226 + rand() * 14;
  // uneven light: brightest at a seeded point, darker away from it (lid not closed, lamp ageing)
  const lx = rand() * w;
  const ly = rand() * h;
  const far = Math.hypot(Math.max(lx, w - lx), Math.max(ly, h - ly));
  // shadow of the phone / hand: a soft-edged half plane over one corner
  const sh = p.photo?.shadow ?? 0;
  const ang = rand() * Math.PI * 2;
  const nx = Math.cos(ang);
  const ny = Math.sin(ang);
  const cut = 0.35 * Math.hypot(w, h);
  const soft = 0.06 * Math.hypot(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      let v = toner + (d[i]! * (paper - toner)) / 255;
      if (p.light < 1) v *= 1 - (1 - p.light) * (Math.hypot(x - lx, y - ly) / far) ** 1.5;
      if (sh) {
        const s = ((x - w / 2) * nx + (y - h / 2) * ny - cut) / soft;
        v *= 1 - sh / (1 + Math.exp(-s));
      }
      v += gauss(rand) * p.noise;
      d[i] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }
  }
  const specks = Math.round((w * h * p.specks) / 1e6);
  for (let k = 0; k < specks; k++) {
    const x = Math.floor(rand() * (w - 4));
    const y = Math.floor(rand() * (h - 4));
    const r = rand() < 0.75 ? 1 : rand() < 0.8 ? 2 : 3;
    const ink = 30 + Math.floor(rand() * 60);
    for (let dy = 0; dy < r; dy++) for (let dx = 0; dx < r; dx++) if (r < 3 || rand() < 0.8) d[(y + dy) * w + x + dx] = ink;
  }
  if (p.mode === 'bitonal') for (let i = 0; i < d.length; i++) d[i] = d[i]! < 150 ? 0 : 255;
}

function jpegOf(factory: ReturnType<typeof canvasFactoryOf>, img: GrayImage, quality: number): Uint8Array {
  const cc = factory.create(img.width, img.height);
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
    return cc.canvas!.encodeSync!('jpeg', quality);
  } finally {
    factory.destroy(cc);
  }
}

/** 1-bit rows (MSB first, 1 = white, DeviceGray), padded to whole bytes. */
function packBits(img: GrayImage): Uint8Array {
  const stride = Math.ceil(img.width / 8);
  const out = new Uint8Array(stride * img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) if (img.data[y * img.width + x]! >= 128) out[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
  }
  return out;
}

export async function makeDegradedPdf(spec: ScanSpec): Promise<Uint8Array> {
  const pdfjs = await loadPdfjs();
  const src = new Uint8Array(readFileSync(path.join(SOURCE_DIR, `${spec.seed}.pdf`)));
  const task = pdfjs.getDocument({ data: src, ...pdfjsDataDirs(), cMapPacked: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
  const out = await PDFDocument.create();
  const fixed = new Date(Date.UTC(2026, 0, 1));
  out.setCreationDate(fixed);
  out.setModificationDate(fixed);
  out.setProducer('lkip-audit scripts/make-degraded-fixtures.ts (pdf-lib)');
  out.setCreator('lkip-audit');
  out.setTitle(`${spec.name} (degraded scan subset)`);
  try {
    const doc = await task.promise;
    const factory = canvasFactoryOf(doc);
    for (const n of spec.pages) {
      const page = await doc.getPage(n);
      try {
        const vp = page.getViewport({ scale: 1 });
        const prof = profileOf(spec.seed, n);
        const rand = prng(seedOf(`${spec.seed}:${n}:${prof.id}`));
        let img = await renderPageGray(factory, page, prof.dpi);
        img = rotateGray(img, prof.angle);
        if (prof.photo) img = photograph(img, prof.photo.keystone, rand);
        degrade(img, prof, rand);
        const p = out.addPage([vp.width, vp.height]);
        if (prof.mode === 'bitonal') {
          const stream = out.context.flateStream(packBits(img), {
            Type: 'XObject',
            Subtype: 'Image',
            Width: img.width,
            Height: img.height,
            ColorSpace: 'DeviceGray',
            BitsPerComponent: 1,
          });
          const ref = out.context.register(stream);
          const name = p.node.newXObject('Im', ref);
          p.pushOperators(pushGraphicsState(), concatTransformationMatrix(vp.width, 0, 0, vp.height, 0, 0), drawObject(name), popGraphicsState());
        } else {
          const image = await out.embedJpg(jpegOf(factory, img, prof.quality));
          p.drawImage(image, { x: 0, y: 0, width: vp.width, height: vp.height });
        }
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
  mkdirSync(DEGRADED_DIR, { recursive: true });
  const rows: string[] = [];
  let bad = 0;
  for (const spec of SPECS) {
    const t0 = performance.now();
    const bytes = await makeDegradedPdf(spec);
    const file = path.join(DEGRADED_DIR, `${spec.seed}.pdf`);
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
    const pages = spec.pages.map((n) => `${n} ${profileOf(spec.seed, n).id}`).join(', ');
    rows.push(`| \`${spec.seed}.pdf\` | ${spec.name} | ${pages} | ${spec.holds} | ${(bytes.length / 1024).toFixed(0)} KB | \`${hash}\` | \`${srcHash}\` |`);
  }
  if (check) {
    process.exitCode = bad ? 1 : 0;
    return;
  }
  const profRows = Object.values(PROFILES).map(
    (p) =>
      `| \`${p.id}\` | ${p.what} | ${p.dpi} | ${p.mode} | ${p.mode === 'bitonal' ? '1-bit Flate' : `JPEG q${p.quality}`} | ${p.angle > 0 ? '+' : ''}${p.angle}° | ${p.noise} | ${p.specks} | ${p.light} | ${p.photo ? `keystone ${p.photo.keystone}, shadow ${p.photo.shadow}, 3×3 blur` : '–'} |`,
  );
  const md = `# Degraded scanned fixtures (issue 13)

Image-only PDFs made from the born-digital seed PDFs in \`${SOURCE_DIR}/\` by
\`scripts/make-degraded-fixtures.ts\`: the same pages as \`fixtures/scanned/\` (the number-dense ones:
PK, Tabel 3.1, Tabel 3.8, budget tables), but scanned the way kecamatan really send them. Each page
has its own profile, so one bench run (\`bench/ocr-accuracy.ts --set degraded\`) covers every kind of
damage and the findings across pages (PK against Tabel 3.1) are still there to reproduce.

Each page: rendered with pdfjs-dist + @napi-rs/canvas at the profile's resolution, gray; turned by the
profile's angle (bilinear, about the centre); for the photographed page drawn through a perspective
onto a table top and blurred; then toner/paper levels (seeded, toner 22–34, paper 226–240), uneven
light (brightness falls towards \`light\` away from a seeded point), the photo's shadow (a soft-edged
dark half plane), noise N(0, noise) and dark specks (1–3 px, per million pixels); bitonal pages
thresholded at 150 and stored as 1-bit Flate images (as a scanner's black-and-white mode does),
gray pages as JPEG. One image per page, at the original page size (pdf-lib). Randomness seeded per
page (sha256 of \`<seed>:<page>:<profile>\`, mulberry32), dates fixed: byte-identical on every run
(\`npx tsx scripts/make-degraded-fixtures.ts --check\`).

| profile | imitates | dpi | mode | stored | turned | noise σ | specks /Mpx | light | photo |
|---|---|---|---|---|---|---|---|---|---|
${profRows.join('\n')}

| file | report | source page and profile | what they hold | size | sha256 | source PDF sha256 |
|---|---|---|---|---|---|---|
${rows.join('\n')}

Page numbers are pages of the born-digital PDF (1-based); the degraded PDF has them in this order.
The reference for the bench is the born-digital PDF of the same pages.
`;
  writeFileSync(path.join(DEGRADED_DIR, 'MANIFEST.md'), md);
}

if (process.argv[1]?.endsWith('make-degraded-fixtures.ts')) {
  await main();
}
