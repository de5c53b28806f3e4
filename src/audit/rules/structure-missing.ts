import type { SectionKind } from '../../model/report.js';
import type { Rule } from '../../model/rule.js';
import { criterion, expectText } from '../tolerance.js';
import { allLines } from './_text.js';

/**
 * Required parts. `heading` is a second chance: a title line the section finder did not take
 * (another wording, a heading inside a table) still counts as present, so that a part is only
 * reported when no title for it can be found at all.
 */
const REQUIRED: { kinds: SectionKind[]; id: string; en: string; heading: RegExp; appendix?: boolean }[] = [
  { kinds: ['ikhtisar'], id: 'Ikhtisar Eksekutif', en: 'Executive summary (Ikhtisar Eksekutif)', heading: /^\W*(ikhtisar|ringkasan)\s+eksekutif\W*$/i },
  { kinds: ['bab1'], id: 'Bab I Pendahuluan', en: 'Chapter I Introduction (Pendahuluan)', heading: /^\W*(p?bab\s+(i|1)\b(?!\s*[iv])|pendahuluan\W*$)/i },
  { kinds: ['bab2'], id: 'Bab II Perencanaan Kinerja', en: 'Chapter II Performance planning', heading: /^\W*(bab\s+(ii|2)\b(?!\s*i)|perencanaan (dan perjanjian )?kinerja\W*$)/i },
  { kinds: ['bab3'], id: 'Bab III Akuntabilitas Kinerja', en: 'Chapter III Performance accountability', heading: /^\W*(bab\s+(iii|3)\b|akuntabilitas kinerja\W*$)/i },
  { kinds: ['bab4'], id: 'Bab IV Penutup', en: 'Chapter IV Closing (Penutup)', heading: /^\W*(bab\s+(iv|4)\b|penutup\W*$)/i },
  { kinds: ['lampiran_pk', 'lampiran_pk_perubahan'], id: 'Perjanjian Kinerja (lampiran)', en: 'Performance agreement (Perjanjian Kinerja) in the appendix', heading: /^\W*perjanjian kinerja\b/i, appendix: true },
];

const ORDER: SectionKind[] = ['cover', 'kata_pengantar', 'daftar_isi', 'ikhtisar', 'bab1', 'bab2', 'bab3', 'bab4', 'lampiran_renstra', 'lampiran_rkt', 'lampiran_pk', 'lampiran_pk_perubahan', 'lampiran_iku', 'lampiran_lain'];

/** The body parts of an LKIP; how many were found tells a whole report from an excerpt. */
const BODY: SectionKind[] = ['ikhtisar', 'bab1', 'bab2', 'bab3', 'bab4'];

/**
 * An LKIP has, by PermenPANRB 53/2014: Ikhtisar Eksekutif, Bab I–IV and the Perjanjian Kinerja
 * in the appendix. Only a document that presents itself as a whole LKIP is checked part by part:
 * an LKIP cover with at least two body parts, or three body parts whatever its cover. A document
 * whose cover names another kind (report.meta.documentKind, from rules/vocabulary.yaml: SK IKU,
 * Renstra, RKA, ...) gets one finding naming what it is; an excerpt (no LKIP cover, or too few of
 * its parts) gets one info line and no part-by-part warnings (issue 12 point 5).
 */
const FOUND_BY_HEADING = criterion('bagian ditemukan dari judulnya', 'parts found by their headings');

