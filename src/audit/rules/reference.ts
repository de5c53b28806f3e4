import type { Rule } from '../../model/rule.js';
import { criterion, expectText } from '../tolerance.js';
import type { SourceRef } from '../../model/values.js';
import { SECTION_LABEL, sectionAt } from '../../parse/structure.js';
import { allLines, type TextLine } from './_text.js';

/** A regional decree number: class code / sequence (may be blank) / agency code / year: "065/ 45 /35.09.10/2023". */
const DECREE_RE = /(?<![\w/])(\d{2,4}\s*\/\s*\d*\s*\/\s*\d+(?:\.\d+)*\s*\/\s*(?:19|20)\d\d)(?![\w/])/;
const DECREE_RE_G = new RegExp(DECREE_RE.source, 'g');
const normDecree = (s: string) => s.replace(/\s+/g, '');
const decreeParts = (s: string) => normDecree(s).split('/');

const TABLE_REF_RE = /\b(?:tabel|table)\s+(\d+)\s*\.\s*(\d+)\b/gi;
const CAPTION_RE = /^\s*\.?\s*(?:tabel|table)\s*(\d+)\s*\.\s*(\d+)/i;

/** Topics a sentence about a table can be about, and the words that show them in a caption. */
const TOPICS: { id: string; re: RegExp }[] = [
  { id: 'pegawai', re: /\b(pegawai|asn|bezetting|sumber ?daya manusia|sdm|kepegawaian|jabatan)\b/i },
  { id: 'anggaran', re: /\b(anggaran|belanja|pagu|serapan)\b/i },
  { id: 'sarana', re: /\b(sarana|prasarana)\b/i },
  { id: 'efisiensi', re: /\befisiensi\b/i },
  { id: 'penduduk', re: /\b(penduduk|kependudukan)\b/i },
];

interface Decree {
  number: string;
  line: number;
  page: number | null;
  /** The decree's title ("TENTANG ...") names the Indikator Kinerja Utama. */
  iku: boolean;
}

/** The decree(s) attached: a "Nomor :" line shortly after a "KEPUTUSAN ..." title. */
function attachedDecrees(lines: readonly TextLine[]): Decree[] {
  const out: Decree[] = [];
  // the lines within `n` lines of the document after line i
  const within = (i: number, n: number) => {
    const out: TextLine[] = [];
    for (let k = i + 1; k < lines.length && lines[k]!.line < lines[i]!.line + n; k++) out.push(lines[k]!);
    return out;
  };
  lines.forEach((l, i) => {
    if (!/^\s*KEPUTUSAN\b/.test(l.text)) return;
    for (const [j, x] of within(i, 8).entries()) {
      const m = /^\s*Nomor\s*:?\s*(.*)$/i.exec(x.text);
      if (!m) continue;
      const d = DECREE_RE.exec(m[1]!);
      const title = within(i + 1 + j, 8)
        .map((y) => y.text)
        .join(' ');
      if (d) out.push({ number: d[1]!, line: x.line, page: x.page, iku: /indikator kinerja utama/i.test(title) });
      break;
    }
  });
  return out;
}

/**
 * References must point at what is attached or printed: a decree number cited in the body equals
 * the number on the decree attached (spaces around the slashes ignored), and "tabel 3.5" names a
 * table that exists and is about what the sentence is about.
 */
