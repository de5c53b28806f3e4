/**
 * Figures that the typed model does not carry yet but the cross-table rules need, read from the
 * report's tables (pure: no Node APIs).
 *
 *  - PK / PK Perubahan programme budgets (tables of kind pk_budget), with their version: a
 *    "P-APBD" / "Perubahan" note or a PK Perubahan section means the revised budget.
 *  - RKT rows (kind rkt): programme / kegiatan / sub kegiatan names, the sub kegiatan output target
 *    and the "Anggaran" column, with the RKT's year and whether it is an RKT Perubahan.
 *  - Input/output tables in the Tabel 3.6 narrative ("Uraian Input/Output | Satuan | Target |
 *    Realisasi", one small table per sub kegiatan, the name on the line above).
 *  - Efficiency rows (kind efficiency) and the capaian column of predicate check tables.
 */
import type { ProseEntry } from '../model/prose.js';
import type { LkipReport, Table, TableRow } from '../model/report.js';
import type { PrintedValue, SourceRef } from '../model/values.js';
import { parseValue } from './numbers.js';
import { printed } from './prose.js';
import { SECTION_LABEL, cellRef, sectionAt, tableLabel } from './structure.js';

export interface IoItem {
  /** Sub kegiatan name as printed above the small table. */
  subKegiatan: string;
  kind: 'input' | 'output';
  label: string;
  target: PrintedValue | null;
  realisasi: PrintedValue | null;
  table: Table;
  row: TableRow;
}

// ------------------------------------------------------------------ input/output tables (Tabel 3.6 narrative style)

export function ioTables(report: LkipReport): IoItem[] {
  const out: IoItem[] = [];
  const lines = report.prose.lines;
  const idxOf = new Map<number, number>();
  lines.forEach((l, i) => idxOf.set(l.line, i));
  for (const t of report.tables) {
    if (t.kind !== 'other') continue;
    const cols = t.columns.map((c) => c.toLowerCase());
    const uCol = cols.findIndex((c) => /uraian input/.test(c));
    const tCol = cols.findIndex((c) => /^target$/.test(c.trim()));
    const rCol = cols.findIndex((c) => /^realisasi$/.test(c.trim()));
    if (uCol < 0 || tCol < 0 || rCol < 0) continue;
    const sCol = cols.findIndex((c) => /^satuan$/.test(c.trim()));
    for (const r of t.rows) {
      const kindCell = (r.cells[0] ?? '').trim().toLowerCase();
      const kind = kindCell.startsWith('input') ? 'input' : kindCell.startsWith('output') ? 'output' : null;
      if (!kind) continue;
      // the sub kegiatan name: the nearest "Sub Kegiatan ..." line above this row (outside tables)
      let name = '';
      for (let i = (idxOf.get(r.line) ?? 0) - 1; i >= 0 && lines[i]!.line >= r.line - 40; i--) {
        const l = lines[i]!;
        if (l.cells) continue;
        const m = /^\s*sub\.?\s*kegiatan\b\s*:?\s*(.+)$/i.exec(printed(l));
        if (m) {
          name = m[1]!.trim();
          break;
        }
      }
      if (!name) continue;
      const label = (r.cells[uCol] ?? '').trim();
      const unit = sCol >= 0 ? (r.cells[sCol] ?? '').trim() : '';
      const val = (col: number) => {
        const raw = (r.cells[col] ?? '').trim();
        if (!raw) return null;
        // "18" with the unit in its own column ("Orang/Bulan") reads as "18 Orang/Bulan"
        const withUnit = kind === 'output' && unit && /^[\d.,]+$/.test(raw) ? `${raw} ${unit}` : raw;
        const v = parseValue(withUnit, cellRef(report.file, t, r, `${name} — ${label}`, col), kind === 'input' ? 'money' : 'any');
        return { ...v, raw };
      };
      out.push({ subKegiatan: name, kind, label, target: val(tCol), realisasi: val(rCol), table: t, row: r });
    }
  }
  return out;
}

// ------------------------------------------------------------------ programme amounts

export interface ProgramAmount {
  label: string;
  pagu: PrintedValue | null;
  realisasi: PrintedValue | null;
  pct: PrintedValue | null;
  /** BudgetTree.table of the tree the figure stands in. */
  tree: string;
  nodeId: string;
}

/** Programme figures of the report's own budget tables (PK budget trees left out). */
export function programAmounts(report: LkipReport): ProgramAmount[] {
  const out: ProgramAmount[] = [];
  for (const tree of report.budgets) {
    if (tree.kind === 'pk') continue;
    for (const id of tree.roots) {
      const n = tree.nodes[id];
      if (!n || n.level !== 1 || !n.label.trim() || !(n.pagu || n.realisasi)) continue;
      out.push({ label: n.label, pagu: n.pagu, realisasi: n.realisasi, pct: n.pct, tree: tree.table, nodeId: n.id });
    }
  }
  return out;
}

// ------------------------------------------------------------------ which programme supports which sasaran

export interface SasaranProgram {
  sasaran: string;
  program: string;
  src: SourceRef;
}

/** Sasaran → programme pairs stated by the report: per-sasaran tables (a Sasaran column or "Sasaran n :" lines) and RKT rows. */
export function sasaranPrograms(report: LkipReport): SasaranProgram[] {
  const out: SasaranProgram[] = [];
  for (const tree of report.budgets) {
    if (tree.kind === 'plan') continue;
    const t = report.tables.find((x) => tableLabel(x) === tree.table);
    if (!t) continue;
    const sCol = t.columns.findIndex((c) => /^sasaran$/i.test(c.trim()));
    const roots = tree.roots.map((id) => tree.nodes[id]!).filter((n) => n.level === 1 && n.label.trim());
    if (sCol >= 0) {
      for (const r of t.rows) {
        const s = (r.cells[sCol] ?? '').trim();
        const prog = roots.find((n) => n.src.line === r.line);
        if (s && prog) out.push({ sasaran: s, program: prog.label, src: prog.src });
      }
    }
    // "Sasaran Strategi 1 : ..." lines inside the table's range
    for (const l of report.prose.lines) {
      if (l.line < t.startLine - 3 || l.line > t.endLine || l.cells) continue;
      const m = /^\s*sasaran\s*(?:strategi[s]?)?\s*\d*\s*:\s*(.{10,})$/i.exec(printed(l));
      if (!m) continue;
      const prog = roots.find((n) => n.src.line > l.line);
      if (prog) out.push({ sasaran: m[1]!.trim(), program: prog.label, src: { file: report.file, page: l.page, line: l.line, section: SECTION_LABEL[t.section], table: tableLabel(t) } });
    }
  }
  for (const t of report.tables) {
    if (t.kind !== 'rkt') continue;
    const cols = t.columns.map((c) => c.toLowerCase());
    const sCol = cols.findIndex((c) => /sasaran (pd|opd) uraian/.test(c));
    const pCol = cols.findIndex((c) => /nama program/.test(c));
    if (sCol < 0 || pCol < 0) continue;
    for (const r of t.rows) {
      const s = (r.cells[sCol] ?? '').trim();
      const p = (r.cells[pCol] ?? '').trim();
      if (s && /^program\b/i.test(p)) out.push({ sasaran: s, program: p, src: cellRef(report.file, t, r, p, pCol) });
    }
  }
  return out;
}
