import type { Config } from '../../model/config.js';
import type { Fact } from '../../model/facts.js';
import type { LkipReport } from '../../model/report.js';
import type { Rule, RuleContext } from '../../model/rule.js';
import type { PrintedValue, SourceRef } from '../../model/values.js';
import { checkCapaian, consistentAtPrinted, sameAtPrinted, sameScale } from '../../parse/arith.js';
import { factsByRow, partnerIn } from '../../parse/facts.js';
import { formatId } from '../../parse/numbers.js';
import { phrase } from '../../parse/prose-facts.js';
import { formatNumber } from '../format.js';
import { amount, EXACT, expectPrinted, expectQuantity, expectText, precision } from '../tolerance.js';
import { budgetKey, nameKey, similarity } from './_match.js';
import { BODY_SECTIONS, cents, isAmount, lineAt, paragraphs, refOf, sentenceNumbers, sentences, shorten, tokens, words, type Paragraph, type TextLine, type Token } from './_text.js';

type Vocab = NonNullable<NonNullable<Config['vocabulary']>['restatement']>;
type Measure = 'capaian' | 'realisasi';

// ---------------------------------------------------------------- what the tables say

/** Subjects of one kind beyond which names are matched by their exact key only. */
const MAX_FUZZY = 400;

/** One table cell a sentence may restate. */
interface Entry {
  value: PrintedValue;
  year: number | null;
  src: SourceRef;
  fact?: Fact;
}

/** An indicator, a sasaran, or a sub kegiatan's output, with its table values by measure. */
interface Subject {
  kind: 'indicator' | 'sasaran' | 'output' | 'other';
  /** The name as printed (for matching words and for the message). */
  name: string;
  keys: string[];
  entries: Record<Measure, Entry[]>;
  /** For an output: the input (dana) percentage of the same sub kegiatan, to explain a mix-up. */
  input?: PrintedValue;
  /** A sub kegiatan with several outputs: no one output capaian to compare with. */
  several?: boolean;
}

/** A name without its label and numbering ("Indikator 4.1 ", "Sasaran 2 :", "Sub Kegiatan :", "3."): the subject words of the vocabulary. */
function plainName(label: string, labelWords: RegExp): string {
  return label
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?\s+)?/, '')
    .replace(labelWords, '')
    .replace(/^\s*\d+(?:\.\d+)*\.?\s+/, '')
    .replace(/\s+per\s+[\d.,]+\s*\S*\s*$/i, '')
    .trim();
}

/** "Sasaran Strategis 2 :", "Sub. Kegiatan :", "Indikator Kinerja 4.1": a label of the vocabulary's subject words at the start. */
function labelWordsRe(v: Vocab): RegExp {
  const w = phrase(v.subjectWords).split('[\\s-]+').join('[\\s.-]+');
  return new RegExp(`^${w}\\.?(?:\\s+${phrase(v.subjectQualifiers)})*\\s*[\\d.]*\\s*:?\\s*`, 'i');
}

function subjectsFromFacts(report: LkipReport, labelWords: RegExp): Subject[] {
  const out: Subject[] = [];
  // exact keys first; a similar key only among a bounded number of subjects of the kind (a report's
  // few hundred names; tens of thousands of budget lines match exactly or not at all)
  const exact = new Map<string, Subject>();
  const byKind = new Map<Subject['kind'], Subject[]>();
  const find = (kind: Subject['kind'], key: string) => {
    const hit = exact.get(`${kind}|${key}`);
    if (hit || kind === 'other') return hit;
    const list = byKind.get(kind) ?? [];
    return list.length > MAX_FUZZY ? undefined : list.find((s) => s.keys.some((k) => similarity(k, key) > 0));
  };
  const add = (kind: Subject['kind'], name: string, key: string) => {
    let s = find(kind, key);
    if (!s) {
      s = { kind, name: plainName(name, labelWords), keys: [key], entries: { capaian: [], realisasi: [] } };
      out.push(s);
      byKind.set(kind, [...(byKind.get(kind) ?? []), s]);
    } else if (!s.keys.includes(key)) s.keys.push(key);
    exact.set(`${kind}|${key}`, s);
    return s;
  };
  // indicators under each sasaran (by the group their rows stand under), to know which sasaran has one,
  // and the sasaran each indicator stands under (one read under two sasaran is not relied on)
  const under = new Map<Subject, Set<string>>();
  const over = new Map<Subject, Set<Subject>>();
  for (const f of report.facts) {
    if (f.rowKind !== 'item' || f.subject.kind === 'item') continue;
    const key = nameKey(f.subject.name);
    if (key.length < 8) continue;
    // programmes, kegiatan and tujuan are named too (a sentence naming one is not about an indicator); only indicators and sasaran carry values here
    const kind: Subject['kind'] = f.subject.kind === 'indicator' || f.subject.kind === 'sasaran' ? f.subject.kind : 'other';
    const s = add(kind, f.subject.name, key);
    if (kind === 'other') continue;
    // the sasaran an indicator stands under, read from the rows that measure it (a Renstra matrix's merged cells may carry another)
    if (f.subject.kind === 'indicator' && f.subject.group && (f.measure === 'capaian' || f.measure === 'realisasi')) {
      const gk = nameKey(f.subject.group);
      if (gk.length >= 8) {
        const g = add('sasaran', f.subject.group, gk);
        const set = under.get(g) ?? new Set<string>();
        set.add(s.keys[0]!);
        under.set(g, set);
        const up = over.get(s) ?? new Set<Subject>();
        up.add(g);
        over.set(s, up);
      }
    }
    if (f.measure !== 'capaian' && f.measure !== 'realisasi') continue;
    if (f.basis !== 'year' || f.period || f.statedIn === 'budget') continue;
    // a capaian in a table of the Renstra end target is measured against that target
    if (f.measure === 'capaian' && f.statedIn === 'renstra_end') continue;
    if (f.value.value === null || (f.value.kind !== 'percent' && f.value.kind !== 'number')) continue;
    s.entries[f.measure].push({ value: f.value, year: f.year, src: f.src, fact: f });
  }
  // a sasaran measured by one indicator has that indicator's capaian and realisasi
  for (const [g, set] of under) {
    if (set.size !== 1) continue;
    const ind = out.find((s) => s.kind === 'indicator' && s.keys[0] === [...set][0]);
    if (!ind || (over.get(ind)?.size ?? 0) !== 1) continue;
    for (const m of ['capaian', 'realisasi'] as const) g.entries[m].push(...ind.entries[m]);
  }
  // subjects without values stay: a sentence naming one of them beside another is ambiguous
  return out;
}

