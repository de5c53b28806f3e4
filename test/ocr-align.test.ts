/**
 * Table grid from text alignment and 1-bit rules (issue 13: src/ingest/ocr/align.ts,
 * detectDottedRules / isBitonal / brokenRuleProbe in src/ingest/ocr/rules.ts), on synthetic words
 * and images with a known grid: the expected columns and rows come out, and nothing where the
 * rules already make a grid or the text is prose.
 */
import { describe, expect, it } from 'vitest';
import { alignGrid } from '../src/ingest/ocr/align.js';
import { brokenRuleProbe, detectDashedRules, detectDottedRules, isBitonal } from '../src/ingest/ocr/rules.js';
import { layoutPage } from '../src/ingest/pdf/layout.js';
import type { GrayImage } from '../src/ingest/ocr/render.js';

type W = { text: string; x: number; y: number; w: number; h: number };
/** A word at (x, y) in points, 8 pt tall, 4.5 pt per character. */
const word = (text: string, x: number, y: number): W => ({ text, x, y, w: 4.5 * text.length, h: 8 });
/** Right-aligned at `right`. */
const num = (text: string, right: number, y: number): W => word(text, right - 4.5 * text.length, y);
const runs = (ws: W[]) => ws.map((w) => ({ str: w.text, x: w.x, y: w.y + w.h * 0.8, w: w.w, size: 10, upright: true }));
const noRules = { hsegs: [], vsegs: [] };

/** A budget table without any rules: label at 60, numbers right-aligned at 330 and 430, % at 490; rows 20 pt apart. */
function budgetTable(): W[] {
  const rows: [string, string, string, string][] = [
    ['Program Satu', '117.136.000', '114.230.000', '97,52%'],
    ['Program Dua', '287.836.000', '278.000.000', '96,58%'],
    ['Program Tiga', '44.000', '0', '0,00%'],
    ['Jumlah', '449.016.000', '392.230.000', '87,35%'],
  ];
  return rows.flatMap(([label, a, b, p], r) => {
    const y = 100 + r * 20;
    const ws: W[] = [];
    let x = 60;
    for (const t of label.split(' ')) {
      ws.push(word(t, x, y));
      x += 4.5 * t.length + 3; // a word space
    }
    return [...ws, num(a, 330, y), num(b, 430, y), num(p, 490, y)];
  });
}

describe('alignGrid: columns from gutters', () => {
  it('finds the four columns and four rows of a table without rules, and the layout gives its cells', () => {
    const words = budgetTable();
    const res = alignGrid(words, noRules);
    expect(res.grids).toHaveLength(1);
    const g = res.grids[0]!;
    expect(g.cols).toHaveLength(5);
    // separators in the gutters: between the label (ends ≤ 140) and the first number column (≥ 280.5), …
    // (not in the word space after "Program", which every row has at the same x)
    expect(g.cols[1]!).toBeGreaterThan(140);
    expect(g.cols[1]!).toBeLessThan(280.5);
    expect(g.cols[2]!).toBeGreaterThan(330);
    expect(g.cols[2]!).toBeLessThan(380.5);
    expect(g.rows).toHaveLength(5);
    for (let r = 1; r < 4; r++) expect(g.rows[r]!).toBeCloseTo(100 + r * 20 - 6, 0);
    const lines = layoutPage({ width: 595, height: 842, runs: runs(words), hsegs: res.hsegs, vsegs: res.vsegs });
    const table = lines.filter((l) => l.table);
    expect(table.map((l) => l.cells!.map((c) => c.text))).toEqual([
      ['Program Satu', '117.136.000', '114.230.000', '97,52%'],
      ['Program Dua', '287.836.000', '278.000.000', '96,58%'],
      ['Program Tiga', '44.000', '0', '0,00%'],
      ['Jumlah', '449.016.000', '392.230.000', '87,35%'],
    ]);
  });

  it('keeps a number wrapped in its narrow cell ("117.136.00" over "0") in one row', () => {
    const words = budgetTable().filter((w) => w.text !== '117.136.000');
    words.push(num('117.136.00', 330, 100), num('0', 330, 109));
    const g = alignGrid(words, noRules).grids[0]!;
    expect(g.rows).toHaveLength(5);
    expect(g.rows[1]!).toBeGreaterThan(117);
  });

  it('leaves prose with numbers in it alone (no gutter runs through justified lines)', () => {
    const text = 'realisasi anggaran sebesar Rp. 3.675.452.192,- dari total anggaran Rp. 3.898.085.541,- atau 94,29% pada tahun 2023';
    const words: W[] = [];
    for (let r = 0; r < 4; r++) {
      let x = 60 + r * 7;
      for (const t of text.split(' ')) {
        words.push(word(t, x, 300 + r * 12));
        x += 4.5 * t.length + 3;
      }
    }
    expect(alignGrid(words, noRules).grids).toHaveLength(0);
  });

  it('leaves a ruled table to its rules', () => {
    const words = budgetTable();
    const hsegs = [94, 114, 134, 154, 174].map((y) => ({ y, x1: 55, x2: 500 }));
    const vsegs = [55, 200, 340, 440, 500].map((x) => ({ x, y1: 94, y2: 174 }));
    const res = alignGrid(words, { hsegs, vsegs });
    expect(res.grids).toHaveLength(0);
    expect(res.hsegs).toBe(hsegs);
  });
});