export const structureMissing: Rule = {
  meta: {
    id: 'structure-missing',
    category: 'structure_missing',
    defaultSeverity: 'warning',
    docs: {
      id: 'LKIP menurut PermenPANRB 53/2014 memuat Ikhtisar Eksekutif, Bab I Pendahuluan, Bab II Perencanaan Kinerja, Bab III Akuntabilitas Kinerja, Bab IV Penutup, dan Perjanjian Kinerja di lampiran. Pada laporan utuh, bagian yang tidak ditemukan dilaporkan. Dokumen lain (mis. SK IKU, Renstra, RKA) mendapat satu temuan yang menyebut jenisnya; potongan laporan mendapat satu catatan saja.',
      en: 'By PermenPANRB 53/2014 an LKIP contains an Ikhtisar Eksekutif, Bab I Introduction, Bab II Performance planning, Bab III Performance accountability, Bab IV Closing and the Perjanjian Kinerja in the appendix. In a whole report, parts not found are reported. Another kind of document (e.g. an SK IKU, a Renstra, an RKA) gets one finding naming what it is; an excerpt of a report gets one note only.',
    },
    messages: {
      notLkip: {
        id: 'Dokumen ini bukan LKIP: judulnya "{{title}}" menunjukkan {{what}}. Pemeriksaan LKIP tidak dapat dilakukan pada dokumen ini; periksa berkas LKIP-nya (Laporan Kinerja dengan Ikhtisar Eksekutif, Bab I–IV dan lampiran Perjanjian Kinerja).',
        en: 'This document is not an LKIP: its title "{{title}}" shows {{whatEn}}. The LKIP checks cannot be run on it; check the LKIP file itself (the performance report with its Ikhtisar Eksekutif, Bab I–IV and Perjanjian Kinerja appendix).',
      },
      fragment: {
        id: 'Dokumen ini tampaknya potongan laporan, bukan LKIP utuh ({{found}} dari 5 bagian utama ditemukan{{cover}}); kelengkapan bagian LKIP tidak diperiksa.',
        en: 'This document appears to be an excerpt of a report, not a whole LKIP ({{found}} of the 5 main parts found{{coverEn}}); whether the LKIP parts are complete was not checked.',
        severity: 'info',
      },
      missing: {
        id: 'Bagian wajib LKIP tidak ditemukan: {{part}}.',
        en: 'Required LKIP part not found: {{partEn}}.',
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    const present = new Set(report.sections.map((s) => s.kind));
    const bodyCount = BODY.filter((k) => present.has(k)).length;
    const kind = report.meta.documentKind;
    if (kind?.kind && kind.kind !== 'lkip' && bodyCount < BODY.length) {
      ctx.problem({
        messageId: 'notLkip',
        data: { what: kind.name?.id ?? kind.kind, whatEn: kind.name?.en ?? kind.kind, title: kind.title ?? '' },
        where: kind.src ?? { file: report.file, page: null, line: 0 },
        reported: kind.title ?? '',
        expected: expectText('LKIP (Ikhtisar Eksekutif, Bab I–IV, lampiran PK)', 'LKIP (executive summary, Bab I–IV, PK appendix)'),
        tolerance: criterion('jenis dokumen dari judul sampulnya', 'the kind of document from its cover title'),
      });
      return;
    }
    const whole = bodyCount >= 3 || (kind?.kind === 'lkip' && bodyCount >= 2);
    if (!whole) {
      if (bodyCount === BODY.length) return;
      const cover = kind?.kind === 'lkip' ? `; sampul: "${kind.title}"` : '; tanpa sampul atau judul LKIP';
      const coverEn = kind?.kind === 'lkip' ? `; cover: "${kind.title}"` : '; no LKIP cover or title';
      ctx.problem({
        messageId: 'fragment',
        data: { found: bodyCount, cover, coverEn },
        where: { file: report.file, page: null, line: 0 },
        reported: `${bodyCount}/5`,
        expected: expectText('LKIP utuh (Ikhtisar Eksekutif, Bab I–IV, lampiran PK)', 'a whole LKIP (executive summary, Bab I–IV, PK appendix)'),
        tolerance: FOUND_BY_HEADING,
      });
      return;
    }
    const daftarIsi = report.sections.filter((s) => s.kind === 'daftar_isi');
    const bab4 = report.sections.find((s) => s.kind === 'bab4');
    const lines = allLines(report).map((p) => p.line);
    const titled = (r: (typeof REQUIRED)[number]) =>
      lines.some(
        (l) =>
          l.text.trim().length < 100 &&
          r.heading.test(l.text.trim()) &&
          !daftarIsi.some((d) => l.line >= d.startLine && l.line <= d.endLine) &&
          (!r.appendix || (bab4 ? l.line > bab4.startLine : true)),
      );
    for (const r of REQUIRED) {
      if (r.kinds.some((k) => present.has(k)) || titled(r)) continue;
      // place the finding where the part should have started: the next part that is present
      const idx = Math.min(...r.kinds.map((k) => ORDER.indexOf(k)));
      const next = report.sections.filter((s) => ORDER.indexOf(s.kind) > idx).sort((a, b) => a.startLine - b.startLine)[0];
      const line = next?.startLine ?? report.prose.lastLine ?? 1;
      ctx.problem({
        messageId: 'missing',
        data: { part: r.id, partEn: r.en },
        where: { file: report.file, page: null, line },
        reported: 'tidak ada',
        expected: expectText(r.id, r.en),
        tolerance: FOUND_BY_HEADING,
      });
    }
  },
};
