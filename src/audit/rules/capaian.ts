import type { Rule } from '../../model/rule.js';
import type { PrintedValue } from '../../model/values.js';
import { factsByRow, partnerIn } from '../../parse/facts.js';
import { checkCapaian } from '../../parse/arith.js';
import { expectQuantity, pct, precision } from '../tolerance.js';

/**
 * Capaian = realisasi / target × 100 (positive polarity) or (target − (realisasi − target)) / target × 100
 * (negative). When the report states that capaian above 100% counts as 100%, a printed 100% for a
 * higher raw capaian is accepted too.
 */
export const capaian: Rule = {
  meta: {
    id: 'capaian',
    category: 'capaian_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Capaian setiap indikator (Tabel pengukuran, perbandingan dengan target akhir Renstra) dan setiap output sub kegiatan dihitung ulang: realisasi / target × 100 (polaritas positif) atau (target − (realisasi − target)) / target × 100 (negatif). Nilai berhuruf seperti "B (69)" dibandingkan dengan angkanya. Jika laporan menyatakan capaian di atas 100% dihitung 100%, angka 100% juga diterima.',
      en: 'Every indicator capaian (measurement tables, comparison with the Renstra end target) and every sub kegiatan output is recomputed: realisation / target × 100 (positive polarity) or (target − (realisation − target)) / target × 100 (negative). Grades like "B (69)" are compared by their number. When the report caps capaian at 100%, a printed 100% is accepted as well.',
    },
    messages: {
      indicator: {
        id: 'Capaian "{{label}}" tercatat {{reported}}, sedangkan realisasi {{real}} / target {{target}} = {{expected}}.',
        en: 'Capaian of "{{label}}" is {{reported}}, but realisation {{real}} / target {{target}} = {{expected}}.',
      },
      end: {
        id: 'Capaian terhadap target akhir Renstra "{{label}}" tercatat {{reported}}, sedangkan realisasi {{real}} / target akhir {{target}} = {{expected}}.',
        en: 'Capaian against the Renstra end target for "{{label}}" is {{reported}}, but realisation {{real}} / end target {{target}} = {{expected}}.',
      },
      output: {
        id: 'Persentase capaian output "{{label}}" tercatat {{reported}}, sedangkan {{real}} / {{target}} = {{expected}}.',
        en: 'Output achievement of "{{label}}" is {{reported}}, but {{real}} / {{target}} = {{expected}}.',
      },
    },
  },
  check(ctx) {
    const capped = ctx.report.meta.capRuleStated;
    /** The recomputed capaian when the printed one disagrees with target and realisasi (src/parse/arith.ts), else null. */
    const test = (t: PrintedValue, r: PrintedValue, c: PrintedValue, negative: boolean) => {
      const res = checkCapaian(t, r, c, negative, capped);
      return res && !res.holds ? res.raw : null;
    };
    // every capaian fact of an item row, against the target and realisasi of its own row and year
    const rows = factsByRow(ctx.report.facts);
    for (const row of rows.values()) {
      for (const c of row) {
        if (c.measure !== 'capaian' || c.rowKind !== 'item') continue;
        const t = partnerIn(row, c, 'target');
        const r = partnerIn(row, c, 'realisasi');
        if (!t || !r) continue;
        const raw = test(t.value, r.value, c.value, c.subject.polarity === 'negative');
        if (raw === null) continue;
        const expected = pct(raw, c.value.decimals);
        ctx.problem({
          messageId: c.basis === 'renstra_end' || t.basis === 'renstra_end' ? 'end' : 'indicator',
          data: { label: c.subject.name.slice(0, 90), reported: c.value, real: r.value, target: t.value, expected },
          where: c.src,
          reported: c.value,
          expected: expectQuantity(expected),
          tolerance: precision(c.value.decimals),
          related: [t.src, r.src],
        });
      }
    }
    for (const tree of ctx.report.budgets) {
      for (const n of Object.values(tree.nodes)) {
        for (const o of n.outputs) {
          if (o.kind !== 'output' || !o.target || !o.realisasi || !o.pct) continue;
          const raw = test(o.target, o.realisasi, o.pct, false);
          if (raw === null) continue;
          const expected = pct(raw, o.pct.decimals);
          ctx.problem({
            messageId: 'output',
            data: { label: `${n.label.slice(0, 60)} — ${o.label.slice(0, 50)}`, reported: o.pct, real: o.realisasi, target: o.target, expected },
            where: o.pct.src,
            reported: o.pct,
            expected: expectQuantity(expected),
            tolerance: precision(o.pct.decimals),
            related: [o.target.src, o.realisasi.src],
          });
        }
      }
    }
  },
};
