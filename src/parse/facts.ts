/**
 * Tables + their layouts → facts. Every value cell of a column whose role the resolver decided
 * becomes one fact: subject (the row's label under its group heading), measure (the column's
 * role), year / period / basis (the column's header), where it is stated (the table's kind and
 * section), the printed value with its precision, and its cell. Total and average rows become
 * aggregate facts naming the item facts of their column since the previous aggregate row.
 * Undecided columns and rows give no fact.
 */
import type { Config } from '../model/config.js';
import type { Document } from '../model/document.js';
import type { Fact, RowInfo, StatedIn, TableLayout, TargetReading, TargetSource } from '../model/facts.js';
import type { Section, Table } from '../model/report.js';
import type { PrintedValue, SourceRef } from '../model/values.js';
import { cellAt, cellIndexAt, matchesAny, singleYear, words } from './columns.js';
import { parseValue, type Expect } from './numbers.js';
import { indicatorKey, splitKnownIndicators, type IndicatorRegistry } from './performance.js';
import { SECTION_LABEL, sectionAt, tableLabel } from './structure.js';

type Vocab = NonNullable<Config['vocabulary']>;

/**
 * Where a table is stated. A PK table in the body is a PK Perubahan when its caption says so, or
 * when the nearest line above it that names the agreement (a `pk` basis phrase of the vocabulary)
 * names the revision (a `pk_perubahan` phrase): "Pada lampiran Perjanjian Kinerja Perubahan ...".
 */
function statedIn(t: Table, above: readonly string[], vocab: Vocab | undefined): StatedIn {
  const bases = vocab?.columnQualifiers.bases ?? [];
  const sigs = (b: string) => bases.find((x) => x.basis === b)?.any ?? [];
  const named = above.find((l) => matchesAny(l, sigs('pk')));
  const pkChange = t.section === 'lampiran_pk_perubahan' || /perubahan/i.test(t.caption) || (t.section !== 'lampiran_pk' && named !== undefined && matchesAny(named, sigs('pk_perubahan')));
  switch (t.kind) {
    case 'renstra_matrix':
      return t.section === 'lampiran_renstra' ? 'renstra_lampiran' : 'renstra';
    case 'rkt':
      return 'rkt';
    case 'iku':
      return 'iku';
    case 'pk_targets':
    case 'pk_budget':
      return pkChange ? 'pk_perubahan' : 'pk';
    case 'measurement':
    case 'predicate_check':
    case 'efficiency':
      return 'measurement';
    case 'comparison_years':
      return 'comparison';
    case 'renstra_end':
      return 'renstra_end';
    case 'budget':
    case 'budget_plan':
      return 'budget';
    default:
      return 'other';
  }
}

const SUBJECT_OF: Record<string, Fact['subject']['kind']> = {
  indicator: 'indicator',
  sasaran: 'sasaran',
  tujuan: 'tujuan',
  program: 'program',
  kegiatan: 'kegiatan',
  sub_kegiatan: 'sub_kegiatan',
};

const SUBJECT_ORDER = ['indicator', 'sub_kegiatan', 'kegiatan', 'program', 'sasaran', 'tujuan'] as const;

export interface FactContext {
  file: string;
  config: Config;
  /** The document and its line index (line number → index in doc.lines), for the lines above a table. */
  doc?: Document;
  index?: Map<number, number>;
}

/** The nearest `n` non-empty lines above a table (its header included), nearest first. */
function linesAbove(t: Table, doc: Document | undefined, index: Map<number, number> | undefined, n: number): string[] {
  if (!doc) return [];
  const at = index?.get(Math.min(t.startLine, ...t.headerLines)) ?? doc.lines.findIndex((l) => l.line === Math.min(t.startLine, ...t.headerLines));
  const out: string[] = [];
  for (let i = at - 1; i >= 0 && out.length < n; i--) {
    const x = doc.lines[i]!.text.trim();
    if (x) out.push(x);
  }
  return out;
}