function subjectsFromBudgets(report: LkipReport, labelWords: RegExp): Subject[] {
  const out: Subject[] = [];
  const exact = new Map<string, Subject>();
  for (const tree of report.budgets) {
    for (const n of Object.values(tree.nodes)) {
      const outs = n.outputs.filter((o) => o.kind === 'output' && o.pct && o.pct.value !== null);
      if (outs.length === 0) continue;
      const key = budgetKey(n.label);
      if (key.length < 8) continue;
      const input = n.outputs.find((o) => o.kind === 'input')?.pct ?? n.pct ?? undefined;
      let s = exact.get(key) ?? (out.length > MAX_FUZZY ? undefined : out.find((x) => x.keys.some((k) => similarity(k, key) > 0)));
      if (!s) {
        s = { kind: 'output', name: plainName(n.label, labelWords), keys: [key], entries: { capaian: [], realisasi: [] }, ...(input ? { input } : {}) };
        out.push(s);
      }
      exact.set(key, s);
      for (const o of outs) s.entries.capaian.push({ value: o.pct!, year: null, src: o.pct!.src });
      // a sub kegiatan with several outputs has no one output capaian
      if (outs.length > 1) s.several = true;
    }
  }
  return out;
}

// ---------------------------------------------------------------- which subject a sentence is about

/** The words of a text, once per text (a sentence is matched against every subject). */
const WORDS = new Map<string, Set<string>>();
function wordSet(text: string): Set<string> {
  let w = WORDS.get(text);
  if (!w) {
    if (WORDS.size > 2000) WORDS.clear();
    w = new Set(words(text));
    WORDS.set(text, w);
  }
  return w;
}
const NAME_WORDS = new WeakMap<Subject, string[]>();
function nameWords(s: Subject): string[] {
  let w = NAME_WORDS.get(s);
  if (!w) NAME_WORDS.set(s, (w = words(s.name)));
  return w;
}

/** The subject whose name the text carries: all words of a short name, 80% of a longer one, clearly ahead of the next. */
function named(subs: Subject[], text: string): { subject: Subject; score: number } | 'other' | null {
  const have = wordSet(text);
  const scored = subs
    .map((s) => {
      const ws = nameWords(s);
      return { s, n: ws.length, c: ws.length === 0 ? 0 : ws.filter((w) => have.has(w)).length / ws.length };
    })
    .filter((x) => x.n >= 2)
    .sort((a, b) => b.c - a.c);
  const top = scored[0];
  if (!top) return null;
  const need = top.n <= 3 ? 1 : 0.8;
  if (top.c < need) return top.c >= 0.5 ? 'other' : null;
  const second = scored[1];
  // a sasaran and its only indicator both named: the same values, either will do
  if (second && second.c >= top.c - 0.15 && !sameValues(top.s, second.s)) return 'other';
  return { subject: top.s, score: top.c };
}

function sameValues(a: Subject, b: Subject): boolean {
  const va = a.entries.capaian.map((e) => e.src.line).join(',');
  return va !== '' && va === b.entries.capaian.map((e) => e.src.line).join(',');
}

interface Prose {
  pars: readonly Paragraph[];
  /** Lines of table rows, sorted: a subject is never looked for across a table. */
  tableLines: number[];
}

/**
 * The subject a claim in sentence `si` of paragraph `pi` is about: named in the sentence; else, when
 * the sentence points back ("indikator ini") or names no subject of its own, in the earlier
 * sentences of the paragraph or the paragraphs just above (a heading, a "Sub Kegiatan X." line), not
 * across a table. A window naming another subject, or two, ends the search: silent.
 */
function subjectOf(subs: Subject[], prose: Prose, pi: number, si: number, sents: { text: string; offset: number }[], v: { labelRe: RegExp; referRe: RegExp; above?: boolean }): Subject | null {
  const own = sents[si]!.text;
  const first = named(subs, own);
  if (first === 'other') return null;
  if (first) return first.subject;
  const refers = v.referRe.test(own);
  if (v.labelRe.test(own) && !refers) return null;
  const windows: string[] = [];
  for (let j = si - 1; j >= 0; j--) windows.push(sents[j]!.text);
  const par = prose.pars[pi]!;
  // the paragraphs above only for a sentence that points back, or for an output (of the sub kegiatan just named)
  if (!refers && !v.above) return pick(subs, windows, v.labelRe);
  let top = par.parts[0]!.line.line;
  for (let k = pi - 1; k >= 0 && windows.length < 12; k--) {
    const p = prose.pars[k]!;
    const end = p.parts[p.parts.length - 1]!.line.line;
    if (top - end > 6 || !BODY_SECTIONS.has(p.section)) break;
    if (tableBetween(prose.tableLines, end, top)) break;
    const ss = sentences(p.text);
    for (let j = ss.length - 1; j >= 0; j--) windows.push(ss[j]!.text);
    top = p.parts[0]!.line.line;
  }
  return pick(subs, windows, v.labelRe);
}

/** Is there a table row line strictly between two lines (binary search over the sorted lines)? */
function tableBetween(lines: number[], a: number, b: number): boolean {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]! <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo < lines.length && lines[lo]! < b;
}

