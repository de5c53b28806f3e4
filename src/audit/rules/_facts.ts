/**
 * Readers over the fact model (report.facts, report.layouts, report.tables, report.budgets and the
 * prose index) shared by the rules that compare tables with each other (cross-table, verdict):
 *
 *  - efficiency rows (kind efficiency) and the capaian column of predicate check tables;
 *  - PK / PK Perubahan programme budgets (kind pk_budget), with their version: a "P-APBD" /
 *    "Perubahan" note or a PK Perubahan section means the revised budget;
 *  - RKT rows (kind rkt): programme / kegiatan / sub kegiatan names, the sub kegiatan output target
 *    and the Anggaran, with the RKT's year and whether it is an RKT Perubahan;
 *  - input/output tables in the Tabel 3.6 narrative;
 *  - programme figures of the budget trees, and which programme supports which sasaran.
 *
 * Every number is a fact of the model (src/parse/facts.ts); what is read here besides is the text
 * that says what the number is about (names, notes, the title block above a table). Pure: reads
 * only the LkipReport.
 */
import type { Config } from '../../model/config.js';
import type { Fact, RowInfo, TableLayout } from '../../model/facts.js';
import type { LkipReport, Table, TableRow } from '../../model/report.js';
import type { PrintedValue, SourceRef } from '../../model/values.js';
import { basisOf, cellAt, words } from '../../parse/columns.js';
import { factsByRow } from '../../parse/facts.js';
import { romanToInt } from '../../parse/outline.js';
import { printed } from '../../parse/prose.js';
import { SECTION_LABEL, cellRef, sectionAt, tableLabel } from '../../parse/structure.js';

/**
 * The group word a label starts with, by the vocabulary's group row kinds ("Program ...",
 * "Kegiatan ...", "Sub Kegiatan ..."): the phrase as normalised, or null.
 */
export function groupWord(label: string, config: Config): string | null {
  const w = words(label);
  let best: string | null = null;
  for (const k of config.vocabulary?.rowKinds ?? []) {
    if (k.kind !== 'group') continue;
    for (const sig of k.any) {
      const p = words(sig[0]!);
      if ((w === p || w.startsWith(`${p} `)) && (!best || p.length > best.length)) best = p;
    }
  }
  return best;
}

/** The phrase of a list that a text starts with (whole words, longest first), and the printed text after it; null when none. */
function startsWithPhrase(text: string, phrases: string[]): { phrase: string; rest: string } | null {
  const w = words(text);
  const p = phrases.map(words).filter((x) => x && (w === x || w.startsWith(`${x} `))).sort((a, b) => b.length - a.length)[0];
  if (!p) return null;
  // the printed text after as many letter/digit runs as the phrase has, and the separators after them
  let rest = text;
  for (let i = 0; i < p.length; ) {
    const m = /^[^a-z0-9%]*[a-z0-9]+|^[^a-z0-9%]*%/i.exec(rest);
    if (!m) break;
    i += m[0].replace(/[^a-z0-9%]/gi, '').length + 1;
    rest = rest.slice(m[0].length);
  }
  return { phrase: p, rest: rest.replace(/^[\s.:\-–—]+/, '').trim() };
}

