import type { Config } from '../../model/config.js';
import { perConfig } from '../../model/per-config.js';
import type { LkipReport, PredicateScale, ScaleBand, Table } from '../../model/report.js';
import type { Rule, RuleContext } from '../../model/rule.js';
import type { PrintedValue } from '../../model/values.js';
import { words } from '../../parse/columns.js';
import { findNumbersInText, parseValue } from '../../parse/numbers.js';
import { bandFor, normLabel } from '../../parse/performance.js';
import { alt } from '../../parse/prose-facts.js';
import { tableLabel } from '../../parse/structure.js';
import { formatPrinted } from '../format.js';
import { boundaryRule, consistentAtPrinted, criterion, expectText, scaleName } from '../tolerance.js';
import { short } from './_match.js';
import { efficiencyRows, type EfficiencyRow } from './_facts.js';
import { at, averageSource, num, prose, successSentence, type Prose } from './_verdict.js';
import { escapeRe } from '../../parse/regex.js';

// ------------------------------------------------------------------ efficiency

type Eff = 'Efisien' | 'Tidak Efisien';

/** The verdict a text states, by the vocabulary's efficiency verdicts ("not efficient" phrases first), or null. */
function printedVerdict(s: string, config: Config): Eff | null {
  const v = config.vocabulary?.efficiencyVerdicts;
  if (!v) return null;
  const w = ` ${words(s)} `;
  if (v.inefficient.some((p) => w.includes(` ${words(p)} `))) return 'Tidak Efisien';
  if (v.efficient.some((p) => w.includes(` ${words(p)} `))) return 'Efisien';
  return null;
}

/** The vocabulary's words of verdict claims (verdictClaims, efficiencyVerdicts), as the patterns the checks use; built once per configuration. */
interface Words {
  /** "Sasaran 3: ... efisien" (the sentence's sasaran number and its verdict phrase); null without verdict phrases. */
  sasaranVerdict: RegExp | null;
  /** A sentence about one sasaran ("Sasaran Strategis 2"). */
  oneSasaran: RegExp;
  /** "(tidak) ada efisiensi": the claim (1: its words before the noun). */
  efficiencyClaim: RegExp;
  /** The negation of an efficiency claim ("tidak"). */
  none: RegExp;
  /** An unfilled template choice ("ada / tidak ada"). */
  choice: RegExp;
  /** The average word as printed ("rata-rata", "rata rata", "ratarata"), as a regex source. */
  average: string;
  /** "rata-rata (capaian) mencapai X%" (1: the percentage). */
  averageStated: RegExp;
  /** The words before a category label in a sentence about the average ("kategori", "predikat"), as a regex source. */
  categoryLead: string;
  /** The conclusion word before a category label ("dikategorikan"), as a regex source. */
  conclusion: string;
  /** "4 indikator ... kategori X": the noun counted and the category word, as regex sources. */
  indicator: string;
  category: string;
}

function compileWords(config: Config): Words {
  const v = config.vocabulary?.verdictClaims;
  const e = config.vocabulary?.efficiencyVerdicts;
  const phrases = e ? [...e.inefficient, ...e.efficient].map((p) => words(p).split(' ').map(escapeRe).join('\\s+')).sort((a, b) => b.length - a.length) : null;
  const sasaran = alt(v?.sasaranWords ?? []);
  const average = averageSource(config);
  const some = alt(v?.efficiency.some ?? []);
  const not = alt(v?.efficiency.not ?? []);
  const out: Words = {
    sasaranVerdict: phrases ? new RegExp(`${sasaran}\\s+(\\d+)\\s*:?[^.]*?\\b(${phrases.join('|')})\\b`, 'i') : null,
    oneSasaran: new RegExp(`\\b${sasaran}\\s*(?:${alt(v?.sasaranQualifiers ?? [])}\\s*)?\\d`, 'i'),
    efficiencyClaim: new RegExp(`\\(?\\b((?:${not}\\s+)?${some})\\b\\)?\\s+${alt(v?.efficiency.noun ?? [])}\\b`, 'i'),
    none: new RegExp(not, 'i'),
    choice: new RegExp(`${some}\\s*\\/\\s*${not}|${not}\\s*\\/\\s*${some}`, 'i'),
    average,
    averageStated: new RegExp(`${average}\\s+(?:${alt(v?.averageOf ?? [])}\\s+)?${alt(v?.averageVerbs ?? [])}\\s+(\\d{1,3}(?:[.,]\\d+)?\\s?%)`, 'i'),
    categoryLead: alt(v?.categoryLead ?? []),
    conclusion: alt(v?.conclusion ?? []),
    indicator: alt(v?.indicator ?? []),
    category: alt(v?.category ?? []),
  };
  return out;
}
const wordsOf = perConfig(compileWords);

