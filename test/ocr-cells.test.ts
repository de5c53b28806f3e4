/**
 * Numeric table cells read several times and voted on (src/ingest/ocr/cells.ts), and the rest of a
 * row broken over a page folded back (src/ingest/pdf.ts mergeRowRest, used by the OCR path too).
 * Pure: synthetic images, no tesseract.
 */
import { describe, expect, it } from 'vitest';
import {
  applySheet,
  buildSheets,
  MAX_SHEET_CELLS,
  chooseNumericReading,
  cleanReading,
  columnFit,
  doubtfulCells,
  isWellFormed,
  nextSheets,
  settle,
  spellAsColumn,
  columnKeys,
  supports,
  type ColumnFormat,
  type Sheet,
  type Slot,
} from '../src/ingest/ocr/cells.js';
import type { Cell } from '../src/model/document.js';
import type { GrayImage } from '../src/ingest/ocr/render.js';
import type { ConfidentLine, OcrWord } from '../src/ingest/ocr/words.js';
import { isRowRest, mergeRowRest } from '../src/ingest/pdf.js';

const pctCol: ColumnFormat = { n: 10, pct: 9, comma: 6, dot: 0, numbering: 0 };
const commaCol: ColumnFormat = { n: 10, pct: 0, comma: 8, dot: 0, numbering: 0 };
const numberingCol: ColumnFormat = { n: 6, pct: 0, comma: 0, dot: 0, numbering: 5 };
const r = (text: string, confidence = 90) => ({ text, confidence });

describe('what a numeric reading looks like', () => {
  it('well formed: groups of three, one or two decimals, row numbers, percentages below 1000', () => {
    for (const t of ['2.323.000', '95,57', '1.', '1.1', '100%', '86,44%', 'Rp.2.865.379.541', '29,700,000', '(4)']) expect(isWellFormed(t), t).toBe(true);
    for (const t of ['2.323.00', '29.445500', '8491%', '10094%', '621.548.400.']) expect(isWellFormed(t), t).toBe(false);
  });

  it('cleans specks at either end and puts a % that came out first after its number', () => {
    expect(cleanReading(': 84,91 %')).toBe('84,91%');
    expect(cleanReading('3.260.140.094:')).toBe('3.260.140.094');
    expect(cleanReading('%100')).toBe('100%');
    expect(cleanReading('% Desa')).toBe('%Desa');
  });

  it('a % read as digits, row numbering without its dots, and a trailing speck, support the reading they come from', () => {
    expect(supports('8090', '80%')).toBe(true);
    expect(supports('10094', '100%')).toBe(true);
    expect(supports('96,590', '96,5%')).toBe(true);
    expect(supports('11', '1.1')).toBe(true);
    expect(supports('231', '2.3.1')).toBe(true);
    expect(supports('621.548.400.', '621.548.400')).toBe(true);
    // not the other way round, nor a decimal or an amount that lost its separator
    expect(supports('80%', '8090')).toBe(false);
    expect(supports('1.1', '11')).toBe(false);
    expect(supports('72.21', '72,21')).toBe(false);
    expect(supports('1121', '112,1')).toBe(false);
    expect(supports('2321', '2.321')).toBe(false);
    expect(supports('1.', '1')).toBe(false);
  });

  it("fits the column's definite format, breaks it, or the column says nothing", () => {
    expect(columnFit('80%', pctCol)).toBe(1);
    expect(columnFit('8090', pctCol)).toBe(-1);
    expect(columnFit('72,21', commaCol)).toBe(1);
    expect(columnFit('72.21', commaCol)).toBe(-1);
    expect(columnFit('3.', numberingCol)).toBe(1);
    expect(columnFit('3', numberingCol)).toBe(-1);
    expect(columnFit('3', { n: 2, pct: 0, comma: 0, dot: 0, numbering: 2 })).toBe(0);
    expect(columnFit('72.21', undefined)).toBe(0);
  });
});