/** Facts of one table; `next` numbers fact ids across the report. */
export function tableFacts(t: Table, layout: TableLayout, ctx: FactContext, next: () => string): Fact[] {
  const out: Fact[] = [];
  const negative = (ctx.config.vocabulary?.negativeIndicators ?? []).map((w) => w.toLowerCase());
  const synonyms = ctx.config.vocabulary?.indicatorSynonyms ?? [];
  // the subject column: the most specific label column (the one row labels come from)
  const labelCol = SUBJECT_ORDER.map((role) => layout.columns.find((c) => c.kind === 'label' && c.role === role)).find(Boolean);
  const subjectKind: Fact['subject']['kind'] = labelCol?.role ? SUBJECT_OF[labelCol.role]! : 'item';
  const where = statedIn(t, linesAbove(t, ctx.doc, ctx.index, 6), ctx.config.vocabulary);
  let group: string | undefined;
  // a second label column saying what the row stands under (a sasaran beside the indicator), carried
  // down over the rows of a merged cell
  const groupCol = layout.columns.find((c) => c.kind === 'label' && c !== labelCol && (c.role === 'sasaran' || c.role === 'tujuan' || c.role === 'program' || c.role === 'kegiatan'));
  let carried: string | undefined;
  const unitCol = layout.columns.find((c) => c.kind === 'label' && c.role === 'satuan');
  // a table with several indicator columns, each run of them followed by its own values (an RKT:
  // the sasaran's indicator and target, the programme's, the sub kegiatan's; a Renstra matrix: the
  // tujuan's and the sasaran's indicator before the year targets): a value is about the indicator
  // printed in its own run, the nearest one with text, not the row's first indicator
  const indicatorCols = layout.columns.filter((c) => c.kind === 'label' && c.role === 'indicator').map((c) => c.index);
  const ownRun = new Map<number, number[]>();
  if (indicatorCols.length > 1) {
    for (const c of layout.columns) {
      if (c.kind !== 'value') continue;
      const left = indicatorCols.filter((i) => i < c.index).pop();
      if (left === undefined) continue;
      const before = layout.columns.filter((v) => v.kind === 'value' && v.index < left).pop()?.index ?? -1;
      ownRun.set(c.index, indicatorCols.filter((i) => i > before && i <= left));
    }
  }
  // item facts of each column since the last aggregate row
  let since = new Map<number, string[]>();
  for (let ri = 0; ri < layout.rows.length; ri++) {
    const row = layout.rows[ri]!;
    if (row.kind === 'group') {
      group = row.label || group;
      continue;
    }
    if (row.kind === 'continuation') continue;
    const r = t.rows[row.index]!;
    const own = groupCol ? (r.cells[groupCol.index] ?? '').trim() : '';
    if (own && !/^\d+(\.\d+)*\.?$/.test(own)) carried = own;
    const under = (groupCol ? carried : undefined) ?? group;
    const parts = row.kind === 'item' ? splitParts(row, t, layout) : null;
    for (let part = 0; part < (parts?.names.length ?? 1); part++) {
    for (const c of layout.columns) {
      if (c.kind !== 'value' || !c.role) continue;
      const whole = cellAt(t, row, c.index);
      const text = parts && whole !== null ? (parts.count[c.index] === 1 ? whole : whole.trim().split(MULTI_SPLIT)[part] ?? null) : whole;
      if (text === null || text.trim() === '') continue;
      const own = parts ? undefined : ownSubject(r.cells, ownRun.get(c.index));
      const name = parts ? parts.names[part]! : (own ?? row.label);
      const src: SourceRef = {
        file: ctx.file,
        page: r.page,
        line: r.line,
        section: SECTION_LABEL[t.section],
        table: tableLabel(t),
        row: name.slice(0, 120),
        column: c.label.slice(0, 80),
      };
      const at = cellIndexAt(t, row, c.index);
      if (at !== null) src.col = at;
      const expect: Expect = c.money ? 'money' : c.role === 'capaian' || c.role === 'serapan' ? 'percent' : 'any';
      const value = parseValue(text, src, expect);
      if (value.kind === 'text') continue;
      // a bare count whose unit stands in the row's Satuan column ("18" | "Orang/Bulan") is read with it
      if (unitCol && value.kind === 'number' && value.unit === undefined && /^[\d.,]+$/.test(text.trim())) {
        const unit = unitOf(cellAt(t, row, unitCol.index) ?? '');
        if (unit) value.unit = unit;
      }
      const fact: Fact = {
        id: next(),
        subject: {
          kind: row.kind === 'item' && own !== null ? subjectKind : 'item',
          name: name.slice(0, 160),
          key: indicatorKey(name, synonyms),
          polarity: negative.some((w) => name.toLowerCase().includes(w)) ? 'negative' : 'positive',
          ...(under ? { group: under.slice(0, 160) } : {}),
        },
        measure: c.role,
        year: c.year,
        period: c.period,
        basis: c.basis,
        statedIn: where,
        rowKind: row.kind,
        value,
        cell: { table: t.id, row: row.index, col: c.index, ...(parts ? { part } : {}) },
        src,
      };
      if (row.kind === 'total' || row.kind === 'average') {
        fact.aggregate = row.kind === 'total' ? 'sum' : 'mean';
        fact.over = [...(since.get(c.index) ?? [])];
      } else {
        // appended in place (a copy per item made a table of n rows cost n² / 2)
        const ids = since.get(c.index);
        if (ids) ids.push(fact.id);
        else since.set(c.index, [fact.id]);
      }
      out.push(fact);
    }
    }
    if (row.kind === 'total' || row.kind === 'average') {
      // several aggregate rows in a row (Jumlah, then Rata-rata) aggregate the same items
      const nextRow: RowInfo | undefined = layout.rows[ri + 1];
      if (!nextRow || (nextRow.kind !== 'total' && nextRow.kind !== 'average')) since = new Map();
    }
  }
  return out;
}

