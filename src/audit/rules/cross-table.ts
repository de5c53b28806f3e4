import type { BudgetNode, BudgetTree, Measurement } from '../../model/report.js';
import type { Problem, Rule, RuleContext } from '../../model/rule.js';
import type { PrintedValue } from '../../model/values.js';
import { parseValue } from '../../parse/numbers.js';
import { budgetCarriers } from '../../parse/budget.js';
import { tableLabel } from '../../parse/structure.js';
import { capaianOf, numberOf, sameAtPrinted, sumCents } from '../../parse/arith.js';
import { amount, consistentAtPrinted, criterion, EXACT, expectPrinted, expectQuantity, fmtRupiah, formatQuantity, lineWord, precision, rupiah } from '../tolerance.js';
import { checkRows, efficiencyRows, ioTables, pkBudgets, rktTables } from './_facts.js';
import { budgetKey, cluster, nameKey, short, similarity } from './_match.js';

// ------------------------------------------------------------------ money facts

/**
 * Where a budget figure comes from:
 *  - pk_revised: PK Perubahan (P-APBD), the agreed revised budget: authoritative when present;
 *  - pk_original / rkt_original: plans made before the revision: superseded when the report has a
 *    PK Perubahan, never findings then (that difference is the documented revision);
 *  - rkt_revised: RKT Perubahan;
 *  - body: the report's own budget tables (Bab I, per-sasaran, realisation), and PK tables whose
 *    version cannot be told.
 */
type Origin = 'pk_revised' | 'pk_original' | 'rkt_revised' | 'rkt_original' | 'body';

interface MoneyFact {
  level: 0 | 1 | 2 | 3;
  label: string;
  col: 'pagu' | 'realisasi';
  value: PrintedValue;
  cents: bigint;
  origin: Origin;
  /** Human name of the table ("Tabel 3.8", "PK Perubahan (lampiran, ...)"). */
  source: string;
  /** Unique per table, for clustering. */
  tableId: string;
  /** Sum of the rows this figure adds up in its own table, when known (null: not a parent or not readable). */
  childSum: bigint | null;
  /** For a row inside a tree: whether its parent equals the sum of this row and its siblings (null: cannot tell). */
  fits?: boolean | null;
}

const LEVEL = {
  0: { id: 'Jumlah seluruh program', en: 'Total of all programmes' },
  1: { id: 'Program', en: 'Programme' },
  2: { id: 'Kegiatan', en: 'Kegiatan' },
  3: { id: 'Sub Kegiatan', en: 'Sub kegiatan' },
} as const;
const COL = { pagu: { id: 'Pagu', en: 'Budget (pagu)' }, realisasi: { id: 'Realisasi', en: 'Realisation' } } as const;

function money(v: PrintedValue | null): bigint | null {
  if (!v || v.kind === 'empty' || v.value === null) return null;
  if (v.kind !== 'money' && v.kind !== 'number') return null;
  return rupiah(v);
}

/** Sum of the rows under a node in its own table; a child without the figure is replaced by its own children. */
function sumOf(tree: BudgetTree, ids: string[], col: 'pagu' | 'realisasi'): bigint | null {
  if (ids.length === 0) return null;
  const carriers = budgetCarriers(tree, ids, col);
  return carriers ? sumCents(carriers.map((c) => c[col])) : null;
}