describe('chooseNumericReading', () => {
  it('takes the reading the sheet readings agree on over a confidently wrong page reading', () => {
    expect(chooseNumericReading(r('4', 57), [r('1', 96), r('1', 96), r('1', 95)])?.text).toBe('1');
    expect(chooseNumericReading(r('2.323.00', 88), [r('2.323.000', 91), r('2.323.000', 91), r('2.323.000', 92)])?.text).toBe('2.323.000');
    expect(chooseNumericReading(r('72.21', 87), [r('72,21', 93), r('12.21', 84), r('72,21', 94)], commaCol)?.text).toBe('72,21');
  });

  it('counts a % read as digits as a vote for the % reading', () => {
    // page and plain sheet read "10094", the enlarged readings "100%": all four are one print
    expect(chooseNumericReading(r('10094', 94), [r('10094', 91), r('100%', 96), r('100%', 95)], pctCol)?.text).toBe('100%');
    expect(chooseNumericReading(r('96,590', 88), [r('96,590', 78), r('96,5%', 92), r('96.5%', 91)])?.text).toBe('96,5%');
  });

  it("lets the column's format break a tie, never outvote two readings", () => {
    // one reading each: the column of row numbers decides
    expect(chooseNumericReading(r('3', 96), [r('3.', 91)], numberingCol)?.text).toBe('3.');
    // two readings against one with the column's format: the two win
    expect(chooseNumericReading(r('72.2%', 80), [r('72.21', 81), r('72,21', 93), r('72,21', 94)], { n: 10, pct: 8, comma: 1, dot: 0, numbering: 0 })?.text).toBe('72,21');
  });

  it('replaces a page reading that is no number only with good support', () => {
    expect(chooseNumericReading(r('ia', 44), [r('i', 82), r('1.', 91), r('1.', 91)])?.text).toBe('1.');
    // one confident reading in the column's format
    expect(chooseNumericReading(r('Ts', 54), [r('ts', 9), r('7.', 95)], numberingCol)?.text).toBe('7.');
    // one reading, no column evidence: a grade stays a grade
    expect(chooseNumericReading(r('A', 80), [r('A', 90), r('4', 60)])).toBeNull();
    expect(chooseNumericReading(r('Ts', 54), [r('ts', 9), r('7.', 95)])).toBeNull();
    // nothing that reads as a number
    expect(chooseNumericReading(r('Sangat', 70), [r('Sangat', 90)])).toBeNull();
  });

  it('keeps a unanimous confidence and caps it when the readings disagreed', () => {
    expect(chooseNumericReading(r('95,57', 91), [r('95,57', 95), r('95,57', 94)])).toEqual({ text: '95,57', confidence: 95 });
    expect(chooseNumericReading(r('72.21', 87), [r('72,21', 93), r('72,21', 94)], commaCol)).toEqual({ text: '72,21', confidence: 90 });
  });
});

// ---------------------------------------------------------------------------------------------
// sheets

/** A white page at 72 dpi (1 px = 1 pt) with a dark block in each given box. */
function page(width: number, height: number, inked: { x: number; y: number; w: number; h: number }[]): GrayImage {
  const data = new Uint8Array(width * height).fill(240);
  for (const b of inked) for (let y = b.y; y < b.y + b.h; y++) for (let x = b.x; x < b.x + b.w; x++) data[y * width + x] = 20;
  return { width, height, data, dpi: 72 };
}

function table(rows: string[][], conf = 90): ConfidentLine[] {
  return rows.map((cells, i) => ({
    text: cells.join('\t'),
    box: { x: 0, y: i * 20, w: 200, h: 20 },
    size: 10,
    table: { id: 1, columns: cells.length },
    cells: cells.map((t, k) => ({ text: t, box: { x: k * 100, y: i * 20, w: 100, h: 20 }, confidence: conf })),
    confidence: conf,
  }));
}

const word = (text: string, y: number, confidence = 95): OcrWord => ({ text, confidence, x: 30, y, w: 20, h: 8, baseline: y + 8, size: 10 });

/** A column of percentages with one `%` read as digits. */
const CAPAIAN = [
  ['Uraian', 'Capaian'],
  ['Satu', '80%'],
  ['Dua', '8090'],
  ['Tiga', '100%'],
];