const MULTI_SPLIT = /\s+(?=\d)/;

/**
 * The subject of a value in its own run of indicator columns: the nearest cell with text. Undefined
 * when the table has one indicator column (the row's label is the subject); null when the run is
 * empty or its nearest cell holds a number (a row printed shifted against its header): undecided.
 */
function ownSubject(cells: readonly string[], run: number[] | undefined): string | null | undefined {
  if (!run) return undefined;
  for (let k = run.length - 1; k >= 0; k--) {
    const text = (cells[run[k]!] ?? '').trim();
    if (!text) continue;
    return /\d/.test(text) && parseValue(text, NOWHERE).kind !== 'text' ? null : text.slice(0, 500);
  }
  return null;
}
const NOWHERE: SourceRef = { file: '', page: null, line: 0 };

/** A Satuan cell as a value's unit (as parseValue writes a unit printed after the number), or null. */
function unitOf(cell: string): string | null {
  const m = /^\s*(?:\(([^)]*)\)|([A-Za-z][A-Za-z./ ]*))\s*$/.exec(cell);
  const unit = m ? (m[1] ?? m[2] ?? '').trim().toLowerCase().replace(/\s+/g, ' ') : '';
  return unit || null;
}

/** The names of a label listing numbered indicators ("1. … 2. …"). */
const numberedNames = (label: string): string[] => label.split(/(?:^|\s)\d+\.\s+/).map((s) => s.trim()).filter(Boolean);

/**
 * A row whose label names several numbered indicators ("1. … 2. …") and whose value cells each hold
 * one value or exactly as many: its parts. Otherwise null (the row stays whole; its cells with
 * several values are unreadable, not guessed).
 */
function splitParts(row: RowInfo, t: Table, layout: TableLayout): { names: string[]; count: Record<number, number> } | null {
  const names = numberedNames(row.label);
  if (names.length < 2) return null;
  const count: Record<number, number> = {};
  for (const c of layout.columns) {
    if (c.kind !== 'value') continue;
    const text = (cellAt(t, row, c.index) ?? '').trim();
    const n = text ? text.split(MULTI_SPLIT).length : 1;
    if (n !== 1 && n !== names.length) return null;
    count[c.index] = n;
  }
  return Object.values(count).some((n) => n === names.length) ? { names, count } : null;
}

