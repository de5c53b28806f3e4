import type { Rule } from '../../model/rule.js';
import { criterion, expectQuantity, num } from '../tolerance.js';

const EXACT_COUNT = criterion('jumlah tepat', 'exact count');

/**
 * A total row of a table (Jumlah, Total, Sub Total: an aggregate fact with `aggregate: 'sum'`) that
 * counts whole numbers equals the sum of the item facts it closes (`over`: the same column since the
 * previous total row). Money stays with budget-sum (exact rupiah over the budget tree), percentages
 * and decimals are not summed (a "Jumlah Capaian" of percentages is no count), a cell left empty or
 * "-" counts as nothing; a column with an unreadable cell, another unit or fewer than two items is
 * not compared.
 */
export const totalRow: Rule = {
  meta: {
    id: 'total-row',
    category: 'sum_mismatch',
    defaultSeverity: 'warning',
    docs: {
      id: 'Baris Jumlah/Total sebuah tabel yang menjumlahkan bilangan bulat (jumlah pegawai, responden, unit) harus sama dengan jumlah baris-baris yang ditutupnya pada kolom yang sama. Rupiah diperiksa aturan budget-sum; persentase dan angka desimal tidak dijumlahkan; sel kosong atau "-" tidak dihitung; kolom dengan sel tak terbaca, satuan lain atau kurang dari dua baris tidak dibandingkan.',
      en: 'A Jumlah/Total row of a table that adds whole numbers (staff, respondents, units) must equal the sum of the rows it closes, column by column. Rupiah are budget-sum\'s; percentages and decimals are not summed; an empty or "-" cell counts as nothing; a column with an unreadable cell, another unit or fewer than two rows is not compared.',
    },
    messages: {
      sum: {
        id: 'Baris Jumlah {{table}} kolom "{{column}}" tercatat {{reported}}, sedangkan jumlah {{n}} baris di atasnya {{expected}}.',
        en: 'The Jumlah row of {{table}}, column "{{column}}", is {{reported}}, but the {{n}} rows above it add up to {{expected}}.',
      },
    },
  },
  check(ctx) {
    const byId = new Map(ctx.report.facts.map((f) => [f.id, f]));
    const whole = (v: { kind: string; value: number | null; decimals: number }) => v.kind === 'number' && v.value !== null && v.decimals === 0 && Number.isSafeInteger(v.value);
    for (const a of ctx.report.facts) {
      if (a.aggregate !== 'sum' || !a.over || a.statedIn === 'budget' || !whole(a.value)) continue;
      const items = a.over.map((id) => byId.get(id)!).filter((f) => f.value.kind !== 'empty');
      if (items.length < 2 || !items.every((f) => whole(f.value) && (f.value.unit ?? '') === (a.value.unit ?? ''))) continue;
      const sum = items.reduce((s, f) => s + f.value.value!, 0);
      if (sum === a.value.value) continue;
      const column = a.src.column || `kolom ${a.cell.col + 1}`;
      ctx.problem({
        messageId: 'sum',
        data: { table: a.src.table ?? a.cell.table, column, reported: a.value, expected: num(sum), n: items.length },
        where: a.src,
        reported: a.value,
        expected: expectQuantity(num(sum), { id: `jumlah ${items.length} baris`, en: `sum of ${items.length} rows` }),
        tolerance: EXACT_COUNT,
        related: items.map((f) => ({ ...f.src, note: f.value.raw })),
      });
    }
  },
};
