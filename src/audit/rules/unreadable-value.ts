import type { Rule } from '../../model/rule.js';
import { criterion, expectText } from '../tolerance.js';

/** A value that could not be read is shown to a human, never taken as zero and never silently skipped. */
export const unreadableValue: Rule = {
  meta: {
    id: 'unreadable-value',
    category: 'unreadable_value',
    defaultSeverity: 'warning',
    docs: {
      id: 'Nilai pada posisi angka (target, realisasi, capaian, pagu) yang tidak dapat dibaca dengan pasti — misalnya satu sel berisi beberapa nilai sekaligus, atau tanda baca yang tidak konsisten — dilaporkan untuk diperiksa manusia. Nilai itu tidak dianggap nol dan tidak dipakai dalam pemeriksaan lain.',
      en: 'A value in a numeric position (target, realisation, capaian, pagu) that cannot be read reliably — e.g. one cell holding several values, or inconsistent separators — is reported for a human to check. It is never taken as zero and is left out of the other checks.',
    },
    messages: {
      unreadable: {
        id: 'Nilai "{{raw}}" tidak dapat dibaca dengan pasti sebagai angka; periksa sel ini secara manual (nilai ini tidak dipakai dalam pemeriksaan lain).',
        en: 'The value "{{raw}}" cannot be read reliably as a number; check this cell by hand (it is left out of the other checks).',
      },
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const v of ctx.report.unreadable) {
      const k = `${v.src.line}|${v.src.column ?? ''}|${v.raw}`;
      if (seen.has(k)) continue;
      seen.add(k);
      ctx.problem({
        messageId: 'unreadable',
        data: { raw: v.raw.slice(0, 80) },
        where: v.src,
        reported: v.raw,
        expected: expectText('satu angka yang terbaca', 'one readable number'),
        tolerance: criterion('tidak berlaku (nilai tidak terbaca)', 'not applicable (the value cannot be read)'),
        needsReview: true,
      });
    }
  },
};