/** Facts grouped by their table row (key: table id and row index), in column order. */
export function factsByRow(facts: readonly Fact[]): Map<string, Fact[]> {
  const out = new Map<string, Fact[]>();
  for (const f of facts) {
    const k = `${f.cell.table}\u0000${f.cell.row}\u0000${f.cell.part ?? ''}`;
    const list = out.get(k);
    if (list) list.push(f);
    else out.set(k, [f]);
  }
  return out;
}

const samePeriod = (a: Fact, b: Fact) => (a.period?.kind ?? null) === (b.period?.kind ?? null) && (a.period?.n ?? null) === (b.period?.n ?? null);
const yearFits = (a: Fact, b: Fact) => a.year === null || b.year === null || a.year === b.year;

/**
 * The fact of `measure` in the same row that a value of `of` is computed from: same year (an
 * unyeared column fits any), same period, and for a capaian against the end of the plan the end
 * target. Exact year matches are preferred; two candidates left means undecided (null).
 */
export function partnerIn(row: readonly Fact[], of: Fact, measure: Fact['measure']): Fact | null {
  let cands = row.filter((f) => f.measure === measure && f !== of && yearFits(f, of) && samePeriod(f, of));
  if (measure === 'target') {
    const end = cands.filter((f) => f.basis === 'renstra_end');
    const other = cands.filter((f) => f.basis !== 'renstra_end');
    // a capaian in a row whose only target is the end-of-plan target is measured against it
    cands = of.basis === 'renstra_end' ? end : other.length > 0 ? other : end;
  } else cands = cands.filter((f) => f.basis !== 'renstra_end' || of.basis === 'renstra_end');
  if (cands.length > 1 && of.year !== null) {
    const exact = cands.filter((f) => f.year === of.year);
    if (exact.length > 0) cands = exact;
  }
  return cands.length === 1 ? cands[0]! : null;
}

// ------------------------------------------------------------------ target readings

/** What the target readings are derived from besides the facts. */
export interface TargetContext {
  doc: Document;
  sections: readonly Section[];
  config: Config;
  /** The report's year (cover, title), null when undecided. */
  year: number | null;
  /** The report's indicators: printed names matched across tables (created in reading order). */
  reg: IndicatorRegistry;
  /** Line number → index in doc.lines. */
  index: Map<number, number>;
}

/** The places a target is stated (TargetSourceSchema; a record, so the compiler keeps it complete without importing zod here). */
const TARGET_SOURCE: Record<TargetSource, true> = { renstra: true, renstra_lampiran: true, rkt: true, iku: true, pk: true, pk_perubahan: true, measurement: true, comparison: true, renstra_end: true };
const TARGET_SOURCES: ReadonlySet<string> = new Set(Object.keys(TARGET_SOURCE));
/** Documents that state the targets of one year: a target column there without a year is that year's. */
const ONE_YEAR: ReadonlySet<StatedIn> = new Set(['pk', 'pk_perubahan', 'rkt']);

/** Where a target fact is stated as a target source: by its column's basis (end of the plan, PK, PK Perubahan), else by its table; null for a basis that is no agency target (budget, national). */
function sourceOf(f: Fact): TargetSource | null {
  if (f.basis === 'renstra_end' || f.basis === 'pk' || f.basis === 'pk_perubahan') return f.basis;
  if (f.basis !== 'year') return null;
  return TARGET_SOURCES.has(f.statedIn) ? (f.statedIn as TargetSource) : null;
}

/**
 * The year of a target column printed without one: for a one-year document (PK, PK Perubahan, RKT)
 * the year its caption names, else its title (the nearest short text line above the table in its
 * section naming one year, else the section's title), else the report's; for a measurement table
 * with one such column, the caption's year, else the report's. Anywhere else (a Renstra, a
 * comparison of years) a target without a year is not read.
 */
