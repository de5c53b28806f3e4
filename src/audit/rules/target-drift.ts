import type { Fact } from '../../model/facts.js';
import type { Rule, RuleContext } from '../../model/rule.js';
import { criterion, expectPrinted, precision } from '../tolerance.js';
import { factsByRow, targetReadings, type TargetOf } from '../../parse/facts.js';
import { compareAtPrinted, sameScale } from '../../parse/arith.js';
import { parseValue } from '../../parse/numbers.js';
import { bestMatch, proseLines, refOf, sentences } from './_text.js';
import type { TargetSource } from '../../model/report.js';
import type { PrintedValue } from '../../model/values.js';

const SOURCE_LABEL: Record<TargetSource, string> = {
  renstra: 'Renstra (Bab II)',
  renstra_lampiran: 'Renstra (lampiran)',
  rkt: 'RKT',
  iku: 'IKU',
  pk: 'PK',
  pk_perubahan: 'PK Perubahan',
  measurement: 'tabel pengukuran',
  comparison: 'tabel perbandingan antartahun',
  renstra_end: 'tabel target akhir Renstra',
};

const SOURCE_LABEL_EN: Record<TargetSource, string> = {
  renstra: 'the Renstra (Bab II)',
  renstra_lampiran: 'the Renstra appendix',
  rkt: 'the RKT',
  iku: 'the IKU',
  pk: 'the PK',
  pk_perubahan: 'the PK Perubahan',
  measurement: 'the measurement table',
  comparison: 'the year-comparison table',
  renstra_end: 'the Renstra end-target table',
};

/**
 * Two printed targets state the same value when their numbers are equal (and the unit check below
 * tells percent from count); a grade printed with and without its number ("B" / "B (85)") is the
 * same grade. Not at the printed precision: a target is a figure the plan decides and each document
 * copies, not a measurement rounded for print, so "97%" where the other documents state "96,5%" is a
 * changed target (a Renstra series 96 / 96,5 / 97 shows such half steps are real), while a computed
 * capaian is compared at its printed precision (capaian, cross-table, restatement).
 */
function sameTarget(a: PrintedValue, b: PrintedValue): boolean {
  if (a.kind === 'grade' || b.kind === 'grade') return a.kind === b.kind && a.grade === b.grade;
  if (a.value === null || b.value === null) return a.value === b.value;
  return Math.abs(a.value - b.value) < 1e-9;
}
const isPct = (v: PrintedValue) => v.kind === 'percent';

/**
 * The same indicator and year must carry the same target everywhere it is stated. The majority
 * value is taken as expected (with no majority, a value stated for the year itself before one stated
 * only at the end of the plan, then the first printed); each statement that differs is one finding
 * listing where the other value stands. A PK Perubahan target that differs from the original PK is a documented revision
 * when the measurement table follows the revision; PK Perubahan then counts as the agreed target.
 */
const SAME_VALUE = criterion('nilai sama (angka dan satuan)', 'the same value (number and unit)');

