/**
 * Performance tables → measurements, averages, predicate statements, and the report's declared
 * predicate scale; the indicator registry that matches printed indicator names across tables (the
 * target readings themselves come from the facts: src/parse/facts.ts deriveTargets).
 */
import { capaianOf } from './arith.js';
import type { Config } from '../model/config.js';
import type { Document } from '../model/document.js';
import type {
  AverageStatement,
  Indicator,
  Measurement,
  PredicateScale,
  PredicateStatement,
  ScaleBand,
  Section,
  Table,
} from '../model/report.js';
import type { PrintedValue, SourceRef } from '../model/values.js';
import { words } from './columns.js';
import { findNumbersInText, parseValue } from './numbers.js';
import { cellRef, SECTION_LABEL, sectionAt, tableLabel } from './structure.js';

// ------------------------------------------------------------------ indicator matching

export function indicatorKey(name: string, synonyms: [string, string][] = []): string {
  let k = name
    .toLowerCase()
    .replace(/^\s*(indikator\s*\d+(\.\d+)*|\d+(\.\d+)*\.?)\s*/, '')
    .replace(/[^a-z]/g, '');
  for (const [from, to] of synonyms) k = k.split(from).join(to);
  return k;
}

const BIGRAM_CACHE = new Map<string, Map<string, number>>();

function bigrams(s: string): Map<string, number> {
  const hit = BIGRAM_CACHE.get(s);
  if (hit) return hit;
  if (BIGRAM_CACHE.size > 5000) BIGRAM_CACHE.clear();
  const m = new Map<string, number>();
  BIGRAM_CACHE.set(s, m);
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

export function dice(a: string, b: string, atLeast = 0): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  // upper bound from the lengths alone: skip pairs that cannot reach `atLeast`
  if ((2 * Math.min(a.length, b.length) - 2) / (a.length + b.length - 2) < atLeast) return 0;
  const A = bigrams(a);
  const B = bigrams(b);
  let inter = 0;
  for (const [g, n] of A) inter += Math.min(n, B.get(g) ?? 0);
  return (2 * inter) / (a.length - 1 + (b.length - 1));
}

export class IndicatorRegistry {
  readonly list: Indicator[] = [];
  constructor(
    private synonyms: [string, string][],
    private negative: string[] = [],
  ) {}

  /**
   * A new indicator that no printed name is ever matched to: the subject of one table only, named by
   * the table's title (the same title over the boxes of several indicators must not join them).
   */
  own(name: string, src: SourceRef, place: number): Indicator {
    const clean = name.replace(/\s+/g, ' ').trim();
    const ind: Indicator = {
      id: `I${this.list.length + 1}`,
      name: clean,
      key: `${indicatorKey(clean, this.synonyms)}@${place}`,
      polarity: this.negative.some((w) => clean.toLowerCase().includes(w.toLowerCase())) ? 'negative' : 'positive',
      aliases: [{ name: clean, match: 'exact', src }],
    };
    this.list.push(ind);
    return ind;
  }

  /**
   * Find or create the indicator this printed name stands for; the match kind is recorded. `exclude`:
   * indicators this name cannot stand for (those another row of the same table names otherwise).
   */
  match(name: string, src: SourceRef, sasaran?: string, create = true, exclude?: ReadonlySet<string>): Indicator | null {
    const clean = name.replace(/\s+/g, ' ').replace(/^\d+(\.\d+)*\.?\s+/, '').trim();
    const key = indicatorKey(clean, this.synonyms);
    if (key.length < 6) return null;
    const rawKey = clean.toLowerCase().replace(/[^a-z]/g, '');
    let best: { ind: Indicator; how: Indicator['aliases'][number]['match'] } | null = null;
    const open = this.list.filter((i) => !i.key.includes('@') && !exclude?.has(i.id));
    for (const ind of open) {
      if (ind.key === key) {
        best = { ind, how: ind.aliases.some((a) => a.name.toLowerCase().replace(/[^a-z]/g, '') === rawKey) ? 'exact' : 'normalised' };
        break;
      }
    }
    if (!best) {
      for (const ind of open) {
        const [s, l] = ind.key.length < key.length ? [ind.key, key] : [key, ind.key];
        if (s.length >= 25 && l.startsWith(s)) {
          best = { ind, how: 'prefix' };
          break;
        }
      }
    }
    if (!best) {
      let top = 0;
      for (const ind of open) {
        const d = dice(ind.key, key, 0.88);
        if (d > top && d >= 0.88) {
          top = d;
          best = { ind, how: 'similar' };
        }
      }
    }
    if (best) {
      if (!best.ind.aliases.some((a) => a.name === clean)) best.ind.aliases.push({ name: clean, match: best.how, src });
      if (!best.ind.sasaran && sasaran) best.ind.sasaran = sasaran;
      return best.ind;
    }
    if (!create) return null;
    const ind: Indicator = {
      id: `I${this.list.length + 1}`,
      name: clean,
      key,
      sasaran,
      polarity: this.negative.some((w) => clean.toLowerCase().includes(w.toLowerCase())) ? 'negative' : 'positive',
      aliases: [{ name: clean, match: 'exact', src }],
    };
    this.list.push(ind);
    return ind;
  }
}

