import type { LkipReport, Table } from '../../model/report.js';
import type { Config } from '../../model/config.js';
import { perConfig } from '../../model/per-config.js';
import type { Rule } from '../../model/rule.js';
import { alt, phrase } from '../../parse/prose-facts.js';
import type { PrintedValue, SourceRef } from '../../model/values.js';
import { sameAtPrinted } from '../../parse/arith.js';
import { factsByRow } from '../../parse/facts.js';
import { consistentAtPrinted, criterion, expectText, precision } from '../tolerance.js';
import { bestMatch, columnIndex, lineNumbers, proseLines, refOf, sasaranHeading, sentences, shorten, tableLabel } from './_text.js';

interface Point {
  year: number;
  value: PrintedValue;
  n: number;
}

interface Series {
  table: Table;
  sasaran: string;
  indikator: string;
  points: Point[];
  src: SourceRef;
}

function numOf(v: PrintedValue): number | null {
  if (v.kind === 'empty' || v.kind === 'text' || v.kind === 'unreadable') return null;
  return v.value;
}

/**
 * Series per row from the facts: a realisasi (or, where a row has none, a capaian) for two or more
 * years, in any table whose columns the resolver dated. Rows of comparison tables come first.
 */
function seriesOf(report: LkipReport): Series[] {
  const out: Series[] = [];
  const tables = new Map(report.tables.map((t) => [t.id, t]));
  for (const row of factsByRow(report.facts).values()) {
    const f0 = row[0]!;
    if (f0.rowKind !== 'item') continue;
    const table = tables.get(f0.cell.table);
    if (!table) continue;
    for (const measure of ['realisasi', 'capaian'] as const) {
      const pts = row.filter((f) => f.measure === measure && f.year !== null && f.basis === 'year' && !f.period);
      const years = new Set(pts.map((f) => f.year));
      if (years.size < 2 || years.size !== pts.length) continue;
      const points: Point[] = [];
      for (const f of pts) {
        const n = numOf(f.value);
        if (n !== null) points.push({ year: f.year!, value: f.value, n });
      }
      if (points.length < 2) continue;
      out.push({ table, sasaran: f0.subject.group ?? '', indikator: f0.subject.name, points: points.sort((a, b) => a.year - b.year), src: { ...f0.src, column: undefined } });
      break;
    }
  }
  return out.sort((a, b) => Number(b.table.kind === 'comparison_years') - Number(a.table.kind === 'comparison_years'));
}

const fmtSeries = (pts: Point[]) => pts.map((p) => p.value.raw.replace(/\s+/g, ' ')).join(' → ');
const fmtYears = (pts: Point[]) => pts.map((p) => `${p.year}: ${p.value.raw.replace(/\s+/g, ' ')}`).join(', ');

type Status = 'above' | 'equal' | 'below';

interface MeasRow {
  sasaran: string;
  indikator: string;
  table: Table;
  target: PrintedValue;
  realisasi: PrintedValue;
  capaian: PrintedValue;
  status: Status;
}

/** Rows of the first measurement table (Tabel 3.1 style) with whether the indicator is above, at or below its target. */
function measurementRows(report: LkipReport): MeasRow[] {
  const t = report.tables.find((x) => x.kind === 'measurement');
  if (!t) return [];
  const label = tableLabel(t);
  const sCol = columnIndex(t, /sasaran/i, /indikator/i);
  const iCol = columnIndex(t, /indikator/i);
  const out: MeasRow[] = [];
  let lastSasaran = '';
  for (const r of t.rows) {
    const sas = sCol >= 0 ? (r.cells[sCol] ?? '').trim() : '';
    if (sas) lastSasaran = sas;
    const m = report.measurements.find((x) => x.table === label && x.kind === 'year' && x.capaian.src.line === r.line);
    if (!m) continue;
    const ind = report.indicators.find((i) => i.id === m.indicatorId);
    let status: Status | null = null;
    if (m.capaian.kind === 'percent' && m.capaian.value !== null) status = m.capaian.value > 100 ? 'above' : m.capaian.value === 100 ? 'equal' : 'below';
    else if (m.target.value !== null && m.realisasi.value !== null && (m.target.unit ?? '') === (m.realisasi.unit ?? '')) {
      const tv = m.target.value;
      const rv = m.realisasi.value;
      status = rv === tv ? 'equal' : (ind?.polarity === 'negative' ? rv < tv : rv > tv) ? 'above' : 'below';
    }
    if (status) out.push({ sasaran: sas || lastSasaran, indikator: iCol >= 0 ? (r.cells[iCol] ?? '').trim() : '', table: t, target: m.target, realisasi: m.realisasi, capaian: m.capaian, status });
  }
  return out;
}