export const targetDrift: Rule = {
  meta: {
    id: 'target-drift',
    category: 'target_drift',
    defaultSeverity: 'error',
    docs: {
      id: 'Target satu indikator untuk satu tahun yang sama harus sama di semua tempat: Renstra (Bab II dan lampiran), RKT, IKU, PK, PK Perubahan, dan tabel pengukuran. Nilai mayoritas dianggap yang diharapkan (tanpa mayoritas: target untuk tahun itu sendiri lebih dulu daripada kondisi akhir rencana); setiap pernyataan yang berbeda menjadi temuan dengan daftar tempat nilai lain. Satuan ikut dihitung: "93" dan "93%" berbeda (peringatan). Revisi yang terdokumentasi (PK awal berbeda dengan PK Perubahan, dan tabel pengukuran mengikuti PK Perubahan) tidak dilaporkan.',
      en: 'The target of one indicator for one year must be the same everywhere: Renstra (Bab II and appendix), RKT, IKU, PK, PK Perubahan and the measurement tables. The majority value is taken as expected (with no majority: the target stated for the year itself before the end-of-plan condition); each differing statement is a finding listing where the other value stands. Units count: "93" and "93%" differ (warning). A documented revision (original PK differs from PK Perubahan and the measurement table follows PK Perubahan) is not reported.',
    },
    messages: {
      narrative: {
        id: 'Uraian menyebut target "{{indicator}}" {{reported}}, sedangkan {{table}} mencantumkan target {{expected}}; keduanya harus sama (periksa mana yang benar).',
        en: 'The narrative gives the target of "{{indicator}}" as {{reported}}, but {{table}} lists the target as {{expected}}; the two must agree (check which is right).',
        severity: 'warning',
      },
      value: {
        id: 'Target {{year}} "{{indicator}}" di {{source}} tercatat {{reported}}, sedangkan {{expected}} tercantum di {{others}}.',
        en: 'The {{year}} target of "{{indicator}}" in {{sourceEn}} is {{reported}}, but {{expected}} in {{othersEn}}.',
      },
      unit: {
        id: 'Target {{year}} "{{indicator}}" di {{source}} ditulis {{reported}}, dengan satuan yang berbeda dari {{others}} ({{expected}}).',
        en: 'The {{year}} target of "{{indicator}}" in {{sourceEn}} is written {{reported}}, with a unit differing from {{othersEn}} ({{expected}}).',
        severity: 'warning',
      },
    },
  },
  check(ctx) {
    narrativeTargets(ctx);
    const inds = new Map(ctx.report.indicators.map((i) => [i.id, i]));
    const groups = new Map<string, TargetOf[]>();
    for (const t of targetReadings(ctx.report)) {
      if (t.value.value === null && t.value.kind !== 'grade') continue;
      const k = `${t.indicatorId}|${t.year}`;
      groups.set(k, [...(groups.get(k) ?? []), t]);
    }
    for (const stmts of groups.values()) {
      if (stmts.length < 2) continue;
      // documented revision: PK differs from PK Perubahan, the measurement follows PK Perubahan → drop original PK
      const perub = stmts.filter((s) => s.source === 'pk_perubahan');
      const meas = stmts.filter((s) => s.source === 'measurement');
      let use = stmts;
      if (perub.length > 0 && meas.length > 0 && meas.every((m) => sameTarget(m.value, perub[0]!.value))) {
        use = stmts.filter((s) => !(s.source === 'pk' && s.table.includes('Lampiran')));
      }
      // statements of the same value, each in the first group all of whose statements it agrees with
      const byVal: TargetOf[][] = [];
      for (const s of use) {
        const g = byVal.find((list) => list.every((o) => sameTarget(o.value, s.value)));
        if (g) g.push(s);
        else byVal.push([s]);
      }
      // no majority: the end-of-plan statement (a summary restating the plan's last year) is reported
      // against the year's own target; else the first printed is taken as expected
      const endOnly = (list: TargetOf[]) => (list.every((s) => s.source === 'renstra_end') ? 1 : 0);
      const ranked = byVal.sort((a, b) => b.length - a.length || endOnly(a) - endOnly(b) || a[0]!.value.src.line - b[0]!.value.src.line);
      const major = ranked[0]!;
      const ind = inds.get(stmts[0]!.indicatorId);
      const name = (ind?.name ?? '').slice(0, 90);
      const year = stmts[0]!.year;
      // the message names the places by their source and table number; their lines are the related places
      const place = (s: TargetOf, en: boolean) => {
        const src = (en ? SOURCE_LABEL_EN : SOURCE_LABEL)[s.source];
        const num = s.table.startsWith('Tabel ') ? ` ${s.table}` : '';
        return `${src}${num}`;
      };
      const where = (list: TargetOf[], en = false) => {
        const all = [...new Set(list.map((s) => place(s, en)))];
        // the message names at most six places; `related` keeps them all
        return all.length <= 6 ? all.join('; ') : `${all.slice(0, 6).join('; ')}; ${en ? 'and' : 'dan'} ${all.length - 6} ${en ? 'more' : 'lainnya'}`;
      };
      if (ranked.length > 1) {
        for (const list of ranked.slice(1)) {
          for (const s of list) {
            ctx.problem({
              messageId: 'value',
              data: { year, indicator: name, source: SOURCE_LABEL[s.source], sourceEn: SOURCE_LABEL_EN[s.source], reported: s.value, others: where(major), othersEn: where(major, true), expected: major[0]!.value },
              where: s.value.src,
              reported: s.value,
              expected: expectPrinted(major[0]!.value),
              tolerance: SAME_VALUE,
              related: major.map((m) => ({ ...m.value.src, note: `${SOURCE_LABEL[m.source]}: ${m.value.raw}` })),
            });
          }
        }
      }
      // units within the majority value: 93 vs 93%
      const pctCount = major.filter((s) => isPct(s.value)).length;
      if (pctCount > 0 && pctCount < major.length) {
        const majorityPct = pctCount * 2 >= major.length;
        const odd = major.filter((s) => isPct(s.value) !== majorityPct);
        const rest = major.filter((s) => isPct(s.value) === majorityPct);
        for (const s of odd) {
          ctx.problem({
            messageId: 'unit',
            data: { year, indicator: name, source: SOURCE_LABEL[s.source], sourceEn: SOURCE_LABEL_EN[s.source], reported: s.value, others: where(rest), othersEn: where(rest, true), expected: rest[0]!.value },
            where: s.value.src,
            reported: s.value,
            expected: expectPrinted(rest[0]!.value),
            tolerance: SAME_VALUE,
            related: rest.map((m) => ({ ...m.value.src, note: `${SOURCE_LABEL[m.source]}: ${m.value.raw}` })),
          });
        }
      }
    }
  },
};

