/**
 * Budget tables → Program > Kegiatan > Sub Kegiatan trees with pagu / realisasi / % per node.
 *
 * A row's level comes from, in order: its keyword (`Program`, `Kegiatan`, `Sub Kegiatan`), its
 * numbering (`1.1.2` → depth 3, `I`/`II` → program; a bare `1` is a program when the table numbers
 * kegiatan `1.1`, a kegiatan when programs are roman or keyworded), and otherwise its position
 * (an unnumbered row under a kegiatan is a sub kegiatan). A row with no amounts, no keyword and no
 * number continues the label of the row above (a cell split over lines). `Input/Output/Outcome`
 * rows (Tabel 3.6 style) belong to the node above them; `Input : Dana` gives a node its amounts when
 * its own row has none.
 */
import type { BudgetNode, BudgetTree, Table } from '../model/report.js';
import type { PrintedValue, SourceRef } from '../model/values.js';
import { parseValue } from './numbers.js';
import { SECTION_LABEL, tableLabel } from './structure.js';

const KW_PROGRAM = /^program\b\s*:?\s*/i;
const KW_SUB = /^sub\.?\s*kegiatan\b\s*:?\s*/i;
const KW_KEG = /^kegiatan\b\s*:?\s*/i;
const KW_IO = /^(input|output|outcome|outcom)\b\s*(\/\s*\w+\s*)?:?\s*/i;
const TOTAL = /^(jumlah|total|grand total)\b/i;

export function stripKeyword(label: string): string {
  return label.replace(KW_SUB, '').replace(KW_KEG, '').replace(KW_PROGRAM, '').replace(/^program\s*:\s*/i, '').trim();
}

function keywordLevel(label: string): 1 | 2 | 3 | null {
  if (KW_SUB.test(label)) return 3;
  if (KW_PROGRAM.test(label)) return 1;
  if (KW_KEG.test(label)) return 2;
  return null;
}

interface Cols {
  num: number | null;
  label: number;
  pagu: number | null;
  realisasi: number | null;
  pct: number | null;
}

