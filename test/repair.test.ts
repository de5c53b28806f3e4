/**
 * OCR misreading repair (issue 5): the synthetic consistent report with OCR-style misreadings put
 * into single cells, and OCR confidences put on the document's cells, as the OCR ingest does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRules } from '../src/audit/engine.js';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import type { Document } from '../src/model/document.js';
import { parseReport } from '../src/parse/index.js';
import { isRepaired, misreadings, needsHumanLook, repairReport } from '../src/parse/repair.js';
import { reviewOcrFindings } from '../src/audit/review.js';

const config = loadConfig();
const base = readFileSync(new URL('../fixtures/synthetic/konsisten.txt', import.meta.url), 'utf8');

interface Misread {
  line: number;
  from: string;
  to: string;
  /** Confidence of the misread cell (others get 96). */
  conf?: number;
  /** The misread cell's text, when `to` spans several cells. */
  cell?: string;
}

/** The synthetic report as if OCR'd: every cell 96, the misread cells lower. */
function ocrDoc(misreads: Misread[], opts: { confidences?: boolean } = {}): Document {
  const lines = base.split('\n');
  for (const m of misreads) {
    const l = lines[m.line - 1]!;
    if (!l.includes(m.from)) throw new Error(`line ${m.line} does not contain ${m.from}`);
    lines[m.line - 1] = l.replace(m.from, m.to);
  }
  const doc = textToDocument('konsisten-ocr.txt', lines.join('\n'));
  if (opts.confidences === false) return doc;
  for (const l of doc.lines) {
    for (const c of l.cells ?? []) {
      const m = misreads.find((x) => x.line === l.line && c.text === (x.cell ?? x.to));
      c.confidence = m ? (m.conf ?? 60) : 96;
    }
    l.confidence = Math.min(96, ...(l.cells ?? []).map((c) => c.confidence ?? 96));
  }
  return { ...doc, format: 'ocr' };
}

function run(doc: Document) {
  const report = parseReport(doc, config);
  const before = runRules(report, config);
  const { report: repaired, repairs } = repairReport(report, { doc });
  const after = runRules(repaired, config);
  return { report, repaired, repairs, before, after };
}

const errors = (f: ReturnType<typeof runRules>) => f.filter((x) => x.severity === 'error').map((x) => `${x.ruleId} ${x.where.line} ${x.reported}`);

describe('misreadings', () => {
  it('reads a % seen as 96/58/0 and a lost decimal comma', () => {
    expect(misreadings('10058', 'percent')).toContain('100%');
    expect(misreadings('10096', 'percent')).toContain('100%');
    expect(misreadings('89,550', 'percent')).toContain('89,55%');
    expect(misreadings('8644%', 'percent')).toContain('86,44%');
    expect(misreadings('86,44 90', 'percent')).toContain('86,44%');
  });
  it('swaps separators and letters', () => {
    expect(misreadings('125.00%', 'percent')).toContain('125,00%');
    expect(misreadings('63.OOO.000', 'money')).toContain('63.000.000');
    expect(misreadings('l80.000.000', 'money')).toContain('180.000.000');
    expect(misreadings('4S.000.000', 'money')).toContain('45.000.000');
    expect(misreadings('80 % 7', 'percent')).toContain('80 %');
  });
  it('drops specks and rule remnants at the end (degraded scans, issue 13)', () => {
    expect(misreadings('332.487.990°', 'money')).toContain('332.487.990');
    expect(misreadings('1.037.645.000 i]', 'money')).toContain('1.037.645.000');
    expect(misreadings('93.%', 'percent')).toContain('93%');
    expect(misreadings('100%.', 'percent')).toContain('100%');
    expect(misreadings('2.342.163.469', 'money')).not.toContain('2.342.163');
  });
  it('does not offer % readings for money', () => {
    expect(misreadings('2.657.062.190', 'money').some((r) => r.endsWith('%'))).toBe(false);
  });
});

