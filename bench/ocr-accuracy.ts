/**
 * OCR accuracy on the scanned fixtures (issue 5), against the born-digital PDF of the same pages
 * (the text path):
 *  - numeric-cell accuracy: numeric cells of the text path's table rows, matched to OCR cells by
 *    box overlap, exact text (spaces ignored), as OCR read them ("before repair") and as the audit
 *    reads them ("after": the parser's corrections of OCR readings that keep the cells in place,
 *    parse/ocr-words.ts correctOcrReadings, e.g. a row number `11` read `1.1` by its table's
 *    outline, then the arithmetic repairs);
 *  - findings: share of the text path's findings the OCR path reproduces (same rule, page, and
 *    printed or expected value), and OCR findings of error severity the text path does not make
 *    ("false errors"), before and after repair.
 *
 *   npx tsx bench/ocr-accuracy.ts            # OCR results cached in the temp folder
 *   OCR_BENCH_FRESH=1 npx tsx bench/ocr-accuracy.ts
 *   npx tsx bench/ocr-accuracy.ts --set degraded [--only 000] [--workers 1]
 *
 * `--set degraded`: the fixtures of scripts/make-degraded-fixtures.ts (issue 13: 150/200 dpi,
 * bitonal, turned up to 2°, speckle, uneven light, a photographed page), with a breakdown per
 * degradation profile. A cell is matched by box overlap, or, where the page's geometry no longer
 * matches (a photographed page's perspective), by its place in the page's sequence of cells (longest
 * common subsequence of the cell texts in reading order).
 */
import path from 'node:path';
import { runRules } from '../src/audit/engine.js';
import { formatExpected } from '../src/audit/format.js';
import { loadConfig } from '../src/cli/config.js';
import { pdfToDocument } from '../src/ingest/pdf.js';
import { createOcrPool, type OcrPool } from '../src/ingest/ocr/tesseract.js';
import type { Box, Document } from '../src/model/document.js';
import type { Finding } from '../src/model/finding.js';
import { parseReport } from '../src/parse/index.js';
import { correctOcrReadings } from '../src/parse/ocr-words.js';
import { parseValue } from '../src/parse/numbers.js';
import { repairReport, type Repair } from '../src/parse/repair.js';
import { reviewOcrFindings } from '../src/audit/review.js';
import { OUT_DIR, SOURCE_DIR, SPECS } from '../scripts/make-scanned-fixtures.js';
import { DEGRADED_DIR, profileOf } from '../scripts/make-degraded-fixtures.js';
import { newStats, ocrCached, pickPages, squash } from './ocr-common.js';

const config = loadConfig();
const arg = (k: string) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SET = arg('--set') ?? 'scanned';
const DIR = SET === 'degraded' ? DEGRADED_DIR : OUT_DIR;
const ONLY = arg('--only');
const PAGE = arg('--page');
const WORKERS = arg('--workers') ? Number(arg('--workers')) : undefined;
const NUMERIC = /^(Rp\.?)?\d[\d.,]*(%|,-)?$/;
/** Row numbering ("1.", "2", "1.1") in the first two columns: not a value. */
const NUMBERING = /^\d{1,2}(\.\d{1,2})*\.?$/;

function iou(a: Box, b: Box): number {
  const x1 = Math.max(a.x, b.x);
  const y1 = Math.max(a.y, b.y);
  const x2 = Math.min(a.x + a.w, b.x + b.w);
  const y2 = Math.min(a.y + a.h, b.y + b.h);
  if (x2 <= x1 || y2 <= y1) return 0;
  const i = (x2 - x1) * (y2 - y1);
  return i / (a.w * a.h + b.w * b.h - i);
}

interface CellScore {
  /** Per page of the subset: [right, total] (value cells and numbering). */
  pages: Map<number, [number, number]>;
  total: number;
  correct: number;
  misses: string[];
  /** Without row numbering cells. */
  values: number;
  valuesCorrect: number;
  /** Value cells whose number (as the parser reads it) is right, whatever the spelling. */
  sameNumber: number;
}