function findColumns(t: Table): Cols {
  const cols = t.columns.map((c) => c.toLowerCase());
  let label = cols.findIndex((c) => /program|kegiatan/.test(c));
  if (label < 0) label = cols.length > 1 && /^(no\.?|\d*)$/.test(cols[0] ?? '') ? 1 : 0;
  const num = label > 0 && /^(no\.?|\d*|)$/.test((cols[label - 1] ?? '').trim()) ? label - 1 : null;
  const rest = cols.map((c, i) => ({ c, i })).filter(({ i }) => i > label);
  const pctCol = rest.find(({ c }) => /%|persen/.test(c) && !/anggaran \(rp|realisasi \(rp/.test(c));
  const moneyCols = rest.filter(({ i }) => i !== pctCol?.i);
  return {
    num,
    label,
    pagu: moneyCols[0]?.i ?? null,
    realisasi: t.kind === 'budget_plan' ? null : (moneyCols[1]?.i ?? null),
    pct: t.kind === 'budget_plan' ? null : (pctCol?.i ?? null),
  };
}

function isRoman(s: string) {
  return /^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.?$/.test(s.trim());
}

export function buildBudgetTree(t: Table, file: string): BudgetTree {
  const cols = findColumns(t);
  const label = tableLabel(t);
  const numbers = t.rows.map((r) => (cols.num !== null ? (r.cells[cols.num] ?? '').trim() : ''));
  const hasRoman = numbers.some(isRoman);
  const hasDotted = numbers.some((n) => /^\d+\.\d+/.test(n));
  /** "Jumlah"/"Total" may stand in the label, number or (Tabel 3.5 style) sasaran column. */
  const leadText = (r: Table['rows'][number]) => r.cells.slice(0, cols.label + 1).map((c) => c.trim()).find((c) => c !== '') ?? '';
  const isTotal = (r: Table['rows'][number]) => TOTAL.test(leadText(r));
  const totalRows = t.rows.filter(isTotal).length;
  const nodes: Record<string, BudgetNode> = {};
  const roots: string[] = [];
  const notes: BudgetTree['notes'] = [];
  let total: BudgetNode | null = null;
  const stack: BudgetNode[] = []; // stack[level-1]
  let last: BudgetNode | null = null;
  let n = 0;
  const ref = (r: Table['rows'][number], row: string, column?: string, col?: number): SourceRef => ({
    file,
    page: r.page,
    line: r.line,
    section: SECTION_LABEL[t.section],
    table: label,
    row: row.slice(0, 120),
    column,
    ...(col === undefined ? {} : { col }),
  });
  const val = (r: Table['rows'][number], col: number | null, row: string, expect: 'money' | 'percent'): PrintedValue | null => {
    if (col === null) return null;
    const raw = r.cells[col] ?? '';
    return parseValue(raw, ref(r, row, t.columns[col] ?? '', col), expect);
  };
  for (const r of t.rows) {
    let text = (r.cells[cols.label] ?? '').trim();
    let num = cols.num !== null ? (r.cells[cols.num] ?? '').trim() : '';
    // "1.\tPROGRAM : ..." in one cell when the table has no number column
    if (cols.num === null) {
      const m = /^((?:\d+\.)*\d+\.?|[IVX]+\.)\s+(.*)$/.exec(text);
      if (m && (keywordLevel(m[2]!) !== null || /^\d+\.\d/.test(m[1]!))) {
        num = m[1]!;
        text = m[2]!;
      }
    }
    if (!text && isTotal(r)) text = leadText(r);
    const amountsRaw = [cols.pagu, cols.realisasi, cols.pct].map((c) => (c === null ? '' : (r.cells[c] ?? '').trim()));
    const hasAmounts = amountsRaw.some((a) => a !== '');
    if (!text && !hasAmounts) continue;
    if (TOTAL.test(text) || TOTAL.test(num) || isTotal(r)) {
      // several "Total" rows (one per sasaran/program, Tabel 3.5 style): each is its program's amounts
      const prog = stack[0];
      if (totalRows > 1 && prog && !prog.pagu) {
        prog.pagu = val(r, cols.pagu, prog.label, 'money');
        prog.realisasi = val(r, cols.realisasi, prog.label, 'money');
        prog.pct = val(r, cols.pct, prog.label, 'percent');
        continue;
      }
      total = {
        id: `total`,
        level: 1,
        label: text || num,
        pagu: val(r, cols.pagu, text, 'money'),
        realisasi: val(r, cols.realisasi, text, 'money'),
        pct: val(r, cols.pct, text, 'percent'),
        children: [],
        outputs: [],
        src: ref(r, text),
      };
      continue;
    }
    const io = KW_IO.exec(text);
    if (io && last) {
      const kind = io[1]!.toLowerCase().startsWith('in') ? 'input' : io[1]!.toLowerCase().startsWith('outp') ? 'output' : 'outcome';
      const line = {
        kind: kind as 'input' | 'output' | 'outcome',
        label: text,
        target: cols.pagu !== null && amountsRaw[0] ? val(r, cols.pagu, text, kind === 'input' ? 'money' : 'percent') : null,
        realisasi: cols.realisasi !== null && amountsRaw[1] ? val(r, cols.realisasi, text, kind === 'input' ? 'money' : 'percent') : null,
        pct: cols.pct !== null && amountsRaw[2] ? val(r, cols.pct, text, 'percent') : null,
      };
      last.outputs.push(line);
      if (kind === 'input' && !last.pagu && line.target && line.target.kind !== 'text') {
        last.pagu = line.target;
        last.realisasi = line.realisasi;
        last.pct = line.pct;
      }
      continue;
    }
    let level: 1 | 2 | 3 | null = keywordLevel(text);
    if (level === null && num) {
      if (isRoman(num)) level = 1;
      else if (/^\d+(\.\d+)+\.?$/.test(num)) level = Math.min(3, num.replace(/\.$/, '').split('.').length) as 1 | 2 | 3;
      else if (/^\d+\.?$/.test(num)) level = hasRoman ? 2 : hasDotted ? 1 : 2;
    }
    if (level === null) {
      if (!hasAmounts && last) {
        // continuation of the label above
        last.label = `${last.label} ${text}`.trim();
        continue;
      }
      level = !last ? 1 : last.level >= 2 ? 3 : 2;
    }
    const node: BudgetNode = {
      id: `n${++n}`,
      level,
      number: num || undefined,
      label: text,
      pagu: val(r, cols.pagu, text, 'money'),
      realisasi: val(r, cols.realisasi, text, 'money'),
      pct: val(r, cols.pct, text, 'percent'),
      children: [],
      outputs: [],
      src: ref(r, text),
    };
    if (!hasAmounts) {
      node.pagu = null;
      node.realisasi = null;
      node.pct = null;
    }
    nodes[node.id] = node;
    const parent = level > 1 ? stack[level - 2] : undefined;
    if (level === 1) roots.push(node.id);
    else if (parent) parent.children.push(node.id);
    else {
      notes.push({ message: `baris tingkat ${level} tanpa induk`, src: node.src });
      roots.push(node.id);
    }
    stack[level - 1] = node;
    stack.length = level;
    last = node;
  }
  const kind: BudgetTree['kind'] = t.kind === 'budget_plan' ? 'plan' : Object.values(nodes).some((x) => x.outputs.length > 0) ? 'per_sasaran' : 'realisation';
  return { table: label, kind, roots, nodes, total, notes };
}

/** PK program budgets ("1. Program … | Rp. 2.865.379.541 | P - APBD" … "Jumlah") as a flat tree. */
export function buildPkBudget(t: Table, file: string): BudgetTree {
  const label = tableLabel(t);
  const amountCol = t.columns.findIndex((c) => /anggaran/i.test(c));
  const nameCol = amountCol > 0 ? amountCol - 1 : 0;
  const nodes: Record<string, BudgetNode> = {};
  const roots: string[] = [];
  let total: BudgetNode | null = null;
  let n = 0;
  for (const r of t.rows) {
    const name = (r.cells[nameCol] ?? '').trim();
    const raw = (r.cells[amountCol] ?? '').trim();
    if (!name || !raw) continue;
    const src: SourceRef = { file, page: r.page, line: r.line, section: SECTION_LABEL[t.section], table: label, row: name.slice(0, 120), column: t.columns[amountCol], col: amountCol };
    const node: BudgetNode = {
      id: TOTAL.test(name) ? 'total' : `p${++n}`,
      level: 1,
      label: name.replace(/^\d+\.\s*/, ''),
      pagu: parseValue(raw, src, 'money'),
      realisasi: null,
      pct: null,
      children: [],
      outputs: [],
      src,
    };
    if (TOTAL.test(name)) total = node;
    else {
      nodes[node.id] = node;
      roots.push(node.id);
    }
  }
  return { table: label, kind: 'pk', roots, nodes, total, notes: [] };
}

/**
 * The rows that carry amounts under a parent: a child without amounts (a Tabel 3.6-style kegiatan
 * row) is replaced by its own children. Null when some branch carries no amount at all.
 */
export function budgetCarriers(tree: BudgetTree, ids: string[], col: 'pagu' | 'realisasi'): BudgetNode[] | null {
  const out: BudgetNode[] = [];
  for (const id of ids) {
    const c = tree.nodes[id];
    if (!c) return null;
    if (c[col]) out.push(c);
    else if (c.children.length > 0) {
      const deeper = budgetCarriers(tree, c.children, col);
      if (!deeper) return null;
      out.push(...deeper);
    } else return null;
  }
  return out;
}

export function countLevels(tree: BudgetTree): { programs: number; kegiatan: number; subKegiatan: number } {
  const all = Object.values(tree.nodes);
  return {
    programs: all.filter((x) => x.level === 1).length,
    kegiatan: all.filter((x) => x.level === 2).length,
    subKegiatan: all.filter((x) => x.level === 3).length,
  };
}
