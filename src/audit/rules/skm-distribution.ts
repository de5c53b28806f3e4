import type { Rule } from '../../model/rule.js';
import { formatNumber } from '../format.js';
import { formatId } from '../../parse/numbers.js';
import { criterion, expectQuantity } from '../tolerance.js';
import { surveyDistributions } from './_facts.js';
import { answerLabels } from './_survey.js';

/** Survey (SKM / IKM) distribution tables: the answer shares of each unsur add up to 100%. */
export const skmDistribution: Rule = {
  meta: {
    id: 'skm-distribution',
    category: 'sum_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Tabel sebaran jawaban Survei Kepuasan Masyarakat (SKM): persentase jawaban setiap unsur (kolom jawaban skala survei dalam rules/vocabulary.yaml, mis. Tidak Baik, Kurang Baik, Baik, Sangat Baik) berjumlah 100% (toleransi shareSumPoints dari konfigurasi).',
      en: 'Public satisfaction survey (SKM) distribution tables: the answer shares of each unsur (the columns of the survey scale in rules/vocabulary.yaml, e.g. Tidak Baik, Kurang Baik, Baik, Sangat Baik) add up to 100% (tolerance shareSumPoints from the configuration).',
    },
    messages: {
      distribution: {
        id: 'Sebaran jawaban unsur "{{unsur}}" berjumlah {{reported}}, bukan 100% ({{parts}}).',
        en: 'The answer distribution of unsur "{{unsur}}" adds up to {{reported}}, not 100% ({{parts}}).',
      },
    },
  },
  check(ctx) {
    const { report, config } = ctx;
    const tol = config.tolerances.shareSumPoints;
    const labels = answerLabels(config);
    for (const { layout, totalCol, rows } of surveyDistributions(report, config)) {
      for (const r of rows) {
        const sum = r.shares.reduce((a, f) => a + f.value.value!, 0);
        if (Math.abs(sum - 100) <= tol + 1e-9) continue;
        const parts = r.shares.map((f, k) => `${labels[k]} ${f.value.raw}`).join(', ');
        // located at the row's Total cell when it has one, else at the row
        const { col: _col, ...row } = r.shares[0]!.src;
        const where = r.total ? r.total.src : { ...row, column: totalCol >= 0 ? layout.columns[totalCol]!.label : 'Total' };
        ctx.problem({
          messageId: 'distribution',
          data: { unsur: r.label.slice(0, 70), reported: { value: sum, unit: 'percent', decimals: 1 }, parts },
          where: { ...where, row: r.label.slice(0, 70) },
          reported: formatId(sum, 1) + '%',
          expected: expectQuantity({ value: 100, unit: 'percent', decimals: 0 }),
          tolerance: criterion(`±${formatId(tol, 1)} poin persen`, `±${formatNumber(tol, 1, 'en')} percentage points`),
          related: r.shares.map((f) => ({ ...f.src, note: f.value.raw })),
        });
      }
    }
  },
};
