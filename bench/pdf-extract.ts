/**
 * PDF ingest bench: for every PDF fixture (fixtures/pdf/<producer>/<seed>.pdf)
 *   - speed: pages/second of pdfToDocument (open + text + ruling lines + layout) against bare pdfjs
 *     (open + getTextContent of every page), same bytes, same process, after a warm-up; best of
 *     --runs runs each (interleaved, so load from other processes hits both alike);
 *   - row parity: share of the seed's table rows (tab-separated lines with 2+ non-empty cells) that
 *     come out of the PDF as a row with exactly the same cells (text normalised: inline markup
 *     stripped, whitespace collapsed, trailing empty cells ignored), and how many PDF rows are
 *     extra (match no seed row);
 *   - prose parity: share of the seed's prose lines found as one whole PDF line (paragraphs joined);
 *   - end to end: pdfToDocument + the audit (parse + rules) against the same bare getTextContent;
 *   - finding parity: `findingParity` below (text-path findings of the seed vs PDF-path findings,
 *     matched by rule, category, reported and expected value). SHOW_FINDINGS=1 lists the differences,
 *     SHOW_MISSING=n the first n seed rows not found in the PDF.
 *
 * Run: npx tsx bench/pdf-extract.ts [--runs 5] [filter]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { formatExpected } from '../src/audit/format.js';
import { fileURLToPath } from 'node:url';
import { auditDocument } from '../src/audit/index.js';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import type { Config } from '../src/model/config.js';
import type { Document } from '../src/model/document.js';
import type { Finding } from '../src/model/finding.js';
import { loadPdfjs, pdfjsDataDirs, pdfToDocument } from '../src/ingest/pdf.js';
import { cleanInline } from '../scripts/pdf-fixtures/seed.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface FindingParity {
  /** Share of text-path findings the PDF path reproduces (0..1). */
  reproduced: number;
  /** PDF-path findings with no text-path counterpart, as a share of text-path findings. */
  extra: number;
}

/** Line and page references inside messages/values differ between the paths: mask them. */
const maskLocations = (s: string) => s.replace(/\b(baris|line|lines|hal\.?|halaman|page|p\.)\s*\d+(\s*[,–-]\s*\d+)*/gi, '$1 #').replace(/\s+/g, ' ').trim();
/** What identifies a finding across the two paths (rule, category, values; not the location). */
export const findingKey = (f: Finding) => [f.ruleId, f.category, maskLocations(f.reported), maskLocations(formatExpected(f.expected, 'id'))].join('\u241f');

let config: Config | null = null;
/** The audit of one Document with the default config (the same call the CLI makes). */
export function auditFindings(doc: Document): Finding[] {
  config ??= loadConfig();
  return auditDocument(doc, config).findings;
}

/**
 * Finding parity: the audit on the text path's Document of `seedFile` against the audit on `pdfDoc`,
 * findings matched by `findingKey` (multiset). This is the plug-in point for the acceptance
 * numbers; change `findingKey` if findings should match more loosely.
 */
export async function findingParity(seedFile: string, pdfDoc: Document): Promise<FindingParity & { text: number; pdf: number; missing: Finding[]; extraFindings: Finding[] }> {
  const textFindings = auditFindings(textToDocument(seedFile, readFileSync(seedFile, 'utf8')));
  const pdfFindings = auditFindings(pdfDoc);
  const pool = new Map<string, Finding[]>();
  for (const f of pdfFindings) pool.set(findingKey(f), [...(pool.get(findingKey(f)) ?? []), f]);
  const missing: Finding[] = [];
  let matched = 0;
  for (const f of textFindings) {
    const list = pool.get(findingKey(f));
    if (list?.length) {
      list.pop();
      matched++;
    } else missing.push(f);
  }
  const extraFindings = [...pool.values()].flat();
  const n = Math.max(1, textFindings.length);
  return { reproduced: textFindings.length ? matched / n : 1, extra: extraFindings.length / n, text: textFindings.length, pdf: pdfFindings.length, missing, extraFindings };
}