function pick(subs: Subject[], windows: string[], labelRe: RegExp): Subject | null {
  for (const w of windows) {
    const m = named(subs, w);
    if (m === 'other') return null;
    if (m) return m.subject;
    if (labelRe.test(w)) return null;
  }
  return null;
}

// ---------------------------------------------------------------- the rule

/**
 * Numbers in the narrative that restate a fact of a table: the capaian (or realisasi) of an indicator
 * or sasaran the sentence names, the output capaian of a sub kegiatan, a change from an earlier
 * year's value, a share with its count ("14,32% sebanyak 18.100 jiwa") against the total the text
 * states, and the headline pagu and realisasi of the whole budget against the table totals. Compared at the printed precision of both; a sentence that cannot be tied to one subject,
 * one measure and one year is left alone.
 */
export const restatement: Rule = {
  meta: {
    id: 'restatement',
    category: 'narrative_number_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Angka dalam uraian yang menyatakan ulang fakta tabel harus sama dengan fakta itu pada presisi cetak: capaian (atau realisasi) indikator atau sasaran yang disebut namanya dalam kalimat (atau oleh judul/paragraf tepat di atasnya bila kalimat menunjuk "indikator ini"), untuk tahun laporan atau tahun yang disebut ("tercapai R dari target T" menyatakan realisasi); capaian output sub kegiatan; kenaikan/penurunan "dari tahun Y" terhadap nilai tahun Y di tabel; "P% sebanyak N jiwa" / "N jiwa dengan persentase P%" terhadap jumlah yang dinyatakan di atasnya ("jumlah penduduk ... sebanyak M jiwa"); dan pagu serta realisasi seluruh anggaran ("didukung dengan anggaran sebesar Rp X", tepat rupiah) terhadap jumlah tabel (pagu harus salah satu jumlah tabel realisasi, PK, PK Perubahan atau rencana anggaran; realisasi jumlah tabel realisasi bila tabel itu mencakup seluruh anggaran; bagian anggaran, refocusing dan tahun lain tidak dibandingkan). Sasaran yang diukur oleh satu indikator memakai capaian indikator itu. Nilai tabel yang saling berbeda, nama yang tidak jelas, atau tahun yang tidak dapat ditentukan: tidak dibandingkan. Bila uraian membuktikan angkanya sendiri (realisasi / target dalam kalimat yang sama) dan sel tabel tidak, temuan ditempatkan pada sel tabel. Kata-katanya di rules/vocabulary.yaml (restatement).',
      en: 'Numbers in the narrative that restate a table fact must equal it at printed precision: the capaian (or realisation) of an indicator or sasaran the sentence names (or that the heading or paragraph just above names when the sentence says "this indicator"), for the report year or the year named ("tercapai R dari target T" states the realisation); a sub kegiatan\'s output capaian; a rise/fall "from year Y" against the table\'s value for Y; "P% sebanyak N jiwa" / "N jiwa dengan persentase P%" against the total stated above ("jumlah penduduk ... sebanyak M jiwa"); and the pagu and realisation of the whole budget ("didukung dengan anggaran sebesar Rp X", rupiah exact) against the table totals (a pagu must be one of the realisation, PK, PK Perubahan or budget-plan totals; a realisation the realisation table\'s total when that table covers the whole budget; parts, refocusing and other years are not compared). A sasaran measured by one indicator takes that indicator\'s capaian. Table values that disagree among themselves, unclear names or an undecidable year: not compared. When the sentence proves its own number (realisation / target in the same sentence) and the table cell does not, the finding is placed on the table cell. The words are in rules/vocabulary.yaml (restatement).',
    },
    messages: {
      restated: {
        id: 'Uraian menyebut {{measure}} {{kind}} "{{subject}}"{{year}} {{reported}}, sedangkan {{tables}} mencantumkan {{expected}}.',
        en: 'The narrative gives the {{measureEn}} of {{kindEn}} "{{subject}}"{{yearEn}} as {{reported}}, but {{tablesEn}} lists {{expected}}.',
      },
      output: {
        id: 'Uraian menyebut capaian output sub kegiatan "{{subject}}" {{reported}}, sedangkan {{tables}} mencantumkan capaian output {{expected}}{{hint}}.',
        en: 'The narrative gives the output capaian of sub kegiatan "{{subject}}" as {{reported}}, but {{tablesEn}} lists the output capaian as {{expected}}{{hintEn}}.',
      },
      table: {
        id: '{{table}} mencantumkan {{measure}} {{kind}} "{{subject}}"{{year}} {{reported}}, sedangkan uraiannya menyebut {{expected}} dan hitungannya sendiri membuktikannya ({{calc}}).',
        en: '{{table}} lists the {{measureEn}} of {{kindEn}} "{{subject}}"{{yearEn}} as {{reported}}, but the narrative gives {{expected}}, which its own figures prove ({{calc}}).',
      },
      change: {
        id: 'Uraian menyebut {{claim}} dari tahun {{prevYear}}, sedangkan {{measure}} "{{subject}}" tahun {{prevYear}} di {{table}} {{prev}}: {{actual}}.',
        en: 'The narrative states {{claim}} from {{prevYear}}, but the {{prevYear}} {{measureEn}} of "{{subject}}" in {{table}} is {{prev}}: {{actualEn}}.',
      },
      headline: {
        id: 'Uraian menyebut {{what}} seluruh anggaran {{reported}}, sedangkan {{table}} mencantumkan {{expected}}{{others}}.',
        en: 'The narrative gives the {{whatEn}} of the whole budget as {{reported}}, but {{table}} lists {{expected}}{{othersEn}}.',
      },
      share: {
        id: 'Tercatat {{reported}} untuk {{count}}, seharusnya {{expected}} ({{count}} dari {{total}} yang dinyatakan){{hint}}.',
        en: 'Printed {{reported}} for {{count}}, but it should be {{expected}} ({{count}} of the {{total}} stated){{hintEn}}.',
      },
    },
  },
  check(ctx) {
    const vocab = ctx.config.vocabulary?.restatement;
    if (!vocab) return;
    const { report } = ctx;
    const pars = paragraphs(report).filter((p) => BODY_SECTIONS.has(p.section));
    const prose: Prose = { pars: paragraphs(report), tableLines: report.tables.flatMap((t) => t.rows.map((r) => r.line)).sort((a, b) => a - b) };
    checkClaims(ctx, vocab, prose);
    checkShares(ctx, vocab, pars);
    checkHeadline(ctx, vocab, pars);
  },
};

