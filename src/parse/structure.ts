/**
 * Document → sections and tables. Tables are recognised by their headers and content, never by
 * their number (numbers and titles vary between agencies and years).
 */
import type { DocLine, Document } from '../model/document.js';
import type { Section, SectionKind, Table, TableKind, TableRow } from '../model/report.js';
import type { Config } from '../model/config.js';
import type { SourceRef } from '../model/values.js';
import { words } from './columns.js';
import { isLeaderEntry } from './outline.js';
import { escapeRe } from './regex.js';

// ---------------------------------------------------------------- sections

type Headings = NonNullable<NonNullable<Config['vocabulary']>['sectionHeadings']>;
type Heading = Headings['body'][number];


/** The chapter pattern of the vocabulary's chapter words ("BAB III ...", "PBAB I"), built once per vocabulary. */
const CHAPTER_RE = new WeakMap<Headings, RegExp>();
function chapterRe(h: Headings): RegExp {
  let re = CHAPTER_RE.get(h);
  if (!re) {
    re = new RegExp(`^\\s*(?:${h.chapterWords.map(escapeRe).join('|')})\\s+(IV|III|II|I)\\b\\.?\\s*(.*)$`, 'i');
    CHAPTER_RE.set(h, re);
  }
  return re;
}

/** Does a line (in capitals) read as this heading? `starts` as whole words, `contains` anywhere. */
function isHeading(u: string, h: Heading): boolean {
  const up = (w: string) => w.toUpperCase();
  const starts = (w: string) => u.startsWith(up(w)) && !/[A-Z0-9]/.test(u.charAt(w.length));
  const hit = h.exact.some((w) => u === up(w)) || h.starts.some(starts) || h.contains.some((w) => u.includes(up(w)));
  return hit && (h.with.length === 0 || h.with.some((w) => u.includes(up(w))));
}

/** The heading a line is (words in rules/vocabulary.yaml `sectionHeadings`), or null. */
function lineKindAt(l: DocLine, inAppendix: boolean, h: Headings | undefined): { kind: SectionKind; title: string } | null {
  if (l.cells || !h) return null;
  const t = l.text.trim();
  if (t.length === 0 || t.length > 120) return null;
  // a contents entry ("BAB I PENDAHULUAN ......... 1"): a leader of dots and a page number, not a heading
  if (isLeaderEntry(t)) return null;
  const u = t.toUpperCase();
  const m = chapterRe(h).exec(t);
  if (m && t.length < h.chapterMaxLength) {
    const n = m[1]!.toUpperCase();
    return { kind: (n === 'I' ? 'bab1' : n === 'II' ? 'bab2' : n === 'III' ? 'bab3' : 'bab4') as SectionKind, title: t };
  }
  const found = h.body.find((x) => isHeading(u, x)) ?? (inAppendix ? h.appendix.find((x) => isHeading(u, x)) : undefined);
  return found ? { kind: found.section, title: t } : null;
}

export function findSections(doc: Document, config: Config | undefined): Section[] {
  const headings = config?.vocabulary?.sectionHeadings;
  const out: Section[] = [];
  const first = doc.lines[0]?.line ?? 1;
  const last = doc.lines[doc.lines.length - 1]?.line ?? 1;
  out.push({ kind: 'cover', title: '', startLine: first, endLine: last });
  let inAppendix = false;
  for (const l of doc.lines) {
    // After Bab IV's "Demikian ..." closing, the appendices start at the next title line.
    const k = lineKindAt(l, inAppendix, headings);
    if (!k) continue;
    const prev = out[out.length - 1]!;
    if (k.kind === prev.kind) continue;
    // do not let a later "KATA PENGANTAR"-like title (inside an appendix) reopen the body
    if (inAppendix && !k.kind.startsWith('lampiran')) continue;
    if (k.kind === 'bab4') inAppendix = true;
    prev.endLine = l.line - 1;
    out.push({ kind: k.kind, title: k.title, startLine: l.line, endLine: last });
  }
  // no heading recognised anywhere: an excerpt, whose text is body, not a cover
  if (out.length === 1) out[0]!.kind = 'excerpt';
  return out;
}

export function sectionAt(sections: Section[], line: number): Section {
  let s = sections[0]!;
  for (const x of sections) if (x.startLine <= line) s = x;
  return s;
}

