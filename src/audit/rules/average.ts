import type { Rule } from '../../model/rule.js';
import { consistentAtPrinted, fmtPct, inputRange, rangeMeetsPrinted, toleranceText } from '../tolerance.js';

/** A stated average must be reproducible: the plain mean, or the mean with each capaian capped at 100%. */
export const average: Rule = {
  meta: {
    id: 'average',
    category: 'average_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Rata-rata capaian yang dinyatakan (baris "Rata-rata" dalam tabel, atau kalimat "rata-rata ... adalah X%" sesudah daftar capaian) harus dapat dihasilkan ulang dengan salah satu konvensi: rata-rata biasa, atau rata-rata dengan setiap capaian di atas 100% dihitung 100%. Temuan menyebut hasil kedua konvensi.',
      en: 'A stated average capaian (an "average" row in a table, or "rata-rata ... adalah X%" after a list of capaian) must be reproducible by one convention: the plain mean, or the mean with each capaian above 100% counted as 100%. The finding shows both.',
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
      const ranges = items.map((f) => inputRange(f.value.value!, f.value.decimals));
      const mean = (pick: (r: [number, number]) => number, cap: boolean) => ranges.reduce((s, r) => s + (cap ? Math.min(100, pick(r)) : pick(r)), 0) / ranges.length;
      const d = a.value.decimals;
      const plainHolds = rangeMeetsPrinted(mean((r) => r[0], false), mean((r) => r[1], false), a.value.value, d);
      const cappedHolds = rangeMeetsPrinted(mean((r) => r[0], true), mean((r) => r[1], true), a.value.value, d);
      if (plainHolds || cappedHolds) continue;
      const vals = items.map((f) => f.value.value!);
      const plain = vals.reduce((s, v) => s + v, 0) / vals.length;
      const capped = vals.reduce((s, v) => s + Math.min(100, v), 0) / vals.length;
      const expected = plain === capped ? fmtPct(plain, d) : `${fmtPct(plain, d)} (biasa) / ${fmtPct(capped, d)} (batas 100%)`;
      ctx.problem({
        messageId: 'avg',
        data: { reported: a.value.raw, over: items.map((f) => f.value.raw).join(' / '), plain: fmtPct(plain, d), capped: fmtPct(capped, d) },
        where: a.src,
        reported: a.value.raw,
        expected,
        tolerance: toleranceText(d).id,
        related: items.map((f) => ({ ...f.src, note: f.value.raw })),
      });
    }
    // averages stated in a sentence after a list (table averages are facts, above)
    for (const a of ctx.report.averages) {
      if (a.origin === 'table') continue;
      const vals = a.over.map((v) => v.value).filter((v): v is number => v !== null);
      if (vals.length < 2 || vals.length !== a.over.length || a.stated.value === null) continue;
      const plain = vals.reduce((s, v) => s + v, 0) / vals.length;
      const capped = vals.reduce((s, v) => s + Math.min(100, v), 0) / vals.length;
      const d = a.stated.decimals;
      if (consistentAtPrinted(plain, a.stated.value, d) || consistentAtPrinted(capped, a.stated.value, d)) continue;
      const expected = plain === capped ? fmtPct(plain, d) : `${fmtPct(plain, d)} (biasa) / ${fmtPct(capped, d)} (batas 100%)`;
      ctx.problem({
        messageId: 'avg',
        data: { reported: a.stated.raw, over: a.over.map((v) => v.raw).join(' / '), plain: fmtPct(plain, d), capped: fmtPct(capped, d) },
        // a sentence about the table above it names that table
        where: a.origin === 'text' && a.table ? { ...a.stated.src, table: a.table, row: 'kalimat di bawah tabel' } : a.stated.src,
        reported: a.stated.raw,
        expected,
        tolerance: toleranceText(d).id,
        related: a.over.map((v) => ({ ...v.src, note: v.raw })),
      });
    }
  },
};
