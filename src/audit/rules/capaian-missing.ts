import type { Rule } from '../../model/rule.js';
import { numberOf } from '../../parse/arith.js';
import { factsByRow, partnerIn } from '../../parse/facts.js';
import { criterion, expectWords } from '../tolerance.js';

/**
 * A capaian cell left empty ("-") in an indicator row whose target and realisasi of the same year
 * (and period, and basis: the end-of-plan target for a capaian against it) are both printed as
 * numbers: the capaian could have been computed and is missing. A row whose target or realisasi is
 * empty, zero or not a number, a total or average row, and a column whose role, year or partner the
 * resolver could not decide give nothing.
 */
export const capaianMissing: Rule = {
  meta: {
    id: 'capaian-missing',
    category: 'missing_value',
    defaultSeverity: 'warning',
    docs: {
      id: 'Sel capaian yang kosong ("-") pada baris indikator yang target dan realisasinya (tahun, periode dan dasar yang sama) tercetak sebagai angka: capaian dapat dihitung tetapi tidak diisi.',
      en: 'A capaian cell left empty ("-") in an indicator row whose target and realisation (same year, period and basis) are printed as numbers: the capaian could be computed but is not filled in.',
    },
    messages: {
      missing: {
        id: 'Capaian "{{label}}" tidak diisi ({{reported}}), padahal target {{target}} dan realisasi {{real}} tercetak.',
        en: 'The capaian of "{{label}}" is not filled in ({{reported}}), although the target {{target}} and the realisation {{real}} are printed.',
      },
    },
  },
  check(ctx) {
    for (const row of factsByRow(ctx.report.facts).values()) {
      for (const c of row) {
        if (c.measure !== 'capaian' || c.rowKind !== 'item' || c.value.kind !== 'empty') continue;
        const t = partnerIn(row, c, 'target');
        const r = partnerIn(row, c, 'realisasi');
        if (!t || !r) continue;
        const tv = numberOf(t.value);
        const rv = numberOf(r.value);
        if (tv === null || rv === null || tv <= 0 || rv === 0) continue;
        ctx.problem({
          messageId: 'missing',
          data: { label: c.subject.name.slice(0, 90), reported: c.value.raw, real: r.value, target: t.value },
          where: c.src,
          reported: c.value,
          expected: expectWords((lang) =>
            lang === 'en'
              ? `a capaian computed from realisation ${r.value.raw} and target ${t.value.raw}`
              : `capaian yang dihitung dari realisasi ${r.value.raw} dan target ${t.value.raw}`,
          ),
          tolerance: criterion('capaian harus tercetak bila target dan realisasi tercetak', 'a capaian must be printed when target and realisation are'),
          related: [t.src, r.src],
        });
      }
    }
  },
};