export const SECTION_LABEL: Record<SectionKind, string> = {
  cover: 'Sampul',
  kata_pengantar: 'Kata Pengantar',
  daftar_isi: 'Daftar Isi',
  ikhtisar: 'Ikhtisar Eksekutif',
  bab1: 'Bab I',
  bab2: 'Bab II',
  bab3: 'Bab III',
  bab4: 'Bab IV',
  lampiran_renstra: 'Lampiran Renstra',
  lampiran_rkt: 'Lampiran RKT',
  lampiran_pk: 'Lampiran PK',
  lampiran_pk_perubahan: 'Lampiran PK Perubahan',
  lampiran_iku: 'Lampiran SK IKU',
  lampiran_lain: 'Lampiran',
  excerpt: 'Kutipan',
};

// ---------------------------------------------------------------- tables

interface RawTable {
  lines: DocLine[];
}

function nonEmptyCells(l: DocLine): number {
  return (l.cells ?? []).filter((c) => c.text.trim() !== '').length;
}

/** A header row in the middle of a block starts a new table (joined again later if it repeats the header). */
function startsNewHeader(l: DocLine, cur: RawTable): boolean {
  const cells = (l.cells ?? []).map((c) => c.text);
  const ne = cells.filter((c) => c.trim() !== '');
  if (ne.length < 3 || !isHeaderLike(cells)) return false;
  // header cells are short and start with a header word; content rows carry long sentences
  if (ne.filter((c) => c.length <= 40 && HEADER_START.test(c.trim())).length < Math.max(2, Math.ceil(ne.length * 0.6))) return false;
  const prev = cur.lines[cur.lines.length - 1];
  // a header directly under another header row is its second header row
  if (prev && isHeaderLike((prev.cells ?? []).map((c) => c.text))) return false;
  return true;
}