const normCell = (s: string) => cleanInline(s).replace(/\s+/g, ' ').trim();
const rowKey = (cells: string[]) => {
  const c = cells.map(normCell);
  while (c.length && c[c.length - 1] === '') c.pop();
  return c.join('\u241f');
};

/** Row parity between the seed text's tab rows and the PDF Document's table rows. */
export function rowParity(seedText: string, doc: Document) {
  const want = new Map<string, number>();
  let total = 0;
  for (const line of seedText.split('\n')) {
    if (!line.includes('\t')) continue;
    const cells = line.split('\t');
    if (cells.filter((c) => normCell(c)).length < 2) continue;
    const k = rowKey(cells);
    want.set(k, (want.get(k) ?? 0) + 1);
    total++;
  }
  let matched = 0;
  let extra = 0;
  for (const l of doc.lines) {
    if (!l.cells || l.cells.filter((c) => c.text.trim()).length < 2) continue;
    const k = rowKey(l.cells.map((c) => c.text));
    const n = want.get(k) ?? 0;
    if (n > 0) {
      want.set(k, n - 1);
      matched++;
    } else extra++;
  }
  return { total, matched, extra, missing: [...want.entries()].filter(([, n]) => n > 0).map(([k]) => k.split('\u241f')) };
}

/** Prose parity: share of the seed's prose lines (cleaned, headings' # removed) found as a whole PDF line. */
export function proseParity(seedText: string, doc: Document) {
  const have = new Map<string, number>();
  for (const l of doc.lines) if (!l.cells) have.set(normCell(l.text), (have.get(normCell(l.text)) ?? 0) + 1);
  let total = 0;
  let matched = 0;
  for (const line of seedText.split('\n')) {
    if (line.includes('\t')) continue;
    const t = normCell(line.replace(/^#{1,6}\s+/, ''));
    if (!t) continue;
    total++;
    const n = have.get(t) ?? 0;
    if (n > 0) {
      have.set(t, n - 1);
      matched++;
    }
  }
  return { total, matched };
}

async function bareGetTextContent(bytes: Uint8Array): Promise<number> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), ...pdfjsDataDirs(), cMapPacked: true, isEvalSupported: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent();
      page.cleanup();
    }
    return doc.numPages;
  } finally {
    await task.destroy();
  }
}

/** Best of the runs: the least disturbed by other load on the machine. */
const best = (a: number[]) => Math.min(...a);

