import type { Rule, RuleContext } from '../../model/rule.js';
import type { PrintedValue } from '../../model/values.js';
import { checkCapaian, meanHolds, meansOf } from '../../parse/arith.js';
import { parseValue } from '../../parse/numbers.js';
import { tableLabel } from '../../parse/structure.js';
import { formatExpected } from '../format.js';
import { expectMean, expectWords, precision } from '../tolerance.js';
import { nameKey, short, similarity } from './_match.js';
import { at, prose, successSentence, type Prose } from './_verdict.js';

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
 * "Dari tabel diatas rata-rata capaian sasaran sebesar 75,95 %, sehingga ... Berhasil": the sasaran
 * average stated in a success sentence against the capaian of that sasaran's indicators in the
 * measurement table.
 */
export const sasaranAverage: Rule = {
  meta: {
    id: 'sasaran-average',
    category: 'average_mismatch',
    defaultSeverity: 'warning',
    docs: {
      id: 'Rata-rata capaian sasaran yang disebut dalam kalimat keberhasilan ("rata-rata capaian sasaran sebesar X% sehingga ... Berhasil") dibandingkan dengan capaian indikator sasaran itu (judul "Sasaran n : ..." terdekat di atasnya) di tabel pengukuran, rata-rata biasa atau dengan batas 100%; hanya bila setiap capaian itu sesuai dengan target dan realisasinya sendiri. Dibandingkan pada presisi cetak.',
      en: 'The sasaran average stated in a success sentence ("rata-rata capaian sasaran sebesar X% sehingga ... Berhasil") against the capaian of that sasaran\'s indicators (the nearest "Sasaran n : ..." heading above) in the measurement table, plain or capped at 100%; only when each of those capaian follows from its own target and realisation. Compared at the printed precision.',
    },
    messages: {
      sasaranAverage: {
        id: 'Rata-rata capaian sasaran "{{sasaran}}" tercatat {{reported}}, sedangkan capaian indikatornya di {{table}} ({{caps}}) rata-rata {{expected}}.',
        en: 'The average capaian of sasaran "{{sasaran}}" is printed {{reported}}, but its indicators\' capaian in {{table}} ({{caps}}) average {{expectedEn}}.',
      },
    },
  },
  check(ctx) {
    const lines = prose(ctx.report);
    const { sentence } = successSentence(ctx.config);
    for (const p of lines) {
      const m = sentence.exec(p.text);
      if (!m) continue;
      const v = parseValue(m[1]!, at(ctx.report, p), 'percent');
      if (v.value !== null) checkSasaranAverage(ctx, lines, p, v);
    }
  },
};
