import type { Rule } from '../../model/rule.js';
import { criterion, expectText } from '../tolerance.js';
import type { SourceRef } from '../../model/values.js';
import { intToRoman, leadingNumber, romanToInt, tocEntries, type OutlineNumber, type TocEntry } from '../../parse/outline.js';
import { SECTION_LABEL, sectionAt, tableLabel } from '../../parse/structure.js';
import { allLines, shorten, wordsToNumber } from './_text.js';

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

export const outline: Rule = {
  meta: {
    id: 'outline',
    category: 'reference_mismatch',
    defaultSeverity: 'warning',
    docs: {
      id: 'Daftar isi terhadap dirinya sendiri dan terhadap batang tubuh: nomor halaman tidak pernah mundur (entri yang halamannya melewati bab berikutnya dilaporkan); bagian satu bab bernomor berurutan (1.1, 1.2, ...; A, B, C; B.1, B.2) tanpa nomor ganda atau terlewat; bab berurutan (BAB I, II, ...) tanpa bab yang hilang; diktum keputusan berurutan (KESATU, KEDUA, ...; KESATU memulai keputusan baru); nomor romawi program (I, II, III, ...) di kolom pertama tabel berurutan; dan judul di daftar isi sama dengan judul bagian bernomor sama di batang tubuh (beda huruf besar, tanda baca dan spasi diabaikan; beda tahun diserahkan ke aturan report-year). Temuan penomoran berupa info; judul yang berbeda berupa peringatan.',
      en: 'The table of contents against itself and against the body: page numbers never go back (an entry whose page lies beyond the next chapter is reported); the sections of a chapter are numbered in sequence (1.1, 1.2, ...; A, B, C; B.1, B.2) with no number used twice or skipped; chapters follow each other (BAB I, II, ...) with none missing; decree clauses follow each other (KESATU, KEDUA, ...; KESATU starts a new decree); the roman program numbers (I, II, III, ...) down the first column of a table follow each other; and a contents title equals the title of the body heading with the same number (case, punctuation and spacing ignored; a different year is left to report-year). Numbering findings are info; differing titles are warnings.',
    },
    messages: {
      page: {
        id: 'Daftar isi: "{{entry}}" di halaman {{reported}}, padahal entri sebelumnya ("{{before}}") di halaman {{prev}} dan entri sesudahnya ("{{after}}") di halaman {{next}}: nomor halaman mundur.',
        en: 'Contents: "{{entry}}" is on page {{reported}}, but the entry before ("{{before}}") is on page {{prev}} and the entry after ("{{after}}") on page {{next}}: the page numbers go back.',
      },
      duplicate: {
        id: 'Daftar isi: nomor {{reported}} dipakai dua kali ("{{first}}" dan "{{entry}}"); seharusnya {{expected}}.',
        en: 'Contents: number {{reported}} is used twice ("{{first}}" and "{{entry}}"); expected {{expected}}.',
      },
      skipped: {
        id: '{{where}}: sesudah {{prev}} ("{{prevTitle}}") tercatat {{reported}} ("{{entry}}"), seharusnya {{expected}}.',
        en: '{{whereEn}}: after {{prev}} ("{{prevTitle}}") comes {{reported}} ("{{entry}}"), expected {{expected}}.',
      },
      diktum: {
        id: 'Diktum keputusan: sesudah {{prev}} tercatat {{reported}}, seharusnya {{expected}}.',
        en: 'Decree clauses: after {{prev}} comes {{reported}}, expected {{expected}}.',
      },
      rowNumber: {
        id: '{{table}}: sesudah nomor {{prev}} ("{{prevLabel}}") tercatat nomor {{reported}} ("{{label}}"), seharusnya {{expected}}.',
        en: '{{table}}: after number {{prev}} ("{{prevLabel}}") comes number {{reported}} ("{{label}}"), expected {{expected}}.',
      },
      title: {
        id: 'Judul {{number}} berbeda: daftar isi "{{toc}}", batang tubuh "{{body}}".',
        en: 'The title of {{number}} differs: contents "{{toc}}", body "{{body}}".',
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
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
          severity: 'info',
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

    // ---- program numbers (I, II, III, ...) down the first column of a table
    for (const t of report.tables) {
      let prev: { n: number; raw: string; label: string; line: number; page: number | null } | null = null;
      for (const r of t.rows) {
        const raw = (r.cells[0] ?? '').trim().replace(/\.$/, '');
        const n = /^[IVXL]+$/.test(raw) ? romanToInt(raw) : null;
        if (n === null) continue;
        const label = shorten((r.cells[1] ?? '').trim(), 60);
        if (prev && n !== prev.n + 1) {
          const tl = tableLabel(t);
          ctx.problem({
            messageId: 'rowNumber',
            severity: 'info',
            data: { table: tl, prev: prev.raw, prevLabel: prev.label, prevLine: prev.line, reported: raw, label, expected: intToRoman(prev.n + 1) },
            where: { ...bodyAt(r.line, r.page), table: tl, row: label, column: t.columns[0] || 'kolom 1', col: 0 },
            reported: `${raw} (nomor ke-${n})`,
            expected: expectText(`${intToRoman(prev.n + 1)} (nomor ke-${prev.n + 1})`, `${intToRoman(prev.n + 1)} (number ${prev.n + 1})`),
            tolerance: IN_SEQUENCE,
            related: [{ ...bodyAt(prev.line, prev.page), table: tl, note: `${prev.raw} ${prev.label}` }],
          });
        }
        prev = { n, raw, label, line: r.line, page: r.page };
      }
    }

    const toc = tocEntries(lines.map((p) => ({ line: p.line.line, page: p.line.page, text: p.line.text })));
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
        severity: 'info',
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
        severity: 'info',
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
      const ln = leadingNumber(t);
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
      // only spelling apart ("KERJA" / "KINERJA"): info
      const spelling = onlyA.length === onlyB.length && onlyA.every((w, i) => editDistance(w, onlyB[i]!) <= 2);
      const tocTitle = shorten(`${e.number.raw} ${e.title}`, 90);
      const bodyTitle = shorten(`${h.n.raw} ${h.title}`, 90);
      ctx.problem({
        messageId: 'title',
        ...(spelling ? { severity: 'info' as const } : {}),
        data: { number: e.number.raw, toc: tocTitle, tocLine: e.line, body: bodyTitle, bodyLine: h.line },
        where: at(e),
        reported: tocTitle,
        expected: expectText(bodyTitle),
        tolerance: criterion('judul sama (huruf besar, tanda baca, spasi diabaikan)', 'the same title (case, punctuation, spacing ignored)'),
        related: [{ file: report.file, page: h.page, line: h.line, section: SECTION_LABEL[sectionAt(report.sections, h.line).kind], note: bodyTitle }],
      });
    }
  },
};