/** Every table of a kind with its layout and, per row index, the facts of that row. */
export function factTables(report: LkipReport, kind: Table['kind']): { table: Table; layout: TableLayout; facts: (row: number) => Fact[] }[] {
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
    const vCol = layout.columns.find((c) => c.role === 'efficiency')?.index ?? -1;
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


/**
 * The capaian facts of predicate check tables, each with the indicator (or sasaran) its row stands
 * for: rows without a capaian are the sasaran and indicator labels the rows below stand under.
 */
export function checkRows(report: LkipReport, config: Config): CheckRow[] {
  const starts = (config.vocabulary?.indicatorStarts ?? []).map(words);
  const isIndicator = (label: string) => {
    const w = words(label);
    return starts.some((p) => w === p || w.startsWith(`${p} `));
  };
  const out: CheckRow[] = [];
  for (const { table: t, layout, facts } of factTables(report, 'predicate_check')) {
    const capCol = layout.columns.find((c) => c.role === 'capaian')?.index ?? -1;
    if (capCol < 0) continue;
    let sasaran: string | null = null;
    let indicators: string[] = [];
    let last: 'sasaran' | 'indicator' | null = null;
    t.rows.forEach((r, ri) => {
      // the row's label as the resolver read it (its label column by role, else its first text cell)
      const first = (layout.rows[ri]?.label ?? '').trim();
      const capRaw = (r.cells[capCol] ?? '').trim();
      if (!capRaw) {
        if (!first) return;
        if (/^[a-z]/.test(first) && last) {
          // a label split over two rows
          if (last === 'indicator' && indicators.length > 0) indicators[indicators.length - 1] += ` ${first}`;
          else sasaran = `${sasaran ?? ''} ${first}`.trim();
        } else if (isIndicator(first)) {
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
      const average = layout.rows[ri]?.kind === 'average';
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
export function pkBudgets(report: LkipReport, config: Config): PkBudgetLine[] {
  const vocab = config.vocabulary;
  const out: PkBudgetLine[] = [];
  for (const { table: t, layout, facts } of factTables(report, 'pk_budget')) {
    const aCol = layout.columns.find((c) => c.role === 'pagu')?.index ?? -1;
    const kCol = layout.columns.find((c) => c.role === 'keterangan')?.index ?? -1;
    // the programme names stand before the amounts
    if (aCol <= 0) continue;
    const before = titleBlock(report, t.startLine).toLowerCase();
    const sectionRevised = t.section === 'lampiran_pk_perubahan';
    const sectionOriginal = t.section === 'lampiran_pk';
    for (const info of layout.rows) {
      // the programme's name: the row's label (its label column, else its first text cell)
      const label = info.label.trim();
      const fact = facts(info.index).find((f) => f.cell.col === aCol && f.value.value !== null);
      if (!label || !fact) continue;
      // the Keterangan note names the budget's basis ("P-APBD", "APBD Perubahan", "APBD": columnQualifiers.bases)
      const note = kCol >= 0 && vocab ? basisOf(cellAt(t, info, kCol) ?? '', vocab) : 'year';
      let version: BudgetVersion = 'unknown';
      if (note === 'p_apbd' || note === 'pk_perubahan' || sectionRevised) version = 'revised';
      else if (note === 'apbd' || sectionOriginal) version = 'original';
      else if (/perubahan/.test(before)) version = 'revised';
      const level: 0 | 1 = info.kind === 'total' ? 0 : 1;
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
export function rktTables(report: LkipReport, config: Config): RktInfo[] {
  const byStart = new Map<number, RktInfo>();
  for (const { table: t, layout, facts } of factTables(report, 'rkt')) {
    // by the columns' roles: the programme / kegiatan names, then the sub kegiatan name, its output
    // indicator and target to the right of it, and the Anggaran
    const cols = layout.columns;
    const subCol = cols.find((c) => c.role === 'sub_kegiatan')?.index ?? -1;
    const progCol = [...cols].reverse().find((c) => c.index < subCol && (c.role === 'program' || c.role === 'kegiatan'))?.index ?? -1;
    const outCol = cols.find((c) => c.index > subCol && c.role === 'indicator')?.index ?? -1;
    const tgtCol = outCol < 0 ? -1 : (cols.find((c) => c.index > outCol && c.role === 'target')?.index ?? -1);
    const agCol = cols.find((c) => c.role === 'pagu')?.index ?? -1;
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
      if (prog && ag) info.items.push({ level: groupWord(prog, config) === 'program' ? 1 : 2, label: prog, anggaran: fact(agCol, prog), output: null, target: null, row: r, table: t });
    }
  }
  return [...byStart.values()];
}

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

/**
 * Input/output tables in the Tabel 3.6 narrative ("Uraian Input/Output | Satuan | Target |
 * Realisasi", one small table per sub kegiatan): the target and realisasi facts of each Input and
 * Output row, under the sub kegiatan named by the nearest "Sub Kegiatan ..." prose line above it
 * (within 40 lines). Each figure is located by that name and the row's label.
 */
export function ioTables(report: LkipReport, config: Config): IoItem[] {
  const out: IoItem[] = [];
  const io = config.vocabulary?.ioRows;
  if (!io) return out;
  const lines = report.prose.lines;
  const idxOf = new Map<number, number>();
  lines.forEach((l, i) => idxOf.set(l.line, i));
  for (const { table: t, layout, facts } of factTables(report, 'input_output')) {
    // one target and one realisasi column (a table with several years is not this layout)
    const only = (role: Fact['measure']) => {
      const cs = layout.columns.filter((c) => c.role === role);
      return cs.length === 1 ? cs[0]!.index : -1;
    };
    const tCol = only('target');
    const rCol = only('realisasi');
    // the item's name: the uraian column nearest the values (a "Jenis" column before it holds Input / Output)
    const uCol = [...layout.columns].reverse().find((c) => c.role === 'uraian' && c.index < tCol)?.index ?? -1;
    if (uCol < 0 || tCol < 0 || rCol < 0) continue;
    for (const row of layout.rows) {
      const r = t.rows[row.index]!;
      // Input / Output by the vocabulary's words, in the row's first text cell up to the uraian column (a "Jenis" column before it)
      const kindCell = r.cells.slice(0, uCol + 1).find((c) => c.trim() !== '') ?? '';
      const kind = startsWithPhrase(kindCell, io.input) ? 'input' : startsWithPhrase(kindCell, io.output) ? 'output' : null;
      if (!kind) continue;
      let name = '';
      for (let i = (idxOf.get(r.line) ?? 0) - 1; i >= 0 && lines[i]!.line >= r.line - 40; i--) {
        const l = lines[i]!;
        if (l.cells) continue;
        const m = startsWithPhrase(printed(l), io.subject);
        if (m?.rest) {
          name = m.rest;
          break;
        }
      }
      if (!name) continue;
      const label = (r.cells[uCol] ?? '').trim();
      const fs = facts(row.index);
      const val = (col: number): PrintedValue | null => {
        const f = fs.find((x) => x.cell.col === col);
        if (!f) return null;
        const src = cellRef(report.file, t, r, `${name} — ${label}`, col);
        // an input is a rupiah amount: the unit the fact took from the Satuan column is not part of it
        if (kind === 'input' && /^[\d.,]+$/.test(f.value.raw.trim())) {
          const { unit: _unit, ...v } = f.value;
          return { ...v, src };
        }
        return { ...f.value, src };
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
export function sasaranPrograms(report: LkipReport, config: Config): SasaranProgram[] {
  const out: SasaranProgram[] = [];
  const layouts = new Map(report.layouts.map((l) => [l.table, l]));
  for (const tree of report.budgets) {
    if (tree.kind === 'plan') continue;
    const t = report.tables.find((x) => tableLabel(x) === tree.table);
    if (!t) continue;
    // the sasaran column: the first label column of role sasaran ("Sasaran"; a later "... Pendukung Sasaran" names programmes)
    const sCol = layouts.get(t.id)?.columns.find((c) => c.kind === 'label' && c.role === 'sasaran')?.index ?? -1;
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
  for (const { table: t, layout } of factTables(report, 'rkt')) {
    // the sasaran column and the programme / kegiatan names to the right of it, by role
    const sCol = layout.columns.find((c) => c.kind === 'label' && c.role === 'sasaran')?.index ?? -1;
    const pCol = layout.columns.find((c) => c.index > sCol && (c.role === 'program' || c.role === 'kegiatan'))?.index ?? -1;
    if (sCol < 0 || pCol < 0) continue;
    for (const r of t.rows) {
      const s = (r.cells[sCol] ?? '').trim();
      const p = (r.cells[pCol] ?? '').trim();
      if (s && groupWord(p, config) === 'program') out.push({ sasaran: s, program: p, src: cellRef(report.file, t, r, p, pCol) });
    }
  }
  return out;
}

// ------------------------------------------------------------------ row numbers, survey tables

/** The number printed in a row's `no` column ("3", "3.", roman "IV"), or null (no such column, or no number in it). */
export function rowNumber(t: Table, layout: TableLayout, row: RowInfo): { n: number; raw: string; roman: boolean; col: number } | null {
  const col = layout.columns.find((c) => c.role === 'no');
  if (!col) return null;
  const raw = (cellAt(t, row, col.index) ?? '').trim().replace(/\.$/, '');
  if (/^\d{1,3}$/.test(raw)) return { n: Number(raw), raw, roman: false, col: col.index };
  const n = /^[IVXL]+$/.test(raw) ? romanToInt(raw) : null;
  return n === null ? null : { n, raw, roman: true, col: col.index };
}

/** The rank of a printed answer or predikat on the vocabulary's survey scale (0 = worst), or null. */
export function answerRank(text: string, config: Config): number | null {
  const w = words(text);
  const i = (config.vocabulary?.surveyScale ?? []).findIndex((a) => a.any.some((p) => words(p) === w));
  return i < 0 ? null : i;
}

export interface SurveyShareRow {
  /** The row's number in the table's `no` column (links the row to the score table's). */
  no: number | null;
  label: string;
  row: TableRow;
  /** The share fact of each answer, worst first. */
  shares: Fact[];
  /** The fact of the row's Total column, when the table has one. */
  total: Fact | null;
}

/**
 * Survey (SKM / IKM) distribution tables: tables with one `share` column for every answer of the
 * vocabulary's survey scale; per item row the share facts in scale order, and its Total fact.
 */
export function surveyDistributions(report: LkipReport, config: Config): { table: Table; layout: TableLayout; totalCol: number; rows: SurveyShareRow[] }[] {
  const n = config.vocabulary?.surveyScale.length ?? 0;
  const out: { table: Table; layout: TableLayout; totalCol: number; rows: SurveyShareRow[] }[] = [];
  if (n === 0) return out;
  for (const { table: t, layout, facts } of factTables(report, 'skm_distribution')) {
    const cols = Array.from({ length: n }, (_, k) => layout.columns.filter((c) => c.role === 'share' && c.answer === k));
    if (cols.some((c) => c.length !== 1)) continue;
    const totalCol = layout.columns.find((c) => c.role === 'total')?.index ?? -1;
    const rows: SurveyShareRow[] = [];
    for (const info of layout.rows) {
      if (info.kind !== 'item') continue;
      const fs = facts(info.index);
      const shares = cols.map(([c]) => fs.find((f) => f.cell.col === c!.index && f.value.value !== null && (f.value.kind === 'percent' || f.value.kind === 'number')));
      if (shares.some((f) => !f)) continue;
      rows.push({ no: rowNumber(t, layout, info)?.n ?? null, label: info.label, row: t.rows[info.index]!, shares: shares as Fact[], total: fs.find((f) => f.cell.col === totalCol) ?? null });
    }
    out.push({ table: t, layout, totalCol, rows });
  }
  return out;
}

export interface SurveyScoreRow {
  no: number | null;
  label: string;
  row: TableRow;
  score: Fact;
  /** The predikat as printed, '' when the table has no predikat column; its rank on the survey scale. */
  predikat: string;
  rank: number | null;
  average: boolean;
}

/** Survey (SKM / IKM) score tables: per row its score fact, its printed predikat and that predikat's rank; average rows marked. */
export function surveyScores(report: LkipReport, config: Config): { table: Table; layout: TableLayout; scoreCol: number; predCol: number; rows: SurveyScoreRow[] }[] {
  const out: { table: Table; layout: TableLayout; scoreCol: number; predCol: number; rows: SurveyScoreRow[] }[] = [];
  for (const { table: t, layout, facts } of factTables(report, 'skm_score')) {
    const scoreCol = layout.columns.find((c) => c.role === 'score')?.index ?? -1;
    const predCol = layout.columns.find((c) => c.role === 'predikat')?.index ?? -1;
    if (scoreCol < 0) continue;
    const rows: SurveyScoreRow[] = [];
    for (const info of layout.rows) {
      if (info.kind !== 'item' && info.kind !== 'average') continue;
      const score = facts(info.index).find((f) => f.cell.col === scoreCol && f.value.value !== null && (f.value.kind === 'number' || f.value.kind === 'percent'));
      if (!score) continue;
      const predikat = predCol >= 0 ? (cellAt(t, info, predCol) ?? '').trim() : '';
      rows.push({ no: rowNumber(t, layout, info)?.n ?? null, label: info.label, row: t.rows[info.index]!, score, predikat, rank: predikat ? answerRank(predikat, config) : null, average: info.kind === 'average' });
    }
    out.push({ table: t, layout, scoreCol, predCol, rows });
  }
  return out;
}
