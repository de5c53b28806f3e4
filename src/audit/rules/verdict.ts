import type { LkipReport, PredicateScale, ScaleBand, SectionKind, Table } from '../../model/report.js';
import type { Rule, RuleContext } from '../../model/rule.js';
import type { PrintedValue, SourceRef } from '../../model/values.js';
import { findNumbersInText, parseValue } from '../../parse/numbers.js';
import { bandFor, normLabel } from '../../parse/performance.js';
import { SECTION_LABEL, tableLabel } from '../../parse/structure.js';
import { cents, checkCapaian, meanHolds, meansOf, pctAtPrinted, pctOf, sameAtPrinted } from '../../parse/arith.js';
import { formatExpected, formatPrinted } from '../format.js';
import { boundaryRule, consistentAtPrinted, criterion, dropLines, expectMean, expectText, expectWords, formatQuantity, percent, precision, scaleName } from '../tolerance.js';
import { budgetKey, nameKey, short, similarity } from './_match.js';
import { efficiencyRows, programAmounts, sasaranPrograms, type EfficiencyRow } from './_facts.js';
import { allLines } from './_text.js';

const PROSE: ReadonlySet<SectionKind> = new Set<SectionKind>(['ikhtisar', 'bab3', 'bab4']);

interface Prose {
  line: number;
  page: number | null;
  section: SectionKind;
  text: string;
}

function prose(report: LkipReport): Prose[] {
  const out: Prose[] = [];
  for (const p of allLines(report)) {
    if (p.line.cells || !PROSE.has(p.section)) continue;
    out.push({ line: p.line.line, page: p.line.page, section: p.section, text: p.text });
  }
  return out;
}

const at = (report: LkipReport, p: Prose): SourceRef => ({ file: report.file, page: p.page, line: p.line, section: SECTION_LABEL[p.section] });
const num = (v: PrintedValue | null): v is PrintedValue => v !== null && (v.kind === 'percent' || v.kind === 'number') && v.value !== null;

// ------------------------------------------------------------------ efficiency

type Eff = 'Efisien' | 'Tidak Efisien';