/** Efisien when % capaian kinerja ≥ % serapan anggaran; null when the printed figures cannot tell (equal within their printed precision). */
function computedVerdict(r: EfficiencyRow): Eff | null {
  if (!num(r.capaian) || !num(r.serapan)) return null;
  const c = r.capaian.value!;
  const s = r.serapan.value!;
  if (c === s) return 'Efisien';
  const overlap = consistentAtPrinted(c, s, r.serapan.decimals) || consistentAtPrinted(s, c, r.capaian.decimals);
  if (overlap) return null;
  return c >= s ? 'Efisien' : 'Tidak Efisien';
}

const EFFICIENT = criterion('Efisien bila % capaian kinerja ≥ % serapan anggaran, dibandingkan seperti dicetak', 'Efisien when the capaian % ≥ the budget absorption %, compared as printed');

function checkEfficiency(ctx: RuleContext, lines: Prose[]) {
  const { report } = ctx;
  const rows = efficiencyRows(report);
  for (const r of rows) {
    const said = printedVerdict(r.verdict, ctx.config);
    const should = computedVerdict(r);
    if (!said || !should || said === should) continue;
    ctx.problem({
      messageId: 'efficiency',
      data: { sasaran: short(r.sasaran), table: tableLabel(r.table), reported: r.verdict, expected: should, capaian: r.capaian!, serapan: r.serapan!, cmp: should === 'Efisien' ? '≥' : '<' },
      where: r.verdictRef,
      reported: r.verdict,
      expected: expectText(should),
      tolerance: EFFICIENT,
      related: [r.capaian!.src, r.serapan!.src],
    });
  }
  // "Capaian kinerja Sasaran 3: 100% dapat dikategorikan efisien ..." under the table
  const w = wordsOf(ctx.config);
  const sentence = w.sasaranVerdict;
  const tables = [...new Set(rows.map((r) => r.table))];
  for (const t of tables) {
    const tRows = rows.filter((r) => r.table === t);
    const next = ctx.report.tables.find((x) => x.startLine > t.endLine);
    for (const p of lines) {
      if (p.line <= t.endLine || p.line > t.endLine + 40 || (next && p.line >= next.startLine)) continue;
      const m = sentence?.exec(p.text);
      if (!m) continue;
      const n = Number(m[1]);
      const row = tRows.find((r) => new RegExp(`^${n}\\.\\s`).test(r.sasaran)) ?? (tRows.every((r) => !/^\d+\.\s/.test(r.sasaran)) ? tRows[n - 1] : undefined);
      if (!row) continue;
      const should = computedVerdict(row);
      const said = printedVerdict(m[2]!, ctx.config);
      if (!should || !said || should === said) continue;
      ctx.problem({
        messageId: 'efficiencyText',
        data: { n, reported: m[2]!, expected: should, table: tableLabel(t), capaian: row.capaian!, serapan: row.serapan! },
        where: at(report, p),
        reported: m[2]!,
        expected: expectText(should),
        tolerance: EFFICIENT,
        related: [row.capaian!.src, row.serapan!.src],
      });
    }
  }
  // "hasil evaluasi efisiensi menunjukkan tidak ada efisiensi ..." against the table's rows
  const decided = rows.map((r) => computedVerdict(r)).filter((v): v is Eff => v !== null);
  if (decided.length === 0) return;
  const nE = decided.filter((v) => v === 'Efisien').length;
  const tableNames = tables.map((t) => tableLabel(t)).join(', ');
  for (const p of lines) {
    if (w.choice.test(p.text)) continue; // an unfilled template choice
    const m = w.efficiencyClaim.exec(p.text);
    if (!m) continue;
    const claimNone = w.none.test(m[1]!);
    if (claimNone ? nE === 0 : nE > 0 || decided.length < rows.length) continue;
    const claim = m[0].replace(/\s+/g, ' ');
    ctx.problem({
      messageId: 'efficiencyClaim',
      data: { claim, table: tableNames, n: nE, m: rows.length },
      where: at(report, p),
      reported: claim,
      expected: claimNone
        ? expectText(`ada efisiensi (${nE} dari ${rows.length} sasaran efisien di ${tableNames})`, `some efficiency (${nE} of ${rows.length} sasaran efficient in ${tableNames})`)
        : expectText(`tidak ada efisiensi (0 dari ${rows.length} sasaran efisien di ${tableNames})`, `no efficiency (0 of ${rows.length} sasaran efficient in ${tableNames})`),
      tolerance: EFFICIENT,
      related: rows.map((r) => ({ ...r.verdictRef, note: `${r.capaian?.raw ?? '-'} vs ${r.serapan?.raw ?? '-'}: ${r.verdict}` })),
    });
  }
}

