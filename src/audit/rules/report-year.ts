import type { LkipReport, SectionKind } from '../../model/report.js';
import type { Rule, RuleContext } from '../../model/rule.js';
import { criterion, expectText } from '../tolerance.js';
import type { SourceRef } from '../../model/values.js';
import { SECTION_LABEL, sectionAt, tableLabel } from '../../parse/structure.js';
import { allLines, type TextLine } from './_text.js';

const MONTHS = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];
const MONTH_RE = MONTHS.join('|') + '|pebruari|nopember';

/**
 * The report year, decided by vote so that one wrong mention cannot set it: the cover (weight 2),
 * the measurement table's caption and header (2), "Tahun Anggaran X" in the Kata Pengantar (1)
 * and each "Laporan Kinerja <agency> Tahun X" (1). Ties go to meta.year.
 */
export function voteReportYear(report: LkipReport, lines: readonly TextLine[]): { year: number; votes: Map<number, number> } | null {
  const votes = new Map<number, number>();
  const vote = (y: number, w: number) => votes.set(y, (votes.get(y) ?? 0) + w);
  const kindAt = (line: number) => sectionAt(report.sections, line).kind;
  for (const l of lines) {
    const t = l.text.trim();
    const k = kindAt(l.line);
    if (k === 'cover') {
      const m = /^(?:tahun|ta\.?|lkip|lakip|lkjip|lkj?ip)\s*(20\d\d)$/i.exec(t) ?? /laporan kinerja[^.]{0,80}?tahun\s+(20\d\d)\s*$/i.exec(t);
      if (m) vote(Number(m[1]), 2);
    }
    if (k === 'kata_pengantar') {
      const m = /tahun anggaran\s+(20\d\d)/i.exec(t);
      if (m) vote(Number(m[1]), 1);
    }
    if (k === 'kata_pengantar' || k === 'ikhtisar' || k.startsWith('bab')) {
      let self = false;
      for (const m of t.matchAll(SELF_RE)) {
        vote(Number(m[1]), 1);
        self = true;
      }
      // the report's title in the foreword with a longer agency name ("LKJiP Dinas Perumahan dan Kawasan Permukiman Kabupaten Demak Tahun 2018")
      if (!self && k === 'kata_pengantar') {
        const m = TITLE_RE.exec(t);
        if (m) vote(Number(m[1]), 1);
      }
    }
  }
  const mt = report.tables.find((t) => t.kind === 'measurement');
  if (mt) {
    const cap = /tahun\s+(20\d\d)/i.exec(mt.caption);
    if (cap) vote(Number(cap[1]), 2);
    const ys = [...new Set(mt.columns.flatMap((c) => [...c.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]))))];
    if (ys.length === 1) vote(ys[0]!, 2);
  }
  if (votes.size === 0) return report.meta.year ? { year: report.meta.year, votes } : null;
  let best: number | null = null;
  for (const [y, n] of votes) {
    const b = best === null ? -1 : votes.get(best)!;
    if (n > b || (n === b && y === report.meta.year)) best = y;
  }
  // a tie that the report's own year (cover, title) does not break leaves the year undecided: no
  // finding is built on a guess (issue 12 point 5)
  const top = votes.get(best!)!;
  if (best !== report.meta.year && [...votes].some(([y, n]) => y !== best && n === top)) return null;
  return { year: best!, votes };
}

/** A year mentioned in a comparison ("dibandingkan dengan ... tahun 2022") is not about the report year. */
const COMPARISON_BEFORE = /(banding|sebelum(nya)?|lalu|berikut(nya)?|selanjutnya|periode|s\.?\s?d\.?)\b[^.]*$/i;
const inComparison = (text: string, index: number | undefined) => COMPARISON_BEFORE.test(text.slice(Math.max(0, (index ?? 0) - 40), index ?? 0));