describe('alignGrid: rows from text between vertical rules', () => {
  it('adds row rules across a table that has its vertical rules but lost the horizontal ones', () => {
    const words = budgetTable();
    const vsegs = [55, 200, 340, 440, 500].map((x) => ({ x, y1: 94, y2: 174 }));
    const res = alignGrid(words, { hsegs: [{ y: 94, x1: 55, x2: 500 }], vsegs });
    expect(res.grids).toHaveLength(1);
    expect(res.grids[0]!.rulesKept).toBe(true);
    expect(res.grids[0]!.rows).toHaveLength(5);
    const lines = layoutPage({ width: 595, height: 842, runs: runs(words), hsegs: res.hsegs, vsegs: res.vsegs });
    expect(lines.filter((l) => l.table).map((l) => l.cells!.map((c) => c.text))[2]).toEqual(['Program Tiga', '44.000', '0', '0,00%']);
  });

  it('splits rows set close together where numbers of one column stand above each other', () => {
    // rows 10 pt apart (gaps of 2 pt: under half a text height), each with a number in one column
    const words: W[] = [];
    ['85', '80%', '85%', '100%'].forEach((n, r) => words.push(word('Sasaran', 60, 100 + r * 10), word(`ke-${r + 1}`, 100, 100 + r * 10), num(n, 330, 100 + r * 10)));
    const vsegs = [55, 200, 340].map((x) => ({ x, y1: 96, y2: 140 }));
    const g = alignGrid(words, { hsegs: [], vsegs }).grids[0]!;
    expect(g.rows).toHaveLength(5);
    // a label wrapped over two lines beside one number stays one row
    const wrapped = [word('Sasaran', 60, 100), num('85', 330, 100), word('lanjutan', 60, 110), word('Sasaran', 60, 122), num('80%', 330, 122), word('Sasaran', 60, 134), num('90%', 330, 134)];
    expect(alignGrid(wrapped, { hsegs: [], vsegs }).grids[0]!.rows).toHaveLength(4);
  });
  it('makes a line of column numbers "(1) (2) (3)" a row of its own where the first row reaches into its height', () => {
    // the numbering line at y 100 and the first row at y 107.5: the boxes overlap by half a point
    const vsegs = [55, 200, 340].map((x) => ({ x, y1: 96, y2: 160 }));
    const rowsBelow = (first: number) => [word('Sasaran', 60, first), num('85%', 330, first), word('Sasaran', 60, first + 14), num('80%', 330, first + 14), word('Sasaran', 60, first + 28), num('90%', 330, first + 28)];
    const numbered = [word('(1)', 60, 100), word('12', 210, 100), word('3)', 320, 100), ...rowsBelow(107.5)];
    const g = alignGrid(numbered, { hsegs: [], vsegs }).grids[0]!;
    expect(g.rows).toHaveLength(5);
    expect(g.rows[1]!).toBeGreaterThan(107);
    expect(g.rows[1]!).toBeLessThan(108.5);
    const lines = layoutPage({ width: 595, height: 842, runs: runs(numbered), hsegs: alignGrid(numbered, { hsegs: [], vsegs }).hsegs, vsegs: alignGrid(numbered, { hsegs: [], vsegs }).vsegs });
    expect(lines.filter((l) => l.table).map((l) => l.cells!.map((c) => c.text))[1]).toEqual(['Sasaran', '85%']);
    // words of a label ("Tahun 2 dan 3") are no numbering line: the same words without brackets stay in the first row
    const plain = [word('1', 60, 100), word('12', 210, 100), word('3', 320, 100), ...rowsBelow(107.5)];
    expect(alignGrid(plain, { hsegs: [], vsegs }).grids[0]!.rows).toHaveLength(4);
  });

  it('keeps a cell that lists several values a word space apart ("100% 100%" on each line) in one row', () => {
    // one row of a PK: indicators wrapped in one cell, their targets listed two a line, lines 10 pt apart
    const words: W[] = [];
    for (let r = 0; r < 3; r++) words.push(word('Persentase', 60, 100 + r * 10), word('PD', 110, 100 + r * 10), num('100%', 300, 100 + r * 10), num('100%', 321, 100 + r * 10));
    // and a second row below a white gap of a text height
    words.push(word('Persentase', 60, 138), num('90%', 321, 138));
    const vsegs = [55, 200, 340].map((x) => ({ x, y1: 96, y2: 150 }));
    const g = alignGrid(words, { hsegs: [], vsegs }).grids[0]!;
    expect(g.rows).toHaveLength(3);
  });
});

