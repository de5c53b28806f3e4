import type { Rule } from '../../model/rule.js';
import { factsByRow, partnerIn } from '../../parse/facts.js';
import { cents, pctAtPrinted, pctOf } from '../../parse/arith.js';
import { expectQuantity, pct as pctOfQ, precision } from '../tolerance.js';

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
        if (!pagu || !realisasi) continue;
        // exact: rupiah from their digits, the ratio against the printed interval in bigint (src/parse/arith.ts)
        const p = pagu.value.kind === 'empty' ? null : cents(pagu.value);
        const real = cents(realisasi.value);
        if (p === null || p === 0n || real === null) continue;
        if (pctAtPrinted(real, p, pct.value)) continue;
        const computed = pctOf(real, p);
        const expected = pctOfQ(computed, pct.value.decimals);
        ctx.problem({
          messageId: 'pct',
          data: { label: pct.subject.name.slice(0, 90), reported: pct.value, real: realisasi.value.raw ? realisasi.value : '0', pagu: pagu.value, expected },
          where: pct.src,
          reported: pct.value,
          expected: expectQuantity(expected),
          tolerance: precision(pct.value.decimals),
          related: [pagu.src, realisasi.src],
        });
      }
    }
  },
};