/** "Laporan Kinerja Kecamatan Jelbuk Tahun 2022": the report naming itself. */
const SELF_RE = /laporan kinerja\s+(?:instansi pemerintah\s+)?(?:\(?lkj?ip\)?\s+)?(?:kecamatan|kec\.|dinas|badan|kantor|sekretariat|inspektorat)\s+[a-z]+(?:\s+[a-z]+)?\s+tahun\s+(20\d\d)\b/gi;
/** The report's title with any agency name, a year that is not the start of a period ("Tahun 2018-2023") nor a regulation's or plan's year. */
const TITLE_RE = /\b(?:lkj?ip|lakip|laporan (?:akuntabilitas )?kinerja(?: instansi pemerintah)?)\b(?:(?!\b(?:nomor|no|peraturan|undang|instruksi|keputusan|renstra|rencana)\b)[^.]){0,100}?\btahun\s+(20\d\d)\b(?!\s*[-–—]\s*\d|\s*s\.?\s*d)/i;
/** Documents of one year that belong to the report year. */
const DOCS: { re: RegExp; id: string; en: string }[] = [
  { re: /perjanjian kinerja\s*(?:\(pk\)\s*)?(?:[-–]\s*)?(?:perubahan\s+)?(?:(?:kecamatan|kec\.)\s+[a-z]+\s+|pd\s+|opd\s+)?tahun\s+(20\d\d)\b/gi, id: 'Perjanjian Kinerja', en: 'The performance agreement (PK)' },
  { re: /rencana kinerja tahunan\s*(?:perubahan\s*)?(?:\(rkt\)\s*)?(?:perubahan\s+)?tahun\s+(20\d\d)\b/gi, id: 'Rencana Kinerja Tahunan (RKT)', en: 'The annual plan (RKT)' },
  { re: /penghargaan yang diraih[^.]{0,40}?selama tahun\s+(20\d\d)\b/gi, id: 'Daftar penghargaan', en: 'The list of awards' },
];
/** Headings and statements about the measured year. */
const MEASURED: RegExp[] = [
  /pengukuran\s+(?:pencapaian\s+|capaian\s+|realisasi\s+)?kinerja\s*(?:tahun\s+)?(20\d\d)\b/gi,
  /capaian kinerja sasaran tahun\s+(20\d\d)\b/gi,
  /realisasi anggaran per program tahun\s+(20\d\d)\b/gi,
];

/**
 * The report year must be used consistently: the Kata Pengantar's "Tahun Anggaran", the report's
 * name for itself, the PK/RKT it reports on, the measurement headings and the table headers of the
 * report year (a column marked "(n)" is the report year, "(n-1)" the year before); the Kata
 * Pengantar cannot be signed before the report year has ended.
 */
