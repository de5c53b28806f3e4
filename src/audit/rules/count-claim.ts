import type { BudgetTree, LkipReport, Table } from '../../model/report.js';
import type { Config } from '../../model/config.js';
import { perConfig } from '../../model/per-config.js';
import type { Rule, RuleContext } from '../../model/rule.js';
import { alt, phrase } from '../../parse/prose-facts.js';
import { criterion, expectText } from '../tolerance.js';
import type { SourceRef } from '../../model/values.js';
import { countLevels } from '../../parse/budget.js';
import { factsByRow } from '../../parse/facts.js';
import { cleanText, columnIndex, lineNumbers, proseLines, refOf, sentences, shorten, tableLabel, type FactToken } from './_text.js';

const EXACT_COUNT = criterion('jumlah tepat', 'exact count');

/** The vocabulary's words of count claims (countClaims), as the patterns the checks use; built once per configuration. */
interface Words {
  support: RegExp;
  otherPlan: RegExp;
  indicatorLead: RegExp;
  afterSasaran: RegExp;
  notIndicatorOf: RegExp;
  sasaranLead: RegExp;
  reach: RegExp;
  notReached: RegExp;
  above: RegExp;
  aboveLead: RegExp;
  totalLead: RegExp;
  breakdown: RegExp;
  consistsOf: RegExp;
  /** A sentence about one sasaran ("Sasaran 1 :", "sasaran II", "Sasaran Strategis 2"), not the whole year. */
  oneSasaran: RegExp;
  /** A paragraph headed by the line "Sasaran 1 :" above it. */
  sasaranHeading: RegExp;
  /** "sasaran strategis 2" right after the noun of a sasaran count: a label, not a count. */
  sasaranLabel: RegExp;
}

function compileWords(config: Config): Words {
  const v = config.vocabulary?.countClaims;
  const w = phrase;
  const target = w(config.vocabulary?.restatement?.targetWords);
  const out: Words = {
    support: new RegExp(w(v?.support), 'i'),
    otherPlan: new RegExp(w(v?.otherPlan), 'i'),
    indicatorLead: new RegExp(`(${w([...(v?.indicatorLead ?? []), ...(v?.afterSasaran ?? [])])})\\s+$`, 'i'),
    afterSasaran: new RegExp(`^${alt(v?.afterSasaran ?? [])}$`, 'i'),
    notIndicatorOf: new RegExp(`^\\s+${w(v?.notIndicatorOf)}`, 'i'),
    sasaranLead: new RegExp(`(?:,|${w(v?.sasaranLead)})\\s+$`, 'i'),
    reach: new RegExp(`^(?:\\s+${w(v?.indicatorQualifiers)})*\\s+((${w([...(v?.reached ?? []), ...(v?.notReached ?? [])])})\\s+${w(v?.reachVerbs)}\\s+${target})`, 'i'),
    notReached: new RegExp(`^${alt(v?.notReached ?? [])}$`, 'i'),
    above: new RegExp(`^\\s+(?:${w(v?.aboveGap)}\\s+)*${w(v?.above)}`, 'i'),
    aboveLead: new RegExp(`${w(v?.aboveLead)}\\s+$`, 'i'),
    totalLead: new RegExp(`${w(v?.totalLead)}\\s+$`, 'i'),
    breakdown: new RegExp(`^\\s*,?\\s*${w(v?.breakdown)}\\s+`, 'i'),
    consistsOf: new RegExp(w(v?.consistsOf), 'i'),
    oneSasaran: new RegExp(`\\b${alt(v?.sasaranWords ?? [])}\\s*(?:${alt(v?.sasaranQualifiers ?? [])}\\s*)?(?:\\d|i{1,3}\\b|iv\\b|ke-?\\d)`, 'i'),
    sasaranHeading: new RegExp(`^[-#\\s]*${alt(v?.sasaranWords ?? [])}\\s*(?:${alt(v?.sasaranQualifiers ?? [])}\\s*)?\\d`, 'i'),
    sasaranLabel: new RegExp(`^\\s+${alt(v?.sasaranQualifiers ?? [])}\\s*\\d`, 'i'),
  };
  return out;
}
const wordsOf = perConfig(compileWords);