function moneyFacts(ctx: RuleContext): MoneyFact[] {
  const { report } = ctx;
  const facts: MoneyFact[] = [];
  const add = (f: Omit<MoneyFact, 'cents'>) => {
    const c = money(f.value);
    if (c !== null && c > 0n) facts.push({ ...f, cents: c });
  };
  for (const tree of report.budgets) {
    if (tree.kind === 'pk') continue;
    const tableId = `tree:${tree.table}`;
    const parentOf = new Map<string, BudgetNode>();
    for (const n of Object.values(tree.nodes)) for (const c of n.children) parentOf.set(c, n);
    // one sum per parent and column: every sibling asks for its parent's (issue 18: 20,000 rows
    // under one parent were 20,000 sums of 20,000 rows)
    const sums = new Map<string[], { pagu?: bigint | null; realisasi?: bigint | null }>();
    const sumUnder = (ids: string[], col: 'pagu' | 'realisasi') => {
      let e = sums.get(ids);
      if (!e) sums.set(ids, (e = {}));
      if (e[col] === undefined) e[col] = sumOf(tree, ids, col);
      return e[col]!;
    };
    const nodeFact = (n: BudgetNode, col: 'pagu' | 'realisasi') => {
      if (!n.label.trim() || !n[col]) return;
      const parent = parentOf.get(n.id);
      const pv = parent ? money(parent[col]) : null;
      const ps = parent ? sumUnder(parent.children, col) : null;
      const fits = pv !== null && ps !== null ? pv === ps : null;
      add({ level: n.level, label: n.label, col, value: n[col]!, origin: 'body', source: tree.table, tableId, childSum: n.children.length > 0 ? sumUnder(n.children, col) : null, fits });
    };
    for (const n of Object.values(tree.nodes)) {
      nodeFact(n, 'pagu');
      nodeFact(n, 'realisasi');
    }
    if (tree.total) {
      for (const col of ['pagu', 'realisasi'] as const) {
        const v = tree.total[col];
        if (v) add({ level: 0, label: 'Jumlah', col, value: v, origin: 'body', source: tree.table, tableId, childSum: sumOf(tree, tree.roots, col) });
      }
    }
  }
  for (const pk of pkBudgets(report, ctx.config)) {
    const origin: Origin = pk.version === 'revised' ? 'pk_revised' : pk.version === 'original' ? 'pk_original' : 'body';
    add({ level: pk.level, label: pk.label, col: 'pagu', value: pk.value, origin, source: pk.source, tableId: `pk:${pk.table.startLine}`, childSum: null });
  }
  for (const rkt of rktTables(report, ctx.config)) {
    if (rkt.year !== null && report.meta.year !== null && rkt.year !== report.meta.year) continue;
    for (const it of rkt.items) {
      if (!it.anggaran) continue;
      add({ level: it.level, label: it.label, col: 'pagu', value: it.anggaran, origin: rkt.revised ? 'rkt_revised' : 'rkt_original', source: rkt.source, tableId: `rkt:${rkt.source}`, childSum: null });
    }
  }
  for (const io of ioTables(report, ctx.config)) {
    if (io.kind !== 'input') continue;
    for (const col of ['target', 'realisasi'] as const) {
      const v = io[col];
      if (v) add({ level: 3, label: io.subKegiatan, col: col === 'target' ? 'pagu' : 'realisasi', value: v, origin: 'body', source: `tabel input/output sub kegiatan (${io.table.section === 'bab3' ? 'Bab III, ' : ''}baris ${io.row.line})`, tableId: `io:${io.row.line}`, childSum: null });
    }
  }
  return facts;
}

/** A node name for messages: without its numbering and level keyword. */
function display(label: string): string {
  let s = label.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) s = s.replace(/^(?:\d+(?:\.\d+)*\.?\s+|(?:sub\.?\s*kegiatan|kegiatan|program)\b\s*(?:[A-Za-z]\.\d+)?\s*:?\s*)/i, '');
  return s.length > 90 ? `${s.slice(0, 88)}…` : s;
}

const where = (fs: MoneyFact[]) => [...new Set(fs.map((f) => `${f.source} baris ${f.value.src.line}`))].join('; ');
/** The places by name only (for the message: their lines are the related places). */
const sources = (fs: { source: string }[]) => [...new Set(fs.map((f) => f.source))].join('; ');