async function main() {
  const argv = process.argv.slice(2);
  const ri = argv.indexOf('--runs');
  const runs = ri >= 0 ? Number(argv[ri + 1]) : 5;
  const filter = argv.find((a, i) => !a.startsWith('--') && (ri < 0 || i !== ri + 1));
  const files: { producer: string; seed: string; file: string }[] = [];
  const pdfDir = path.join(ROOT, 'fixtures/pdf');
  for (const producer of readdirSync(pdfDir, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'invalid').map((d) => d.name).sort())
    for (const f of readdirSync(path.join(ROOT, 'fixtures/pdf', producer)).sort())
      if (f.endsWith('.pdf') && (!filter || `${producer}/${f}`.includes(filter)))
        files.push({ producer, seed: f.replace(/\.pdf$/, ''), file: path.join(ROOT, 'fixtures/pdf', producer, f) });

  // Warm-up: load pdfjs and JIT both paths once.
  const first = files[0];
  if (first) {
    const b = new Uint8Array(readFileSync(first.file));
    await bareGetTextContent(b);
    await pdfToDocument(first.file, b);
  }

  const rows: string[][] = [['producer', 'seed', 'pages', 'bare p/s', 'ingest p/s', 'ratio', 'e2e p/s', 'e2e ratio', 'rows ok', 'rows extra', 'prose ok', 'findings text→pdf', 'reproduced', 'extra']];
  const tot = { pages: 0, bare: 0, ours: 0, e2e: 0, text: 0, matched: 0, extra: 0 };
  for (const { producer, seed, file } of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const tb: number[] = [];
    const to: number[] = [];
    const te: number[] = [];
    let pages = 0;
    let doc: Document | null = null;
    for (let r = 0; r < runs; r++) {
      // Alternate the order so neither path always runs on a warmer heap.
      for (const which of r % 2 ? ['ours', 'bare'] : ['bare', 'ours']) {
        const t0 = performance.now();
        if (which === 'bare') pages = await bareGetTextContent(bytes);
        else {
          doc = await pdfToDocument(file, bytes);
          (to as number[]).push(performance.now() - t0);
          auditFindings(doc);
          te.push(performance.now() - t0);
          continue;
        }
        tb.push(performance.now() - t0);
      }
    }
    const mb = best(tb);
    const mo = best(to);
    const me = best(te);
    tot.pages += pages;
    tot.bare += mb;
    tot.ours += mo;
    tot.e2e += me;
    const seedFile = path.join(ROOT, 'fixtures/seeds', `${seed}.txt`);
    const par = rowParity(readFileSync(seedFile, 'utf8'), doc!);
    const pp = proseParity(readFileSync(seedFile, 'utf8'), doc!);
    const fp = await findingParity(seedFile, doc!);
    rows.push([
      producer,
      seed,
      String(pages),
      ((pages * 1000) / mb).toFixed(0),
      ((pages * 1000) / mo).toFixed(0),
      (mb / mo).toFixed(2),
      ((pages * 1000) / me).toFixed(0),
      (mb / me).toFixed(2),
      `${par.matched}/${par.total} (${((100 * par.matched) / Math.max(1, par.total)).toFixed(1)}%)`,
      String(par.extra),
      `${pp.matched}/${pp.total} (${((100 * pp.matched) / Math.max(1, pp.total)).toFixed(1)}%)`,
      `${fp.text}→${fp.pdf}`,
      `${(100 * fp.reproduced).toFixed(1)}%`,
      `+${(100 * fp.extra).toFixed(1)}%`,
    ]);
    tot.text += fp.text;
    tot.matched += Math.round(fp.reproduced * fp.text);
    tot.extra += fp.extraFindings.length;
    if (process.env['SHOW_FINDINGS']) {
      for (const f of fp.missing) console.log(`  not reproduced ${producer}/${seed}: ${f.ruleId} ${f.reported} ≠ ${f.expected} (${f.message.en.slice(0, 120)})`);
      for (const f of fp.extraFindings) console.log(`  extra ${producer}/${seed}: ${f.ruleId} p${f.where.page} ${f.reported} ≠ ${f.expected} (${f.message.en.slice(0, 120)})`);
    }
    if (process.env['SHOW_MISSING']) for (const m of par.missing.slice(0, Number(process.env['SHOW_MISSING']))) console.log(`  missing ${producer}/${seed}: ${m.join(' | ').slice(0, 200)}`);
  }
  rows.push([
    'all',
    '',
    String(tot.pages),
    ((tot.pages * 1000) / tot.bare).toFixed(0),
    ((tot.pages * 1000) / tot.ours).toFixed(0),
    (tot.bare / tot.ours).toFixed(2),
    ((tot.pages * 1000) / tot.e2e).toFixed(0),
    (tot.bare / tot.e2e).toFixed(2),
    '',
    '',
    '',
    String(tot.text),
    `${((100 * tot.matched) / Math.max(1, tot.text)).toFixed(1)}%`,
    `+${((100 * tot.extra) / Math.max(1, tot.text)).toFixed(1)}%`,
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  console.log(`\nratio = ours pages/s ÷ bare getTextContent pages/s (best of ${runs} runs each, interleaved; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs)`);
  console.log('e2e = pdfToDocument + audit (parse + rules, default config); acceptance (issue): e2e ratio ≥ 0.8, reproduced ≥ 95 %, extra ≤ 5 % per producer');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
