/**
 * A batch's findings → one self-contained HTML page a reviewer (APIP / Inspektorat) can read and
 * print. Pure (no Node APIs, no scripts, no external assets) and deterministic (no timestamps).
 *
 * Layout:
 *   1. Summary: counts; against a baseline (`--baseline`), per report what was fixed, what remains
 *      and what is new ("hasil perbaikan"); the ranking of reports by errors, then warnings (which
 *      report needs attention first); per rule across the batch, in how many reports and how often
 *      (systemic mistakes on top); then the files that could not be audited.
 *   2. Per report, its findings grouped by table (in the order the tables appear). Each finding is
 *      written in the APIP shape: kondisi (what the report prints, quoting the printed row),
 *      kriteria (what it should be: expected value and the rule's explanation; for two places that
 *      print different values, both values and both places and the question which is right), akibat
 *      (why it matters), and empty sebab / rekomendasi for the reviewer to fill in.
 */
import type { RuleMeta } from '../model/rule.js';
import type { Category, Finding, Severity } from '../model/finding.js';
import type { Lang } from './csv.js';
import { baselineCounts } from './baseline.js';
import type { FileResult } from './json.js';
import { formatExpected, formatTolerance } from './format.js';
import { COMPARES_TWO, SEVERITY, tableName, whereParts } from './wording.js';

export interface HtmlFileResult extends FileResult {
  /** Printed text of the lines findings point at, by line number (from the batch worker). */
  lines?: Record<string, string>;
  /** What the report is about as read from it (agency and year), shown next to the file name. */
  title?: string;
}

