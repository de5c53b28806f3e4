import type { BudgetNode, BudgetTree } from '../../model/report.js';
import type { Rule } from '../../model/rule.js';
import { budgetCarriers } from '../../parse/budget.js';
import { findNumbersInText, parseValue } from '../../parse/numbers.js';
import { sumCents } from '../../parse/arith.js';
import { amount, EXACT, expectQuantity, rupiah } from '../tolerance.js';
import { allLines } from './_text.js';

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
      parentMissing: {
        id: '{{col}} {{level}} "{{label}}" tercatat {{reported}}, sedangkan jumlah {{children}} ({{n}} baris) {{expected}}; selisih {{diff}} sama persis dengan {{missingLevel}} "{{missing}}" ({{missingTable}}) yang tidak tercantum di bawahnya.',
        en: '{{colEn}} of {{levelEn}} "{{label}}" is {{reported}}, but {{childrenEn}} ({{n}} rows) add up to {{expected}}; the difference {{diff}} equals exactly {{missingLevelEn}} "{{missing}}" ({{missingTable}}), which is not listed under it.',
      },
      parentText: {
        id: '{{col}} {{level}} "{{label}}" tercatat {{reported}}, sedangkan jumlah {{children}} ({{n}} baris) {{expected}}; selisih {{diff}} sama dengan angka di teks ("{{textQuote}}"): kemungkinan baris itu tidak dicantumkan.',
        en: '{{colEn}} of {{levelEn}} "{{label}}" is {{reported}}, but {{childrenEn}} ({{n}} rows) add up to {{expected}}; the difference {{diff}} equals the amount in the text ("{{textQuote}}"): that line may have been left out.',
      },
      total: {
        id: '{{col}} baris jumlah tercatat {{reported}}, sedangkan jumlah {{n}} program {{expected}}; selisih {{diff}}.',
        en: '{{colEn}} of the total row is {{reported}}, but the {{n}} programs add up to {{expected}}; difference {{diff}}.',
      },
    },
  },
  check(ctx) {
    const carriers = (tree: BudgetTree, ids: string[], col: 'pagu' | 'realisasi'): string[] | null => budgetCarriers(tree, ids, col)?.map((n) => n.id) ?? null;
    const sumOf = (tree: BudgetTree, ids: string[], col: 'pagu' | 'realisasi') => {
      const vs = ids.map((id) => tree.nodes[id]?.[col]);
      return vs.every((v) => !!v) ? sumCents(vs) : null;
    };
    const compare = (tree: BudgetTree, node: BudgetNode, direct: string[], kind: 'parent' | 'total') => {
      for (const col of ['pagu', 'realisasi'] as const) {
        const v = node[col];
        const ids = carriers(tree, direct, col);
        if (!v || !ids || ids.length === 0) continue;
        const own = rupiah(v);
        const sum = sumOf(tree, ids, col);
        if (own === null || sum === null || own === sum) continue;
        const missing = kind === 'parent' ? missingLine(tree, node, ids, col, own - sum) : null;
        const inText = kind === 'parent' && !missing ? amountInText(own - sum) : null;
        ctx.problem({
          messageId: missing ? 'parentMissing' : inText ? 'parentText' : kind,
          data: {
            ...(inText ? { textLine: inText.line, textQuote: inText.quote } : {}),
            ...(missing
              ? {
                  missingLevel: LEVEL[missing.node.level].id.toLowerCase(),
                  missingLevelEn: LEVEL[missing.node.level].en.toLowerCase(),
                  missing: missing.node.label.replace(/^(sub\.?\s*)?kegiatan\s*:?\s*/i, '').slice(0, 80),
                  missingTable: missing.table,
                }
              : {}),
            col: COL[col].id.replace(/^./, (c) => c.toUpperCase()),
            colEn: COL[col].en.replace(/^./, (c) => c.toUpperCase()),
            level: LEVEL[node.level].id,
            levelEn: LEVEL[node.level].en,
            label: node.label.slice(0, 90),
            children: CHILD[node.level].id,
            childrenEn: CHILD[node.level].en,
            n: ids.length,
            reported: v,
            expected: amount(sum),
            diff: amount(own - sum),
          },
          where: { ...v.src, column: v.src.column ?? col },
          reported: v,
          expected: expectQuantity(amount(sum)),
          tolerance: EXACT,
          related: [
            ...ids.map((id) => {
              const c = tree.nodes[id]!;
              return { ...(c[col]?.src ?? c.src), note: `${c.label.slice(0, 60)}: ${c[col]?.raw ?? '-'}` };
            }),
            ...(missing ? [{ ...(missing.node[col]?.src ?? missing.node.src), note: `tidak tercantum: ${missing.node.label.slice(0, 60)}` }] : []),
            ...(inText ? [{ file: ctx.report.file, page: null, line: inText.line, note: inText.quote }] : []),
          ],
        });
      }
    };
    /** A line of another table, under the same parent name, whose amount is exactly the difference. */
    const missingLine = (tree: BudgetTree, node: BudgetNode, ids: string[], col: 'pagu' | 'realisasi', diff: bigint) => {
      if (diff <= 0n) return null;
      const key = (s: string) => s.toLowerCase().replace(/^(program|sub\.?\s*kegiatan|kegiatan)\s*:?\s*/i, '').replace(/^program\s*/i, '').replace(/[^a-z]/g, '');
      const present = new Set(ids.map((id) => key(tree.nodes[id]!.label)));
      for (const other of ctx.report.budgets) {
        if (other === tree) continue;
        const parent = Object.values(other.nodes).find((x) => x.level === node.level && key(x.label) === key(node.label));
        if (!parent) continue;
        for (const cid of parent.children) {
          const c = other.nodes[cid]!;
          const v = c[col] ? rupiah(c[col]!) : null;
          if (v === diff && !present.has(key(c.label))) return { node: c, table: other.table };
        }
      }
      return null;
    };
    /** An amount stated in the prose ("Belanja Modal sebesar Rp.44.039.600,00") equal to the difference. */
    let proseAmounts: Map<bigint, { line: number; quote: string }> | null = null;
    const amountInText = (diff: bigint) => {
      if (diff < 100_000_000n) return null; // 1.000.000 rupiah, in cents: smaller coincidences are too likely
      if (!proseAmounts) {
        proseAmounts = new Map();
        for (const { line: l } of allLines(ctx.report)) {
          if (l.cells) continue;
          for (const n of findNumbersInText(l.text)) {
            const v = parseValue(n.raw, { file: ctx.report.file, page: l.page, line: l.line }, 'money');
            const r = v.value !== null && v.kind === 'money' ? rupiah(v) : null;
            if (r === null || proseAmounts.has(r)) continue;
            const cut = l.text.lastIndexOf(' ', Math.max(0, n.index - 40));
            const start = cut < 0 ? 0 : cut + 1;
            proseAmounts.set(r, { line: l.line, quote: l.text.slice(start, n.index + n.raw.length).trim() });
          }
        }
      }
      return proseAmounts.get(diff) ?? null;
    };
    for (const tree of ctx.report.budgets) {
      for (const node of Object.values(tree.nodes)) {
        if (node.children.length > 0) compare(tree, node, node.children, 'parent');
      }
      if (tree.total && tree.roots.length > 0) compare(tree, tree.total, tree.roots, 'total');
    }
  },
};