describe('cell sheets', () => {
  const lines = table(CAPAIAN, 88);
  const img = page(
    200,
    80,
    lines.flatMap((l) => l.cells!.map((c) => ({ x: c.box!.x + 10, y: c.box!.y + 6, w: 30, h: 8 }))),
  );

  it('reads numeric cells first on a large sheet only, text cells only when doubtful', () => {
    const crops = doubtfulCells(lines, img);
    // the three numbers (the header and the labels are confident text)
    expect(crops.map((c) => c.cell.text)).toEqual(['80%', '8090', '100%']);
    expect(crops[1]!.column).toMatchObject({ n: 3, pct: 2 });
    const sheets = buildSheets(img, crops);
    expect(sheets.map((s) => s.kind)).toEqual(['large']);
    expect(sheets[0]!.slots.length).toBe(3);
    // cut to the ink and enlarged 2× (every row doubled), not binarised
    expect(sheets[0]!.slots.every((x) => x.sheetH % 2 === 0)).toBe(true);
    expect(new Set(sheets[0]!.image.data).size).toBeGreaterThan(2);
    // a doubtful text cell goes on a plain sheet
    const doubtful = table([
      ['Uraian', 'Capaian'],
      ['Pelayanan Umum', '80%'],
    ]);
    doubtful[1]!.cells![0]!.confidence = 40;
    const withText = buildSheets(img, doubtfulCells(doubtful, img));
    expect(withText.map((s) => s.kind)).toEqual(['plain', 'large']);
    // a long label is read again only when garbled (below 70), a short one below 85
    const label = 'Persentase Fasilitas Kesejahteraan Masyarakat';
    const texts = (conf: number, text: string) => {
      const t = table([
        ['Uraian', 'Capaian'],
        [text, '80%'],
      ]);
      t[1]!.cells![0]!.confidence = conf;
      return doubtfulCells(t, img).map((c) => c.cell.text);
    };
    expect(texts(82, label)).toEqual(['80%']);
    expect(texts(60, label)).toEqual([label, '80%']);
    expect(texts(82, 'REAL ISASI')).toEqual(['REAL ISASI', '80%']);
    // a low height limit spreads the cells over more sheets
    const small = buildSheets(img, crops, 120);
    expect(small.length).toBeGreaterThan(1);
    expect(small.flatMap((s) => s.slots).length).toBe(3);
  });

  it('spreads a stage\'s cells over sheets of equal size, at most MAX_SHEET_CELLS each, in reading order', () => {
    const n = 2 * MAX_SHEET_CELLS + 1;
    const rows = [['Uraian', 'Capaian'], ...Array.from({ length: n }, (_, i) => [`Baris ${i + 1}`, `${i + 1},5%`])];
    const long = table(rows, 88);
    const tall = page(
      200,
      rows.length * 20,
      long.flatMap((l) => l.cells!.map((c) => ({ x: c.box!.x + 10, y: c.box!.y + 6, w: 30, h: 8 }))),
    );
    const sheets = buildSheets(tall, doubtfulCells(long, tall));
    // 2 × MAX + 1 cells: three sheets, not two full ones and a sheet of one
    const sizes = sheets.map((x) => x.slots.length);
    expect(sizes.length).toBe(3);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_SHEET_CELLS);
    expect(sheets.flatMap((x) => x.slots.map((sl) => sl.cell.text))).toEqual(rows.slice(1).map((r) => r[1]));
  });

  it('does not read again a confident, well-formed number in its column\'s definite format', () => {
    const sure = table(CAPAIAN, 95);
    // 80% and 100% are sure; 8090 breaks the column of percentages
    expect(doubtfulCells(sure, img).map((c) => c.cell.text)).toEqual(['8090']);
  });

  it('settles a cell whose enlarged reading confirms a well-formed page reading in its column format', () => {
    const pct: ColumnFormat = { n: 5, pct: 5, comma: 0, dot: 0, numbering: 0 };
    const comma: ColumnFormat = { n: 5, pct: 0, comma: 5, dot: 0, numbering: 0 };
    expect(settle(r('80%', 96), [r('80%', 93)], pct)).toEqual({ text: '80%', confidence: 96 });
    expect(settle(r('621.548.400', 90), [r('621.548.400.', 88)])?.text).toBe('621.548.400');
    // a doubtful page reading, the same text read again confidently: two readings agree
    expect(settle(r('2.290.445.902', 61), [r('2.290.445.902', 95)])?.text).toBe('2.290.445.902');
    // …but not a reading that only supports it (a % read as digits) while the page is doubtful
    expect(settle(r('80%', 61), [r('8090', 95)], pct)).toBeNull();
    // the readings disagree
    expect(settle(r('80%', 96), [r('60%', 93)], pct)).toBeNull();
    // a % read as digits breaks a column of percentages
    expect(settle(r('8090', 96), [r('8090', 96)], pct)).toBeNull();
    // a decimal point in a column of decimal commas
    expect(settle(r('72.21', 96), [r('72.21', 96)], comma)).toBeNull();
    // not well formed, or not confident enough
    expect(settle(r('2.323.00', 96), [r('2.323.00', 96)])).toBeNull();
    expect(settle(r('96,590', 82), [r('96,590', 68)])).toBeNull();
    expect(settle(r('80%', 96), [], pct)).toBeNull();
  });

  it('settles a cell the page read as no number on one confident, well-formed reading in its column format', () => {
    const pct: ColumnFormat = { n: 5, pct: 5, comma: 0, dot: 0, numbering: 0 };
    // garbled across columns (`Sa`), or ink but no text
    expect(settle(r('Sa', 30), [r('567.678.400', 91)])).toEqual({ text: '567.678.400', confidence: 91 });
    expect(settle(r('', 0), [r('93%', 96)], pct)).toEqual({ text: '93%', confidence: 96 });
    // not confident enough, not well formed, breaking the column's format, or no number at all
    expect(settle(r('Sa', 30), [r('6', 88)])).toBeNull();
    expect(settle(r('Sa', 30), [r('1.047.845.00', 95)])).toBeNull();
    expect(settle(r('Blla', 0), [r('8094', 95)], pct)).toBeNull();
    expect(settle(r('ia', 96), [r('ia', 96)])).toBeNull();
  });

  it('settles a cell on its third reading when two readings agree confidently and none offers another number', () => {
    const pct: ColumnFormat = { n: 5, pct: 5, comma: 0, dot: 0, numbering: 0 };
    expect(settle(r('ieA', 49), [r('100%', 96), r('100%', 95)], pct)).toEqual({ text: '100%', confidence: 96 });
    expect(settle(r('9g', 17), [r('93', 96), r('93', 95)])?.text).toBe('93');
    // another number among the readings: read it once more
    expect(settle(r('100', 74), [r('100%', 92), r('100%', 91)], pct)).toBeNull();
    expect(settle(r('5', 70), [r('6', 96), r('6', 95)])).toBeNull();
    expect(settle(r('aa', 15), [r('1.047.945.000', 91), r('1.047.845.000', 92)])).toBeNull();
    // only one confident reading
    expect(settle(r('og', 34), [r('100%', 92), r('100%', 79)], pct)).toBeNull();
  });

  it('reads an unsettled numeric cell as cut, then binarised, and decides once its last reading is in', () => {
    const fresh = table(CAPAIAN, 88);
    const first = buildSheets(img, doubtfulCells(fresh, img));
    const satu = fresh[1]!.cells![1]!;
    const dua = fresh[2]!.cells![1]!;
    const tiga = fresh[3]!.cells![1]!;
    const unsettled: Slot[] = [];
    const read = (s: Sheet, text: (cell: Cell) => string) => applySheet(s, s.slots.map((x) => word(text(x.cell), x.top + 2)), unsettled);
    // the enlarged readings confirm 80% and 100%; 8090 breaks its column of percentages
    expect(read(first[0]!, (c) => (c === dua ? '80%' : c.text))).toBe(0);
    expect(unsettled.map((x) => x.cell)).toEqual([dua]);
    expect(dua.text).toBe('8090');
    expect([satu.text, tiga.text]).toEqual(['80%', '100%']);
    const second = nextSheets(img, unsettled.splice(0));
    expect(second.map((s) => s.kind)).toEqual(['plain']);
    expect(second[0]!.slots.length).toBe(1);
    // as cut it reads 60%: the readings offer two numbers, not settled
    expect(read(second[0]!, () => '60%')).toBe(0);
    expect(unsettled.map((x) => x.cell)).toEqual([dua]);
    expect(dua.text).toBe('8090');
    const third = nextSheets(img, unsettled.splice(0));
    expect(third.map((s) => s.kind)).toEqual(['binary']);
    expect(new Set(third[0]!.image.data)).toEqual(new Set([0, 255]));
    // the last reading decides: 80% (enlarged, binarised; the page's 8090 is a % read as digits) against 60%
    expect(read(third[0]!, () => '80%')).toBe(1);
    expect(unsettled).toEqual([]);
    expect(dua).toMatchObject({ text: '80%', confidence: 90 });
    expect(fresh[2]!.text).toBe('Dua\t80%');
    // nothing after the last sheet
    expect(nextSheets(img, third[0]!.slots)).toEqual([]);
  });

  it('settles on the reading as cut when it agrees with the enlarged one', () => {
    const fresh = table(CAPAIAN, 88);
    const dua = fresh[2]!.cells![1]!;
    const unsettled: Slot[] = [];
    const read = (s: Sheet, text: (cell: Cell) => string) => applySheet(s, s.slots.map((x) => word(text(x.cell), x.top + 2)), unsettled);
    read(buildSheets(img, doubtfulCells(fresh, img))[0]!, (c) => (c === dua ? '80%' : c.text));
    expect(read(nextSheets(img, unsettled.splice(0))[0]!, () => '80%')).toBe(1);
    expect(unsettled).toEqual([]);
    expect(dua).toMatchObject({ text: '80%', confidence: 95 });
  });
});