export const reference: Rule = {
  meta: {
    id: 'reference',
    category: 'reference_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Nomor keputusan (SK IKU) yang dikutip di batang tubuh harus sama dengan nomor pada keputusan yang dilampirkan; spasi di sekitar garis miring diabaikan ("065/45 /35.09.10/2023" = "065/ 45 /35.09.10/2023"). Rujukan "tabel 3.5" harus menunjuk tabel yang ada di laporan (bila tidak: info, karena bisa jadi tabel dokumen lain); bila kalimatnya jelas membahas hal lain (mis. pegawai) daripada isi tabel yang dirujuk (mis. anggaran) dan hanya satu tabel lain yang membahasnya, rujukan itu dilaporkan (peringatan).',
      en: 'A decree (SK IKU) number cited in the body must equal the number on the decree attached; spaces around slashes are ignored ("065/45 /35.09.10/2023" = "065/ 45 /35.09.10/2023"). A reference "tabel 3.5" must name a table that exists in the report (if not: info, as it may be a table of another document); when the sentence is clearly about something else (e.g. staff) than the referenced table (e.g. budget) and exactly one other table is about it, the reference is reported (warning).',
    },
    messages: {
      decree: {
        id: 'Keputusan IKU dikutip dengan nomor {{reported}}, sedangkan keputusan yang dilampirkan bernomor {{expected}}.',
        en: 'The IKU decree is cited as number {{reported}}, but the decree attached is number {{expected}}.',
      },
      decreeYear: {
        id: 'Keputusan IKU dikutip dengan nomor {{reported}}, sedangkan keputusan yang dilampirkan bernomor {{expected}}: tahunnya berbeda, jadi yang dilampirkan bukan keputusan yang dikutip.',
        en: 'The IKU decree is cited as number {{reported}}, but the decree attached is number {{expected}}: the years differ, so the decree attached is not the one cited.',
        severity: 'warning',
      },
      missingTable: {
        id: 'Teks merujuk "{{reported}}", tetapi laporan ini tidak memuat tabel bernomor itu (tabel yang ada: {{expected}}); bila yang dimaksud tabel di dokumen lain (mis. Renstra), sebutkan dokumennya.',
        en: 'The text refers to "{{reported}}", but this report has no table with that number (tables present: {{expected}}); if a table of another document (e.g. the Renstra) is meant, name that document.',
        severity: 'info',
      },
      wrongTable: {
        id: 'Teks tentang {{topic}} merujuk "{{reported}}" ({{caption}}), padahal tabel tentang {{topic}} adalah {{expected}} ({{expectedCaption}}).',
        en: 'Text about {{topic}} refers to "{{reported}}" ({{caption}}), but the table about {{topic}} is {{expected}} ({{expectedCaption}}).',
        severity: 'warning',
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    const lines = allLines(report).map((p) => p.line);
    const sec = (line: number) => SECTION_LABEL[sectionAt(report.sections, line).kind];

    // ---- decree numbers
    const attached = attachedDecrees(lines);
    const attachedLines = new Set(attached.map((a) => a.line));
    const firstAppendix = report.sections.find((s) => s.kind.startsWith('lampiran'))?.startLine ?? Infinity;
    if (attached.length > 0) {
      for (const l of lines) {
        if (attachedLines.has(l.line) || l.line >= firstAppendix) continue;
        if (!/keputusan|\bSK\b/i.test(l.text) || !/indikator kinerja utama|\bIKU\b/i.test(l.text)) continue;
        DECREE_RE_G.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = DECREE_RE_G.exec(l.text))) {
          const cited = m[1]!;
          const cp = decreeParts(cited);
          // the attached decree of the same agency (same agency code)
          const sameAgency = attached.filter((a) => decreeParts(a.number)[2] === cp[2]);
          if (sameAgency.length === 0 || sameAgency.some((a) => normDecree(a.number) === normDecree(cited))) continue;
          // compare with the IKU decree attached; a decree on another subject is not the one cited
          const same = sameAgency.filter((a) => a.iku);
          if (same.length === 0) continue;
          const a = same[0]!;
          const ap = decreeParts(a.number);
          const onlyYear = ap[0] === cp[0] && ap[1] === cp[1] && ap[3] !== cp[3];
          ctx.problem({
            messageId: onlyYear ? 'decreeYear' : 'decree',
            data: { reported: cited, expected: a.number, attachedLine: a.line },
            where: { file: report.file, page: l.page, line: l.line, section: sec(l.line) },
            reported: cited,
            expected: expectText(a.number),
            tolerance: criterion('nomor sama setelah spasi di sekitar garis miring dihapus', 'the same number once spaces around slashes are removed'),
            related: [{ file: report.file, page: a.page, line: a.line, section: sec(a.line), note: `Nomor keputusan yang dilampirkan: ${a.number}` }],
          });
        }
      }
    }

    // ---- table references
    const tables = new Map<string, { caption: string; line: number }>();
    for (const t of report.tables) {
      if (!t.number) continue;
      const k = t.number.replace(/^Tabel\s*/, '').replace(/\s+/g, '');
      if (!tables.has(k)) tables.set(k, { caption: t.caption, line: t.startLine });
    }
    lines.forEach((l, i) => {
      const m = CAPTION_RE.exec(l.text);
      if (!m || l.cells) return;
      const k = `${m[1]}.${m[2]}`;
      if (tables.has(k)) return;
      // the title may stand on the next line
      let next: TextLine | undefined;
      for (let k = i + 1; k < lines.length && lines[k]!.line <= l.line + 3 && !next; k++) if (!lines[k]!.cells) next = lines[k];
      tables.set(k, { caption: `${l.text.trim()} ${next?.text.trim() ?? ''}`.trim(), line: l.line });
    });
    if (tables.size === 0) return;
    const known = [...tables.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const l of lines) {
      if (l.cells || CAPTION_RE.test(l.text)) continue;
      const s = sectionAt(report.sections, l.line).kind;
      if (s === 'daftar_isi') continue;
      TABLE_REF_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = TABLE_REF_RE.exec(l.text))) {
        const k = `${m[1]}.${m[2]}`;
        const printed = m[0].trim();
        const at: SourceRef = { file: report.file, page: l.page, line: l.line, section: sec(l.line) };
        const t = tables.get(k);
        if (!t) {
          ctx.problem({
            messageId: 'missingTable',
            data: { reported: printed, expected: known.map((x) => `Tabel ${x}`).join(', ') },
            where: at,
            reported: printed,
            expected: expectText(`salah satu dari: ${known.map((x) => `Tabel ${x}`).join(', ')}`, `one of: ${known.map((x) => `Tabel ${x}`).join(', ')}`),
            tolerance: criterion('nomor tabel sama', 'the same table number'),
          });
          continue;
        }
        // the sentence holding the reference
        const start = Math.max(0, l.text.lastIndexOf('.', m.index - 1) + 1);
        const endDot = l.text.indexOf('. ', m.index + m[0].length);
        const sentence = l.text.slice(start, endDot < 0 ? undefined : endDot);
        // a caption with no title words cannot tell what the table is about
        if (t.caption.replace(CAPTION_RE, '').replace(/[^A-Za-z]+/g, '').length < 8) continue;
        for (const topic of TOPICS) {
          if (!topic.re.test(sentence.replace(m[0], ' ')) || topic.re.test(t.caption)) continue;
          // other topics the sentence mentions must not be the cited table's topic either
          if (TOPICS.some((o) => o !== topic && o.re.test(sentence) && o.re.test(t.caption))) continue;
          const candidates = [...tables.entries()].filter(([kk, v]) => kk !== k && topic.re.test(v.caption));
          if (candidates.length !== 1) continue;
          const [ck, cv] = candidates[0]!;
          ctx.problem({
            messageId: 'wrongTable',
            data: { topic: topic.id, reported: printed, caption: t.caption.slice(0, 80), expected: `Tabel ${ck}`, expectedCaption: cv.caption.slice(0, 80) },
            where: at,
            reported: printed,
            expected: expectText(`Tabel ${ck}`),
            tolerance: criterion('tabel yang dirujuk membahas pokok kalimat', 'the table referred to is about the subject of the sentence'),
            related: [
              { file: report.file, page: null, line: t.line, note: `dirujuk: ${t.caption.slice(0, 80)}` },
              { file: report.file, page: null, line: cv.line, note: `tentang ${topic.id}: ${cv.caption.slice(0, 80)}` },
            ],
          });
          break;
        }
      }
    }
  },
};