const MEASURE_EN: Record<Measure, string> = { capaian: 'capaian', realisasi: 'realisation' };
const KIND: Record<Subject['kind'], [string, string]> = { indicator: ['indikator', 'indicator'], sasaran: ['sasaran', 'sasaran'], output: ['sub kegiatan', 'sub kegiatan'], other: ['', ''] };

/** Numbers one sentence may hold for its claims to be read. */
const MAX_TOKENS = 200;

const YEAR_RE = /(?<!\d)(?:19|20)\d\d(?!\d)/g;

function tablesText(es: Entry[], en = false): string {
  const names = [...new Set(es.map((e) => `${e.src.table ?? (en ? 'the table' : 'tabel')} ${en ? 'line' : 'baris'} ${e.src.line}`))];
  return names.length <= 4 ? names.join(', ') : `${names.slice(0, 4).join(', ')} ${en ? 'and' : 'dan'} ${names.length - 4} ${en ? 'more' : 'lainnya'}`;
}

/** Entries of one measure for one year (an undated column stands for the report's year). */
function entriesFor(s: Subject, m: Measure, year: number | null): Entry[] {
  const es = s.entries[m];
  if (year === null) {
    const years = new Set(es.map((e) => e.year).filter((y) => y !== null));
    return years.size === 0 ? es : [];
  }
  return es.filter((e) => e.year === year || e.year === null);
}

/** Values that agree among themselves (each pair at the printed precision); else none. */
function agreed(es: Entry[]): Entry[] {
  if (es.length === 0 || es.some((e) => e.value.value === null)) return [];
  return es.every((e) => sameAtPrinted(e.value, es[0]!.value)) ? es : [];
}

/** A table capaian its own row proves (target and realisasi beside it give it). */
function provenByRow(e: Entry, rows: Map<string, Fact[]>): boolean {
  const f = e.fact;
  if (!f) return true;
  const row = rows.get(`${f.cell.table}\u0000${f.cell.row}\u0000${f.cell.part ?? ''}`) ?? [];
  const t = partnerIn(row, f, 'target');
  const r = partnerIn(row, f, 'realisasi');
  if (!t || !r) return false;
  const res = checkCapaian(t.value, r.value, f.value, f.subject.polarity === 'negative', false);
  return res !== null && res.holds;
}

/** "2.123.150 / 2.212.558 = 95,96": two numbers of the sentence whose ratio gives the claimed percentage. */
function selfProof(text: string, claim: Token, src: SourceRef): string | null {
  // the few numbers nearest the claim (a sentence listing many numbers is not one computation)
  const nums = tokens(text, src)
    .filter((t) => t.index !== claim.index && t.value.value !== null && t.value.kind !== 'percent' && !/^(?:19|20)\d\d$/.test(t.raw) && t.value.value > 0)
    .sort((a, b) => Math.abs(a.index - claim.index) - Math.abs(b.index - claim.index))
    .slice(0, 8);
  for (const a of nums) {
    for (const b of nums) {
      if (a === b) continue;
      const p = (b.value.value! / a.value.value!) * 100;
      if (consistentAtPrinted(p, claim.value.value!, claim.value.decimals)) return `${b.raw} / ${a.raw} = ${formatId(p, Math.max(2, claim.value.decimals))}%`;
    }
  }
  return null;
}