function yearlessYear(f: Fact, t: Table, layout: TableLayout, ctx: TargetContext): number | null {
  if (ONE_YEAR.has(f.statedIn)) return singleYear(t.caption) ?? titleYear(t, ctx) ?? ctx.year;
  if (f.statedIn !== 'measurement') return null;
  const alike = layout.columns.filter((c) => c.kind === 'value' && c.role === 'target' && c.year === null && c.period === null && c.basis === f.basis);
  return alike.length === 1 ? (singleYear(t.caption) ?? ctx.year) : null;
}

function titleYear(t: Table, ctx: TargetContext): number | null {
  const sec = sectionAt([...ctx.sections], t.startLine);
  const at = ctx.index.get(Math.min(t.startLine, ...t.headerLines));
  if (at === undefined) return null;
  for (let i = at - 1, seen = 0; i >= 0 && seen < 8; i--) {
    const l = ctx.doc.lines[i]!;
    if (l.line < sec.startLine) break;
    const x = l.text.trim();
    if (!x || l.cells) continue;
    seen++;
    if (x.length >= 140) continue;
    const y = singleYear(x);
    if (y !== null) return y;
  }
  return singleYear(sec.title);
}

/** Rows of the table under a heading whose targets were replaced ("Sebelum Perubahan", vocabulary targetRevision). */
function supersededRows(layout: TableLayout, vocab: Vocab | undefined): Set<number> {
  const out = new Set<number>();
  const rev = vocab?.targetRevision;
  if (!rev || rev.superseded.length === 0) return out;
  const has = (label: string, phrases: string[]) => phrases.some((p) => ` ${words(label)} `.includes(` ${words(p)} `));
  let off = false;
  for (const r of layout.rows) {
    if (has(r.label, rev.superseded)) off = true;
    else if (has(r.label, rev.current)) off = false;
    if (off) out.add(r.index);
  }
  return out;
}

/** Each item row's label with the continuation rows under it (a name wrapped over several rows). */
function fullLabels(layout: TableLayout): Map<number, { label: string; full: string }> {
  const out = new Map<number, { label: string; full: string }>();
  let last: { label: string; full: string } | null = null;
  for (const r of layout.rows) {
    if (r.kind === 'continuation' && last) {
      last.full = `${last.full} ${r.label}`;
      continue;
    }
    last = r.kind === 'item' ? { label: r.label, full: r.label } : null;
    if (last) out.set(r.index, last);
  }
  return out;
}

/**
 * The subject's name as printed in full (Fact.subject.name is shortened): its part of a numbered
 * label, or the row's cell it was read from, with the continuation rows of the row's label.
 */
function fullName(f: Fact, t: Table, labels: Map<number, { label: string; full: string }>): string {
  const label = labels.get(f.cell.row);
  if (f.cell.part !== undefined) return (label && numberedNames(label.label)[f.cell.part]) || f.subject.name;
  const cell = (t.rows[f.cell.row]?.cells ?? []).map((c) => c.trim()).filter((c) => c.startsWith(f.subject.name)).sort((a, b) => b.length - a.length)[0] ?? f.subject.name;
  return label && label.label === cell ? label.full : cell;
}

/**
 * A table comparing the targets of one indicator by where they are stated: every row is labelled by
 * a source (`rowSources` of the vocabulary: "Kontrak kinerja", "Renstra 2020-2024"; years, a year
 * range and the words "target" / "tahun" around the phrase allowed) and no column names an
 * indicator. The source of each row, or null when the table is not one.
 */
