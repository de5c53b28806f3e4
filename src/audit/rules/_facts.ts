/**
 * Readers over the fact model (report.facts, report.layouts, report.tables) shared by the rules that
 * compare tables with each other (cross-table, verdict): the rows of efficiency tables and the
 * capaian column of predicate check tables, each with the facts of its row. Pure: reads only the
 * LkipReport.
 */
import type { Fact, TableLayout } from '../../model/facts.js';
import type { LkipReport, Table, TableRow } from '../../model/report.js';
import type { PrintedValue, SourceRef } from '../../model/values.js';
import { factsByRow } from '../../parse/facts.js';
import { printed } from '../../parse/prose.js';
import { SECTION_LABEL, cellRef, sectionAt } from '../../parse/structure.js';

/** Every table with its layout and, per row index, the facts of that row. */
function factTables(report: LkipReport, kind: Table['kind']): { table: Table; layout: TableLayout; facts: (row: number) => Fact[] }[] {
  const byRow = factsByRow(report.facts);
  const layouts = new Map(report.layouts.map((l) => [l.table, l]));
  return report.tables
    .filter((t) => t.kind === kind && layouts.has(t.id))
    .map((t) => ({ table: t, layout: layouts.get(t.id)!, facts: (row: number) => byRow.get(`${t.id}\u0000${row}\u0000`) ?? [] }));
}

export interface EfficiencyRow {
  sasaran: string;
  capaian: PrintedValue | null;
  serapan: PrintedValue | null;
  /** The efficiency verdict as printed in its column ("Efisien", "Tidak Efisien"); '' when the table has none. */
  verdict: string;
  verdictRef: SourceRef;
  row: TableRow;
  table: Table;
}

/** Rows of efficiency tables: the sasaran, its capaian and serapan facts, and the printed verdict. */
export function efficiencyRows(report: LkipReport): EfficiencyRow[] {
  const out: EfficiencyRow[] = [];
  for (const { table: t, layout, facts } of factTables(report, 'efficiency')) {
    const nCol = layout.columns.find((c) => c.kind === 'label' && c.role === 'sasaran')?.index ?? -1;
    const cCol = layout.columns.find((c) => c.role === 'capaian')?.index ?? -1;
    const sCol = layout.columns.find((c) => c.role === 'serapan')?.index ?? -1;
    const vCol = t.columns.findIndex((c) => /efisien/i.test(c));
    if (cCol < 0 || sCol < 0 || nCol < 0) continue;
    for (const info of layout.rows) {
      const r = t.rows[info.index]!;
      const sasaran = (r.cells[nCol] ?? '').trim();
      if (!sasaran) continue;
      const fs = facts(info.index);
      const of = (measure: Fact['measure']) => fs.find((f) => f.measure === measure)?.value ?? null;
      out.push({
        sasaran,
        capaian: of('capaian'),
        serapan: of('serapan'),
        verdict: vCol >= 0 ? (r.cells[vCol] ?? '').trim() : '',
        verdictRef: cellRef(report.file, t, r, sasaran, vCol >= 0 ? vCol : cCol),
        row: r,
        table: t,
      });
    }
  }
  return out;
}

export interface CheckRow {
  /** Indicator label when the row (or, for an average row, its group) names one indicator. */
  indicator: string | null;
  sasaran: string | null;
  capaian: PrintedValue;
  average: boolean;
  table: Table;
  row: TableRow;
}

const AVG = /^rata\s*[-–]?\s*rata/i;
const INDICATOR_START = /^(indikator|nilai|persentase|prosentase|jumlah|indeks|tingkat|%)\b/i;

/**
 * The capaian facts of predicate check tables, each with the indicator (or sasaran) its row stands
 * for: rows without a capaian are the sasaran and indicator labels the rows below stand under.
 */
