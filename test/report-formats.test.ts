import { readFileSync } from 'node:fs';
import { auditDocument } from '../src/audit/index.js';
import { RULES } from '../src/audit/rules/index.js';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
/** CSV (plain and the Excel variant) and SARIF writers: pure functions over findings. */
import { describe, expect, it } from 'vitest';
import { FindingSchema, type Finding } from '../src/model/finding.js';
import { formatQuantity, formatTolerance } from '../src/report/format.js';
import { CSV_COLUMNS, findingRow, toCsv } from '../src/report/csv.js';
import { fileUri, toSarif } from '../src/report/sarif.js';

const f: Finding = {
  ruleId: 'budget-sum',
  category: 'sum_mismatch',
  severity: 'error',
  messageId: 'sum',
  data: { reported: { raw: '2.657.062.192', quantity: { value: '2657062192', unit: 'rupiah', decimals: 0 } }, diff: { value: '1000000', unit: 'rupiah', decimals: 0 } },
  message: { id: 'Realisasi "Program" tercatat 2.657.062.192; selisih 1.000.000.', en: 'Realisation "Program" is 2,657,062,192; off by 1,000,000.' },
  where: { file: 'laporan kecamatan/balung.txt', page: null, line: 777, section: 'Bab III', table: 'Tabel 3.8', row: 'Program : Penunjang', column: 'REALISASI', col: 3 },
  reported: '2.657.062.192',
  printed: { value: '2657062192', unit: 'rupiah', decimals: 0 },
  expected: { kind: 'quantity', quantity: { value: '2656062192', unit: 'rupiah', decimals: 0 } },
  tolerance: { kind: 'exact-rupiah' },
  related: [{ file: 'laporan kecamatan/balung.txt', page: null, line: 778, table: 'Tabel 3.8', note: 'Kegiatan 1' }],
};

/** A capaian finding: a percentage printed with two decimals against the recomputed one. */
const pct: Finding = {
  ...f,
  ruleId: 'capaian',
  category: 'capaian_mismatch',
  messageId: 'indicator',
  data: {},
  reported: '86,44 %',
  printed: { value: 86.44, unit: 'percent', decimals: 2 },
  expected: { kind: 'quantity', quantity: { value: 101.6949, unit: 'percent', decimals: 2 } },
  tolerance: { kind: 'printed-precision', decimals: 2 },
};

describe('toCsv', () => {
  it('keeps the exact header and the (findings, lang) signature', () => {
    const csv = toCsv([f], 'en');
    expect(csv.split('\n')[0]).toBe('file,page,line,section,table,row,column,rule,category,severity,reported,expected,tolerance,message');
    expect(csv).toContain(',budget-sum,sum_mismatch,error,"2,657,062,192","2,656,062,192",exact (whole rupiah),"Realisation ""Program"" is 2,657,062,192; off by 1,000,000."\n');
  });

  it('writes the printed and expected values and the tolerance in the chosen language', () => {
    expect(toCsv([f], 'id', { header: false })).toContain(',budget-sum,sum_mismatch,error,2.657.062.192,2.656.062.192,tepat (rupiah utuh),"Realisasi ""Program"" tercatat 2.657.062.192; selisih 1.000.000."\n');
    const row = (lang: 'id' | 'en') => findingRow(pct, lang).slice(10, 13);
    // Indonesian: the value exactly as printed, the recomputation with a decimal comma
    expect(row('id')).toEqual(['86,44 %', '101,69%', 'presisi cetak 2 desimal (dibulatkan atau dipotong; selang 0,01)']);
    // English: the numbers in English marks, the tolerance in English words (no Indonesian left)
    expect(row('en')).toEqual(['86.44%', '101.69%', 'printed precision, 2 decimals (rounded or truncated; step 0.01)']);
    const named: Finding = { ...pct, printed: undefined, reported: 'memuaskan', expected: { kind: 'text', text: { id: 'Sangat Memuaskan (rata-rata 104%)', en: 'Sangat Memuaskan (average 104%)' } } };
    expect(findingRow(named, 'en')[11]).toBe('Sangat Memuaskan (average 104%)');
    expect(findingRow(named, 'en')[10]).toBe('memuaskan');
    const elsewhere: Finding = { ...f, expected: { kind: 'printed', raw: '17 Orang', quantity: { value: 17, unit: 'number', decimals: 0, label: 'orang' }, note: { id: 'RKT baris 873', en: 'RKT line 873' } } };
    expect(findingRow(elsewhere, 'id')[11]).toBe('17 Orang (RKT baris 873)');
    expect(findingRow(elsewhere, 'en')[11]).toBe('17 orang (RKT line 873)');
  });

  it('formats money from its exact digits (never a float) and numbers per language', () => {
    const big = { value: '12345678901234567890', unit: 'rupiah', decimals: 0 } as const;
    expect(formatQuantity(big, 'id')).toBe('12.345.678.901.234.567.890');
    expect(formatQuantity(big, 'en')).toBe('12,345,678,901,234,567,890');
    expect(formatQuantity({ value: '-1000000.50', unit: 'rupiah', decimals: 2 }, 'id')).toBe('-1.000.000,50');
    expect(formatQuantity({ value: 2023, unit: 'year', decimals: 0 }, 'en')).toBe('2023');
    expect(formatQuantity({ value: 1234.5, unit: 'number', decimals: 2, label: 'Orang' }, 'en')).toBe('1,234.50 Orang');
    expect(formatTolerance({ kind: 'printed-precision', decimals: 0 }, 'id')).toBe('presisi cetak 0 desimal (dibulatkan atau dipotong; selang 1)');
    expect(formatTolerance({ kind: 'text', text: { id: 'jumlah tepat', en: 'exact count' } }, 'en')).toBe('exact count');
  });

  it('findings validate against the schema; money as a float does not', () => {
    expect(FindingSchema.safeParse(f).success).toBe(true);
    expect(FindingSchema.safeParse(pct).success).toBe(true);
    expect(FindingSchema.safeParse({ ...f, printed: { value: 2657062192, unit: 'rupiah', decimals: 0 } }).success).toBe(false);
    expect(FindingSchema.safeParse({ ...f, tolerance: 'tepat (rupiah utuh)' }).success).toBe(false);
    expect(FindingSchema.safeParse({ ...f, messageId: undefined }).success).toBe(false);
  });

  it('Excel variant: BOM, ";" separator, CRLF; commas in values need no quotes, semicolons do', () => {
    const csv = toCsv([{ ...f, tolerance: { kind: 'text', text: { id: 'a;b', en: 'a;b' } } }], 'id', { excel: true });
    expect(csv.startsWith('\uFEFF' + CSV_COLUMNS.join(';') + '\r\n')).toBe(true);
    expect(csv).toContain(';777;Bab III;Tabel 3.8;');
    expect(csv).toContain(';"a;b";');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(toCsv([f], 'id', { excel: true, header: false }).startsWith('laporan kecamatan/balung.txt;')).toBe(true);
  });
});

