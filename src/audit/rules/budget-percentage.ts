import type { Rule } from '../../model/rule.js';
import { cents, pctAtPrinted, pctOf } from '../../parse/arith.js';
import { fmtPct, toleranceText } from '../tolerance.js';

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
    for (const tree of ctx.report.budgets) {
      const nodes = [...Object.values(tree.nodes), ...(tree.total ? [tree.total] : [])];
      for (const n of nodes) {
        const { pagu, realisasi, pct } = n;
        if (!pagu || !realisasi || !pct || pct.value === null) continue;
        // exact: rupiah from their digits, the ratio against the printed interval in bigint
        const p = pagu.kind === 'empty' ? null : cents(pagu);
        const real = cents(realisasi);
        if (p === null || p === 0n || real === null) continue;
        if (pctAtPrinted(real, p, pct)) continue;
        const computed = pctOf(real, p);
        const expected = fmtPct(computed, pct.decimals);
        ctx.problem({
          messageId: 'pct',
          data: { label: n.label.slice(0, 90), reported: pct.raw, real: realisasi.raw || '0', pagu: pagu.raw, expected },
          where: pct.src,
          reported: pct.raw,
          expected,
          tolerance: toleranceText(pct.decimals).id,
          related: [pagu.src, realisasi.src],
        });
      }
    }
  },
};