function numericCells(ref: Document, ocr: Document): CellScore {
  const score: CellScore = { pages: new Map(), total: 0, correct: 0, misses: [], values: 0, valuesCorrect: 0, sameNumber: 0 };
  const aligned = alignedCells(ref, ocr);
  for (const l of ref.lines) {
    if (!l.cells) continue;
    for (const [i, c] of l.cells.entries()) {
      const t = squash(c.text);
      if (!c.box || !NUMERIC.test(t)) continue;
      const isValue = !(i < 2 && NUMBERING.test(t));
      score.total++;
      if (isValue) score.values++;
      let best: { text: string; v: number } | null = null;
      for (const o of ocr.lines) {
        if (o.page !== l.page || !o.cells) continue;
        for (const oc of o.cells) {
          if (!oc.box) continue;
          const v = iou(c.box, oc.box);
          if (v > (best?.v ?? 0.3)) best = { text: oc.text, v };
        }
      }
      const src = { file: '', page: null, line: 0 };
      const a = parseValue(c.text, src);
      const b = best ? parseValue(best.text, src) : null;
      if (isValue && b && a.value !== null && a.value === b.value) score.sameNumber++;
      const pg = score.pages.get(l.page ?? 0) ?? [0, 0];
      score.pages.set(l.page ?? 0, pg);
      pg[1]++;
      // no cell at the same place (perspective, a shifted table): the cell in the same place of the
      // page's sequence of cells
      if (!best && aligned.has(c)) best = { text: aligned.get(c)!, v: 0 };
      if (best && squash(best.text) === t) {
        pg[0]++;
        score.correct++;
        if (isValue) score.valuesCorrect++;
      } else score.misses.push(`p${l.page} ${t} → ${best ? squash(best.text) : '∅'}${isValue ? '' : ' (numbering)'}`);
    }
  }
  return score;
}

/**
 * Numeric reference cells matched to an OCR cell with the same text in the longest common
 * subsequence of each page's cells in reading order (line order, then cell order).
 */
function alignedCells(ref: Document, ocr: Document): Map<object, string> {
  const out = new Map<object, string>();
  const pages = new Set(ref.lines.map((l) => l.page));
  for (const p of pages) {
    const a = ref.lines.filter((l) => l.page === p && l.cells).flatMap((l) => l.cells!.filter((c) => NUMERIC.test(squash(c.text))));
    const b = ocr.lines.filter((l) => l.page === p).flatMap((l) => (l.cells ?? [{ text: l.text }]).map((c) => c.text));
    const n = a.length;
    const m = b.length;
    const dp = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--) dp[i]![j] = squash(a[i]!.text) === squash(b[j]!) ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    for (let i = 0, j = 0; i < n && j < m; ) {
      if (squash(a[i]!.text) === squash(b[j]!)) {
        out.set(a[i]!, b[j]!);
        i++;
        j++;
      } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
      else j++;
    }
  }
  return out;
}

/** The OCR document with repaired values written back into their cells. */
function applyRepairs(doc: Document, repairs: Repair[]): Document {
  const out = structuredClone(doc);
  for (const r of repairs) {
    const l = out.lines.find((x) => x.line === r.where.line);
    const c = l?.cells?.find((x) => x.text.includes(r.before)) ?? l?.cells?.find((x) => squash(x.text).includes(squash(r.before)));
    if (c) c.text = c.text.includes(r.before) ? c.text.replace(r.before, r.after) : squash(c.text).replace(squash(r.before), r.after);
  }
  return out;
}

const key = (f: Finding) => `${f.ruleId} p${f.where.page} L${f.where.line} ${f.where.table ?? ''} ${f.reported} → ${formatExpected(f.expected, 'id')}${f.needsReview ? ' [review]' : ''}`;

function matchFindings(ref: Finding[], ocr: Finding[]) {
  const used = new Set<Finding>();
  const reproduced: Finding[] = [];
  const missed: Finding[] = [];
  for (const f of ref) {
    const g = ocr.find(
      (x) =>
        !used.has(x) &&
        x.ruleId === f.ruleId &&
        ((x.where.page === f.where.page && (squash(x.reported) === squash(f.reported) || (squash(formatExpected(x.expected, 'id')) === squash(formatExpected(f.expected, 'id')) && formatExpected(f.expected, 'id') !== ''))) ||
          // a drift between the same two values, reported from the other end
          (squash(x.reported) === squash(formatExpected(f.expected, 'id').split(' (')[0]!) && squash(formatExpected(x.expected, 'id').split(' (')[0]!) === squash(f.reported))),
    );
    if (g) {
      used.add(g);
      reproduced.push(f);
    } else missed.push(f);
  }
  const extra = ocr.filter((x) => !used.has(x));
  return { reproduced, missed, extra, falseErrors: extra.filter((x) => x.severity === 'error') };
}