describe('repairReport', () => {
  it('changes nothing on the clean report, text or OCR', () => {
    expect(run(ocrDoc([], { confidences: false })).repairs).toEqual([]);
    expect(run(ocrDoc([])).repairs).toEqual([]);
  });

  it('repairs a capaian of 100% read as 10058, and the false capaian finding goes away', () => {
    const r = run(ocrDoc([{ line: 67, from: '100%\t100%\t100%', to: '100%\t100%\t10058', cell: '10058' }]));
    expect(errors(r.before).some((e) => e.startsWith('capaian 67 10058'))).toBe(true);
    expect(r.repairs).toHaveLength(1);
    expect(r.repairs[0]).toMatchObject({ before: '10058', after: '100%', valueBefore: 10058, valueAfter: 100, confidence: 60 });
    expect(r.repairs[0]!.where.line).toBe(67);
    expect(r.repairs[0]!.relations.join(' ')).toMatch(/capaian = realisasi \/ target/);
    expect(errors(r.after)).toEqual([]);
    const m = r.repaired.measurements.find((x) => x.capaian.src.line === 67)!;
    expect(isRepaired(m.capaian)).toBe(true);
    expect(needsHumanLook(m.capaian)).toBe(true);
    // the input report is not mutated
    expect(r.report.measurements.find((x) => x.capaian.src.line === 67)!.capaian.raw).toBe('10058');
  });

  it('repairs a budget % read as 90,0096 and a money amount with O for 0', () => {
    const r = run(
      ocrDoc([
        { line: 89, from: '90,00%', to: '90,0096' },
        { line: 91, from: '63.000.000', to: '63.OOO.000', conf: 41 },
      ]),
    );
    expect(r.repairs.map((x) => `${x.before} → ${x.after}`).sort()).toEqual(['63.OOO.000 → 63.000.000', '90,0096 → 90,00%']);
    expect(errors(r.after)).toEqual([]);
    expect(r.repaired.unreadable.some((v) => v.raw.includes('OOO'))).toBe(false);
  });

  it('repairs a realisation with a separator misread (US reading) when the sums and % agree', () => {
    const r = run(ocrDoc([{ line: 92, from: '45.000.000', to: '45,000.000' }]));
    expect(r.repairs.map((x) => `${x.before} → ${x.valueAfter}`)).toEqual(['45,000.000 → 45000000']);
    expect(errors(r.after)).toEqual([]);
  });

  it('repairs a kegiatan amount whose program does not add up in print, when its own sum and % agree (issue 13)', () => {
    // the program's pagu printed wrong (210.000.000, read confidently) and its first kegiatan's
    // pagu misread: the program's sum holds with no reading of it, its own sum and % hold with one
    const r = run(
      ocrDoc([
        { line: 89, from: '200.000.000', to: '210.000.000', conf: 97 },
        { line: 90, from: '120.000.000', to: '120,000.000', conf: 40 },
      ]),
    );
    expect(r.repairs.map((x) => `${x.before} → ${x.valueAfter}`)).toEqual(['120,000.000 → 120000000']);
    // the printed error stays
    expect(errors(r.after).filter((e) => e.startsWith('budget-sum 89'))).toHaveLength(1);
  });

  it('leaves a real inconsistency alone when the value was read with high confidence', () => {
    const r = run(ocrDoc([{ line: 89, from: '90,00%', to: '91,00%', conf: 97 }]));
    expect(r.repairs).toEqual([]);
    expect(errors(r.after)).toContain('budget-percentage 89 91,00%');
  });

  it('leaves text-path reports alone (no confidences), whatever is broken', () => {
    const r = run(ocrDoc([{ line: 67, from: '100%\t100%\t100%', to: '100%\t100%\t10058', cell: '10058' }], { confidences: false }));
    expect(r.repairs).toEqual([]);
    expect(r.repaired).toEqual(r.report);
  });

  it('does not repair when no single reading is consistent (a real error read with low confidence)', () => {
    // 91,00% is not a misreading of 90,00%: no plausible reading makes the row hold
    const r = run(ocrDoc([{ line: 89, from: '90,00%', to: '91,00%', conf: 50 }]));
    expect(r.repairs).toEqual([]);
    expect(errors(r.after)).toContain('budget-percentage 89 91,00%');
  });

  it('repairs two misread values of one row together when exactly one joint reading fits', () => {
    const r = run(
      ocrDoc([
        { line: 67, from: '100%\t100%\t100%', to: '10096\t100%\t100 90', cell: '10096', conf: 70 },
        { line: 67, from: '100 90', to: '100 90', conf: 75 },
      ]),
    );
    expect(r.repairs.map((x) => `${x.before} → ${x.after}`).sort()).toEqual(['100 90 → 100%', '10096 → 100%']);
    expect(errors(r.after)).toEqual([]);
  });

  it('reads a row with an unreadable amount and a misread % together when only one joint reading fits', () => {
    const r = run(
      ocrDoc([
        { line: 93, from: '72.000.000\t90,00%', to: '72.000.0O0\t90,0096', cell: '72.000.0O0' },
        { line: 93, from: '90,0096', to: '90,0096' },
      ]),
    );
    expect(r.repairs.map((x) => `${x.before} → ${x.after}`).sort()).toEqual(['72.000.0O0 → 72.000.000', '90,0096 → 90,00%']);
    expect(errors(r.after)).toEqual([]);
  });
});

