import type { RowInfo } from '../../model/facts.js';
import type { Table } from '../../model/report.js';
import type { Config } from '../../model/config.js';
import { perConfig } from '../../model/per-config.js';
import type { Rule } from '../../model/rule.js';
import { alt } from '../../parse/prose-facts.js';
import { criterion, expectText } from '../tolerance.js';
import { factsByRow } from '../../parse/facts.js';
import { parseValue } from '../../parse/numbers.js';
import { cellRef, SECTION_LABEL, sectionAt } from '../../parse/structure.js';
import { allLines } from './_text.js';

interface Gap {
  re: RegExp;
  /** What belongs in the gap, Indonesian / English. */
  what: { id: string; en: string };
}

/**
 * Template leftovers: a count word with no number ("berjumlah orang"), a placeholder left in
 * ("(jumlah)", "(* Ada / tidak ada)"), an amount with no digits ("Rp.."), a subject elided to
 * ".." ("sasaran.. mencapai"), a percentage with no number ("mencapai PBB %"), a decree number
 * whose sequence is blank ("065/ /35.09.25/2022").
 */

/** The gaps, with the vocabulary's words (templateGaps); built once per configuration. */
function compileGaps(config: Config): Gap[] {
  const v = config.vocabulary?.templateGaps;
  const out: Gap[] = [
    { re: new RegExp(`\\b${alt(v?.countWords ?? [])}\\s+${alt(v?.units ?? [])}\\b`, 'gi'), what: { id: 'jumlah (angka) sebelum satuan', en: 'a count before the unit' } },
    { re: new RegExp(`\\(\\s*${alt(v?.placeholders ?? [])}\\s*\\)`, 'gi'), what: { id: 'angka pengganti placeholder "(jumlah)"', en: 'a number in place of the "(jumlah)" placeholder' } },
    ...(v?.choices ?? []).map(([a, b]) => ({
      re: new RegExp(`\\(\\s*\\\\?\\*?\\s*${alt([a])}\\s*\\/\\s*${alt([b])}\\s*\\)`, 'gi'),
      what: { id: `pilihan "${a}" atau "${b}" (placeholder templat belum dipilih)`, en: `a choice of "${a}" or "${b}" (template placeholder not resolved)` },
    })),
    { re: /\bRp\.?\s*\.{1,}(?=\s|$)(?!\s*\d)/g, what: { id: 'nilai rupiah', en: 'a rupiah amount' } },
    { re: /\b(?!Rp\b)[A-Za-z]{3,}\.\.(?!\.)\s+(?=[a-z])/g, what: { id: 'nilai atau nama yang dihilangkan (".." di tengah kalimat)', en: 'an elided value or name (".." mid-sentence)' } },
    { re: new RegExp(`\\b${alt(v?.percentLead ?? [])}\\s+(?:[A-Za-z]+\\s+)?%(?=\\s|[.,;]|$)`, 'gi'), what: { id: 'angka persentase sebelum "%"', en: 'a percentage figure before "%"' } },
    { re: new RegExp(`\\b${alt(v?.decreeWords ?? [])}\\s*[:.;\\-–]?\\s*\\d{2,4}\\s*\\/\\s*\\/\\s*[\\d.]+\\s*\\/\\s*(?:19|20)\\d\\d`, 'gi'), what: { id: 'nomor urut keputusan (kosong di antara garis miring)', en: 'the decree sequence number (blank between the slashes)' } },
  ];
  return out;
}
const gapsOf = perConfig(compileGaps);

