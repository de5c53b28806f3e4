import type { TextLine } from './_text.js';
import type { Rule } from '../../model/rule.js';
import { criterion, expectText } from '../tolerance.js';
import { SECTION_LABEL, sectionAt } from '../../parse/structure.js';
import { allLines, lineAt, paragraphs, sentences, shorten } from './_text.js';

interface Mention {
  /** Lower-case first word of the name: "pangkah", "bojongloa". */
  key: string;
  /** As printed: "Kecamatan Astanaanyar", "KECAMATAN ADIWERNA". */
  printed: string;
  line: TextLine;
  sentence: string;
}

/**
 * Telephone numbers printed after "Telp." / "Telepon" / "☎" (not fax): two numbers with the same
 * area code that differ by one digit inserted or dropped are one office's number mistyped.
 */
function letterheadPhones(ctx: Parameters<Rule['check']>[0]): void {
  const { report } = ctx;
  const re = /(?:\btelp\.?|\btelepon|\btlp\.?|☎)\s*:?\s*\(?(0\d{2,3})\)?[\s.-]*(\d[\d\s.-]{3,10}\d)/gi;
  const seen = new Map<string, { area: string; number: string; lines: { line: number; page: number | null }[] }>();
  for (const p of allLines(report)) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(p.text))) {
      const number = m[2]!.replace(/[\s.-]+/g, '');
      if (number.length < 5 || number.length > 9) continue;
      const k = `${m[1]}|${number}`;
      const e = seen.get(k) ?? { area: m[1]!, number, lines: [] };
      e.lines.push({ line: p.line.line, page: p.line.page });
      seen.set(k, e);
    }
  }
  const list = [...seen.values()].sort((a, b) => b.lines.length - a.lines.length || a.lines[0]!.line - b.lines[0]!.line);
  const reported = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const ref = list[i]!;
    for (const x of list.slice(i + 1)) {
      if (x.area !== ref.area || Math.abs(x.number.length - ref.number.length) !== 1 || reported.has(x.number)) continue;
      const [short, long] = x.number.length < ref.number.length ? [x.number, ref.number] : [ref.number, x.number];
      // one digit inserted: dropping one digit of the longer gives the shorter
      if (![...long].some((_, j) => long.slice(0, j) + long.slice(j + 1) === short)) continue;
      reported.add(x.number);
      const fmt = (y: typeof x) => `(${y.area}) ${y.number}`;
      const l0 = x.lines[0]!;
      ctx.problem({
        messageId: 'phone',
        data: { reported: fmt(x), lines: x.lines.map((l) => l.line).join(', '), expected: fmt(ref), otherLines: ref.lines.map((l) => l.line).join(', ') },
        where: { file: report.file, page: l0.page, line: l0.line, section: SECTION_LABEL[sectionAt(report.sections, l0.line).kind], column: 'telepon' },
        reported: fmt(x),
        expected: expectText(`${fmt(ref)} (baris ${ref.lines.map((l) => l.line).join(', ')})`, `${fmt(ref)} (line ${ref.lines.map((l) => l.line).join(', ')})`),
        tolerance: criterion('nomor telepon sama di setiap kop surat', 'the same telephone number on every letterhead'),
        related: [...x.lines.slice(1), ...ref.lines].map((l) => ({ file: report.file, page: l.page, line: l.line, note: fmt(ref.lines.includes(l) ? ref : x) })),
      });
    }
  }
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A territorial agency (kecamatan, kemantren, distrik) has one name: the one the report prints
 * again and again (cover, running headers, body, signature). Another unit's name printed once or
 * twice where the sentence is not about another place (borders, comparisons, cooperation) is a
 * paragraph copied from a sibling agency's report.
 */
