import type { Rule } from '../../model/rule.js';
import { criterion, expectText } from '../tolerance.js';
import type { SourceRef } from '../../model/values.js';
import { captionNumber, followingTableCitations, regulationCitations, type RegulationCitation } from '../../parse/citations.js';
import { SECTION_LABEL } from '../../parse/structure.js';
import { allLines, lineAt, paragraphs, shorten, type ProseLine } from './_text.js';

/**
 * What the text cites must be what it names: "tabel 4 berikut" is the caption of the table that
 * follows, and one regulation (kind, number, title) has one year every time it is cited.
 */
export const citation: Rule = {
  meta: {
    id: 'citation',
    category: 'reference_mismatch',
    defaultSeverity: 'warning',
    docs: {
      id: 'Rujukan dalam teks harus sama dengan yang dirujuk: "tabel 4 berikut / di bawah ini" harus bernomor sama dengan judul tabel yang langsung menyusul (judul dalam enam baris berikutnya, sebelum baris tabel); satu peraturan (jenis, nomor, dan awal judul "tentang ...") dikutip dengan tahun yang sama setiap kali di seluruh dokumen (batang tubuh dan keputusan yang dilampirkan). Peraturan dengan nomor sama tetapi judul lain adalah peraturan lain (nomor berulang setiap tahun) dan tidak dibandingkan; kutipan tanpa judul tidak dibandingkan.',
      en: 'A citation in the text must match what it cites: "tabel 4 berikut / di bawah ini" must carry the number of the caption of the table that directly follows (a caption within the next six lines, before any table row); one regulation (kind, number and the start of its "tentang ..." title) is cited with the same year every time in the whole document (body and attached decrees). A regulation with the same number but another title is another regulation (numbers restart every year) and is not compared; citations without a title are not compared.',
    },
    messages: {
      followingTable: {
        id: 'Teks merujuk "{{reported}}", tetapi tabel yang menyusul berjudul "{{caption}}": nomor tabel berbeda.',
        en: 'The text refers to "{{reported}}", but the table that follows is captioned "{{caption}}": the table numbers differ.',
      },
      regulationYear: {
        id: '{{jenis}} Nomor {{nomor}} tentang "{{tentang}}" dikutip dengan Tahun {{reported}} di sini, tetapi dengan Tahun {{expected}} di {{places}}: tahunnya berbeda.',
        en: '{{jenis}} Nomor {{nomor}} on "{{tentang}}" is cited with year {{reported}} here, but with year {{expected}} in {{places}}: the years differ.',
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    const lines = allLines(report);
    const at = (p: ProseLine | { line: { line: number; page: number | null }; section: ProseLine['section'] }): SourceRef => ({ file: report.file, page: p.line.page, line: p.line.line, section: SECTION_LABEL[p.section] });

    // ---- "tabel N berikut" against the caption that follows
    lines.forEach((p, i) => {
      if (p.line.cells || p.section === 'daftar_isi') return;
      for (const c of followingTableCitations(p.text)) {
        // the citation's own line may itself be the caption's start ("Tabel 3.1 berikut ..."): only later lines
        for (let j = i + 1; j < Math.min(lines.length, i + 7); j++) {
          const q = lines[j]!;
          if (q.line.cells && q.line.cells.filter((x) => x.trim() !== '').length > 1) break; // the table came without a caption
          const n = captionNumber(q.text);
          if (n === null) continue;
          if (n !== c.number.replace(/\.$/, '')) {
            ctx.problem({
              messageId: 'followingTable',
              data: { reported: c.printed, captionLine: q.line.line, caption: shorten(q.text, 80) },
              where: at(p),
              reported: c.printed,
              expected: expectText(`Tabel ${n} (judul tabel yang menyusul, baris ${q.line.line})`, `Tabel ${n} (caption of the table that follows, line ${q.line.line})`),
              tolerance: criterion('nomor tabel sama', 'the same table number'),
              related: [{ ...at(q), note: shorten(q.text, 80) }],
            });
          }
          break;
        }
      }
    });

    // ---- one regulation, one year
    const cites: { c: RegulationCitation; where: SourceRef }[] = [];
    for (const par of paragraphs(report)) {
      for (const c of regulationCitations(par.text)) {
        if (!c.tentangKey) continue;
        const l = lineAt(par, c.index);
        cites.push({ c, where: { file: report.file, page: l.page, line: l.line, section: SECTION_LABEL[par.section] } });
      }
    }
    const groups = new Map<string, typeof cites>();
    for (const x of cites) {
      const k = `${x.c.jenisKey}|${x.c.nomor}|${x.c.tentangKey}`;
      groups.set(k, [...(groups.get(k) ?? []), x]);
    }
    for (const g of groups.values()) {
      const years = new Map<number, typeof cites>();
      for (const x of g) years.set(x.c.tahun, [...(years.get(x.c.tahun) ?? []), x]);
      if (years.size < 2) continue;
      const ranked = [...years.entries()].sort((a, b) => b[1].length - a[1].length || a[1][0]!.where.line - b[1][0]!.where.line);
      const [majorYear, major] = ranked[0]!;
      for (const [y, xs] of ranked.slice(1)) {
        for (const x of xs) {
          const others = [...new Set(major.map((o) => `${o.where.section ?? ''} baris ${o.where.line}`.trim()))].slice(0, 4);
          // the message names the sections; the lines are the related places (and the expected column)
          const sections = [...new Set(major.map((o) => o.where.section ?? ''))].filter(Boolean).slice(0, 4);
          ctx.problem({
            messageId: 'regulationYear',
            data: { jenis: shorten(x.c.jenis, 70), nomor: x.c.nomor, tentang: shorten(x.c.tentang ?? '', 60), reported: y, expected: majorYear, others: others.join(', '), othersEn: others.join(', ').replace(/baris/g, 'line'), places: sections.join(', ') },
            where: x.where,
            reported: shorten(x.c.printed, 120),
            expected: expectText(`Tahun ${majorYear} (${others.join(', ')})`, `Year ${majorYear} (${others.join(', ').replace(/baris/g, 'line')})`),
            tolerance: criterion('jenis, nomor dan judul sama: tahun sama', 'same kind, number and title: same year'),
            related: major.slice(0, 4).map((o) => ({ ...o.where, note: shorten(o.c.printed, 80) })),
          });
        }
      }
    }
  },
};