function checkMoney(ctx: RuleContext) {
  const facts = moneyFacts(ctx);
  const hasRevision = facts.some((f) => f.origin === 'pk_revised');
  const exempt = (f: MoneyFact) => hasRevision && (f.origin === 'pk_original' || f.origin === 'rkt_original');

  // programmes, kegiatan and sub kegiatan by name; totals by the set of programmes their table lists
  const named = facts.filter((f) => f.level > 0);
  const groups: MoneyFact[][] = [];
  for (const col of ['pagu', 'realisasi'] as const) {
    groups.push(...cluster(named.filter((f) => f.col === col), (f) => budgetKey(f.label), (f) => f.tableId, (f) => f.level));
  }
  const programOf = new Map<MoneyFact, number>();
  groups.forEach((g, i) => g.forEach((f) => f.level === 1 && f.col === 'pagu' && programOf.set(f, i)));
  const sigOf = new Map<string, string>();
  for (const tableId of new Set(facts.map((f) => f.tableId))) {
    const ids = facts.filter((f) => f.tableId === tableId && programOf.has(f)).map((f) => programOf.get(f)!);
    sigOf.set(tableId, [...new Set(ids)].sort((a, b) => a - b).join(','));
  }
  const totals = new Map<string, MoneyFact[]>();
  for (const f of facts.filter((x) => x.level === 0)) {
    const sig = sigOf.get(f.tableId) ?? '';
    if (!sig) continue;
    const k = `${f.col}|${sig}`;
    totals.set(k, [...(totals.get(k) ?? []), f]);
  }
  groups.push(...totals.values());

  for (const g of groups) {
    if (g.length < 2) continue;
    const participants = g.filter((f) => !exempt(f));
    const originals = g.filter((f) => exempt(f));
    const originalCents = new Set(originals.map((f) => f.cents));
    const authoritative = participants.filter((f) => f.origin === 'pk_revised');
    let expected: bigint;
    let ambiguous = false;
    if (authoritative.length > 0) {
      expected = authoritative[0]!.cents;
    } else {
      const byVal = new Map<bigint, MoneyFact[]>();
      for (const f of participants) byVal.set(f.cents, [...(byVal.get(f.cents) ?? []), f]);
      if (byVal.size < 2) continue;
      const score = (v: bigint, fs: MoneyFact[]) => [fs.length, originalCents.has(v) ? 0 : 1, fs.some((f) => f.childSum === v || f.fits === true) ? 1 : 0] as const;
      const ranked = [...byVal.entries()].sort((a, b) => {
        const sa = score(a[0], a[1]);
        const sb = score(b[0], b[1]);
        return sb[0] - sa[0] || sb[1] - sa[1] || sb[2] - sa[2] || a[1][0]!.value.src.line - b[1][0]!.value.src.line;
      });
      const s0 = score(ranked[0]![0], ranked[0]![1]);
      const s1 = score(ranked[1]![0], ranked[1]![1]);
      ambiguous = s0[0] === s1[0] && s0[1] === s1[1] && s0[2] === s1[2];
      expected = ranked[0]![0];
    }
    const agree = participants.filter((f) => f.cents === expected);
    for (const f of participants) {
      if (f.cents === expected) continue;
      // a parent that disagrees with the other tables while its own children give their figure: budget-sum reports it
      if (f.childSum !== null && f.childSum === expected) continue;
      const usesOriginal = originalCents.has(f.cents);
      const base = {
        level: LEVEL[f.level].id,
        levelEn: LEVEL[f.level].en,
        col: COL[f.col].id,
        colEn: COL[f.col].en,
        label: f.level === 0 ? '' : ` "${display(f.label)}"`,
        source: f.source,
        reported: f.value,
        expected: amount(expected),
        others: sources(agree),
        note: '',
        noteEn: '',
      };
      // neither the revised nor the original budget: say that the pre-revision figure does not explain it either
      const otherOriginals = originals.filter((o) => o.cents !== f.cents && o.cents !== expected);
      if (otherOriginals.length > 0 && !originalCents.has(f.cents)) {
        base.note += `; pagu sebelum perubahan (${sources(otherOriginals)}) ${fmtRupiah(otherOriginals[0]!.cents)} juga tidak sama`;
        base.noteEn += `; the pre-revision budget (${sources(otherOriginals)}) ${formatQuantity(amount(otherOriginals[0]!.cents), 'en')} does not match either`;
      }
      // budget-sum reports the parent against its own rows; say so, so the two findings read together
      if (f.childSum !== null && f.childSum !== f.cents) {
        base.note += `; rinciannya di tabel ini berjumlah ${fmtRupiah(f.childSum)} (lihat budget-sum)`;
        base.noteEn += `; its own rows in this table add up to ${formatQuantity(amount(f.childSum), 'en')} (see budget-sum)`;
      }
      const p: Problem = {
        messageId: usesOriginal ? 'original' : ambiguous ? 'differ' : 'money',
        data: usesOriginal ? { ...base, originals: sources(originals.filter((o) => o.cents === f.cents)) } : base,
        where: { ...f.value.src, column: f.value.src.column ?? f.col },
        reported: f.value,
        expected: expectQuantity(amount(expected), { id: where(agree), en: lineWord(where(agree)) }),
        tolerance: EXACT,
        related: g.filter((o) => o !== f).map((o) => ({ ...o.value.src, note: `${o.source}: ${o.value.raw}${exempt(o) ? ' (sebelum perubahan)' : ''}` })),
      };
      if (ambiguous) p.needsReview = true;
      ctx.problem(p);
    }
  }
}