function rowSourcesOf(layout: TableLayout, vocab: Vocab | undefined): Map<number, TargetSource> | null {
  const defs = vocab?.rowSources ?? [];
  if (defs.length === 0 || layout.rows.length < 2) return null;
  if (layout.columns.some((c) => c.kind === 'label' && c.role === 'indicator')) return null;
  const out = new Map<number, TargetSource>();
  for (const r of layout.rows) {
    const w = words(r.label).replace(/\b(19|20)\d\d\b/g, ' ').replace(/\b(tahun|target)\b/g, ' ').replace(/\s+/g, ' ').trim();
    const src = defs.find((d) => d.any.some((sig) => words(sig.join(' ')) === w))?.source;
    if (!src) return null;
    out.set(r.index, src);
  }
  return out;
}

/**
 * The indicator a row-source table is about: its title, the text lines right above the part of the
 * table (up to three, stopping at a table row or a line without letters). Each part (a header printed
 * again starts one) is its own box about its own indicator.
 */
function partTitles(t: Table, ctx: TargetContext): { from: number; to: number; name: string }[] {
  const parts = [...t.parts].sort((a, b) => a - b);
  return parts.map((from, p) => {
    const at = ctx.index.get(from) ?? -1;
    const title: string[] = [];
    for (let i = at - 1; i >= 0 && title.length < 3; i--) {
      const l = ctx.doc.lines[i]!;
      if (l.cells || !/[a-z]/i.test(l.text)) break;
      title.unshift(l.text.trim());
    }
    return { from, to: parts[p + 1] ?? Infinity, name: title.join(' ').replace(/^\d+[.)]?\s+/, '').replace(/[;:]\s*$/, '') };
  });
}

const NOT_A_TARGET: ReadonlySet<PrintedValue['kind']> = new Set(['empty', 'text', 'unreadable']);

/**
 * Every target reading, derived from the target facts themselves and put on them (Fact.targets): a
 * fact of a target column (an item row about an indicator, no period) stated in a place targets
 * are stated (its table's `statedIn`, or its column's basis: end of the plan, PK, PK Perubahan)
 * for a year (its column's, or for a yearless column `yearlessYear`) is the target of the indicator
 * its subject names (matched across tables by IndicatorRegistry). Rows under a superseded heading
 * give none; a row-source table's rows are stated where their labels say, about the indicator its
 * title names; a merged cell holding several values ("93 80% 100%") whose subject holds as many
 * known indicator names gives one reading per indicator. Tables are read measurement tables first
 * (they give the indicators their names), then PK tables, then the rest. Returns the target values
 * that could not be read (for the unreadable-value rule).
 */
