/** The restatements, citations, outline, identity and year slips issue 17 names, on the seeds, in one place. */
import { describe, expect, it } from 'vitest';
import { crossDocumentFindings, summariseReport } from '../src/audit/cross-document.js';
import { exp } from './helpers/expected.js';
import { auditSeed as audit, config, has } from './helpers/seed-findings.js';

const BALUNG = '000_c0a7f8c5d5d194b0';
const BANGSALSARI = '001_52d9b2e308fc893f';
const SK_IKU_BALUNG = '002_7587a3434a2185f0';
const KENCONG = '003_0f39aaca0575dd68';
const JELBUK = '004_9ed3a231d27ded37';

describe('issue 17 acceptance findings', () => {
  it('000: "capaian output 99,92%" under the photo of the sub kegiatan; Tabel 3.6 gives that output 100%', () => {
    const f = has(BALUNG, 'restatement', 684, /^99,92%$/, /^100,00% \(Tabel 3\.6\)$/);
    expect(f.related.some((r) => r.table === 'Tabel 3.6')).toBe(true);
  });
  it('000 and 002: PermenPANRB Nomor 53 cited "Tahun 2015" in the SK IKU, "Tahun 2014" in the body', () => {
    const out = crossDocumentFindings([summariseReport(audit(BALUNG).report, config), summariseReport(audit(SK_IKU_BALUNG).report, config)]);
    const f = out.find((x) => x.category === 'reference_mismatch' && /Nomor 53 Tahun 2015/.test(x.reported));
    expect(f, out.map((x) => `${x.where.file}:${x.where.line} ${x.reported}`).join('\n')).toBeDefined();
    expect(exp(f!)).toMatch(/^Tahun 2014/);
    expect(f!.related.length).toBeGreaterThan(0);
  });
  it('001: the contents title Bab III A "... KINERJA TAHUN 2022" in the 2024 report', () => {
    has(BANGSALSARI, 'report-year', 53, /TAHUN 2022/, /TAHUN 2024/);
  });
  it('001: the SK IKU diktum goes KEEMPAT → KEENAM', () => {
    has(BANGSALSARI, 'outline', 1135, /^KEENAM/, /^KELIMA/);
  });
  it('001: one letterhead telephone "(0331) 7114418", the others "(0331) 711418"', () => {
    has(BANGSALSARI, 'agency-name', 1222, /7114418/, /711418/);
  });
  it('001: "14,32 % sebanyak 18.100 jiwa" beside a stated population of 124.264 (14,57%)', () => {
    has(BANGSALSARI, 'restatement', 335, /^14,32 %$/, /^14,57% \(18\.100 \/ 124\.264\)$/);
  });
  it('003: the Ikhtisar gives the ketertiban capaian 100%, the tables 95%', () => {
    has(KENCONG, 'restatement', 89, /^100%$/, /^95% /);
  });
  it('003: contents "B.1 ANALISA REALISASI ANGGARAN", body heading "B.1 ANALISA REALISASI KINERJA"', () => {
    has(KENCONG, 'outline', 54, /ANALISA REALISASI ANGGARAN/, /ANALISA REALISASI KINERJA/);
  });
  it("004: Bab II A's sub-sections numbered 1, 5, 4; the budget table's programs I, II, III, VI", () => {
    has(JELBUK, 'outline', 199, /nomor 1, 5, 4/, /nomor 1, 2, 3/);
    has(JELBUK, 'outline', 626, /^VI /, /^IV /);
  });
  it('004: the Ikhtisar describes "Capaian Kinerja sasaran tahun 2020" in the 2021 report', () => {
    has(JELBUK, 'report-year', 80, /tahun 2020/, /tahun 2021/);
  });
});
