import type { Rule, RuleContext } from '../../model/rule.js';
import { bandFor, scaleFromConfig } from '../../parse/performance.js';
import { formatId } from '../../parse/numbers.js';
import { criterion, expectText } from '../tolerance.js';
import { answerRank, surveyScores, type SurveyScoreRow } from './_facts.js';
import { answerLabels } from './_survey.js';

/**
 * The fallback bands (rules/config.yaml `surveyBands`, by default PermenPANRB 14/2017, converted
 * value 25–100: 25,00–64,99 D Tidak Baik; 65,00–76,60 C Kurang Baik; 76,61–88,30 B Baik;
 * 88,31–100 A Sangat Baik), each band's label read on the vocabulary's survey scale: the rank of a
 * score. Used only to decide between rows that contradict each other inside the table. Null when
 * the scale is missing or a band's label is no answer of the survey scale.
 */
function surveyBands(config: RuleContext['config']): { name: string; rank: (v: number) => number } | null {
  const scale = scaleFromConfig(config, config.surveyBands);
  if (!scale) return null;
  const ranks = new Map(scale.bands.map((b) => [b, answerRank(b.label, config)]));
  if ([...ranks.values()].some((r) => r === null)) return null;
  return { name: scale.name, rank: (v) => { const b = bandFor(scale, v); return b ? ranks.get(b)! : 0; } };
}

interface Point extends SurveyScoreRow {
  rank: number;
  value: number;
}

/**
 * Survey (SKM/IKM) score tables: a predikat may not contradict the table's own ordering (a lower
 * score cannot get a better predikat than a higher score). Where rows contradict each other, the
 * PermenPANRB 14/2017 bands decide which of them is the odd one. (The answer shares are the
 * skm-distribution rule's, the scores skm-score's, the average row the average rule's.)
 */
export const skm: Rule = {
  meta: {
    id: 'skm',
    category: 'predicate_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Tabel skor Survei Kepuasan Masyarakat (SKM): predikat tidak boleh bertentangan dengan urutan skor dalam tabel (skor lebih rendah tidak boleh berpredikat lebih baik daripada skor lebih tinggi; predikat dibaca pada skala jawaban survei dalam rules/vocabulary.yaml). Bila baris saling bertentangan, pita PermenPANRB 14/2017 (25–64,99 Tidak Baik, 65–76,60 Kurang Baik, 76,61–88,30 Baik, 88,31–100 Sangat Baik) menentukan baris mana yang menyimpang.',
      en: 'Public satisfaction survey (SKM) score tables: a predikat may not contradict the table’s own ordering (a lower score cannot carry a better predikat than a higher one; predikat are read on the survey answer scale of rules/vocabulary.yaml). Where rows contradict each other, the PermenPANRB 14/2017 bands (25–64.99 Tidak Baik, 65–76.60 Kurang Baik, 76.61–88.30 Baik, 88.31–100 Sangat Baik) decide which row is the odd one.',
    },
    messages: {
      predikat: {
        id: 'Unsur "{{unsur}}" dengan skor {{score}} diberi predikat "{{reported}}", padahal dalam tabel yang sama {{evidence}}; predikat yang konsisten: {{expected}} (pita {{bands}}: {{standard}}).',
        en: 'Unsur "{{unsur}}" with score {{score}} is given predikat "{{reported}}", but in the same table {{evidenceEn}}; a consistent predikat: {{expectedEn}} ({{bands}} bands: {{standard}}).',
      },
    },
  },
  check(ctx) {
    const { report, config } = ctx;
    const cats = answerLabels(config);
    // the fallback bands, on the survey scale
    const bands = surveyBands(config);
    if (!bands) return;
    const standardRank = bands.rank;
    const top = cats.length - 1;
    for (const s of surveyScores(report, config)) {
      if (s.predCol < 0) continue;
      const where = (p: SurveyScoreRow) => ({ ...p.score.src, row: p.label.slice(0, 70), column: s.layout.columns[s.predCol]!.label, col: s.predCol });
      // no lower score may carry a better predikat than a higher score
      const pts: Point[] = s.rows.filter((r): r is SurveyScoreRow & { rank: number } => r.rank !== null).map((r) => ({ ...r, value: r.score.value.value! }));
      const flagged = new Set<Point>();
      const conflicts = (a: Point, b: Point) => (a.value < b.value && a.rank > b.rank) || (b.value < a.value && b.rank > a.rank);
      for (let guard = 0; guard < pts.length; guard++) {
        const live = pts.filter((p) => !flagged.has(p));
        const count = new Map(live.map((p) => [p, live.filter((q) => q !== p && conflicts(p, q)).length]));
        const max = Math.max(0, ...count.values());
        if (max === 0) break;
        const tops = live.filter((p) => count.get(p) === max && !p.average);
        if (tops.length === 0) break;
        const off = tops.filter((p) => standardRank(p.value) !== p.rank);
        if (tops.length === 1 || off.length === tops.length) tops.forEach((p) => flagged.add(p));
        else if (off.length >= 1) off.forEach((p) => flagged.add(p));
        else break; // the contradiction cannot be pinned on one row
      }
      const kept = pts.filter((p) => !flagged.has(p));
      for (const p of [...flagged].sort((a, b) => a.row.line - b.row.line)) {
        const lower = kept.filter((q) => q.value < p.value);
        const higher = kept.filter((q) => q.value > p.value);
        const lo = Math.max(0, ...lower.map((q) => q.rank));
        const hi = Math.min(top, ...higher.map((q) => q.rank));
        const against = p.rank > hi ? higher.filter((q) => q.rank === hi) : lower.filter((q) => q.rank === lo);
        const rangeScores = against.map((q) => q.value);
        const span = rangeScores.length > 1 ? `${formatId(Math.min(...rangeScores), 1).replace(/,0$/, '')}–${formatId(Math.max(...rangeScores), 1).replace(/,0$/, '')}` : formatId(rangeScores[0] ?? 0, 1).replace(/,0$/, '');
        const otherLabel = cats[p.rank > hi ? hi : lo]!;
        const evidence = p.rank > hi ? `skor yang lebih tinggi (${span}) diberi predikat "${otherLabel}"` : `skor yang lebih rendah (${span}) diberi predikat "${otherLabel}"`;
        const evidenceEn = p.rank > hi ? `higher scores (${span}) are called "${otherLabel}"` : `lower scores (${span}) are called "${otherLabel}"`;
        const expected = lo === hi ? cats[lo]! : p.rank > hi ? `paling tinggi "${cats[hi]!}"` : `paling rendah "${cats[lo]!}"`;
        const expectedEn = lo === hi ? cats[lo]! : p.rank > hi ? `at most "${cats[hi]!}"` : `at least "${cats[lo]!}"`;
        const raw = p.score.value.raw;
        ctx.problem({
          messageId: 'predikat',
          data: { unsur: p.label.slice(0, 70), score: raw, reported: p.predikat, evidence, evidenceEn, expected, expectedEn, standard: cats[standardRank(p.value)]!, bands: bands.name },
          where: where(p),
          reported: `${raw} ${p.predikat}`,
          expected: expectText(expected, expectedEn),
          tolerance: criterion('urutan predikat mengikuti urutan skor', 'the predicates follow the order of the scores'),
          related: against.map((q) => ({ ...where(q), note: `${q.score.value.raw} ${q.predikat}` })),
        });
      }
    }
  },
};