/** "… dari target 9,5/1.000 KH …", "target sebesar 85%": a number the sentence calls the target. */
const NARRATIVE_TARGET_RE = /\btarget(?:nya)?\s+(?:capai(?:an|n)?\s+|kinerja\s+)?(?:sebesar\s+|adalah\s+|yaitu\s+|yang\s+ditetapkan\s+)?(\d[\d.,]*\s*%?)/gi;

/**
 * Narrative restatements of a target: a sentence that names exactly one indicator row of a table
 * (by the words of its name) and calls a number its target must give that row's target, at the
 * precision printed. Stated on another scale ("162/100.000" beside a table's 0,16) it is not compared.
 */
function narrativeTargets(ctx: RuleContext): void {
  const { report } = ctx;
  const year = report.meta.year;
  const rows: Fact[] = [];
  for (const row of factsByRow(report.facts).values()) {
    const ts = row.filter((f) => f.measure === 'target' && f.rowKind === 'item' && f.basis !== 'renstra_end' && f.value.value !== null);
    const t = ts.length === 1 ? ts[0]! : ts.find((f) => f.year !== null && f.year === year) ?? null;
    if (t && t.subject.kind === 'indicator') rows.push(t);
  }
  if (rows.length === 0) return;
  for (const p of proseLines(report)) {
    if (!/\btarget/i.test(p.text)) continue;
    for (const s of sentences(p.text)) {
      // a unit after the name ("per 1.000KH") is not part of it
      const row = bestMatch(rows, (f) => f.subject.name.replace(/\s+per\s+[\d.,]+\s*\S*\s*$/i, ''), s.text, 0.8);
      if (!row || row.value.value === null) continue;
      for (const m of s.text.matchAll(NARRATIVE_TARGET_RE)) {
        const raw = m[1]!.trim();
        const v = parseValue(raw, refOf(report, p.line), row.value.kind === 'percent' ? 'percent' : 'any');
        if (v.value === null || v.value === 0) continue;
        if (!sameScale(v.value, row.value.value)) continue; // another scale or unit: not a restatement
        const { same, decimals: d } = compareAtPrinted(v, row.value);
        if (same) continue; // the same number at the printed precision of both
        ctx.problem({
          messageId: 'narrative',
          data: { indicator: row.subject.name.slice(0, 90), reported: raw, table: row.src.table ?? 'tabel', expected: row.value.raw },
          where: refOf(report, p.line),
          reported: raw,
          expected: expectPrinted(row.value),
          tolerance: precision(d),
          related: [{ ...row.src, note: `target ${row.value.raw}` }],
        });
      }
    }
  }
}
