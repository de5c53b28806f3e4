/**
 * The review cycle (issue 15): baselines (an earlier run's JSON or SARIF against a revision) and the
 * checks across a batch's documents, through the real CLI on variants of the seeds built here (the
 * fixtures stay byte-identical).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossDocumentFindings, summariseReport } from '../src/audit/cross-document.js';
import { auditDocument } from '../src/audit/index.js';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import type { Finding } from '../src/model/finding.js';
import { compareFindings } from '../src/report/baseline.js';
import { CSV_COLUMNS } from '../src/report/csv.js';
import { fingerprint, tableIdentity, valueKey } from '../src/report/fingerprint.js';
import { exp } from './helpers/expected.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED_000 = readFileSync(path.join(ROOT, 'fixtures/seeds/000_c0a7f8c5d5d194b0.txt'), 'utf8');
const SEED_002 = readFileSync(path.join(ROOT, 'fixtures/seeds/002_7587a3434a2185f0.txt'), 'utf8');
const config = loadConfig();

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/lkip-audit.js'), 'audit', '--concurrency', '1', '--no-progress', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
type JsonOut = { summary: Record<string, unknown>; results: { file: string; document?: string; findings: Finding[] }[] };
const json = (s: string) => JSON.parse(s) as JsonOut;

/** Replace `from` by `to`, asserting it is there (a variant that silently equals its seed proves nothing). */
function edit(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  expect(out).not.toBe(text);
  return out;
}

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'lkip-review-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('baseline: a revision of 000 against the earlier run', () => {
  let v1 = '';
  let v2 = '';
  let earlier: JsonOut;
  beforeAll(() => {
    mkdirSync(path.join(tmp, 'v1'));
    mkdirSync(path.join(tmp, 'v2'));
    v1 = path.join(tmp, 'v1', 'lkip-balung-2023.txt');
    // the revision: the Camat's name in the PK spelled as in the RKT and the SK IKU, 20 empty lines on top, another name
    v2 = path.join(tmp, 'v2', 'lkip-balung-2023-revisi.txt');
    writeFileSync(v1, SEED_000);
    writeFileSync(v2, '\n'.repeat(20) + edit(SEED_000, /RACHMAN HIDAYAT/g, 'RACHMAD HIDAYAT'));
    const r = cli([v1, '--format', 'json', '--out', path.join(tmp, 'v1.json')]);
    expect(r.code).toBe(0);
    earlier = json(readFileSync(path.join(tmp, 'v1.json'), 'utf8'));
  });

  it('the name findings are absent (at their earlier place), every other earlier finding unchanged, none new', () => {
    const r = cli([v2, '--format', 'json', '--baseline', path.join(tmp, 'v1.json')]);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    const findings = out.results.flatMap((x) => x.findings);
    const before = earlier.results.flatMap((x) => x.findings);
    const names = before.filter((f) => f.ruleId === 'identity' && f.where.column === 'nama');
    expect(names.length).toBe(2);
    const absent = findings.filter((f) => f.baseline === 'absent');
    expect(absent.map((f) => [f.where.file, f.where.line, f.ruleId])).toEqual(names.map((f) => [v1, f.where.line, 'identity']));
    expect(findings.filter((f) => f.baseline === 'new')).toEqual([]);
    expect(findings.filter((f) => f.baseline === 'updated')).toEqual([]);
    const unchanged = findings.filter((f) => f.baseline === 'unchanged');
    expect(unchanged.length).toBe(before.length - names.length);
    // the same findings, 20 lines further down
    const rest = before.filter((f) => !names.includes(f));
    expect(unchanged.map((f) => [f.ruleId, f.where.line - 20, f.reported])).toEqual(rest.map((f) => [f.ruleId, f.where.line, f.reported]));
    expect(out.summary.baseline).toEqual({ fixed: 2, remaining: rest.length, updated: 0, new: 0 });
  });

  it('SARIF as the baseline gives the same states; the CSV gains a last column "baseline" only with --baseline', () => {
    expect(cli([v1, '--format', 'sarif', '--out', path.join(tmp, 'v1.sarif')]).code).toBe(0);
    const sarif = JSON.parse(readFileSync(path.join(tmp, 'v1.sarif'), 'utf8'));
    expect(sarif.runs[0].results.every((r: { partialFingerprints?: Record<string, string> }) => /^[0-9a-f]{14}$/.test(r.partialFingerprints?.['lkipAudit/v1'] ?? ''))).toBe(true);
    const r = cli([v2, '--baseline', path.join(tmp, 'v1.sarif')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe([...CSV_COLUMNS, 'baseline'].join(','));
    expect(r.stdout.match(/,absent$/gm)?.length).toBe(2);
    expect(r.stdout.match(/,new$/gm)).toBeNull();
    expect(cli([v2]).stdout.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    const s = cli([v2, '--format', 'sarif', '--baseline', path.join(tmp, 'v1.json')]);
    const states = JSON.parse(s.stdout).runs[0].results.map((x: { baselineState: string }) => x.baselineState);
    expect(states.filter((x: string) => x === 'absent').length).toBe(2);
    expect(states.filter((x: string) => x !== 'absent' && x !== 'unchanged')).toEqual([]);
  });

  it('the HTML report opens with "hasil perbaikan" per report, and counts per rule across the batch', () => {
    const r = cli([v2, path.join(ROOT, 'fixtures/seeds/001_52d9b2e308fc893f.txt'), '--format', 'html', '--baseline', path.join(tmp, 'v1.json')]);
    expect(r.code).toBe(0);
    const html = r.stdout;
    const rest = earlier.results[0]!.findings.length - 2;
    expect(html.indexOf('<table id="review">')).toBeLessThan(html.indexOf('<table id="ranking">'));
    const row = new RegExp(`<tr data-file="${v2.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">.*?<td class="num fixed">2</td><td class="num remaining">${rest}</td><td class="num new">0</td>`);
    expect(html).toMatch(row);
    // 001 is not in the baseline: all its findings are new
    expect(html).toMatch(/<tr data-file="[^"]*001_52d9b2e308fc893f.txt">.*?<td class="num fixed">0<\/td><td class="num remaining">0<\/td><td class="num new">[1-9]\d*<\/td>/);
    expect((html.match(/data-baseline="absent"/g) ?? []).length).toBe(2);
    // per rule across the batch: budget-sum is in both reports; identity, fixed, in none
    expect(html).toMatch(/<tr data-rule="budget-sum"><td>budget-sum<\/td><td>sum_mismatch<\/td><td class="num reports">2<\/td>/);
    expect(html).not.toContain('<tr data-rule="identity">');
  });

  it('--fail-on-new: only findings new since the baseline fail the run', () => {
    expect(cli([v2, '--fail-on', 'error', '--baseline', path.join(tmp, 'v1.json')]).code).toBe(1);
    expect(cli([v2, '--fail-on', 'error', '--fail-on-new', '--baseline', path.join(tmp, 'v1.json')]).code).toBe(0);
    // a new mistake: a template gap in the narrative (a warning)
    const v3 = path.join(tmp, 'v2', 'lkip-balung-2023-revisi-2.txt');
    writeFileSync(v3, edit(readFileSync(v2, 'utf8'), 'BAB III AKUNTABILITAS KINERJA', 'Pegawai Kecamatan Balung berjumlah orang.\n\nBAB III AKUNTABILITAS KINERJA'));
    expect(cli([v3, '--fail-on', 'error', '--fail-on-new', '--baseline', path.join(tmp, 'v1.json')]).code).toBe(0);
    const r = cli([v3, '--format', 'json', '--fail-on-new', '--baseline', path.join(tmp, 'v1.json')]);
    expect(r.code).toBe(1);
    const fresh = json(r.stdout).results.flatMap((x) => x.findings).filter((f) => f.baseline === 'new');
    expect(fresh.map((f) => [f.ruleId, f.severity, f.reported])).toEqual([['template-gap', 'warning', 'berjumlah orang']]);
  });

  it('a baseline that is not an lkip-audit JSON or SARIF stops the run (exit 2)', () => {
    writeFileSync(path.join(tmp, 'bukan.json'), '{"a":1}');
    const r = cli([v2, '--baseline', path.join(tmp, 'bukan.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--baseline');
  });
});

describe('fingerprint', () => {
  const base: Finding = {
    ruleId: 'target-drift',
    category: 'target_drift',
    severity: 'error',
    messageId: 'x',
    data: {},
    message: { id: 'x baris 965', en: 'x line 965' },
    where: { file: 'a.txt', page: null, line: 968, section: 'Lampiran PK Perubahan', table: 'PK Perubahan (Lampiran PK Perubahan, baris 965)', row: 'Indeks Kepuasan Masyarakat', column: 'TARGET' },
    reported: '93%',
    expected: { kind: 'printed', raw: '93' },
    tolerance: { kind: 'text', text: { id: 'nilai sama (angka dan satuan)', en: 'the same value (number and unit)' } },
    related: [],
  };
  it('a message written with the tool\'s line numbers (an older baseline) has the same value key as the same message now', () => {
    const old = { ...base, message: { id: 'Kesimpulan: rata-rata capaian 98,29% (baris 454, di bawah Tabel 3.1) menurut skala (baris 410) berpredikat "A"; lihat Lampiran RKT baris 920, Lampiran SK IKU baris 1044.', en: 'x' } };
    const now = { ...base, message: { id: 'Kesimpulan: rata-rata capaian 98,29% (di bawah Tabel 3.1) menurut skala berpredikat "A"; lihat Lampiran RKT, Lampiran SK IKU.', en: 'x' } };
    expect(valueKey(old)).toBe(valueKey(now));
    // other values still count: a changed number is another value
    expect(valueKey({ ...now, message: { ...now.message, id: now.message.id.replace('98,29', '98,30') } })).not.toBe(valueKey(now));
  });
  it('has no line or page in it: an unnumbered table keeps its kind and section, not its "baris N"', () => {
    expect(tableIdentity(base.where.table)).toBe('pk perubahan lampiran pk perubahan');
    const moved = { ...base, where: { ...base.where, line: 988, page: 40, table: 'PK Perubahan (Lampiran PK Perubahan, baris 985)', file: 'b.pdf' }, message: { id: 'x baris 985', en: 'x line 985' } };
    expect(fingerprint(moved)).toBe(fingerprint(base));
    expect(compareFindings([moved], [base]).map((f) => f.baseline)).toEqual(['unchanged']);
  });
  it('same rule and place with other values is updated; another row is new, and the earlier one absent', () => {
    expect(compareFindings([{ ...base, reported: '94%' }], [base]).map((f) => f.baseline)).toEqual(['updated']);
    expect(compareFindings([{ ...base, where: { ...base.where, row: 'Nilai SAKIP OPD' } }], [base]).map((f) => f.baseline)).toEqual(['new', 'absent']);
  });
  it('two findings of one place are paired by their values first (the fixed one is absent, not the other)', () => {
    const a = { ...base, where: { ...base.where, row: undefined, table: undefined }, reported: '125%', message: { id: 'Capaian 125%', en: '' } };
    const b = { ...a, reported: '100%', message: { id: 'Capaian 100%', en: '' } };
    const out = compareFindings([{ ...b, where: { ...b.where, line: 1000 } }], [a, b]);
    expect(out.map((f) => [f.reported, f.baseline])).toEqual([
      ['100%', 'unchanged'],
      ['125%', 'absent'],
    ]);
  });
});

describe('checks across a batch: documents of one agency', () => {
  const summary = (file: string, text: string) => {
    const doc = textToDocument(file, text);
    return summariseReport(auditDocument(doc, config).report, config);
  };
  const lkip = summary('balung-2023.txt', SEED_000);
  /** 000 as the 2022 report: the cover's year, Tabel 3.1's years, and its "Indeks Kepuasan Masyarakat" realisation and capaian. */
  const lastYear = (text: string, ikm: string) => {
    let last = edit(text, /^TAHUN 2023$/m, 'TAHUN 2022');
    last = edit(last, 'TARGET 2023\tREALISASI 2023\tCAPAIAN 2023', 'TARGET 2022\tREALISASI 2022\tCAPAIAN 2022');
    return edit(last, 'Indeks Kepuasan Masyarakat\t93\t83,28\t89,55%', `Indeks Kepuasan Masyarakat\t93\t${ikm}`);
  };

  it('recognises agency, year and kind from the cover and signatures', () => {
    const sk = summary('sk-iku.txt', SEED_002);
    expect([lkip.kind, lkip.agency, lkip.year]).toEqual(['lkip', 'KECAMATAN BALUNG', 2023]);
    expect([sk.kind, sk.agency, sk.year]).toEqual(['sk_iku', 'KECAMATAN BALUNG', 2023]);
    expect(sk.iku.length).toBe(6);
  });

  /** The findings on values (IKU formulas, targets); the regulation 002 cites is the test below. */
  const values = (fs: Finding[]) => fs.filter((f) => f.category !== 'reference_mismatch');

  it('000 and 002 agree on the IKU; 002 cites PermenPANRB 53 with Tahun 2015 where the body of 000 has 2014: that one finding, naming both places', () => {
    const out = crossDocumentFindings([lkip, summary('sk-iku.txt', SEED_002)]);
    expect(out.map((f) => [f.ruleId, f.category, f.where.file, f.where.line, f.related.map((r) => `${r.file} ${r.line}`).join(', ')])).toEqual([
      ['cross-document-citation', 'reference_mismatch', 'sk-iku.txt', 29, 'balung-2023.txt 18, balung-2023.txt 77'],
    ]);
    expect(out[0]!.reported).toContain('Nomor 53 Tahun 2015');
    expect(exp(out[0]!)).toBe('Tahun 2014 (balung-2023.txt: Kata Pengantar, baris 18; Ikhtisar Eksekutif, baris 77)');
    // the same year in both: nothing
    const fixed = summary('sk-iku-2014.txt', edit(SEED_002, 'Nomor 53 Tahun 2015', 'Nomor 53 Tahun 2014'));
    expect(crossDocumentFindings([lkip, fixed])).toEqual([]);
  });

  it('a copy of 002 with one formula changed: exactly that finding, naming both files and both places', () => {
    const changed = edit(SEED_002, '{\\text{Jumlah indikator program}}', '{\\text{Jumlah seluruh program}}');
    const out = values(crossDocumentFindings([lkip, summary('sk-iku-ubah.txt', changed)]));
    expect(out.length).toBe(1);
    const f = out[0]!;
    expect([f.ruleId, f.where.file, f.where.row, f.related[0]!.file, f.related[0]!.section]).toEqual(['cross-document', 'sk-iku-ubah.txt', 'Persentase Indikator Program yang tercapai', 'balung-2023.txt', 'Lampiran SK IKU']);
    expect(f.where.line).toBeGreaterThan(0);
    expect(f.related[0]!.line).toBeGreaterThan(1000);
    expect(f.message.id).toContain('sk-iku-ubah.txt');
    expect(f.message.id).toContain('balung-2023.txt');
    expect(f.message.en).toContain('differs');
  });

  it('a copy of 002 with LaTeX commands broken over lines as a PDF gives them (`{\\ text{`, `\\ times`): the same formulas', () => {
    const wrapped = SEED_002.replace(/\}\{\\text\{/g, '}{\\ text{').replace(/\\times/g, '\\ times').replace(/\$\\frac/g, '$\\ frac');
    expect(wrapped).not.toBe(SEED_002);
    expect(values(crossDocumentFindings([lkip, summary('sk-iku-pdf.txt', wrapped)]))).toEqual([]);
    // a changed word is still found through the broken commands
    const changed = edit(wrapped, '{\\ text{Jumlah indikator program}}', '{\\ text{Jumlah seluruh program}}');
    expect(values(crossDocumentFindings([lkip, summary('sk-iku-pdf-ubah.txt', changed)])).map((f) => f.where.row)).toEqual(['Persentase Indikator Program yang tercapai']);
  });

  it('rules.cross-document and rules.cross-document-citation in the configuration: disabled, or another severity, each its own', () => {
    const changed = summary('sk-iku-ubah.txt', edit(SEED_002, '{\\text{Jumlah indikator program}}', '{\\text{Jumlah seluruh program}}'));
    const byMessage = (fs: Finding[]) => fs.map((f) => `${f.ruleId} ${f.messageId} ${f.category} ${f.severity}`);
    expect(byMessage(crossDocumentFindings([lkip, changed]))).toEqual(['cross-document ikuFormula cross_table_mismatch error', 'cross-document-citation citationYear reference_mismatch warning']);
    // disabling one check leaves the other's findings
    expect(byMessage(crossDocumentFindings([lkip, changed], { 'cross-document': { enabled: false } }))).toEqual(['cross-document-citation citationYear reference_mismatch warning']);
    expect(crossDocumentFindings([lkip, changed], { 'cross-document': { enabled: false }, 'cross-document-citation': { enabled: false } })).toEqual([]);
    // as for every rule: the rule's severity caps (error never raises the citation's default warning), a message setting sets, and one check's setting never touches another's
    expect(byMessage(crossDocumentFindings([lkip, changed], { 'cross-document': { enabled: true, severity: 'info' } }))).toEqual(['cross-document ikuFormula cross_table_mismatch info', 'cross-document-citation citationYear reference_mismatch warning']);
    expect(byMessage(crossDocumentFindings([lkip, changed], { 'cross-document': { enabled: true, messages: { ikuFormula: 'info' } } }))).toEqual(['cross-document ikuFormula cross_table_mismatch info', 'cross-document-citation citationYear reference_mismatch warning']);
    expect(byMessage(crossDocumentFindings([lkip, changed], { 'cross-document-citation': { enabled: true, severity: 'error', messages: { citationYear: 'error' } } }))).toEqual(['cross-document ikuFormula cross_table_mismatch error', 'cross-document-citation citationYear reference_mismatch error']);
  });

  it('the same SK IKU of another agency is never compared', () => {
    const other = edit(edit(SEED_002, /BALUNG/g, 'AMBULU'), '{\\text{Jumlah indikator program}}', '{\\text{Jumlah seluruh program}}');
    const s = summary('sk-ambulu.txt', other);
    expect(s.agency).toBe('KECAMATAN AMBULU');
    expect(crossDocumentFindings([lkip, s])).toEqual([]);
  });

  it('a separate PK Perubahan file (the appendix of 000 on its own): agrees; with one target changed, exactly that finding', () => {
    const lines = SEED_000.split('\n');
    const start = lines.indexOf('PERJANJIAN KINERJA PERUBAHAN TAHUN 2023');
    const end = lines.indexOf('PEMERINTAH KABUPATEN JEMBER', start);
    expect(start > 0 && end > start).toBe(true);
    const pk = 'PEMERINTAH KABUPATEN JEMBER\nKECAMATAN BALUNG\n\n' + lines.slice(start, end).join('\n');
    const same = summary('pk-perubahan.txt', pk);
    expect([same.kind, same.agency, same.year]).toEqual(['pk', 'KECAMATAN BALUNG', 2023]);
    expect(crossDocumentFindings([lkip, same])).toEqual([]);
    const changed = summary('pk-perubahan-ubah.txt', edit(pk, 'Persentase Fasilitas Kesejahteraan masyarakat yang dilaksanakan\t80%', 'Persentase Fasilitas Kesejahteraan masyarakat yang dilaksanakan\t85%'));
    const out = crossDocumentFindings([lkip, changed]);
    expect(out.map((f) => [f.ruleId, f.category, f.where.file, f.reported, f.related[0]!.file, f.related[0]!.section, exp(f)])).toEqual([
      ['cross-document-target', 'target_drift', 'pk-perubahan-ubah.txt', '85%', 'balung-2023.txt', 'Lampiran PK Perubahan', '80%'],
    ]);
  });

  it("last year's LKIP whose Renstra target for one year differs: exactly that finding", () => {
    // Balung 2022 (its measurement as 000 quotes it for 2022), whose 2025 target of "Indeks Kepuasan Masyarakat" is 95 instead of 94 (body and appendix)
    let last = lastYear(SEED_000, '90,24\t97,03%');
    last = edit(last, 'Indeks Kepuasan Masyarakat\t90\t93\t93\t93\t94\t94', 'Indeks Kepuasan Masyarakat\t90\t93\t93\t93\t95\t94');
    last = edit(last, '93 85% 100%\t94 90% 100%', '93 85% 100%\t95 90% 100%');
    const prev = summary('balung-2022.txt', last);
    expect(prev.year).toBe(2022);
    const out = crossDocumentFindings([lkip, prev]);
    expect(out.map((f) => [f.ruleId, f.category, f.where.file, f.where.row, f.reported, f.related[0]!.file, exp(f)])).toEqual([
      ['cross-document-target', 'target_drift', 'balung-2023.txt', 'Indeks Kepuasan Masyarakat', '94', 'balung-2022.txt', '95'],
    ]);
    expect(out[0]!.message.id).toContain('Target 2025');
  });

  it("this year's comparison table quoting last year's realisation other than last year's LKIP: exactly that finding", () => {
    // Balung 2022 whose own measurement of "Indeks Kepuasan Masyarakat" is 90,42; 000 (2023) quotes 90,24 for 2022 in Tabel 3.2
    const agreeing = summary('balung-2022.txt', lastYear(SEED_000, '90,24\t97,03%'));
    expect(agreeing.realisations.some((r) => r.source === 'measurement' && r.year === 2022)).toBe(true);
    expect(crossDocumentFindings([lkip, agreeing])).toEqual([]);
    const differing = summary('balung-2022.txt', lastYear(SEED_000, '90,42\t97,23%'));
    const out = crossDocumentFindings([lkip, differing]);
    expect(out.map((f) => [f.ruleId, f.category, f.where.file, f.where.table, f.where.column, f.reported, f.related[0]!.file, f.related[0]!.table, exp(f)])).toEqual([
      ['cross-document', 'cross_table_mismatch', 'balung-2023.txt', 'Tabel 3.2', 'REALISASI 2022', '90,24', 'balung-2022.txt', 'Tabel 3.1', '90,42'],
    ]);
    // findings as data: the printed value as a quantity, its cell, the other printing as expected, the precision compared at
    const f = out[0]!;
    expect([f.printed, f.where.col !== undefined, f.expected, f.tolerance]).toEqual([
      { value: 90.24, unit: 'number', decimals: 2 },
      true,
      { kind: 'printed', raw: '90,42', quantity: { value: 90.42, unit: 'number', decimals: 2 } },
      { kind: 'printed-precision', decimals: 2 },
    ]);
    expect(f.message.en).toContain('as 90.24,');
  });

  it('through the CLI (worker threads): the changed SK IKU gives its findings in every format, after the per-file ones', () => {
    const dir = path.join(tmp, 'batch');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a-lkip.txt'), SEED_000);
    writeFileSync(path.join(dir, 'b-sk-iku.txt'), edit(SEED_002, '{\\text{Jumlah indikator program}}', '{\\text{Jumlah seluruh program}}'));
    const csv = cli([dir]).stdout.trim().split('\n');
    // the formula and the regulation's year (PermenPANRB 53: 2015 in 002, 2014 in the body of 000)
    expect(csv.filter((l) => l.includes(',cross-document,')).length).toBe(1);
    expect(csv.filter((l) => l.includes(',cross-document-citation,')).length).toBe(1);
    expect(csv.at(-1)).toContain(',cross-document-citation,');
    const one = cli([dir, '--format', 'json']).stdout;
    // the same bytes at any concurrency (the cross-document findings follow the input order)
    const r2 = spawnSync(process.execPath, [path.join(ROOT, 'bin/lkip-audit.js'), 'audit', '--concurrency', '2', '--no-progress', dir, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r2.stdout).toBe(one);
    const out = json(one);
    const cross = out.results.flatMap((r) => r.findings.filter((f) => f.ruleId.startsWith('cross-document')).map((f) => [f.ruleId, r.file, f.where.file, f.related[0]!.file]));
    expect(cross).toEqual(['cross-document', 'cross-document-citation'].map((id) => [id, path.join(dir, 'b-sk-iku.txt'), path.join(dir, 'b-sk-iku.txt'), path.join(dir, 'a-lkip.txt')]));
    expect(out.results.map((r) => r.document)).toEqual(['lkip|KECAMATAN BALUNG|2023', 'sk_iku|KECAMATAN BALUNG|2023']);
    // the HTML quotes the printed row of the separate SK IKU
    const html = cli([dir, '--format', 'html']).stdout;
    expect(html).toMatch(/<article class="finding sev-error" data-rule="cross-document"[\s\S]*?Baris yang tercetak:<\/span><table><tr><td>6\.<\/td>/);
  });
});
