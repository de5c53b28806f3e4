import type { SectionKind } from '../../model/report.js';
import type { Rule } from '../../model/rule.js';

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

/** What a document that is not an LKIP looks like, from its first title lines. */
const OTHER_DOCS: { re: RegExp; id: string; en: string }[] = [
  { re: /^\s*KEPUTUSAN\b/i, id: 'surat keputusan (mis. SK IKU)', en: 'a decree (e.g. SK IKU)' },
  { re: /^\s*PERJANJIAN KINERJA\b/i, id: 'dokumen Perjanjian Kinerja', en: 'a performance agreement (Perjanjian Kinerja)' },
  { re: /^\s*RENCANA STRATEGIS\b/i, id: 'dokumen Rencana Strategis', en: 'a strategic plan (Renstra)' },
  { re: /^\s*RENCANA KINERJA TAHUNAN\b/i, id: 'dokumen Rencana Kinerja Tahunan', en: 'an annual performance plan (RKT)' },
];

/**
 * An LKIP has, by PermenPANRB 53/2014: Ikhtisar Eksekutif, Bab I–IV and the Perjanjian Kinerja
 * in the appendix. A document that is not an LKIP at all gets one finding saying so, not one per
 * missing part.
 */
export const structureMissing: Rule = {
  meta: {
    id: 'structure-missing',
    category: 'structure_missing',
    defaultSeverity: 'warning',
    docs: {
      id: 'LKIP menurut PermenPANRB 53/2014 memuat Ikhtisar Eksekutif, Bab I Pendahuluan, Bab II Perencanaan Kinerja, Bab III Akuntabilitas Kinerja, Bab IV Penutup, dan Perjanjian Kinerja di lampiran. Bagian yang tidak ditemukan dilaporkan. Dokumen yang sama sekali bukan LKIP (mis. SK IKU tersendiri) mendapat satu temuan bahwa dokumen itu bukan LKIP lengkap.',
      en: 'By PermenPANRB 53/2014 an LKIP contains an Ikhtisar Eksekutif, Bab I Introduction, Bab II Performance planning, Bab III Performance accountability, Bab IV Closing and the Perjanjian Kinerja in the appendix. Parts not found are reported. A document that is not an LKIP at all (e.g. a separate SK IKU) gets one finding saying it is not a full LKIP.',
    },
    messages: {
      notLkip: {
        id: 'Dokumen ini bukan LKIP lengkap: tampaknya {{what}} ("{{title}}"); bagian LKIP (Ikhtisar Eksekutif, Bab I–IV, lampiran PK) tidak ada, sehingga pemeriksaan LKIP tidak dapat dilakukan.',
        en: 'This document is not a full LKIP: it appears to be {{whatEn}} ("{{title}}"); the LKIP parts (Ikhtisar Eksekutif, Bab I–IV, PK appendix) are absent, so the LKIP checks cannot be run.',
      },
      missing: {
        id: 'Bagian wajib LKIP tidak ditemukan: {{part}}.',
        en: 'Required LKIP part not found: {{partEn}}.',
      },
    },
  },
  check(ctx) {
    const { report, doc } = ctx;
    const present = new Set(report.sections.map((s) => s.kind));
    const body: SectionKind[] = ['ikhtisar', 'bab1', 'bab2', 'bab3', 'bab4'];
    const bodyCount = body.filter((k) => present.has(k)).length;
    const firstText = doc.lines.find((l) => l.text.trim() !== '');
    if (bodyCount === 0) {
      const head = doc.lines.filter((l) => l.text.trim() !== '').slice(0, 15);
      let what = { id: 'dokumen lain', en: 'another kind of document' };
      let titleLine = firstText;
      for (const l of head) {
        const o = OTHER_DOCS.find((x) => x.re.test(l.text));
        if (o) {
          what = o;
          titleLine = l;
          break;
        }
      }
      const title = (titleLine?.text ?? '').trim().slice(0, 80);
      ctx.problem({
        messageId: 'notLkip',
        data: { what: what.id, whatEn: what.en, title },
        where: { file: doc.file, page: titleLine?.page ?? null, line: titleLine?.line ?? 1 },
        reported: title,
        expected: 'LKIP (Ikhtisar Eksekutif, Bab I–IV, lampiran PK)',
        tolerance: 'bagian ditemukan dari judulnya',
      });
      return;
    }
    const daftarIsi = report.sections.filter((s) => s.kind === 'daftar_isi');
    const bab4 = report.sections.find((s) => s.kind === 'bab4');
    const titled = (r: (typeof REQUIRED)[number]) =>
      doc.lines.some(
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
      const line = next?.startLine ?? doc.lines[doc.lines.length - 1]?.line ?? 1;
      ctx.problem({
        messageId: 'missing',
        data: { part: r.id, partEn: r.en },
        where: { file: doc.file, page: null, line },
        reported: 'tidak ada',
        expected: r.id,
        tolerance: 'bagian ditemukan dari judulnya',
      });
    }
  },
};