/** A number of a sentence that the prose facts read as a count (src/parse/prose-facts.ts). */
type CountToken = FactToken & { fact: { count: NonNullable<FactToken['fact']['count']> } };

/** The vocabulary's count noun for staff who are not civil servants (proseNumbers.countNouns). */
const NON_ASN = 'non asn';

/** "18 (delapan belas)": the count as the messages print it. */
const countRaw = (c: CountToken) => `${c.raw}${c.fact.count.words ? ` (${c.fact.count.words.raw})` : ''}`;
/** The text before the count as printed (before its number words) and after it (after its noun). */
const before = (c: CountToken, text: string) => text.slice(0, c.index + c.fact.count.from);
const after = (c: CountToken, text: string) => text.slice(c.index + c.fact.count.to);

/**
 * "4 (empat) Program 9 (sembilan) Kegiatan dan 18 (delapan belas) Sub Kegiatan", "4 program dan 10
 * kegiatan": the first program count followed within 60 characters by a kegiatan count, and the sub
 * kegiatan count within 40 characters after that.
 */
function budgetCounts(cs: CountToken[]): { program: CountToken; kegiatan: CountToken; sub?: CountToken } | null {
  const next = (from: CountToken, noun: string, gap: number) => cs.find((c) => c.index >= from.index + from.fact.count.to && c.fact.count.noun === noun && c.index - (from.index + from.fact.count.to) <= gap);
  for (const program of cs) {
    if (program.fact.count.noun !== 'program') continue;
    const kegiatan = next(program, 'kegiatan', 60);
    if (!kegiatan) continue;
    const sub = next(kegiatan, 'sub kegiatan', 40);
    return { program, kegiatan, ...(sub ? { sub } : {}) };
  }
  return null;
}

/** "dari 3 (tiga) indikator", "terhadap 18 indikator", "dan 4 indikator sasaran": the first count of the whole report's indicators. */
function indicatorCount(cs: CountToken[], text: string, w: Words): { c: CountToken; afterSasaran: boolean } | null {
  for (const c of cs) {
    if (c.fact.count.noun !== 'indikator' || w.notIndicatorOf.test(after(c, text))) continue;
    const m = w.indicatorLead.exec(before(c, text));
    if (m) return { c, afterSasaran: w.afterSasaran.test(m[1]!.replace(/[\s-]+/g, ' ')) };
  }
  return null;
}

/** ", 2 (dua) sasaran", "dari 3 sasaran", "sebanyak 1 Tujuan, 2 sasaran" (not "sasaran strategis 2"). */
function sasaranCount(cs: CountToken[], text: string, w: Words): CountToken | null {
  const lead = w.sasaranLead;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (c.fact.count.noun !== 'sasaran' || w.sasaranLabel.test(after(c, text))) continue;
    if (lead.test(before(c, text))) return c;
    // a tujuan count right before it: "sebanyak 1 (satu) Tujuan, 2 (dua) sasaran"
    const t = cs[i - 1];
    if (t && t.fact.count.noun === 'tujuan' && t.raw.length <= 2 && /^\s*,?\s*$/.test(text.slice(t.index + t.fact.count.to, c.index + c.fact.count.from)) && lead.test(before(t, text))) return c;
  }
  return null;
}

/** "3 indikator sasaran belum mencapai target", "5 indikator telah memenuhi target". */
function reachCount(cs: CountToken[], text: string, w: Words): { c: CountToken; raw: string; notYet: boolean } | null {
  for (const c of cs) {
    if (c.fact.count.noun !== 'indikator') continue;
    const m = w.reach.exec(after(c, text));
    if (!m) continue;
    const raw = text.slice(c.index, c.index + c.fact.count.to + m[0].length).replace(/\s+/g, ' ');
    return { c, raw, notYet: w.notReached.test(m[2]!.replace(/[\s-]+/g, ' ')) };
  }
  return null;
}

/** "sebanyak 6 (enam) indikator capaian diatas target". */
function aboveCount(cs: CountToken[], text: string, w: Words): CountToken | null {
  return cs.find((c) => c.fact.count.noun === 'indikator' && c.fact.count.from === 0 && w.aboveLead.test(text.slice(0, c.index)) && w.above.test(after(c, text))) ?? null;
}