function checkClaims(ctx: RuleContext, v: Vocab, prose: Prose): void {
  const { report } = ctx;
  const labelWords = labelWordsRe(v);
  const facts = subjectsFromFacts(report, labelWords);
  const outputs = subjectsFromBudgets(report, labelWords);
  if (facts.length === 0 && outputs.length === 0) return;
  const rows = factsByRow(report.facts);
  const measureWords = v.measures.flatMap((m) => m.words);
  const wordRe = new RegExp(phrase(measureWords), 'gi');
  const measureOf = (w: string): Measure | null => v.measures.find((m) => m.words.some((x) => x.toLowerCase() === w.toLowerCase().replace(/[\s-]+/g, ' ')))?.measure ?? null;
  const otherRe = new RegExp(phrase(v.otherMeasures), 'i');
  const outputRe = new RegExp(phrase(v.output), 'i');
  const meanRe = new RegExp(phrase(v.mean), 'i');
  const labelRe = new RegExp(`${phrase(v.subjectWords)}\\s*:?\\s*(?:\\d+(?:\\.\\d+)*\\s*:?\\s*)?[A-Z]`);
  const referRe = new RegExp(`${phrase([...v.subjectWords, ...measureWords])}(?:\\s+\\S+)?\\s+${phrase(v.referents)}`, 'i');
  const sinceRe = new RegExp(`${phrase(v.since)}\\s+(?:\\S+\\s+){0,2}?${phrase(v.yearWords)}\\s+((?:19|20)\\d\\d)`, 'gi');
  const sinceAfterRe = new RegExp(`^\\s*${sinceRe.source}`, 'i');
  const upRe = new RegExp(phrase(v.up), 'i');
  const downRe = new RegExp(phrase(v.down), 'i');
  const changeRe = new RegExp(`(${phrase([...v.up, ...v.down])})\\s+(?:\\S+\\s+)?$`, 'i');
  const fillerRe = new RegExp(`^(?:[\\s,]|${phrase([...v.gap, ...v.output, ...v.mean, ...v.referents, ...v.subjectWords])})*$`, 'i');
  const targetAfterRe = new RegExp(`^\\s*(?:${phrase(v.since)})\\s+${phrase(v.targetWords)}\\s+(?:\\S+\\s+){0,2}?\\d`, 'i');
  const anyRe = new RegExp(phrase([...measureWords, ...v.up, ...v.down]), 'i');
  const otherBeforeRe = new RegExp(`${phrase(v.otherMeasures)}\\s+$`, 'i');
  const endRe = (() => {
    const bases = ctx.config.vocabulary?.columnQualifiers?.bases.find((b) => b.basis === 'renstra_end')?.any ?? [];
    return new RegExp(phrase(bases.map((p) => p.join(' '))), 'i');
  })();

  for (let pi = 0; pi < prose.pars.length; pi++) {
    const par = prose.pars[pi]!;
    if (!BODY_SECTIONS.has(par.section)) continue;
    if (!anyRe.test(par.text)) continue;
    const sents = sentences(par.text);
    // the year a paragraph speaks of: the report's, else the one after the year it compares with
    const since = [...par.text.matchAll(sinceRe)].map((m) => Number(m[1]));
    /** The narrative's value for each subject in this paragraph (for a change claim after it). */
    const stated = new Map<Subject, { value: PrintedValue; year: number | null }>();
    for (let si = 0; si < sents.length; si++) {
      const s = sents[si]!;
      const toks = sentenceNumbers(report, par, s.offset);
      // hundreds of numbers in one sentence are a flattened table, not a restatement
      if (toks.length > MAX_TOKENS) continue;
      const lower = s.text.toLowerCase();
      const sinceHere = [...s.text.matchAll(sinceRe)];
      const namedYears = [...s.text.matchAll(YEAR_RE)].filter((y) => !sinceHere.some((m) => y.index! >= m.index! && y.index! < m.index! + m[0].length)).map((y) => Number(y[0]));
      for (const t of toks) {
        if (t.value.value === null || t.value.kind !== 'percent') continue;
        const before = s.text.slice(Math.max(0, t.index - 45), t.index);
        // a change "naik 1,69% dari tahun 2017"
        const ch = changeRe.exec(before);
        const after = s.text.slice(t.end, t.end + 40);
        const chSince = sinceAfterRe.exec(after);
        if (ch && chSince) {
          checkChange(ctx, { par, pi, si, sents, s, t, claim: `${ch[1]} ${t.raw}`, up: upRe.test(ch[1]!) && !downRe.test(ch[1]!), prevYear: Number(chSince[1]), stated, subs: facts, prose, labelRe, referRe, rows });
          continue;
        }
        // the measure word nearest before the number, with no other number or measure between
        const ws = [...before.matchAll(wordRe)];
        const w = ws[ws.length - 1];
        if (!w) continue;
        const word = measureOf(w[0]);
        if (!word) continue;
        // "tercapai 100% dari target 30%": the figure set against a stated target is the realisasi
        const measure: Measure = targetAfterRe.test(after) ? 'realisasi' : word;
        const gap = before.slice(w.index! + w[0].length);
        // between the word and the number only filler words ("capaian kinerja sasaran tahun 2023 sebesar"): "capaian PBB 88,17%" is about something else
        if (gap.length > 40 || !fillerRe.test(gap.replace(YEAR_RE, ' '))) continue;
        // "capaian input 99,92%", "target capaian 100%": another figure
        if (otherRe.test(gap) || otherBeforeRe.test(before.slice(0, w.index))) continue;
        const isOutput = outputRe.test(gap);
        const isMean = meanRe.test(gap) || meanRe.test(before.slice(Math.max(0, w.index! - 15), w.index));
        // a capaian against the end of the plan is another figure
        if (endRe.test(lower)) continue;
        const subs = isOutput ? outputs : facts.filter((x) => (isMean ? x.kind === 'sasaran' : true));
        if (measure !== 'capaian' && isOutput) continue;
        const subject = subjectOf(subs, prose, pi, si, sents, { labelRe, referRe, above: isOutput });
        if (!subject) continue;
        // the year: one named in the sentence, else the report's, else the one after the year compared with
        let year: number | null = null;
        if (namedYears.length > 1 && new Set(namedYears).size > 1) continue;
        if (namedYears.length > 0) year = namedYears[0]!;
        else if (report.meta.year) year = report.meta.year;
        else if (since.length === 1) {
          const ys = subject.entries[measure].map((e) => e.year).filter((y): y is number => y !== null);
          if (ys.length > 0 && Math.max(...ys) === since[0]! + 1) year = since[0]! + 1;
          else continue;
        }
        if (subject.kind === 'output') year = null;
        if (subject.several) continue;
        // a realisasi in percent restates a realisasi printed in percent (another unit is another figure)
        const es = agreed(subject.kind === 'output' ? subject.entries.capaian : entriesFor(subject, measure, year).filter((e) => measure === 'capaian' || e.value.kind === 'percent'));
        if (es.length === 0) continue;
        const tv = es[0]!.value;
        stated.set(subject, { value: t.value, year });
        if (sameAtPrinted(t.value, tv)) continue;
        // a mean (or, where the report says so, any capaian) above 100% may be counted as 100%
        if (measure === 'capaian' && (isMean || report.meta.capRuleStated) && t.value.value === 100 && tv.value! >= 100) continue;
        if (measure === 'realisasi' && tv.value !== 0 && !sameScale(t.value.value, tv.value!)) continue;
        const where = refOf(report, lineAt(par, s.offset + t.index));
        const yearTxt = year !== null && subject.kind !== 'output' ? ` tahun ${year}` : '';
        const yearEn = year !== null && subject.kind !== 'output' ? ` for ${year}` : '';
        const data = {
          measure,
          measureEn: MEASURE_EN[measure],
          kind: KIND[subject.kind][0],
          kindEn: KIND[subject.kind][1],
          subject: shorten(subject.name, 90),
          year: yearTxt,
          yearEn,
          reported: t.value,
          expected: tv,
          tables: tablesText(es),
          tablesEn: tablesText(es, true),
        };
        const related = es.map((e) => ({ ...e.src, note: `${measure} ${e.value.raw}` }));
        if (subject.kind === 'output') {
          const mixed = subject.input && sameAtPrinted(subject.input, t.value);
          ctx.problem({
            messageId: 'output',
            data: { ...data, hint: mixed ? `; ${t.raw} adalah capaian input (dana) sub kegiatan itu` : '', hintEn: mixed ? `; ${t.raw} is the sub kegiatan's input (budget) percentage` : '' },
            where,
            reported: t.value,
            expected: expectPrinted(tv, { id: es[0]!.src.table ?? 'tabel', en: es[0]!.src.table ?? 'table' }),
            tolerance: precision(Math.min(t.value.decimals, tv.decimals)),
            related: [...related, ...(mixed && subject.input ? [{ ...subject.input.src, note: `capaian input ${subject.input.raw}` }] : [])],
          });
          continue;
        }
        // the sentence proves its own number and the table cell is not proven by its row: the table is the odd one
        const proof = measure === 'capaian' ? selfProof(s.text, t, where) : null;
        const odd = proof ? es.filter((e) => !provenByRow(e, rows)) : [];
        if (proof && odd.length === es.length) {
          const e = es[0]!;
          ctx.problem({
            messageId: 'table',
            data: { ...data, table: e.src.table ?? 'tabel', reported: e.value, expected: t.value, line: where.line, calc: proof },
            where: e.src,
            reported: e.value,
            expected: expectPrinted(t.value, { id: `uraian baris ${where.line}: ${proof}`, en: `narrative line ${where.line}: ${proof}` }),
            tolerance: precision(Math.min(t.value.decimals, e.value.decimals)),
            related: [{ ...where, note: `uraian: ${t.raw} (${proof})` }, ...related.slice(1)],
          });
          continue;
        }
        ctx.problem({
          messageId: 'restated',
          data,
          where,
          reported: t.value,
          expected: expectPrinted(tv, { id: es[0]!.src.table ?? 'tabel', en: es[0]!.src.table ?? 'table' }),
          tolerance: precision(Math.min(t.value.decimals, tv.decimals)),
          related,
        });
      }
    }
  }
}

