import type { LkipReport } from '../../model/report.js';
import type { Config } from '../../model/config.js';
import { perConfig } from '../../model/per-config.js';
import type { Rule, RuleContext } from '../../model/rule.js';
import { alt, phrase } from '../../parse/prose-facts.js';
import type { SourceRef } from '../../model/values.js';
import { formatId } from '../../parse/numbers.js';
import { exactOf, pctAtPrinted, pctOf } from '../../parse/arith.js';
import { amount, consistentAtPrinted, dropLines, EXACT, lineWord, expectQuantity, expectWords, formatQuantity, percent, precision, rupiah } from '../tolerance.js';
import { bodyLines, cents, isAmount, isPercent, lineNumbers, proseLines, refOf, sentences, shorten, tokens, type ProseLine, type Token } from './_text.js';

// ---------------------------------------------------------------- budget categories

type Cat = 'operasi' | 'modal' | 'langsung' | 'tidak_langsung';
const CAT_LABEL: Record<Cat, string> = { operasi: 'Belanja Operasi', modal: 'Belanja Modal', langsung: 'Belanja Langsung', tidak_langsung: 'Belanja Tidak Langsung' };
const PAIR: Record<Cat, Cat> = { operasi: 'modal', modal: 'operasi', langsung: 'tidak_langsung', tidak_langsung: 'langsung' };

/** The vocabulary's words of budget shares (budgetShares, restatement.headline.realisasi / countWords), as the patterns the checks use; built once per configuration. */
interface Words {
  /** "Belanja Operasi", "Belanja Tidak Langsung": a category's words (global). */
  category: RegExp;
  catOf: Map<string, Cat>;
  /** The words of Belanja Langsung. */
  langsung: RegExp;
  /** "P% merupakan Belanja X". */
  direct: RegExp;
  /** A realisation word. */
  real: RegExp;
  /** "P% dari (total) pagu": a percentage of the budget. */
  ofBudget: RegExp;
  /** "dari total anggaran (sebesar) Rp X", "dari Uang Persediaan Rp X": the base amount of the sentence. */
  base: RegExp;
  /** "kebutuhan ... sebanyak N": the count a count's share is of. */
  countBase: RegExp;
  /** A sentence about a revision of the budget ("refocusing", "pengurangan"): its amounts are no budget total. */
  revision: RegExp;
  /** "anggaran ... sebesar Rp X": the text before a budget total. */
  budgetLead: RegExp;
  /** A program or kegiatan named: the figure is that level's, not the whole budget's. */
  otherLevel: RegExp;
  /** A sentence about the realisation of the whole budget ("realisasi belanja", "realisasi penyerapan anggaran"). */
  totalReal: RegExp;
}

const norm = (s: string) => s.toLowerCase().replace(/[\s-]+/g, ' ').trim();

function compileWords(config: Config): Words {
  const v = config.vocabulary?.budgetShares;
  const r = config.vocabulary?.restatement;
  const cats = v?.categories ?? [];
  const all = alt(cats.flatMap((c) => c.words));
  const whole = `(?:${alt(v?.whole ?? [])}\\s+)?`;
  const out: Words = {
    category: new RegExp(`(${all})\\b`, 'gi'),
    catOf: new Map(cats.flatMap((c) => c.words.map((w) => [norm(w), c.category] as const))),
    langsung: new RegExp(alt(cats.filter((c) => c.category === 'langsung').flatMap((c) => c.words)), 'i'),
    direct: new RegExp(`^\\s*${alt(v?.shareVerbs ?? [])}\\s+(${all})\\b`, 'i'),
    real: new RegExp(phrase(r?.headline.realisasi), 'i'),
    ofBudget: new RegExp(`^\\s*${alt(v?.of ?? [])}\\s+${whole}${alt(v?.budget ?? [])}`, 'i'),
    base: new RegExp(`\\b${alt(v?.of ?? [])}\\s+${whole}${alt(v?.base ?? [])}\\b[^%\\d]{0,25}$`, 'i'),
    revision: new RegExp(alt(v?.revision ?? []), 'i'),
    budgetLead: new RegExp(`\\b${alt(v?.budgetLead ?? [])}\\b[^%]{0,45}?(?:${alt(v?.budgetVerbs ?? [])})?\\s*$`, 'i'),
    otherLevel: new RegExp(`\\b${alt(v?.otherLevels ?? [])}\\b`, 'i'),
    totalReal: new RegExp(`\\b${alt(v?.totalRealisation ?? [])}\\b`, 'i'),
    countBase: new RegExp(`\\b${alt(v?.countBase ?? [])}\\s+(?:\\S+\\s+){0,2}?(?:${alt(r?.countWords ?? [])}\\s+)?$`, 'i'),
  };
  return out;
}
const wordsOf = perConfig(compileWords);