describe('rows broken over a page (mergeRowRest)', () => {
  const cell = (text: string, confidence?: number) => ({ text, box: { x: 0, y: 0, w: 10, h: 10 }, ...(confidence !== undefined ? { confidence } : {}) });

  it('completes a cut amount and a lone %, keeping the lower confidence', () => {
    const last = [cell(''), cell('Kegiatan : Koordinasi', 95), cell('87.750.20', 91), cell('72.665.000', 93), cell('89,89', 96)];
    const rest = [cell(''), cell(''), cell('0', 92), cell(''), cell('%', 80)];
    expect(isRowRest({ cells: last }, { cells: rest })).toBe(true);
    const merged = mergeRowRest(last, rest);
    expect(merged.map((c) => c.text)).toEqual(['', 'Kegiatan : Koordinasi', '87.750.200', '72.665.000', '89,89%']);
    expect(merged[2]).toMatchObject({ confidence: 91, uncertain: 'split-row' });
    expect(merged[4]).toMatchObject({ confidence: 80, uncertain: 'split-row' });
    expect(merged[3]).toBe(last[3]);
  });

  it('does not fold a new row', () => {
    const last = [cell('1'), cell('Kegiatan A'), cell('87.750.200'), cell('72.665.000')];
    const next = [cell('2'), cell('Kegiatan B'), cell('3.815.200'), cell('3.040.000')];
    expect(isRowRest({ cells: last }, { cells: next })).toBe(false);
  });

  it('leaves born-digital cells without a confidence', () => {
    const merged = mergeRowRest([cell('Sub Kegiatan Pening-'), cell('6.185.600')], [cell('katan'), cell('')]);
    expect(merged[0]).not.toHaveProperty('confidence');
  });
});