function printedVerdict(s: string): Eff | null {
  const t = s.toLowerCase();
  if (/tidak\s*efisien|kurang\s*efisien|in\s*efisien/.test(t)) return 'Tidak Efisien';
  if (/efisien/.test(t)) return 'Efisien';
  return null;
}

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
    const said = printedVerdict(r.verdict);
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
  const tables = [...new Set(rows.map((r) => r.table))];
  for (const t of tables) {
    const tRows = rows.filter((r) => r.table === t);
    const next = ctx.report.tables.find((x) => x.startLine > t.endLine);
    for (const p of lines) {
      if (p.line <= t.endLine || p.line > t.endLine + 40 || (next && p.line >= next.startLine)) continue;
      const m = /sasaran\s+(\d+)\s*:?[^.]*?\b(tidak\s+efisien|kurang\s+efisien|efisien)\b/i.exec(p.text);
      if (!m) continue;
      const n = Number(m[1]);
      const row = tRows.find((r) => new RegExp(`^${n}\\.\\s`).test(r.sasaran)) ?? (tRows.every((r) => !/^\d+\.\s/.test(r.sasaran)) ? tRows[n - 1] : undefined);
      if (!row) continue;
      const should = computedVerdict(row);
      const said = printedVerdict(m[2]!);
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
    if (/ada\s*\/\s*tidak|tidak\s*\/\s*ada/i.test(p.text)) continue; // an unfilled template choice
    const m = /\(?\b(tidak\s+ada|ada)\b\)?\s+efisiensi\b/i.exec(p.text);
    if (!m) continue;
    const claimNone = /tidak/i.test(m[1]!);
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

/** % serapan anggaran of a sasaran against the budget tables' figure for the one programme that supports it. */
function checkSerapan(ctx: RuleContext) {
  const { report } = ctx;
  const pairs = sasaranPrograms(report);
  const programs = programAmounts(report);
  for (const r of efficiencyRows(report)) {
    if (!num(r.serapan)) continue;
    const k = nameKey(r.sasaran);
    const progs = pairs.filter((p) => similarity(nameKey(p.sasaran), k) > 0).map((p) => p.program);
    if (progs.length === 0) continue;
    const first = budgetKey(progs[0]!);
    if (progs.some((p) => similarity(budgetKey(p), first) === 0)) continue; // several programmes: the sasaran figure is a mix
    const cands = programs.filter((p) => similarity(budgetKey(p.label), first) > 0);
    if (cands.length === 0) continue;
    const s = r.serapan;
    const shown: ((l: 'id' | 'en') => string)[] = [];
    let ok = false;
    for (const c of cands) {
      if (num(c.pct)) {
        shown.push((l) => `${formatPrinted(c.pct!, l)} (${c.tree} ${l === 'id' ? 'baris' : 'line'} ${c.pct!.src.line})`);
        if (sameAtPrinted(c.pct, s)) ok = true;
      }
      const pagu = c.pagu && c.pagu.kind !== 'empty' ? cents(c.pagu) : null;
      const real = c.realisasi && c.realisasi.kind !== 'empty' ? cents(c.realisasi) : null;
      if (pagu !== null && pagu !== 0n && real !== null) {
        const pct = percent(pctOf(real, pagu), s.decimals);
        if (pctAtPrinted(real, pagu, s)) ok = true;
        shown.push((l) => `${formatQuantity(pct, l)} = ${formatPrinted(c.realisasi!, l)} / ${formatPrinted(c.pagu!, l)} (${c.tree})`);
      }
    }
    if (ok || shown.length === 0) continue;
    const program = cands[0]!.label.replace(/^program\s*:?\s*/i, '').replace(/\s+/g, ' ');
    ctx.problem({
      messageId: 'serapan',
      data: { sasaran: short(r.sasaran), table: tableLabel(r.table), reported: s, program, expected: dropLines(shown.map((x) => x('id')).join('; ')), expectedEn: dropLines(shown.map((x) => x('en')).join('; ')).replace(/,? line \d+/g, '') },
      where: s.src,
      reported: s,
      expected: expectWords((l) => shown.map((x) => x(l)).join('; ')),
      tolerance: precision(s.decimals),
      related: cands.flatMap((c) => (c.pct ? [{ ...c.pct.src, note: `${c.tree}: ${c.pct.raw}` }] : [])),
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
function overallAverage(report: LkipReport, lines: Prose[]): { value: PrintedValue; where: string; whereEn: string; place: string; placeEn: string } | null {
  const meas = report.tables.filter((t) => t.kind === 'measurement');
  const labels = new Set(meas.map((t) => tableLabel(t)));
  const rows = report.averages.filter((a) => a.origin === 'table' && labels.has(a.table) && a.stated.value !== null);
  if (rows.length === 1) return { value: rows[0]!.stated, where: `${rows[0]!.table} baris ${rows[0]!.stated.src.line}`, whereEn: `${rows[0]!.table} line ${rows[0]!.stated.src.line}`, place: rows[0]!.table, placeEn: rows[0]!.table };
  if (rows.length > 1) return null;
  const found: { value: PrintedValue; where: string; whereEn: string; place: string; placeEn: string }[] = [];
  for (const t of meas) {
    for (const p of lines) {
      if (p.line <= t.endLine || p.line > t.endLine + 15) continue;
      const m = /rata[\s-–]*rata\s+(?:capaian\s+)?(?:mencapai|sebesar|adalah)\s+(\d{1,3}(?:[.,]\d+)?\s?%)/i.exec(p.text);
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
  const overall = overallAverage(report, lines);
  for (const p of lines) {
    if (hasPercent(p.text)) continue; // sentences with a percentage are the predicate rule's
    // "... rata rata masuk dalam kategori memuaskan" right under a table with one average row
    const avgM = new RegExp(`rata[\\s-–]*rata[^.]{0,80}?(?:kategori|predikat|tergolong)\\s*\\(?\\s*${lre.source}`, 'i').exec(p.text);
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
    const conM = new RegExp(`dikategorikan\\s*\\(?\\s*${lre.source}`, 'i').exec(p.text);
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
  for (const p of lines) {
    const m = /rata[\s-–]*rata[^.]*?(\d{1,3}(?:[.,]\d+)?\s?%)[^.]*?\b(tidak\s+berhasil|berhasil|gagal)\b/i.exec(p.text);
    if (!m) continue;
    const v = parseValue(m[1]!, at(report, p), 'percent');
    if (v.value === null) continue;
    checkSasaranAverage(ctx, lines, p, v);
    const band = bandFor(scale, v.value);
    if (!band) continue;
    const success = /^berhasil$/i.test(m[2]!.trim());
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
 * "Dari tabel diatas rata-rata capaian sasaran sebesar 75,95 %": the sasaran is the nearest
 * "Sasaran n : ..." heading above; its indicators' capaian in the measurement table (consistent
 * with their own target and realisation) must give the stated average, plain or capped at 100%.
 */
function checkSasaranAverage(ctx: RuleContext, lines: Prose[], p: Prose, stated: PrintedValue) {
  const { report } = ctx;
  const idx = lines.indexOf(p);
  let sasaran: string | null = null;
  for (let i = idx - 1; i >= 0 && p.line - lines[i]!.line <= 60; i--) {
    const m = /\bsasaran\s*\d*\s*:\s*(.{10,})$/i.exec(lines[i]!.text);
    if (m) {
      sasaran = m[1]!;
      break;
    }
  }
  if (!sasaran) return;
  const k = nameKey(sasaran);
  const inds = report.indicators.filter((ind) => ind.sasaran && similarity(nameKey(ind.sasaran), k) > 0);
  if (inds.length === 0) return;
  const meas = new Set(report.tables.filter((t) => t.kind === 'measurement').map((t) => tableLabel(t)));
  const caps: PrintedValue[] = [];
  for (const ind of inds) {
    const m = report.measurements.find((x) => x.indicatorId === ind.id && x.kind === 'year' && meas.has(x.table));
    if (!m || m.capaian.kind !== 'percent' || m.capaian.value === null) return;
    // only capaian that follow from their own row, with the indicator's polarity (the capaian rule reports the others)
    if (m.target.kind === 'grade' || !checkCapaian(m.target, m.realisasi, m.capaian, ind.polarity === 'negative', report.meta.capRuleStated)?.holds) return;
    caps.push(m.capaian);
  }
  const means = meansOf(caps.map((c) => c.value!));
  if (!means || meanHolds(caps.map((c) => c.value!), stated) !== false) return;
  const { plain, capped } = means;
  const table = caps[0]!.src.table ?? '';
  const mean = expectMean(plain, capped, stated.decimals);
  const capLines = caps.map((c) => c.src.line).join(', ');
  ctx.problem({
    messageId: 'sasaranAverage',
    data: { reported: stated, sasaran: short(sasaran), table, caps: caps.map((c) => c.raw).join(', '), expected: formatExpected(mean, 'id'), expectedEn: formatExpected(mean, 'en') },
    where: stated.src,
    reported: stated,
    expected: expectWords((l) => `${formatExpected(mean, l)} (${table} ${l === 'id' ? 'baris' : 'line'} ${capLines})`),
    tolerance: precision(stated.decimals),
    related: caps.map((c) => ({ ...c.src, note: c.raw })),
  });
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
  const re = new RegExp(String.raw`(\d{1,3})\s*(?:\(\s*[A-Za-z ]+?\s*\)\s*)?indikator\b[^,.;\d]{0,60}?\bkategori\s+${lre.source}`, 'gi');
  const tables = [...new Set(caps.map((c) => c.v.src.table ?? ''))].join(', ');
  for (const p of lines) {
    if (/\bsasaran\s*(?:strategis\s*)?\d/i.test(p.text)) continue;
    const claims: { n: number; label: string; raw: string }[] = [];
    let m: RegExpExecArray | null;
    re.lastIndex = 0;
    while ((m = re.exec(p.text))) {
      // "4 indikator ... rata-rata ... kategori X" speaks of the average, not of a count per category
      if (!/rata/i.test(m[0])) claims.push({ n: Number(m[1]), label: m[2]!, raw: m[0] });
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
 * it and in the summary ("tidak ada efisiensi"); the efficiency table's % serapan against the budget
 * of the programme supporting the sasaran; category words in sentences without a percentage that
 * refer to the average of the table above or to the overall average (the conclusion's
 * "dikategorikan Baik"); "berhasil" claims in the clear cases and the sasaran average they state;
 * indicator counts per category. Predicates with a percentage in the
 * same sentence and check marks in predicate tables are the predicate rule's.
 */
export const verdict: Rule = {
  meta: {
    id: 'verdict',
    category: 'predicate_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Penilaian dalam kata harus sesuai dengan angka laporan sendiri. (1) Tabel efisiensi: "Efisien" bila % capaian kinerja ≥ % serapan anggaran (aturan yang dipakai laporan), setiap baris dan kalimat "Sasaran n: ... efisien" di bawahnya; ringkasan "tidak ada efisiensi" dibandingkan dengan baris tabel (peringatan). (2) % serapan anggaran per sasaran dibandingkan dengan % realisasi program pendukungnya di tabel anggaran bila sasaran didukung satu program (peringatan, dibandingkan pada presisi cetak). (3) Kategori dalam kalimat tanpa persentase: "rata rata masuk dalam kategori memuaskan" tepat di bawah tabel yang memiliki satu baris rata-rata, dan kesimpulan "dikategorikan Baik" terhadap rata-rata capaian keseluruhan, menurut skala laporan. (4) "Berhasil" hanya dinilai bila rata-rata jatuh pada predikat terbawah (dan "tidak berhasil" pada predikat teratas); rata-rata capaian sasaran yang disebut dalam kalimat itu dibandingkan dengan capaian indikator sasaran tersebut di tabel pengukuran (peringatan). (5) Jumlah indikator per kategori ("4 Indikator dalam kategori Sangat Tinggi, 2 indikator dalam kategori Tinggi") dihitung ulang dari capaian tabel pengukuran; capaian yang bukan persen boleh masuk kategori mana pun. Kalimat dengan persentase dan tanda centang tabel predikat diperiksa aturan predicate.',
      en: 'Verdicts in words must follow from the report\'s own figures. (1) Efficiency table: "Efisien" when % capaian kinerja ≥ % serapan anggaran (the rule the reports use), for each row and for the "Sasaran n: ... efisien" sentences under it; a summary "tidak ada efisiensi" is checked against the rows (warning). (2) Each sasaran\'s % serapan against the realisation % of its supporting programme in the budget tables when one programme supports it (warning, compared at printed precision). (3) Category words in sentences without a percentage: "rata rata masuk dalam kategori memuaskan" right under a table with one average row, and the conclusion\'s "dikategorikan Baik" against the overall average capaian, on the report\'s scale. (4) "Berhasil" is judged only when the average falls in the lowest band (and "tidak berhasil" in the highest); the sasaran average stated in that sentence is checked against the sasaran\'s indicators in the measurement table (warning). (5) Indicator counts per category ("4 Indikator dalam kategori Sangat Tinggi, 2 indikator dalam kategori Tinggi") are recounted from the measurement table\'s capaian; a capaian that is not a percentage may fall in any category. Sentences with a percentage and check marks in predicate tables are the predicate rule\'s.',
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
      serapan: {
        id: '% serapan anggaran sasaran "{{sasaran}}" di {{table}} tercatat {{reported}}, sedangkan program pendukungnya "{{program}}": {{expected}}.',
        en: 'Budget absorption of sasaran "{{sasaran}}" in {{table}} is {{reported}}, but its supporting programme "{{program}}" shows {{expectedEn}}.',
        severity: 'warning',
        category: 'cross_table_mismatch',
      },
      average: {
        id: 'Rata-rata capaian {{table}} ({{avg}}) disebut kategori "{{reported}}", seharusnya "{{expected}}" menurut {{scale}}.',
        en: 'The average capaian of {{table}} ({{avg}}) is called "{{reported}}", but it is "{{expected}}" under {{scaleEn}}.',
      },
      conclusion: {
        id: 'Kesimpulan menyebut kinerja "dikategorikan {{reported}}", sedangkan rata-rata capaian {{avg}} ({{avgSrc}}) menurut {{scale}} berpredikat "{{expected}}".',
        en: 'The conclusion calls performance "{{reported}}", but the average capaian {{avg}} ({{avgSrcEn}}) is "{{expected}}" under {{scaleEn}}.',
      },
      sasaranAverage: {
        id: 'Rata-rata capaian sasaran "{{sasaran}}" tercatat {{reported}}, sedangkan capaian indikatornya di {{table}} ({{caps}}) rata-rata {{expected}}.',
        en: 'The average capaian of sasaran "{{sasaran}}" is printed {{reported}}, but its indicators\' capaian in {{table}} ({{caps}}) average {{expectedEn}}.',
        severity: 'warning',
        category: 'average_mismatch',
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
    checkSerapan(ctx);
    checkCategoryWords(ctx, lines);
    checkCategoryCounts(ctx, lines);
  },
};
