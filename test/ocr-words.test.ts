/**
 * Structure words misread by OCR (issue 13, src/parse/ocr-words.ts): on the cheap 150 dpi scan of
 * Kencong's Tabel 3.8 the header `Program/ Kegiatan/ Sub Kegiatan` is read `Fiogram/ Kegiatan/ Sub
 * Kerana`, and the table was not recognised as a budget (8 budget-sum findings missed). The
 * vocabulary is the dictionary; only OCR-read lines are corrected.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import type { Document } from '../src/model/document.js';
import { parseReport } from '../src/parse/index.js';
import { correctOcrChapterNumerals, correctOcrNumbering, correctOcrSpilledCells, correctOcrStructureWords, followsInOutline, nearestStructureWord, ocrDistance, structureDictionary } from '../src/parse/ocr-words.js';

const config = loadConfig();
const dict = structureDictionary(config.vocabulary);
const base = readFileSync(new URL('../fixtures/synthetic/konsisten.txt', import.meta.url), 'utf8');

/** The synthetic report with lines replaced, as OCR would give it (confidences) or as text. */
function doc(replace: [number, string, string][], ocr: boolean): Document {
  const lines = base.split('\n');
  for (const [n, from, to] of replace) {
    expect(lines[n - 1]).toContain(from);
    lines[n - 1] = lines[n - 1]!.replace(from, to);
  }
  const d = textToDocument('konsisten-ocr.txt', lines.join('\n'));
  if (!ocr) return d;
  for (const l of d.lines) {
    for (const c of l.cells ?? []) c.confidence = 90;
    l.confidence = 90;
  }
  return { ...d, format: 'ocr' };
}

describe('structure words on OCR lines', () => {
  it('reads misread vocabulary words as the word, with OCR confusions cheaper than other changes', () => {
    expect(nearestStructureWord(dict, 'Fiogram')).toBe('Program');
    expect(nearestStructureWord(dict, 'KEDIATAN')).toBe('KEGIATAN');
    expect(nearestStructureWord(dict, 'Capaiau')).toBe('Capaian');
    expect(nearestStructureWord(dict, 'Paqu')).toBe('Pagu');
    expect(ocrDistance(dict, 'fiogram', 'program')).toBe(1); // F/P and i/r: two confused letters
    expect(ocrDistance(dict, 'progres', 'program')).toBe(1.5);
  });

  it('leaves words, real words near the vocabulary, short words and numbers alone', () => {
    for (const w of ['Program', 'Kegiatan', 'Kesehatan', 'Keuangan', 'Kecamatan', 'Anggota', 'progres', 'Desa', 'Nama', 'Kota', 'data', '2.482.163.194', '76,91']) {
      expect(nearestStructureWord(dict, w)).toBeNull();
    }
  });

  it('recognises a budget table whose misread header and row words it corrects, on OCR lines only', () => {
    const misread: [number, string, string][] = [
      [88, 'PROGRAM/KEGIATAN', 'FIOGRAM/KEGIATAN'],
      [90, 'Kegiatan : Administrasi Keuangan', 'Kediatan : Administrasi Keuangan'],
    ];
    const ocr = doc(misread, true);
    const fixed = correctOcrStructureWords(ocr, config);
    const header = fixed.lines.find((l) => l.line === 88)!;
    expect(header.cells!.map((c) => c.text)).toContain('PROGRAM/KEGIATAN/SUB KEGIATAN');
    expect(header.text).toBe(header.cells!.map((c) => c.text).join('\t'));
    // the words of a long row label after its first two are its name, left as read
    expect(fixed.lines.find((l) => l.line === 90)!.cells!.map((c) => c.text)).toContain('Kegiatan : Administrasi Keuangan Perangkat Daerah');
    const table = (d: Document) => parseReport(d, config).tables.find((t) => t.number === 'Tabel 3.3')!;
    expect(table(ocr).kind).toBe('budget');
    const budget = parseReport(ocr, config).budgets.find((b) => b.table === 'Tabel 3.3')!;
    expect(Object.values(budget.nodes).filter((n) => n.level === 2).length).toBe(3);
    // the same text without OCR confidences (born-digital) is not changed: no budget table then
    const text = doc(misread, false);
    expect(correctOcrStructureWords(text, config)).toBe(text);
    expect(table(text).kind).not.toBe('budget');
  });

  it("reads an abbreviation's dot OCR made a comma when the same row prints it with the dot (Jelbuk: Th, 2019 beside Th. 2020)", () => {
    const d = textToDocument('t.txt', 'NO.\tTARGET\tREALISASI\t\n\t\tTh, 2019 (n-1)\tTh. 2020 (n)\n\t\tTh, 2019\tTh, 2020');
    const ocr = { ...d, lines: d.lines.map((l) => ({ ...l, confidence: 90 })) };
    const out = correctOcrStructureWords(ocr, config).lines.map((l) => l.cells!.map((c) => c.text));
    expect(out[1]).toEqual(['', '', 'Th. 2019 (n-1)', 'Th. 2020 (n)']);
    expect(out[2]).toEqual(['', '', 'Th, 2019', 'Th, 2020']); // nothing in that row says which
    expect(correctOcrStructureWords(d, config)).toBe(d);
  });

  it('reads only the first words of a long row label: the rest is a name (Penerapan stays)', () => {
    const d = textToDocument('t.txt', '4.1\tKoordinasi Penerapan dan Penegakan Peraturan Daerah\t356.120.000\n\tSub Kediatan Penyediaan Jasa Pelayanan Umum Kantor\t1.000.000');
    const ocr = { ...d, lines: d.lines.map((l) => ({ ...l, confidence: 90 })) };
    expect(correctOcrStructureWords(ocr, config).lines.map((l) => l.cells![1]!.text)).toEqual(['Koordinasi Penerapan dan Penegakan Peraturan Daerah', 'Sub Kegiatan Penyediaan Jasa Pelayanan Umum Kantor']);
  });

  it('changes nothing on a clean OCR reading', () => {
    const ocr = doc([], true);
    expect(correctOcrStructureWords(ocr, config)).toBe(ocr);
  });
});