export const templateGap: Rule = {
  meta: {
    id: 'template-gap',
    category: 'missing_value',
    defaultSeverity: 'warning',
    docs: {
      id: 'Sisa templat dan nilai yang tidak diisi: kata hitung tanpa angka ("berjumlah orang", "sebanyak indikator"), placeholder yang tertinggal ("(jumlah)", "(* Ada / tidak ada)"), rupiah tanpa angka ("Rp.."), subjek yang diganti ".." ("sasaran.. mencapai"), persen tanpa angka ("mencapai PBB %"), dan nomor keputusan dengan nomor urut kosong ("065/ /35.09.25/2022").',
      en: 'Template leftovers and values not filled in: count words with no number ("berjumlah orang", "sebanyak indikator"), placeholders left in ("(jumlah)", "(* Ada / tidak ada)"), rupiah with no digits ("Rp.."), a subject replaced by ".." ("sasaran.. mencapai"), a percent with no figure ("mencapai PBB %"), and decree numbers with a blank sequence ("065/ /35.09.25/2022").',
    },
    messages: {
      gap: {
        id: 'Nilai tidak diisi: "{{reported}}" — seharusnya ada {{what}}.',
        en: 'Value not filled in: "{{reported}}" — expected {{whatEn}}.',
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    const lines = allLines(report);
    const gaps = gapsOf(ctx.config);
    // the table row each table line is (its row kind and label from the layout), with the facts read from it
    const byRow = factsByRow(report.facts);
    const layouts = new Map(report.layouts.map((l) => [l.table, l]));
    const rowAt = new Map<number, { t: Table; info: RowInfo }>();
    for (const t of report.tables) for (const info of layouts.get(t.id)?.rows ?? []) rowAt.set(info.line, { t, info });
    /** A value printed after a cell of a row: a fact the model read from a later cell, else a number in the next cell with text. */
    const valueAfter = (line: number, cells: readonly string[], column: number): boolean => {
      const at = rowAt.get(line);
      const facts = at ? (byRow.get(`${at.t.id}\u0000${at.info.index}\u0000`) ?? []) : [];
      if (facts.some((f) => (f.src.col ?? f.cell.col) > column && f.value.value !== null)) return true;
      const next = cells.slice(column + 1).find((c) => c.trim() !== '');
      if (next === undefined) return false;
      const v = parseValue(next, { file: report.file, page: null, line }, 'money');
      return v.kind === 'money' || v.kind === 'number';
    };
    // a gap in a table cell is located at its table, row and column
    const where = (line: number, page: number | null, column: number) => {
      const section = SECTION_LABEL[sectionAt(report.sections, line).kind];
      const at = column >= 0 ? rowAt.get(line) : undefined;
      if (at) return { ...cellRef(report.file, at.t, at.t.rows[at.info.index]!, at.info.label, column), section };
      return { file: report.file, page, line, section, ...(column >= 0 ? { column: `kolom ${column + 1}` } : {}) };
    };
    lines.forEach(({ line: l }, li) => {
      const kind = sectionAt(report.sections, l.line).kind;
      if (kind === 'daftar_isi') return;
      // a line wrapped right after the gap ("Anggaran Rp." / "2.824.572.622,00"): the value is on the next line
      const after = lines[li + 1]?.line;
      const next = after && after.line - l.line <= 2 ? after : undefined;
      const valueOnNextLine = !l.cells && !!next && /^\s*\d/.test(next.text);
      // a gap lies inside one cell: never match across the cells of a table row
      const segments = l.cells ? l.cells.map((c, i) => ({ text: c, column: i })) : [{ text: l.text, column: -1 }];
      for (const seg of segments) {
        const text = seg.text;
        const taken: [number, number][] = [];
        for (const g of gaps) {
          g.re.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = g.re.exec(text))) {
            const a = m.index;
            const b = a + m[0].length;
            if (taken.some(([x, y]) => a < y && b > x)) continue;
            taken.push([a, b]);
            if (valueOnNextLine && text.slice(b).trim() === '') continue;
            // "Rp." in its own cell, the amount in the next cell
            if (l.cells && text.slice(b).trim() === '' && valueAfter(l.line, l.cells, seg.column)) continue;
            const printed = m[0].replace(/\\\*?\s?/g, '').trim(); // "(\* Ada" in the export: the escape is not part of the text
            // show a little context after the gap
            const tail = text.slice(a, b + 25);
            const shown = (b + 25 < text.length ? tail.replace(/\s+\S*$/, '') : tail).replace(/\\\*?\s?/g, '').trim();
            ctx.problem({
              messageId: 'gap',
              data: { reported: shown, what: g.what.id, whatEn: g.what.en },
              where: where(l.line, l.page, seg.column),
              reported: printed,
              expected: expectText(g.what.id, g.what.en),
              tolerance: criterion('nilai harus tercetak', 'a value must be printed'),
            });
          }
        }
      }
    });
  },
};