describe('reviewOcrFindings', () => {
  it('leaves the findings of a text report as they are', () => {
    const doc = ocrDoc([{ line: 89, from: '90,00%', to: '91,00%' }], { confidences: false });
    const report = parseReport(doc, config);
    const findings = runRules(report, config);
    expect(findings.length).toBeGreaterThan(0);
    expect(reviewOcrFindings(findings, report, doc)).toEqual(findings);
  });

  it('marks a finding that rests on a low-confidence OCR value for a human look, at most a warning', () => {
    const doc = ocrDoc([{ line: 89, from: '90,00%', to: '91,00%', conf: 55 }]);
    const { report } = repairReport(parseReport(doc, config), { doc });
    const reviewed = reviewOcrFindings(runRules(report, config), report, doc);
    const f = reviewed.find((x) => x.ruleId === 'budget-percentage' && x.where.line === 89)!;
    expect(f.needsReview).toBe(true);
    expect(f.severity).toBe('warning');
    expect(f.message.en).toMatch(/Needs a human look.*91,00%.*55/);
  });

  it('marks a difference that a plausible misreading explains', () => {
    // a % read as "96" with high confidence (not repaired here): the difference it makes is no evidence
    const doc = ocrDoc([{ line: 89, from: '90,00%', to: '90,0096', conf: 97 }]);
    const report = parseReport(doc, config);
    const reviewed = reviewOcrFindings(runRules(report, config), report, doc);
    for (const f of reviewed.filter((x) => x.where.line === 89)) {
      expect(f.severity).not.toBe('error');
      expect(f.needsReview).toBe(true);
    }
  });

  it('keeps an error on OCR values that a second reading confirms, and marks one that nothing confirms', () => {
    // read confidently (97) as 91,00%: the page says 90,00% by its pagu and realisasi
    const confirmed = ocrDoc([{ line: 89, from: '90,00%', to: '91,00%', conf: 97 }]);
    for (const l of confirmed.lines) for (const c of l.cells ?? []) c.confirmed = true;
    const a = repairReport(parseReport(confirmed, config), { doc: confirmed });
    const fa = reviewOcrFindings(runRules(a.report, config), a.report, confirmed).find((x) => x.ruleId === 'budget-percentage' && x.where.line === 89)!;
    expect(fa.severity).toBe('error');
    expect(fa.needsReview).toBeFalsy();

    const unconfirmed = ocrDoc([{ line: 89, from: '90,00%', to: '91,00%', conf: 97 }]);
    const b = repairReport(parseReport(unconfirmed, config), { doc: unconfirmed });
    const fb = reviewOcrFindings(runRules(b.report, config), b.report, unconfirmed).find((x) => x.ruleId === 'budget-percentage' && x.where.line === 89)!;
    expect(fb.severity).toBe('warning');
    expect(fb.needsReview).toBe(true);
    // the message names the value nothing confirms
    expect(fb.message.id).toMatch(/"91,00%".*tidak dikonfirmasi/);
    expect(fb.message.en).toMatch(/not confirmed/);
  });
});