describe('separators as the column prints them (spellAsColumn; Kencong Tabel 3.8 on the cheap 150 dpi scan)', () => {
  const budget = () =>
    table([
      ['Program/ Kegiatan', 'Target', 'Capaian', '%'],
      ['Kegiatan A', '27.039.300', '26.538.300', '98.15'],
      ['Kegiatan B', '144.344.500', '133.812.564', '92,70'],
      ['Kegiatan C', '28.478.200', '21.999.564', '77,25'],
      ['Program D', '117,230.200', '101.115.000', '86,25'],
      ['Kegiatan E', '789.215.000', '782.140.000', '99,10 %'],
    ]);
  it('reads a decimal point in a column of decimal commas as the comma, and a comma between point groups as a point', () => {
    const lines = budget();
    expect(spellAsColumn(lines)).toBe(2);
    expect(lines.map((l) => l.cells![3]!.text)).toEqual(['%', '98,15', '92,70', '77,25', '86,25', '99,10 %']);
    expect(lines.map((l) => l.cells![1]!.text)).toEqual(['Target', '27.039.300', '144.344.500', '28.478.200', '117.230.200', '789.215.000']);
    expect(lines[1]!.text).toBe('Kegiatan A\t27.039.300\t26.538.300\t98,15');
    // the cell keeps its confidence (a misread stays as doubtful as it was)
    expect(lines[4]!.cells![1]!.confidence).toBe(90);
  });
  it('leaves a column without a definite format, row numbers, amounts in English notation and born-digital lines alone', () => {
    const mixed = table([
      ['No', 'Nilai', 'Jumlah'],
      ['1.1', '72.21', '29,700,000'],
      ['1.2', '72,21', '1,234.567'],
      ['1.3', '10.5', '2.000.000'],
    ]);
    const before = JSON.stringify(mixed);
    expect(spellAsColumn(mixed)).toBe(0);
    expect(JSON.stringify(mixed)).toBe(before);
    const text = budget().map(({ confidence: _, ...l }) => l as ConfidentLine);
    expect(spellAsColumn(text)).toBe(0);
  });
});