interface Mention {
  cat: Cat;
  index: number;
  end: number;
}

function mentions(text: string, w: Words): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(w.category)) {
    const cat = w.catOf.get(norm(m[1]!));
    if (cat) out.push({ cat, index: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** The budgeted amount of each category, read from sentences and list rows that are not about realisation; only when all agree. */
interface CatAmount {
  cents: bigint;
  raw: string;
  src: SourceRef;
  /** Every place the amount is printed. */
  all: { raw: string; src: SourceRef }[];
}

/** The place an amount is printed nearest to a line (to cite the composition list next to the claim). */
function nearest(c: CatAmount, line: number): { raw: string; src: SourceRef } {
  return c.all.reduce((a, b) => (Math.abs(b.src.line - line) < Math.abs(a.src.line - line) ? b : a), c.all[0]!);
}

function categoryBudgets(lines: ProseLine[], report: LkipReport, w: Words): Map<Cat, CatAmount> {
  const seen = new Map<Cat, { cents: bigint; raw: string; src: SourceRef }[]>();
  for (const l of lines) {
    for (const s of sentences(l.text)) {
      if (w.real.test(s.text)) continue;
      const ms = mentions(s.text, w);
      if (ms.length === 0) continue;
      const src = refOf(report, l.line);
      // a list row's cells have no prose facts: its numbers are read as a cell is
      const toks = l.line.cells ? tokens(s.text, src) : lineNumbers(report, l.line.line, s.text, s.offset);
      ms.forEach((m, i) => {
        const stop = ms[i + 1]?.index ?? s.text.length;
        const a = toks.find((t) => t.index >= m.end && t.index < stop && isAmount(t));
        const c = a ? cents(a.value) : null;
        if (!a || c === null) return;
        const list = seen.get(m.cat) ?? [];
        list.push({ cents: c, raw: a.raw, src });
        seen.set(m.cat, list);
      });
    }
  }
  const out = new Map<Cat, CatAmount>();
  for (const [cat, list] of seen) {
    if (new Set(list.map((x) => x.cents)).size === 1) out.set(cat, { ...list[0]!, all: list.map((x) => ({ raw: x.raw, src: x.src })) });
  }
  return out;
}

// ---------------------------------------------------------------- totals the report states

interface Base {
  cents: bigint;
  raw: string;
  what: string;
  src: SourceRef;
}

/** Budget totals: the realisation table's total pagu, the PK total, and "anggaran ... sebesar Rp X" in the text. */
function statedTotals(report: LkipReport, prose: ProseLine[], w: Words): Base[] {
  const out: Base[] = [];
  for (const b of report.budgets) {
    const c = cents(b.total?.pagu);
    if (b.total?.pagu && c !== null && b.total.pagu.kind !== 'empty' && b.kind !== 'per_sasaran') {
      out.push({ cents: c, raw: b.total.pagu.raw, what: `${b.kind === 'realisation' ? 'pagu' : 'jumlah'} ${b.table}`, src: b.total.pagu.src });
    }
  }
  // the total rows of the PK budget tables, as their facts
  const pk = new Set(report.tables.filter((t) => t.kind === 'pk_budget').map((t) => t.id));
  for (const f of report.facts) {
    if (!pk.has(f.cell.table) || f.rowKind !== 'total' || f.value.kind !== 'money') continue;
    const amount = cents(f.value);
    if (amount !== null) out.push({ cents: amount, raw: f.value.raw, what: `jumlah PK (baris ${f.src.line})`, src: { file: report.file, page: f.src.page, line: f.src.line, table: f.cell.table, row: 'Jumlah' } });
  }
  for (const l of prose) {
    if (w.revision.test(l.text)) continue;
    for (const s of sentences(l.text)) {
      const src = refOf(report, l.line);
      for (const t of lineNumbers(report, l.line.line, s.text, s.offset)) {
        const c = isAmount(t) ? cents(t.value) : null;
        if (c === null) continue;
        const before = s.text.slice(Math.max(0, t.index - 60), t.index);
        if (!w.budgetLead.test(before)) continue;
        if (w.real.test(before)) continue;
        out.push({ cents: c, raw: t.raw, what: `anggaran (baris ${l.line.line})`, src });
      }
    }
  }
  return out;
}

const pct = pctOf;

/** A base amount named in the sentence itself: "dari total anggaran (sebesar) Rp X", "dari Uang Persediaan Rp X". */
function inSentenceBase(text: string, toks: Token[], w: Words): Token | null {
  for (const t of toks) {
    if (!isAmount(t)) continue;
    const before = text.slice(Math.max(0, t.index - 45), t.index);
    if (w.base.test(before)) return t;
  }
  return null;
}

// ---------------------------------------------------------------- the rule

/**
 * Amounts and percentages in the prose against the tables and against their own arithmetic:
 * shares of Belanja Operasi/Modal or Belanja Langsung/Tidak Langsung, "realisasi Rp X atau P% dari
 * pagu", "Rp R dari total anggaran Rp B atau P%", "Rp A ... sebesar P% dari keseluruhan belanja
 * langsung", and a stated sum against the items listed under it (refocusing lists).
 */
export const narrativeNumber: Rule = {
  meta: {
    id: 'narrative-number',
    category: 'narrative_number_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Angka rupiah dan persentase dalam uraian (Ikhtisar Eksekutif, Bab I–IV) diperiksa terhadap tabel dan hitungannya sendiri: porsi Belanja Operasi/Modal atau Belanja Langsung/Tidak Langsung terhadap jumlah keduanya; "realisasi Rp X atau P% dari pagu" terhadap pagu yang dinyatakan laporan (total tabel realisasi, jumlah PK, atau "anggaran sebesar" di uraian: cukup cocok dengan salah satunya); "Rp R dari total anggaran Rp B atau P%" dalam satu kalimat; jumlah yang dinyatakan terhadap rincian yang didaftar di bawahnya (mis. daftar refocusing; daftar "antara lain" boleh lebih kecil, tidak boleh lebih besar); "N orang atau P%" terhadap dasar yang disebut di paragraf yang sama ("idealnya sebanyak M orang"); bagian sebuah jumlah dari total yang disebut dalam kalimat yang sama ("53 orang (40% dari total jumlah satker/129 satker)"); dan "penurunan/kenaikan sebesar D%" terhadap selisih dua persentase yang dibandingkan (poin atau relatif). Persentase dibandingkan pada presisi cetak, rupiah tepat.',
      en: 'Rupiah amounts and percentages in the narrative (executive summary, chapters I–IV) are checked against the tables and their own arithmetic: shares of Belanja Operasi/Modal or Belanja Langsung/Tidak Langsung of their sum; "realisation Rp X or P% of the budget" against a budget total the report states (realisation table total, PK total, or "anggaran sebesar" in the text: matching any one suffices); "Rp R of the total budget Rp B or P%" within one sentence; a stated sum against the items listed under it (e.g. refocusing lists; an "antara lain" list may fall short, never exceed); "N orang atau P%" against the base named in the same paragraph ("idealnya sebanyak M orang"); a count\'s share of the total named in the same sentence ("53 orang (40% dari total jumlah satker/129 satker)"); and "penurunan/kenaikan sebesar D%" against the difference of the two percentages compared (points or relative). Percentages are compared at printed precision, rupiah exactly.',
    },
    messages: {
      share: {
        id: 'Porsi {{cat}} tercatat {{reported}}, seharusnya {{expected}} ({{amount}} dari {{total}} = {{catA}} + {{catB}}).',
        en: 'The share of {{cat}} is printed {{reported}}, but it should be {{expected}} ({{amount}} of {{total}} = {{catA}} + {{catB}}).',
      },
      ofBase: {
        id: 'Persentase tercatat {{reported}} untuk {{part}} dari {{base}}, seharusnya {{expected}}.',
        en: 'The percentage is printed {{reported}} for {{part}} of {{base}}, but it should be {{expected}}.',
      },
      ofStated: {
        id: 'Persentase tercatat {{reported}} untuk {{part}}, tetapi tidak cocok dengan pagu/anggaran mana pun yang dinyatakan laporan; terhadap {{base}} ({{what}}) seharusnya {{expected}}.',
        en: 'The percentage is printed {{reported}} for {{part}}, but matches no budget total the report states; against {{base}} ({{what}}) it should be {{expected}}.',
      },
      countPct: {
        id: 'Tercatat {{part}} atau {{reported}}, seharusnya {{expected}} ({{part}} dari {{base}}).',
        en: 'Printed {{part}} or {{reported}}, but it should be {{expected}} ({{part}} of {{base}}).',
      },
      shareOfTotal: {
        id: 'Tercatat {{part}} atau {{reported}} dari {{total}}, seharusnya {{expected}} ({{part}} / {{total}} × 100).',
        en: 'Printed {{part}} or {{reported}} of {{total}}, but it should be {{expected}} ({{part}} / {{total}} × 100).',
        severity: 'warning',
      },
      change: {
        id: 'Uraian menyebut {{claim}}, sedangkan persentase yang dibandingkan {{prev}} → {{cur}}: {{expected}}.',
        en: 'The narrative states {{claim}}, but the percentages compared are {{prev}} → {{cur}}: {{expectedEn}}.',
      },
      listSum: {
        id: 'Jumlah tercatat {{reported}}, sedangkan {{n}} rincian di bawahnya berjumlah {{expected}}; selisih {{diff}}.',
        en: 'The total is printed {{reported}}, but the {{n}} items listed below add up to {{expected}}; difference {{diff}}.',
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    const prose = proseLines(report);
    const body = bodyLines(report);
    const w = wordsOf(ctx.config);
    const cats = categoryBudgets(body, report, w);
    const totals = statedTotals(report, prose, w);
    checkSharesOfTotal(ctx);
    for (const p of prose) {
      const src = refOf(report, p.line);
      for (const s of sentences(p.text)) {
        const toks = lineNumbers(report, p.line.line, s.text, s.offset);
        const used = new Set<number>();
        checkShares(ctx, s.text, toks, cats, src, used, w);
        checkPercentOf(ctx, s.text, toks, totals, cats, src, used, w);
      }
      checkCountPercent(ctx, p, src, w);
      checkChange(ctx, p, src, report.meta.year);
    }
    checkListSums(ctx, body);
  },
};

function checkShares(ctx: RuleContext, text: string, toks: Token[], cats: ReturnType<typeof categoryBudgets>, src: SourceRef, used: Set<number>, w: Words) {
  const ms = mentions(text, w);
  if (ms.length === 0) return;
  for (const t of toks) {
    if (!isPercent(t)) continue;
    // the category a percentage belongs to: "P% merupakan Belanja X", else the nearest "Belanja X" before it in the same clause
    const after = text.slice(t.end, t.end + 45);
    let m: Mention | undefined;
    // "P% dari pagu/anggaran" is a percentage of the budget, not a share of one category
    if (w.ofBudget.test(after)) continue;
    const direct = w.direct.exec(after);
    const directCat = direct ? w.catOf.get(norm(direct[1]!)) : undefined;
    if (directCat) m = { cat: directCat, index: t.end, end: t.end };
    else {
      const prev = ms.filter((x) => x.end <= t.index).pop();
      // the percentage must follow its category closely, with no program or kegiatan named in between
      if (prev && (t.index - prev.end > 100 || w.otherLevel.test(text.slice(prev.end, t.index)))) continue;
      if (prev) {
        const between = toks.filter((x) => x.index > prev.end && x.index < t.index && isPercent(x));
        if (between.length === 0) m = prev;
      }
    }
    if (!m || t.value.value === null) continue;
    const own = cats.get(m.cat);
    const other = cats.get(PAIR[m.cat]);
    if (!own || !other) continue;
    used.add(t.index);
    const total = own.cents + other.cents;
    if (total === 0n) continue;
    const share = pct(own.cents, total);
    const d = t.value.decimals;
    if (pctAtPrinted(own.cents, total, t.value)) continue;
    // on a realisation line the percentage may be the absorption of the amount printed in the clause
    if (w.real.test(text)) {
      const clauseAmount = toks.filter((x) => x.index > m.end && x.index < t.index && isAmount(x)).pop();
      const a = clauseAmount ? cents(clauseAmount.value) : null;
      if (a !== null) {
        if (pctAtPrinted(a, own.cents, t.value) || pctAtPrinted(a, total, t.value)) continue;
      }
    }
    const expected = percent(share, d);
    ctx.problem({
      messageId: 'share',
      data: {
        cat: CAT_LABEL[m.cat],
        reported: t.value.raw === t.raw ? t.value : t.raw,
        expected,
        amount: amount(own.cents),
        total: amount(total),
        catA: `${CAT_LABEL[m.cat]} ${formatQuantity(amount(own.cents), 'id')}`,
        catB: `${CAT_LABEL[PAIR[m.cat]]} ${formatQuantity(amount(other.cents), 'id')}`,
      },
      where: src,
      reported: t.value.raw === t.raw ? t.value : t.raw,
      expected: expectWords((l) => `${formatQuantity(expected, l)} (${formatQuantity(amount(own.cents), l)} / ${formatQuantity(amount(total), l)})`),
      tolerance: precision(d),
      related: [
        { ...nearest(own, src.line).src, note: `${CAT_LABEL[m.cat]}: ${nearest(own, src.line).raw}` },
        { ...nearest(other, src.line).src, note: `${CAT_LABEL[PAIR[m.cat]]}: ${nearest(other, src.line).raw}` },
      ],
    });
  }
}

function checkPercentOf(ctx: RuleContext, text: string, toks: Token[], totals: Base[], cats: ReturnType<typeof categoryBudgets>, src: SourceRef, used: Set<number>, w: Words) {
  const base = inSentenceBase(text, toks, w);
  // the part of each percentage: the nearest amount before it (not the base) with no percentage in
  // between; one pass instead of a scan of the sentence per percentage (issue 18: 50,000 percentages
  // in one paragraph)
  const partOf = new Map<Token, Token>();
  let lastAmount: Token | undefined;
  for (const x of toks) {
    if (isPercent(x)) {
      if (lastAmount) partOf.set(x, lastAmount);
      lastAmount = undefined;
    }
    if (isAmount(x) && x !== base) lastAmount = x;
  }
  for (const t of toks) {
    if (!isPercent(t) || used.has(t.index) || t.value.value === null) continue;
    const after = text.slice(t.end, t.end + 60);
    const before = text.slice(Math.max(0, t.index - 3), t.index);
    const ofBudget = w.ofBudget.exec(after);
    const paren = /\(\s*$/.test(before);
    // the part: the nearest amount before the percentage, in the same clause, that is not the base
    const part = partOf.get(t);
    const r = part ? cents(part.value) : null;
    if (!part || r === null) continue;
    const gap = text.slice(part.end, t.index);
    const d = t.value.decimals;
    const baseGap = base ? text.slice(base.end, t.index) : '';
    const baseDirect = /^\s*(?:,-)?\s*(?:\(|atau\b)/i.test(baseGap) && baseGap.length < 25;
    if (base && base.value.value !== null && base.index < t.index && ((base.index < part.index && /^\s*(?:,-)?\s*(?:\(|atau\b)/i.test(gap) && gap.length < 25) || (base.index > part.index && baseDirect))) {
      // "Rp R dari total anggaran Rp B atau P%" / "dari total anggaran Rp B terealisasi Rp R atau P%"
      const b = cents(base.value);
      if (b === null || b === 0n) continue;
      const v = pct(r, b);
      if (pctAtPrinted(r, b, t.value)) continue;
      const expected = percent(v, d);
      ctx.problem({
        messageId: 'ofBase',
        data: { reported: t.raw, part: part.raw, base: base.raw, expected },
        where: src,
        reported: t.value.raw === t.raw ? t.value : t.raw,
        expected: expectWords((l) => `${formatQuantity(expected, l)} (${formatQuantity(amount(r), l)} / ${formatQuantity(amount(b), l)})`),
        tolerance: precision(d),
      });
      continue;
    }
    // "Rp R atau P% dari pagu anggaran", "realisasi ... Rp R (P%)": against the totals the report states
    const direct = (/^\s*(?:,-)?\s*(?:\(|atau\b)/i.test(gap) && gap.length < 25) || (ofBudget !== null && gap.length < 90 && /\b(?:sebesar|adalah)\s*$/i.test(gap));
    if (!direct) continue;
    if (!ofBudget && !(paren && w.totalReal.test(text))) continue;
    // "P% dari pagu" about one program or kegiatan has that node's pagu as its base: not a total
    const totalBase = ofBudget !== null && /\b(total|keseluruhan|seluruh)\b/i.test(ofBudget[0]);
    if (!totalBase && w.otherLevel.test(text.slice(0, t.index))) continue;
    const langsung = ofBudget && w.langsung.test(after) ? cats.get('langsung') : undefined;
    const cands: Base[] = [...(langsung ? [{ cents: langsung.cents, raw: langsung.raw, what: 'Belanja Langsung', src: langsung.src }] : []), ...totals].filter((b) => b.cents >= r || b.cents * 2n > r);
    if (cands.length === 0) continue;
    if (cands.some((b) => b.cents > 0n && pctAtPrinted(r, b.cents, t.value))) continue;
    // prefer: Belanja Langsung when named, else a total not below the part (realisation table first), else the largest
    const rank = (b: Base) => (b.what.startsWith('pagu ') ? 0 : b.what.startsWith('anggaran ') ? 1 : 2);
    const ordered = [...cands].sort((a, b) => rank(a) - rank(b));
    const pref = (langsung && cands[0]) || ordered.find((b) => b.cents >= r) || cands.reduce((a, b) => (b.cents > a.cents ? b : a));
    const v = pct(r, pref.cents);
    const expected = percent(v, d);
    const others = [...new Map(cands.map((b) => [`${b.cents}@${b.src.line}`, b])).values()];
    ctx.problem({
      messageId: 'ofStated',
      data: { reported: t.raw, part: part.raw, base: amount(pref.cents), what: dropLines(pref.what), expected },
      where: src,
      reported: t.value.raw === t.raw ? t.value : t.raw,
      expected: expectWords((l) => `${formatQuantity(expected, l)} (${formatQuantity(amount(r), l)} / ${formatQuantity(amount(pref.cents), l)}, ${l === 'id' ? pref.what : lineWord(pref.what)})`),
      tolerance: precision(d),
      related: others.map((b) => ({ ...b.src, note: `${b.what}: ${b.raw} → ${formatId(pct(r, b.cents), 2)}%` })),
    });
  }
}

/** The numbers of a whole line: its prose facts, or, on a list row printed as a table row, as its cells are read. */
function numbersOf(report: LkipReport, l: ProseLine, src: SourceRef): Token[] {
  return l.line.cells ? tokens(l.text, src) : lineNumbers(report, l.line.line, l.text, 0);
}

const ITEM_RE = /^\s*(?:[-*•]\s*)?(?:([a-z])|(\d{1,2}))[.)]\s+/i;
const DASH_RE = /^\s*[-*•]\s+(?![a-z][.)]\s|\d{1,2}[.)]\s)/i;

/** "sebesar Rp X ... antara lain :" followed by a list of items with amounts: the items must add up to X. */
function checkListSums(ctx: RuleContext, lines: ProseLine[]) {
  const { report } = ctx;
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    if (!/:\s*$/.test(head.text)) continue;
    if (ITEM_RE.test(head.text) && !/sebesar/i.test(head.text)) continue;
    const src = refOf(report, head.line);
    const amounts = numbersOf(report, head, src).filter(isAmount);
    if (amounts.length !== 1) continue;
    const stated = amounts[0]!;
    const statedR = rupiah(stated.value);
    if (statedR === null) continue;
    const partial = /\bantara\s+lain\b/i.test(head.text);
    const items: { line: ProseLine; tok: Token }[] = [];
    let kind: 'letter' | 'digit' | null = null;
    let ok = true;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.line.line - (lines[j - 1]?.line.line ?? l.line.line) > 3) break;
      const m = l.line.heading ? null : ITEM_RE.exec(l.text);
      if (!m) {
        if (DASH_RE.test(l.text) && items.length > 0) continue; // a sub-item under the last item
        break;
      }
      const k = m[1] ? 'letter' : 'digit';
      if (kind === null) kind = k;
      if (k !== kind) break;
      const a = numbersOf(report, l, refOf(report, l.line)).filter(isAmount);
      if (a.length === 0) break; // a title or an item without an amount ends the list
      if (a.length !== 1) {
        ok = false;
        break;
      }
      items.push({ line: l, tok: a[0]! });
    }
    if (!ok || items.length === 0) continue;
    let sum = 0n;
    for (const it of items) {
      const r = rupiah(it.tok.value);
      if (r === null) {
        ok = false;
        break;
      }
      sum += r;
    }
    if (!ok || sum === statedR || (partial && sum < statedR)) continue;
    ctx.problem({
      messageId: 'listSum',
      data: { reported: stated.raw, n: items.length, expected: amount(sum), diff: amount(statedR - sum) },
      where: src,
      reported: stated.value.raw === stated.raw ? stated.value : stated.raw,
      expected: expectQuantity(amount(sum), { id: `jumlah ${items.length} rincian`, en: `sum of ${items.length} items` }),
      tolerance: EXACT,
      related: items.map((it) => ({ ...refOf(report, it.line.line), note: `${shorten(it.line.text, 60)}: ${it.tok.raw}` })),
    });
  }
}

/**
 * "53 orang (40% dari total jumlah satker/129 satker)": a percentage the prose facts link to its
 * count and total (src/parse/prose-facts.ts) is count / total × 100 at its printed precision (exact,
 * src/parse/arith.ts).
 */
function checkSharesOfTotal(ctx: RuleContext): void {
  const byId = new Map(ctx.report.proseFacts.map((f) => [f.id, f]));
  for (const f of ctx.report.proseFacts) {
    if (!f.share) continue;
    const part = byId.get(f.share.part);
    const total = byId.get(f.share.total);
    const a = part && exactOf(part.value);
    const b = total && exactOf(total.value);
    if (!part || !total || !a || !b || b.n === 0n) continue;
    // a / 10^as over b / 10^bs, both as integers over one scale
    const num = a.n * 10n ** BigInt(b.scale);
    const den = b.n * 10n ** BigInt(a.scale);
    if (pctAtPrinted(num, den, f.value)) continue;
    const d = f.value.decimals;
    const expected = percent(pctOf(num, den), d);
    ctx.problem({
      messageId: 'shareOfTotal',
      data: { part: part.value.raw, reported: f.value.raw, total: total.value.raw, expected },
      where: f.src,
      reported: f.value,
      expected: expectQuantity(expected, { id: `${part.value.raw} / ${total.value.raw}`, en: `${part.value.raw} / ${total.value.raw}` }),
      tolerance: precision(d),
      related: [
        { ...part.src, note: part.value.raw },
        { ...total.src, note: total.value.raw },
      ],
    });
  }
}

/**
 * "kekurangan pegawai sebanyak 11 orang atau 54,17 %": the percentage of the base the line names
 * ("idealnya sebanyak 24 orang"), a count of the same noun (the prose facts' counts). A share the
 * prose facts link to its total ("dari total ... M satker") is checkSharesOfTotal's.
 */
function checkCountPercent(ctx: RuleContext, p: ProseLine, src: SourceRef, w: Words) {
  const text = p.text;
  const nums = lineNumbers(ctx.report, p.line.line, text, 0);
  for (let i = 0; i + 1 < nums.length; i++) {
    const c = nums[i]!;
    const pv = nums[i + 1]!;
    const noun = c.fact.count?.noun;
    if (!noun || c.fact.count!.from < 0 || pv.value.kind !== 'percent' || pv.value.value === null || pv.fact.share) continue;
    if (!/^\s+(?:atau\s+|\(\s*)$/i.test(text.slice(c.index + c.fact.count!.to, pv.index))) continue;
    const n = c.value.value!;
    const d = pv.value.decimals;
    const counts = nums.filter((x) => x !== c && x.fact.count?.noun === noun);
    if (counts.some((x) => x.value.value! > 0 && consistentAtPrinted((n / x.value.value!) * 100, pv.value.value!, d))) continue;
    const base = counts.find((x) => w.countBase.test(text.slice(Math.max(0, x.index - 40), x.index)));
    if (!base || base.value.value === 0) continue;
    const b = base.value.value!;
    const v = (n / b) * 100;
    const expected = percent(v, d);
    ctx.problem({
      messageId: 'countPct',
      data: { part: `${n} ${noun}`, reported: pv.raw, base: `${b} ${noun}`, expected },
      where: src,
      reported: pv.raw,
      expected: expectQuantity(expected, { id: `${n} / ${b}`, en: `${n} / ${b}` }),
      tolerance: precision(d),
      related: counts
        .filter((x) => x !== base)
        .map((x) => ({ ...src, note: `${text.slice(x.index, x.index + x.fact.count!.to)}: ${n} / ${x.value.value} = ${formatId((n / x.value.value!) * 100, 2)}%; ${x.value.value} / ${b} = ${formatId((x.value.value! / b) * 100, 2)}%` })),
    });
  }
}

/**
 * "Jika dibandingkan dengan penyerapan anggaran pada tahun 2022 mengalami penurunan sebesar 8,89% yaitu
 * pada tahun 2022 ... atau 92,96%" after "... atau 83,27%": the change must be the difference of the two
 * percentages (in points, or relative to the earlier one), in the direction stated.
 */
function checkChange(ctx: RuleContext, p: ProseLine, src: SourceRef, year: number | null) {
  if (year === null) return;
  const text = p.text;
  const nums = lineNumbers(ctx.report, p.line.line, text, 0);
  // the first percentage the prose facts give a change word ("penurunan sebesar 8,89%")
  const d = nums.find((t) => t.fact.change && isPercent(t));
  if (!d || d.value.value === null) return;
  const toks = nums.filter((t) => isPercent(t) && /\batau\s*$/i.test(text.slice(Math.max(0, t.index - 8), t.index)));
  const before = toks.filter((t) => t.index < d.index);
  const after = toks.filter((t) => t.index > d.index);
  if (before.length !== 1 || after.length !== 1) return;
  const cur = before[0]!;
  const prev = after[0]!;
  const between = text.slice(d.end, prev.index);
  const prevYear = /\btahun\s+(20\d\d)\b/i.exec(between);
  if (!prevYear || Number(prevYear[1]) >= year) return;
  if (cur.value.value === null || prev.value.value === null) return;
  // the claim as printed: from the change word to the percentage
  const claim = text.slice(d.index + d.fact.change!.from, d.end);
  const down = d.fact.change!.direction === 'down';
  const delta = cur.value.value - prev.value.value;
  const points = Math.abs(delta);
  const relative = prev.value.value !== 0 ? (points / prev.value.value) * 100 : NaN;
  const dir = delta === 0 ? 'sama' : delta < 0 ? 'turun' : 'naik';
  const dirOk = down ? delta < 0 : delta > 0;
  const dd = d.value.decimals;
  const sizeOk = consistentAtPrinted(points, d.value.value, dd) || consistentAtPrinted(relative, d.value.value, dd);
  if (dirOk && sizeOk) return;
  const pts = (l: 'id' | 'en') => formatQuantity({ value: points, unit: 'number', decimals: Math.max(2, dd) }, l);
  const rel = (l: 'id' | 'en') => formatQuantity(percent(relative, dd), l);
  const expected = `${dir} ${pts('id')} poin (${rel('id')} relatif)`;
  const expectedEn = `${delta < 0 ? 'down' : delta > 0 ? 'up' : 'unchanged'} ${pts('en')} points (${rel('en')} relative)`;
  ctx.problem({
    messageId: 'change',
    data: { claim, prev: prev.raw, cur: cur.raw, expected, expectedEn },
    where: src,
    reported: claim,
    expected: expectWords((l) => `${l === 'id' ? expected : expectedEn}: ${prev.raw} → ${cur.raw}`),
    tolerance: precision(dd),
  });
}
