/**
 * OCR misreading repair on the typed model (issue 5). Pure: no I/O.
 *
 * The report's own arithmetic decides which reading of a damaged number is the printed one:
 *  - capaian = realisasi / target × 100 (negative polarity: (2·target − realisasi) / target × 100),
 *    for measurements and for sub kegiatan outputs;
 *  - a budget parent's pagu / realisasi = the sum of its children; the total row = the sum of the
 *    programs (money compared exactly, in whole rupiah);
 *  - % serapan = realisasi / pagu × 100.
 * Percentages are compared at their printed precision (rounded or truncated), as the rules do.
 *
 * A value is a candidate only when it was read by OCR with confidence below `maxConfidence`
 * (values without a confidence, i.e. every value of a text or born-digital report, are never
 * touched) and it takes part in at least one relation that does not hold. Its plausible misreadings
 * are generated from the printed text (`%` read as `96`/`58`/`0`, `,` vs `.`, `O`→`0`, `l`/`I`→`1`,
 * `S`→`5`, stray spaces, specks and rule remnants at the ends: `332.487.990°`, `93.%`, `100%.`). A reading is accepted only when
 *  - it is the only reading of that value that makes every relation the value takes part in hold
 *    (relations that cannot be evaluated, e.g. with an empty member, are not counted, but at least
 *    one must be evaluable), and
 *  - no other candidate value offers a repair for the same broken relation (two suspects, one
 *    equation: nothing is decided).
 * Repairs are applied to a copy of the report and recorded: value before/after, confidence, the
 * relations that now hold. The repaired PrintedValue keeps its confidence and gets a `note`
 * starting with REPAIR_NOTE, so rules can mark findings on it for a human look.
 */
import { cents, checkCapaian, pctAtPrinted, sumCents } from './arith.js';
import type { Document } from '../model/document.js';
import type { BudgetNode, BudgetTree, LkipReport } from '../model/report.js';
import type { PrintedValue, SourceRef } from '../model/values.js';
import { parseValue, type Expect } from './numbers.js';
import { budgetCarriers } from './budget.js';

export const REPAIR_NOTE = 'perbaikan OCR';
/** Default: OCR values with a word confidence below this are candidates for repair. */
export const REPAIR_MAX_CONFIDENCE = 95;

export interface Repair {
  where: SourceRef;
  /** As read by OCR / as repaired. */
  before: string;
  after: string;
  valueBefore: number | null;
  valueAfter: number;
  confidence: number;
  /** The relations that hold with the repaired value (human-readable). */
  relations: string[];
  /** Short explanation in Indonesian and English. */
  why: { id: string; en: string };
}

export interface RepairOptions {
  /** Values read with confidence below this are candidates (default REPAIR_MAX_CONFIDENCE). */
  maxConfidence?: number;
  /**
   * The document the report was parsed from: cell confidences are copied onto the model's values
   * first (by line and cell text), for parsers that do not carry them.
   */
  doc?: Document;
}

/** Was this value changed by repairReport? */
export function isRepaired(v: PrintedValue | null | undefined): boolean {
  return !!v?.note?.startsWith(REPAIR_NOTE);
}

/** A value a human should look at before a verdict rests on it: repaired, or read with low confidence. */
export function needsHumanLook(v: PrintedValue | null | undefined, lowConfidence = 80): boolean {
  if (!v) return false;
  return isRepaired(v) || (v.confidence !== undefined && v.confidence < lowConfidence);
}

// ---------------------------------------------------------------------------------------------
// relations

interface Relation {
  label: string;
  members: PrintedValue[];
  /** true/false when evaluable with the given override; null when a member is missing. */
  holds(get: (v: PrintedValue) => PrintedValue): boolean | null;
  /** How each member is parsed (percent column, money column). */
  expect: Map<PrintedValue, Expect>;
}