const HEADER_START =
  /^(no\b|sasaran|indikator|target|realisasi|capaian|program|kegiatan|sub kegiatan|anggaran|pagu|tujuan|uraian|predikat|kategori|nilai|interpretasi|kriteria|keterangan|%|serapan|tingkat|iku|formulasi|misi|unsur|skor|total|satuan|nama|bidang|sumber|strategi|kebijakan|\(rp)/i;

/** Group consecutive table rows; up to two blank lines may sit inside a table. */
function segment(doc: Document): RawTable[] {
  const out: RawTable[] = [];
  let cur: RawTable | null = null;
  let blanks = 0;
  for (const l of doc.lines) {
    if (l.cells && nonEmptyCells(l) > 0) {
      if (cur && blanks <= 2 && !startsNewHeader(l, cur)) cur.lines.push(l);
      else {
        cur = { lines: [l] };
        out.push(cur);
      }
      blanks = 0;
    } else if (!l.cells && l.text.trim() === '') {
      blanks++;
    } else if (l.cells) {
      // an all-empty row: keep the table open
    } else {
      cur = null;
      blanks = 0;
    }
  }
  // a "table" of one row with two cells is usually a list item with a tab (TOC, "Lampiran 1.\tx")
  return out.filter((t) => t.lines.length >= 2 || (t.lines[0]?.cells?.length ?? 0) >= 3);
}

const HEADER_WORDS =
  /\b(no|sasaran|indikator|target|realisasi|capaian|program|kegiatan|anggaran|pagu|tujuan|uraian|predikat|kategori|nilai|interpretasi|kriteria|jumlah|keterangan|serapan|efisiensi|iku|formulasi|misi|unsur|skor|total|satuan|kinerja|tahun|strategi|kebijakan|pangkat|golongan|pendidikan|jabatan|sumber|kondisi)\b/i;

/** A row of column numbers ("(1) (2) (3)"); a cell of a lone bracket or mark beside them (a scan's rule remnant cut off a number) is no cell. */
function isNumberingRow(cells: string[]): boolean {
  const ne = cells.filter((c) => c.trim() !== '' && !/^[()[\]|.,:;'`]{1,2}$/.test(c.trim()));
  return ne.length >= 3 && ne.every((c) => /^\(?\d{1,2}\)?$|^\d \(.*\)$|^\d+\s*\(\d.*\)$/.test(c.trim()));
}

function isHeaderLike(cells: string[]): boolean {
  const ne = cells.filter((c) => c.trim() !== '');
  if (ne.length === 0) return false;
  if (ne.some((c) => c.length > 80 || /^(program|kegiatan|sub\.? kegiatan|input|output|outcome)\s*:/i.test(c.trim()))) return false;
  const numeric = cells
    .map((c, i) => ({ c: c.trim(), i }))
    .filter(({ c }) => c !== '' && /^(rp\.?\s*)?[\d.,]+\s*%?$/i.test(c) && !/^(19|20)\d\d$/.test(c) && !/^\(?\d{1,2}\)?\.?$/.test(c));
  // a stray number in the "No" column of a header row ("100\tProgram/ Kegiatan...") is tolerated
  if (numeric.length > 1 || (numeric.length === 1 && (numeric[0]!.i !== 0 || ne.filter((c) => HEADER_WORDS.test(c)).length < 2))) return false;
  return ne.some((c) => HEADER_WORDS.test(c)) || ne.every((c) => /^(19|20)\d\d$/.test(c.trim()) || /^\(rp/i.test(c.trim()));
}

function isSubHeaderRow(cells: string[]): boolean {
  const ne = cells.filter((c) => c.trim() !== '');
  if (ne.length === 0) return false;
  const firstEmpty = (cells[0] ?? '').trim() === '';
  // "Th. 2019", also as OCR reads it ("Th, 2019")
  const years = ne.filter((c) => /^(th[.,]?\s*)?(19|20)\d\d\b/i.test(c.trim())).length;
  if (years >= 2 && years >= ne.length - 1) return true;
  if (firstEmpty && ne.every((c) => /^(sangat |cukup|kurang|baik|memuaskan|tinggi|sedang|rendah|\(rp)/i.test(c.trim()))) return true;
  if (ne.length >= 3 && ne.every((c) => /^(uraian|indikator|target|anggaran|nama|satuan|realisasi|\(rp)/i.test(c.trim()))) return true;
  return false;
}

/** Labels per column from up to three header rows; a label spans the empty cells to its right when the row below fills them. */
function columnLabels(headerRows: string[][]): string[] {
  const width = Math.max(0, ...headerRows.map((r) => r.length));
  const labels: string[] = Array.from({ length: width }, () => '');
  for (let r = 0; r < headerRows.length; r++) {
    const row = headerRows[r]!;
    const below = headerRows[r + 1];
    let carry = '';
    for (let c = 0; c < width; c++) {
      const t = (row[c] ?? '').trim();
      if (t) carry = t;
      else if (!(below && (below[c] ?? '').trim())) carry = '';
      const use = t || carry;
      if (use) labels[c] = labels[c] ? `${labels[c]} ${use}` : use;
    }
  }
  return labels.map((l) => l.replace(/\s+/g, ' ').trim());
}

const CAPTION_RE = /^\.?\s*tab[el]{2}[;:.]?\s*([0-9IVX]+(?:\s*[.-]\s*[0-9]+)?)/i;

function captionBefore(doc: Document, idx: number, stopAt: number): { number: string | null; caption: string; line: number | null } {
  // idx = index in doc.lines of the table's first row; look back at most 8 non-empty lines
  let seen = 0;
  for (let i = idx - 1; i >= 0 && i > stopAt && seen < 8; i--) {
    const l = doc.lines[i]!;
    if (l.cells) break;
    if (l.text.trim() === '') continue;
    seen++;
    const m = CAPTION_RE.exec(l.text);
    if (m) {
      const parts: string[] = [];
      for (let j = i; j < idx; j++) {
        const t = doc.lines[j]!.text.trim();
        if (t) parts.push(t);
      }
      return { number: 'Tabel ' + m[1]!.replace(/\s+/g, ''), caption: parts.join(' ').slice(0, 160), line: l.line };
    }
  }
  // no numbered caption: use the nearest title-like line
  for (let i = idx - 1, n = 0; i >= 0 && i > stopAt && n < 4; i--) {
    const l = doc.lines[i]!;
    if (l.cells) break;
    const t = l.text.trim();
    if (!t) continue;
    n++;
    if (t.length < 140) return { number: null, caption: t, line: null };
  }
  return { number: null, caption: '', line: null };
}

const BREAKER_RE = /^(\.?\s*tabel\s*\d|perjanjian kinerja|rencana (strategis|kinerja)|matriks?\b|lampiran|p?bab\s+[iv]+\b|keputusan|rkt\b|indikator kinerja utama)/i;

/** Same header, ignoring the "No" column's label (reports print "No", "1", "100" there). */
function sameColumns(a: string[], b: string[]): boolean {
  const k = (cols: string[]) => words(cols.map((c, i) => (i === 0 && /^(no\.?|\d+\.?|)$/i.test(c.trim()) ? '' : c)).join('|'));
  return k(a) === k(b);
}

export interface TableBuildInfo {
  table: Table;
}

export function classify(columns: string[], rows: TableRow[], config: Config | undefined): TableKind {
  const head = words(columns.join(' | '));
  const vocab = config?.vocabulary?.tableKinds ?? [];
  const years = new Set(head.match(/\b(19|20)\d\d\b/g) ?? []).size;
  // "{year}" in a signature stands for any year; n of them need n different years
  const sigMatches = (sig: string[]) => {
    const need = sig.filter((w) => w === '{year}').length;
    return years >= need && sig.every((w) => w === '{year}' || head.includes(words(w)));
  };
  for (const k of vocab) {
    if (k.none.some((w) => head.includes(words(w)))) continue;
    if (k.any.some(sigMatches)) {
      if (k.kind === 'budget' || k.kind === 'budget_plan') {
        // budget tables: realisation columns → budget, only budget → budget_plan
        const hasReal = /realisasi|capaian|%/.test(head);
        return hasReal ? 'budget' : 'budget_plan';
      }
      if (k.kind === 'measurement') {
        const yearCols = columns.filter((c) => /\b(19|20)\d\d\b/.test(c)).length;
        if (/jangka menengah|akhir renstr/.test(head) && !/target (19|20)\d\d/.test(head)) return 'renstra_end';
        if (yearCols >= 4 && !/capaian/.test(head)) return 'comparison_years';
      }
      return k.kind as TableKind;
    }
  }
  // realisation by year without targets (Tabel 3.3 of Bangsalsari)
  if (/realisasi/.test(head) && columns.filter((c) => /\b(19|20)\d\d\b/.test(c)).length >= 2) return 'comparison_years';
  void rows;
  return 'other';
}

export function findTables(doc: Document, sections: Section[], config?: Config): Table[] {
  const raws = segment(doc);
  const indexOfLine = new Map<number, number>();
  doc.lines.forEach((l, i) => indexOfLine.set(l.line, i));
  const tables: Table[] = [];
  let prevEndIdx = -1;
  let auto = 0;
  for (const raw of raws) {
    const rowsCells = raw.lines.map((l) => (l.cells ?? []).map((c) => c.text));
    // header rows: leading header-like rows (max 3), then numbering row(s)
    let h = 0;
    const headerRows: string[][] = [];
    const headerLines: number[] = [];
    while (h < rowsCells.length && h < 3) {
      const cells = rowsCells[h]!;
      if (h === 0 ? isHeaderLike(cells) : isSubHeaderRow(cells) || (isHeaderLike(cells) && (cells[0] ?? '').trim() === '')) {
        headerRows.push(cells);
        headerLines.push(raw.lines[h]!.line);
        h++;
      } else break;
    }
    while (h < rowsCells.length && isNumberingRow(rowsCells[h]!)) {
      headerLines.push(raw.lines[h]!.line);
      h++;
    }
    const columns = columnLabels(headerRows);
    const firstIdx = indexOfLine.get(raw.lines[0]!.line) ?? 0;
    const rows: TableRow[] = raw.lines.slice(h).map((l) => ({ line: l.line, page: l.page, cells: (l.cells ?? []).map((c) => c.text) }));
    const sec = sectionAt(sections, raw.lines[0]!.line);

    // continuation: same header as the previous table and nothing that starts a new table in between
    const prev = tables[tables.length - 1];
    if (prev && headerRows.length > 0 && prev.columns.length > 0 && sameColumns(prev.columns, columns)) {
      let broken = false;
      for (let i = prevEndIdx + 1; i < firstIdx; i++) {
        const t = doc.lines[i]!.text.trim();
        if (!doc.lines[i]!.cells && BREAKER_RE.test(t)) {
          broken = true;
          break;
        }
      }
      if (!broken && firstIdx - prevEndIdx < 120) {
        prev.rows.push(...rows);
        prev.headerLines.push(...headerLines);
        prev.endLine = raw.lines[raw.lines.length - 1]!.line;
        prev.parts.push(raw.lines[0]!.line);
        prevEndIdx = indexOfLine.get(prev.endLine) ?? firstIdx;
        continue;
      }
    }
    // continuation without a repeated header: a headerless block right after a table with the same width
    const budgetLead = prev?.kind === 'budget' && /^(\d+\.?|[ivx]+\.?)?$/i.test((rows[0]?.cells[0] ?? '').trim()) && /^(program|kegiatan)\b/i.test((rows[0]?.cells[1] ?? '').trim());
    if (prev && headerRows.length === 0 && (firstIdx - prevEndIdx <= 6 || (budgetLead && firstIdx - prevEndIdx < 120))) {
      const width = Math.max(...rows.map((r) => r.cells.length));
      let broken = false;
      for (let i = prevEndIdx + 1; i < firstIdx; i++) {
        const t = doc.lines[i]!.text.trim();
        // a line of no letter or digit (a speck OCR read as "-" between two rows) breaks nothing
        if (!doc.lines[i]!.cells && /[\p{L}\d]/u.test(t) && (!budgetLead || BREAKER_RE.test(t))) broken = true;
      }
      if (!broken && Math.abs(width - Math.max(prev.columns.length, ...prev.rows.map((r) => r.cells.length))) <= 1) {
        prev.rows.push(...rows);
        prev.endLine = raw.lines[raw.lines.length - 1]!.line;
        prev.parts.push(raw.lines[0]!.line);
        prevEndIdx = indexOfLine.get(prev.endLine) ?? firstIdx;
        continue;
      }
    }
    const cap = captionBefore(doc, firstIdx, prevEndIdx);
    auto++;
    const kind = classify(columns, rows, config);
    tables.push({
      id: cap.number ?? `T${auto}`,
      number: cap.number,
      caption: cap.caption,
      kind,
      section: sec.kind,
      columns,
      headerLines,
      rows,
      startLine: raw.lines[0]!.line,
      endLine: raw.lines[raw.lines.length - 1]!.line,
      parts: [raw.lines[0]!.line],
    });
    prevEndIdx = indexOfLine.get(raw.lines[raw.lines.length - 1]!.line) ?? firstIdx;
  }
  // Two tables with the same number in one report (e.g. "Tabel 3.2" used twice): keep ids unique.
  const seen = new Map<string, number>();
  for (const t of tables) {
    const n = (seen.get(t.id) ?? 0) + 1;
    seen.set(t.id, n);
    if (n > 1) t.id = `${t.id} (${n})`;
  }
  return tables;
}

/** A human label for a table in findings: "Tabel 3.8" or "PK Perubahan (lampiran, baris 1005)". */
const KIND_LABEL: Partial<Record<TableKind, string>> = {
  measurement: 'Tabel pengukuran',
  comparison_years: 'Tabel perbandingan antartahun',
  renstra_end: 'Tabel target akhir Renstra',
  national: 'Tabel realisasi nasional',
  predicate_check: 'Tabel predikat',
  predicate_scale: 'Skala predikat',
  efficiency: 'Tabel efisiensi',
  renstra_matrix: 'Matriks Renstra',
  pk_targets: 'PK',
  pk_budget: 'Anggaran PK',
  rkt: 'RKT',
  rpjmd: 'Tabel RPJMD',
  iku: 'Tabel IKU',
  budget: 'Tabel anggaran',
  budget_plan: 'Tabel pagu',
  skm_distribution: 'Tabel sebaran SKM',
  skm_score: 'Tabel skor SKM',
};

export function tableLabel(t: Table): string {
  if (t.number) return t.id;
  let kind = KIND_LABEL[t.kind] ?? 'Tabel';
  if ((t.kind === 'pk_targets' || t.kind === 'pk_budget') && (t.section === 'lampiran_pk_perubahan' || /perubahan/i.test(t.caption))) kind = kind.replace('PK', 'PK Perubahan');
  return `${kind} (${SECTION_LABEL[t.section]}, baris ${t.startLine})`;
}

/** Where a table cell is: its row's line and page, the table, the row label and the column. */
export function cellRef(file: string, t: Table, r: TableRow, rowLabel: string, col?: number): SourceRef {
  return {
    file,
    page: r.page,
    line: r.line,
    section: SECTION_LABEL[t.section],
    table: tableLabel(t),
    row: rowLabel.replace(/\s+/g, ' ').slice(0, 120),
    column: col === undefined ? undefined : t.columns[col],
    ...(col === undefined ? {} : { col }),
  };
}