export function deriveTargets(facts: readonly Fact[], tables: readonly Table[], layouts: readonly TableLayout[], ctx: TargetContext): PrintedValue[] {
  const vocab = ctx.config.vocabulary;
  const synonyms = vocab?.indicatorSynonyms ?? [];
  const unreadable: PrintedValue[] = [];
  const byTable = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.measure !== 'target' || f.rowKind !== 'item' || f.period !== null) continue;
    const list = byTable.get(f.cell.table);
    if (list) list.push(f);
    else byTable.set(f.cell.table, [f]);
  }
  const order = (k: Table['kind']) => (k === 'measurement' ? 0 : k === 'pk_targets' ? 1 : 2);
  const seq = tables.map((_, i) => i).sort((a, b) => order(tables[a]!.kind) - order(tables[b]!.kind) || a - b);
  const add = (f: Fact, r: TargetReading) => (f.targets ??= []).push(r);
  for (const i of seq) {
    const t = tables[i]!;
    const layout = layouts[i]!;
    const fs = byTable.get(t.id);
    if (!fs) continue;
    const bySource = rowSourcesOf(layout, vocab);
    if (bySource) {
      for (const part of partTitles(t, ctx)) {
        if (!part.name) continue;
        let ind: ReturnType<IndicatorRegistry['own']> | null = null;
        for (const f of fs) {
          const src = bySource.get(f.cell.row);
          if (!src || f.src.line < part.from || f.src.line >= part.to) continue;
          if (f.value.kind === 'unreadable') unreadable.push(f.value);
          if (f.year === null || NOT_A_TARGET.has(f.value.kind)) continue;
          ind ??= ctx.reg.own(part.name, f.value.src, part.from);
          add(f, { indicatorId: ind.id, year: f.year, source: src, value: f.value });
        }
      }
      continue;
    }
    const off = supersededRows(layout, vocab);
    const labels = fullLabels(layout);
    // target columns whose year cannot be decided: listed for `extract`, not read
    const yearless = new Set<number>();
    // two rows of one table that print different names are two indicators, however alike the names
    // ("Jumlah Laporan Pengadaan Barang ..." / "Jumlah laporan Pemeliharaan Barang ...")
    const named = new Map<string, string>();
    const match = (name: string, src: SourceRef, group: string | undefined) => {
      const key = indicatorKey(name, synonyms);
      const other = new Set([...named].filter(([, k]) => k !== key).map(([id]) => id));
      const ind = ctx.reg.match(name, src, group, true, other);
      if (ind && !named.has(ind.id)) named.set(ind.id, key);
      return ind;
    };
    for (const f of fs) {
      if (f.subject.kind !== 'indicator' || off.has(f.cell.row)) continue;
      const source = sourceOf(f);
      if (!source) continue;
      const year = f.year ?? (source === 'renstra_end' ? null : yearlessYear(f, t, layout, ctx));
      if (year === null && f.value.kind !== 'empty') yearless.add(f.cell.col);
      const name = fullName(f, t, labels);
      const group = f.subject.group;
      // a merged cell: as many values as known indicator names in its subject, one reading each
      const pieces = f.value.raw.trim().split(MULTI_SPLIT);
      const names = pieces.length > 1 ? splitKnownIndicators(name, ctx.reg, synonyms) : [];
      if (names.length === pieces.length) {
        if (year === null) continue;
        const expect: Expect = f.value.kind === 'money' ? 'money' : 'any';
        pieces.forEach((raw, k) => {
          const v = parseValue(raw, { ...f.src, row: names[k]!.slice(0, 120) }, expect);
          if (v.kind === 'unreadable') unreadable.push(v);
          if (NOT_A_TARGET.has(v.kind)) return;
          v.note = `sel gabungan dipecah: "${f.value.raw.slice(0, 120)}"`;
          const ind = match(names[k]!, v.src, group);
          if (ind) add(f, { indicatorId: ind.id, year, source, value: v });
        });
        continue;
      }
      if (f.value.kind === 'unreadable') unreadable.push(f.value);
      if (year === null || NOT_A_TARGET.has(f.value.kind)) continue;
      const ind = match(name, f.value.src, group);
      if (ind) add(f, { indicatorId: ind.id, year, source, value: f.value });
    }
    for (const col of yearless) {
      const c = layout.columns.find((x) => x.index === col);
      layout.undecided.push(`kolom ${col + 1} "${(c?.label ?? '').slice(0, 60)}": target tanpa tahun yang dapat ditentukan, tidak dibaca sebagai target indikator`);
    }
  }
  return unreadable;
}

/** A target reading with the fact that holds it and its table's label. */
export interface TargetOf extends TargetReading {
  fact: Fact;
  /** The table's label (tableLabel). */
  table: string;
}

/**
 * Every target reading of the report's facts, in the order the readings were made: the measurement
 * tables first (they give the indicators their names), then the PK tables, then the rest, each table
 * in row and column order.
 */
export function targetReadings(report: { facts: readonly Fact[]; tables: readonly Table[] }): TargetOf[] {
  const kindOf = new Map(report.tables.map((t) => [t.id, t.kind]));
  const order = (k: Table['kind'] | undefined) => (k === 'measurement' ? 0 : k === 'pk_targets' ? 1 : 2);
  const out: { r: TargetOf; o: number; i: number }[] = [];
  for (const f of report.facts) for (const t of f.targets ?? []) out.push({ r: { ...t, fact: f, table: f.src.table ?? '' }, o: order(kindOf.get(f.cell.table)), i: out.length });
  return out.sort((a, b) => a.o - b.o || a.i - b.i).map((x) => x.r);
}