export const reportYear: Rule = {
  meta: {
    id: 'report-year',
    category: 'year_or_date_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Tahun laporan ditentukan dari sampul, judul dan kepala tabel pengukuran, "Tahun Anggaran" di Kata Pengantar, dan sebutan "Laporan Kinerja ... Tahun X" (suara terbanyak). Dilaporkan: Kata Pengantar yang mempertanggungjawabkan Tahun Anggaran lain (galat); laporan yang menyebut dirinya laporan tahun lain (galat); Kata Pengantar yang ditandatangani sebelum tahun laporan berakhir (galat); PK/RKT/daftar penghargaan, judul pengukuran, dan kepala kolom realisasi tabel pengukuran yang menyebut tahun lain, kolom bertanda "(n)" yang bukan tahun laporan atau "(n-1)" yang bukan tahun sebelumnya, dan judul Tabel 3.3 yang menyebut tahun akhir berbeda dari kolom target Renstra (peringatan). RKT tahun berikutnya (n+1) tidak dilaporkan karena lazim disajikan bersama laporan.',
      en: 'The report year is decided from the cover, the measurement table caption and header, "Tahun Anggaran" in the Kata Pengantar and mentions of "Laporan Kinerja ... Tahun X" (majority). Reported: a Kata Pengantar accounting for another Tahun Anggaran (error); the report calling itself the report of another year (error); a Kata Pengantar signed before the report year ended (error); PK/RKT/award list, measurement headings and realisation column headers of measurement tables naming another year, a column marked "(n)" that is not the report year or "(n-1)" that is not the year before, and a Tabel 3.3 caption naming an end year other than its Renstra target column (warning). An RKT of the next year (n+1) is not reported: it is commonly presented with the report.',
    },
    messages: {
      caption: {
        id: 'Judul tabel "{{caption}}" menyebut tahun {{capYear}}, sedangkan kolom-kolomnya ({{columns}}) tahun {{colYear}}.',
        en: 'The table title "{{caption}}" names the year {{capYear}}, but its columns ({{columns}}) are for {{colYear}}.',
      },
      anggaran: {
        id: '{{section}} menyebut "Tahun Anggaran {{reported}}", padahal laporan ini untuk tahun {{expected}}.',
        en: '{{sectionEn}} says "Tahun Anggaran {{reported}}", but this report is for {{expected}}.',
      },
      self: {
        id: 'Laporan menyebut dirinya "{{printed}}", padahal laporan ini untuk tahun {{expected}}.',
        en: 'The report calls itself "{{printed}}", but it is the report for {{expected}}.',
      },
      signed: {
        id: 'Kata Pengantar laporan tahun {{year}} ditandatangani "{{reported}}", sebelum tahun {{year}} berakhir.',
        en: 'The Kata Pengantar of the {{year}} report is dated "{{reported}}", before {{year}} ended.',
      },
      document: {
        id: '{{doc}} disebut untuk tahun {{reported}} ("{{printed}}"), padahal laporan ini untuk tahun {{expected}}.',
        en: '{{docEn}} is named for {{reported}} ("{{printed}}"), but this report is for {{expected}}.',
        severity: 'warning',
      },
      measured: {
        id: '"{{printed}}" menyebut tahun {{reported}}, padahal laporan ini mengukur kinerja tahun {{expected}}.',
        en: '"{{printed}}" names {{reported}}, but this report measures performance for {{expected}}.',
        severity: 'warning',
      },
      column: {
        id: 'Kolom "{{reported}}" di {{table}} {{why}}, padahal laporan ini untuk tahun {{year}}: seharusnya "{{expected}}".',
        en: 'Column "{{reported}}" in {{table}} {{whyEn}}, but this report is for {{year}}: expected "{{expected}}".',
        severity: 'warning',
      },
      renstraEnd: {
        id: 'Judul {{table}} menyebut kondisi yang harus dicapai pada tahun {{reported}}, sedangkan kolom targetnya adalah target Renstra {{expected}}.',
        en: 'The caption of {{table}} names the condition to reach in {{reported}}, but its target column is the Renstra target for {{expected}}.',
        severity: 'warning',
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    const lines = allLines(report).map((p) => p.line);
    captionYears(ctx);
    const voted = voteReportYear(report, lines);
    if (!voted) return;
    const Y = voted.year;
    const kindAt = (line: number): SectionKind => sectionAt(report.sections, line).kind;
    const at = (l: TextLine, extra: Partial<SourceRef> = {}): SourceRef => ({ file: report.file, page: l.page, line: l.line, section: SECTION_LABEL[kindAt(l.line)], ...extra });
    const tol = 'tahun sama dengan tahun laporan';
    const basis = [...voted.votes.entries()].sort((a, b) => b[1] - a[1]).map(([y, n]) => `${y}: ${n}`).join(', ');
    const tolVote = criterion(`${tol} (${Y}; suara sumber: ${basis})`, `the same year as the report's (${Y}; votes of the sources: ${basis})`);

    for (const l of lines) {
      const k = kindAt(l.line);
      const t = l.text;
      if (l.cells && k !== 'daftar_isi') continue;
      // Tahun Anggaran in the Kata Pengantar / Ikhtisar
      if (k === 'kata_pengantar' || k === 'ikhtisar') {
        for (const m of t.matchAll(/tahun anggaran\s+(20\d\d)\b/gi)) {
          const y = Number(m[1]);
          if (y === Y || inComparison(t, m.index)) continue;
          ctx.problem({
            messageId: 'anggaran',
            data: { section: SECTION_LABEL[k], sectionEn: k === 'ikhtisar' ? 'The executive summary' : 'The foreword (Kata Pengantar)', reported: y, expected: Y },
            where: at(l),
            reported: `Tahun Anggaran ${y}`,
            expected: expectText(`Tahun Anggaran ${Y}`),
            tolerance: tolVote,
          });
        }
      }
      // the report naming itself
      if (k === 'kata_pengantar' || k === 'ikhtisar' || k.startsWith('bab')) {
        for (const m of t.matchAll(SELF_RE)) {
          const y = Number(m[1]);
          if (y === Y || inComparison(t, m.index)) continue;
          ctx.problem({
            messageId: 'self',
            data: { printed: m[0], expected: Y },
            where: at(l),
            reported: m[0],
            expected: expectText(m[0].replace(/(20\d\d)$/, String(Y))),
            tolerance: tolVote,
          });
        }
      }
      // PK / RKT / awards of another year (body, daftar isi, appendix titles)
      if (k !== 'cover') {
        for (const d of DOCS) {
          for (const m of t.matchAll(d.re)) {
            const y = Number(m[1]);
            if (y === Y) continue;
            // next year's RKT is often presented or attached alongside the report: not a finding
            if (d.id.startsWith('Rencana') && y === Y + 1) continue;
            // "dibandingkan dengan PK tahun 2022" style comparisons are not about the report year
            if (inComparison(t, m.index)) continue;
            ctx.problem({
              messageId: 'document',
              data: { doc: d.id, docEn: d.en, reported: y, printed: m[0].trim(), expected: Y },
              where: at(l),
              reported: m[0].trim(),
              expected: expectText(m[0].trim().replace(/(20\d\d)$/, String(Y))),
              tolerance: tolVote,
            });
          }
        }
        for (const re of MEASURED) {
          for (const m of t.matchAll(re)) {
            const y = Number(m[1]);
            if (y === Y || inComparison(t, m.index)) continue;
            ctx.problem({
              messageId: 'measured',
              data: { printed: m[0].trim(), reported: y, expected: Y },
              where: at(l),
              reported: m[0].trim(),
              expected: expectText(m[0].trim().replace(/(20\d\d)$/, String(Y))),
              tolerance: tolVote,
            });
          }
        }
      }
      // signing date of the Kata Pengantar
      if (k === 'kata_pengantar') {
        const m = new RegExp(`^\\s*[A-Z][A-Za-z .'-]{1,40},\\s*(?:(\\d{1,2})\\s+)?(${MONTH_RE})\\s+(20\\d\\d)\\s*$`, 'i').exec(t);
        if (m) {
          const y = Number(m[3]);
          if (y <= Y) {
            const printed = t.trim();
            ctx.problem({
              messageId: 'signed',
              data: { reported: printed, year: Y },
              where: at(l),
              reported: printed,
              expected: expectText(`tanggal setelah 31 Desember ${Y}`, `a date after 31 December ${Y}`),
              tolerance: criterion('tanggal penandatanganan sesudah akhir tahun laporan', 'signed after the end of the report year'),
            });
          }
        }
      }
    }

    // table headers
    const headerLine = (numbers: number[], needle: string): TextLine | undefined => {
      const ls = lines.filter((l) => numbers.includes(l.line));
      return ls.find((l) => l.text.includes(needle)) ?? ls[0];
    };
    for (const tb of report.tables) {
      const label = tb.number ?? `tabel baris ${tb.startLine}`;
      const firstHeader = lines.find((l) => l.line === (tb.headerLines[0] ?? tb.startLine));
      for (const col of tb.columns) {
        const n = /\b(20\d\d)\s*\(\s*n\s*(?:([-–])\s*(\d))?\s*\)/i.exec(col);
        let expectedYear: number | null = null;
        let why = '';
        let whyEn = '';
        let printedYear: number | null = null;
        if (n) {
          printedYear = Number(n[1]);
          const off = n[3] ? Number(n[3]) : 0;
          expectedYear = Y - off;
          why = off ? `ditandai (n-${off}), tahun ke-${off} sebelum tahun laporan` : 'ditandai (n), tahun laporan';
          whyEn = off ? `is marked (n-${off}), ${off} year(s) before the report year` : 'is marked (n), the report year';
        } else if (['measurement', 'national', 'renstra_end'].includes(tb.kind) && /realisasi|capaian/i.test(col) && !/renstra|akhir|jangka|nasional|rpjmd/i.test(col)) {
          const ys = [...col.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
          const allYears = tb.columns.flatMap((c) => (/renstra|akhir|jangka|rpjmd/i.test(c) ? [] : [...c.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]))));
          // only tables of one year: several year columns are a comparison over years
          if (ys.length === 1 && new Set(allYears).size === 1) {
            printedYear = ys[0]!;
            expectedYear = Y;
            why = 'adalah realisasi tahun pengukuran';
            whyEn = 'is the measured year’s realisation';
          }
        }
        if (printedYear === null || expectedYear === null || printedYear === expectedYear) continue;
        const hl = headerLine(tb.headerLines, String(printedYear)) ?? firstHeader;
        const expectedCol = col.replace(String(printedYear), String(expectedYear));
        ctx.problem({
          messageId: 'column',
          data: { reported: col, table: label, why, whyEn, year: Y, expected: expectedCol },
          where: { file: report.file, page: hl?.page ?? null, line: hl?.line ?? tb.startLine, section: SECTION_LABEL[tb.section], table: label, column: col },
          reported: col,
          expected: expectText(expectedCol),
          tolerance: tolVote,
        });
      }
      // Tabel 3.3 style: "Kondisi Yang Harus Dicapai Pada Tahun X" vs "TARGET ... RENSTRA 2026"
      if (tb.kind === 'renstra_end') {
        const cap = /harus dicapai pada tahun\s+(20\d\d)/i.exec(tb.caption);
        const col = tb.columns.map((c) => /(?:renstra|akhir)[^0-9]*(20\d\d)/i.exec(c)).find(Boolean);
        if (cap && col && cap[1] !== col[1]) {
          const capLine = lines.find((l) => l.line < tb.startLine && l.line >= tb.startLine - 10 && /harus dicapai pada tahun/i.test(l.text));
          ctx.problem({
            messageId: 'renstraEnd',
            data: { table: label, reported: cap[1]!, expected: col[1]! },
            where: { file: report.file, page: capLine?.page ?? null, line: capLine?.line ?? tb.startLine, section: SECTION_LABEL[tb.section], table: label },
            reported: `Dicapai Pada Tahun ${cap[1]}`,
            expected: expectText(`Dicapai Pada Tahun ${col[1]}`),
            tolerance: criterion('tahun akhir sama dengan kolom target Renstra', 'the end year is that of the Renstra target column'),
          });
        }
      }
    }
  },
};

