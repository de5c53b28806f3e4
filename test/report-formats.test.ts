import { RULES } from '../src/audit/rules/index.js';
/** CSV (plain and the Excel variant) and SARIF writers: pure functions over findings. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/model/finding.js';
import { CSV_COLUMNS, toCsv } from '../src/report/csv.js';
import { fileUri, toSarif } from '../src/report/sarif.js';

const f: Finding = {
  ruleId: 'budget-sum',
  category: 'sum_mismatch',
  severity: 'error',
  message: { id: 'Realisasi "Program" tercatat 2.657.062.192; selisih 1.000.000.', en: 'Realisation "Program" is 2.657.062.192; off by 1,000,000.' },
  where: { file: 'laporan kecamatan/balung.txt', page: null, line: 777, section: 'Bab III', table: 'Tabel 3.8', row: 'Program : Penunjang', column: 'REALISASI' },
  reported: '2.657.062.192',
  expected: '2.656.062.192',
  tolerance: 'tepat (rupiah utuh)',
  related: [{ file: 'laporan kecamatan/balung.txt', page: null, line: 778, table: 'Tabel 3.8', note: 'Kegiatan 1' }],
};

describe('toCsv', () => {
  it('keeps the exact header and the (findings, lang) signature', () => {
    const csv = toCsv([f], 'en');
    expect(csv.split('\n')[0]).toBe('file,page,line,section,table,row,column,rule,category,severity,reported,expected,tolerance,message');
    expect(csv).toContain(',budget-sum,sum_mismatch,error,2.657.062.192,2.656.062.192,tepat (rupiah utuh),"Realisation ""Program"" is 2.657.062.192; off by 1,000,000."\n');
  });

  it('Excel variant: BOM, ";" separator, CRLF; commas in values need no quotes, semicolons do', () => {
    const csv = toCsv([{ ...f, tolerance: 'a;b' }], 'id', { excel: true });
    expect(csv.startsWith('\uFEFF' + CSV_COLUMNS.join(';') + '\r\n')).toBe(true);
    expect(csv).toContain(';777;Bab III;Tabel 3.8;');
    expect(csv).toContain(';"a;b";');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(toCsv([f], 'id', { excel: true, header: false }).startsWith('laporan kecamatan/balung.txt;')).toBe(true);
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
    expect(r.properties).toMatchObject({ table: 'Tabel 3.8', reported: '2.657.062.192', expected: '2.656.062.192' });
    expect(r.relatedLocations[0].physicalLocation.region.startLine).toBe(778);
    expect(run.invocations[0].toolExecutionNotifications[0].descriptor.id).toBe('truncated');
  });
  it('encodes paths as URI references', () => {
    expect(fileUri('a b\\c#1.txt')).toBe('a%20b/c%231.txt');
  });
});