/** A white 300 dpi image with ink drawn by `draw`. */
function image(w: number, h: number, draw: (set: (x: number, y: number) => void) => void): GrayImage {
  const data = new Uint8Array(w * h).fill(255);
  draw((x, y) => {
    data[y * w + x] = 0;
  });
  return { width: w, height: h, data, dpi: 300 };
}

describe('detectDottedRules', () => {
  it('finds a vertical rule broken into dots (2 px wide, 6 px long, 8 px apart) at its x', () => {
    const img = image(400, 600, (set) => {
      for (let y = 50; y < 450; y += 14) for (let dy = 0; dy < 6; dy++) for (let dx = 0; dx < 2; dx++) set(200 + dx, y + dy);
    });
    const segs = detectDottedRules(img);
    expect(segs).toHaveLength(1);
    expect(segs[0]!.at).toBeCloseTo(200.5, 0);
    expect(segs[0]!.a).toBe(50);
    expect(segs[0]!.b).toBeGreaterThan(440);
  });

  it('does not take the letters "l" of three consecutive text lines at one x for a rule', () => {
    // 30 px tall strokes, lines 50 px apart (12 pt leading at 300 dpi): gaps of 20 px
    const img = image(400, 600, (set) => {
      for (let r = 0; r < 6; r++) for (let dy = 0; dy < 30; dy++) for (let dx = 0; dx < 3; dx++) set(100 + dx, 50 + r * 50 + dy);
    });
    // six strokes would chain at gaps of 20 px (< 1/10 in) with 60% ink: the text's strokes need
    // the 0.3 in span and four pieces, which 3 lines do not have
    const three = image(400, 600, (set) => {
      for (let r = 0; r < 3; r++) for (let dy = 0; dy < 30; dy++) for (let dx = 0; dx < 3; dx++) set(100 + dx, 50 + r * 50 + dy);
    });
    expect(detectDottedRules(three)).toHaveLength(0);
    expect(detectDottedRules(img).length).toBeLessThanOrEqual(1);
  });

  it('ignores strokes wider than a rule (digits, letters)', () => {
    const img = image(400, 600, (set) => {
      for (let y = 50; y < 450; y += 14) for (let dy = 0; dy < 6; dy++) for (let dx = 0; dx < 9; dx++) set(200 + dx, y + dy);
    });
    expect(detectDottedRules(img)).toHaveLength(0);
  });
});

describe('detectDashedRules', () => {
  /** A text line at y: 20 px tall letters (12 px strokes, 6 px apart), from x 40 to 1200. */
  const textLine = (set: (x: number, y: number) => void, y: number) => {
    for (let x = 40; x < 1200; x += 18) for (let dy = 0; dy < 20; dy++) for (let dx = 0; dx < 12; dx++) set(x + dx, y + dy);
  };
  it('finds a row rule broken into dashes 25 px long, 2 px tall, 60 px apart, with dots between, between two text rows', () => {
    const img = image(1300, 300, (set) => {
      textLine(set, 40);
      textLine(set, 160);
      for (let x = 40; x < 1200; x += 85) for (let dx = 0; dx < 25; dx++) for (let dy = 0; dy < 2; dy++) set(x + dx, 110 + dy);
      for (let x = 80; x < 1150; x += 85) set(x, 111);
    });
    const { pieces, rules } = detectDashedRules(img);
    expect(rules).toHaveLength(1);
    expect(rules[0]!.at).toBeCloseTo(111, 0);
    // 14 dashes and the 13 dots between them; none of the text's strokes
    expect(pieces).toHaveLength(27);
    expect(pieces.every((p) => p.y1 >= 109 && p.y2 <= 113)).toBe(true);
  });

  it('leaves hyphens and underscores inside a text line alone', () => {
    const img = image(1300, 300, (set) => {
      // letters 12 px wide with a hyphen (16 x 3 px at mid height) after every fourth letter, and an underscore
      for (let x = 40, k = 0; x < 1200; k++) {
        if (k % 4 === 3) {
          for (let dx = 0; dx < 16; dx++) for (let dy = 0; dy < 3; dy++) set(x + dx, 110 + dy);
          x += 22;
        } else {
          for (let dy = 0; dy < 20; dy++) for (let dx = 0; dx < 12; dx++) set(x + dx, 100 + dy);
          x += 18;
        }
      }
      for (let dx = 0; dx < 40; dx++) set(600 + dx, 121);
    });
    expect(detectDashedRules(img).pieces).toHaveLength(0);
  });

  it('does not chain the "-" values of one row of table cells (an inch or more apart)', () => {
    const img = image(1600, 200, (set) => {
      for (let x = 100; x < 1500; x += 320) for (let dx = 0; dx < 16; dx++) for (let dy = 0; dy < 3; dy++) set(x + dx, 100 + dy);
    });
    expect(detectDashedRules(img).pieces).toHaveLength(0);
  });
});

