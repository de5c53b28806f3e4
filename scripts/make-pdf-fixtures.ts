/**
 * Build the PDF fixtures of the seed reports (fixtures/seeds/*.txt) in two ways:
 *
 *   fixtures/pdf/libreoffice/<seed>.pdf   HTML with real <table>s (vertically centred cells), tables
 *                                         with 9+ columns on landscape pages, converted by LibreOffice
 *   fixtures/pdf/pdfkit/<seed>.pdf        the same blocks laid out and drawn by pdfkit with ruling
 *                                         lines; landscape pages are /Rotate 90 pages
 *   fixtures/pdf/invalid/encrypted.pdf    pdfkit, user password "rahasia" (RC4, PDF 1.4)
 *   fixtures/pdf/invalid/no-pages.pdf     pdfkit, a document with no page
 *   (random bytes, truncated and empty files are made by the tests themselves)
 *
 * Regenerate (Debian/Ubuntu; tests only read the committed PDFs and never need LibreOffice):
 *
 *   apt-get update && apt-get install -y libreoffice-writer-nogui   # once, ~300 MB
 *   npx tsx scripts/make-pdf-fixtures.ts                # both producers, all seeds
 *   npx tsx scripts/make-pdf-fixtures.ts --only pdfkit  # pdfkit only (no LibreOffice needed)
 *   npx tsx scripts/make-pdf-fixtures.ts --only libreoffice 000_c0a7f8c5d5d194b0
 *
 * LibreOffice path: HTML → Flat ODT (soffice, HTML (StarWriter) import) → page styles patched
 * (landscape master page, page breaks, running header, page-number footer; LibreOffice's HTML import
 * ignores CSS named pages) → PDF (soffice). Each soffice run gets its own
 * -env:UserInstallation profile directory under a temp dir. Output is made deterministic by
 * overwriting /CreationDate, /ModDate, the trailer /ID and /DocChecksum with fixed values of the same length
 * (xref offsets stay valid). pdfkit output is deterministic with a fixed CreationDate.
 * Tested with LibreOffice 7.4.7.2 (Debian 12) and pdfkit 0.20.2.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import { blocksToHtml, patchFodt } from './pdf-fixtures/html.js';
import { blocksToPdfkit } from './pdf-fixtures/pdfkit-render.js';
import { parseSeed } from './pdf-fixtures/seed.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = path.join(ROOT, 'fixtures/seeds');
const OUT = path.join(ROOT, 'fixtures/pdf');

function runningTitle(seedText: string, name: string): string {
  const m = /Kecamatan\s+([A-Z][a-z]+)/.exec(seedText);
  const y = /Tahun\s+(20\d\d)/i.exec(seedText);
  return m ? `Laporan Kinerja Kecamatan ${m[1]}${y ? ' Tahun ' + y[1] : ''}` : `Dokumen ${name}`;
}

function soffice(args: string[], profile: string, cwd: string) {
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000,
  });
}

/** Fixed dates, document id and checksum, same byte length, so the xref table stays valid. */
export function fixPdfDates(pdf: Buffer): Buffer {
  let s = pdf.toString('latin1');
  s = s.replace(/\/(CreationDate|ModDate)\s*\((D:[^)]*)\)/g, (_m, k: string, d: string) => {
    const fixed = 'D:20240101000000Z'.padEnd(d.length, ' ').slice(0, d.length);
    return `/${k}(${fixed})`;
  });
  s = s.replace(/\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]/g, (m, a: string, b: string) =>
    m.replace(a, '0'.repeat(a.length)).replace(b, '0'.repeat(b.length)),
  );
  s = s.replace(/\/DocChecksum\s*\/([0-9A-Fa-f]+)/g, (m, h: string) => m.replace(h, '0'.repeat(h.length)));
  return Buffer.from(s, 'latin1');
}

function makeLibreOffice(name: string, title: string, html: string): Buffer {
  const tmp = mkdtempSync(path.join(tmpdir(), 'lkip-lo-'));
  try {
    const profile = path.join(tmp, 'profile');
    writeFileSync(path.join(tmp, `${name}.html`), html);
    soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'fodt:OpenDocument Text Flat XML', `${name}.html`], profile, tmp);
    const fodt = readFileSync(path.join(tmp, `${name}.fodt`), 'utf8');
    writeFileSync(path.join(tmp, `${name}-p.fodt`), patchFodt(fodt, title));
    soffice(['--convert-to', 'pdf:writer_pdf_Export', `${name}-p.fodt`], profile, tmp);
    return fixPdfDates(readFileSync(path.join(tmp, `${name}-p.pdf`)));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function makeInvalid() {
  const dir = path.join(OUT, 'invalid');
  mkdirSync(dir, { recursive: true });
  const info = { Producer: 'pdfkit', Creator: 'make-pdf-fixtures', CreationDate: new Date(Date.UTC(2024, 0, 1)) };
  const render = (doc: InstanceType<typeof PDFDocument>) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      doc.on('data', (c) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.end();
    });
  const enc = new PDFDocument({ pdfVersion: '1.4', userPassword: 'rahasia', ownerPassword: 'pemilik', info });
  enc.text('Dokumen rahasia', 72, 72);
  writeFileSync(path.join(dir, 'encrypted.pdf'), await render(enc));
  writeFileSync(path.join(dir, 'no-pages.pdf'), await render(new PDFDocument({ autoFirstPage: false, info })));
  console.log('invalid      encrypted.pdf, no-pages.pdf');
}

async function main() {
  const argv = process.argv.slice(2);
  const onlyIdx = argv.indexOf('--only');
  const only = onlyIdx >= 0 ? argv[onlyIdx + 1] : undefined;
  const names = argv.filter((a, i) => !a.startsWith('--') && (onlyIdx < 0 || i !== onlyIdx + 1));
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .filter((n) => names.length === 0 || names.includes(n))
    .sort();
  for (const producer of ['libreoffice', 'pdfkit'] as const) {
    if (only && only !== producer) continue;
    mkdirSync(path.join(OUT, producer), { recursive: true });
  }
  if (!only || only === 'pdfkit') await makeInvalid();
  for (const name of seeds) {
    const text = readFileSync(path.join(SEEDS, `${name}.txt`), 'utf8');
    const blocks = parseSeed(text);
    const title = runningTitle(text, name);
    if (!only || only === 'pdfkit') {
      const t0 = Date.now();
      const pdf = await blocksToPdfkit(title, blocks);
      writeFileSync(path.join(OUT, 'pdfkit', `${name}.pdf`), pdf);
      console.log(`pdfkit       ${name}.pdf ${(pdf.length / 1024).toFixed(0)} KB ${Date.now() - t0} ms`);
    }
    if (!only || only === 'libreoffice') {
      const t0 = Date.now();
      const pdf = makeLibreOffice(name, title, blocksToHtml(title, blocks));
      writeFileSync(path.join(OUT, 'libreoffice', `${name}.pdf`), pdf);
      console.log(`libreoffice  ${name}.pdf ${(pdf.length / 1024).toFixed(0)} KB ${Date.now() - t0} ms`);
    }
  }
}

await main();