interface ChangeClaim {
  par: Paragraph;
  pi: number;
  si: number;
  sents: { text: string; offset: number }[];
  s: { text: string; offset: number };
  t: Token;
  claim: string;
  up: boolean;
  prevYear: number;
  stated: Map<Subject, { value: PrintedValue; year: number | null }>;
  subs: Subject[];
  prose: Prose;
  labelRe: RegExp;
  referRe: RegExp;
  rows: Map<string, Fact[]>;
}

/**
 * "Capaian ini naik 1,69% dari tahun 2017": the change from the table's value for 2017 to this
 * year's (the narrative's, or the table's) must be the one stated, in points or relative, in the
 * direction stated. Silent when either current value gives it.
 */
function checkChange(ctx: RuleContext, c: ChangeClaim): void {
  const { report } = ctx;
  const subject = subjectOf(c.subs, c.prose, c.pi, c.si, c.sents, { labelRe: c.labelRe, referRe: c.referRe });
  if (!subject || c.t.value.value === null) return;
  const measure: Measure = 'capaian';
  const prev = agreed(subject.entries[measure].filter((e) => e.year === c.prevYear));
  if (prev.length === 0) return;
  const year = report.meta.year ?? c.prevYear + 1;
  if (year <= c.prevYear) return;
  const curs: PrintedValue[] = [];
  const said = c.stated.get(subject);
  if (said && (said.year === null || said.year === year)) curs.push(said.value);
  const table = agreed(subject.entries[measure].filter((e) => e.year === year));
  if (table.length > 0) curs.push(table[0]!.value);
  if (curs.length === 0) return;
  const p = prev[0]!.value.value!;
  const d = c.t.value.value;
  const dd = c.t.value.decimals;
  const holds = (cur: number) => {
    const delta = cur - p;
    if (c.up ? delta <= 0 : delta >= 0) return false;
    const points = Math.abs(delta);
    const rel = p !== 0 ? (points / Math.abs(p)) * 100 : NaN;
    return consistentAtPrinted(points, d, dd) || consistentAtPrinted(rel, d, dd);
  };
  if (curs.some((x) => x.value !== null && holds(x.value))) return;
  const cur = curs[0]!;
  const delta = cur.value! - p;
  const dir = delta === 0 ? 'tetap' : delta < 0 ? 'turun' : 'naik';
  const dirEn = delta === 0 ? 'unchanged' : delta < 0 ? 'down' : 'up';
  const pts = formatId(Math.abs(delta), Math.max(2, dd));
  const where = refOf(report, lineAt(c.par, c.s.offset + c.t.index));
  const tbl = prev[0]!.src.table ?? 'tabel';
  ctx.problem({
    messageId: 'change',
    data: {
      claim: c.claim,
      prevYear: c.prevYear,
      measure,
      measureEn: MEASURE_EN[measure],
      subject: shorten(subject.name, 90),
      table: tbl,
      prev: prev[0]!.value.raw,
      actual: `dari ${prev[0]!.value.raw} ke ${cur.raw} (${year}) ${dir} ${pts} poin`,
      actualEn: `from ${prev[0]!.value.raw} to ${cur.raw} (${year}) is ${dirEn} ${pts} points`,
    },
    where,
    reported: c.claim,
    expected: expectText(`${dir} ${pts} poin: ${prev[0]!.value.raw} (${c.prevYear}) → ${cur.raw} (${year})`, `${dirEn} ${pts} points: ${prev[0]!.value.raw} (${c.prevYear}) → ${cur.raw} (${year})`),
    tolerance: precision(dd),
    related: prev.map((e) => ({ ...e.src, note: `${measure} ${c.prevYear}: ${e.value.raw}` })),
  });
}

// ---------------------------------------------------------------- shares of a stated total