/**
 * "berjumlah 17 orang dengan rincian 7 pejabat struktural dan 9 pelaksana": the total and the whole
 * numbers of the breakdown, each printed before a word. Null when a number of the breakdown carries a
 * bracket that is not its number words.
 */
function breakdown(cs: CountToken[], nums: FactToken[], text: string, w: Words): { c: CountToken; list: FactToken[] } | null {
  for (const c of cs) {
    if (c.fact.count.noun !== 'orang' || !w.totalLead.test(text.slice(0, c.index))) continue;
    const head = w.breakdown.exec(after(c, text));
    if (!head) continue;
    const from = c.index + c.fact.count.to + head[0].length;
    const list: FactToken[] = [];
    for (const x of nums) {
      if (x.index < from || x.value.kind !== 'number' || !/^\d{1,4}$/.test(x.raw)) continue;
      const rest = text.slice(x.end);
      const bracket = /^\s*\([A-Za-z ]+\)\s+[A-Za-z]/.test(rest);
      // "7 (tujuh) pejabat": the bracket must be the number's words
      if (bracket && !(x.fact.count?.words && !x.fact.count.words.before)) return null;
      if (bracket || /^\s+[A-Za-z]/.test(rest)) list.push(x);
    }
    return { c, list };
  }
  return null;
}

function mainRealisation(report: LkipReport): BudgetTree | null {
  const real = report.budgets.filter((b) => b.kind === 'realisation');
  const withTotal = real.filter((b) => b.total);
  return withTotal[withTotal.length - 1] ?? real[real.length - 1] ?? null;
}

function treeRef(tree: BudgetTree, file: string): SourceRef {
  const first = tree.roots[0] ? tree.nodes[tree.roots[0]] : undefined;
  return first ? { ...first.src, row: undefined, column: undefined } : { file, page: null, line: 0, table: tree.table };
}

function fmtCounts(c: { programs: number; kegiatan: number; subKegiatan: number }): string {
  return `${c.programs} program, ${c.kegiatan} kegiatan, ${c.subKegiatan} sub kegiatan`;
}

/** The first measurement table (Tabel 3.1 style): its indicators and its distinct sasaran. */
function measurementCounts(report: LkipReport): { table: Table; indicators: number; sasaran: number | null } | null {
  const t = report.tables.find((x) => x.kind === 'measurement');
  if (!t) return null;
  const label = tableLabel(t);
  const ids = new Set(report.measurements.filter((m) => m.table === label && m.kind === 'year').map((m) => m.indicatorId));
  if (ids.size === 0) return null;
  const sCol = columnIndex(t, /sasaran/i, /indikator/i);
  const iCol = columnIndex(t, /indikator/i);
  let sasaran: number | null = null;
  if (sCol >= 0 && iCol >= 0) {
    const set = new Set<string>();
    for (const r of t.rows) {
      if (!(r.cells[iCol] ?? '').trim()) continue;
      const s = cleanText(r.cells[sCol] ?? '').toLowerCase().replace(/[^a-z]+/g, '');
      if (s) set.add(s);
    }
    sasaran = set.size > 0 ? set.size : null;
  }
  return { table: t, indicators: ids.size, sasaran };
}

type Status = 'above' | 'equal' | 'below' | null;

/** Whether each indicator of the measurement table is above, at or below its target. */
function targetStatus(report: LkipReport, table: Table): Status[] {
  const label = tableLabel(table);
  const seen = new Set<string>();
  const out: Status[] = [];
  for (const m of report.measurements) {
    if (m.table !== label || m.kind !== 'year' || seen.has(m.indicatorId)) continue;
    seen.add(m.indicatorId);
    const ind = report.indicators.find((i) => i.id === m.indicatorId);
    if (m.capaian.kind === 'percent' && m.capaian.value !== null) {
      const v = m.capaian.value;
      out.push(v > 100 ? 'above' : v === 100 ? 'equal' : 'below');
      continue;
    }
    const t = m.target.value;
    const r = m.realisasi.value;
    if (t === null || r === null || (m.target.unit ?? '') !== (m.realisasi.unit ?? '')) {
      out.push(null);
      continue;
    }
    const neg = ind?.polarity === 'negative';
    out.push(r === t ? 'equal' : (neg ? r < t : r > t) ? 'above' : 'below');
  }
  return out;
}