export function checkRows(report: LkipReport): CheckRow[] {
  const out: CheckRow[] = [];
  for (const { table: t, layout, facts } of factTables(report, 'predicate_check')) {
    const capCol = layout.columns.find((c) => c.role === 'capaian')?.index ?? -1;
    if (capCol < 0) continue;
    let sasaran: string | null = null;
    let indicators: string[] = [];
    let last: 'sasaran' | 'indicator' | null = null;
    t.rows.forEach((r, ri) => {
      const first = (r.cells[0] ?? '').trim();
      const capRaw = (r.cells[capCol] ?? '').trim();
      if (!capRaw) {
        if (!first) return;
        if (/^[a-z]/.test(first) && last) {
          // a label split over two rows
          if (last === 'indicator' && indicators.length > 0) indicators[indicators.length - 1] += ` ${first}`;
          else sasaran = `${sasaran ?? ''} ${first}`.trim();
        } else if (INDICATOR_START.test(first)) {
          indicators.push(first);
          last = 'indicator';
        } else {
          sasaran = first;
          indicators = [];
          last = 'sasaran';
        }
        return;
      }
      last = null;
      const average = AVG.test(first);
      const label = average ? (indicators.length === 1 ? indicators[0]! : null) : first || null;
      const cap = facts(ri).find((f) => f.measure === 'capaian' && f.cell.col === capCol);
      if (cap) out.push({ indicator: label, sasaran, capaian: cap.value, average, table: t, row: r });
      if (!average && first) indicators.push(first);
    });
  }
  return out;
}

export type BudgetVersion = 'original' | 'revised' | 'unknown';

export interface PkBudgetLine {
  /** 1 = programme, 0 = the Jumlah row. */
  level: 0 | 1;
  label: string;
  value: PrintedValue;
  version: BudgetVersion;
  /** "PK (Bab II)", "PK Perubahan (Lampiran PK Perubahan)". */
  source: string;
  table: Table;
}

/** The few non-empty prose lines just before a table (its title block), joined. */
function titleBlock(report: LkipReport, line: number, n = 8): string {
  const lines = report.prose.lines;
  const idx = lines.findIndex((l) => l.line === line);
  const out: string[] = [];
  for (let i = idx - 1; i >= 0 && out.length < n; i--) {
    const l = lines[i]!;
    if (l.cells) {
      if (out.length > 0) break;
      continue;
    }
    const t = printed(l).trim();
    if (t) out.unshift(t);
  }
  return out.join(' ');
}

/**
 * The programme budgets of PK tables (kind pk_budget): the Anggaran facts with the version of the
 * budget they state. A "P-APBD" / "Perubahan" note in the row, a PK Perubahan section, or
 * "Perubahan" in the title block above the table means the revised budget; "APBD" or the PK
 * section the original one.
 */
export function pkBudgets(report: LkipReport): PkBudgetLine[] {
  const out: PkBudgetLine[] = [];
  for (const { table: t, layout, facts } of factTables(report, 'pk_budget')) {
    const cols = t.columns.map((c) => c.toLowerCase());
    const aCol = cols.findIndex((c) => /anggaran/.test(c));
    const kCol = cols.findIndex((c) => /keterangan/.test(c));
    // the programme names stand in the first column, the amounts after them
    if (aCol <= 0) continue;
    const before = titleBlock(report, t.startLine).toLowerCase();
    const sectionRevised = t.section === 'lampiran_pk_perubahan';
    const sectionOriginal = t.section === 'lampiran_pk';
    for (const info of layout.rows) {
      const r = t.rows[info.index]!;
      const label = (r.cells[0] ?? '').trim();
      const fact = facts(info.index).find((f) => f.cell.col === aCol && f.value.value !== null);
      if (!label || !fact) continue;
      const note = kCol >= 0 ? (r.cells[kCol] ?? '').toLowerCase() : '';
      let version: BudgetVersion = 'unknown';
      if (/p\s*-\s*apbd|perubahan/.test(note) || sectionRevised) version = 'revised';
      else if (/\bapbd\b/.test(note) || sectionOriginal) version = 'original';
      else if (/perubahan/.test(before)) version = 'revised';
      const level: 0 | 1 = /^(jumlah|total)\b/i.test(label) ? 0 : 1;
      const where = t.section.startsWith('lampiran') ? 'lampiran' : SECTION_LABEL[t.section];
      out.push({ level, label: label.replace(/^\d+\.\s*/, ''), value: fact.value, version, source: `${version === 'revised' ? 'PK Perubahan' : 'PK'} (${where})`, table: t });
    }
  }
  return out;
}

