import type { Rule, RuleContext } from '../../model/rule.js';
import { cents, pctAtPrinted, pctOf, sameAtPrinted } from '../../parse/arith.js';
import { tableLabel } from '../../parse/structure.js';
import { formatPrinted } from '../format.js';
import { dropLines, expectWords, formatQuantity, percent, precision } from '../tolerance.js';
import { budgetKey, nameKey, short, similarity } from './_match.js';
import { efficiencyRows, programAmounts, sasaranPrograms } from './_facts.js';
import { num } from './_verdict.js';

/** % serapan anggaran of a sasaran against the budget tables' figure for the one programme that supports it. */
function checkSerapan(ctx: RuleContext) {
  const { report } = ctx;
  const pairs = sasaranPrograms(report, ctx.config);
  const programs = programAmounts(report);
  for (const r of efficiencyRows(report)) {
    if (!num(r.serapan)) continue;
    const k = nameKey(r.sasaran);
    const progs = pairs.filter((p) => similarity(nameKey(p.sasaran), k) > 0).map((p) => p.program);
    if (progs.length === 0) continue;
    const first = budgetKey(progs[0]!);
    if (progs.some((p) => similarity(budgetKey(p), first) === 0)) continue; // several programmes: the sasaran figure is a mix
    const cands = programs.filter((p) => similarity(budgetKey(p.label), first) > 0);
    if (cands.length === 0) continue;
    const s = r.serapan;
    const shown: ((l: 'id' | 'en') => string)[] = [];
    let ok = false;
    for (const c of cands) {
      if (num(c.pct)) {
        shown.push((l) => `${formatPrinted(c.pct!, l)} (${c.tree} ${l === 'id' ? 'baris' : 'line'} ${c.pct!.src.line})`);
        if (sameAtPrinted(c.pct, s)) ok = true;
      }
      const pagu = c.pagu && c.pagu.kind !== 'empty' ? cents(c.pagu) : null;
      const real = c.realisasi && c.realisasi.kind !== 'empty' ? cents(c.realisasi) : null;
      if (pagu !== null && pagu !== 0n && real !== null) {
        const pct = percent(pctOf(real, pagu), s.decimals);
        if (pctAtPrinted(real, pagu, s)) ok = true;
        shown.push((l) => `${formatQuantity(pct, l)} = ${formatPrinted(c.realisasi!, l)} / ${formatPrinted(c.pagu!, l)} (${c.tree})`);
      }
    }
    if (ok || shown.length === 0) continue;
    const program = cands[0]!.label.replace(/^program\s*:?\s*/i, '').replace(/\s+/g, ' ');
    ctx.problem({
      messageId: 'serapan',
      data: { sasaran: short(r.sasaran), table: tableLabel(r.table), reported: s, program, expected: dropLines(shown.map((x) => x('id')).join('; ')), expectedEn: dropLines(shown.map((x) => x('en')).join('; ')).replace(/,? line \d+/g, '') },
      where: s.src,
      reported: s,
      expected: expectWords((l) => shown.map((x) => x(l)).join('; ')),
      tolerance: precision(s.decimals),
      related: cands.flatMap((c) => (c.pct ? [{ ...c.pct.src, note: `${c.tree}: ${c.pct.raw}` }] : [])),
    });
  }
}

/**
 * The % serapan anggaran of each sasaran in the efficiency table against the budget tables' figure
 * for the one programme that supports it (its printed realisation %, or realisasi / pagu), at the
 * printed precision.
 */
export const sasaranSerapan: Rule = {
  meta: {
    id: 'sasaran-serapan',
    category: 'cross_table_mismatch',
    defaultSeverity: 'warning',
    docs: {
      id: '% serapan anggaran setiap sasaran di tabel efisiensi dibandingkan dengan % realisasi program pendukungnya di tabel anggaran (persen yang dicetak, atau realisasi / pagu), bila sasaran itu didukung satu program (pasangan sasaran–program dari tabel per sasaran atau RKT); dibandingkan pada presisi cetak.',
      en: 'The % budget absorption of each sasaran in the efficiency table against the realisation % of its supporting programme in the budget tables (the printed %, or realisasi / pagu), when one programme supports the sasaran (sasaran–programme pairs from the per-sasaran tables or the RKT); compared at the printed precision.',
    },
    messages: {
      serapan: {
        id: '% serapan anggaran sasaran "{{sasaran}}" di {{table}} tercatat {{reported}}, sedangkan program pendukungnya "{{program}}": {{expected}}.',
        en: 'Budget absorption of sasaran "{{sasaran}}" in {{table}} is {{reported}}, but its supporting programme "{{program}}" shows {{expectedEn}}.',
      },
    },
  },
  check(ctx) {
    checkSerapan(ctx);
  },
};
