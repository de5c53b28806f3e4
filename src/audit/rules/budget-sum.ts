import type { BudgetNode, BudgetTree } from '../../model/report.js';
import type { Rule } from '../../model/rule.js';
import { EXACT, fmtRupiah, rupiah } from '../tolerance.js';

const LEVEL = { 1: { id: 'Program', en: 'Program' }, 2: { id: 'Kegiatan', en: 'Kegiatan' }, 3: { id: 'Sub Kegiatan', en: 'Sub kegiatan' } } as const;
const CHILD = { 1: { id: 'kegiatannya', en: 'its kegiatan' }, 2: { id: 'sub kegiatannya', en: 'its sub kegiatan' }, 3: { id: 'rinciannya', en: 'its items' } } as const;
const COL = { pagu: { id: 'pagu', en: 'budget (pagu)' }, realisasi: { id: 'realisasi', en: 'realisation' } } as const;

/** Children sum to their parent; programs sum to the grand total. Money is compared exactly. */
export const budgetSum: Rule = {
  meta: {
    id: 'budget-sum',
    category: 'sum_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Dalam tabel anggaran (Program > Kegiatan > Sub Kegiatan), pagu dan realisasi setiap induk harus sama dengan jumlah rinciannya, dan jumlah semua program sama dengan baris JUMLAH/TOTAL. Rupiah dibandingkan tepat.',
      en: 'In budget tables (Program > Kegiatan > Sub Kegiatan) the pagu and realisation of every parent must equal the sum of its children, and the programs must add up to the JUMLAH/TOTAL row. Rupiah are compared exactly.',
    },
    messages: {
      parent: {
        id: '{{col}} {{level}} "{{label}}" tercatat {{reported}}, sedangkan jumlah {{children}} ({{n}} baris) {{expected}}; selisih {{diff}}.',
        en: '{{colEn}} of {{levelEn}} "{{label}}" is {{reported}}, but {{childrenEn}} ({{n}} rows) add up to {{expected}}; difference {{diff}}.',
      },
      total: {
        id: '{{col}} baris jumlah tercatat {{reported}}, sedangkan jumlah {{n}} program {{expected}}; selisih {{diff}}.',
        en: '{{colEn}} of the total row is {{reported}}, but the {{n}} programs add up to {{expected}}; difference {{diff}}.',
      },
    },
  },
  check(ctx) {
    const sumOf = (tree: BudgetTree, ids: string[], col: 'pagu' | 'realisasi') => {
      let s = 0n;
      for (const id of ids) {
        const v = tree.nodes[id]?.[col];
        if (!v) return null;
        const r = rupiah(v);
        if (r === null) return null;
        s += r;
      }
      return s;
    };
    const compare = (tree: BudgetTree, node: BudgetNode, ids: string[], kind: 'parent' | 'total') => {
      for (const col of ['pagu', 'realisasi'] as const) {
        const v = node[col];
        if (!v || ids.length === 0) continue;
        const own = rupiah(v);
        const sum = sumOf(tree, ids, col);
        if (own === null || sum === null || own === sum) continue;
        ctx.problem({
          messageId: kind,
          data: {
            col: COL[col].id.replace(/^./, (c) => c.toUpperCase()),
            colEn: COL[col].en.replace(/^./, (c) => c.toUpperCase()),
            level: LEVEL[node.level].id,
            levelEn: LEVEL[node.level].en,
            label: node.label.slice(0, 90),
            children: CHILD[node.level].id,
            childrenEn: CHILD[node.level].en,
            n: ids.length,
            reported: v.raw,
            expected: fmtRupiah(sum),
            diff: fmtRupiah(own - sum),
          },
          where: { ...v.src, column: v.src.column ?? col },
          reported: v.raw,
          expected: fmtRupiah(sum),
          tolerance: EXACT.id,
          related: ids.map((id) => {
            const c = tree.nodes[id]!;
            return { ...(c[col]?.src ?? c.src), note: `${c.label.slice(0, 60)}: ${c[col]?.raw ?? '-'}` };
          }),
        });
      }
    };
    for (const tree of ctx.report.budgets) {
      for (const node of Object.values(tree.nodes)) {
        if (node.children.length > 0) compare(tree, node, node.children, 'parent');
      }
      if (tree.total && tree.roots.length > 0) compare(tree, tree.total, tree.roots, 'total');
    }
  },
};
