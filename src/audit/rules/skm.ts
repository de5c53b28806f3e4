import type { Table, TableRow } from '../../model/report.js';
import type { Quantity } from '../../model/finding.js';
import type { Rule } from '../../model/rule.js';
import { formatNumber } from '../format.js';
import type { SourceRef } from '../../model/values.js';
import { formatId, parseValue } from '../../parse/numbers.js';
import { SECTION_LABEL, tableLabel } from '../../parse/structure.js';
import { consistentAtPrinted, criterion, expectQuantity, expectText, num, precision } from '../tolerance.js';

/** Answer categories of the survey, worst first. */
const CATS = [
  { key: 'tidak baik', label: 'Tidak Baik' },
  { key: 'kurang baik', label: 'Kurang Baik' },
  { key: 'baik', label: 'Baik' },
  { key: 'sangat baik', label: 'Sangat Baik' },
] as const;

/** Scoring formulas tried, in order: the one that reproduces most rows is taken as the table's. */
const FORMULAS: { name: string; nameEn: string; weights: [number, number, number, number] }[] = [
  { name: 'Σ (persentase × bobot) dengan bobot Tidak Baik 25, Kurang Baik 50, Baik 75, Sangat Baik 100', nameEn: 'Σ (share × weight) with weights Tidak Baik 25, Kurang Baik 50, Baik 75, Sangat Baik 100', weights: [25, 50, 75, 100] },
  { name: 'Σ (persentase × bobot) dengan bobot Tidak Baik 1, Kurang Baik 2, Baik 3, Sangat Baik 4', nameEn: 'Σ (share × weight) with weights Tidak Baik 1, Kurang Baik 2, Baik 3, Sangat Baik 4', weights: [1, 2, 3, 4] },
];

/**
 * Fallback bands when the report states none: PermenPANRB 14/2017 (converted value 25–100):
 * 25,00–64,99 D Tidak Baik; 65,00–76,60 C Kurang Baik; 76,61–88,30 B Baik; 88,31–100 A Sangat Baik.
 * Used only to decide between rows that contradict each other inside the table.
 */
const STANDARD = [
  { min: 88.31, rank: 3 },
  { min: 76.61, rank: 2 },
  { min: 65, rank: 1 },
  { min: -Infinity, rank: 0 },
];
const standardRank = (v: number) => STANDARD.find((b) => v >= b.min)!.rank;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
function rankOf(label: string): number | null {
  const n = norm(label);
  const i = CATS.findIndex((c) => c.key === n);
  return i < 0 ? null : i;
}
const rowNo = (r: TableRow) => {
  const m = /^\s*(\d{1,2})\.?\s*$/.exec(r.cells[0] ?? '');
  return m ? Number(m[1]) : null;
};
const rowName = (r: TableRow) => (r.cells[1] ?? '').replace(/\s+/g, ' ').trim().slice(0, 70);

interface ScoreRow {
  row: TableRow;
  score: number;
  raw: string;
  decimals: number;
  label: string;
  rank: number | null;
  isAverage: boolean;
}

/**
 * Survey (SKM/IKM) tables: each unsur's answer distribution sums to 100%; each score follows the
 * one formula the table itself uses (found by trying the usual ones); the average row is the mean
 * of the unsur scores; and a predikat may not contradict the table's own ordering (a lower score
 * cannot get a better predikat than a higher score). Where rows contradict each other, the
 * PermenPANRB 14/2017 bands decide which of them is the odd one.
 */
