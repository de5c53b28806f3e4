import type { Rule } from '../../model/rule.js';
import { factsByRow, partnerIn } from '../../parse/facts.js';
import { consistentAtPrinted, fmtPct, toleranceText } from '../tolerance.js';

/** % serapan = realisasi / pagu × 100, at the precision printed. */
export const budgetPercentage: Rule = {
  meta: {
    id: 'budget-percentage',
    category: 'percentage_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Persentase serapan anggaran di setiap baris harus sama dengan realisasi / pagu × 100, dibandingkan pada presisi yang dicetak (pembulatan atau pemotongan bukan kesalahan).',
      en: 'The absorption percentage on every budget row must equal realisation / pagu × 100, compared at the printed precision (rounding or truncation is not an error).',
    },
    messages: {
      pct: {
        id: 'Persentase "{{label}}" tercatat {{reported}}, sedangkan {{real}} / {{pagu}} = {{expected}}.',
        en: 'Percentage of "{{label}}" is {{reported}}, but {{real}} / {{pagu}} = {{expected}}.',
      },
    },
  },
  check(ctx) {
    for (const row of factsByRow(ctx.report.facts).values()) {
      for (const pct of row) {
        if (pct.measure !== 'serapan' || pct.value.value === null) continue;
        const pagu = partnerIn(row, pct, 'pagu');
        const realisasi = partnerIn(row, pct, 'realisasi_anggaran');
        if (!pagu || !realisasi || pagu.value.value === null || pagu.value.value === 0) continue;
        const real = realisasi.value.kind === 'empty' ? 0 : realisasi.value.value;
        if (real === null) continue;
        const computed = (real / pagu.value.value) * 100;
        if (consistentAtPrinted(computed, pct.value.value, pct.value.decimals)) continue;
        const expected = fmtPct(computed, pct.value.decimals);
        ctx.problem({
          messageId: 'pct',
          data: { label: pct.subject.name.slice(0, 90), reported: pct.value.raw, real: realisasi.value.raw || '0', pagu: pagu.value.raw, expected },
          where: pct.src,
          reported: pct.value.raw,
          expected,
          tolerance: toleranceText(pct.value.decimals).id,
          related: [pagu.src, realisasi.src],
        });
      }
    }
  },
};
