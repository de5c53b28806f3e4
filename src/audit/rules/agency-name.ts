import type { Rule } from '../../model/rule.js';
import { criterion, expectText } from '../tolerance.js';
import { SECTION_LABEL, sectionAt } from '../../parse/structure.js';
import { allLines, lineAt, paragraphs, sentences, shorten, type TextLine } from './_text.js';
import { ocrDistance, structureDictionary } from '../../parse/ocr-words.js';
import { escapeRe } from '../../parse/regex.js';

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

/**
 * Letterhead addresses ("JL. RAMBIPUJI NO. 124", "Jl. Rambipuji Nomor 124"): one street printed with
 * two house numbers is one office's address mistyped; the number printed less often is reported
 * when the other is printed at least twice.
 */
function letterheadAddresses(ctx: Parameters<Rule['check']>[0]): void {
  const { report } = ctx;
  const re = /^(?:jl|jln|jalan)\.?\s+(.+?)\s*(?:,\s*)?(?:no|nomor|nomer)\.?\s*:?\s*(\d{1,4}[a-z]?)\b/i;
  const streets = new Map<string, Map<string, { printed: string; lines: TextLine[] }>>();
  for (const p of allLines(report)) {
    if (p.line.cells && p.line.cells.filter((c) => c.trim() !== '').length > 1) continue;
    const m = re.exec(p.text);
    if (!m) continue;
    const street = m[1]!.toLowerCase().replace(/[^a-z0-9]+/g, '');
    if (street.length < 4) continue;
    const no = m[2]!.toLowerCase();
    const byNo = streets.get(street) ?? new Map<string, { printed: string; lines: TextLine[] }>();
    const e = byNo.get(no) ?? { printed: m[0], lines: [] };
    e.lines.push(p.line);
    byNo.set(no, e);
    streets.set(street, byNo);
  }
  for (const byNo of streets.values()) {
    if (byNo.size < 2) continue;
    const ranked = [...byNo.values()].sort((a, b) => b.lines.length - a.lines.length);
    const own = ranked[0]!;
    if (own.lines.length < 2) continue;
    for (const x of ranked.slice(1)) {
      if (x.lines.length * 2 > own.lines.length) continue;
      const l0 = x.lines[0]!;
      const ownLines = own.lines.map((l) => l.line).join(', ');
      ctx.problem({
        messageId: 'address',
        data: { reported: x.printed, lines: x.lines.map((l) => l.line).join(', '), expected: own.printed, otherLines: ownLines },
        where: { file: report.file, page: l0.page, line: l0.line, section: SECTION_LABEL[sectionAt(report.sections, l0.line).kind], column: 'alamat' },
        reported: x.printed,
        expected: expectText(`${own.printed} (baris ${ownLines})`, `${own.printed} (line ${ownLines})`),
        tolerance: criterion('alamat sama di setiap kop surat', 'the same address on every letterhead'),
        related: own.lines.map((l) => ({ file: report.file, page: l.page, line: l.line, note: own.printed })),
      });
    }
  }
}