/** "14,32 % sebanyak 18.100 jiwa", "sebanyak 61.944 jiwa dengan persentase 49,85%": against the total stated before them. */
function checkShares(ctx: RuleContext, v: Vocab, pars: readonly Paragraph[]): void {
  if (v.units.length === 0 || v.countWords.length === 0) return;
  const { report } = ctx;
  const unit = phrase(v.units);
  const num = String.raw`(\d{1,3}(?:\.\d{3})+|\d+)`;
  const pct = String.raw`(\d{1,3}(?:[,.]\d+)?\s?%)`;
  const shareFirst = new RegExp(`${pct}\\s*,?\\s*${phrase(v.countWords)}\\s+${num}\\s+(${unit})`, 'gi');
  const countFirst = new RegExp(`(?<![\\d.,])${num}\\s+(${unit})\\s*,?\\s*${phrase(v.shareWords)}\\s+(?:${phrase(v.gap)}\\s+)?${pct}`, 'gi');
  const totalRe = new RegExp(`${phrase(v.totalWords)}[^\\d.;:]{0,50}?(?:${phrase([...v.countWords, ...v.gap])})?\\s*(?<![\\d.,])${num}\\s+(${unit})`, 'gi');
  const count = (s: string) => Number(s.replace(/\./g, ''));
  const unitKey = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
  // the totals each paragraph states, read once
  const totals = new Map<Paragraph, { n: number; raw: string; line: TextLine; unit: string; end: number }[]>();
  const totalsOf = (p: Paragraph) => {
    let t = totals.get(p);
    if (!t) totals.set(p, (t = [...p.text.matchAll(totalRe)].map((m) => ({ n: count(m[1]!), raw: `${m[1]} ${m[2]}`, line: lineAt(p, m.index!), unit: unitKey(m[2]!), end: m.index! + m[0].length }))));
    return t;
  };
  const fails = new Map<string, { c: { p: string; n: string; unit: string }; n: number; total: { raw: string; n: number; line: TextLine }; src: SourceRef; pv: Token; share: number; lo: number; hi: number }[]>();
  let run: { total: { n: number; raw: string; line: TextLine }; unit: string; last: number } | null = null;
  for (let pi = 0; pi < pars.length; pi++) {
    const par = pars[pi]!;
    const claims: { p: string; n: string; unit: string; index: number }[] = [];
    if (claims.length === 0 && !shareFirst.test(par.text) && !countFirst.test(par.text)) {
      shareFirst.lastIndex = 0;
      countFirst.lastIndex = 0;
      continue;
    }
    shareFirst.lastIndex = 0;
    countFirst.lastIndex = 0;
    for (const m of par.text.matchAll(shareFirst)) claims.push({ p: m[1]!, n: m[2]!, unit: m[3]!, index: m.index! });
    for (const m of par.text.matchAll(countFirst)) claims.push({ p: m[3]!, n: m[1]!, unit: m[2]!, index: m.index! + m[0].lastIndexOf(m[3]!) });
    for (const c of claims) {
      const u = unitKey(c.unit);
      const n = count(c.n);
      // the total: in this paragraph before the claim, else in the paragraphs just above (a list's head)
      let total: { n: number; raw: string; line: TextLine } | null = null;
      let ambiguous = false;
      const look = (p: Paragraph, upto: number) => {
        const found = totalsOf(p).filter((m) => m.end <= upto && m.unit === u);
        const vals = new Set(found.map((f) => f.n));
        if (vals.size > 1) ambiguous = true;
        return vals.size === 1 ? found[0]! : null;
      };
      total = look(par, c.index);
      const first = par.parts[0]!.line.line;
      // an item of a list whose earlier items took their total from above: the same total (a long list)
      const own = total !== null || ambiguous;
      if (!own && run && run.unit === u && first - run.last <= 2 && totalsOf(par).length === 0) total = run.total;
      for (let k = pi - 1; !total && !ambiguous && k >= 0 && first - pars[k]!.parts[pars[k]!.parts.length - 1]!.line.line <= 15; k--) total = look(pars[k]!, pars[k]!.text.length);
      // a total found above (not in the claim's own paragraph) carries down the list
      if (!own && total && !ambiguous) run = { total, unit: u, last: par.parts[par.parts.length - 1]!.line.line };
      if (!total || ambiguous || total.n <= n || total.n === 0) continue;
      const src = refOf(report, lineAt(par, c.index));
      const pv = tokens(c.p.replace(/\s/g, ''), src)[0];
      if (!pv || pv.value.value === null || pv.value.kind !== 'percent') continue;
      const share = (n / total.n) * 100;
      if (consistentAtPrinted(share, pv.value.value, pv.value.decimals)) continue;
      // the totals the printed share stands for: N / [P − ½u, P + u)
      const step = 10 ** -pv.value.decimals;
      const lo = (n * 100) / (pv.value.value + step);
      const hi = pv.value.value - step / 2 > 0 ? (n * 100) / (pv.value.value - step / 2) : Infinity;
      const key = `${total.raw}@${total.line.line}`;
      const list = fails.get(key) ?? [];
      list.push({ c, n, total, src, pv, share, lo, hi });
      fails.set(key, list);
    }
  }
  for (const list of fails.values()) {
    // several shares of one list that all fit another total: say which (the list was computed on it)
    const lo = Math.max(...list.map((f) => f.lo));
    const hi = Math.min(...list.map((f) => f.hi));
    const other = list.length >= 2 && Math.floor(hi) >= Math.ceil(lo) && Number.isFinite(hi) ? [Math.ceil(lo), Math.floor(hi)] : null;
    const rangeIn = (lang: 'id' | 'en') => (other ? (other[0] === other[1] ? formatNumber(other[0]!, 0, lang) : `${formatNumber(other[0]!, 0, lang)}–${formatNumber(other[1]!, 0, lang)}`) : '');
    const range = rangeIn('id');
    for (const f of list) {
      ctx.problem({
        messageId: 'share',
        data: {
          reported: f.c.p,
          count: `${f.c.n} ${f.c.unit}`,
          expected: { value: f.share, unit: 'percent', decimals: f.pv.value.decimals },
          total: f.total.raw,
          line: f.total.line.line,
          hint: other ? `; ${list.length} persentase daftar ini cocok dengan jumlah ${range}, bukan ${f.total.raw.replace(/\s+\S+$/, '')}` : '',
          hintEn: other ? `; ${list.length} shares of this list fit a total of ${rangeIn('en')}, not ${formatNumber(f.total.n, 0, 'en')}` : '',
        },
        where: f.src,
        reported: f.c.p,
        expected: expectQuantity({ value: f.share, unit: 'percent', decimals: f.pv.value.decimals }, { id: `${f.c.n} / ${f.total.raw.replace(/\s+\S+$/, '')}`, en: `${formatNumber(f.n, 0, 'en')} / ${formatNumber(f.total.n, 0, 'en')}` }),
        tolerance: precision(f.pv.value.decimals),
        related: [{ ...refOf(report, f.total.line), note: `jumlah: ${f.total.raw}` }],
      });
    }
  }
}