// ------------------------------------------------------------------ category words in sentences without a percentage

function labelRegex(scale: PredicateScale): RegExp {
  const labels = [...new Set(scale.bands.map((b) => normLabel(b.label)))].filter(Boolean).sort((a, b) => b.length - a.length);
  return new RegExp(`\\b(${labels.map((l) => l.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');
}

const sameBand = (said: string, band: ScaleBand) => normLabel(said) === normLabel(band.label) || (band.grade !== undefined && normLabel(said) === band.grade.toLowerCase());

function hasPercent(text: string): boolean {
  return findNumbersInText(text).some((n) => /%$/.test(n.raw));
}

/** The report's overall average capaian: the average row of its measurement table, or "rata rata mencapai X%" just under it. */
function overallAverage(report: LkipReport, lines: Prose[], w: Words): { value: PrintedValue; where: string; whereEn: string; place: string; placeEn: string } | null {
  const meas = report.tables.filter((t) => t.kind === 'measurement');
  const labels = new Set(meas.map((t) => tableLabel(t)));
  const rows = report.averages.filter((a) => a.origin === 'table' && labels.has(a.table) && a.stated.value !== null);
  if (rows.length === 1) return { value: rows[0]!.stated, where: `${rows[0]!.table} baris ${rows[0]!.stated.src.line}`, whereEn: `${rows[0]!.table} line ${rows[0]!.stated.src.line}`, place: rows[0]!.table, placeEn: rows[0]!.table };
  if (rows.length > 1) return null;
  const found: { value: PrintedValue; where: string; whereEn: string; place: string; placeEn: string }[] = [];
  for (const t of meas) {
    for (const p of lines) {
      if (p.line <= t.endLine || p.line > t.endLine + 15) continue;
      const m = w.averageStated.exec(p.text);
      if (m) found.push({ value: parseValue(m[1]!, at(report, p), 'percent'), where: `baris ${p.line}, di bawah ${tableLabel(t)}`, whereEn: `line ${p.line}, below ${tableLabel(t)}`, place: `di bawah ${tableLabel(t)}`, placeEn: `below ${tableLabel(t)}` });
    }
  }
  return found.length === 1 && found[0]!.value.value !== null ? found[0]! : null;
}

function checkCategoryWords(ctx: RuleContext, lines: Prose[]) {
  const { report } = ctx;
  const scale = report.scale;
  if (!scale) return;
  const lre = labelRegex(scale);
  const w = wordsOf(ctx.config);
  const overall = overallAverage(report, lines, w);
  for (const p of lines) {
    if (hasPercent(p.text)) continue; // sentences with a percentage are the predicate rule's
    // "... rata rata masuk dalam kategori memuaskan" right under a table with one average row
    const avgM = new RegExp(`${w.average}[^.]{0,80}?${w.categoryLead}\\s*\\(?\\s*${lre.source}`, 'i').exec(p.text);
    if (avgM) {
      const t = tableAbove(report, p.line);
      const avgs = t ? report.averages.filter((a) => a.origin === 'table' && a.table === tableLabel(t) && a.stated.value !== null) : [];
      if (t && avgs.length === 1) {
        const a = avgs[0]!.stated;
        const band = bandFor(scale, a.value!);
        const said = avgM[1]!;
        if (band && !sameBand(said, band)) {
          ctx.problem({
            messageId: 'average',
            data: { table: tableLabel(t), avg: a.raw, reported: said, expected: band.label, scale: scaleName(scale, 'id'), scaleEn: scaleName(scale, 'en') },
            where: at(report, p),
            reported: said,
            expected: expectText(`${band.label} (rata-rata ${a.raw}, ${tableLabel(t)} baris ${a.src.line})`, `${band.label} (average ${a.raw}, ${tableLabel(t)} line ${a.src.line})`),
            tolerance: boundaryRule(scale),
            related: [{ ...a.src, note: `rata-rata ${a.raw}` }, ...(scale.src ? [scale.src] : [])],
          });
        }
      }
    }
    // the conclusion: "... dikategorikan (Baik) karena ..."
    const conM = new RegExp(`${w.conclusion}\\s*\\(?\\s*${lre.source}`, 'i').exec(p.text);
    if (conM && overall) {
      const band = bandFor(scale, overall.value.value!);
      const said = conM[1]!;
      if (band && !sameBand(said, band)) {
        ctx.problem({
          messageId: 'conclusion',
          data: { reported: said, avg: overall.value, avgSrc: overall.place, avgSrcEn: overall.placeEn, expected: band.label, scale: scaleName(scale, 'id'), scaleEn: scaleName(scale, 'en') },
          where: at(report, p),
          reported: said,
          expected: expectText(`${band.label} (rata-rata capaian ${overall.value.raw}, ${overall.where})`, `${band.label} (average capaian ${formatPrinted(overall.value, 'en')}, ${overall.whereEn})`),
          tolerance: boundaryRule(scale),
          related: [{ ...overall.value.src, note: `rata-rata ${overall.value.raw}` }, ...(scale.src ? [scale.src] : [])],
        });
      }
    }
  }
  // "rata-rata capaian sasaran sebesar 86,44%, sehingga ... BERHASIL": only the clear cases are judged
  const bottom = scale.bands[scale.bands.length - 1];
  const top = scale.bands[0];
  const said = successSentence(ctx.config);
  for (const p of lines) {
    const m = said.sentence.exec(p.text);
    if (!m) continue;
    const v = parseValue(m[1]!, at(report, p), 'percent');
    if (v.value === null) continue;
    const band = bandFor(scale, v.value);
    if (!band) continue;
    const success = said.success.test(m[2]!.trim());
    const wrong = success ? band === bottom : band === top;
    if (!wrong) continue;
    ctx.problem({
      messageId: 'success',
      data: { reported: m[2]!, avg: m[1]!, band: band.label, scale: scaleName(scale, 'id'), scaleEn: scaleName(scale, 'en') },
      where: at(report, p),
      reported: m[2]!,
      expected: success ? expectText(`tidak berhasil (${m[1]} = ${band.label})`, `not successful (${m[1]} = ${band.label})`) : expectText(`berhasil (${m[1]} = ${band.label})`, `successful (${m[1]} = ${band.label})`),
      tolerance: boundaryRule(scale, undefined, {
        id: 'hanya predikat terbawah (untuk "berhasil") atau teratas (untuk "tidak berhasil") yang dinilai',
        en: 'only the lowest predicate (for "berhasil") or the highest (for "tidak berhasil") is judged',
      }),
      related: scale.src ? [scale.src] : [],
    });
  }
}

/**
 * "4 (empat) Indikator Capaiannya dalam kategori Sangat Tinggi, 2 (dua) indikator capaian dalam
 * kategori Tinggi": the number of indicators per category, counted from the measurement table's
 * printed capaian on the report's scale. Indicators whose capaian is not a readable percentage
 * may fall in any category. Sentences about one sasaran are left out.
 */
function checkCategoryCounts(ctx: RuleContext, lines: Prose[]) {
  const { report } = ctx;
  const scale = report.scale;
  if (!scale) return;
  const meas = new Set(report.tables.filter((t) => t.kind === 'measurement').map((t) => tableLabel(t)));
  const seen = new Set<string>();
  const caps: { band: ScaleBand | null; v: PrintedValue }[] = [];
  for (const m of report.measurements) {
    if (m.kind !== 'year' || !meas.has(m.table) || seen.has(m.indicatorId)) continue;
    seen.add(m.indicatorId);
    const ok = m.capaian.kind === 'percent' && m.capaian.value !== null;
    caps.push({ band: ok ? bandFor(scale, m.capaian.value!) : null, v: m.capaian });
  }
  if (caps.length === 0) return;
  const unknown = caps.filter((c) => c.band === null).length;
  const lre = labelRegex(scale);
  const w = wordsOf(ctx.config);
  const re = new RegExp(String.raw`(\d{1,3})\s*(?:\(\s*[A-Za-z ]+?\s*\)\s*)?${w.indicator}\b[^,.;\d]{0,60}?\b${w.category}\s+${lre.source}`, 'gi');
  const average = new RegExp(w.average, 'i');
  const tables = [...new Set(caps.map((c) => c.v.src.table ?? ''))].join(', ');
  for (const p of lines) {
    if (w.oneSasaran.test(p.text)) continue;
    const claims: { n: number; label: string; raw: string }[] = [];
    let m: RegExpExecArray | null;
    re.lastIndex = 0;
    while ((m = re.exec(p.text))) {
      // "4 indikator ... rata-rata ... kategori X" speaks of the average, not of a count per category
      if (!average.test(m[0])) claims.push({ n: Number(m[1]), label: m[2]!, raw: m[0] });
    }
    if (claims.length === 0) continue;
    const bandOf = (label: string) => scale.bands.find((b) => sameBand(label, b)) ?? null;
    if (claims.some((c) => !bandOf(c.label))) continue;
    const wrong = claims.filter((c) => {
      const k = caps.filter((x) => x.band === bandOf(c.label)).length;
      return c.n < k || c.n > k + unknown;
    });
    if (wrong.length === 0) continue;
    const counts = scale.bands
      .map((b) => ({ b, k: caps.filter((x) => x.band === b).length }))
      .filter((x) => x.k > 0 || claims.some((c) => bandOf(c.label) === x.b))
      .map((x) => `${x.k} indikator ${x.b.label}`);
    if (unknown > 0) counts.push(`${unknown} tidak terbaca sebagai persen`);
    const reported = claims.map((c) => `${c.n} indikator ${c.label}`).join(', ');
    const countsEn = counts.map((c) => c.replace(/ indikator /, ' indicators ').replace(/ tidak terbaca sebagai persen$/, ' not readable as a percentage'));
    ctx.problem({
      messageId: 'categoryCount',
      data: { reported, expected: counts.join(', '), table: tables, caps: caps.map((c) => c.v.raw).join(', '), scale: scaleName(scale, 'id'), scaleEn: scaleName(scale, 'en') },
      where: at(report, p),
      reported,
      expected: expectText(`${counts.join(', ')} (${tables}: ${caps.map((c) => c.v.raw).join(', ')})`, `${countsEn.join(', ')} (${tables}: ${caps.map((c) => c.v.raw).join(', ')})`),
      tolerance: boundaryRule(scale, { id: 'jumlah tepat', en: 'exact count' }),
      related: [...caps.map((c) => ({ ...c.v.src, note: `${c.v.raw}: ${c.band?.label ?? '?'}` })), ...(scale.src ? [scale.src] : [])],
    });
  }
}

/** The table that ends at most 10 lines above a line (with only prose, a source note or blanks in between). */
function tableAbove(report: LkipReport, line: number): Table | null {
  let best: Table | null = null;
  for (const t of report.tables) if (t.endLine < line && line - t.endLine <= 10 && (!best || t.endLine > best.endLine)) best = t;
  return best;
}

/**
 * Verdicts the report gives in words must follow from its own figures: efficiency ("Efisien" when
 * % capaian kinerja ≥ % serapan anggaran) per row of the efficiency table, in the sentences under
 * it and in the summary ("tidak ada efisiensi"); category words in sentences without a percentage that
 * refer to the average of the table above or to the overall average (the conclusion's
 * "dikategorikan Baik"); "berhasil" claims in the clear cases;
 * indicator counts per category. Predicates with a percentage in the
 * same sentence and check marks in predicate tables are the predicate rule's.
 */
export const verdict: Rule = {
  meta: {
    id: 'verdict',
    category: 'predicate_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Penilaian dalam kata harus sesuai dengan angka laporan sendiri. (1) Tabel efisiensi: "Efisien" bila % capaian kinerja ≥ % serapan anggaran (aturan yang dipakai laporan), setiap baris dan kalimat "Sasaran n: ... efisien" di bawahnya; ringkasan "tidak ada efisiensi" dibandingkan dengan baris tabel (peringatan). (2) Kategori dalam kalimat tanpa persentase: "rata rata masuk dalam kategori memuaskan" tepat di bawah tabel yang memiliki satu baris rata-rata, dan kesimpulan "dikategorikan Baik" terhadap rata-rata capaian keseluruhan, menurut skala laporan. (3) "Berhasil" hanya dinilai bila rata-rata jatuh pada predikat terbawah (dan "tidak berhasil" pada predikat teratas). (4) Jumlah indikator per kategori ("4 Indikator dalam kategori Sangat Tinggi, 2 indikator dalam kategori Tinggi") dihitung ulang dari capaian tabel pengukuran; capaian yang bukan persen boleh masuk kategori mana pun. Kalimat dengan persentase dan tanda centang tabel predikat diperiksa aturan predicate; % serapan per sasaran terhadap program pendukungnya aturan sasaran-serapan; rata-rata capaian sasaran dalam kalimat keberhasilan aturan sasaran-average.',
      en: 'Verdicts in words must follow from the report\'s own figures. (1) Efficiency table: "Efisien" when % capaian kinerja ≥ % serapan anggaran (the rule the reports use), for each row and for the "Sasaran n: ... efisien" sentences under it; a summary "tidak ada efisiensi" is checked against the rows (warning). (2) Category words in sentences without a percentage: "rata rata masuk dalam kategori memuaskan" right under a table with one average row, and the conclusion\'s "dikategorikan Baik" against the overall average capaian, on the report\'s scale. (3) "Berhasil" is judged only when the average falls in the lowest band (and "tidak berhasil" in the highest). (4) Indicator counts per category ("4 Indikator dalam kategori Sangat Tinggi, 2 indikator dalam kategori Tinggi") are recounted from the measurement table\'s capaian; a capaian that is not a percentage may fall in any category. Sentences with a percentage and check marks in predicate tables are the predicate rule\'s; each sasaran\'s % serapan against its programme is sasaran-serapan\'s; the sasaran average in a success sentence is sasaran-average\'s.',
    },
    messages: {
      efficiency: {
        id: 'Tingkat efisiensi sasaran "{{sasaran}}" di {{table}} tercatat "{{reported}}", seharusnya "{{expected}}": capaian kinerja {{capaian}} {{cmp}} serapan anggaran {{serapan}}.',
        en: 'Efficiency of sasaran "{{sasaran}}" in {{table}} is "{{reported}}", but should be "{{expected}}": capaian {{capaian}} {{cmp}} budget absorption {{serapan}}.',
      },
      efficiencyText: {
        id: 'Sasaran {{n}} disebut "{{reported}}", seharusnya "{{expected}}" menurut {{table}} (capaian kinerja {{capaian}}, serapan anggaran {{serapan}}).',
        en: 'Sasaran {{n}} is called "{{reported}}", but per {{table}} it is "{{expected}}" (capaian {{capaian}}, absorption {{serapan}}).',
      },
      efficiencyClaim: {
        id: 'Kalimat menyatakan "{{claim}}", sedangkan di {{table}} {{n}} dari {{m}} sasaran efisien (capaian kinerja ≥ serapan anggaran).',
        en: 'The sentence states "{{claim}}", but in {{table}} {{n}} of {{m}} sasaran are efficient (capaian ≥ budget absorption).',
        severity: 'warning',
      },
      average: {
        id: 'Rata-rata capaian {{table}} ({{avg}}) disebut kategori "{{reported}}", seharusnya "{{expected}}" menurut {{scale}}.',
        en: 'The average capaian of {{table}} ({{avg}}) is called "{{reported}}", but it is "{{expected}}" under {{scaleEn}}.',
      },
      conclusion: {
        id: 'Kesimpulan menyebut kinerja "dikategorikan {{reported}}", sedangkan rata-rata capaian {{avg}} ({{avgSrc}}) menurut {{scale}} berpredikat "{{expected}}".',
        en: 'The conclusion calls performance "{{reported}}", but the average capaian {{avg}} ({{avgSrcEn}}) is "{{expected}}" under {{scaleEn}}.',
      },
      categoryCount: {
        id: 'Uraian menyebut {{reported}}, sedangkan capaian di {{table}} ({{caps}}) menurut {{scale}} memberi {{expected}}.',
        en: 'The text counts {{reported}}, but the capaian in {{table}} ({{caps}}) give {{expected}} under {{scaleEn}}.',
      },
      success: {
        id: 'Rata-rata capaian {{avg}} disebut "{{reported}}", padahal menurut {{scale}} capaian itu berpredikat "{{band}}".',
        en: 'An average capaian of {{avg}} is called "{{reported}}", but under {{scaleEn}} it is "{{band}}".',
      },
    },
  },
  check(ctx) {
    const lines = prose(ctx.report);
    checkEfficiency(ctx, lines);
    checkCategoryWords(ctx, lines);
    checkCategoryCounts(ctx, lines);
  },
};