export interface RktItem {
  level: 1 | 2 | 3;
  label: string;
  anggaran: PrintedValue | null;
  /** Sub kegiatan only: the output indicator and its target. */
  output: string | null;
  target: PrintedValue | null;
  row: TableRow;
  table: Table;
}

export interface RktInfo {
  year: number | null;
  revised: boolean;
  /** "RKT Perubahan 2023 (lampiran)". */
  source: string;
  items: RktItem[];
}

const yearIn = (s: string): number | null => {
  const m = /\b(20\d\d)\b/.exec(s);
  return m ? Number(m[1]) : null;
};

/**
 * The RKT (tables of kind rkt, one RKT per section): programme, kegiatan and sub kegiatan names
 * with their Anggaran facts, and for a sub kegiatan its output indicator and target fact. The
 * RKT's year and whether it is an RKT Perubahan come from the first lines of its section. Each
 * figure is located by the name of the row it is about.
 */
export function rktTables(report: LkipReport): RktInfo[] {
  const byStart = new Map<number, RktInfo>();
  for (const { table: t, layout, facts } of factTables(report, 'rkt')) {
    const cols = t.columns.map((c) => c.toLowerCase());
    const progCol = cols.findIndex((c) => /nama program/.test(c));
    const subCol = cols.findIndex((c) => /nama sub kegiatan/.test(c));
    const outCol = cols.findIndex((c) => /sub kegiatan/.test(c) && /indikator|output/.test(c));
    const tgtCol = cols.findIndex((c, i) => i > outCol && /sub kegiatan/.test(c) && /target/.test(c));
    const agCol = cols.findIndex((c) => /anggaran/.test(c));
    if (progCol < 0 || subCol < 0 || agCol < 0) continue;
    const sec = sectionAt(report.sections, t.startLine);
    const head = report.prose.lines.filter((l) => l.line >= sec.startLine && l.line < sec.startLine + 4).map(printed).join(' ');
    const key = sec.startLine;
    let info = byStart.get(key);
    if (!info) {
      const revised = /perubahan/i.test(head);
      const year = yearIn(head);
      info = { year, revised, source: `${revised ? 'RKT Perubahan' : 'RKT'}${year ? ` ${year}` : ''} (lampiran)`, items: [] };
      byStart.set(key, info);
    }
    let lastSub: RktItem | null = null;
    for (const row of layout.rows) {
      const r = t.rows[row.index]!;
      // a row with a cell missing has its values shifted into the wrong columns: not read
      if (r.cells.length <= agCol) continue;
      const prog = (r.cells[progCol] ?? '').trim();
      const sub = (r.cells[subCol] ?? '').trim();
      const ag = (r.cells[agCol] ?? '').trim();
      const tgt = tgtCol >= 0 ? (r.cells[tgtCol] ?? '').trim() : '';
      const out = outCol >= 0 ? (r.cells[outCol] ?? '').trim() : '';
      const fs = facts(row.index);
      // the fact in a column, located by the name of what the row is about
      const fact = (col: number, name: string): PrintedValue | null => {
        const f = col >= 0 ? fs.find((x) => x.cell.col === col) : undefined;
        return f ? { ...f.value, src: cellRef(report.file, t, r, name, col) } : null;
      };
      if (sub && !ag && !/^\d/.test(tgt) && lastSub) {
        // a sub kegiatan name split over two rows
        lastSub.label = `${lastSub.label} ${sub}`;
        if (out && lastSub.output) lastSub.output = `${lastSub.output} ${out}`;
        continue;
      }
      if (sub) {
        const item: RktItem = { level: 3, label: sub, anggaran: fact(agCol, sub), output: out || null, target: fact(tgtCol, sub), row: r, table: t };
        info.items.push(item);
        lastSub = item;
        continue;
      }
      if (prog && ag) info.items.push({ level: /^program\b/i.test(prog) ? 1 : 2, label: prog, anggaran: fact(agCol, prog), output: null, target: null, row: r, table: t });
    }
  }
  return [...byStart.values()];
}