// ---------------------------------------------------------------- headline pagu and realisasi

/**
 * "didukung dengan anggaran sebesar Rp X", "realisasi belanja ... sebesar Rp Y": a sentence about the
 * whole budget (no programme, kegiatan, part of the budget or revision named; the report year or no
 * year) against the totals of the tables. A pagu must be one of the totals the tables state (the
 * realisation table, PK, PK Perubahan, the budget plan); a realisasi the realisation table's total,
 * when that table covers the whole budget (its pagu is one of the other totals, or no other is stated).
 */
function checkHeadline(ctx: RuleContext, v: Vocab, pars: readonly Paragraph[]): void {
  const { report } = ctx;
  if (v.headline.pagu.length === 0 || v.headline.realisasi.length === 0) return;
  const real = report.budgets.filter((b) => b.kind === 'realisation' && b.total?.pagu && cents(b.total.pagu) !== null);
  const others = report.budgets.filter((b) => (b.kind === 'pk' || b.kind === 'plan') && b.total?.pagu && cents(b.total.pagu) !== null);
  if (real.length === 0) return;
  const paguTotals = [...real, ...others].map((b) => ({ c: cents(b.total!.pagu)!, v: b.total!.pagu!, table: b.table }));
  const otherC = new Set(others.map((b) => cents(b.total!.pagu)!));
  const whole = real.filter((b) => otherC.size === 0 || otherC.has(cents(b.total!.pagu)!));
  const realTotals = whole.filter((b) => b.total?.realisasi && cents(b.total.realisasi) !== null).map((b) => ({ c: cents(b.total!.realisasi)!, v: b.total!.realisasi!, table: b.table }));
  if (new Set(realTotals.map((t) => t.c)).size > 1) realTotals.length = 0;
  // a total row that is not the sum of its programmes is budget-sum's finding: the sum is a total too
  const sums = (which: 'pagu' | 'realisasi') =>
    whole.map((b) => {
      const vs = b.roots.map((id) => b.nodes[id]?.[which] ?? null);
      const cs = vs.map((x) => (x ? cents(x) : null));
      return cs.length > 0 && cs.every((x) => x !== null) ? (cs as bigint[]).reduce((a, x) => a + x, 0n) : null;
    }).filter((x): x is bigint => x !== null);
  const accepted = { pagu: new Set([...paguTotals.map((x) => x.c), ...sums('pagu')]), realisasi: new Set([...realTotals.map((x) => x.c), ...sums('realisasi')]) };
  const paguRe = new RegExp(phrase(v.headline.pagu), 'i');
  const realRe = new RegExp(phrase(v.headline.realisasi), 'i');
  const notRe = new RegExp(phrase([...v.headline.not, ...v.subjectWords]), 'i');
  const orRe = new RegExp(phrase(v.headline.or), 'i');
  const year = report.meta.year;
  for (const par of pars) {
    if (!paguRe.test(par.text) && !realRe.test(par.text)) continue;
    for (const s of sentences(par.text)) {
      if (notRe.test(s.text)) continue;
      const years = [...s.text.matchAll(YEAR_RE)].map((m) => Number(m[0]));
      if (years.some((y) => y !== year)) continue;
      const src0 = refOf(report, lineAt(par, s.offset));
      const toks = tokens(s.text, src0).filter(isAmount);
      let prevEnd = 0;
      for (const t of toks) {
        const before = s.text.slice(Math.max(prevEnd, t.index - 80), t.index);
        prevEnd = t.end;
        // "atau sebesar", "(Rp ...)": a restatement of the amount before, or a part of it
        if (/[%(]/.test(before) || orRe.test(before)) continue;
        const measure = realRe.test(before) ? 'realisasi' : paguRe.test(before) ? 'pagu' : null;
        const c = cents(t.value);
        if (!measure || c === null) continue;
        const totals = measure === 'pagu' ? paguTotals : realTotals;
        if (totals.length === 0 || accepted[measure].has(c)) continue;
        const first = totals[0]!;
        const rest = [...new Set(totals.slice(1).filter((x) => x.c !== first.c).map((x) => `${x.table}: ${x.v.raw}`))];
        ctx.problem({
          messageId: 'headline',
          data: {
            what: measure === 'pagu' ? 'pagu' : 'realisasi',
            whatEn: measure === 'pagu' ? 'budget' : 'realisation',
            reported: t.raw,
            table: first.table,
            expected: first.v.raw,
            others: rest.length ? ` (juga ${rest.join('; ')})` : '',
            othersEn: rest.length ? ` (also ${rest.join('; ')})` : '',
          },
          where: refOf(report, lineAt(par, s.offset + t.index)),
          reported: t.raw,
          expected: expectQuantity(amount(first.c), { id: first.table, en: first.table }),
          tolerance: EXACT,
          related: totals.map((x) => ({ ...x.v.src, note: `${measure} ${x.v.raw}` })),
        });
      }
    }
  }
}