describe('a real report in both languages (Balung seed)', () => {
  const file = 'fixtures/seeds/000_c0a7f8c5d5d194b0.txt';
  const { findings } = auditDocument(textToDocument(file, readFileSync(file, 'utf8')), loadConfig());
  const rows = (lang: 'id' | 'en') => findings.map((x) => findingRow(x, lang));
  it('writes the English tolerance in English words and the numbers in English marks', () => {
    const id = rows('id');
    const en = rows('en');
    // every tolerance is written in both languages; in English none of the Indonesian criteria is left
    for (const [i, r] of en.entries()) {
      expect(r[12], `${r[7]} line ${r[2]}`).not.toBe('');
      expect(r[12]).not.toMatch(/presisi cetak|tepat \(rupiah utuh\)|nilai sama|jumlah tepat|nama sama|Batas yang bersentuhan/);
      if (id[i]![12] !== r[12]) continue;
      throw new Error(`tolerance left in Indonesian: ${r[12]}`);
    }
    const sum = en.find((r) => r[7] === 'budget-sum' && r[2] === '777')!;
    expect(sum.slice(10, 13)).toEqual(['2,657,062,192', '2,656,062,192', 'exact (whole rupiah)']);
    const sumId = id.find((r) => r[7] === 'budget-sum' && r[2] === '777')!;
    expect(sumId.slice(10, 13)).toEqual(['2.657.062.192', '2.656.062.192', 'tepat (rupiah utuh)']);
  });
});

describe('toSarif', () => {
  const sarif = JSON.parse(toSarif([{ file: f.where.file, findings: [f] }, { file: 'x.pdf', error: { reason: 'truncated', message: { id: 'Berkas PDF terpotong', en: 'Truncated PDF' } }, findings: [] }], { rules: RULES.map((r) => r.meta) }));
  it('is SARIF 2.1.0 with the rules, the location and our extra fields', () => {
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    const r = run.results[0];
    expect(run.tool.driver.rules[r.ruleIndex].id).toBe('budget-sum');
    expect(r.level).toBe('error');
    expect(r.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'laporan%20kecamatan/balung.txt' }, region: { startLine: 777 } });
    expect(r.properties).toMatchObject({ table: 'Tabel 3.8', reported: '2.657.062.192', expected: '2.656.062.192', tolerance: 'tepat (rupiah utuh)', messageId: 'sum' });
    expect(r.properties.printed).toEqual({ value: '2657062192', unit: 'rupiah', decimals: 0 });
    expect(r.relatedLocations[0].physicalLocation.region.startLine).toBe(778);
    expect(run.invocations[0].toolExecutionNotifications[0].descriptor.id).toBe('truncated');
  });
  it('encodes paths as URI references', () => {
    expect(fileUri('a b\\c#1.txt')).toBe('a%20b/c%231.txt');
  });
});

describe('JSON written a file at a time (toJsonChunks)', () => {
  it('is byte for byte JSON.stringify of the whole document, for no file, one error row and real findings', async () => {
    const { toJson, toJsonChunks } = await import('../src/report/json.js');
    const config = loadConfig();
    const seed = 'fixtures/seeds/001_52d9b2e308fc893f.txt';
    const real = auditDocument(textToDocument(seed, readFileSync(seed, 'utf8')), config).findings;
    expect(real.length).toBeGreaterThan(20);
    const cases = [[], [{ file: 'x.pdf', error: { reason: 'truncated', message: { id: 'terpotong', en: 'truncated' } }, findings: [] }], [{ file: seed, findings: real }, { file: 'b.txt', findings: [f, pct] }]];
    for (const results of cases) {
      const text = toJson(results);
      expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
      expect(JSON.parse(text).results).toEqual(JSON.parse(JSON.stringify(results)));
      expect([...toJsonChunks(results)].length).toBeGreaterThanOrEqual(results.length + 2);
    }
  });
});
