import type { Rule, RuleContext } from '../../model/rule.js';
import { criterion, expectText } from '../tolerance.js';
import type { SourceRef } from '../../model/values.js';
import { captionOf, intToRoman, leadingNumber, type Caption, type OutlineNumber, type TocEntry } from '../../parse/outline.js';
import { SECTION_LABEL, sectionAt, tableLabel } from '../../parse/structure.js';
import { rowNumber } from './_facts.js';
import { allLines, BODY_SECTIONS, shorten, wordsToNumber, type ProseLine } from './_text.js';

const DIKTUM: Record<number, string> = { 1: 'SATU', 2: 'DUA', 3: 'TIGA', 4: 'EMPAT', 5: 'LIMA', 6: 'ENAM', 7: 'TUJUH', 8: 'DELAPAN', 9: 'SEMBILAN', 10: 'SEPULUH' };

const letter = (n: number) => String.fromCharCode(64 + n);

/** Words of a title for comparison: lower case, letters and digits only, years kept apart. */
function titleWords(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/(\D)((?:19|20)\d\d)/g, '$1 $2')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** Outline key: chapter context plus the printed number, so "B.1" of Bab II and of Bab III differ. */
const keyOf = (chapter: number | null, n: OutlineNumber) => (n.kind === 'chapter' ? n.raw : `${chapter ?? '?'}|${n.raw}`);

/**
 * The table of contents against itself and against the body: page numbers never go back, a
 * chapter's sections are numbered 1, 2, 3 ... without a number used twice or skipped, chapters
 * (BAB I, II, ...) follow each other, and a contents title names the same heading the body prints
 * under that number.
 */
const IN_SEQUENCE = criterion('penomoran berurutan', 'numbered in sequence');

/** The vocabulary's chapter words (sectionHeadings.chapterWords). */
const chapterWordsOf = (config: RuleContext['config']): readonly string[] => config.vocabulary?.sectionHeadings?.chapterWords ?? [];