/** Rows of one table that the layout split into grids (`grid` per row), column edges jittered per grid. */
function grids(rows: { grid: number; cells: string[] }[], shift = (g: number) => g * 7): ConfidentLine[] {
  return rows.map(({ grid, cells }, i) => ({
    text: cells.join('\t'),
    box: { x: 0, y: i * 20, w: 400, h: 20 },
    size: 10,
    table: { id: grid, columns: cells.length },
    cells: cells.map((t, k) => ({ text: t, box: { x: k === 0 ? 0 : k * 100 + shift(grid), y: i * 20, w: k === 0 ? 100 + shift(grid) : 100, h: 20 }, confidence: 90 })),
    confidence: 90,
  }));
}

describe('columns across the grids of one table (columnKeys; Kencong Tabel 3.8 at 150 dpi came out as 5 grids)', () => {
  it('joins consecutive grids whose columns overlap, and keeps apart grids with other columns or text between them', () => {
    const lines = grids([
      { grid: 1, cells: ['No', 'Uraian', 'Pagu', '%'] },
      { grid: 2, cells: ['1.', 'Kegiatan A', '2.186.200', '99,12'] },
      { grid: 3, cells: ['2.', 'Kegiatan B', '87.750.200', '82.81'] },
    ]);
    const key = columnKeys(lines);
    expect(lines.map((l) => key(l, 3))).toEqual(['1|3', '1|3', '1|3']);
    const other = grids([
      { grid: 1, cells: ['No', 'Uraian', 'Pagu', '%'] },
      { grid: 2, cells: ['1.', 'Kegiatan A', '2.186.200'] },
    ]);
    expect(other.map((l) => columnKeys(other)(l, 1))).toEqual(['1|1', '2|1']);
    // columns shifted by more than half a column are other columns
    const moved = grids([{ grid: 1, cells: ['No', 'Uraian', 'Pagu', '%'] }, { grid: 2, cells: ['1.', 'Kegiatan A', '2.186.200', '99,12'] }], (g) => (g === 2 ? 60 : 0));
    expect(moved.map((l) => columnKeys(moved)(l, 2))).toEqual(['1|2', '2|2']);
    const apart = [lines[0]!, { text: 'Tabel 3.9', box: { x: 0, y: 30, w: 100, h: 10 }, size: 10, confidence: 95 } as ConfidentLine, lines[1]!];
    expect([apart[0]!, apart[2]!].map((l) => columnKeys(apart)(l, 3))).toEqual(['1|3', '2|3']);
  });

  it('a decimal point in a one-row grid is respelt by the whole column (Kencong: `82.81` under `82,81`)', () => {
    const lines = grids([
      { grid: 1, cells: ['1.', 'Kegiatan A', '2.186.200', '99,12'] },
      { grid: 1, cells: ['2.', 'Kegiatan B', '13.171.600', '96,72'] },
      { grid: 2, cells: ['3.', 'Kegiatan C', '87.750.200', '82,81'] },
      { grid: 3, cells: ['4.', 'Kegiatan D', '87.750.200', '82.81'] },
    ]);
    expect(spellAsColumn(lines)).toBe(1);
    expect(lines[3]!.cells![3]!.text).toBe('82,81');
  });
});