// ------------------------------------------------------------------ predicate scale

function parseBand(range: string): { min: number | null; minInclusive: boolean; max: number | null; maxInclusive: boolean } | null {
  const t = range.replace(/\$|\\/g, ' ').replace(/leq/g, '≤').replace(/geq/g, '≥').replace(/[➤»›→]/g, ' ').replace(/%/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  const nums = (t.match(/\d+(?:[.,]\d+)?/g) ?? []).map((x) => Number(x.replace(',', '.')));
  if (nums.length === 0) return null;
  // "lebih dari 75 sd 100": above 75, up to 100
  if (/^(lebih dari|>)/.test(t) && nums.length === 2) return { min: Math.min(nums[0]!, nums[1]!), minInclusive: false, max: Math.max(nums[0]!, nums[1]!), maxInclusive: true };
  if (/lebih dari|^>/.test(t) && nums.length === 1) return { min: nums[0]!, minInclusive: false, max: null, maxInclusive: false };
  if (/kurang dari|^</.test(t) && nums.length === 1) return { min: null, minInclusive: true, max: nums[0]!, maxInclusive: false };
  if (/^≥/.test(t) && nums.length === 1) return { min: nums[0]!, minInclusive: true, max: null, maxInclusive: false };
  if (/^≤/.test(t) && nums.length === 1) return { min: null, minInclusive: true, max: nums[0]!, maxInclusive: true };
  if (nums.length >= 2) return { min: Math.min(nums[0]!, nums[1]!), minInclusive: true, max: Math.max(nums[0]!, nums[1]!), maxInclusive: true };
  return null;
}

export const SCALE_BOUNDARY_RULE =
  'Batas yang bersentuhan (80–90, 90–100) masuk ke predikat yang lebih tinggi; celah (75–76) masuk ke predikat yang lebih rendah: setiap predikat berlaku dari batas bawahnya sampai batas bawah predikat di atasnya.';

/** Make bands top-down by lower bound; the band with no lower bound is last. */
export function normaliseBands(bands: ScaleBand[]): ScaleBand[] {
  return [...bands].sort((a, b) => (b.min ?? -Infinity) - (a.min ?? -Infinity) || (a.minInclusive ? 1 : -1));
}

export function parseScale(t: Table, file: string): PredicateScale | null {
  const cols = t.columns.map((c) => c.toLowerCase());
  const labelCol = cols.findIndex((c) => /interpretasi|kriteria|keterangan/.test(c));
  const rangeCol = cols.findIndex((c) => /nilai|interval|capaian kinerja/.test(c) && !/kriteria/.test(c));
  const gradeCol = cols.findIndex((c) => /^kategori$|^kode$/.test(c.trim()));
  if (labelCol < 0 || rangeCol < 0) return null;
  const bands: ScaleBand[] = [];
  for (const r of t.rows) {
    const label = (r.cells[labelCol] ?? '').trim();
    const range = parseBand(r.cells[rangeCol] ?? '');
    if (!label || !range) continue;
    const grade = gradeCol >= 0 ? (r.cells[gradeCol] ?? '').trim() : '';
    bands.push({
      label: label.replace(/\s*\(.*\)\s*$/, ''),
      grade: /^[A-D]{1,2}$/.test(grade) ? grade : undefined,
      // each band runs from its lower bound; a band printed only as "≤ 50" / "kurang dari 55" is the bottom
      min: range.min,
      minInclusive: range.min === null ? true : range.minInclusive,
      max: null,
      maxInclusive: false,
    });
  }
  if (bands.length < 2) return null;
  return {
    name: `skala predikat yang dinyatakan laporan (baris ${t.startLine})`,
    origin: 'report',
    bands: normaliseBands(bands),
    src: { file, page: t.rows[0]?.page ?? null, line: t.startLine, section: SECTION_LABEL[t.section], table: tableLabel(t) },
    boundaryRule: SCALE_BOUNDARY_RULE,
  };
}

const SCALE_HEAD = /\b(kategori|katagori|predikat|kriteria|interpretasi)\b/i;
const RANGE_HEAD = /\b(rentang|interval|nilai|capaian)\b/i;
/** A range as the scales print them: a comparison word or sign and a number, or two numbers ("55 sd 75"). */
const RANGE_CELL = /^(lebih dari|kurang dari|[<>≤≥])\s*\d|^\d+(?:[.,]\d+)?\s*%?\s*(sd|s\.d\.?|s\/d|-|–|sampai( dengan)?)\s*\d/i;

/**
 * A scale table without header cells (its header printed as one line of text above it, "No.
 * Rentang Capaian Kategori Capaian Kode"): the header line names a category and a range, and the
 * columns are told by their content: one column whose every cell is a range, one whose every cell
 * is a short label without digits. Null when the columns cannot be told apart that way.
 */
export function parseScaleByContent(t: Table, file: string): PredicateScale | null {
  if (t.columns.some((c) => c.trim() !== '') || t.rows.length < 2) return null;
  if (!SCALE_HEAD.test(t.caption) || !RANGE_HEAD.test(t.caption) || CAPTION_NUMBERED.test(t.caption)) return null;
  const width = Math.max(...t.rows.map((r) => r.cells.length));
  const every = (c: number, ok: (x: string) => boolean) => t.rows.every((r) => ok((r.cells[c] ?? '').trim()));
  const rangeCols = Array.from({ length: width }, (_, c) => c).filter((c) => every(c, (x) => RANGE_CELL.test(x) && parseBand(x) !== null));
  const labelCols = Array.from({ length: width }, (_, c) => c).filter((c) => every(c, (x) => /^[a-z][a-z ]{1,30}$/i.test(x) && x.split(' ').length <= 3));
  if (rangeCols.length !== 1 || labelCols.length !== 1) return null;
  const columns = Array.from({ length: width }, (_, c) => (c === rangeCols[0] ? 'nilai' : c === labelCols[0] ? 'kriteria' : ''));
  return parseScale({ ...t, columns }, file);
}
const CAPTION_NUMBERED = /^\.?\s*tab[el]{2}\s*\d/i;

export function scaleFromConfig(config: Config, name?: string): PredicateScale | null {
  const s = config.scales[name ?? config.defaultScale];
  if (!s) return null;
  return {
    name: s.name,
    origin: 'config',
    bands: normaliseBands(s.bands.map((b) => ({ ...b, grade: b.grade }))),
    boundaryRule: SCALE_BOUNDARY_RULE,
  };
}

/** The band a capaian falls in. */
export function bandFor(scale: PredicateScale, v: number): ScaleBand | null {
  for (const b of scale.bands) {
    if (b.min === null) return b;
    if (b.minInclusive ? v >= b.min : v > b.min) return b;
  }
  return null;
}

export function normLabel(s: string): string {
  return s
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// ------------------------------------------------------------------ tables → statements

interface Ctx {
  file: string;
  year: number | null;
  config: Config;
  reg: IndicatorRegistry;
  sections: Section[];
}

const refFor = (ctx: Ctx, t: Table, r: Table['rows'][number], row: string, col?: number): SourceRef => cellRef(ctx.file, t, r, row, col);

const yearIn = (s: string): number | null => {
  const m = /\b(20\d\d)\b/.exec(s);
  return m ? Number(m[1]) : null;
};

function indicatorCol(t: Table): number {
  const cols = t.columns.map((c) => c.toLowerCase());
  let i = cols.findIndex((c) => /indikator sasaran/.test(c) && !/target/.test(c));
  if (i < 0) i = cols.findIndex((c) => /^indikator( kinerja)?$|indikator kinerja$|^iku$|indikator kinerja utama/.test(c.trim()));
  if (i < 0) i = cols.findIndex((c) => /indikator/.test(c) && !/tujuan/.test(c));
  return i;
}

function sasaranCol(t: Table): number {
  return t.columns.findIndex((c) => /sasaran/i.test(c) && !/indikator|target/i.test(c));
}

interface MRow {
  row: Table['rows'][number];
  /** The row's cells; for a row split out of merged cells, this part's cells. */
  cells: string[];
  indicator: string;
  sasaran: string;
  /** Set when the row was split out of cells holding several values ("100 % 100%"). */
  splitFrom?: string;
}

const MULTI_SPLIT = /\s+(?=\d)/;

/**
 * One row holding several indicators and several values per cell ("1. … 2. …" with "100 % 100%"):
 * split it when the indicator cell names exactly as many indicators (numbered, or known by name)
 * as the cells hold values; otherwise leave it whole (its values stay unreadable).
 */
function splitMultiRows(rows: MRow[], t: Table, indCol: number, reg?: IndicatorRegistry, synonyms: [string, string][] = []): MRow[] {
  const out: MRow[] = [];
  for (const m of rows) {
    const counts = m.cells.map((c, i) => (i === indCol || i === 0 ? 1 : c.trim() ? c.trim().split(MULTI_SPLIT).length : 1));
    const k = Math.max(...counts);
    if (k < 2 || !m.indicator) {
      out.push(m);
      continue;
    }
    let names = m.indicator.split(/(?:^|\s)\d+\.\s+/).map((s) => s.trim()).filter(Boolean);
    if (names.length !== k && reg) names = splitKnownIndicators(m.indicator, reg, synonyms);
    if (names.length !== k || counts.some((n) => n !== 1 && n !== k)) {
      out.push(m);
      continue;
    }
    for (let j = 0; j < k; j++) {
      out.push({
        ...m,
        indicator: names[j]!,
        cells: m.cells.map((c, i) => (counts[i] === k && i !== indCol ? (c.trim().split(MULTI_SPLIT)[j] ?? '') : i === indCol ? names[j]! : c)),
        splitFrom: m.cells.join(' | '),
      });
    }
  }
  void t;
  return out;
}

/** Rows whose only text is in the indicator column continue the indicator above. */
function mergedRows(t: Table, indCol: number, ctx?: Ctx): MRow[] {
  const out: MRow[] = [];
  const sCol = sasaranCol(t);
  let lastSasaran = '';
  for (const r of t.rows) {
    const ne = r.cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '');
    const ind = (r.cells[indCol] ?? '').trim();
    const sas = sCol >= 0 ? (r.cells[sCol] ?? '').trim() : '';
    const prev = out[out.length - 1];
    const onlyText = ne.every((x) => x.i === indCol || x.i === sCol) && ne.every((x) => !/\d/.test(x.c));
    if (prev && onlyText && ne.length > 0 && !/^(sasaran|indikator)\s*\d/i.test(ind) && (ind === '' || /^[a-z]/.test(ind))) {
      if (ind) prev.indicator = `${prev.indicator} ${ind}`;
      if (sas) prev.sasaran = `${prev.sasaran} ${sas}`;
      continue;
    }
    if (sas) lastSasaran = sas;
    out.push({ row: r, cells: r.cells, indicator: ind, sasaran: sas || lastSasaran });
  }
  return splitMultiRows(out, t, indCol, ctx?.reg, ctx?.config.vocabulary?.indicatorSynonyms ?? []);
}

export interface PerformanceExtract {
  measurements: Measurement[];
  averages: AverageStatement[];
  predicates: PredicateStatement[];
}

const AVG_RE = /^rata\s*[-–]?\s*rata/i;

export function extractPerformance(tables: Table[], doc: Document, ctx: Ctx): PerformanceExtract {
  const out: PerformanceExtract = { measurements: [], averages: [], predicates: [] };
  // measurement tables first (as the target readings: src/parse/facts.ts)
  const sorted = [...tables].sort((a, b) => Number(a.kind !== 'measurement') - Number(b.kind !== 'measurement'));
  for (const t of sorted) {
    switch (t.kind) {
      case 'measurement':
      case 'renstra_end':
      case 'comparison_years':
        measurementTable(t, ctx, out, doc);
        break;
      case 'predicate_check':
        checkTable(t, ctx, out);
        break;
      default:
        break;
    }
  }
  return out;
}

function measurementTable(t: Table, ctx: Ctx, out: PerformanceExtract, doc: Document) {
  const indCol = indicatorCol(t);
  if (indCol < 0) return;
  const cols = t.columns.map((c) => c.toLowerCase());
  const isEnd = (c: string) => /jangka menengah|akhir renstr/.test(c);
  const targetCols = cols.map((c, i) => ({ c, i })).filter(({ c }) => /^target|\btarget\b/.test(c) && !isEnd(c));
  const endCol = cols.findIndex((c) => isEnd(c) && /target/.test(c));
  const realCols = cols.map((c, i) => ({ c, i })).filter(({ c }) => /realisasi/.test(c) && !/nasional|%|capaian/.test(c));
  const capCols = cols.map((c, i) => ({ c, i })).filter(({ c }) => /capaian|kemajuan/.test(c));
  const yearCap = capCols.find(({ c }) => !/akhir|renstr/.test(c)) ?? (t.kind === 'measurement' ? capCols[0] : undefined);
  const endCap = t.kind === 'renstra_end' ? capCols[0] : capCols.find(({ c }) => /akhir|renstr/.test(c));
  // "Realisasi Th. 2020 (n)" → the last realisation column is the report year's
  const realYear = realCols.find(({ c }) => yearIn(c) === ctx.year) ?? realCols[realCols.length - 1];
  const tYearCol = targetCols.find(({ c }) => yearIn(c) === ctx.year) ?? (targetCols.length === 1 ? targetCols[0] : undefined);
  const endYear = endCol >= 0 ? yearIn(cols[endCol]!) : null;
  let over: PrintedValue[] = [];
  let overBroken = false;
  for (const m of mergedRows(t, indCol, ctx)) {
    const r = m.row;
    const cells = m.cells;
    const label = m.indicator || m.sasaran || (cells.find((c) => c.trim()) ?? '');
    const rowText = cells.join(' ');
    const ref = (col: number) => refFor(ctx, t, r, label, col);
    if (AVG_RE.test(rowText.trim()) || AVG_RE.test(label)) {
      const capCol = yearCap?.i ?? endCap?.i ?? cells.length - 1;
      const stated = [...cells].reverse().find((c) => /\d/.test(c));
      if (stated && over.length > 0) {
        const col = cells.lastIndexOf(stated);
        out.averages.push({ table: tableLabel(t), label: 'Rata-rata capaian', stated: parseValue(stated, ref(col >= 0 ? col : capCol), 'percent'), over, origin: 'table' });
      }
      continue;
    }
    if (!m.indicator) continue;
    const ind = ctx.reg.match(m.indicator, ref(indCol), m.sasaran || undefined);
    if (!ind || !realYear) continue;
    const real = parseValue(cells[realYear.i] ?? '', ref(realYear.i), 'percent');
    if (yearCap && tYearCol) {
      const cap = parseValue(cells[yearCap.i] ?? '', ref(yearCap.i), 'percent');
      const target = parseValue(cells[tYearCol.i] ?? '', ref(tYearCol.i), 'percent');
      out.measurements.push({ indicatorId: ind.id, table: tableLabel(t), kind: 'year', year: ctx.year, target, realisasi: real, capaian: cap });
      if (cap.value !== null && !cap.unit) over.push(cap);
      else if (target.value && real.value !== null && target.unit === real.unit) {
        // a capaian printed as "4 Dokumen": the average can only use realisasi / target
        const v = capaianOf(target.value, real.value, ind.polarity === 'negative');
        if (v === null) overBroken = true;
        else over.push({ ...cap, kind: 'percent', value: v, digits: undefined, decimals: 2, raw: `${cap.raw} (= ${v.toFixed(2).replace('.', ',')}%)` });
      } else overBroken = true;
    }
    if (endCap && endCol >= 0) {
      const cap = parseValue(cells[endCap.i] ?? '', ref(endCap.i), 'percent');
      const target = parseValue(cells[endCol] ?? '', ref(endCol), 'percent');
      out.measurements.push({ indicatorId: ind.id, table: tableLabel(t), kind: 'renstra_end', year: endYear, target, realisasi: real, capaian: cap });
      if (!yearCap && cap.value !== null) over.push(cap);
    }
  }
  // "Dari tabel diatas ... rata rata mencapai 98,75%" right under the table: the average of its capaian
  if (t.kind === 'measurement' && !overBroken && over.length >= 2 && !out.averages.some((a) => a.table === tableLabel(t))) {
    const idx = doc.lines.findIndex((l) => l.line > t.endLine);
    for (let i = idx, seen = 0; i >= 0 && i < doc.lines.length && seen < 6; i++) {
      const l = doc.lines[i]!;
      if (l.cells) break;
      if (!l.text.trim()) continue;
      seen++;
      const m = TEXT_AVG.exec(l.text);
      if (!m) continue;
      const sec = sectionAt(ctx.sections, l.line);
      const src: SourceRef = { file: ctx.file, page: l.page, line: l.line, section: SECTION_LABEL[sec.kind] };
      out.averages.push({ table: tableLabel(t), label: l.text.slice(0, 100), stated: parseValue(m[1]!, src, 'percent'), over, origin: 'text' });
      break;
    }
  }
  over = [];
}

/** Known indicator names inside one merged cell, in the order they appear. */
export function splitKnownIndicators(cell: string, reg: IndicatorRegistry, synonyms: [string, string][]): string[] {
  const hay = indicatorKey(cell, synonyms);
  const found: { at: number; name: string }[] = [];
  for (const ind of reg.list) {
    const at = hay.indexOf(ind.key);
    if (at >= 0 && !found.some((f) => f.name === ind.name)) found.push({ at, name: ind.name });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}

const CHECK = /^(v|V|✓|√|✔|x|X)$/;

function checkTable(t: Table, ctx: Ctx, out: PerformanceExtract) {
  const capCol = t.columns.findIndex((c) => /capaian/i.test(c));
  if (capCol < 0) return;
  const labelOf = (i: number) => (t.columns[i] ?? '').replace(/^predikat(\s+kinerja)?\s*/i, '').trim();
  let group: PrintedValue[] = [];
  for (const r of t.rows) {
    const first = (r.cells[0] ?? '').trim();
    if (/^sasaran\b/i.test(first) && !(r.cells[capCol] ?? '').trim()) {
      group = [];
      continue;
    }
    const capRaw = (r.cells[capCol] ?? '').trim();
    if (!capRaw) continue;
    const ref = refFor(ctx, t, r, first || 'baris', capCol);
    const cap = parseValue(capRaw, ref, 'percent');
    const marked = r.cells.map((c, i) => ({ c: c.trim(), i })).filter(({ c, i }) => i > capCol && CHECK.test(c));
    for (const mk of marked) {
      out.predicates.push({
        capaian: cap,
        label: labelOf(mk.i),
        origin: 'table',
        context: `${first.slice(0, 80)} — ${capRaw} ✓ ${labelOf(mk.i)}`,
        src: { ...ref, column: t.columns[mk.i], col: mk.i },
      });
    }
    if (AVG_RE.test(first)) {
      if (group.length > 0) out.averages.push({ table: tableLabel(t), label: first, stated: cap, over: group, origin: 'table' });
      group = [];
    } else if (cap.value !== null) group.push(cap);
  }
}

// ------------------------------------------------------------------ predicates in the text

const TRIGGER = /(predikat(?:\s+nilai)?|kategori|tergolong|dikategorikan|capaian\s+yang|capaian\s+kinerja\s+sasaran\s+yang)\s*\(?\**\s*$/i;

/** A percentage counts as a capaian only when the sentence introduces it as one. */
const CAPAIAN_LEAD = /(capaian|rata[\s–-]*rata|yaitu|sebesar|mencapai)[^%]{0,25}$/i;

/** Sentences that give a capaian a predicate: "... capaian 89,55% tergolong Memuaskan". */
export function textPredicates(doc: Document, scale: PredicateScale | null, file: string, sections: Section[]): PredicateStatement[] {
  if (!scale) return [];
  const labels = [...new Set(scale.bands.map((b) => normLabel(b.label)))].sort((a, b) => b.length - a.length);
  const out: PredicateStatement[] = [];
  const labelRe = new RegExp(`\\b(${labels.map((l) => l.replace(/ /g, '\\s+')).join('|')})\\b`, 'gi');
  for (const l of doc.lines) {
    if (l.cells) continue;
    const sec = sectionAt(sections, l.line);
    if (!['ikhtisar', 'bab3', 'bab4'].includes(sec.kind)) continue;
    const text = l.text;
    let m: RegExpExecArray | null;
    labelRe.lastIndex = 0;
    while ((m = labelRe.exec(text))) {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (!TRIGGER.test(before)) continue;
      // the "sangat" of "sangat memuaskan" must not be left out: the regex is longest-first
      const nums = findNumbersInText(text).filter((n) => /%$/.test(n.raw) && CAPAIAN_LEAD.test(text.slice(Math.max(0, n.index - 45), n.index)));
      if (nums.length === 0) continue;
      let best = nums[0]!;
      for (const n of nums) if (Math.abs(n.index - m.index) < Math.abs(best.index - m.index)) best = n;
      if (Math.abs(best.index - m.index) > 220) continue;
      const src: SourceRef = { file, page: l.page, line: l.line, section: SECTION_LABEL[sec.kind] };
      const cap = parseValue(best.raw, src, 'percent');
      if (cap.value === null) continue;
      const start = Math.max(0, Math.min(best.index, m.index) - 30);
      const end = Math.min(text.length, Math.max(best.index, m.index + m[0].length) + 10);
      out.push({ capaian: cap, label: m[1]!, origin: 'text', context: `…${text.slice(start, end).trim()}…`, src });
    }
  }
  return out;
}

const TOKEN_NUM = /^\d{1,3}(?:[.,]\d{1,2})?$/;

/**
 * Measurement rows printed as one line of words (a table copied without its cell separators, its
 * header too garbled to read the columns from): a line that ends in a predicate of the report's own
 * scale ("... 87 100 5:5x 100 115 10 100 Baik") under a header that names a target. The capaian
 * is read by arithmetic, not by position: the one number C in the line, after two adjacent numbers
 * T and R, with C = R / T × 100 at the precision C is printed. A line with no such triple, or with
 * several that fall in different bands of the scale, is left alone (listed as undecided). Only with
 * a scale the report declares: the predicate words are the report's own.
 */
export function flattenedRowPredicates(
  doc: Document,
  scale: PredicateScale | null,
  file: string,
  sections: Section[],
  targetWords: string[],
  undecided: { line: number; note: string }[] = [],
): PredicateStatement[] {
  if (!scale || scale.origin !== 'report' || targetWords.length === 0) return [];
  const labels = [...new Set(scale.bands.map((b) => normLabel(b.label)))].filter(Boolean).sort((a, b) => b.length - a.length);
  const tw = targetWords.map(words);
  const out: PredicateStatement[] = [];
  doc.lines.forEach((l, idx) => {
    if (l.cells) return;
    const text = l.text.trim();
    const low = text.toLowerCase().replace(/\s+/g, ' ');
    const label = labels.find((x) => low.endsWith(` ${x}`));
    if (!label) return;
    // under a header that names a target: within the six lines above
    let header = false;
    for (let j = idx - 1, n = 0; j >= 0 && n < 6 && !header; j--, n++) {
      const w = ` ${words(doc.lines[j]!.text)} `;
      header = tw.some((x) => w.includes(` ${x} `));
    }
    if (!header) return;
    const toks = text.slice(0, text.length - label.length).trim().split(/\s+/);
    const num = (t: string) => (TOKEN_NUM.test(t) ? Number(t.replace(',', '.')) : null);
    const dec = (t: string) => (/[.,](\d+)$/.exec(t)?.[1]?.length ?? 0);
    // a row holds at least a target, a realisasi and a capaian; a sentence ending in the word does not
    if (toks.filter((t) => num(t) !== null).length < 3) return;
    const hits: { c: number; at: number }[] = [];
    for (let i = 0; i + 1 < toks.length; i++) {
      const tv = num(toks[i]!);
      const rv = num(toks[i + 1]!);
      if (tv === null || rv === null || tv === 0) continue;
      for (let k = i + 2; k < toks.length; k++) {
        const cv = num(toks[k]!);
        if (cv === null) continue;
        const half = 0.5 * 10 ** -dec(toks[k]!);
        if (Math.abs((rv / tv) * 100 - cv) <= half + 1e-9) hits.push({ c: cv, at: k });
      }
    }
    // several candidates (a value and its rounding elsewhere in the row, "99,2 99") decide nothing
    // more than one: they count as one when they all fall in the same band; the most precise is shown
    const bands = new Set(hits.map((h) => bandFor(scale, h.c)?.label ?? ''));
    if (hits.length > 1 && bands.size === 1) hits.sort((a, b) => dec(toks[b.at]!) - dec(toks[a.at]!)).splice(1);
    if (hits.length !== 1) {
      const why = hits.length === 0 ? 'tidak ada angka yang sama dengan realisasi / target dua angka bersebelahan' : `${hits.length} angka cocok sebagai capaian`;
      undecided.push({ line: l.line, note: `baris ${l.line}: baris tabel tanpa pemisah sel berakhir dengan predikat "${text.slice(text.length - label.length)}", capaiannya tidak dapat ditentukan (${why})` });
      return;
    }
    const sec = sectionAt(sections, l.line);
    const src: SourceRef = { file, page: l.page, line: l.line, section: SECTION_LABEL[sec.kind] };
    const raw = toks[hits[0]!.at]!;
    const cap = parseValue(raw, src, 'percent');
    if (cap.value === null) return;
    const printed = text.slice(text.length - label.length);
    out.push({ capaian: cap, label: printed, origin: 'text', context: `…${toks.slice(Math.max(0, hits[0]!.at - 4)).join(' ')} ${printed}`, src });
  });
  return out;
}

// ------------------------------------------------------------------ averages stated in the text

const TEXT_AVG = /rata[\s-–]*rata[^.]{0,80}?(?:adalah|sebesar|yaitu|mencapai)\s+((?:\d{1,3}(?:[.,]\d+)?)\s?%)/i;

/** "Sehingga rata rata % indikator program tahun 2023 adalah 93%" over the list items just above it. */
export function textAverages(doc: Document, file: string, sections: Section[]): AverageStatement[] {
  const out: AverageStatement[] = [];
  doc.lines.forEach((l, idx) => {
    if (l.cells) return;
    const m = TEXT_AVG.exec(l.text);
    if (!m) return;
    const items: PrintedValue[] = [];
    for (let j = idx - 1, seen = 0; j >= 0 && seen < 10; j--) {
      const p = doc.lines[j]!;
      const t = p.text.trim();
      if (!t) continue;
      seen++;
      if (!/^[-•*]|^\d+[.)]\s/.test(t)) {
        if (items.length > 0) break;
        continue;
      }
      const pm = /(?:tercapai|capaian|sebesar|mencapai)\s+(\d{1,3}(?:[.,]\d+)?\s?%)\s*\.?$/i.exec(t);
      if (!pm) break;
      const sec = sectionAt(sections, p.line);
      items.unshift(parseValue(pm[1]!, { file, page: p.page, line: p.line, section: SECTION_LABEL[sec.kind] }, 'percent'));
    }
    if (items.length < 2) return;
    const sec = sectionAt(sections, l.line);
    const src: SourceRef = { file, page: l.page, line: l.line, section: SECTION_LABEL[sec.kind] };
    out.push({ table: '', label: l.text.slice(0, 100), stated: parseValue(m[1]!, src, 'percent'), over: items, origin: 'text' });
  });
  return out;
}