export const agencyName: Rule = {
  meta: {
    id: 'agency-name',
    category: 'name_or_id_mismatch',
    defaultSeverity: 'warning',
    docs: {
      id: 'Nama instansi kewilayahan (kecamatan, kemantren, distrik) adalah nama yang berulang kali dicetak laporan (sampul, kepala halaman, batang tubuh, tanda tangan; paling sedikit dua kali dan dua kali lebih sering daripada nama lain). Nama unit lain yang muncul hanya sekali atau dua kali dalam kalimat atau judul yang tidak membicarakan tempat lain (batas wilayah, perbandingan, kerja sama; kata-katanya di rules/vocabulary.yaml) dan tidak menyebut unit lain dilaporkan: biasanya paragraf yang disalin dari laporan instansi saudara. Kalimat yang menyebut beberapa unit (daftar) diabaikan. Nomor telepon kop surat ("Telp." / "☎", bukan faks) dengan kode area sama yang berbeda satu digit sisipan juga dilaporkan (kedua tempat disebut).',
      en: 'The name of a territorial agency (kecamatan, kemantren, distrik) is the one the report prints again and again (cover, running headers, body, signature; at least twice and twice as often as any other). Another unit\'s name printed once or twice in a sentence or heading that is not about another place (borders, comparisons, cooperation; the words are in rules/vocabulary.yaml) and names no other unit is reported: usually a paragraph copied from a sibling agency\'s report. Sentences naming several units (lists) are ignored. Letterhead telephone numbers ("Telp." / "☎", not fax) with the same area code that differ by one inserted digit are reported too (both places named).',
    },
    messages: {
      phone: {
        id: 'Nomor telepon kop surat berbeda: {{reported}} dan {{expected}}; kode area sama, satu digit lebih atau kurang.',
        en: 'The letterhead telephone numbers differ: {{reported}} and {{expected}}; same area code, one digit more or less.',
      },
      other: {
        id: '{{where}} menyebut "{{reported}}", padahal laporan ini milik {{expected}} (dicetak {{count}} kali): nama instansi berbeda.',
        en: '{{whereEn}} names "{{reported}}", but this report is that of {{expected}} (printed {{count}} times): the agency names differ.',
      },
    },
  },
  check(ctx) {
    const { report, config } = ctx;
    letterheadPhones(ctx);
    const vocab = config.vocabulary?.agencyUnits;
    if (!vocab || vocab.units.length === 0) return;
    const notNames = new Set(vocab.notNames.map((w) => w.toLowerCase()));
    const otherPlace = vocab.otherPlace.map((w) => new RegExp(`(?<![a-z])${esc(w.toLowerCase())}(?![a-z])`));
    // the unit word in any case, then a name starting with a capital
    const unitRe = new RegExp(`(?<![A-Za-z])(${vocab.units.map(esc).join('|')})\\s+([A-Z][A-Za-z'-]+)`, 'gi');
    const pars = paragraphs(report);
    // a word the report also prints in lower case is an ordinary word ("Kecamatan Sebesar Rp."), not a name
    const common = new Set<string>();
    for (const par of pars) for (const w of par.text.match(/(?<![A-Za-z])[a-z][a-z'-]+/g) ?? []) common.add(w);
    const units = new Set(vocab.units.map((u) => u.toLowerCase()));
    const mentions: Mention[] = [];
    for (const par of pars) {
      for (const s of sentences(par.text)) {
        unitRe.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = unitRe.exec(s.text))) {
          const name = m[2]!;
          if (!/^[A-Z]/.test(name)) continue;
          const key = name.toLowerCase();
          if (notNames.has(key) || units.has(key) || common.has(key)) continue;
          // the rest of a name of several words ("Bojongloa Kidul"), up to a word that is not a name
          const more: string[] = [];
          for (const w of s.text.slice(m.index + m[0].length).match(/^(?:\s+[A-Z][A-Za-z'-]+){0,2}/)![0].trim().split(/\s+/).filter(Boolean)) {
            if (notNames.has(w.toLowerCase()) || common.has(w.toLowerCase()) || units.has(w.toLowerCase())) break;
            more.push(w);
          }
          mentions.push({ key, printed: [m[1], name, ...more].join(' '), line: lineAt(par, s.offset + m.index), sentence: s.text });
        }
      }
    }
    const count = new Map<string, Mention[]>();
    for (const x of mentions) count.set(x.key, [...(count.get(x.key) ?? []), x]);
    const ranked = [...count.entries()].sort((a, b) => b[1].length - a[1].length);
    const own = ranked[0];
    if (!own || own[1].length < 2) return;
    // the own name must stand out: twice as often as the next
    if (ranked[1] && ranked[1][1].length * 2 > own[1].length) return;
    const ownShown = own[1].find((x) => /^[A-Z][a-z]/.test(x.printed))?.printed ?? own[1][0]!.printed;
    for (const [key, list] of ranked.slice(1)) {
      if (list.length > 2) continue;
      for (const x of list) {
        const lower = x.sentence.toLowerCase();
        if (otherPlace.some((re) => re.test(lower))) continue;
        // a sentence that names several units is a list, not the agency speaking of itself
        const keys = new Set(mentions.filter((y) => y.sentence === x.sentence).map((y) => y.key));
        if (keys.size > 1 || keys.has(own[0]) || !keys.has(key)) continue;
        const sec = sectionAt(report.sections, x.line.line).kind;
        const lines = [...new Set(own[1].map((y) => y.line.line))].slice(0, 3).join(', ');
        ctx.problem({
          messageId: 'other',
          data: {
            where: `Kalimat "${shorten(x.sentence, 90)}"`,
            whereEn: `The sentence "${shorten(x.sentence, 90)}"`,
            reported: x.printed,
            expected: ownShown,
            count: own[1].length,
            lines,
          },
          where: { file: report.file, page: x.line.page, line: x.line.line, section: SECTION_LABEL[sec] },
          reported: shorten(x.sentence, 140),
          expected: expectText(`${ownShown} (nama instansi laporan ini, dicetak ${own[1].length} kali)`, `${ownShown} (this report's agency, printed ${own[1].length} times)`),
          tolerance: criterion('nama instansi sama (huruf besar/kecil diabaikan)', 'the same agency name (case ignored)'),
          related: own[1].slice(0, 3).map((y) => ({ file: report.file, page: y.line.page, line: y.line.line, section: SECTION_LABEL[sectionAt(report.sections, y.line.line).kind], note: y.printed })),
        });
      }
    }
  },
};