describe('a sum whose rows run on over a page break onto an OCR page (issue 13)', () => {
  /**
   * Tabel 3.3 broken after its line 91: Program 1's second kegiatan (lines 92–94) falls on page 2,
   * which OCR read badly (as on Balung's Tabel 3.8, page 3 of the degraded fixture, whose member
   * rows on the 1-bit page 4 were lost). Every value read is confirmed by a second reading.
   */
  function broken(lost: 'garbled' | 'absent'): Document {
    const doc = ocrDoc([]);
    const lines = doc.lines.flatMap((l) => {
      const page = l.line <= 91 ? 1 : 2;
      for (const c of l.cells ?? []) c.confirmed = true;
      if (l.line < 92 || l.line > 94) return [{ ...l, page }];
      // the rows of the second kegiatan: read as loose text of low confidence, or not at all
      return lost === 'garbled' ? [{ ...l, page, cells: null, text: l.text.replace(/\t/g, ' ').replace(/\./g, ',').replace(/0/g, 'o'), confidence: 35 }] : [];
    });
    return { ...doc, lines, pageCount: 2 };
  }
  const sums = (doc: Document) => {
    const { report } = repairReport(parseReport(doc, config), { doc });
    return reviewOcrFindings(runRules(report, config), report, doc).filter((f) => f.ruleId === 'budget-sum' && f.where.line === 89);
  };

  it('marks the sum for review, naming the page, although the values it rests on are confirmed', () => {
    const found = sums(broken('garbled'));
    expect(found.length).toBeGreaterThan(0); // Program 1 (200.000.000) against its one kegiatan read (120.000.000)
    for (const f of found) {
      expect(f.severity).toBe('warning');
      expect(f.needsReview).toBe(true);
      expect(f.message.id).toMatch(/berlanjut ke halaman 2 hasil OCR/);
    }
  });

  it('keeps the error when the page after the break was read cleanly', () => {
    const found = sums(broken('absent'));
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.severity, f.message.id).toBe("error");
  });
});

describe('a sum over OCR rows where a row number stands twice in a row (issue 13)', () => {
  // the "2" of the second kegiatan read also into the unnumbered sub kegiatan row above it (as on
  // the 300 dpi scan of Bangsalsari's Tabel 3.8): that row becomes a kegiatan, its parent loses it
  const doc = () => {
    // labels without the level words (as Bangsalsari prints them): the numbers give the levels
    const d = ocrDoc([
      { line: 90, from: 'Kegiatan : Administrasi', to: 'Administrasi' },
      { line: 91, from: 'Sub Kegiatan Penyediaan', to: 'Penyediaan' },
      { line: 92, from: '\tSub Kegiatan Pelaksanaan', to: '2\tPelaksanaan' },
      { line: 93, from: 'Kegiatan : Administrasi', to: 'Administrasi' },
      { line: 94, from: 'Sub Kegiatan Penyediaan', to: 'Penyediaan' },
    ]);
    for (const l of d.lines) for (const c of l.cells ?? []) c.confirmed = true;
    return d;
  };
  it('marks the sum for review, naming the number read twice', () => {
    const d = doc();
    const { report } = repairReport(parseReport(d, config), { doc: d });
    const f = reviewOcrFindings(runRules(report, config), report, d).filter((x) => x.ruleId === 'budget-sum' && x.where.line === 90);
    expect(f.length).toBeGreaterThan(0); // Kegiatan 1 (120.000.000) against its one sub kegiatan left (70.000.000)
    for (const x of f) {
      expect(x.severity).toBe('warning');
      expect(x.message.id).toMatch(/nomor baris "2" terbaca dua kali berturut-turut \(baris 92 dan 93\)/);
    }
  });
  it('is an error on a text report', () => {
    const d = doc();
    const text = { ...d, format: 'text' as const, lines: d.lines.map((l) => ({ ...l, confidence: undefined, cells: l.cells?.map((c) => ({ text: c.text })) ?? null })) };
    const report = parseReport(text, config);
    const f = reviewOcrFindings(runRules(report, config), report, text).filter((x) => x.ruleId === 'budget-sum' && x.where.line === 90);
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) expect(x.severity).toBe('error');
  });
});
