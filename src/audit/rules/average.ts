import type { Rule } from '../../model/rule.js';
import { meanHolds, meanRangeHolds, meansOf } from '../../parse/arith.js';
import { expectMean, expectQuantity, num, pct, precision } from '../tolerance.js';

/** A stated average must be reproducible: the plain mean, or the mean with each capaian capped at 100%. */
export const average: Rule = {
  meta: {
    id: 'average',
    category: 'average_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Rata-rata capaian yang dinyatakan (baris "Rata-rata" dalam tabel, atau kalimat "rata-rata ... adalah X%" sesudah daftar capaian) harus dapat dihasilkan ulang dengan salah satu konvensi: rata-rata biasa, atau rata-rata dengan setiap capaian di atas 100% dihitung 100%. Temuan menyebut hasil kedua konvensi. Rata-rata skor (baris "Rata-rata unsur pelayanan" tabel skor SKM) dibandingkan dengan cara yang sama dan ditulis sebagai skor.',
      en: 'A stated average capaian (an "average" row in a table, or "rata-rata ... adalah X%" after a list of capaian) must be reproducible by one convention: the plain mean, or the mean with each capaian above 100% counted as 100%. The finding shows both. An average of scores (the "Rata-rata unsur pelayanan" row of an SKM score table) is checked the same way and shown as a score.',
    },
    messages: {
      avg: {
        id: 'Rata-rata tercatat {{reported}} atas {{over}}; rata-rata biasa {{plain}}, dengan batas 100% {{capped}}: tidak ada konvensi yang menghasilkan angka yang dicetak.',
        en: 'Average is printed {{reported}} over {{over}}; plain mean {{plain}}, capped at 100% {{capped}}: no convention reproduces the printed figure.',
      },
    },
  },
  check(ctx) {
    // averages printed as a table row: the mean fact against the item facts of its column
    const byId = new Map(ctx.report.facts.map((f) => [f.id, f]));
    for (const a of ctx.report.facts) {
      if (a.aggregate !== 'mean' || !a.over || a.value.value === null || (a.value.kind !== 'percent' && a.value.kind !== 'number')) continue;
      const items = a.over.map((id) => byId.get(id)!).filter((f) => f.value.kind !== 'unreadable');
      if (items.length < 2 || items.length !== a.over.length || items.some((f) => f.value.value === null || f.value.unit)) continue;
      // plain or capped mean of the items as the intervals their decimals allow (src/parse/arith.ts)
      if (meanRangeHolds(items.map((f) => f.value), a.value) !== false) continue;
      const d = a.value.decimals;
      const { plain, capped } = meansOf(items.map((f) => f.value.value!))!;
      // a mean of scores (a survey's unsur) is a score, not a percentage
      const q = (v: number) => (a.measure === 'score' ? num(v, Math.max(2, d)) : pct(v, d));
      ctx.problem({
        messageId: 'avg',
        data: { reported: a.value, over: items.map((f) => f.value.raw).join(' / '), plain: q(plain), capped: q(capped) },
        where: a.src,
        reported: a.value,
        expected: a.measure === 'score' && plain === capped ? expectQuantity(q(plain)) : expectMean(plain, capped, d),
        tolerance: precision(d),
        related: items.map((f) => ({ ...f.src, note: f.value.raw })),
      });
    }
    // averages stated in a sentence after a list (table averages are facts, above)
    for (const a of ctx.report.averages) {
      if (a.origin === 'table') continue;
      const vals = a.over.map((v) => v.value).filter((v): v is number => v !== null);
      if (vals.length < 2 || vals.length !== a.over.length || a.stated.value === null) continue;
      const means = meansOf(vals);
      if (!means || meanHolds(vals, a.stated) !== false) continue;
      const { plain, capped } = means;
      const d = a.stated.decimals;
      ctx.problem({
        messageId: 'avg',
        data: { reported: a.stated, over: a.over.map((v) => v.raw).join(' / '), plain: pct(plain, d), capped: pct(capped, d) },
        // a sentence about the table above it names that table
        where: a.origin === 'text' && a.table ? { ...a.stated.src, table: a.table, row: 'kalimat di bawah tabel' } : a.stated.src,
        reported: a.stated,
        expected: expectMean(plain, capped, d),
        tolerance: precision(d),
        related: a.over.map((v) => ({ ...v.src, note: v.raw })),
      });
    }
  },
};