function capaianRelation(label: string, t: PrintedValue, r: PrintedValue, c: PrintedValue, negative: boolean, capped: boolean): Relation {
  // target and realisation of one indicator are printed alike: a % on one means a % on the other
  const pctLike = (other: PrintedValue): Expect => (other.kind === 'percent' ? 'percent' : 'any');
  return {
    label,
    members: [t, r, c],
    expect: new Map<PrintedValue, Expect>([
      [t, pctLike(r)],
      [r, pctLike(t)],
      [c, 'percent'],
    ]),
    holds(get) {
      return checkCapaian(get(t), get(r), get(c), negative, capped)?.holds ?? null;
    },
  };
}

function pctRelation(label: string, n: BudgetNode): Relation | null {
  const { pagu, realisasi, pct } = n;
  if (!pagu || !realisasi || !pct) return null;
  return {
    label,
    members: [pagu, realisasi, pct],
    expect: new Map<PrintedValue, Expect>([
      [pagu, 'money'],
      [realisasi, 'money'],
      [pct, 'percent'],
    ]),
    holds(get) {
      const p = cents(get(pagu));
      const r = cents(get(realisasi));
      const c = get(pct);
      if (p === null || p === 0n || r === null || c.value === null) return null;
      return pctAtPrinted(r, p, c);
    },
  };
}


function sumRelation(label: string, parent: PrintedValue, children: PrintedValue[]): Relation {
  return {
    label,
    members: [parent, ...children],
    expect: new Map<PrintedValue, Expect>([parent, ...children].map((v) => [v, 'money'])),
    holds(get) {
      const own = cents(get(parent));
      const s = sumCents(children.map(get));
      if (own === null || s === null) return null;
      return own === s;
    },
  };
}

function relationsOf(report: LkipReport): Relation[] {
  const rels: Relation[] = [];
  const capped = report.meta.capRuleStated;
  const inds = new Map(report.indicators.map((i) => [i.id, i]));
  for (const m of report.measurements) {
    const ind = inds.get(m.indicatorId);
    rels.push(capaianRelation(`capaian = realisasi / target (${m.table}, ${(ind?.name ?? '').slice(0, 50)})`, m.target, m.realisasi, m.capaian, ind?.polarity === 'negative', capped));
  }
  for (const tree of report.budgets) {
    const nodes = [...Object.values(tree.nodes), ...(tree.total ? [tree.total] : [])];
    for (const n of nodes) {
      const r = pctRelation(`% = realisasi / pagu (${tree.table}, ${n.label.slice(0, 50)})`, n);
      if (r) rels.push(r);
      for (const o of n.outputs) {
        if (o.kind !== 'output' || !o.target || !o.realisasi || !o.pct) continue;
        rels.push(capaianRelation(`capaian output = realisasi / target (${tree.table}, ${o.label.slice(0, 40)})`, o.target, o.realisasi, o.pct, false, capped));
      }
    }
    const sums = (node: BudgetNode, ids: string[], what: string) => {
      for (const col of ['pagu', 'realisasi'] as const) {
        const v = node[col];
        const cs = budgetCarriers(tree, ids, col);
        if (!v || !cs || !cs.length) continue;
        rels.push(sumRelation(`${col} ${what} (${tree.table}, ${node.label.slice(0, 50)})`, v, cs.map((c) => c[col]!)));
      }
    };
    for (const n of Object.values(tree.nodes)) if (n.children.length) sums(n, n.children, '= jumlah rincian');
    if (tree.total && tree.roots.length) sums(tree.total, tree.roots, 'total = jumlah program');
  }
  return rels;
}

// ---------------------------------------------------------------------------------------------
// readings

/** What OCR makes of a `%` sign at the end of a number (observed with tesseract ind+eng). */
const PERCENT_READ_AS = ['96', '90', '94', '98', '58', '0', '9', '%6', '%o', '9o', 'So', 'Yo', 'yo', '%6'];

