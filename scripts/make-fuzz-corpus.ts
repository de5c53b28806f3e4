/**
 * Hostile and damaged report files (issue 18), generated with a fixed seed into a folder of the
 * caller's choice (a temp dir: the large ones are never committed).
 *
 *   npx tsx scripts/make-fuzz-corpus.ts <dir> [--full]
 *
 * `fast` (the default, used by test/fuzz.test.ts) keeps every class but at sizes that audit in well
 * under a second each; `full` (bench/fuzz.ts) makes the classes at the sizes of issue 18: 5,000 blank
 * pages, a page tree listing one page 100,000 times, 1,000,000 nested `q`, 1,000,000 text operations
 * on one line, a content stream inflating to 2 GB, 50,000 percentages in one paragraph, 20,000
 * budget lines, 50,000 tiny tables, 10 MB of empty lines, 20,000 × 20,000 pages... Plus, in both:
 * truncated and bit-flipped PDFs, encodings (UTF-16 LE/BE, Latin-1, CR line ends, NUL bytes) and
 * mutated seeds.
 *
 * Every case says what it must end as: `findings` (an audit), `error` with a reason id, or `any`
 * (findings or an error row; never an internal error).
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { prng } from './prng.js';

export type Scale = 'fast' | 'full';

export interface FuzzCase {
  /** File name inside the corpus folder. */
  name: string;
  /** The class of hostile input (several cases may share one). */
  kind: string;
  file: string;
  expect: { outcome: 'findings' } | { outcome: 'error'; reason: string | string[] } | { outcome: 'any' };
  /** Slow at full size: run by bench/fuzz.ts only (fast tests use the small version). */
  slow?: boolean;
  /** Goes to OCR (rendering + tesseract): only the bench runs it. */
  ocr?: boolean;
  /**
   * pdfjs leaves a rejection of its own unhandled on it (src/ingest/pdfjs-guard.ts): the fast test
   * audits it through the CLI, in-process and in a batch worker, since a test runner in the same
   * process would report that rejection itself.
   */
  strayRejection?: boolean;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 18_2026;

// --- a minimal PDF writer ---------------------------------------------------------------------

type Obj = string | Buffer;