const STATUS_ID: Record<Status, string> = { above: 'di atas target', equal: 'tepat sama dengan target', below: 'di bawah target' };
const PRINTED_ORDER = criterion('urutan nilai tercetak (tanpa toleransi)', 'the order of the printed values (no tolerance)');
const STATUS_EN: Record<Status, string> = { above: 'above target', equal: 'exactly at target', below: 'below target' };

/** The vocabulary's words of trend claims (trendClaims, restatement.up / down / since), as the patterns the checks use; built once per configuration. */
interface Words {
  /** "melebihi / sesuai / di bawah target": the word, then the target word. */
  target: RegExp;
  above: Set<string>;
  at: Set<string>;
  notOneResult: RegExp;
  /** The sentence is about a result ("capaian"). */
  result: RegExp;
  /** "indikator capaian di atas": about several indicators. */
  severalAbove: RegExp;
  /** A change claimed for every year ("kenaikan setiap tahunnya", "meningkat tiap tahun"). */
  every: RegExp;
  /** The sentence introduces the table that follows it. */
  below: RegExp;
  trend: RegExp;
  same: RegExp;
  /** "lebih rendah / meningkat ... dari tahun sebelumnya". */
  cmp: RegExp;
  up: Set<string>;
  lower: Set<string>;
}

const norm = (s: string) => s.toLowerCase().replace(/[\s-]+/g, ' ').trim();

function compileWords(config: Config): Words {
  const v = config.vocabulary?.trendClaims;
  const r = config.vocabulary?.restatement;
  const w = phrase;
  const up = r?.up ?? [];
  const down = r?.down ?? [];
  const change = [...up, ...down];
  const out: Words = {
    target: new RegExp(`(${w([...(v?.aboveTarget ?? []), ...(v?.atTarget ?? []), ...(v?.belowTarget ?? [])])})\\s+${w(r?.targetWords)}`, 'i'),
    above: new Set((v?.aboveTarget ?? []).map(norm)),
    at: new Set((v?.atTarget ?? []).map(norm)),
    notOneResult: new RegExp(w(v?.notOneResult), 'i'),
    result: new RegExp(w(v?.result), 'i'),
    severalAbove: new RegExp(`(?<![a-z])${alt(v?.severalAbove ?? [])}`, 'i'),
    every: new RegExp(`(${w(change)})\\s+(?:\\S+\\s+)?${w(v?.everyYear)}`, 'i'),
    below: new RegExp(w(v?.tableBelow), 'i'),
    trend: new RegExp(`${w(v?.trend)}\\s+(${w(change)})`, 'i'),
    same: new RegExp(`${w(v?.same)}\\s+${w(v?.previousYear)}`, 'i'),
    cmp: new RegExp(`(${w([...(v?.higher ?? []), ...(v?.lower ?? []), ...change])})\\s+(?:\\S+\\s+){0,2}?${w(r?.since)}\\s+${w(v?.previousYear)}`, 'i'),
    up: new Set(up.map(norm)),
    lower: new Set([...(v?.lower ?? []), ...down].map(norm)),
  };
  return out;
}
const wordsOf = perConfig(compileWords);

/**
 * Trend words in the narrative against the series they describe: "tren peningkatan/penurunan"
 * over the realisation per year of the comparison table, "sama dengan tahun sebelumnya" and
 * "lebih rendah/tinggi dari tahun sebelumnya" against the previous year's value. A sentence is tied
 * to a table row by the indicator named in it or by the "Sasaran Strategis N : ..." heading above
 * it; when no row can be tied unambiguously, or the previous year is not given, nothing is claimed.
 */