/** Plausible readings of an OCR'd number (excluding the text itself). */
export function misreadings(raw: string, expect: Expect): string[] {
  const out = new Set<string>();
  const base = raw.trim();
  // letters that OCR puts in place of digits, in a token made of digits, separators and such letters
  const letters = (s: string) =>
    s
      .replace(/[\dOoIl|S.,]+/g, (tok) => (/\d/.test(tok) && /^[\dOoIl|S]/.test(tok) ? tok.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1').replace(/S/g, '5') : tok))
      .replace(/(?<=\d)\s+(?=[\d.,]*\d)/g, '');
  // specks read as punctuation at either end: ":84,91%", "3.260.140.094:"
  // …and rule remnants or specks stuck to the end: "332.487.990°", "1.037.645.000 i]"
  const trimmed = base
    .replace(/^[:;'`’‘"]+\s*/, '')
    .replace(/\s*[:;'`’‘"°\]\[|]+$/, '')
    .replace(/(?<=\d)\s+\S?[\]\[|°]$/, '')
    .replace(/(?<=%)\s*[.,]+$/, '');
  const stage1 = new Set([base, letters(base), trimmed, letters(trimmed)]);
  const stage2 = new Set<string>(stage1);
  if (expect === 'percent') {
    for (const s of stage1) {
      // a speck read as a separator before the `%`: "93.%"
      if (/\d[.,]\s*%$/.test(s)) stage2.add(s.replace(/[.,]\s*%$/, '%'));
      if (s.includes('%')) continue;
      // a `%` on a line of its own in a narrow cell, lost
      if (/\d$/.test(s)) stage2.add(s + '%');
      for (const tail of PERCENT_READ_AS) {
        if (s.endsWith(tail) && s.length > tail.length) stage2.add(s.slice(0, -tail.length).replace(/\s+$/, '') + '%');
      }
    }
    // a decimal comma the scan lost: 8644% → 86,44%
    for (const s of [...stage2]) {
      const m = /^(\d{3,})\s*%?$/.exec(s);
      if (!m) continue;
      const d = m[1]!;
      const pct = /%$/.test(s) ? '%' : '';
      for (const k of [1, 2]) if (d.length - k >= 1) stage2.add(`${d.slice(0, d.length - k)},${d.slice(d.length - k)}${pct}`);
    }
  }
  // speckle read as a lone character next to the number: "80 % 7"
  for (const s of [...stage2]) {
    const m = /^(\S+(?:\s*%)?)\s+\S$/.exec(s) ?? /^\S\s+(\S+(?:\s*%)?)$/.exec(s);
    if (m) stage2.add(m[1]!);
  }
  if (expect === 'money' || expect === 'any') {
    for (const s of [...stage2]) {
      // a letter stuck to the end: "1.909.122.591d"
      const t = s.replace(/(?<=\d)[A-Za-z]{1,2}$/, '');
      if (t !== s) stage2.add(t);
      // the last digits of a wrapped amount lost ("87.750.20" of 87.750.200): the malformed last
      // group is completed with each digit; only the report's sums can pick one
      const m = /^(\d{1,3}(?:\.\d{3})+)\.(\d{1,2})$/.exec(t);
      if (m) {
        const need = 3 - m[2]!.length;
        for (let k = 0; k < 10 ** need; k++) stage2.add(`${m[1]}.${m[2]}${String(k).padStart(need, '0')}`);
      }
    }
  }
  for (const s of stage2) {
    out.add(s);
    // one separator swapped, or all swapped
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (ch === '.' || ch === ',') out.add(s.slice(0, i) + (ch === '.' ? ',' : '.') + s.slice(i + 1));
    }
    if (/[.,]/.test(s)) out.add(s.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')));
  }
  out.delete(base);
  return [...out].filter((s) => /\d/.test(s));
}

// ---------------------------------------------------------------------------------------------
// confidence from the document

export const squash = (s: string) => s.replace(/\s+/g, '');


/** Every relation that can be evaluated with this reading holds, and at least one can be evaluated. */
function allHold(rels: readonly Relation[], get: (x: PrintedValue) => PrintedValue): boolean {
  let evaluable = 0;
  for (const r of rels) {
    const h = r.holds(get);
    if (h === null) continue;
    if (!h) return false;
    evaluable++;
  }
  return evaluable > 0;
}

/** Copy OCR cell confidences onto the model's values (in place) when the parser did not. */
export function attachConfidences(report: LkipReport, doc: Document): void {
  if (!doc.lines.some((l) => l.confidence !== undefined || l.cells?.some((c) => c.confidence !== undefined))) return;
  const byLine = new Map(doc.lines.map((l) => [l.line, l]));
  const visit = (v: PrintedValue | null | undefined) => {
    if (!v || v.confidence !== undefined || !v.raw.trim()) return;
    const l = byLine.get(v.src.line);
    if (!l) return;
    const raw = squash(v.raw);
    let best: number | undefined;
    // confirmed only when every cell it may have come from was read twice alike
    let confirmed: boolean | undefined;
    for (const c of l.cells ?? []) {
      if (c.confidence === undefined) continue;
      const t = squash(c.text);
      if (t === raw || (raw.length >= 2 && t.includes(raw))) {
        best = best === undefined ? c.confidence : Math.min(best, c.confidence);
        confirmed = (confirmed ?? true) && c.confirmed === true;
      }
    }
    if (confirmed) v.confirmed = 'reading';
    if (best === undefined && l.confidence !== undefined && squash(l.text).includes(raw)) best = l.confidence;
    if (best !== undefined) v.confidence = best;
  };
  forEachValue(report, visit);
}

export function forEachValue(report: LkipReport, f: (v: PrintedValue | null | undefined) => void): void {
  for (const m of report.measurements) [m.target, m.realisasi, m.capaian].forEach(f);
  for (const x of report.facts ?? []) for (const t of x.targets ?? []) f(t.value);
  for (const a of report.averages) [a.stated, ...a.over].forEach(f);
  for (const p of report.predicates) f(p.capaian);
  for (const b of report.budgets) {
    for (const n of [...Object.values(b.nodes), ...(b.total ? [b.total] : [])]) {
      [n.pagu, n.realisasi, n.pct].forEach(f);
      for (const o of n.outputs) [o.target, o.realisasi, o.pct].forEach(f);
    }
  }
  report.unreadable.forEach(f);
  // the facts are the same printed cells again: they get the same confidences and repaired readings
  for (const x of report.facts ?? []) f(x.value);
}

// ---------------------------------------------------------------------------------------------

function findValue(report: LkipReport, r: Repair): PrintedValue | null {
  let hit: PrintedValue | null = null;
  forEachValue(report, (v) => {
    if (!hit && v && isRepaired(v) && v.src === r.where) hit = v;
  });
  return hit;
}

const fmt = (v: PrintedValue) => (v.value === null ? v.raw : String(v.value));

export function repairReport(report: LkipReport, opts: RepairOptions = {}): { report: LkipReport; repairs: Repair[] } {
  const maxConf = opts.maxConfidence ?? REPAIR_MAX_CONFIDENCE;
  const out = structuredClone(report);
  if (opts.doc) attachConfidences(out, opts.doc);
  const rels = relationsOf(out);
  const relsOf = new Map<PrintedValue, Relation[]>();
  for (const r of rels) for (const m of r.members) relsOf.set(m, [...(relsOf.get(m) ?? []), r]);
  const id = (v: PrintedValue) => v;
  const repairs: Repair[] = [];

  for (let pass = 0; pass < 3; pass++) {
    const low = (m: PrintedValue) => m.confidence !== undefined && m.confidence < maxConf && !isRepaired(m);
    // a relation that does not hold, or cannot be evaluated because a low-confidence member is unreadable
    const broken = rels.filter((r) => {
      const h = r.holds(id);
      return h === false || (h === null && r.members.some((m) => m.kind === 'unreadable' && low(m)));
    });
    if (!broken.length) break;
    const suspects = new Set<PrintedValue>();
    for (const r of broken) for (const m of r.members) if (low(m)) suspects.add(m);
    // candidate repairs: value → the single reading that makes all its evaluable relations hold
    const proposals = new Map<PrintedValue, { reading: PrintedValue; fixes: Relation[] }>();
    for (const v of suspects) {
      const mine = relsOf.get(v) ?? [];
      const expect = mine.map((r) => r.expect.get(v)).find((e) => e && e !== 'any') ?? 'any';
      const cands: PrintedValue[] = [];
      for (const reading of misreadings(v.raw, expect)) {
        const cand = parseValue(reading, v.src, expect);
        if (cand.value === null || (cand.value === v.value && cand.kind === v.kind && cand.decimals === v.decimals)) continue;
        if (expect === 'percent' && cand.kind !== 'percent' && v.kind === 'percent') continue;
        cands.push(cand);
      }
      const as = (cand: PrintedValue) => (x: PrintedValue) => (x === v ? cand : x);
      let good = cands.filter((cand) => allHold(mine, as(cand)));
      let fixes = mine.filter((r) => broken.includes(r));
      // a value in a relation that the printed report itself breaks (a program whose kegiatan do not
      // add up, as printed): relations that no reading of it makes hold are left out, when at least
      // two others then hold, with one reading only
      if (!good.length) {
        const fixable = mine.filter((r) => cands.some((c) => r.holds(as(c)) === true));
        if (fixable.length >= 2 && fixable.length < mine.length) {
          good = cands.filter((c) => fixable.every((r) => r.holds(as(c)) === true));
          fixes = fixable.filter((r) => broken.includes(r));
        }
      }
      // exactly one value must fit; among its spellings keep the one closest to what was read
      const values = new Set(good.map((g) => g.value));
      if (values.size === 1) {
        const hadPct = /%/.test(v.raw);
        const best = [...good].sort((a, b) => Number(/%/.test(a.raw) !== hadPct) - Number(/%/.test(b.raw) !== hadPct) || a.raw.length - b.raw.length)[0]!;
        proposals.set(v, { reading: best, fixes });
      }
    }
    // a broken relation fixed by proposals for two different values: undecidable
    const fixers = new Map<Relation, PrintedValue[]>();
    for (const [v, p] of proposals) for (const r of p.fixes) fixers.set(r, [...(fixers.get(r) ?? []), v]);
    let applied = 0;
    const apply = (v: PrintedValue, r: PrintedValue, together?: PrintedValue) => {
      const before = v.raw;
      const valueBefore = v.value;
      const conf = v.confidence!;
      Object.assign(v, {
        raw: r.raw,
        kind: r.kind,
        value: r.value,
        digits: r.digits,
        decimals: r.decimals,
        format: r.format,
        unit: r.unit,
        grade: r.grade,
        note: `${REPAIR_NOTE}: terbaca "${before}", dibaca "${r.raw}" karena hanya bacaan ini yang cocok dengan hitungan laporan`,
        confidence: conf,
      } satisfies Partial<PrintedValue>);
      for (const k of ['digits', 'format', 'unit', 'grade'] as const) if (v[k] === undefined) delete v[k];
      applied++;
      const with_ = together ? ` together with "${together.raw}"` : '';
      const withId = together ? ` bersama "${together.raw}"` : '';
      repairs.push({
        where: v.src,
        before,
        after: r.raw,
        valueBefore,
        valueAfter: r.value!,
        confidence: conf,
        relations: (relsOf.get(v) ?? []).filter((x) => x.holds(id) === true).map((x) => x.label),
        why: {
          id: `OCR membaca "${before}" (keyakinan ${Math.round(conf)}); satu-satunya bacaan${withId} yang membuat semua hubungan hitungnya benar adalah "${r.raw}" (${fmt(r)}).`,
          en: `OCR read "${before}" (confidence ${Math.round(conf)}); the only reading${with_} that makes every relation it takes part in hold is "${r.raw}" (${fmt(r)}).`,
        },
      });
    };
    for (const [v, p] of proposals) {
      if (p.fixes.some((r) => (fixers.get(r)?.length ?? 0) > 1)) continue;
      apply(v, p.reading);
    }
    // Two misread values in one broken relation (a target read "10094" and its capaian "80 90"):
    // no single reading fixes it; a pair is accepted when exactly one joint reading makes every
    // relation of both values hold.
    if (!applied) {
      for (const rel of broken) {
        const sus = rel.members.filter((m) => low(m));
        // (a long sum with many doubtful amounts has too many pairs to be decided this way)
        if (sus.length < 2 || sus.length > 6 || rel.holds(id) === true) continue;
        const found: { a: PrintedValue; ra: PrintedValue; b: PrintedValue; rb: PrintedValue }[] = [];
        for (let i = 0; i < sus.length; i++)
          for (let j = i + 1; j < sus.length; j++) {
            const a = sus[i]!;
            const b = sus[j]!;
            const readingsOf = (v: PrintedValue) => {
              const e = rel.expect.get(v) ?? 'any';
              return misreadings(v.raw, e)
                .map((x) => parseValue(x, v.src, e))
                .filter((c) => c.value !== null && !(c.value === v.value && c.kind === v.kind));
            };
            const mine = [...new Set([...(relsOf.get(a) ?? []), ...(relsOf.get(b) ?? [])])];
            for (const ra of readingsOf(a))
              for (const rb of readingsOf(b)) {
                const ok = allHold(mine, (x: PrintedValue) => (x === a ? ra : x === b ? rb : x));
                if (ok && !found.some((f) => f.a === a && f.b === b && f.ra.value === ra.value && f.rb.value === rb.value)) found.push({ a, ra, b, rb });
              }
          }
        if (found.length !== 1) continue;
        const f = found[0]!;
        const aRaw = f.a.raw;
        apply(f.a, f.ra, f.b);
        apply(f.b, f.rb, { ...f.a, raw: aRaw });
        // the relations hold only once both are in
        for (const [k, v] of [[repairs.length - 2, f.a], [repairs.length - 1, f.b]] as const) {
          repairs[k]!.relations = (relsOf.get(v) ?? []).filter((x) => x.holds(id) === true).map((x) => x.label);
        }
      }
    }
    if (!applied) break;
  }
  // what the arithmetic confirms: every member of a relation that holds (repaired values included:
  // a repair is the one reading that makes its relations hold, which is not a confirmation of it)
  for (const r of rels) {
    if (r.holds(id) !== true) continue;
    for (const m of r.members) if (!m.confirmed && !isRepaired(m) && m.confidence !== undefined) m.confirmed = 'relation';
  }
  if (repairs.length) {
    // the same printed cell can stand in the model more than once (a measurement's target is also a
    // target statement): every copy gets the repaired reading
    const done = repairs.map((r) => ({ r, v: findValue(out, r) })).filter((x): x is { r: Repair; v: PrintedValue } => !!x.v);
    forEachValue(out, (v) => {
      if (!v || isRepaired(v)) return;
      const twin = done.find(({ r }) => v.src.line === r.where.line && v.src.page === r.where.page && v.raw === r.before && (!v.src.column || !r.where.column || v.src.column === r.where.column));
      if (!twin) return;
      const { raw, kind, value, digits, decimals, format, unit, grade, note } = twin.v;
      Object.assign(v, { raw, kind, value, decimals, note });
      for (const [k, x] of [['digits', digits], ['format', format], ['unit', unit], ['grade', grade]] as const) {
        if (x === undefined) delete v[k];
        else (v as Record<string, unknown>)[k] = x;
      }
    });
    out.unreadable = out.unreadable.filter((v) => v.kind === 'unreadable');
  }
  return { report: out, repairs };
}