const esc = escapeRe;

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
      id: 'Nama instansi kewilayahan (kecamatan, kemantren, distrik) adalah nama yang berulang kali dicetak laporan (sampul, kepala halaman, batang tubuh, tanda tangan; paling sedikit dua kali dan dua kali lebih sering daripada nama lain). Nama unit lain yang muncul hanya sekali atau dua kali dalam kalimat atau judul yang tidak membicarakan tempat lain (batas wilayah, perbandingan, kerja sama; kata-katanya di rules/vocabulary.yaml) dan tidak menyebut unit lain dilaporkan: biasanya paragraf yang disalin dari laporan instansi saudara. Kalimat yang menyebut beberapa unit (daftar) diabaikan. Pada laporan hasil OCR, nama yang hanya berbeda oleh huruf yang sering tertukar oleh OCR dari nama instansi sendiri ("Banasalsari") dianggap salah baca, bukan instansi lain. Instansi sektoral (dinas, badan, bagian, ...) wajar menyebut dinas lain sebagai mitra, jadi hanya tempat nama itu berdiri sebagai instansi laporan ini yang dibandingkan: sampul, judul laporan, kop surat di bawah "PEMERINTAH KABUPATEN ...", "Kepala Dinas ..." di atas NIP, dan kalimat "Dinas ... merupakan unsur / perangkat daerah ..."; nama dengan kata unit sama tetapi bidang lain (kata pertamanya berbeda; bukan singkatan satu kata berhuruf awal sama) di tempat seperti itu dilaporkan bila nama instansi sendiri tercetak di tempat seperti itu paling sedikit dua kali dan dua kali lebih sering, salah satunya sampul, judul atau kop surat. Alamat kop surat dengan jalan sama tetapi nomor lain (yang lebih jarang dicetak) dilaporkan. Nomor telepon kop surat ("Telp." / "☎", bukan faks) dengan kode area sama yang berbeda satu digit sisipan juga dilaporkan (kedua tempat disebut).',
      en: 'The name of a territorial agency (kecamatan, kemantren, distrik) is the one the report prints again and again (cover, running headers, body, signature; at least twice and twice as often as any other). Another unit\'s name printed once or twice in a sentence or heading that is not about another place (borders, comparisons, cooperation; the words are in rules/vocabulary.yaml) and names no other unit is reported: usually a paragraph copied from a sibling agency\'s report. Sentences naming several units (lists) are ignored. On an OCR report, a name that differs from the own one only by letters OCR confuses ("Banasalsari") is a misreading, not another agency. A sectoral agency (dinas, badan, bagian, ...) rightly names other dinas as partners, so only the places where a name stands as this report\'s agency are compared: the cover, the report\'s title, a letterhead under "PEMERINTAH KABUPATEN ...", "Kepala Dinas ..." above a NIP, and a sentence "Dinas ... merupakan unsur / perangkat daerah ..."; a name with the same unit word but another field (its first word differs; not a one-word acronym with the same first letter) in such a place is reported when the own name stands in such places at least twice and twice as often, one of them the cover, the title or a letterhead. A letterhead address on the same street with another number (the one printed less often) is reported. Letterhead telephone numbers ("Telp." / "☎", not fax) with the same area code that differ by one inserted digit are reported too (both places named).',
    },
    messages: {
      phone: {
        id: 'Nomor telepon kop surat berbeda: {{reported}} dan {{expected}}; kode area sama, satu digit lebih atau kurang.',
        en: 'The letterhead telephone numbers differ: {{reported}} and {{expected}}; same area code, one digit more or less.',
      },
      address: {
        id: 'Alamat kop surat berbeda: "{{reported}}" (baris {{lines}}) dan "{{expected}}" (baris {{otherLines}}); jalan sama, nomor lain.',
        en: 'The letterhead addresses differ: "{{reported}}" (line {{lines}}) and "{{expected}}" (line {{otherLines}}); the same street, another number.',
      },
      otherSectoral: {
        id: '{{kind}} (baris {{line}}) menyebut "{{reported}}" sebagai instansi laporan ini, padahal di {{count}} tempat lain laporan ini milik {{expected}} ({{places}}): nama instansi berbeda.',
        en: 'The {{kindEn}} (line {{line}}) names "{{reported}}" as this report\'s agency, but {{count}} other places give {{expected}} ({{placesEn}}): the agency names differ.',
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
    letterheadAddresses(ctx);
    sectoralNames(ctx);
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
    // on an OCR report a name that OCR's letter confusions take to the agency's own ("Banasalsari",
    // "Jefbuk") is a misreading far more often than another agency
    const dict = report.format === 'ocr' ? structureDictionary(ctx.config.vocabulary) : null;
    const misread = (key: string) => !!dict && ocrDistance(dict, key, own[0], 1.5) <= (own[0].length >= 7 ? 1.5 : 1);
    for (const [key, list] of ranked.slice(1)) {
      if (list.length > 2 || misread(key)) continue;
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

type Ctx = Parameters<Rule['check']>[0];

type OwnPlace = 'cover' | 'title' | 'letterhead' | 'signature' | 'self';

const PLACE_LABEL: Record<OwnPlace, { id: string; en: string }> = {
  cover: { id: 'Sampul', en: 'cover' },
  title: { id: 'Judul laporan', en: 'report title' },
  letterhead: { id: 'Kop surat', en: 'letterhead' },
  signature: { id: 'Blok tanda tangan', en: 'signature block' },
  self: { id: 'Kalimat yang memperkenalkan instansi', en: 'sentence introducing the agency' },
};

interface OwnName {
  /** The unit word, lower case ("dinas"). */
  unit: string;
  /** The name's words after the unit word, up to the region ("KESEHATAN"), upper case. */
  words: string[];
  printed: string;
  place: OwnPlace;
  line: TextLine;
}

/**
 * Two names of one agency: they start with the same word ("Pekerjaan Umum" and "Pekerjaan Umum dan
 * Penataan Ruang"), or one is a single word that may be the other's acronym ("PUPR": same first letter).
 */
function sameAgency(a: string[], b: string[]): boolean {
  if (a[0] === b[0]) return true;
  const acronym = (x: string[], y: string[]) => x.length === 1 && x[0]!.length <= 8 && x[0]![0] === y[0]![0];
  return acronym(a, b) || acronym(b, a);
}

/**
 * A sectoral agency (dinas, badan, ...) names other agencies as partners, so only the places where a
 * name stands as the report's own agency are compared: a cover line, the line under a letterhead's
 * "PEMERINTAH KABUPATEN ...", the report's title, a "Kepala Dinas ..." line above a NIP, and a
 * sentence "Dinas ... merupakan unsur / perangkat daerah ..." (the words in rules/vocabulary.yaml). The name those places give most often (at least twice, and at least
 * twice as often as the other) is the agency's; another name of the same unit word with another
 * field (its first word differs, and it is not a one-word acronym with the same first letter) in such a
 * place is reported: a letterhead or paragraph copied from a sibling agency's report.
 */
function sectoralNames(ctx: Ctx): void {
  const { report, config } = ctx;
  const vocab = config.vocabulary?.agencyUnits;
  if (!vocab || vocab.sectoral.length === 0) return;
  const lower = (xs: string[]) => xs.map((w) => w.toLowerCase());
  const units = lower(vocab.sectoral);
  const region = new Set(lower(vocab.regionWords));
  const unitRe = new RegExp(`^(${units.map(esc).join('|')})\\s+(.+)$`, 'i');
  const letterheadRe = new RegExp(`^(?:${lower(vocab.letterhead).map(esc).join('|')})\\b`, 'i');
  const titleRe = vocab.titles.length ? new RegExp(`\\b(?:${lower(vocab.titles).map(esc).join('|')})\\b[^.]{0,60}?(?=\\b(?:${units.map(esc).join('|')})\\s)`, 'i') : null;
  const selfRe = new RegExp(`\\s(?:${lower(vocab.selfVerbs).map(esc).join('|')})\\b`, 'i');
  /** The name after a unit word: words up to the region, an address or the end; capitals only when `caps`. */
  const nameOf = (text: string, caps: boolean): { unit: string; words: string[]; printed: string } | null => {
    const m = unitRe.exec(text.trim());
    if (!m) return null;
    const shown: string[] = [];
    for (const w of m[2]!.split(/\s+/)) {
      const bare = w.replace(/[,;:()]+$/, '');
      if (region.has(bare.toLowerCase()) || /\d/.test(bare)) break;
      if (caps ? bare !== bare.toUpperCase() || !/[A-Z]/.test(bare) : !/^[A-Z&]/.test(bare) && !/^(dan|&)$/i.test(bare)) break;
      shown.push(bare);
      if (bare !== w) break;
    }
    while (shown.length && /^(dan|&)$/i.test(shown[shown.length - 1]!)) shown.pop();
    const words = shown.map((w) => w.toUpperCase());
    if (words.length === 0 || words.some((w) => !/^[A-Z&.'-]+$/.test(w))) return null;
    return { unit: m[1]!.toLowerCase(), words, printed: `${m[1]} ${shown.join(' ')}` };
  };
  const lines = allLines(report);
  const found: OwnName[] = [];
  const add = (n: ReturnType<typeof nameOf>, place: OwnPlace, line: TextLine) => {
    if (n) found.push({ ...n, place, line });
  };
  lines.forEach((p, i) => {
    if (p.line.cells && p.line.cells.filter((c) => c.trim() !== '').length > 1) return;
    const t = p.text;
    // the report's title: "Laporan Kinerja Instansi Pemerintah (LKjIP) Dinas Pertanian Kabupaten ..."
    const title = titleRe?.exec(t);
    if (title) return add(nameOf(t.slice(title.index + title[0].length), false), 'title', p.line);
    if (t.length > 120) return;
    const caps = t.replace(/[^A-Za-z]/g, '');
    const isCaps = caps.length >= 6 && caps === caps.toUpperCase();
    // a line that starts with the unit word in capitals: the name is its words in capitals
    const startsCaps = /^[A-Z]{4,}\s/.test(t);
    if (p.section === 'cover' && isCaps) return add(nameOf(t, true), 'cover', p.line);
    const prev = lines[i - 1];
    if (startsCaps && prev && prev.line.line >= p.line.line - 2 && letterheadRe.test(prev.text)) return add(nameOf(t, true), 'letterhead', p.line);
    // "Kepala Dinas ..." with a NIP in the next lines
    const head = /^(?:plt\.?|plh\.?|pj\.?|pth\.?)?\s*kepala\s+(.+)$/i.exec(t);
    if (head && lines.slice(i + 1, i + 7).some((q) => /\bNIP\b/i.test(q.text))) add(nameOf(head[1]!, isCaps), 'signature', p.line);
  });
  for (const par of paragraphs(report)) {
    for (const s of sentences(par.text)) {
      const m = selfRe.exec(s.text);
      if (!m) continue;
      // the whole subject is the name: "Dinas Kesehatan Kabupaten X adalah ...", not "Dinas yang ..."
      const subject = s.text.slice(0, m.index).trim();
      if (subject.length > 100 || subject.split(/\s+/).some((w) => /^[a-z]/.test(w) && !/^(dan|&)$/.test(w))) continue;
      add(nameOf(subject, false), 'self', lineAt(par, s.offset));
    }
  }
  const byUnit = new Map<string, OwnName[]>();
  for (const x of found) byUnit.set(x.unit, [...(byUnit.get(x.unit) ?? []), x]);
  for (const list of byUnit.values()) {
    // group the names: each joins the first group it is the same agency as
    const groups: OwnName[][] = [];
    for (const x of list) {
      const g = groups.find((g) => sameAgency(g[0]!.words, x.words));
      if (g) g.push(x);
      else groups.push([x]);
    }
    if (groups.length < 2) continue;
    groups.sort((a, b) => b.length - a.length);
    const own = groups[0]!;
    // the report declares itself this agency: on its cover, in its title or its letterhead (not only in signatures,
    // where a secretariat's report may carry the PKs of its several bagian)
    if (own.length < 2 || !own.some((x) => x.place === 'cover' || x.place === 'title' || x.place === 'letterhead')) continue;
    const ownShown = own.find((x) => x.place === 'self')?.printed ?? own[0]!.printed;
    for (const g of groups.slice(1)) {
      if (g.length * 2 > own.length) continue;
      // the other name must differ from every own name, not only from the first
      if (g.some((x) => own.some((o) => sameAgency(o.words, x.words)))) continue;
      for (const x of g) {
        const places = own.slice(0, 4).map((o) => `${PLACE_LABEL[o.place].id.toLowerCase()} baris ${o.line.line}`);
        const placesEn = own.slice(0, 4).map((o) => `${PLACE_LABEL[o.place].en} line ${o.line.line}`);
        ctx.problem({
          messageId: 'otherSectoral',
          data: { kind: PLACE_LABEL[x.place].id, kindEn: PLACE_LABEL[x.place].en, line: x.line.line, reported: x.printed, expected: ownShown, count: own.length, places: places.join(', '), placesEn: placesEn.join(', ') },
          where: { file: report.file, page: x.line.page, line: x.line.line, section: SECTION_LABEL[sectionAt(report.sections, x.line.line).kind] },
          reported: x.printed,
          expected: expectText(`${ownShown} (${places.join(', ')})`, `${ownShown} (${placesEn.join(', ')})`),
          tolerance: criterion('nama instansi sama di sampul, kop surat, tanda tangan dan kalimat tentang instansi', 'the same agency name on the cover, letterheads, signatures and sentences about the agency'),
          related: own.slice(0, 4).map((o) => ({ file: report.file, page: o.line.page, line: o.line.line, section: SECTION_LABEL[sectionAt(report.sections, o.line.line).kind], note: o.printed })),
        });
      }
    }
  }
}