interface StaffTable {
  table: Table;
  total: number;
  withNonAsn: boolean;
  src: SourceRef;
}

/** Tables of Bab I whose total row counts persons: the first whole-number total fact of each (the total-row rule checks that it adds up). */
function staffTables(report: LkipReport): StaffTable[] {
  const out: StaffTable[] = [];
  for (const t of report.tables) {
    if (t.section !== 'bab1' || t.kind !== 'other') continue;
    const total = report.facts.find((f) => f.cell.table === t.id && f.aggregate === 'sum' && f.value.kind === 'number' && f.value.decimals === 0 && f.value.value !== null);
    if (!total) continue;
    const withNonAsn = /non\s*asn/i.test(t.caption) || t.rows.some((r) => r.cells.some((c) => /^non\s*asn$/i.test(cleanText(c))));
    out.push({ table: t, total: total.value.value!, withNonAsn, src: { ...total.src, column: undefined, col: undefined } });
  }
  return out;
}

/**
 * Counts claimed in the narrative against what the tables hold: programs / kegiatan / sub kegiatan
 * against the budget realisation table (Tabel 3.8 style), indicators and sasaran against the
 * measurement table, "N indikator di atas target" against the capaian, staff totals against the
 * staff tables' Jumlah rows (whose sums the total-row rule checks), and "4 (lima)": digits against words.
 */
