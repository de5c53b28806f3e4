import type { Rule } from '../../model/rule.js';
import type { SourceRef } from '../../model/values.js';
import { formatId } from '../../parse/numbers.js';
import { consistentAtPrinted, expectQuantity, num, precision } from '../tolerance.js';
import { surveyDistributions, surveyScores, type SurveyShareRow } from './_facts.js';
import { answerLabels, formulas, weightedScore, type Formula } from './_survey.js';

/** A cell's place without its column index (the whole row is meant). */
const rowAt = ({ col: _col, ...at }: SourceRef): SourceRef => at;

/** The fewest decimals (from the printed ones, up to 4) that show a recomputed score exactly, else two more than printed. */
function scoreDecimals(v: number, printedDecimals: number): number {
  for (let d = printedDecimals; d <= 4; d++) if (Math.abs(Number(v.toFixed(d)) - v) < 1e-9) return d;
  return Math.max(2, printedDecimals);
}

/**
 * Survey (SKM / IKM) score tables: each unsur's score follows from its answer distribution (the
 * row of the same number in the distribution table before it) by the one formula the table itself
 * uses, found by trying the usual ones; a formula is the table's when it reproduces most rows.
 */
export const skmScore: Rule = {
  meta: {
    id: 'skm-score',
    category: 'average_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Tabel skor Survei Kepuasan Masyarakat (SKM): skor setiap unsur mengikuti sebaran jawabannya (baris bernomor sama di tabel sebaran sebelumnya) menurut satu rumus yang dipakai tabel itu sendiri: rumus lazim dicoba (bobot 25/50/75/100 atau 1/2/3/4: skor = Σ persentase × bobot) dan dipakai bila mereproduksi sedikitnya 60% dari (minimal 3) unsur. Skor dibandingkan pada presisi cetaknya.',
      en: 'Public satisfaction survey (SKM) score tables: each unsur’s score follows from its answer distribution (the row of the same number in the distribution table before it) by the one formula the table itself uses: the usual ones are tried (weights 25/50/75/100 or 1/2/3/4: score = Σ share × weight), and one is used when it reproduces at least 60% of (at least 3) unsur. Scores are compared at their printed precision.',
    },
    messages: {
      score: {
        id: 'Skor unsur "{{unsur}}" tercatat {{reported}}, sedangkan menurut rumus yang dipakai tabel ini ({{formula}}; cocok untuk {{fit}} unsur) dari sebarannya ({{parts}}) skornya {{expected}}.',
        en: 'The score of unsur "{{unsur}}" is {{reported}}, but by the formula this table uses ({{formulaEn}}; fits {{fitEn}} unsur) its distribution ({{parts}}) gives {{expected}}.',
      },
    },
  },
  check(ctx) {
    const { report, config } = ctx;
    const labels = answerLabels(config);
    const dists = surveyDistributions(report, config);
    for (const s of surveyScores(report, config)) {
      // the distribution table this score table belongs to: the nearest one before it
      const dist = dists.filter((d) => d.table.startLine < s.table.startLine && d.rows.length > 0).sort((a, b) => b.table.startLine - a.table.startLine)[0];
      if (!dist) continue;
      const byNo = new Map<number, SurveyShareRow>();
      for (const r of dist.rows) if (r.no !== null) byNo.set(r.no, r);
      const linked = s.rows.filter((u) => !u.average && u.no !== null && byNo.has(u.no)).map((u) => ({ u, d: byNo.get(u.no!)! }));
      const shares = (d: SurveyShareRow) => d.shares.map((f) => f.value.value!);
      let best: { f: Formula; fit: number } | null = null;
      for (const f of formulas(labels)) {
        const fit = linked.filter(({ u, d }) => consistentAtPrinted(weightedScore(shares(d), f.weights), u.score.value.value!, u.score.value.decimals)).length;
        if (!best || fit > best.fit) best = { f, fit };
      }
      if (!best || linked.length < 3 || best.fit < Math.ceil(linked.length * 0.6)) continue;
      for (const { u, d } of linked) {
        const v = u.score.value;
        const exp = weightedScore(shares(d), best.f.weights);
        if (consistentAtPrinted(exp, v.value!, v.decimals)) continue;
        const parts = labels.map((l, k) => `${l} ${formatId(shares(d)[k]!, 0)}%`).join(', ');
        const expected = num(exp, scoreDecimals(exp, v.decimals));
        ctx.problem({
          messageId: 'score',
          data: { unsur: u.label.slice(0, 70), reported: v.raw, formula: best.f.name, formulaEn: best.f.nameEn, fit: `${best.fit} dari ${linked.length}`, fitEn: `${best.fit} of ${linked.length}`, parts, expected },
          where: { ...u.score.src, row: u.label.slice(0, 70) },
          reported: v.raw,
          expected: expectQuantity(expected),
          tolerance: precision(v.decimals),
          related: [{ ...rowAt(d.shares[0]!.src), row: d.label.slice(0, 70), column: 'sebaran', note: parts }],
        });
      }
    }
  },
};