async function main() {
  let pool: OcrPool | null = null;
  const getPool = async () => (pool ??= await createOcrPool({ workers: WORKERS }));
  const newRow = () => ({ pages: 0, cells: 0, cellsRight: 0, ref: 0, reproduced: 0, extra: 0, falseErrors: 0 });
  const byProfile: Record<string, ReturnType<typeof newRow>> = {};
  const tot = { extra: 0, ms: 0, nBefore: 0, nAfter: 0, values: 0, vBefore: 0, vAfter: 0, cells: 0, before: 0, after: 0, ref: 0, repBefore: 0, repAfter: 0, falseBefore: 0, falseAfter: 0, falseRepairOnly: 0, refErrors: 0, repairs: 0, pages: 0, cellReads: 0, unsettled: 0, cached: 0, sheets: {} as Record<string, { sheets: number; cells: number; ms: number; text: number }> };
  try {
    for (const spec of SPECS) {
      if (ONLY && !spec.seed.startsWith(ONLY)) continue;
      // --page K: only the K-th page (1-based) of the fixture, for development on one page
      const K = PAGE ? Number(PAGE) : 0;
      const refBytes = await pickPages(path.join(SOURCE_DIR, `${spec.seed}.pdf`), K ? [spec.pages[K - 1]!] : spec.pages);
      const ref = await pdfToDocument(`${spec.seed}.pdf`, refBytes);
      const refReport = parseReport(ref, config);
      const refFindings = runRules(refReport, config);
      const stats = newStats();
      const { doc: ocr0, cached } = await ocrCached(path.join(DIR, `${spec.seed}.pdf`), getPool, stats, K ? [K] : undefined);
      const ocr = { ...ocr0, file: `${spec.seed}.pdf` };
      const report = parseReport(ocr, config);
      const before = runRules(report, config);
      const { report: repaired, repairs } = repairReport(report, { doc: ocr });
      const afterRaw = runRules(repaired, config);
      // what the OCR path reports: repaired values, findings on doubtful values marked for a look
      const after = reviewOcrFindings(afterRaw, repaired, ocr);
      const mr = matchFindings(refFindings, afterRaw);
      const cellsBefore = numericCells(ref, ocr);
      const cellsAfter = numericCells(ref, applyRepairs(correctOcrReadings(ocr, config), repairs));
      const mb = matchFindings(refFindings, before);
      const ma = matchFindings(refFindings, after);
      console.log(`\n## ${spec.name} (${spec.seed}, pages ${spec.pages.join(',')})${cached ? ' [cached OCR]' : ` OCR ${(stats.totalMs / 1000).toFixed(1)} s`}`);
      console.log(`numeric cells: ${cellsBefore.correct}/${cellsBefore.total} before repair, ${cellsAfter.correct}/${cellsAfter.total} after; value cells (no numbering) ${cellsBefore.valuesCorrect}/${cellsBefore.values} before, ${cellsAfter.valuesCorrect}/${cellsAfter.values} after; same number ${cellsBefore.sameNumber}/${cellsBefore.values} before, ${cellsAfter.sameNumber}/${cellsAfter.values} after`);
      for (const m of cellsAfter.misses) console.log(`  cell miss: ${m}`);
      for (const r of repairs) console.log(`  repair: line ${r.where.line} ${r.before} → ${r.after} (conf ${r.confidence}) [${r.relations.join('; ').slice(0, 120)}]`);
      console.log(`findings: text path ${refFindings.length} (${refFindings.filter((f) => f.severity === 'error').length} errors); reproduced ${mb.reproduced.length} before / ${ma.reproduced.length} after repair; false errors ${mb.falseErrors.length} before repair / ${mr.falseErrors.length} after repair / ${ma.falseErrors.length} after repair + review marking (${after.filter((f) => f.needsReview).length} findings marked for review)`);
      for (const f of ma.missed) console.log(`  missed: ${key(f)}`);
      for (const f of ma.falseErrors) console.log(`  false error: ${key(f)}`);
      for (const f of ma.extra.filter((x) => x.severity !== 'error')) console.log(`  extra ${f.severity}: ${key(f)}`);
      if (SET === 'degraded') {
        const prof = (pg: number | null) => profileOf(spec.seed, spec.pages[(K || (pg ?? 1)) - 1]!).id;
        for (const [pg, [right, total]] of cellsAfter.pages) {
          const r = (byProfile[prof(pg)] ??= newRow());
          r.pages++;
          r.cellsRight += right;
          r.cells += total;
        }
        for (const f of refFindings) (byProfile[prof(f.where.page)] ??= newRow()).ref++;
        for (const f of ma.reproduced) byProfile[prof(f.where.page)]!.reproduced++;
        for (const f of ma.extra) {
          const r = (byProfile[prof(f.where.page)] ??= newRow());
          r.extra++;
          if (f.severity === 'error') r.falseErrors++;
        }
        if (!cached) console.log(`  page preparation: ${stats.dottedRules ?? 0} dotted rules, ${stats.dashPieces ?? 0} dash pieces erased (1-bit pages), ${stats.alignedGrids ?? 0} table grids from text alignment`);
        console.log(`  pages: ${spec.pages.map((n, i) => `${i + 1}=${profileOf(spec.seed, n).id} (skew ${stats.skew[i] ?? '?'}°)`).join(', ')}`);
      }
      tot.extra += ma.extra.length;
      tot.ms += stats.totalMs;
      tot.cells += cellsBefore.total;
      tot.values += cellsBefore.values;
      tot.vBefore += cellsBefore.valuesCorrect;
      tot.vAfter += cellsAfter.valuesCorrect;
      tot.nBefore += cellsBefore.sameNumber;
      tot.nAfter += cellsAfter.sameNumber;
      tot.before += cellsBefore.correct;
      tot.after += cellsAfter.correct;
      tot.ref += refFindings.length;
      tot.refErrors += refFindings.filter((f) => f.severity === 'error').length;
      tot.repBefore += mb.reproduced.length;
      tot.repAfter += ma.reproduced.length;
      tot.falseBefore += mb.falseErrors.length;
      tot.falseAfter += ma.falseErrors.length;
      tot.falseRepairOnly += mr.falseErrors.length;
      tot.repairs += repairs.length;
      tot.pages += spec.pages.length;
      tot.cellReads += stats.cellsReread ?? 0;
      tot.unsettled += stats.cellsUnsettled ?? 0;
      for (const [k, v] of Object.entries(stats.sheets ?? {})) {
        const t = (tot.sheets[k] ??= { sheets: 0, cells: 0, ms: 0, text: 0 });
        t.sheets += v.sheets;
        t.cells += v.cells;
        t.text += v.text;
        t.ms += v.ms;
      }
      if (cached) tot.cached++;
    }
  } finally {
    if (pool) await (pool as OcrPool).terminate();
  }
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  console.log(`\n## Total (${tot.pages} pages)`);
  console.log(`numeric-cell accuracy: ${pct(tot.before, tot.cells)} before repair (${tot.before}/${tot.cells}), ${pct(tot.after, tot.cells)} after (${tot.after}/${tot.cells}); ${tot.repairs} repairs`);
  console.log(`value-cell accuracy (row numbering excluded): ${pct(tot.vBefore, tot.values)} before repair (${tot.vBefore}/${tot.values}), ${pct(tot.vAfter, tot.values)} after (${tot.vAfter}/${tot.values})`);
  console.log(`value cells read as the right number (spelling aside, e.g. 72.21 for 72,21): ${pct(tot.nBefore, tot.values)} before repair (${tot.nBefore}/${tot.values}), ${pct(tot.nAfter, tot.values)} after (${tot.nAfter}/${tot.values})`);
  console.log(`text-path findings reproduced: ${pct(tot.repBefore, tot.ref)} before repair, ${pct(tot.repAfter, tot.ref)} after (${tot.repAfter}/${tot.ref})`);
  console.log(`extra findings (not in the text path, after repair + review marking): ${tot.extra} (${pct(tot.extra, tot.ref)} of the text path's ${tot.ref})`);
  if (!tot.cached) console.log(`OCR ingest time: ${(tot.ms / 1000 / Math.max(1, tot.pages)).toFixed(1)} s per page (${WORKERS ?? 'default'} workers)`);
  if (SET === 'degraded') {
    console.log('\nper profile: pages | numeric cells right after repair | findings reproduced | extra | false errors');
    for (const [k, r] of Object.entries(byProfile).sort()) console.log(`  ${k.padEnd(11)} ${r.pages} | ${r.cellsRight}/${r.cells} ${pct(r.cellsRight, r.cells)} | ${r.reproduced}/${r.ref} | ${r.extra} | ${r.falseErrors}`);
  }
  console.log(`false error findings caused by OCR: ${tot.falseBefore} before repair, ${tot.falseRepairOnly} after repair, ${tot.falseAfter} after repair + review marking`);
  if (!tot.cached) console.log(`cell readings on cell sheets: ${tot.cellReads} (${tot.unsettled} numeric cells not settled by their first reading)`);
  if (!tot.cached)
    console.log(`  by sheet kind: ${Object.entries(tot.sheets).map(([k, v]) => `${k} ${v.sheets} sheets, ${v.cells} cells (${v.text} text), ${(v.ms / 1000).toFixed(1)} s`).join('; ')}`);
}

await main();