export const skm: Rule = {
  meta: {
    id: 'skm',
    category: 'predicate_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Tabel Survei Kepuasan Masyarakat (SKM): sebaran jawaban setiap unsur (Tidak Baik, Kurang Baik, Baik, Sangat Baik) berjumlah 100% (toleransi dari konfigurasi); skor setiap unsur mengikuti satu rumus yang dipakai tabel itu sendiri (dicari dari rumus lazim, mis. bobot 25/50/75/100: skor = Σ persentase × bobot; dipakai bila mereproduksi mayoritas baris); baris rata-rata sama dengan rata-rata skor unsur; dan predikat tidak boleh bertentangan dengan urutan skor dalam tabel (skor lebih rendah tidak boleh berpredikat lebih baik daripada skor lebih tinggi). Bila baris saling bertentangan, pita PermenPANRB 14/2017 (25–64,99 Tidak Baik, 65–76,60 Kurang Baik, 76,61–88,30 Baik, 88,31–100 Sangat Baik) menentukan baris mana yang menyimpang.',
      en: 'Public satisfaction survey (SKM) tables: each unsur’s answer distribution (Tidak Baik, Kurang Baik, Baik, Sangat Baik) sums to 100% (tolerance from the configuration); each unsur’s score follows the one formula the table itself uses (found among the usual ones, e.g. weights 25/50/75/100: score = Σ share × weight; used when it reproduces most rows); the average row equals the mean of the unsur scores; and a predikat may not contradict the table’s own ordering (a lower score cannot carry a better predikat than a higher one). Where rows contradict each other, the PermenPANRB 14/2017 bands (25–64.99 Tidak Baik, 65–76.60 Kurang Baik, 76.61–88.30 Baik, 88.31–100 Sangat Baik) decide which row is the odd one.',
    },
    messages: {
      distribution: {
        id: 'Sebaran jawaban unsur "{{unsur}}" berjumlah {{reported}}, bukan 100% ({{parts}}).',
        en: 'The answer distribution of unsur "{{unsur}}" adds up to {{reported}}, not 100% ({{parts}}).',
        category: 'sum_mismatch',
      },
      score: {
        id: 'Skor unsur "{{unsur}}" tercatat {{reported}}, sedangkan menurut rumus yang dipakai tabel ini ({{formula}}; cocok untuk {{fit}} unsur) dari sebarannya ({{parts}}) skornya {{expected}}.',
        en: 'The score of unsur "{{unsur}}" is {{reported}}, but by the formula this table uses ({{formulaEn}}; fits {{fitEn}} unsur) its distribution ({{parts}}) gives {{expected}}.',
        category: 'average_mismatch',
      },
      average: {
        id: 'Rata-rata unsur pelayanan tercatat {{reported}}, sedangkan rata-rata {{n}} skor unsur adalah {{expected}}.',
        en: 'The average of the unsur is printed {{reported}}, but the mean of the {{n}} unsur scores is {{expected}}.',
        category: 'average_mismatch',
      },
      predikat: {
        id: 'Unsur "{{unsur}}" dengan skor {{score}} diberi predikat "{{reported}}", padahal dalam tabel yang sama {{evidence}}; predikat yang konsisten: {{expected}} (pita PermenPANRB 14/2017: {{standard}}).',
        en: 'Unsur "{{unsur}}" with score {{score}} is given predikat "{{reported}}", but in the same table {{evidenceEn}}; a consistent predikat: {{expectedEn}} (PermenPANRB 14/2017 bands: {{standard}}).',
      },
    },
  },
  check(ctx) {
    const { report, config } = ctx;
    const tol = config.tolerances.shareSumPoints;
    const ref = (t: Table, r: TableRow, column: string): SourceRef => ({
      file: report.file,
      page: r.page,
      line: r.line,
      section: SECTION_LABEL[t.section],
      table: tableLabel(t),
      row: rowName(r) || (r.cells[0] ?? ''),
      column,
    });
    const dists = report.tables.filter((t) => t.kind === 'skm_distribution');
    const scores = report.tables.filter((t) => t.kind === 'skm_score');

    // ---- distributions
    const distRows = new Map<Table, Map<number, { shares: number[]; row: TableRow }>>();
    for (const t of dists) {
      const idx = CATS.map((c) => t.columns.findIndex((col) => norm(col) === c.key));
      if (idx.some((i) => i < 0)) continue;
      const byNo = new Map<number, { shares: number[]; row: TableRow }>();
      for (const r of t.rows) {
        const no = rowNo(r);
        if (no === null) continue;
        const vals = idx.map((i) => parseValue(r.cells[i] ?? '', ref(t, r, t.columns[i]!), 'percent'));
        if (vals.some((v) => v.value === null)) continue;
        const shares = vals.map((v) => v.value!);
        byNo.set(no, { shares, row: r });
        const sum = shares.reduce((a, b) => a + b, 0);
        if (Math.abs(sum - 100) <= tol + 1e-9) continue;
        const parts = CATS.map((c, i) => `${c.label} ${vals[i]!.raw}`).join(', ');
        const totalCol = t.columns.findIndex((c) => /total|jumlah/i.test(c));
        ctx.problem({
          messageId: 'distribution',
          data: { unsur: rowName(r), reported: percent1(sum), parts },
          where: { ...ref(t, r, totalCol >= 0 ? t.columns[totalCol]! : 'Total'), ...(totalCol >= 0 && (r.cells[totalCol] ?? '').trim() ? { col: totalCol } : {}) },
          reported: formatId(sum, 1) + '%',
          expected: expectQuantity({ value: 100, unit: 'percent', decimals: 0 }),
          tolerance: criterion(`±${formatId(tol, 1)} poin persen`, `±${formatNumber(tol, 1, 'en')} percentage points`),
        });
      }
      distRows.set(t, byNo);
    }

    // ---- scores, averages, predikat
    for (const s of scores) {
      const scoreCol = s.columns.findIndex((c) => /skor|nilai/i.test(c));
      const predCol = s.columns.findIndex((c) => /predikat|kategori|mutu/i.test(c));
      if (scoreCol < 0) continue;
      const rows: ScoreRow[] = [];
      for (const r of s.rows) {
        const isAverage = /rata[\s-]*rata|\brerata\b|\baverage\b/i.test(r.cells.slice(0, 2).join(' '));
        const v = parseValue(r.cells[scoreCol] ?? '', ref(s, r, s.columns[scoreCol]!), 'any');
        if (v.value === null || (v.kind !== 'number' && v.kind !== 'percent')) continue;
        const label = predCol >= 0 ? (r.cells[predCol] ?? '').trim() : '';
        rows.push({ row: r, score: v.value, raw: v.raw, decimals: v.decimals, label, rank: label ? rankOf(label) : null, isAverage });
      }
      const unsur = rows.filter((r) => !r.isAverage);
      if (unsur.length === 0) continue;

      // the distribution table this score table belongs to: the nearest one before it
      const dist = dists.filter((d) => d.startLine < s.startLine && distRows.has(d)).sort((a, b) => b.startLine - a.startLine)[0];
      const byNo = dist ? distRows.get(dist)! : undefined;
      if (dist && byNo && byNo.size > 0) {
        const linked = unsur.map((u) => ({ u, d: rowNo(u.row) !== null ? byNo.get(rowNo(u.row)!) : undefined })).filter((x): x is { u: ScoreRow; d: { shares: number[]; row: TableRow } } => !!x.d);
        let best: { f: (typeof FORMULAS)[number]; fit: number } | null = null;
        for (const f of FORMULAS) {
          const fit = linked.filter(({ u, d }) => consistentAtPrinted(score(d.shares, f.weights), u.score, u.decimals)).length;
          if (!best || fit > best.fit) best = { f, fit };
        }
        if (best && linked.length >= 3 && best.fit >= Math.ceil(linked.length * 0.6)) {
          for (const { u, d } of linked) {
            const exp = score(d.shares, best.f.weights);
            if (consistentAtPrinted(exp, u.score, u.decimals)) continue;
            const parts = CATS.map((c, i) => `${c.label} ${formatId(d.shares[i]!, 0)}%`).join(', ');
            const expected = num(exp, scoreDecimals(exp, u.decimals));
            ctx.problem({
              messageId: 'score',
              data: { unsur: rowName(u.row), reported: u.raw, formula: best.f.name, formulaEn: best.f.nameEn, fit: `${best.fit} dari ${linked.length}`, fitEn: `${best.fit} of ${linked.length}`, parts, expected },
              where: { ...ref(s, u.row, s.columns[scoreCol]!), col: scoreCol },
              reported: u.raw,
              expected: expectQuantity(expected),
              tolerance: precision(u.decimals),
              related: [{ ...ref(dist, d.row, 'sebaran'), note: parts }],
            });
          }
        }
      }

      // average row
      const avg = rows.find((r) => r.isAverage);
      if (avg) {
        const mean = unsur.reduce((a, u) => a + u.score, 0) / unsur.length;
        if (!consistentAtPrinted(mean, avg.score, avg.decimals)) {
          const expected = num(mean, Math.max(2, avg.decimals + 1));
          ctx.problem({
            messageId: 'average',
            data: { reported: avg.raw, n: unsur.length, expected },
            where: { ...ref(s, avg.row, s.columns[scoreCol]!), col: scoreCol },
            reported: avg.raw,
            expected: expectQuantity(expected),
            tolerance: precision(avg.decimals),
            related: unsur.map((u) => ({ ...ref(s, u.row, s.columns[scoreCol]!), note: u.raw })),
          });
        }
      }

      // predikat: no lower score may carry a better predikat than a higher score
      if (predCol < 0) continue;
      const pts = rows.filter((r) => r.rank !== null);
      const flagged = new Set<ScoreRow>();
      const conflicts = (a: ScoreRow, b: ScoreRow) => (a.score < b.score && a.rank! > b.rank!) || (b.score < a.score && b.rank! > a.rank!);
      for (let guard = 0; guard < pts.length; guard++) {
        const live = pts.filter((p) => !flagged.has(p));
        const count = new Map(live.map((p) => [p, live.filter((q) => q !== p && conflicts(p, q)).length]));
        const max = Math.max(0, ...count.values());
        if (max === 0) break;
        const top = live.filter((p) => count.get(p) === max && !p.isAverage);
        if (top.length === 0) break;
        const off = top.filter((p) => standardRank(p.score) !== p.rank);
        if (top.length === 1 || off.length === top.length) top.forEach((p) => flagged.add(p));
        else if (off.length >= 1) off.forEach((p) => flagged.add(p));
        else break; // the contradiction cannot be pinned on one row
      }
      const kept = pts.filter((p) => !flagged.has(p));
      for (const p of [...flagged].sort((a, b) => a.row.line - b.row.line)) {
        const lower = kept.filter((q) => q.score < p.score);
        const higher = kept.filter((q) => q.score > p.score);
        const lo = Math.max(0, ...lower.map((q) => q.rank!));
        const hi = Math.min(3, ...higher.map((q) => q.rank!));
        const against = p.rank! > hi ? higher.filter((q) => q.rank === hi) : lower.filter((q) => q.rank === lo);
        const rangeScores = against.map((q) => q.score);
        const span = rangeScores.length > 1 ? `${formatId(Math.min(...rangeScores), 1).replace(/,0$/, '')}–${formatId(Math.max(...rangeScores), 1).replace(/,0$/, '')}` : formatId(rangeScores[0] ?? 0, 1).replace(/,0$/, '');
        const otherLabel = CATS[p.rank! > hi ? hi : lo]!.label;
        const evidence = p.rank! > hi ? `skor yang lebih tinggi (${span}) diberi predikat "${otherLabel}"` : `skor yang lebih rendah (${span}) diberi predikat "${otherLabel}"`;
        const evidenceEn = p.rank! > hi ? `higher scores (${span}) are called "${otherLabel}"` : `lower scores (${span}) are called "${otherLabel}"`;
        const expected = lo === hi ? CATS[lo]!.label : p.rank! > hi ? `paling tinggi "${CATS[hi]!.label}"` : `paling rendah "${CATS[lo]!.label}"`;
        const expectedEn = lo === hi ? CATS[lo]!.label : p.rank! > hi ? `at most "${CATS[hi]!.label}"` : `at least "${CATS[lo]!.label}"`;
        ctx.problem({
          messageId: 'predikat',
          data: { unsur: rowName(p.row), score: p.raw, reported: p.label, evidence, evidenceEn, expected, expectedEn, standard: CATS[standardRank(p.score)]!.label },
          where: { ...ref(s, p.row, s.columns[predCol]!), col: predCol },
          reported: `${p.raw} ${p.label}`,
          expected: expectText(expected, expectedEn),
          tolerance: criterion('urutan predikat mengikuti urutan skor', 'the predicates follow the order of the scores'),
          related: against.map((q) => ({ ...ref(s, q.row, s.columns[predCol]!), note: `${q.raw} ${q.label}` })),
        });
      }
    }
  },
};

function score(shares: number[], w: readonly number[]): number {
  return shares.reduce((a, v, i) => a + (v / 100) * w[i]!, 0);
}

/** A recomputed score at the printed precision, or more when needed to show it: 40 → "40", 67,5 → "67,5". */
/** The fewest decimals (from the printed ones, up to 4) that show a recomputed score exactly, else two more than printed. */
function scoreDecimals(v: number, printedDecimals: number): number {
  for (let d = printedDecimals; d <= 4; d++) if (Math.abs(Number(v.toFixed(d)) - v) < 1e-9) return d;
  return Math.max(2, printedDecimals);
}

const percent1 = (v: number): Quantity => ({ value: v, unit: 'percent', decimals: 1 });