/**
 * A table's own caption names one year, and every dated value column of the table (target,
 * realisasi, capaian ...; at least two) names one other year: the caption was left from another
 * year's report. Needs no report year: the table contradicts itself.
 */
function captionYears(ctx: RuleContext): void {
  const { report } = ctx;
  report.tables.forEach((t, i) => {
    const layout = report.layouts[i];
    if (!layout || !t.caption) return;
    const capYears = [...new Set(t.caption.match(/\b(19[5-9]\d|20\d\d)\b/g) ?? [])];
    if (capYears.length !== 1) return;
    const dated = layout.columns.filter((c) => c.kind === 'value' && c.year !== null);
    const colYears = [...new Set(dated.map((c) => c.year!))];
    if (dated.length < 2 || colYears.length !== 1 || String(colYears[0]) === capYears[0]) return;
    const first = t.rows[0];
    ctx.problem({
      messageId: 'caption',
      data: { caption: t.caption.slice(0, 100), capYear: capYears[0]!, colYear: String(colYears[0]), columns: dated.map((c) => c.label).join(', ').slice(0, 120) },
      where: { file: report.file, page: first?.page ?? null, line: t.headerLines[0] ?? t.startLine, section: SECTION_LABEL[t.section], table: tableLabel(t), column: dated.map((c) => c.label).join(', ').slice(0, 80) },
      reported: `${capYears[0]} (judul tabel)`,
      expected: expectText(`${colYears[0]} (${dated.length} kolom)`, `${colYears[0]} (${dated.length} columns)`),
      tolerance: criterion('tahun sama', 'the same year'),
      related: [],
    });
  });
}
