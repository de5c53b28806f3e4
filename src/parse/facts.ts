/**
 * Tables + their layouts → facts. Every value cell of a column whose role the resolver decided
 * becomes one fact: subject (the row's label under its group heading), measure (the column's
 * role), year / period / basis (the column's header), where it is stated (the table's kind and
 * section), the printed value with its precision, and its cell. Total and average rows become
 * aggregate facts naming the item facts of their column since the previous aggregate row.
 * Undecided columns and rows give no fact.
 */
import type { Config } from '../model/config.js';
import type { Fact, RowInfo, StatedIn, TableLayout, TargetReading } from '../model/facts.js';
import type { Table } from '../model/report.js';
import type { SourceRef } from '../model/values.js';
import { cellAt, cellIndexAt } from './columns.js';
import { parseValue, type Expect } from './numbers.js';
import { indicatorKey } from './performance.js';
import { SECTION_LABEL, tableLabel } from './structure.js';

function statedIn(t: Table): StatedIn {
  const pkChange = t.section === 'lampiran_pk_perubahan' || /perubahan/i.test(t.caption);
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
}

/** Facts of one table; `next` numbers fact ids across the report. */
export function tableFacts(t: Table, layout: TableLayout, ctx: FactContext, next: () => string): Fact[] {
  const out: Fact[] = [];
  const negative = (ctx.config.vocabulary?.negativeIndicators ?? []).map((w) => w.toLowerCase());
  const synonyms = ctx.config.vocabulary?.indicatorSynonyms ?? [];
  // the subject column: the most specific label column (the one row labels come from)
  const labelCol = SUBJECT_ORDER.map((role) => layout.columns.find((c) => c.kind === 'label' && c.role === role)).find(Boolean);
  const subjectKind: Fact['subject']['kind'] = labelCol?.role ? SUBJECT_OF[labelCol.role]! : 'item';
  const where = statedIn(t);
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

/**
 * A row whose label names several numbered indicators ("1. … 2. …") and whose value cells each hold
 * one value or exactly as many: its parts. Otherwise null (the row stays whole; its cells with
 * several values are unreadable, not guessed).
 */
function splitParts(row: RowInfo, t: Table, layout: TableLayout): { names: string[]; count: Record<number, number> } | null {
  const names = row.label.split(/(?:^|\s)\d+\.\s+/).map((s) => s.trim()).filter(Boolean);
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

/**
 * The indicator-level target readings (src/parse/performance.ts) onto the facts of their cells: a
 * reading belongs to the fact printed in the same table, line and cell (of several parts of a split
 * row, the one printed alike; else a target fact). Returns the readings no fact holds.
 */
export function attachTargets<T extends TargetReading & { table: string }>(facts: Fact[], readings: readonly T[]): T[] {
  const at = new Map<string, Fact[]>();
  const key = (table: string | undefined, line: number, col: number | undefined) => `${table ?? ''}\u0000${line}\u0000${col ?? ''}`;
  for (const f of facts) {
    const k = key(f.src.table, f.src.line, f.src.col);
    const list = at.get(k);
    if (list) list.push(f);
    else at.set(k, [f]);
  }
  const left: T[] = [];
  for (const r of readings) {
    const cands = at.get(key(r.table, r.value.src.line, r.value.src.col)) ?? [];
    const f = cands.find((x) => x.value.raw === r.value.raw) ?? cands.find((x) => x.measure === 'target') ?? cands[0];
    if (!f) {
      left.push(r);
      continue;
    }
    const { table: _table, ...reading } = r;
    (f.targets ??= []).push(reading);
  }
  return left;
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