export interface HtmlOptions {
  /** The rules' metadata (for each rule's explanation): the caller's registry, so reporters never import rules. */
  rules?: readonly RuleMeta[];
  lang?: Lang;
  title?: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const AKIBAT: Record<Category, { id: string; en: string }> = {
  sum_mismatch: {
    id: 'Jumlah yang disajikan tidak dapat ditelusuri ke rinciannya; angka anggaran dalam LKIP tidak andal dan dapat menyesatkan pengguna laporan.',
    en: 'The total cannot be traced to its parts; the budget figures of the report are unreliable and may mislead its readers.',
  },
  percentage_mismatch: {
    id: 'Persentase serapan yang dilaporkan tidak sesuai dengan realisasi dan pagunya; penilaian efisiensi anggaran dapat keliru.',
    en: 'The reported absorption does not follow from realisation and budget; the efficiency assessment may be wrong.',
  },
  capaian_mismatch: {
    id: 'Capaian kinerja yang dilaporkan tidak sesuai dengan target dan realisasinya; penilaian kinerja dan predikat dapat keliru.',
    en: 'The reported achievement does not follow from target and realisation; the performance rating may be wrong.',
  },
  average_mismatch: {
    id: 'Capaian rata-rata tidak dapat dihasilkan ulang dari angka laporan; kesimpulan kinerja instansi tidak dapat diandalkan.',
    en: 'The average cannot be reproduced from the report’s own figures; the overall conclusion is unreliable.',
  },
  predicate_mismatch: {
    id: 'Predikat yang dinyatakan tidak sesuai dengan skala yang ditetapkan laporan; penilaian kinerja dapat menyesatkan.',
    en: 'The stated predicate does not match the report’s own scale; the performance rating may mislead.',
  },
  target_drift: {
    id: 'Target indikator yang sama berbeda antardokumen (Renstra, RKT, PK, PK Perubahan, tabel pengukuran); capaian dapat diukur terhadap target yang tidak disepakati.',
    en: 'The same indicator has different targets across documents; achievement may be measured against a target that was not agreed.',
  },
  cross_table_mismatch: {
    id: 'Nilai yang sama disajikan berbeda di beberapa tabel; pengguna laporan tidak dapat mengetahui angka yang benar.',
    en: 'The same value differs between tables; readers cannot tell which figure is right.',
  },
  count_claim_mismatch: {
    id: 'Uraian naratif tidak sesuai dengan data tabel; kesimpulan laporan dapat menyesatkan.',
    en: 'The narrative contradicts the tables; the report’s conclusions may mislead.',
  },
  narrative_number_mismatch: {
    id: 'Angka dalam uraian naratif tidak sesuai dengan data tabel; kesimpulan laporan dapat menyesatkan.',
    en: 'A number in the narrative contradicts the tables; the report’s conclusions may mislead.',
  },
  trend_claim_mismatch: {
    id: 'Klaim tren dalam narasi tidak didukung data; analisis kinerja dapat menyesatkan.',
    en: 'The trend claimed in the narrative is not supported by the data; the analysis may mislead.',
  },
  terbilang_mismatch: {
    id: 'Terbilang tidak sesuai dengan angkanya; nilai yang sah menjadi tidak jelas.',
    en: 'The amount in words differs from the digits; the valid amount is unclear.',
  },
  year_or_date_mismatch: {
    id: 'Tahun atau tanggal tidak konsisten; periode pelaporan dan keabsahan dokumen dipertanyakan.',
    en: 'Years or dates are inconsistent; the reporting period and the document’s validity are in question.',
  },
  name_or_id_mismatch: {
    id: 'Nama atau NIP penanda tangan tidak konsisten; pertanggungjawaban laporan dipertanyakan.',
    en: 'Signatory names or NIPs are inconsistent; accountability for the report is in question.',
  },
  reference_mismatch: {
    id: 'Rujukan dokumen (nomor keputusan) tidak konsisten; dasar penetapan indikator tidak dapat dipastikan.',
    en: 'Document references (decree numbers) are inconsistent; the basis of the indicators cannot be confirmed.',
  },
  missing_value: {
    id: 'Nilai yang seharusnya disajikan tidak ada; informasi kinerja tidak lengkap.',
    en: 'A value that should be reported is missing; the performance information is incomplete.',
  },
  unreadable_value: {
    id: 'Nilai atau berkas tidak dapat dibaca; bagian ini belum teruji dan perlu diperiksa secara manual.',
    en: 'A value or file could not be read; this part is untested and needs a manual check.',
  },
  structure_missing: {
    id: 'Bagian laporan tidak dapat diuji secara otomatis; perlu diperiksa secara manual.',
    en: 'This part of the report could not be checked automatically; it needs a manual check.',
  },
};

const T = {
  id: {
    title: 'Hasil audit konsistensi LKIP',
    files: 'berkas',
    audited: 'diaudit',
    failed: 'tidak dapat diaudit',
    errors: 'kesalahan',
    warnings: 'peringatan',
    infos: 'catatan',
    ranking: 'Peringkat laporan (yang perlu diperiksa lebih dahulu di atas)',
    rank: 'No.',
    report: 'Laporan',
    total: 'Jumlah temuan',
    failedTitle: 'Berkas yang tidak dapat diaudit',
    reason: 'Alasan',
    noFindings: 'Tidak ada temuan.',
    outsideTable: 'Di luar tabel (narasi)',
    printed: 'Tertulis',
    recomputed: 'Hasil hitung ulang',
    expected: 'Seharusnya',
    here: 'Di sini tertulis',
    elsewhere: 'Di tempat lain tertulis',
    whichIsRight: 'Mana yang benar? Alat ini hanya tahu bahwa keduanya berbeda.',
    tolerance: 'cara membandingkan',
    related: 'Tempat terkait',
    reviewer: '(diisi peninjau)',
    quote: 'Baris yang tercetak',
    noQuote: 'teks baris tidak tersedia',
    review: 'Hasil perbaikan (dibandingkan dengan audit sebelumnya)',
    fixed: 'sudah diperbaiki',
    remaining: 'masih ada',
    updatedOf: 'di antaranya nilainya berubah',
    fresh: 'baru',
    state: { new: 'baru', unchanged: 'masih ada', updated: 'masih ada, nilai berubah', absent: 'sudah diperbaiki' },
    earlier: 'tempat pada versi sebelumnya',
    byRule: 'Temuan per aturan di seluruh batch (kesalahan yang sistemik di atas)',
    rule: 'Aturan',
    category: 'Jenis',
    reports: 'Laporan',
  },
  en: {
    title: 'LKIP consistency audit results',
    files: 'files',
    audited: 'audited',
    failed: 'could not be audited',
    errors: 'errors',
    warnings: 'warnings',
    infos: 'notes',
    ranking: 'Reports ranked (those needing attention first on top)',
    rank: 'No.',
    report: 'Report',
    total: 'Findings',
    failedTitle: 'Files that could not be audited',
    reason: 'Reason',
    noFindings: 'No findings.',
    outsideTable: 'Outside tables (narrative)',
    printed: 'Printed',
    recomputed: 'Recomputed',
    expected: 'Expected',
    here: 'Printed here',
    elsewhere: 'Printed elsewhere',
    whichIsRight: 'Which is right? The tool only knows that the two differ.',
    tolerance: 'how compared',
    related: 'Related places',
    reviewer: '(for the reviewer)',
    quote: 'The printed row',
    noQuote: 'line text not available',
    review: 'Review results (against the previous audit)',
    fixed: 'fixed',
    remaining: 'remaining',
    updatedOf: 'of which with other values',
    fresh: 'new',
    state: { new: 'new', unchanged: 'remaining', updated: 'remaining, values changed', absent: 'fixed' },
    earlier: 'place in the earlier version',
    byRule: 'Findings per rule across the batch (systemic mistakes on top)',
    rule: 'Rule',
    category: 'Kind',
    reports: 'Reports',
  },
} as const;

/** APIP finding elements; the English gloss is added when the report is in English. */
const APIP = {
  kondisi: 'Kondisi',
  kriteria: 'Kriteria',
  akibat: 'Akibat',
  sebab: 'Sebab',
  rekomendasi: 'Rekomendasi',
} as const;
const APIP_EN = { kondisi: 'condition', kriteria: 'criteria', akibat: 'effect', sebab: 'cause', rekomendasi: 'recommendation' } as const;

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}h3{font-size:1.05rem;margin:1.4rem 0 .4rem;color:#333}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.totals{display:flex;gap:1.5rem;flex-wrap:wrap;margin:.5rem 0 1rem}.totals span{font-weight:600}
.finding{border:1px solid #ddd;border-left:5px solid #999;border-radius:4px;padding:.6rem .9rem;margin:.7rem 0;break-inside:avoid}
.finding.sev-error{border-left-color:#c62828}.finding.sev-warning{border-left-color:#ef8f00}.finding.sev-info{border-left-color:#1565c0}
.badge{display:inline-block;font-size:.75rem;font-weight:700;padding:.05rem .4rem;border-radius:3px;color:#fff;background:#777;text-transform:uppercase}
.badge.state{background:#555}.badge.state-new{background:#6a1b9a}.badge.state-absent{background:#2e7d32}.finding.state-absent{opacity:.75}
.badge.error{background:#c62828}.badge.warning{background:#b36b00}.badge.info{background:#1565c0}
.where{color:#555;font-size:.9rem}
dl.apip{display:grid;grid-template-columns:9rem 1fr;gap:.3rem .8rem;margin:.5rem 0 0}dl.apip dt{font-weight:700}dl.apip dd{margin:0}
.evidence{margin:.35rem 0;overflow-x:auto}.evidence table{font-size:.85rem}.evidence td{border-color:#bbb;background:#fafafa;white-space:pre-wrap}
.evidence .ln{font-size:.8rem;color:#666}.evidence td.hit{background:#ffe9a8;font-weight:700}
.value{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:700}
.todo{color:#888;font-style:italic}
.docs{color:#444;font-size:.9rem}
details{margin-top:.4rem}summary{cursor:pointer;color:#444}
@media print{body{margin:0;max-width:none}.finding{page-break-inside:avoid}}
`;

interface Counts {
  error: number;
  warning: number;
  info: number;
}

function counts(findings: readonly Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.baseline !== 'absent') c[f.severity]++;
  return c;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Reports that need attention first: most errors, then most warnings, then most info, then by name. */
export function rankResults<R extends FileResult>(results: readonly R[]): R[] {
  const audited = results.filter((r) => !r.error);
  const c = new Map(audited.map((r) => [r, counts(r.findings)]));
  return [...audited].sort((a, b) => {
    const x = c.get(a)!;
    const y = c.get(b)!;
    return y.error - x.error || y.warning - x.warning || y.info - x.info || byCode(a.file, b.file);
  });
}

function anchor(i: number): string {
  return `r-${i + 1}`;
}

/** Page, section or table, row and column as printed (src/report/wording.ts); never the tool's line count. */
function whereText(ref: Finding['where'], lang: Lang): string {
  return whereParts(ref, lang).map(esc).join(' · ');
}

/** Categories whose `expected` is a recomputation from the report's own numbers. */
const RECOMPUTED = new Set<Category>(['sum_mismatch', 'percentage_mismatch', 'capaian_mismatch', 'average_mismatch', 'count_claim_mismatch', 'narrative_number_mismatch', 'terbilang_mismatch']);

/** Normalise a cell or value for matching the reported value inside the printed row. */
const norm = (s: string) => s.replace(/<[^>]+>/g, '').replace(/\s+/g, '').toLowerCase();

/** The printed row, its cell marked: the finding's own cell (`col`) when parse named it, else the cell printing the value. */
function quoteRow(text: string | undefined, reported: string, col: number | undefined, t: (typeof T)[Lang]): string {
  if (text === undefined) return `<div class="evidence"><span class="ln">${t.quote}: ${t.noQuote}</span></div>`;
  const cells = text.split('\t');
  const want = norm(reported);
  const byText = (c: string) => want !== '' && norm(c) !== '' && (norm(c) === want || (want.length >= 3 && norm(c).includes(want)));
  // the cell the finding names by index; only a finding without one is matched by its printed text
  const hit = (c: string, i: number) => (col !== undefined ? i === col && c.trim() !== '' : byText(c));
  const tds = cells.map((c, i) => `<td${hit(c, i) ? ' class="hit"' : ''}>${esc(c.trim())}</td>`).join('');
  return `<div class="evidence" title="${t.quote}"><span class="ln">${t.quote}:</span><table><tr>${tds}</tr></table></div>`;
}

function renderFinding(f: Finding, r: HtmlFileResult, lang: Lang, docs: Map<string, { id: string; en: string }>): string {
  const t = T[lang];
  const label = (k: keyof typeof APIP) => (lang === 'en' ? `${APIP[k]} <span class="docs">(${APIP_EN[k]})</span>` : APIP[k]);
  const msg = lang === 'en' ? f.message.en : f.message.id;
  const expectedText = formatExpected(f.expected, lang);
  const toleranceText = formatTolerance(f.tolerance, lang);
  const two = COMPARES_TWO.has(f.category) && (f.related.length > 0 || expectedText !== '');
  const ruleDocs = docs.get(f.ruleId);
  const akibat = AKIBAT[f.category];
  const kondisi = [
    `<div class="msg">${esc(msg)}</div>`,
    f.where.line > 0 && f.baseline !== 'absent' ? quoteRow(r.lines?.[String(f.where.line)], f.reported, f.where.col, t) : '',
    f.reported ? `<div>${two ? t.here : t.printed}: <span class="value reported">${esc(f.reported)}</span></div>` : '',
  ].join('');
  const others = f.related.filter((x) => x.file !== f.where.file || x.line !== f.where.line);
  const expected = two
    ? [
        ...(others.length
          ? others.slice(0, 6).map((x) => `<div>${t.elsewhere}: <span class="value expected">${esc(x.note || expectedText)}</span> <span class="where">${whereText(x, lang)}</span></div>`)
          : [`<div>${t.elsewhere}: <span class="value expected">${esc(expectedText)}</span></div>`]),
        `<div class="which">${t.whichIsRight}</div>`,
      ].join('')
    : expectedText
      ? `<div>${RECOMPUTED.has(f.category) ? t.recomputed : t.expected}: <span class="value expected">${esc(expectedText)}</span></div>`
      : '';
  const kriteria = [
    expected,
    ruleDocs ? `<div class="docs rule-docs">${esc(lang === 'en' ? ruleDocs.en : ruleDocs.id)}</div>` : '',
    toleranceText ? `<details class="tolerance"><summary>${t.tolerance}</summary><span class="docs">${esc(toleranceText)}</span></details>` : '',
  ].join('');
  const related = f.related.length
    ? `<details><summary>${t.related} (${f.related.length})</summary><ul>${f.related
        .slice(0, 50)
        .map((x) => {
          const text = x.file === r.file && x.line > 0 ? r.lines?.[String(x.line)] : undefined;
          const where = [x.file !== r.file ? esc(x.file) : '', whereText(x, lang)].filter(Boolean).join(' · ');
          return `<li>${where}${x.note ? ` — ${esc(x.note)}` : ''}${text !== undefined ? `<br><code>${esc(text.replace(/\t/g, ' │ '))}</code>` : ''}</li>`;
        })
        .join('')}${f.related.length > 50 ? '<li>…</li>' : ''}</ul></details>`
    : '';
  const state = f.baseline ? ` <span class="badge state state-${f.baseline}">${esc(t.state[f.baseline])}</span>` : '';
  const earlier = f.baseline === 'absent' && f.where.file !== r.file ? `${esc(f.where.file)} · ${t.earlier}: ` : '';
  return `<article class="finding sev-${f.severity}${f.baseline ? ` state-${f.baseline}` : ''}" data-rule="${esc(f.ruleId)}" data-line="${f.where.line}"${f.baseline ? ` data-baseline="${f.baseline}"` : ''}>
<div><span class="badge ${f.severity}">${esc(sevLabel(f.severity, lang))}</span>${state} <strong>${esc(f.ruleId)}</strong> <span class="where">${earlier}${whereText(f.where, lang)}</span></div>
<dl class="apip">
<dt>${label('kondisi')}</dt><dd class="kondisi">${kondisi}</dd>
<dt>${label('kriteria')}</dt><dd class="kriteria">${kriteria || `<span class="todo">${t.reviewer}</span>`}</dd>
<dt>${label('akibat')}</dt><dd class="akibat">${esc(lang === 'en' ? akibat.en : akibat.id)}</dd>
<dt>${label('sebab')}</dt><dd class="sebab"><span class="todo">${t.reviewer}</span></dd>
<dt>${label('rekomendasi')}</dt><dd class="rekomendasi"><span class="todo">${t.reviewer}</span></dd>
</dl>${related}
</article>`;
}

type Labels = (typeof T)[Lang];

function reviewTotals(findings: readonly Finding[], t: Labels): string {
  if (!findings.some((f) => f.baseline)) return '';
  const b = baselineCounts(findings);
  return `<div class="review"><span>${b.fixed}</span> ${t.fixed}</div><div class="review"><span>${b.remaining}</span> ${t.remaining}</div><div class="review"><span>${b.new}</span> ${t.fresh}</div>`;
}

/** With a baseline: per report, what was fixed, what remains, what is new (the page opens with it). */
function reviewSummary(ranked: readonly HtmlFileResult[], indexOf: Map<HtmlFileResult, number>, t: Labels): string {
  if (!ranked.some((r) => r.findings.some((f) => f.baseline))) return '';
  const rows = ranked.map((r) => {
    const b = baselineCounts(r.findings);
    return `<tr data-file="${esc(r.file)}"><td><a href="#${anchor(indexOf.get(r)!)}">${esc(r.file)}</a>${r.title ? `<br><span class="where">${esc(r.title)}</span>` : ''}</td><td class="num fixed">${b.fixed}</td><td class="num remaining">${b.remaining}${b.updated ? ` <span class="where">(${t.updatedOf} ${b.updated})</span>` : ''}</td><td class="num new">${b.new}</td></tr>`;
  });
  return `<h2>${t.review}</h2>\n<table id="review"><thead><tr><th>${t.report}</th><th>${t.fixed}</th><th>${t.remaining}</th><th>${t.fresh}</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>\n`;
}

/** Per rule across the batch: in how many reports, how many findings; most widespread first. */
function ruleSummary(results: readonly HtmlFileResult[], t: Labels): string {
  const rules = new Map<string, { categories: Set<Category>; files: Set<string>; c: Counts }>();
  for (const r of results) {
    if (r.error) continue;
    for (const f of r.findings) {
      if (f.baseline === 'absent') continue;
      if (!rules.has(f.ruleId)) rules.set(f.ruleId, { categories: new Set(), files: new Set(), c: { error: 0, warning: 0, info: 0 } });
      const x = rules.get(f.ruleId)!;
      x.categories.add(f.category);
      x.files.add(r.file);
      x.c[f.severity]++;
    }
  }
  if (rules.size === 0) return '';
  const total = (c: Counts) => c.error + c.warning + c.info;
  const rows = [...rules.entries()]
    .sort(([ia, a], [ib, b]) => b.files.size - a.files.size || b.c.error - a.c.error || total(b.c) - total(a.c) || byCode(ia, ib))
    .map(
      ([id, x]) =>
        `<tr data-rule="${esc(id)}"><td>${esc(id)}</td><td>${esc([...x.categories].sort().join(', '))}</td><td class="num reports">${x.files.size}</td><td class="num errors">${x.c.error}</td><td class="num warnings">${x.c.warning}</td><td class="num infos">${x.c.info}</td><td class="num">${total(x.c)}</td></tr>`,
    );
  return `<h2>${t.byRule}</h2>\n<table id="by-rule"><thead><tr><th>${t.rule}</th><th>${t.category}</th><th>${t.reports}</th><th>${t.errors}</th><th>${t.warnings}</th><th>${t.infos}</th><th>${t.total}</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function sevLabel(s: Severity, lang: Lang): string {
  return SEVERITY[lang][s].toLowerCase();
}

/** Findings of one report grouped by table, groups in order of first appearance. */
export function groupByTable(findings: readonly Finding[]): { table: string | null; findings: Finding[] }[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = f.where.table ?? '';
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(f);
  }
  const first = (fs: Finding[]) => Math.min(...fs.map((f) => (f.where.line > 0 ? f.where.line : Number.MAX_SAFE_INTEGER)));
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => (ka === '' ? 1 : 0) - (kb === '' ? 1 : 0) || first(a) - first(b) || byCode(ka, kb))
    .map(([k, fs]) => ({ table: k === '' ? null : k, findings: fs }));
}

export function toHtml(results: readonly HtmlFileResult[], opts: HtmlOptions = {}): string {
  const lang = opts.lang ?? 'id';
  const t = T[lang];
  const title = opts.title ?? t.title;
  const docs = new Map((opts.rules ?? []).map((m) => [m.id, m.docs]));
  const indexOf = new Map(results.map((r, i) => [r, i]));
  const total = counts(results.flatMap((r) => (r.error ? [] : r.findings)));
  const failed = results.filter((r) => r.error);
  const ranked = rankResults(results);

  const out: string[] = [];
  out.push(`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lkip-audit">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<div class="totals" id="totals"><div><span>${results.length}</span> ${t.files}</div><div><span>${results.length - failed.length}</span> ${t.audited}</div><div><span>${failed.length}</span> ${t.failed}</div><div><span>${total.error}</span> ${t.errors}</div><div><span>${total.warning}</span> ${t.warnings}</div><div><span>${total.info}</span> ${t.infos}</div></div>
${reviewSummary(ranked, indexOf, t)}<h2>${t.ranking}</h2>
<table id="ranking"><thead><tr><th>${t.rank}</th><th>${t.report}</th><th>${t.errors}</th><th>${t.warnings}</th><th>${t.infos}</th><th>${t.total}</th></tr></thead><tbody>`);
  ranked.forEach((r, i) => {
    const c = counts(r.findings);
    out.push(
      `<tr data-file="${esc(r.file)}"><td class="num">${i + 1}</td><td><a href="#${anchor(indexOf.get(r)!)}">${esc(r.file)}</a>${r.title ? `<br><span class="where">${esc(r.title)}</span>` : ''}</td><td class="num errors">${c.error}</td><td class="num warnings">${c.warning}</td><td class="num infos">${c.info}</td><td class="num">${c.error + c.warning + c.info}</td></tr>`,
    );
  });
  out.push('</tbody></table>');
  out.push(ruleSummary(results, t));
  if (failed.length) {
    out.push(`<h2>${t.failedTitle}</h2>\n<table id="failed"><thead><tr><th>${t.report}</th><th>${t.reason}</th></tr></thead><tbody>`);
    for (const r of failed) {
      out.push(`<tr data-file="${esc(r.file)}" data-reason="${esc(r.error!.reason)}"><td>${esc(r.file)}</td><td>${esc(lang === 'en' ? r.error!.message.en : r.error!.message.id)}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  for (const r of ranked) {
    const i = indexOf.get(r)!;
    const c = counts(r.findings);
    out.push(
      `<section class="report" id="${anchor(i)}" data-file="${esc(r.file)}">\n<h2>${esc(r.file)}${r.title ? ` <span class="where">— ${esc(r.title)}</span>` : ''}</h2>\n<div class="totals"><div><span>${c.error}</span> ${t.errors}</div><div><span>${c.warning}</span> ${t.warnings}</div><div><span>${c.info}</span> ${t.infos}</div>${reviewTotals(r.findings, t)}</div>`,
    );
    if (r.findings.length === 0) out.push(`<p>${t.noFindings}</p>`);
    for (const g of groupByTable(r.findings)) {
      out.push(`<section class="table-group" data-table="${esc(g.table ?? '')}"><h3>${esc(g.table ? tableName(g.table) : t.outsideTable)} <span class="where">(${g.findings.length})</span></h3>`);
      for (const f of g.findings) out.push(renderFinding(f, r, lang, docs));
      out.push('</section>');
    }
    out.push('</section>');
  }
  out.push('</body>\n</html>\n');
  return out.join('\n');
}