describe('separators and marks a scan lost, as the column prints them (spellAsColumn)', () => {
  it('points back into an amount read without any, a dot after a row number, a % after a percentage', () => {
    const lines = table([
      ['No', 'Kegiatan', 'Pagu', 'Realisasi', 'Capaian'],
      ['1.', 'Kegiatan A', '2.329.800', '2225000', '95,50%'],
      ['2', 'Kegiatan B', '13.171.600', '12.739.000', '96,72%'],
      ['3.', 'Kegiatan C', '27.039.300', '26.538.300', '94,29'],
      ['4.', 'Kegiatan D', 'Rp.9277000,00', '4.273.000', '46,06%'],
      ['5.', 'Kegiatan E', '43.501.000', '29.445.500', '67,69%'],
      ['6.', 'Kegiatan F', '51.607.600', '29.805.000', '57,75%'],
    ]);
    expect(spellAsColumn(lines)).toBe(4);
    expect(lines.map((l) => l.cells!.map((c) => c.text).join(' '))).toEqual([
      'No Kegiatan Pagu Realisasi Capaian',
      '1. Kegiatan A 2.329.800 2.225.000 95,50%',
      '2. Kegiatan B 13.171.600 12.739.000 96,72%',
      '3. Kegiatan C 27.039.300 26.538.300 94,29%',
      '4. Kegiatan D Rp.9.277.000,00 4.273.000 46,06%',
      '5. Kegiatan E 43.501.000 29.445.500 67,69%',
      '6. Kegiatan F 51.607.600 29.805.000 57,75%',
    ]);
  });

  it('never where the column does not print so: bare row numbers, amounts without points, a column of plain numbers', () => {
    const lines = table([
      ['No', 'Uraian', 'Jumlah', 'Nilai'],
      ['1', 'Pegawai', '2225000', '94,29'],
      ['2.', 'Desa', '1250000', '80,10'],
      ['3', 'Dusun', '1.500.000', '81%'],
      ['4', 'RT', '980000', '77,5'],
    ]);
    const before = JSON.stringify(lines);
    expect(spellAsColumn(lines)).toBe(0);
    expect(JSON.stringify(lines)).toBe(before);
  });

  it('a percentage with a decimal point in a short table, on a page whose decimals are commas (Jelbuk Tabel 3.3: `86.44%`)', () => {
    const budget = table([
      ['Kegiatan', 'Pagu', '%'],
      ['A', '2.186.200', '99,12'],
      ['B', '13.171.600', '96,72'],
      ['C', '27.039.300', '98,15'],
      ['D', '9.277.000', '46,06'],
    ]);
    const caption = { text: 'Tabel 3.3', box: { x: 0, y: 120, w: 100, h: 10 }, size: 10, confidence: 95 } as ConfidentLine;
    const short = table([
      ['No', 'Indikator', 'Target', 'Capaian'],
      ['1.1', 'Nilai SKM', '86,44%', '86.44%'],
    ]).map((l) => ({ ...l, table: { id: 2, columns: 4 } }));
    const lines = [...budget, caption, ...short];
    expect(spellAsColumn(lines)).toBe(1);
    expect(short[1]!.cells!.map((c) => c.text)).toEqual(['1.1', 'Nilai SKM', '86,44%', '86,44%']);
    // a page of decimal points: left alone
    const points = [...table([['A', '99.12'], ['B', '96.72'], ['C', '98.15'], ['D', '46.06']]), caption, ...table([['No', 'Capaian'], ['1', '86.44%']]).map((l) => ({ ...l, table: { id: 2, columns: 2 } }))];
    expect(spellAsColumn(points)).toBe(0);
  });
});