describe('row numbers on OCR lines', () => {
  /** Table rows (number, label, amount) as OCR or as text gives them. */
  const rows = (numbers: string[], ocr: boolean): Document => {
    const d = textToDocument('t.txt', ['Tabel 3.8', 'No\tProgram/ Kegiatan\tAnggaran', ...numbers.map((n, i) => `${n}\tKegiatan ${i}\t1.000.000`)].join('\n'));
    if (ocr) for (const l of d.lines) l.confidence = 90;
    return d;
  };
  const firsts = (d: Document) => d.lines.filter((l) => l.cells).slice(1).map((l) => l.cells![0]!.text);

  it('reads a lost dot by the outline around it (Bangsalsari: 11 between 1 and 1.2)', () => {
    expect(followsInOutline('1', '1.1')).toBe(true);
    expect(followsInOutline('1.3', '2')).toBe(true);
    expect(followsInOutline('1', '11')).toBe(false);
    expect(firsts(correctOcrNumbering(rows(['1', '11', '', '1.2', '2'], true)))).toEqual(['1', '1.1', '', '1.2', '2']);
    // 11 after 10 is eleven
    expect(firsts(correctOcrNumbering(rows(['10', '11', '12'], true)))).toEqual(['10', '11', '12']);
  });

  it('reads a row number with a dotted rule\'s specks before it by the outline around it (Jelbuk: i i2 after 1)', () => {
    expect(firsts(correctOcrNumbering(rows(['1', 'i i2', '3'], true)))).toEqual(['1', '2', '3']);
    expect(firsts(correctOcrNumbering(rows(['1', 'i i2'], true)))).toEqual(['1', '2']);
    // the next table's numbers, after a line of text, are not the row below (Jelbuk p9: the IKU table's 1.)
    const two = textToDocument('t.txt', ['No\tSasaran\tTarget', '1\tSasaran A\t100%', 'ii2\tSasaran B\t100%', 'Indikator Kinerja Utama berikut.', 'No\tIKU\tTarget', '1.\tIKU A\t100%', '2.\tIKU B\t90%'].join('\n'));
    for (const l of two.lines) l.confidence = 90;
    expect(correctOcrNumbering(two).lines.filter((l) => l.cells).map((l) => l.cells![0]!.text)).toEqual(['No', '1', '2', 'No', '1.', '2.']);
    // out of sequence, a speck that may be a digit (l), or not an OCR reading: left as read
    expect(firsts(correctOcrNumbering(rows(['1', 'i i5', '3'], true)))).toEqual(['1', 'i i5', '3']);
    expect(firsts(correctOcrNumbering(rows(['1', 'l2', '3'], true)))).toEqual(['1', 'l2', '3']);
    expect(firsts(correctOcrNumbering(rows(['1', 'i i2', '3'], false)))).toEqual(['1', 'i i2', '3']);
  });

  it('reads roman program numbers OCR misread, in sequence, and leaves one wrong in print (Jelbuk: In, Il, II!, VI)', () => {
    expect(firsts(correctOcrNumbering(rows(['In', 'Il', '1', 'II!', '1', 'VI'], true)))).toEqual(['I', 'II', '1', 'III', '1', 'VI']);
    expect(firsts(correctOcrNumbering(rows(['I', 'Ik.', 'Ill.', 'IV.'], true)))).toEqual(['I', 'II.', 'III.', 'IV.']);
    // a rule remnant alone is no numeral
    expect(firsts(correctOcrNumbering(rows(['|', 'l'], true)))).toEqual(['|', 'l']);
  });

  it('reads a numeral whose every I OCR read as l, in sequence (Kencong Tabel 3.8 on the cheap scan: lll. after II)', () => {
    expect(firsts(correctOcrNumbering(rows(['I', '1', 'II', 'lll.', 'IV'], true)))).toEqual(['I', '1', 'II', 'III.', 'IV']);
    // out of sequence, or digits: left as read
    expect(firsts(correctOcrNumbering(rows(['I', 'lll.', '11'], true)))).toEqual(['I', 'lll.', '11']);
  });

  it('leaves text lines alone', () => {
    const text = rows(['1', '11', '1.2', 'Il'], false);
    expect(correctOcrNumbering(text)).toBe(text);
  });
});