describe('isBitonal', () => {
  it('tells a 1-bit render (black and white only) from a gray one', () => {
    const bw = image(200, 200, (set) => {
      for (let x = 20; x < 180; x++) set(x, 100);
    });
    expect(isBitonal(bw)).toBe(true);
    const gray = { ...bw, data: bw.data.map((v, i) => (i % 3 === 0 ? 128 : v)) };
    expect(isBitonal(gray)).toBe(false);
    expect(isBitonal({ ...bw, data: new Uint8Array(bw.data.length).fill(255) })).toBe(false);
  });
});

describe('brokenRuleProbe', () => {
  it('sees a dashed rule in a gap between text rows, not a white gap', () => {
    // 300 dpi: points × 300/72; a dashed rule at y = 120 pt (500 px) from x 50..450 pt, dashes 20 px every 40 px
    const img = image(2000, 1000, (set) => {
      for (let x = 208; x < 1875; x += 40) for (let dx = 0; dx < 20; dx++) set(x + dx, 500);
    });
    const probe = brokenRuleProbe(img, []);
    expect(probe(118, 122, 50, 450)).toBe(true);
    expect(probe(100, 110, 50, 450)).toBe(false);
    // a found rule in the gap counts as well
    expect(brokenRuleProbe(img, [{ y: 105, x1: 40, x2: 460 }])(100, 110, 50, 450)).toBe(true);
  });

  it('takes a dashed rule found just above the gap (inside the upper line\'s boxes) as the row boundary', () => {
    const img = image(2000, 1000, () => undefined);
    // detectDashedRules found one at 119.2 pt over 70% of the width; the gap between the boxes is 120..123
    const dashed = [{ y: 119.2, x1: 120, x2: 400 }];
    expect(brokenRuleProbe(img, [], dashed)(120, 123, 50, 450)).toBe(true);
    // too far from the gap, or over a third of the width only: no boundary
    expect(brokenRuleProbe(img, [], [{ y: 116, x1: 120, x2: 400 }])(120, 123, 50, 450)).toBe(false);
    expect(brokenRuleProbe(img, [], [{ y: 119.2, x1: 120, x2: 250 }])(120, 123, 50, 450)).toBe(false);
  });

  it('sees a band of ink just above the gap with paper above it (a rule under a header line), not a text line\'s bottom', () => {
    // gap 120..123 pt (500..512 px); a dashed rule 2 px tall at 496 px, 4 px inside the upper line's boxes
    const rule = image(2000, 1000, (set) => {
      for (let x = 208; x < 1875; x += 40) for (let dx = 0; dx < 20; dx++) for (let dy = 0; dy < 2; dy++) set(x + dx, 496 + dy);
    });
    expect(brokenRuleProbe(rule, [])(120, 123, 50, 450)).toBe(true);
    // the same ink as the bottom rows of letters (strokes from 470 down to 497): ink above it, no rule
    const letters = image(2000, 1000, (set) => {
      for (let x = 208; x < 1875; x += 40) for (let dx = 0; dx < 20; dx++) for (let y = 470; y < 498; y++) if (dx < 3 || dx > 16 || y >= 496) set(x + dx, y);
    });
    expect(brokenRuleProbe(letters, [])(120, 123, 50, 450)).toBe(false);
  });
});