/** Objects 1..n (object 1 is the catalog), with a correct xref table and trailer. */
export function buildPdf(objs: Obj[], extraTrailer = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(at);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(b);
    at += b.length;
  });
  const xref = [`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R ${extraTrailer}>>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const stream = (dict: string, data: Buffer, flate = true): Buffer => {
  const body = flate ? zlib.deflateSync(data) : data;
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${body.length}${flate ? ' /Filter /FlateDecode' : ''} >>\nstream\n`, 'latin1'), body, Buffer.from('\nendstream', 'latin1')]);
};

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/** One page per content stream: catalog 1, pages 2, font 3, then page/content pairs. */
function pagesPdf(contents: Buffer[], box = '0 0 595 842', pageExtra = ''): Buffer {
  const objs: Obj[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', FONT];
  const kids: string[] = [];
  for (const c of contents) {
    const pageNo = objs.length + 1;
    kids.push(`${pageNo} 0 R`);
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [${box}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageNo + 1} 0 R ${pageExtra}>>`);
    objs.push(stream('', c));
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  return buildPdf(objs);
}

const textPage = (lines: string[]): Buffer =>
  Buffer.from(`BT /F1 11 Tf 14 TL 56 780 Td ${lines.map((l) => `(${l.replace(/[()\\]/g, '\\$&')}) Tj T*`).join(' ')} ET`, 'latin1');

/** A deflate stream of `total` spaces, made chunk by chunk (the generator never holds `total` bytes). */
async function deflatedSpaces(total: number): Promise<Buffer> {
  const d = zlib.createDeflate({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((res, rej) => {
    d.on('end', res);
    d.on('error', rej);
  });
  const chunk = Buffer.alloc(Math.min(total, 16 << 20), 0x20);
  for (let left = total; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    if (!d.write(part)) await new Promise((r) => d.once('drain', r));
  }
  d.end();
  await done;
  return Buffer.concat(out);
}

// --- mutations ----------------------------------------------------------------------------------

function flipBits(b: Buffer, flips: number, rnd: () => number): Buffer {
  const out = Buffer.from(b);
  for (let i = 0; i < flips; i++) {
    const at = 16 + Math.floor(rnd() * (out.length - 16)); // keep the header so it is still a PDF
    out[at]! ^= 1 << Math.floor(rnd() * 8);
  }
  return out;
}

function mutateText(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const l of lines) {
    const r = rnd();
    if (r < 0.03) continue; // line lost
    if (r < 0.06) out.push(l, l); // line doubled
    else if (r < 0.12) out.push(l.replace(/\d/g, (d) => (rnd() < 0.2 ? String(Math.floor(rnd() * 10)) : d)));
    else if (r < 0.14) out.push(l.replace(/\t/g, () => (rnd() < 0.5 ? '  ' : '\t\t')));
    else if (r < 0.15) out.push(l.slice(0, Math.floor(rnd() * l.length)));
    else if (r < 0.16) out.push(`${l}${'<'.repeat(1 + Math.floor(rnd() * 5))}td${'>'.repeat(Math.floor(rnd() * 2))}`);
    else out.push(l);
  }
  return out.join('\n');
}

// --- the corpus ---------------------------------------------------------------------------------

export async function makeFuzzCorpus(dir: string, scale: Scale = 'fast'): Promise<FuzzCase[]> {
  await mkdir(dir, { recursive: true });
  const full = scale === 'full';
  const rnd = prng(SEED);
  const cases: FuzzCase[] = [];
  const add = async (name: string, kind: string, data: Buffer | string, expect: FuzzCase['expect'], extra: Partial<FuzzCase> = {}) => {
    const file = path.join(dir, name);
    await writeFile(file, data);
    cases.push({ name, kind, file, expect, ...extra });
  };
  const any = { outcome: 'any' } as const;
  const err = (reason: string | string[]) => ({ outcome: 'error', reason }) as const;
  const findings = { outcome: 'findings' } as const;

  const seedDir = path.join(ROOT, 'fixtures/seeds');
  const seeds = (await readdir(seedDir)).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
  const seedText = await readFile(path.join(seedDir, seeds[0]!), 'utf8');
  const seedPdfs = [path.join(ROOT, 'fixtures/pdf/libreoffice', seeds[0]!.replace('.txt', '.pdf')), path.join(ROOT, 'fixtures/pdf/pdfkit', seeds[1]!.replace('.txt', '.pdf'))];

  // ---- PDF: structure and content-stream classes
  const blank = full ? 5000 : 60;
  await add(`blank-pages-${blank}.pdf`, 'blank-pages', pagesPdf(Array.from({ length: blank }, () => Buffer.alloc(0))), err(full ? 'too-many-pages' : 'empty'), { slow: full });
  // under the page limit: blank pages cost nothing (no rendering, no OCR), the one page of text is read
  await add('blank-pages-with-text.pdf', 'blank-pages', pagesPdf([...Array.from({ length: full ? 1999 : 40 }, () => Buffer.alloc(0)), textPage([...seedText.split('\n').slice(0, 60)])]), any, { slow: full });

  const repeats = full ? 100_000 : 20_000;
  await add(
    `page-tree-repeat-${repeats}.pdf`,
    'page-tree-repeat',
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${'4 0 R '.repeat(repeats)}] /Count ${repeats} >>`,
      FONT,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
      stream('', textPage(['Tabel 1', 'No\tIndikator\tTarget'])),
    ]),
    err('too-many-pages'),
  );
  await add(
    'page-tree-loop.pdf',
    'page-tree-repeat',
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 2 >>',
      FONT,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
      stream('', textPage(['BAB I PENDAHULUAN'])),
    ]),
    any,
  );

  const nest = full ? 1_000_000 : 2_000;
  await add(`nested-q-${nest}.pdf`, 'nested-q', pagesPdf([Buffer.concat([Buffer.from('q '.repeat(nest)), textPage(['BAB I PENDAHULUAN']), Buffer.from(' Q'.repeat(nest))])]), any);

  const ops = full ? 1_000_000 : 25_000;
  await add(`text-ops-${ops}.pdf`, 'text-ops-one-line', pagesPdf([Buffer.from(`BT /F1 8 Tf 20 700 Td ${'(1) Tj 0.1 0 Td '.repeat(ops)}ET`)]), err('page-too-large'));

  // a content stream that inflates to 2 GB (fast: 80 MB; both over the default stream limit)
  const bomb = full ? 2 * 1024 ** 3 : 80 * 1024 ** 2;
  {
    const body = await deflatedSpaces(bomb);
    const content = Buffer.concat([Buffer.from(`<< /Length ${body.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), body, Buffer.from('\nendstream', 'latin1')]);
    await add(
      `inflate-bomb-${Math.round(bomb / 1024 ** 2)}mb.pdf`,
      'inflate-bomb',
      buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', FONT, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>', content]),
      err('stream-too-large'),
      { slow: full },
    );
  }

  // huge pages: rendered scaled down for OCR, never "Create skia surface failed"
  const rect = Buffer.from('0 0 0 rg 100 100 400 300 re f');
  await add('mediabox-20000.pdf', 'huge-page', pagesPdf([rect], '0 0 20000 20000'), any, { ocr: true });
  await add('userunit-huge.pdf', 'huge-page', pagesPdf([rect], '0 0 595 842', '/UserUnit 75000 '), any, { ocr: true });
  await add('mediabox-20000-text.pdf', 'huge-page', pagesPdf([textPage(seedText.split('\n').slice(0, 40))], '0 0 20000 20000'), any);

  // ---- PDF: damaged seeds
  for (const [i, p] of seedPdfs.entries()) {
    const bytes = await readFile(p);
    for (const frac of full ? [0.02, 0.3, 0.7, 0.995] : [0.3, 0.995]) {
      await add(`truncated-${i}-${Math.round(frac * 1000)}.pdf`, 'truncated', bytes.subarray(0, Math.floor(bytes.length * frac)), any);
    }
    for (const flips of full ? [1, 8, 64, 512] : [1, 64]) await add(`bitflip-${i}-${flips}.pdf`, 'bit-flips', flipBits(bytes, flips, rnd), any);
  }

  // the smallest form of a bit-flipped seed that crashed a batch worker (bitflip-1-512.pdf at full
  // size): a page tree whose second kid is not a dictionary and whose third does not parse
  // ("Invalid number"); pdfjs fetches every kid ahead and leaves the third fetch's rejection unhandled
  await add(
    'page-tree-broken-kids.pdf',
    'bit-flips',
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [4 0 R 6 0 R 7 0 R] /Count 3 >>',
      FONT,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
      stream('', textPage(['BAB I PENDAHULUAN'])),
      '42',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 -I] /Contents 5 0 R >>',
    ]),
    err('truncated'),
    { strayRejection: true },
  );

  // ---- text classes
  const head = seedText.split('\n').slice(0, 700).join('\n');
  const pcts = full ? 50_000 : 500;
  const pctPara = Array.from({ length: pcts }, (_, i) => `indikator ${i + 1} mencapai ${(50 + ((i * 37) % 5000) / 100).toFixed(2).replace('.', ',')}%`).join(', ');
  await add(`percentages-${pcts}.txt`, 'percentages-one-paragraph', `${head}\n\nCapaian kinerja: ${pctPara}.\n`, any);

  const rows = full ? 20_000 : 300;
  await add(`html-unclosed-${rows}.txt`, 'unclosed-html-table', `${head}\n<table>\n${Array.from({ length: rows }, (_, i) => `<tr><td>${i + 1}</td><td>Indikator ${i}</td><td>${i % 100},5%`).join('\n')}\n`, any);
  await add(`html-unclosed-many-${rows}.txt`, 'unclosed-html-table', `${head}\n${Array.from({ length: rows }, (_, i) => `<table><tr><td>${i}</td><td>x</td></tr>`).join('\n')}\n`, any);

  const budget = full ? 20_000 : 200;
  {
    const lines = ['**Tabel 3.8', 'REALISASI ANGGARAN PER PROGRAM TAHUN 2023**', '', 'NO.\tPROGRAM/KEGIATAN/SUB KEGIATAN\tPAGU\tREALISASI\t%'];
    const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    for (let p = 0; p < budget / 10; p++) {
      lines.push(`\tProgram : Program Nomor ${p + 1} Urusan ${p * 7919}\t${fmt(9_000_000)}\t${fmt(8_100_000)}\t90,00%`);
      for (let k = 0; k < 3; k++) {
        lines.push(`${k + 1}\tKegiatan : Kegiatan ${p}-${k} Pelayanan ${p * 31 + k}\t${fmt(3_000_000)}\t${fmt(2_700_000)}\t90,00%`);
        for (let s = 0; s < 2; s++) lines.push(`\tSub Kegiatan ${p}-${k}-${s} Penyediaan Jasa ${(p * 17 + k * 5 + s) % 997}\t${fmt(1_500_000)}\t${fmt(1_350_000 + (s ? 1000 : 0))}\t90,00%`);
      }
    }
    await add(`budget-${budget}.txt`, 'distinct-budget-lines', `${head}\n\n${lines.join('\n')}\n`, any);
  }

  const empties = full ? 10 * 1024 * 1024 - 1 : 100_000;
  await add(`empty-lines-${empties}.txt`, 'empty-lines', '\n'.repeat(empties), err('empty'), { slow: full });
  await add(`empty-lines-then-report.txt`, 'empty-lines', `${'\n'.repeat(full ? 5_000_000 : 600_000)}${head}`, err('too-many-lines'));

  const tiny = full ? 50_000 : 5_001;
  await add(
    `tiny-tables-${tiny}.txt`,
    'tiny-tables',
    `${head}\n${Array.from({ length: tiny }, (_, i) => `Tabel ${i + 1}\nNo\tIndikator\tTarget\tRealisasi\tCapaian\n1\tIndikator ${i}\t90%\t${80 + (i % 20)}%\t${((80 + (i % 20)) / 0.9).toFixed(2).replace('.', ',')}%\n`).join('\n')}`,
    err('too-many-tables'),
  );
  const longLine = full ? 9_000_000 : 90_000;
  // over limits.maxLineChars at full size (a million numbers on one line)
  await add(`long-line-${longLine}.txt`, 'long-line', `${head}\n${'1.234,5% '.repeat(longLine / 9)}\n`, full ? err('line-too-long') : any);
  const r = full ? 50_000 : 2_000;
  await add('regex-shaped.txt', 'regex-shaped', `${head}\n${'('.repeat(r)}\n${'1.'.repeat(2 * r)}\n${'Rp '.repeat(r)}\n${'%'.repeat(2 * r)}\n${'<td>'.repeat(r)}\n${'| '.repeat(r)}|\n${'**'.repeat(r)}\n`, any);

  // ---- encodings
  const bom16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]);
  await add('utf16le.txt', 'encoding', bom16le, findings);
  const be = Buffer.from(seedText, 'utf16le');
  for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
  await add('utf16be.txt', 'encoding', Buffer.concat([Buffer.from([0xfe, 0xff]), be]), findings);
  await add('latin1.txt', 'encoding', Buffer.from(seedText.replace(/Kecamatan/g, 'Kecamatan Désa'), 'latin1'), findings);
  await add('cr-line-ends.txt', 'encoding', seedText.replace(/\r?\n/g, '\r'), findings);
  await add('nul-bytes.txt', 'encoding', `\0${seedText}`, err('binary'));
  await add('nul-scattered.txt', 'encoding', seedText.replace(/\n/g, (m) => (rnd() < 0.01 ? '\0\n' : m)), any);
  await add('nul-late.txt', 'encoding', `${seedText}\n\0\0\0\n`, any);

  // ---- mutated seeds
  for (const [i, s] of seeds.entries()) {
    const text = await readFile(path.join(seedDir, s), 'utf8');
    for (let k = 0; k < (full ? 4 : 1); k++) await add(`mutated-${i}-${k}.txt`, 'mutated-seed', mutateText(text, rnd), any);
  }
  return cases;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: tsx scripts/make-fuzz-corpus.ts <dir> [--full]');
    process.exit(2);
  }
  const cases = await makeFuzzCorpus(dir, process.argv.includes('--full') ? 'full' : 'fast');
  // the expectations go to stdout, not into the folder (a batch over the folder audits every file in it)
  console.log(JSON.stringify(cases.map(({ file: _f, ...c }) => c), null, 1));
  console.error(`${cases.length} files in ${dir}`);
}