export const outline: Rule = {
  meta: {
    id: 'outline',
    category: 'reference_mismatch',
    defaultSeverity: 'warning',
    docs: {
      id: 'Daftar isi terhadap dirinya sendiri dan terhadap batang tubuh: nomor halaman tidak pernah mundur (entri yang halamannya melewati bab berikutnya dilaporkan); bagian satu bab bernomor berurutan (1.1, 1.2, ...; A, B, C; B.1, B.2) tanpa nomor ganda atau terlewat; bab berurutan (BAB I, II, ...) tanpa bab yang hilang; diktum keputusan berurutan (KESATU, KEDUA, ...; KESATU memulai keputusan baru); nomor romawi program (I, II, III, ...) di kolom pertama tabel berurutan; nomor tabel dan gambar (Tabel 3.1, 3.2, ...; kata judulnya di rules/vocabulary.yaml) tidak dipakai dua kali dan tidak terlewat dalam satu bab (judul tabel harus diikuti baris tabel; "(lanjutan)" atau judul yang sama langsung sesudah tabelnya bukan judul baru; nomor yang hanya tercetak sebagai judul gambar tabel tetap dihitung ada); sub-bagian bernomor di bawah satu judul ("1. Visi dan Misi" yang berdiri sendiri, bukan butir daftar) berurutan 1, 2, 3; dan judul di daftar isi sama dengan judul bagian bernomor sama di batang tubuh (beda huruf besar, tanda baca dan spasi diabaikan; beda tahun diserahkan ke aturan report-year); pada PDF, nomor halaman di daftar isi sama dengan nomor halaman yang tercetak di halaman tempat judulnya berada (dibaca hanya bila nomor tercetak naik satu demi satu di posisi yang sama, atas atau bawah; halaman bab tanpa nomor di antara dua halaman bernomor disimpulkan; dilaporkan hanya bila sedikitnya tiga entri dapat diperiksa dan tiga per empatnya cocok, sehingga penomoran halaman lain tetap diam). Temuan penomoran berupa info; judul yang berbeda berupa peringatan.',
      en: 'The table of contents against itself and against the body: page numbers never go back (an entry whose page lies beyond the next chapter is reported); the sections of a chapter are numbered in sequence (1.1, 1.2, ...; A, B, C; B.1, B.2) with no number used twice or skipped; chapters follow each other (BAB I, II, ...) with none missing; decree clauses follow each other (KESATU, KEDUA, ...; KESATU starts a new decree); the roman program numbers (I, II, III, ...) down the first column of a table follow each other; table and figure numbers (Tabel 3.1, 3.2, ...; caption words in rules/vocabulary.yaml) are neither used twice nor skipped within a chapter (a table caption must be followed by table rows; "(lanjutan)" is no new caption); numbered sub-sections under one heading (a "1. Visi dan Misi" standing alone, not a list item) run 1, 2, 3; and a contents title equals the title of the body heading with the same number (case, punctuation and spacing ignored; a different year is left to report-year); in a PDF, a contents page number equals the page number printed on the page where its heading stands (read only where the printed numbers run by one at the same position, top or bottom; a chapter page printing none between two numbered pages is inferred; reported only when at least three entries can be checked and three in four of them agree, so another pagination stays silent). Numbering findings are info; differing titles are warnings.',
    },
    messages: {
      page: {
        id: 'Daftar isi: "{{entry}}" di halaman {{reported}}, padahal entri sebelumnya ("{{before}}") di halaman {{prev}} dan entri sesudahnya ("{{after}}") di halaman {{next}}: nomor halaman mundur.',
        en: 'Contents: "{{entry}}" is on page {{reported}}, but the entry before ("{{before}}") is on page {{prev}} and the entry after ("{{after}}") on page {{next}}: the page numbers go back.',
        severity: 'info',
      },
      duplicate: {
        id: 'Daftar isi: nomor {{reported}} dipakai dua kali ("{{first}}" dan "{{entry}}"); seharusnya {{expected}}.',
        en: 'Contents: number {{reported}} is used twice ("{{first}}" and "{{entry}}"); expected {{expected}}.',
        severity: 'info',
      },
      skipped: {
        id: '{{where}}: sesudah {{prev}} ("{{prevTitle}}") tercatat {{reported}} ("{{entry}}"), seharusnya {{expected}}.',
        en: '{{whereEn}}: after {{prev}} ("{{prevTitle}}") comes {{reported}} ("{{entry}}"), expected {{expected}}.',
        severity: 'info',
      },
      diktum: {
        id: 'Diktum keputusan: sesudah {{prev}} tercatat {{reported}}, seharusnya {{expected}}.',
        en: 'Decree clauses: after {{prev}} comes {{reported}}, expected {{expected}}.',
        severity: 'info',
      },
      rowNumber: {
        id: '{{table}}: sesudah nomor {{prev}} ("{{prevLabel}}") tercatat nomor {{reported}} ("{{label}}"), seharusnya {{expected}}.',
        en: '{{table}}: after number {{prev}} ("{{prevLabel}}") comes number {{reported}} ("{{label}}"), expected {{expected}}.',
        severity: 'info',
      },
      captionDuplicate: {
        id: '{{word}} {{number}} dipakai dua kali: "{{first}}" dan "{{caption}}".',
        en: '{{word}} {{number}} is used twice: "{{first}}" and "{{caption}}".',
        severity: 'info',
      },
      captionSkipped: {
        id: 'Sesudah {{word}} {{prev}} tercatat {{word}} {{number}}, seharusnya {{word}} {{expected}}: {{missing}} tidak ada di laporan.',
        en: 'After {{word}} {{prev}} comes {{word}} {{number}}, expected {{word}} {{expected}}: {{missing}} is not in the report.',
        severity: 'info',
      },
      subsections: {
        id: '{{heading}}: sub-bagiannya bernomor {{numbers}}, seharusnya {{expectedNumbers}}.',
        en: '{{heading}}: its sub-sections are numbered {{numbers}}, expected {{expectedNumbers}}.',
        severity: 'info',
      },
      printedPage: {
        id: 'Daftar isi: "{{entry}}" di halaman {{reported}}, padahal judulnya di batang tubuh ada di halaman bernomor cetak {{printed}} (halaman PDF {{pdfPage}}); {{agree}} dari {{total}} entri yang dapat diperiksa cocok dengan nomor halaman tercetak.',
        en: 'Contents: "{{entry}}" is on page {{reported}}, but its heading in the body stands on the page printed as {{printed}} (PDF page {{pdfPage}}); {{agree}} of {{total}} entries match the printed page numbers.',
        severity: 'info',
      },
      title: {
        id: 'Judul {{number}} berbeda: daftar isi "{{toc}}", batang tubuh "{{body}}".',
        en: 'The title of {{number}} differs: contents "{{toc}}", body "{{body}}".',
      },
      titleSpelling: {
        id: 'Judul {{number}} berbeda: daftar isi "{{toc}}", batang tubuh "{{body}}".',
        en: 'The title of {{number}} differs: contents "{{toc}}", body "{{body}}".',
        severity: 'info',
      },
    },
  },
  check(ctx) {
    const { report, config } = ctx;
    const lines = allLines(report);
    const bodyAt = (line: number, page: number | null): SourceRef => ({ file: report.file, page, line, section: SECTION_LABEL[sectionAt(report.sections, line).kind] });

    // ---- diktum words of a decree in sequence: KESATU, KEDUA, ... (KESATU starts a new decree)
    let prevDiktum: { n: number; word: string; line: number; page: number | null } | null = null;
    for (const p of lines) {
      const m = /^[-*\s]*KE(SATU|DUA|TIGA|EMPAT|LIMA|ENAM|TUJUH|DELAPAN|SEMBILAN|SEPULUH)\b\**\s*:/.exec(p.text);
      if (!m) continue;
      const n = wordsToNumber(m[1]!.toLowerCase());
      if (n === null) continue;
      const word = `KE${m[1]}`;
      if (prevDiktum && n !== 1 && n !== prevDiktum.n + 1) {
        const exp = DIKTUM[prevDiktum.n + 1] ? `KE${DIKTUM[prevDiktum.n + 1]}` : `diktum ke-${prevDiktum.n + 1}`;
        ctx.problem({
          messageId: 'diktum',
          data: { prev: prevDiktum.word, prevLine: prevDiktum.line, reported: word, expected: exp },
          where: bodyAt(p.line.line, p.line.page),
          reported: `${word} (diktum ke-${n})`,
          expected: expectText(`${exp} (diktum ke-${prevDiktum.n + 1})`, `${exp} (diktum no. ${prevDiktum.n + 1})`),
          tolerance: IN_SEQUENCE,
          related: [{ ...bodyAt(prevDiktum.line, prevDiktum.page), note: prevDiktum.word }],
        });
      }
      prevDiktum = { n, word, line: p.line.line, page: p.line.page };
    }

    // ---- program numbers (I, II, III, ...) down the No column of a table
    const layouts = new Map(report.layouts.map((l) => [l.table, l]));
    for (const t of report.tables) {
      const layout = layouts.get(t.id);
      if (!layout) continue;
      let prev: { n: number; raw: string; label: string; line: number; page: number | null } | null = null;
      for (const info of layout.rows) {
        const r = t.rows[info.index]!;
        const no = rowNumber(t, layout, info);
        if (!no || !no.roman) continue;
        const { n, raw } = no;
        const label = shorten(info.label, 60);
        if (prev && n !== prev.n + 1) {
          const tl = tableLabel(t);
          ctx.problem({
            messageId: 'rowNumber',
            data: { table: tl, prev: prev.raw, prevLabel: prev.label, prevLine: prev.line, reported: raw, label, expected: intToRoman(prev.n + 1) },
            where: { ...bodyAt(r.line, r.page), table: tl, row: label, column: layout.columns[no.col]!.label || `kolom ${no.col + 1}`, col: no.col },
            reported: `${raw} (nomor ke-${n})`,
            expected: expectText(`${intToRoman(prev.n + 1)} (nomor ke-${prev.n + 1})`, `${intToRoman(prev.n + 1)} (number ${prev.n + 1})`),
            tolerance: IN_SEQUENCE,
            related: [{ ...bodyAt(prev.line, prev.page), table: tl, note: `${prev.raw} ${prev.label}` }],
          });
        }
        prev = { n, raw, label, line: r.line, page: r.page };
      }
    }

    // ---- table and figure numbers: unique, and in sequence within a chapter (3.1, 3.2, ...)
    const cap = config.vocabulary?.captions;
    if (cap) {
      for (const kind of ['tables', 'figures'] as const) {
        const found: { c: Caption; title: string }[] = [];
        // every number printed as a caption anywhere (a table printed as an image has no rows after it)
        const numbers = new Set<string>();
        lines.forEach((p, i) => {
          if (p.line.cells && p.line.cells.filter((x) => x.trim() !== '').length > 1) return;
          const c = captionOf({ line: p.line.line, page: p.line.page, text: p.text }, cap[kind], cap.continued);
          if (!c) return;
          numbers.add(c.number);
          if (!BODY_SECTIONS.has(p.section)) return;
          // the title, here or on the next line
          const next = lines[i + 1];
          const title = shorten(`${p.text}${c.rest === '' && next && !next.line.cells ? ` ${next.text}` : ''}`, 80);
          if (kind === 'tables') {
            // a caption stands over a table: a row within the next lines, before another caption
            let row = false;
            for (let j = i + 1; j < Math.min(lines.length, i + 9); j++) {
              const q = lines[j]!;
              if (q.line.cells && q.line.cells.filter((x) => x.trim() !== '').length > 1) {
                row = true;
                break;
              }
              if (captionOf({ line: q.line.line, page: q.line.page, text: q.text }, cap[kind], cap.continued)) break;
            }
            if (!row) return;
          } else if (c.rest.length > 100 || /[.,;:]$|\.\s/.test(c.rest)) return; // a sentence, not a caption
          found.push({ c, title });
        });
        const seen = new Map<string, { c: Caption; title: string }>();
        const lastIn = new Map<string, { c: Caption; title: string }>();
        for (const [xi, x] of found.entries()) {
          const { c } = x;
          const first = seen.get(c.number);
          const where: SourceRef = bodyAt(c.line, c.page);
          const word = first?.c.word ?? c.word;
          // the same caption again right after its table (no other caption between): the table carried on to the next page
          if (first && found[xi - 1] === first && first.title.toLowerCase() === x.title.toLowerCase()) continue;
          if (first) {
            ctx.problem({
              messageId: 'captionDuplicate',
              data: { word, number: c.number, first: first.title, firstLine: first.c.line, caption: x.title, line: c.line },
              where,
              reported: x.title,
              expected: expectText(
                `nomor ${word.toLowerCase()} yang belum dipakai (${word} ${c.number} sudah dipakai di baris ${first.c.line}: "${first.title}")`,
                `a ${word.toLowerCase()} number not used yet (${word} ${c.number} is already used on line ${first.c.line}: "${first.title}")`,
              ),
              tolerance: criterion('setiap nomor dipakai satu kali', 'each number used once'),
              related: [{ ...bodyAt(first.c.line, first.c.page), note: first.title }],
            });
            continue;
          }
          seen.set(c.number, x);
          const prev = lastIn.get(c.chapter);
          lastIn.set(c.chapter, x);
          if (!prev || c.index <= prev.c.index + 1) continue;
          // a gap: the numbers between are nowhere in the report
          const missing: string[] = [];
          for (let k = prev.c.index + 1; k < c.index; k++) missing.push(c.chapter ? `${c.chapter}.${k}` : String(k));
          if (missing.some((m) => numbers.has(m))) continue;
          const expected = missing[0]!;
          ctx.problem({
            messageId: 'captionSkipped',
            data: { word, prev: prev.c.number, prevLine: prev.c.line, number: c.number, line: c.line, expected, missing: missing.map((m) => `${word} ${m}`).join(', ') },
            where,
            reported: x.title,
            expected: expectText(`${word} ${expected} (sesudah ${word} ${prev.c.number}, baris ${prev.c.line})`, `${word} ${expected} (after ${word} ${prev.c.number}, line ${prev.c.line})`),
            tolerance: criterion('penomoran berurutan', 'numbers in sequence'),
            related: [{ ...bodyAt(prev.c.line, prev.c.page), note: prev.title }],
          });
        }
      }
    }

    // ---- numbered sub-sections under a heading ("A. RENCANA STRATEGIS": 1. Visi dan Misi, 2. Tujuan, ...)
    subsectionNumbers(ctx, lines, bodyAt);

    // the table of contents, as parse read it into the model
    const toc = report.contents;
    if (!toc) return;
    const at = (e: { line: number; page: number | null }): SourceRef => ({ file: report.file, page: e.page, line: e.line, section: 'Daftar Isi' });
    const label = (e: TocEntry) => shorten(`${e.number ? e.number.raw + ' ' : ''}${e.title}`, 70);
    const entries = toc.entries;

    // ---- page numbers never go back
    const paged = entries.filter((e) => e.page_ !== null);
    for (let i = 0; i + 1 < paged.length; i++) {
      const a = paged[i]!;
      const b = paged[i + 1]!;
      if (a.page_! <= b.page_!) continue;
      const before = paged[i - 1];
      const after = paged[i + 2];
      // which entry breaks the order: the one whose removal restores it
      const dropA = (!before || before.page_! <= b.page_!) && true;
      const dropB = !after || a.page_! <= after.page_!;
      if (dropA === dropB) continue; // either could be the wrong one: silent
      const bad = dropA ? a : b;
      const prev = dropA ? before : a;
      const next = dropA ? b : after;
      if (!prev || !next) continue;
      ctx.problem({
        messageId: 'page',
        data: { entry: label(bad), reported: bad.pagePrinted!, before: label(prev), prev: prev.pagePrinted!, after: label(next), next: next.pagePrinted! },
        where: at(bad),
        reported: `${label(bad)}: halaman ${bad.pagePrinted}`,
        expected: expectText(`halaman antara ${prev.page_} (baris ${prev.line}) dan ${next.page_} (baris ${next.line})`, `a page between ${prev.page_} (line ${prev.line}) and ${next.page_} (line ${next.line})`),
        tolerance: criterion('nomor halaman daftar isi tidak menurun', 'table-of-contents page numbers do not decrease'),
        related: [
          { ...at(prev), note: `${label(prev)}: halaman ${prev.pagePrinted}` },
          { ...at(next), note: `${label(next)}: halaman ${next.pagePrinted}` },
        ],
      });
    }

    // ---- numbering in sequence: chapters, and the sections of each chapter
    let chapter: TocEntry | null = null;
    const lastByLevel = new Map<string, TocEntry>();
    const seq = (prev: TocEntry, cur: TocEntry, expected: string, where: string, whereEn: string) => {
      const dup = prev.number!.raw === cur.number!.raw;
      ctx.problem({
        messageId: dup ? 'duplicate' : 'skipped',
        data: dup
          ? { reported: cur.number!.raw, first: label(prev), firstLine: prev.line, entry: label(cur), expected }
          : { where, whereEn, prev: prev.number!.raw, prevTitle: shorten(prev.title, 60), prevLine: prev.line, reported: cur.number!.raw, entry: shorten(cur.title, 60), expected },
        where: at(cur),
        reported: `${label(cur)}${cur.number!.kind === 'chapter' ? ` (bab ke-${cur.number!.chapter})` : ''}`,
        expected: expectText(
          `${expected}${cur.number!.kind === 'chapter' ? ` (bab ke-${prev.number!.chapter! + 1})` : ''}${dup ? ` (${prev.number!.raw} sudah dipakai: "${shorten(prev.title, 50)}", baris ${prev.line})` : ''}`,
          `${expected}${cur.number!.kind === 'chapter' ? ` (chapter ${prev.number!.chapter! + 1})` : ''}${dup ? ` (${prev.number!.raw} already used: "${shorten(prev.title, 50)}", line ${prev.line})` : ''}`,
        ),
        tolerance: IN_SEQUENCE,
        related: [{ ...at(prev), note: label(prev) }],
      });
    };
    for (const e of entries) {
      const n = e.number;
      if (!n) continue;
      if (n.kind === 'chapter') {
        // a chapter skipped (BAB VI → BAB VIII) or used twice; a lower number starts another list
        if (chapter && n.chapter! >= chapter.number!.chapter! && n.chapter !== chapter.number!.chapter! + 1) seq(chapter, e, `BAB ${intToRoman(chapter.number!.chapter! + 1)}`, 'Daftar isi', 'Contents');
        chapter = e;
        lastByLevel.clear();
        continue;
      }
      if (!chapter) continue;
      const ch = chapter.number!.chapter!;
      if (n.kind === 'section' && n.chapter !== ch) continue; // "2.1" under BAB III: not a sequence this rule can judge
      const level = n.kind === 'letter-section' ? `ls${n.letter}` : n.kind;
      const prev = lastByLevel.get(level);
      const idx = n.kind === 'letter' ? n.letter! : n.section!;
      const prevIdx = prev ? (prev.number!.kind === 'letter' ? prev.number!.letter! : prev.number!.section!) : 0;
      if (prev && idx !== prevIdx + 1) {
        const exp = n.kind === 'letter' ? letter(prevIdx + 1) : n.kind === 'section' ? `${ch}.${prevIdx + 1}` : `${letter(n.letter!)}.${prevIdx + 1}`;
        seq(prev, e, exp, 'Daftar isi', 'Contents');
      }
      lastByLevel.set(level, e);
    }

    // ---- contents titles against the body's headings with the same number
    const tocLines = new Set(entries.map((e) => e.line));
    const body = lines.filter((p) => p.line.line > toc.endLine && !tocLines.has(p.line.line));
    const headings = new Map<string, { line: number; page: number | null; title: string; n: OutlineNumber }[]>();
    let bodyChapter: number | null = null;
    for (const p of body) {
      const t = p.text;
      if (t.length > 120) continue;
      if (p.line.cells && p.line.cells.filter((c) => c.trim() !== '').length > 1) continue;
      const ln = leadingNumber(t, chapterWordsOf(ctx.config));
      if (!ln) continue;
      if (ln.number.kind === 'chapter') bodyChapter = ln.number.chapter;
      // a heading is printed in capitals (or marked as a heading)
      const letters = ln.rest.replace(/[^A-Za-z]/g, '');
      if (!p.line.heading && (letters.length < 4 || letters !== letters.toUpperCase())) continue;
      const k = keyOf(ln.number.kind === 'section' ? ln.number.chapter : bodyChapter, ln.number);
      headings.set(k, [...(headings.get(k) ?? []), { line: p.line.line, page: p.line.page, title: ln.rest, n: ln.number }]);
    }
    let tocChapter: number | null = null;
    for (const e of entries) {
      if (!e.number) continue;
      if (e.number.kind === 'chapter') tocChapter = e.number.chapter;
      const k = keyOf(e.number.kind === 'section' ? e.number.chapter : tocChapter, e.number);
      const hs = headings.get(k);
      if (!hs || hs.length !== 1) continue;
      const h = hs[0]!;
      const a = titleWords(e.title);
      const b = titleWords(h.title);
      if (a.length === 0 || b.length === 0) continue;
      // a chapter heading whose title is on the next line, or a title wrapped: one is the start of the other
      const ja = a.join(' ');
      const jb = b.join(' ');
      if (ja === jb || ja.startsWith(jb) || jb.startsWith(ja)) continue;
      const isYear = (w: string) => /^(19|20)\d\d$/.test(w);
      // "PENCAPAIAN" and "CAPAIAN", "KINERJATAHUN" and "KINERJA": one word holding the other is the same word
      const covered = (w: string, other: string[]) => other.some((o) => o === w || (o.length >= 4 && w.length >= 4 && (o.includes(w) || w.includes(o))));
      const onlyA = a.filter((w) => !covered(w, b));
      const onlyB = b.filter((w) => !covered(w, a));
      // a word on each side that the other lacks, not only a year (report-year judges years)
      if (onlyA.filter((w) => !isYear(w)).length === 0 || onlyB.filter((w) => !isYear(w)).length === 0) continue;
      // only spelling apart ("KERJA" / "KINERJA"): its own message, info by default
      const spelling = onlyA.length === onlyB.length && onlyA.every((w, i) => editDistance(w, onlyB[i]!) <= 2);
      const tocTitle = shorten(`${e.number.raw} ${e.title}`, 90);
      const bodyTitle = shorten(`${h.n.raw} ${h.title}`, 90);
      ctx.problem({
        messageId: spelling ? 'titleSpelling' : 'title',
        data: { number: e.number.raw, toc: tocTitle, tocLine: e.line, body: bodyTitle, bodyLine: h.line },
        where: at(e),
        reported: tocTitle,
        expected: expectText(bodyTitle),
        tolerance: criterion('judul sama (huruf besar, tanda baca, spasi diabaikan)', 'the same title (case, punctuation, spacing ignored)'),
        related: [{ file: report.file, page: h.page, line: h.line, section: SECTION_LABEL[sectionAt(report.sections, h.line).kind], note: bodyTitle }],
      });
    }

    // ---- contents page numbers against the page number printed where the body heading stands (PDF)
    const printedAt = new Map((report.printedPages ?? []).map((p) => [p.page, p]));
    if (printedAt.size === 0) return;
    const checks: { e: TocEntry; h: { line: number; page: number; title: string; n: OutlineNumber }; printed: number }[] = [];
    tocChapter = null;
    for (const e of entries) {
      if (!e.number) continue;
      if (e.number.kind === 'chapter') tocChapter = e.number.chapter;
      const hs = headings.get(keyOf(e.number.kind === 'section' ? e.number.chapter : tocChapter, e.number));
      if (e.page_ === null || !hs || hs.length !== 1 || hs[0]!.page === null) continue;
      const pp = printedAt.get(hs[0]!.page);
      if (pp) checks.push({ e, h: { ...hs[0]!, page: hs[0]!.page }, printed: pp.number });
    }
    // the contents agree with the printed pages elsewhere: a few entries apart are errors, most apart
    // is another pagination (a re-rendered file) and stays silent
    const wrong = checks.filter((c) => c.printed !== c.e.page_);
    if (checks.length < 3 || wrong.length === 0 || wrong.length * 4 > checks.length) return;
    for (const { e, h, printed } of wrong) {
      const entry = label(e);
      const bodyTitle = shorten(`${h.n.raw} ${h.title}`, 90);
      ctx.problem({
        messageId: 'printedPage',
        data: { entry, reported: e.pagePrinted!, printed, pdfPage: h.page, body: bodyTitle, bodyLine: h.line, agree: checks.length - wrong.length, total: checks.length },
        where: at(e),
        reported: `${entry}: halaman ${e.pagePrinted}`,
        expected: expectText(`halaman ${printed} (judul "${bodyTitle}" di halaman PDF ${h.page}, baris ${h.line})`, `page ${printed} (heading "${bodyTitle}" on PDF page ${h.page}, line ${h.line})`),
        tolerance: criterion('nomor halaman daftar isi sama dengan nomor halaman tercetak di halaman judulnya', 'the contents page equals the page number printed on the heading’s page'),
        related: [{ file: report.file, page: h.page, line: h.line, section: SECTION_LABEL[sectionAt(report.sections, h.line).kind], note: `${bodyTitle} (halaman tercetak ${printed})` }],
      });
    }
  },
};