export const countClaim: Rule = {
  meta: {
    id: 'count-claim',
    category: 'count_claim_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Jumlah yang disebut dalam uraian dibandingkan dengan isi tabel: jumlah program/kegiatan/sub kegiatan dengan tabel realisasi anggaran (gaya Tabel 3.8; tabel lain disebut sebagai pembanding), jumlah indikator dan sasaran dengan tabel pengukuran kinerja, "N indikator di atas target" dengan capaian, jumlah pegawai dengan baris Jumlah tabel kepegawaian (penjumlahan baris itu diperiksa aturan total-row), serta angka dengan terbilangnya ("4 (lima)"). Kalimat tentang satu sasaran atau tentang Renstra tidak dibandingkan.',
      en: 'Counts stated in the narrative are compared with the tables: programs/kegiatan/sub kegiatan with the budget realisation table (Tabel 3.8 style; other tables are cited for reference), indicators and sasaran with the performance measurement table, "N indicators above target" with the capaian, staff numbers with the Jumlah row of the staff tables (whose sum the total-row rule checks), and digits with the number words ("4 (lima)"). Sentences about one sasaran or about the Renstra are not compared.',
    },
    messages: {
      reach: {
        id: 'Uraian menyebut "{{reported}}", sedangkan menurut target dan realisasi {{table}} {{reached}} indikator mencapai target dan {{below}} belum.',
        en: 'The narrative says "{{reported}}", but by the targets and realisations of {{table}} {{reached}} indicators reached their target and {{below}} did not.',
        severity: 'warning',
      },
      budget: {
        id: 'Uraian menyebut {{reported}}, sedangkan {{table}} memuat {{expected}} {{level}}.',
        en: 'The narrative states {{reported}}, but {{table}} holds {{expected}} {{levelEn}}.',
      },
      words: {
        id: 'Angka dan terbilang tidak sama: tercatat {{reported}}, angka {{digits}} tetapi terbilang "{{wordsRaw}}" = {{words}}.',
        en: 'Digits and words disagree: printed {{reported}}, digits {{digits}} but the words "{{wordsRaw}}" mean {{words}}.',
        severity: 'warning',
      },
      indicators: {
        id: 'Uraian menyebut {{reported}}, sedangkan {{table}} memuat {{expected}} {{what}}.',
        en: 'The narrative states {{reported}}, but {{table}} lists {{expected}} {{whatEn}}.',
        severity: 'warning',
      },
      aboveTarget: {
        id: 'Uraian menyebut {{reported}} di atas target, sedangkan menurut {{table}} {{above}} indikator di atas target, {{equal}} sama dengan target dan {{below}} di bawah target.',
        en: 'The narrative states {{reported}} above target, but in {{table}} {{above}} indicators are above target, {{equal}} at target and {{below}} below target.',
        severity: 'warning',
      },
      staffTotal: {
        id: 'Uraian menyebut {{reported}} (jumlah {{total}} orang), sedangkan baris Jumlah {{table}} mencatat {{expected}} orang.',
        en: 'The narrative states {{reported}} (together {{total}} persons), but the Jumlah row of {{table}} records {{expected}}.',
        severity: 'warning',
      },
      staffParts: {
        id: 'Uraian menyebut {{reported}}, tetapi rinciannya ({{parts}}) berjumlah {{sum}}.',
        en: 'The narrative states {{reported}}, but its breakdown ({{parts}}) adds up to {{sum}}.',
        severity: 'warning',
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    const w = wordsOf(ctx.config);
    const tree = mainRealisation(report);
    const counts = tree ? countLevels(tree) : null;
    const meas = measurementCounts(report);
    const staff = staffTables(report);
    const prose = proseLines(report);
    prose.forEach((p, pi) => {
      const where = refOf(report, p.line);
      // a paragraph under (or starting with) "Sasaran N :" is about one sasaran
      const prev = prose[pi - 1];
      const paraOneSasaran =
        w.oneSasaran.test(p.text) || (prev !== undefined && p.line.line - prev.line.line <= 1 && w.sasaranHeading.test(prev.text));
      for (const s of sentences(p.text)) {
        const text = s.text;
        // the counts of the sentence, from the prose facts ("4 (empat) Program", "17 ASN", "36")
        const cs = lineNumbers(report, p.line.line, text, s.offset).filter((t): t is CountToken => t.fact.count !== undefined);
        // digits against number words
        for (const c of cs) {
          const nw = c.fact.count.words;
          if (!nw || nw.value === c.value.value) continue;
          const raw = nw.before ? `(${nw.raw}) ${c.raw}` : `${c.raw} (${nw.raw})`;
          ctx.problem({
            messageId: 'words',
            data: { reported: raw, digits: c.value.value!, wordsRaw: nw.raw, words: nw.value },
            where,
            reported: raw,
            expected: expectText(`${c.value.value} = ${c.value.value} / terbilang ${nw.value}`, `${c.value.value} = ${c.value.value} / in words ${nw.value}`),
            tolerance: EXACT_COUNT,
          });
        }
        const oneSasaran = paraOneSasaran || w.oneSasaran.test(text);
        // programs / kegiatan / sub kegiatan: "4 (empat) Program 9 (sembilan) Kegiatan dan 18 (delapan belas) Sub Kegiatan"
        const b = budgetCounts(cs);
        if (b && tree && counts && !oneSasaran && !w.otherPlan.test(text.slice(0, b.program.index)) && w.support.test(text.slice(0, b.program.index))) {
          const years = [...text.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
          if (years.length === 0 || report.meta.year === null || years.includes(report.meta.year)) {
            const levels: { c: CountToken | undefined; name: string; have: number; level: string; levelEn: string }[] = [
              { c: b.program, name: 'Program', have: counts.programs, level: 'program', levelEn: 'programs' },
              { c: b.kegiatan, name: 'Kegiatan', have: counts.kegiatan, level: 'kegiatan', levelEn: 'kegiatan' },
              { c: b.sub, name: 'Sub Kegiatan', have: counts.subKegiatan, level: 'sub kegiatan', levelEn: 'sub kegiatan' },
            ];
            const others = report.budgets.filter((x) => x !== tree && (x.kind === 'realisation' || x.kind === 'per_sasaran' || x.kind === 'plan'));
            for (const lv of levels) {
              if (lv.c === undefined) continue;
              if (lv.level === 'sub kegiatan' && lv.have === 0) continue;
              if (lv.c.value.value === lv.have) continue;
              const raw = `${countRaw(lv.c)} ${lv.name}`;
              ctx.problem({
                messageId: 'budget',
                data: { reported: raw, table: tree.table, expected: lv.have, level: lv.level, levelEn: lv.levelEn },
                where,
                reported: raw,
                expected: expectText(`${lv.have} ${lv.level} (${tree.table})`, `${lv.have} ${lv.levelEn} (${tree.table})`),
                tolerance: EXACT_COUNT,
                related: [
                  { ...treeRef(tree, report.file), note: `${tree.table} (realisasi): ${fmtCounts(countLevels(tree))}` },
                  ...others.map((o) => ({ ...treeRef(o, report.file), note: `${o.table} (${o.kind}): ${fmtCounts(countLevels(o))}` })),
                ],
              });
            }
          }
        }
        // indicators and sasaran of the whole report against the measurement table
        if (meas && !oneSasaran) {
          const im = indicatorCount(cs, text, w);
          const sm = sasaranCount(cs, text, w);
          const indOk = im && (!im.afterSasaran || (sm !== null && sm.index < im.c.index));
          if (im && indOk) {
            // a count of indicators or sasaran the measurement table does not have
            const mismatch = (raw: string, expected: number, what: string, whatEn: string, note: string) =>
              ctx.problem({
                messageId: 'indicators',
                data: { reported: raw, table: tableLabel(meas.table), expected, what, whatEn },
                where,
                reported: raw,
                expected: expectText(`${expected} ${what} (${tableLabel(meas.table)})`, `${expected} ${whatEn} (${tableLabel(meas.table)})`),
                tolerance: EXACT_COUNT,
                related: [{ file: report.file, page: null, line: meas.table.startLine, table: tableLabel(meas.table), note }],
              });
            if (im.c.value.value !== meas.indicators) mismatch(`${countRaw(im.c)} indikator`, meas.indicators, 'indikator', 'indicators', `${meas.indicators} indikator`);
            if (sm && meas.sasaran !== null && sm.value.value !== meas.sasaran) mismatch(`${countRaw(sm)} sasaran`, meas.sasaran, 'sasaran', 'sasaran', `${meas.sasaran} sasaran, ${meas.indicators} indikator`);
          }
        }
        // "dari tabel di atas ... 3 indikator sasaran belum mencapai target": the rows of the table above, by their own target and realisasi
        const reach = reachCount(cs, text, w);
        if (reach && !oneSasaran) {
          const above = report.tables.filter((t) => t.endLine < p.line.line && p.line.line - t.endLine <= 4).sort((a, b) => b.endLine - a.endLine)[0];
          const st = above ? reachedByFacts(report, above.id) : null;
          if (above && st) {
            const actual = reach.notYet ? st.below.length : st.reached.length;
            if (reach.c.value.value !== actual) {
              ctx.problem({
                messageId: 'reach',
                data: { reported: reach.raw, table: tableLabel(above), reached: st.reached.length, below: st.below.length },
                where,
                reported: reach.raw,
                expected: expectText(
                  `${actual} indikator (${tableLabel(above)}: ${st.reached.length} mencapai, ${st.below.length} belum mencapai target)`,
                  `${actual} indicators (${tableLabel(above)}: ${st.reached.length} reached, ${st.below.length} below target)`,
                ),
                tolerance: EXACT_COUNT,
                related: [...st.reached, ...st.below].map((x) => ({ ...x.src, note: x.note })),
              });
            }
          }
        }
        // "sebanyak 6 (enam) indikator capaian diatas target"
        const above = aboveCount(cs, text, w);
        if (above && meas && !oneSasaran) {
          const st = targetStatus(report, meas.table);
          if (st.length > 0 && !st.includes(null)) {
            const a = st.filter((x) => x === 'above').length;
            const e = st.filter((x) => x === 'equal').length;
            const bl = st.filter((x) => x === 'below').length;
            const claimed = above.value.value!;
            if (claimed < a || claimed > a + e) {
              const raw = `${countRaw(above)} indikator`;
              const exp = e > 0 ? `${a}–${a + e}` : `${a}`;
              ctx.problem({
                messageId: 'aboveTarget',
                data: { reported: raw, table: tableLabel(meas.table), above: a, equal: e, below: bl },
                where,
                reported: `${raw} di atas target`,
                expected: expectText(
                  `${exp} indikator (${tableLabel(meas.table)}: ${a} di atas, ${e} sama, ${bl} di bawah target)`,
                  `${exp} indicators (${tableLabel(meas.table)}: ${a} above, ${e} equal, ${bl} below target)`,
                ),
                tolerance: EXACT_COUNT,
                related: [{ file: report.file, page: null, line: meas.table.startLine, table: tableLabel(meas.table) }],
              });
            }
          }
        }
        // staff: "terdiri dari 17 ASN dan 15 Non ASN"
        const parts = cs.filter((c) => c.fact.count.staff);
        if (parts.length >= 2 && parts.some((x) => x.fact.count.noun === NON_ASN) && w.consistsOf.test(text)) {
          const total = parts.reduce((acc, x) => acc + x.value.value!, 0);
          const tables = staff.filter((x) => x.withNonAsn);
          if (tables.length > 0 && !tables.some((x) => x.total === total)) {
            const st = tables[0]!;
            const raw = parts.map((x) => text.slice(x.index, x.index + x.fact.count.to)).join(' + ');
            ctx.problem({
              messageId: 'staffTotal',
              data: { reported: raw, total, table: tableLabel(st.table), expected: st.total },
              where,
              reported: raw,
              expected: expectText(`${st.total} orang (${tableLabel(st.table)}, baris Jumlah)`, `${st.total} persons (${tableLabel(st.table)}, Jumlah row)`),
              tolerance: EXACT_COUNT,
              related: tables.map((x) => ({ ...x.src, note: `Jumlah ${x.total}` })),
            });
          }
        }
        // "berjumlah 17 orang dengan rincian 7 pejabat struktural dan 9 pelaksana"
        const rinci = breakdown(cs, lineNumbers(report, p.line.line, text, s.offset), text, w);
        if (rinci && rinci.list.length >= 2) {
          const sum = rinci.list.reduce((acc, x) => acc + x.value.value!, 0);
          const n = rinci.c.value.value!;
          if (sum !== n) {
            const raw = `${countRaw(rinci.c)} orang`;
            const list = rinci.list.map((x) => x.raw).join(' + ');
            ctx.problem({
              messageId: 'staffParts',
              data: { reported: raw, parts: list, sum },
              where,
              reported: raw,
              expected: expectText(`${sum} orang (${list})`, `${sum} persons (${list})`),
              tolerance: EXACT_COUNT,
            });
          }
        }
      }
    });
  },
};

/**
 * Each item row of a table: has it reached its target? By its own target and realisasi of the latest
 * year that has both (lower is better for negative indicators), never by the printed capaian. Null
 * when a row cannot be judged (then no count is compared).
 */
function reachedByFacts(report: LkipReport, table: string): { reached: Judged[]; below: Judged[] } | null {
  const facts = report.facts.filter((f) => f.cell.table === table && f.rowKind === 'item');
  const years = [...new Set(facts.filter((f) => f.measure === 'target').map((f) => f.year))].filter((y) => facts.some((f) => f.measure === 'realisasi' && f.year === y));
  if (years.length === 0) return null;
  const year = years.includes(null) && years.length === 1 ? null : Math.max(...years.filter((y): y is number => y !== null));
  const out = { reached: [] as Judged[], below: [] as Judged[] };
  for (const row of factsByRow(facts).values()) {
    const t = row.find((f) => f.measure === 'target' && f.year === year && f.basis !== 'renstra_end');
    const r = row.find((f) => f.measure === 'realisasi' && f.year === year);
    if (!t || !r || t.value.value === null || r.value.value === null || (t.value.unit ?? '') !== (r.value.unit ?? '')) return null;
    const neg = t.subject.polarity === 'negative';
    const ok = neg ? r.value.value <= t.value.value : r.value.value >= t.value.value;
    (ok ? out.reached : out.below).push({ src: r.src, note: `${shorten(t.subject.name, 60)}: target ${t.value.raw}, realisasi ${r.value.raw}${neg ? ' (makin kecil makin baik)' : ''}` });
  }
  return out.reached.length + out.below.length >= 2 ? out : null;
}

interface Judged {
  src: SourceRef;
  note: string;
}