export const trendClaim: Rule = {
  meta: {
    id: 'trend-claim',
    category: 'trend_claim_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Klaim tren dalam uraian ("tren peningkatan/penurunan", "sama dengan tahun sebelumnya", "lebih rendah/tinggi dari tahun sebelumnya") dibandingkan dengan deret realisasi per tahun pada tabel perbandingan (Tabel 3.2/3.3); klaim "melebihi/sesuai/di bawah target" dibandingkan dengan target dan realisasi pada tabel pengukuran (Tabel 3.1). Kalimat dikaitkan ke baris tabel lewat nama indikator di kalimat atau judul "Sasaran Strategis N : ..." di atasnya; bila tidak dapat dikaitkan dengan pasti, atau tahun sebelumnya tidak tercantum, tidak ada temuan.',
      en: 'Trend claims in the narrative ("tren peningkatan/penurunan", "sama dengan tahun sebelumnya", "lebih rendah/tinggi dari tahun sebelumnya") are checked against the realisation per year in the comparison tables (Tabel 3.2/3.3); "melebihi/sesuai/di bawah target" against target and realisation in the measurement table (Tabel 3.1). A sentence is tied to a table row by the indicator it names or the "Sasaran Strategis N : ..." heading above it; when no row can be tied with certainty, or the previous year is not given, there is no finding.',
    },
    messages: {
      every: {
        id: 'Uraian menyatakan "{{claim}}" untuk tabel di bawahnya, tetapi {{table}} mencatat {{series}}: nilainya tidak {{dir}} setiap tahun.',
        en: 'The narrative claims "{{claim}}" for the table below it, but {{table}} shows {{series}}: the values do not {{dirEn}} every year.',
      },
      trend: {
        id: 'Uraian menyatakan "{{claim}}" untuk "{{label}}", tetapi {{table}} mencatat {{series}}: {{why}}.',
        en: 'The narrative claims "{{claim}}" for "{{label}}", but {{table}} shows {{series}}: {{whyEn}}.',
      },
      trendFlat: {
        id: 'Uraian menyatakan "{{claim}}" untuk "{{label}}", tetapi {{table}} mencatat {{series}}: {{why}}.',
        en: 'The narrative claims "{{claim}}" for "{{label}}", but {{table}} shows {{series}}: {{whyEn}}.',
        severity: 'warning',
      },
      same: {
        id: 'Uraian menyatakan {{value}} "sama dengan tahun sebelumnya" untuk "{{label}}", tetapi {{table}} mencatat {{years}}.',
        en: 'The narrative says {{value}} is "the same as the previous year" for "{{label}}", but {{table}} shows {{years}}.',
      },
      target: {
        id: 'Uraian menyatakan capaian "{{claim}}" untuk "{{label}}", tetapi {{table}} mencatat target {{target}}, realisasi {{real}}, capaian {{cap}}: {{status}}.',
        en: 'The narrative says the result is "{{claim}}" for "{{label}}", but {{table}} records target {{target}}, realisation {{real}}, capaian {{cap}}: {{statusEn}}.',
      },
      compare: {
        id: 'Uraian menyatakan capaian {{curYear}} "{{claim}}" tahun sebelumnya untuk "{{label}}", tetapi {{table}} mencatat {{years}}.',
        en: 'The narrative says {{curYear}} is "{{claim}}" the previous year for "{{label}}", but {{table}} shows {{years}}.',
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    const words = wordsOf(ctx.config);
    const all = seriesOf(report);
    const meas = measurementRows(report);
    const prose = proseLines(report);
    prose.forEach((p, idx) => {
      for (const s of sentences(p.text)) {
        // "capaian ... melebihi / sesuai / di bawah target" for one sasaran, against the measurement table
        const tm = words.target.exec(s.text);
        // not about one result: a count of indicators above target, a wish, the plan
        if (
          tm &&
          meas.length > 0 &&
          words.result.test(s.text) &&
          !words.severalAbove.test(s.text) &&
          !lineNumbers(report, p.line.line, s.text, s.offset).some((t) => t.fact.count?.noun === 'indikator') &&
          !words.notOneResult.test(s.text)
        ) {
          let row = bestMatch(meas, (x) => x.indikator, s.text, 0.8);
          if (!row) {
            const h = sasaranHeading(prose, idx);
            if (h) row = bestMatch(meas, (x) => x.sasaran, h.name, 0.75);
          }
          const w = norm(tm[1]!);
          const claim: Status[] = words.above.has(w) ? ['above'] : words.at.has(w) ? ['equal', 'above'] : ['below'];
          if (row && !claim.includes(row.status)) {
            const where = refOf(report, p.line);
            ctx.problem({
              messageId: 'target',
              data: { claim: tm[0], label: shorten(row.indikator || row.sasaran, 90), table: tableLabel(row.table), target: row.target.raw, real: row.realisasi.raw, cap: row.capaian.raw, status: STATUS_ID[row.status], statusEn: STATUS_EN[row.status] },
              where,
              reported: tm[0],
              expected: expectText(
                `${STATUS_ID[row.status]} (${tableLabel(row.table)}: target ${row.target.raw}, realisasi ${row.realisasi.raw}, capaian ${row.capaian.raw})`,
                `${STATUS_EN[row.status]} (${tableLabel(row.table)}: target ${row.target.raw}, realisation ${row.realisasi.raw}, capaian ${row.capaian.raw})`,
              ),
              tolerance: criterion('nilai tercetak (tanpa toleransi)', 'the printed values (no tolerance)'),
              related: [
                { ...row.realisasi.src, note: `realisasi ${row.realisasi.raw}` },
                { ...row.target.src, note: `target ${row.target.raw}` },
              ],
            });
          }
        }
        if (all.length === 0) continue;
        // "mengalami kenaikan setiap tahunnya ... tabel di bawah ini": every row of the table it introduces
        const every = words.every.exec(s.text);
        if (every && words.below.test(s.text)) {
          const next = report.tables.filter((t) => t.startLine > p.line.line && t.startLine - p.line.line <= 8).sort((a, b) => a.startLine - b.startLine)[0];
          const rows = next ? all.filter((x) => x.table === next) : [];
          const named = rows.length > 1 ? bestMatch(rows, (x) => x.indikator, s.text, 0.8) : null;
          const up = words.up.has(norm(every[1]!));
          const bad = (named ? [named] : rows).filter((r) => r.points.some((pt, i) => i > 0 && (up ? pt.n <= r.points[i - 1]!.n : pt.n >= r.points[i - 1]!.n)));
          if (next && bad.length > 0) {
            const series = bad.map((r) => `${shorten(r.indikator, 50)}: ${fmtSeries(r.points)}`).join('; ');
            ctx.problem({
              messageId: 'every',
              data: { claim: every[0], table: tableLabel(next), series, dir: up ? 'naik' : 'turun', dirEn: up ? 'rise' : 'fall' },
              where: refOf(report, p.line),
              reported: every[0],
              expected: expectText(series),
              tolerance: PRINTED_ORDER,
              related: bad.flatMap((r) => r.points.map((pt) => ({ ...pt.value.src, note: `${pt.year}: ${pt.value.raw}` }))),
            });
          }
          continue;
        }
        const trend = words.trend.exec(s.text);
        const same = words.same.exec(s.text);
        const cmp = trend || same ? null : words.cmp.exec(s.text);
        if (!trend && !same && !cmp) continue;
        // which table: "tabel 3.3" named in the sentence, else every comparison table
        const tRef = /\btabel\s*(\d+\s*\.\s*\d+)/i.exec(s.text)?.[1]?.replace(/\s+/g, '');
        let pool = all;
        if (tRef) {
          pool = all.filter((x) => x.table.number?.replace(/^Tabel\s*/i, '') === tRef);
          if (pool.length === 0) continue;
        }
        // which row: the indicator named in the sentence, else the Sasaran heading above it
        let row = bestMatch(pool, (x) => x.indikator, s.text, 0.8);
        if (!row) {
          const h = sasaranHeading(prose, idx);
          if (h) row = bestMatch(pool, (x) => x.sasaran, h.name, 0.75);
        }
        if (!row) continue;
        const label = shorten(row.indikator || row.sasaran, 90);
        const tLabel = tableLabel(row.table);
        const related = row.points.map((pt) => ({ ...pt.value.src, note: `${pt.year}: ${pt.value.raw}` }));
        const where = refOf(report, p.line);
        if (trend) {
          const up = words.up.has(norm(trend[1]!));
          const vals = row.points.map((x) => x.n);
          const first = vals[0]!;
          const last = vals[vals.length - 1]!;
          const flat = vals.every((v) => v === first);
          let bad: { why: string; whyEn: string; flat?: true } | null = null;
          const against: string[] = [];
          for (let i = 1; i < vals.length; i++) {
            const a = row.points[i - 1]!;
            const b = row.points[i]!;
            if (up ? b.n < a.n : b.n > a.n) against.push(`${a.year}→${b.year}`);
          }
          if (flat) bad = { why: `nilainya tetap, tidak ${up ? 'naik' : 'turun'}`, whyEn: `the values stay the same, no ${up ? 'increase' : 'decrease'}`, flat: true };
          else if (against.length > 0 || (up ? last <= first : last >= first))
            bad = {
              why: `tidak ${up ? 'naik' : 'turun'} terus (${up ? 'turun' : 'naik'} ${against.join(', ') || `${row.points[0]!.year}→${row.points[row.points.length - 1]!.year}`})`,
              whyEn: `not a steady ${up ? 'increase' : 'decrease'} (${up ? 'falls' : 'rises'} ${against.join(', ') || `${row.points[0]!.year}→${row.points[row.points.length - 1]!.year}`})`,
            };
          if (!bad) continue;
          const series = fmtSeries(row.points);
          ctx.problem({
            messageId: bad.flat ? 'trendFlat' : 'trend',
            data: { claim: trend[0], label, table: tLabel, series, why: bad.why, whyEn: bad.whyEn },
            where,
            reported: trend[0],
            expected: expectText(`${series}: ${bad.why}`, `${series}: ${bad.whyEn}`),
            tolerance: PRINTED_ORDER,
            related,
          });
          continue;
        }
        // previous-year comparisons: the report year (or the last year given) against the year before
        const year = report.meta.year;
        const cur = row.points.find((x) => x.year === year) ?? row.points[row.points.length - 1]!;
        const prev = row.points.find((x) => x.year === cur.year - 1);
        if (!prev) continue;
        const years = fmtYears([prev, cur]);
        if (same) {
          // the value printed before "sama dengan" must be this row's current value
          const before = lineNumbers(report, p.line.line, s.text, s.offset).filter((t) => t.end <= same.index).filter((t) => t.value.value !== null && (t.value.kind === 'percent' || t.value.kind === 'number'));
          const v = before[before.length - 1];
          if (!v || !sameAtPrinted(v.value, cur.value)) continue;
          if (sameAtPrinted(prev.value, cur.value)) continue;
          ctx.problem({
            messageId: 'same',
            data: { value: v.raw, label, table: tLabel, years },
            where,
            reported: `${v.raw} ${same[0]}`,
            expected: expectText(`${years}: berbeda`, `${years}: different`),
            tolerance: precision(Math.min(prev.value.decimals, cur.value.decimals)),
            related,
          });
          continue;
        }
        if (cmp) {
          const lower = words.lower.has(norm(cmp[1]!));
          // a sentence that prints both values itself ("88,17%, lebih tinggi dari tahun sebelumnya dengan capaian 84%") is not about the table
          if (lineNumbers(report, p.line.line, s.text, s.offset).filter((t) => t.value.kind === 'percent').length >= 2) continue;
          const ok = lower ? cur.n < prev.n : cur.n > prev.n;
          if (ok) continue;
          ctx.problem({
            messageId: 'compare',
            data: { curYear: String(cur.year), claim: cmp[1]!.toLowerCase(), label, table: tLabel, years },
            where,
            reported: cmp[0],
            expected: expectText(`${years}: ${cur.n === prev.n ? 'sama' : lower ? 'naik' : 'turun'}`, `${years}: ${cur.n === prev.n ? 'the same' : lower ? 'up' : 'down'}`),
            tolerance: PRINTED_ORDER,
            related,
          });
        }
      }
    });
  },
};