describe('header cells that took in the rows below them (Kencong Tabel 3.1, a rule not found)', () => {
  const lines = [
    'NO.\tSASARAN STRATEGIS (2) Meningkatnya efektifitas pencapaian target kinerja\tINDIKATOR SASARAN\tTARGET 2023 (4)',
    '(1)\t(2)\t(3)\t(4)',
    '1\tMeningkatnya efektifitas pencapaian target kinerja\tPersentase Indikator Program yang tercapai\t91%',
    '2\tSangat\tMemuaskan\t90%',
  ];
  const doc = (ocr: boolean) => {
    const d = textToDocument('t.txt', lines.join('\n'));
    return ocr ? { ...d, lines: d.lines.map((l) => ({ ...l, confidence: 90 })) } : d;
  };
  it('gives the header cell back what it took from the numbering row and the first row', () => {
    const out = correctOcrSpilledCells(doc(true)).lines.map((l) => l.cells!.map((c) => c.text));
    expect(out[0]).toEqual(['NO.', 'SASARAN STRATEGIS', 'INDIKATOR SASARAN', 'TARGET 2023']);
    expect(out.slice(1)).toEqual(lines.slice(1).map((l) => l.split('\t')));
  });
  it('leaves rows with amounts, one-word cells below, and text lines alone', () => {
    const d = textToDocument('t.txt', ['2\tSangat Memuaskan\tx', '3\tMemuaskan\ty'].join('\n'));
    const ocr = { ...d, lines: d.lines.map((l) => ({ ...l, confidence: 90 })) };
    expect(correctOcrSpilledCells(ocr)).toBe(ocr);
    const text = doc(false);
    expect(correctOcrSpilledCells(text)).toBe(text);
  });
});

describe('chapter numerals of OCR-read headings (the photographed Balung page: BAB Ill AKUNTABILITAS KINERJA)', () => {
  const chapterWords = config.vocabulary!.sectionHeadings!.chapterWords;
  const d = (texts: string[], ocr: boolean): Document => {
    const x = textToDocument('t.txt', texts.join('\n'));
    return ocr ? { ...x, lines: x.lines.map((l) => ({ ...l, confidence: 80 })) } : x;
  };
  it('reads l, 1, |, ! in a numeral after a chapter word as I', () => {
    const out = correctOcrChapterNumerals(d(['BAB Ill AKUNTABILITAS KINERJA', 'BAB Il. PERENCANAAN KINERJA', 'Bab I|', 'BAB IV PENUTUP'], true), chapterWords);
    expect(out.lines.map((l) => l.text)).toEqual(['BAB III AKUNTABILITAS KINERJA', 'BAB II. PERENCANAAN KINERJA', 'Bab II', 'BAB IV PENUTUP']);
    // the parser then finds the chapter
    const rep = parseReport(d(['BAB Ill AKUNTABILITAS KINERJA', 'A. Capaian Kinerja', 'Capaian kinerja tahun ini baik.'], true), config);
    expect(rep.sections.map((s) => s.kind)).toContain('bab3');
  });
  it('leaves digits, words, numerals already right and born-digital text alone', () => {
    const ocr = d(['BAB 1 PENDAHULUAN', 'BAB III AKUNTABILITAS', 'Babak lll dimulai', 'BABlll'], true);
    expect(correctOcrChapterNumerals(ocr, chapterWords)).toBe(ocr);
    const text = d(['BAB Ill AKUNTABILITAS KINERJA'], false);
    expect(correctOcrChapterNumerals(text, chapterWords)).toBe(text);
  });
});