// ------------------------------------------------------------------ output targets and realisations

interface OutFact {
  subKegiatan: string;
  col: 'target' | 'realisasi';
  value: PrintedValue;
  rkt: boolean;
  source: string;
  tableId: string;
}

const unitKey = (u: string | undefined) => (u ?? '').toLowerCase().split(/[\s/.(]+/)[0]!.replace(/[^a-z]/g, '');
/** Units are compatible when one abbreviates the other ("org" / "orang", "dok" / "dokumen"). */
function unitsCompatible(a: string | undefined, b: string | undefined): boolean {
  const x = unitKey(a);
  const y = unitKey(b);
  if (!x || !y || x === y) return true;
  const [s, l] = x.length <= y.length ? [x, y] : [y, x];
  if (s[0] !== l[0]) return false;
  let i = 0;
  for (const ch of l) if (ch === s[i]) i++;
  return i === s.length;
}

function checkOutputs(ctx: RuleContext) {
  const { report } = ctx;
  const facts: OutFact[] = [];
  const num = (v: PrintedValue | null) => v !== null && (v.kind === 'number' || v.kind === 'percent') && v.value !== null;
  for (const tree of report.budgets) {
    for (const n of Object.values(tree.nodes)) {
      const outs = n.outputs.filter((o) => o.kind === 'output');
      if (n.level !== 3 || outs.length !== 1) continue;
      const o = outs[0]!;
      for (const col of ['target', 'realisasi'] as const) {
        const v = o[col];
        // the tree reads output cells as percentages ("10.000 Laporan" → 10,0): read them again as plain numbers
        const w = v ? parseValue(v.raw, v.src, 'any') : null;
        if (w && num(w)) facts.push({ subKegiatan: n.label, col, value: w, rkt: false, source: tree.table, tableId: `tree:${tree.table}` });
      }
    }
  }
  for (const rkt of rktTables(report, ctx.config)) {
    if (rkt.year !== null && report.meta.year !== null && rkt.year !== report.meta.year) continue;
    for (const it of rkt.items) {
      if (it.level === 3 && it.target && num(it.target)) facts.push({ subKegiatan: it.label, col: 'target', value: it.target, rkt: true, source: rkt.source, tableId: `rkt:${rkt.source}` });
    }
  }
  const io = ioTables(report, ctx.config).filter((x) => x.kind === 'output');
  const perSub = new Map<string, number>();
  for (const x of io) perSub.set(x.subKegiatan, (perSub.get(x.subKegiatan) ?? 0) + 1);
  for (const x of io) {
    if (perSub.get(x.subKegiatan) !== 1) continue;
    for (const col of ['target', 'realisasi'] as const) {
      const v = x[col];
      if (v && num(v)) facts.push({ subKegiatan: x.subKegiatan, col, value: v, rkt: false, source: `tabel input/output sub kegiatan (${x.table.section === 'bab3' ? 'Bab III, ' : ''}baris ${x.row.line})`, tableId: `io:${x.row.line}` });
    }
  }
  for (const col of ['target', 'realisasi'] as const) {
    for (const g of cluster(facts.filter((f) => f.col === col), (f) => budgetKey(f.subKegiatan), (f) => f.tableId, () => 3)) {
      if (g.length < 2) continue;
      // the RKT is where output targets are planned: the other tables must follow it
      const rkt = g.filter((f) => f.rkt);
      let expected: OutFact;
      let ambiguous = false;
      if (rkt.length > 0) expected = rkt[0]!;
      else {
        const byVal = new Map<number, OutFact[]>();
        for (const f of g) byVal.set(f.value.value!, [...(byVal.get(f.value.value!) ?? []), f]);
        if (byVal.size < 2) {
          expected = g[0]!;
        } else {
          const ranked = [...byVal.values()].sort((a, b) => b.length - a.length);
          ambiguous = ranked[0]!.length === ranked[1]!.length;
          expected = ranked[0]![0]!;
        }
      }
      const agreeAll = g.filter((f) => f.value.value === expected.value.value && unitsCompatible(f.value.unit, expected.value.unit));
      const names = (fs: OutFact[]) => [...new Set(fs.map((f) => `${f.source} baris ${f.value.src.line}`))].join('; ');
      for (const f of g) {
        if (f.rkt) continue;
        const sameNumber = f.value.value === expected.value.value;
        const sameUnit = unitsCompatible(f.value.unit, expected.value.unit);
        if (sameNumber && sameUnit) continue;
        const data = {
          what: col === 'target' ? 'Target' : 'Realisasi',
          whatEn: col === 'target' ? 'target' : 'realisation',
          label: display(f.subKegiatan),
          source: f.source,
          reported: f.value,
          expected: expected.value,
          others: sources(agreeAll.filter((o) => o !== f)),
        };
        const p: Problem = {
          messageId: sameUnit ? 'output' : 'outputUnit',
          data,
          where: f.value.src,
          reported: f.value,
          expected: expectPrinted(expected.value, { id: names(agreeAll.filter((o) => o !== f)), en: lineWord(names(agreeAll.filter((o) => o !== f))) }),
          tolerance: sameUnit ? criterion('angka sama', 'the same number') : criterion('satuan sama (singkatan diterima: "org" = "Orang")', 'the same unit (abbreviations accepted: "org" = "Orang")'),
          related: g.filter((o) => o !== f).map((o) => ({ ...o.value.src, note: `${o.source}: ${o.value.raw}` })),
        };
        if (ambiguous) p.needsReview = true;
        ctx.problem(p);
      }
    }
  }
}

// ------------------------------------------------------------------ capaian of an indicator in every table

function rawCapaian(m: Measurement, negative: boolean): number | null {
  // money is not a capaian's target or realisation here (numberOf would take it)
  const n = (v: PrintedValue) => (v.kind === 'money' ? null : numberOf(v));
  const t = n(m.target);
  const r = n(m.realisasi);
  return t === null || r === null ? null : capaianOf(t, r, negative);
}

const isPctLike = (v: PrintedValue | null): v is PrintedValue => v !== null && (v.kind === 'percent' || v.kind === 'number') && v.value !== null;


function checkCapaian(ctx: RuleContext) {
  const { report } = ctx;
  const capped = report.meta.capRuleStated;
  const inds = new Map(report.indicators.map((i) => [i.id, i]));
  const measTables = new Set(report.tables.filter((t) => t.kind === 'measurement').map((t) => tableLabel(t)));
  // the reference capaian per indicator: the measurement table (Tabel 3.1 style) of the report year, when it is itself consistent
  const base = new Map<string, Measurement>();
  for (const m of report.measurements) {
    if (m.kind !== 'year' || !isPctLike(m.capaian) || m.capaian.kind !== 'percent' || !measTables.has(m.table)) continue;
    const raw = rawCapaian(m, inds.get(m.indicatorId)?.polarity === 'negative');
    if (raw !== null && !consistentAtPrinted(raw, m.capaian.value!, m.capaian.decimals) && !(capped && raw > 100 && consistentAtPrinted(100, m.capaian.value!, m.capaian.decimals))) continue;
    if (!base.has(m.indicatorId)) base.set(m.indicatorId, m);
  }
  if (base.size === 0) return;
  const byIndicatorName = (label: string) => {
    const k = nameKey(label);
    let best: { id: string; sim: number } | null = null;
    for (const ind of report.indicators) {
      if (!base.has(ind.id)) continue;
      const sim = Math.max(similarity(nameKey(ind.name), k), ...ind.aliases.map((a) => similarity(nameKey(a.name), k)));
      if (sim > 0 && (!best || sim > best.sim)) best = { id: ind.id, sim };
    }
    return best?.id ?? null;
  };
  const bySasaran = (label: string) => {
    const k = nameKey(label);
    const hits = report.indicators.filter((ind) => base.has(ind.id) && ind.sasaran && similarity(nameKey(ind.sasaran), k) > 0);
    // the sasaran must have exactly one indicator, or the figure is an average (the average rule's business)
    const all = report.indicators.filter((ind) => ind.sasaran && similarity(nameKey(ind.sasaran), k) > 0);
    return hits.length === 1 && all.length === 1 ? hits[0]!.id : null;
  };
  const compare = (indicatorId: string, v: PrintedValue, context: string) => {
    const m = base.get(indicatorId)!;
    const b = m.capaian;
    if (sameAtPrinted(b, v)) return; // the same number at the printed precision of both
    if (capped && b.value! > 100 && consistentAtPrinted(100, v.value!, v.decimals)) return;
    const ind = inds.get(indicatorId);
    ctx.problem({
      messageId: 'capaian',
      data: { label: short(ind?.name ?? ''), table: v.src.table ?? context, reported: v, expected: b, other: m.table },
      where: v.src,
      reported: v,
      expected: expectPrinted(b, { id: `${m.table} baris ${b.src.line}`, en: `${m.table} line ${b.src.line}` }),
      tolerance: precision(
        Math.min(v.decimals, b.decimals),
        capped ? { id: 'capaian di atas 100% boleh dicetak 100% (dinyatakan laporan)', en: 'a capaian above 100% may be printed as 100% (as the report states)' } : undefined,
      ),
      related: [{ ...b.src, note: `${m.table}: ${b.raw}` }],
    });
  };
  // other measurement tables of the same year
  for (const m of report.measurements) {
    const b = base.get(m.indicatorId);
    if (!b || m === b || m.kind !== 'year' || m.year !== b.year || !isPctLike(m.capaian) || m.capaian.kind !== 'percent') continue;
    compare(m.indicatorId, m.capaian, m.table);
  }
  for (const r of checkRows(report, ctx.config)) {
    if (!isPctLike(r.capaian)) continue;
    const id = (r.indicator && byIndicatorName(r.indicator)) || (r.sasaran && bySasaran(r.sasaran)) || null;
    if (id) compare(id, r.capaian, r.table.id);
  }
  for (const r of efficiencyRows(report)) {
    if (!isPctLike(r.capaian)) continue;
    const id = bySasaran(r.sasaran);
    if (id) compare(id, r.capaian, r.table.id);
  }
}

/**
 * The same figure printed in several tables must be the same: budgets of a programme, kegiatan or
 * sub kegiatan (Bab I, per-sasaran tables, the realisation table, PK / PK Perubahan, RKT), the
 * output target and realisation of a sub kegiatan (RKT, Tabel 3.6 style), and the capaian of an
 * indicator (measurement table, predicate check table, efficiency table).
 */
export const crossTable: Rule = {
  meta: {
    id: 'cross-table',
    category: 'cross_table_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Angka yang sama di beberapa tabel harus sama. (1) Pagu dan realisasi setiap Program / Kegiatan / Sub Kegiatan (dicocokkan menurut nama yang dinormalkan dan tingkatnya; kemiripan Dice ≥ 0,85) di tabel anggaran Bab I, tabel per sasaran (Tabel 3.5/3.6), tabel realisasi (Tabel 3.8), PK, PK Perubahan dan RKT; rupiah dibandingkan tepat. Jika ada PK Perubahan, nilainya yang berlaku; PK awal dan RKT awal yang berbeda adalah revisi terdokumentasi dan tidak dilaporkan, tetapi tabel analisis yang masih memakai pagu sebelum perubahan dilaporkan dengan kedua nilai. Induk yang berbeda padahal rinciannya di tabel yang sama menghasilkan angka tabel lain sudah dilaporkan oleh budget-sum dan tidak diulang. (2) Target dan realisasi output sub kegiatan: tabel laporan harus mengikuti RKT; satuan yang berbeda saja menjadi peringatan. (3) Capaian indikator di tabel predikat dan tabel efisiensi harus sama dengan tabel pengukuran (dengan aturan batas 100% bila dinyatakan laporan).',
      en: 'The same figure printed in several tables must agree. (1) Budget and realisation of every programme / kegiatan / sub kegiatan (matched by normalised name and level; Dice similarity ≥ 0.85) across the Bab I budget table, per-sasaran tables (Tabel 3.5/3.6), the realisation table (Tabel 3.8), PK, PK Perubahan and RKT; rupiah compared exactly. When a PK Perubahan exists its figure stands; an original PK or RKT that differs is the documented revision and is not reported, but an analysis table still using the pre-revision budget is reported with both figures. A parent that disagrees while its own children give the other tables\' figure is left to budget-sum. (2) Sub kegiatan output targets and realisations: the report\'s tables must follow the RKT; a unit-only difference is a warning. (3) An indicator\'s capaian in the predicate and efficiency tables must equal the measurement table (with the 100% cap when the report states it).',
    },
    messages: {
      money: {
        id: '{{col}} {{level}}{{label}} di {{source}} tercatat {{reported}}, sedangkan {{expected}} tercantum di {{others}}{{note}}.',
        en: '{{colEn}} of {{levelEn}}{{label}} in {{source}} is {{reported}}, but {{expected}} in {{others}}{{noteEn}}.',
      },
      differ: {
        id: '{{col}} {{level}}{{label}} di {{source}} tercatat {{reported}}, sedangkan di {{others}} {{expected}}{{note}}; tidak dapat ditentukan mana yang benar.',
        en: '{{colEn}} of {{levelEn}}{{label}} in {{source}} is {{reported}}, but {{expected}} in {{others}}{{noteEn}}; which one is right cannot be told.',
      },
      original: {
        id: '{{col}} {{level}}{{label}} di {{source}} tercatat {{reported}}, yaitu pagu sebelum perubahan ({{originals}}); setelah perubahan seharusnya {{expected}} seperti di {{others}}{{note}}.',
        en: '{{colEn}} of {{levelEn}}{{label}} in {{source}} is {{reported}}, the pre-revision budget ({{originals}}); after the revision it should be {{expected}} as in {{others}}{{noteEn}}.',
      },
      output: {
        id: '{{what}} output sub kegiatan "{{label}}" di {{source}} tercatat {{reported}}, sedangkan {{expected}} tercantum di {{others}}.',
        en: 'Output {{whatEn}} of sub kegiatan "{{label}}" in {{source}} is {{reported}}, but {{expected}} in {{others}}.',
      },
      outputUnit: {
        id: '{{what}} output sub kegiatan "{{label}}" di {{source}} ditulis {{reported}}, dengan satuan yang berbeda dari {{others}} ({{expected}}).',
        en: 'Output {{whatEn}} of sub kegiatan "{{label}}" in {{source}} is written {{reported}}, with a unit differing from {{others}} ({{expected}}).',
        severity: 'warning',
      },
      capaian: {
        id: 'Capaian "{{label}}" di {{table}} tercatat {{reported}}, sedangkan {{expected}} tercantum di {{other}}.',
        en: 'Capaian of "{{label}}" in {{table}} is {{reported}}, but {{expected}} in {{other}}.',
      },
    },
  },
  check(ctx) {
    checkMoney(ctx);
    checkOutputs(ctx);
    checkCapaian(ctx);
  },
};