type Ctx = Parameters<Rule['check']>[0];

/**
 * Numbered sub-section titles under one heading (a lettered or numbered heading in capitals, or a
 * chapter): a line "N. Title" standing alone (blank lines around it), starting with a capital, that is short, does not end a
 * sentence or open a list (no ".", ":", ";" at its end), follows no list label ("Sasaran :") and is
 * followed by a paragraph, not by another item. Such titles under one heading run 1, 2, 3; when at
 * least three start at 1, none restarts at 1 (a restart means list items were taken for titles) and
 * they do not run in sequence, the heading is reported once with the numbers as printed.
 */
function subsectionNumbers(ctx: Ctx, lines: ProseLine[], bodyAt: (line: number, page: number | null) => SourceRef): void {
  type Sub = { n: number; p: ProseLine };
  let heading: ProseLine | null = null;
  let subs: Sub[] = [];
  const isRow = (p: ProseLine) => !!p.line.cells && p.line.cells.filter((c) => c.trim() !== '').length > 1;
  const flush = () => {
    const h = heading;
    const xs = subs;
    subs = [];
    if (!h || xs.length < 3 || xs[0]!.n !== 1 || xs.slice(1).some((x) => x.n === 1)) return;
    if (xs.every((x, i) => x.n === i + 1)) return;
    const bad = xs.findIndex((x, i) => x.n !== i + 1);
    const at = xs[bad]!;
    const numbers = xs.map((x) => x.n).join(', ');
    const expectedNumbers = xs.map((_, i) => i + 1).join(', ');
    const headingText = shorten(h.text, 60);
    ctx.problem({
      messageId: 'subsections',
      data: { heading: headingText, numbers, lines: xs.map((x) => x.p.line.line).join(', '), expectedNumbers },
      where: bodyAt(at.p.line.line, at.p.line.page),
      reported: `${shorten(at.p.text, 70)} (nomor ${numbers})`,
      expected: expectText(`${bad + 1}. (nomor ${expectedNumbers})`, `${bad + 1}. (numbers ${expectedNumbers})`),
      tolerance: criterion('penomoran berurutan', 'numbers in sequence'),
      related: [{ ...bodyAt(h.line.line, h.line.page), note: headingText }, ...xs.filter((_, i) => i !== bad).map((x) => ({ ...bodyAt(x.p.line.line, x.p.line.page), note: shorten(x.p.text, 60) }))],
    });
  };
  for (let i = 0; i < lines.length; i++) {
    const p = lines[i]!;
    if (!BODY_SECTIONS.has(p.section) || isRow(p)) continue;
    const ln = leadingNumber(p.text, chapterWordsOf(ctx.config));
    if (ln && p.text.length <= 120) {
      const letters = ln.rest.replace(/[^A-Za-z]/g, '');
      if (ln.number.kind === 'chapter' || p.line.heading || (letters.length >= 4 && letters === letters.toUpperCase())) {
        flush();
        heading = p;
        continue;
      }
    }
    const m = /^(\d{1,2})\.\s+(\S.*)$/.exec(p.text);
    if (!m || !heading) continue;
    const prev = lines[i - 1];
    const next = lines[i + 1];
    if (!prev || !next || isRow(next)) continue;
    // standing alone, short, not a sentence or a list's opening, followed by a paragraph
    if (prev.line.line >= p.line.line - 1 || next.line.line <= p.line.line + 1) continue;
    const title = m[2]!;
    if (title.length > 80 || /[.:;,]$/.test(title) || !/^[A-Z]/.test(title)) continue;
    if (/^(\d+[.)]|[a-z][.)]\s|[-•*])/.test(next.text) || next.text.length < title.length) continue;
    // after a list label ("Sasaran :") it is the list's item
    if (/:$/.test(prev.text) && prev.text.length <= 40) continue;
    subs.push({ n: Number(m[1]), p });
  }
  flush();
}
