/**
 * The column-role resolver and the facts built from it (src/parse/columns.ts, src/parse/facts.ts):
 * header shapes (cells, several header rows, column-number rows, a header flattened into one line,
 * a flattened two-level header, a flattened upper row over year-only cells), row kinds (items named
 * like aggregates, Jumlah / Rata-rata rows also with an empty label cell, short rows), the money
 * run, and what stays undecided.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../src/audit/engine.js';
import { loadConfig } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import { parseReport } from '../src/parse/index.js';
import { segmentFlattened } from '../src/parse/columns.js';
import { exp } from './helpers/expected.js';
import { targetReadings } from '../src/parse/facts.js';

const config = loadConfig();
const parse = (text: string) => parseReport(textToDocument('kasus.txt', text), config);
/** "label → role year" per column of the first table with a layout. */
const roles = (text: string, i = 0) => parse(text).layouts[i]!.columns.map((c) => `${c.role ?? '?'}${c.year !== null ? ` ${c.year}` : ''}${c.basis !== 'year' ? ` [${c.basis}]` : ''}`);
const kinds = (text: string, i = 0) => parse(text).layouts[i]!.rows.map((r) => r.kind);

describe('column roles', () => {
  it('reads header cells, with years and the basis of an end-of-plan target; the column-number row is not data', () => {
    const t = `Tabel 3.3
NO.\tSASARAN STRATEGIS\tINDIKATOR SASARAN\tTARGET AKHIR RENSTRA\tREALISASI Th. 2020\tTINGKAT KEMAJUAN
(1)\t(2)\t(3)\t(4)\t(5)\t(6)
1\tMeningkatnya Kualitas Pelayanan\tNilai SKM\t85 % B\t86,44 %\t84,91 %
`;
    expect(roles(t)).toEqual(['no', 'sasaran', 'indicator', 'target [renstra_end]', 'realisasi 2020', 'capaian']);
    expect(kinds(t)).toEqual(['item']);
  });

  it('a column-number row with a lone bracket in a cell of its own (a scan cut "(1)" at a rule remnant) is still no data', () => {
    const t = `(\t(1)\t(2)\t(3)\t(4)
\t1\tMeningkatnya Kualitas Pelayanan\tNilai SKM\t85%
\t2\tMeningkatnya Koordinasi\tPersentase Rekomendasi\t80%
`;
    expect(parse(t).tables[0]!.rows.map((r) => r.cells[1])).toEqual(['1', '2']);
    // only a lone mark is let pass: a word there makes the row data
    expect(parse(t.replace('(\t(1)', 'Rp\t(1)')).tables[0]!.rows).toHaveLength(3);
  });

  it('survey tables: the answer columns are shares with their rank on the survey scale, Total and Unsur have roles, the Rata-rata unsur row is a mean of the scores', () => {
    const t = `NO\tUNSUR\tTidak Baik\tKurang Baik\tBaik\tSangat Baik (%)\tTotal
1\tPersyaratan\t0%\t0%\t100%\t0%\t100%
2\tKemudahan Prosedur\t0%\t10%\t80%\t10%\t100%

NO\tUNSUR\tSKOR\tPREDIKAT
1\tPersyaratan\t75\tBaik
2\tKemudahan Prosedur\t75\tBaik
Rata-rata unsur pelayanan\t\t75\tBaik
`;
    const r = parse(t);
    expect(roles(t)).toEqual(['no', 'unsur', 'share', 'share', 'share', 'share', 'total']);
    expect(r.layouts[0]!.columns.map((c) => c.answer ?? null)).toEqual([null, null, 0, 1, 2, 3, null]);
    expect(roles(t, 1)).toEqual(['no', 'unsur', 'score', 'predikat']);
    expect(kinds(t, 1)).toEqual(['item', 'item', 'average']);
    const mean = r.facts.find((f) => f.aggregate === 'mean')!;
    expect([mean.measure, mean.value.raw, mean.over!.length]).toEqual(['score', '75', 2]);
    // "Baik" inside a longer label is no answer column
    expect(roles('No\tUraian\tKondisi Baik\tJumlah\n1\tJalan\t12\t20\n')).toEqual(['no', 'uraian', '?', 'count']);
  });

  it('an efficiency table: the verdict column has the role efficiency', () => {
    expect(roles('Sasaran\t% Capaian Kinerja\t% Serapan Anggaran\tTingkat Efisiensi\nMeningkatnya X\t100 %\t92,74 %\tEfisien\n')).toEqual(['sasaran', 'capaian', 'serapan', 'efficiency']);
  });

  it('cuts a header flattened into one line, and puts a two-level header\'s trailing sub-headers back under their year', () => {
    const line = 'NO. Indikator Sasaran Capaian Kinerja Tahun 2015 Capaian Kinerja Tahun 2016 Capaian Kinerja Tahun 2017 Capaian Kinerja Tahun 2018 Tahun 2019 Capaian Kinerja Tahun 2019 Target Realisasi';
    expect(segmentFlattened(line, config.vocabulary!)).toEqual([
      'no',
      'indikator sasaran',
      'capaian kinerja tahun 2015',
      'capaian kinerja tahun 2016',
      'capaian kinerja tahun 2017',
      'capaian kinerja tahun 2018',
      'target 2019',
      'realisasi 2019',
      'capaian kinerja tahun 2019',
    ]);
    const t = `${line}
1.\tAngka Kematian Ibu per 100.000KH\t0,15\t0,21\t0,19\t0,17\t0,16\t0,19\t87,10
Rata-rata Capain Kinerja\t81,93\t83,65\t83,14\t91,02\t85,38
`;
    expect(roles(t)).toEqual(['no', 'indicator', 'capaian 2015', 'capaian 2016', 'capaian 2017', 'capaian 2018', 'target 2019', 'realisasi 2019', 'capaian 2019']);
    const r = parse(t);
    expect(r.layouts[0]!.rows.map((x) => x.kind)).toEqual(['item', 'average']);
    // the short Rata-rata row: its five values belong to the five capaian columns
    expect(r.layouts[0]!.rows[1]!.valueColumns).toEqual([2, 3, 4, 5, 8]);
    const avg = r.facts.filter((f) => f.aggregate === 'mean');
    expect(avg.map((f) => `${f.year}:${f.value.raw}`)).toEqual(['2015:81,93', '2016:83,65', '2017:83,14', '2018:91,02', '2019:85,38']);
  });

  it('a flattened upper header row fills the empty columns and spans the year-only cells below it', () => {
    const t = `No. Indikator Kinerja Capaian (%)
\t\t2015\t2016\t2017\t2018
1\tRata-rata lama kunjungan wisatawan\t150\t150\t100\t100
2\tJumlah Wisatawan\t524.94\t525.28\t504\t413.064
`;
    expect(roles(t)).toEqual(['no', 'indicator', 'capaian 2015', 'capaian 2016', 'capaian 2017', 'capaian 2018']);
    // indicators named "Rata-rata ..." and "Jumlah ..." are items, not aggregate rows
    expect(kinds(t)).toEqual(['item', 'item']);
  });

  it('a money run: after the budget column, realisasi is money spent and capaian is serapan', () => {
    const t = `NO SASARAN INDIKATOR SASARAN KINERJA KEUANGAN TARGET REALISASI CAPAIAN KINERJA (%) ANGGARAN REALISASI KINERJA (%) CAPAIAN
\ta. Terselenggaranya fasilitasi adipura\t2 dokumen\t2 dokumen\t100,00\t1.034.925.000\t990.636.520\t94,16
\tb. Terselenggaranya konservasi sumber daya air\t13 lokasi\t13 lokasi\t100,00\t158.600.000\t139.861.000\t88,18
`;
    expect(roles(t).slice(2)).toEqual(['target', 'realisasi', 'capaian', 'pagu', 'realisasi_anggaran', 'serapan']);
    expect(parse(t).layouts[0]!.columns.filter((c) => c.money).map((c) => c.role)).toEqual(['pagu', 'realisasi_anggaran']);
  });

  it('a column no vocabulary entry names is undecided: no fact, listed in the layout', () => {
    const t = `No\tIndikator Kinerja\tTarget 2023\tRealisasi 2023\tDerajat Keberhasilan (%)
1\tIndeks Kepuasan Masyarakat\t80\t84\t110
`;
    const r = parse(t);
    expect(r.layouts[0]!.columns[4]!.role).toBeNull();
    expect(r.layouts[0]!.undecided.join(' ')).toContain('Derajat Keberhasilan');
    expect(r.facts.filter((f) => f.cell.col === 4)).toEqual([]);
    expect(runRules(r, config).filter((f) => f.ruleId === 'capaian')).toEqual([]);
  });
});

describe('a two-level header flattened out of order, closed by a column-number row', () => {
  // the cells spanning both header rows first, the groups' sub-labels after them: "2023" over
  // Target and Realisasi, "Realisasi" over 2021 and 2022
  const header = 'Sasaran Strategis Indikator Kinerja Capaian 2023 Target Akhir Renstra 2023 2023 Target Realisasi Realisasi 2021 2022 1 2 3 4 5 6 7 8';
  const table = (rows: string[], head = header) => `Tabel 2.1 Capaian Indikator Kinerja Tahun 2023\n${head}\n${rows.join('\n')}\n`;
  const rows = [
    'Meningkatnya kualitas lingkungan\tIndeks Kualitas Air Sungai\t61,20\t63,05\t65,00\t66,30\t102,00\t70,00',
    'Meningkatnya kualitas lingkungan\tPersentase ruang terbuka hijau\t18,5\t19,2\t20,0\t21,0\t105,00\t30,00',
    'Meningkatnya kualitas lingkungan\tIndeks Kualitas Udara\t80,1\t81,0\t82,00\t83,50\t-\t85,00',
  ];
  it('places the labels when exactly one arrangement is confirmed by capaian = realisasi / target × 100', () => {
    expect(roles(table(rows))).toEqual(['sasaran', 'indicator', 'realisasi 2021', 'realisasi 2022', 'target 2023', 'realisasi 2023', 'capaian 2023', 'target 2023 [renstra_end]']);
    const r = parse(table(rows));
    expect(r.layouts[0]!.undecided).toEqual([]);
    // the empty capaian beside a printed target and realisasi is a missing value; the others hold
    const found = runRules(r, config).filter((f) => f.ruleId === 'capaian' || f.ruleId === 'capaian-missing');
    expect(found.map((f) => [f.ruleId, f.where.line, f.reported])).toEqual([['capaian-missing', 5, '-']]);
  });
  it('a wrong capaian on a row confirms no arrangement: undecided, no fact', () => {
    const wrong = [rows[0]!.replace('102,00', '98,00'), rows[1]!, rows[2]!];
    const r = parse(table(wrong));
    expect(r.layouts[0]!.columns.every((c) => c.role === null)).toBe(true);
    expect(r.layouts[0]!.undecided.join(' ')).toContain('tidak ada susunan yang dikonfirmasi');
    expect(r.facts).toEqual([]);
  });
  it('two arrangements the arithmetic cannot tell apart stay undecided', () => {
    // realisasi 2021/2022 equal to target/realisasi 2023: the groups could stand either way round
    const r = parse(table(['Meningkatnya kualitas lingkungan\tIndeks Kualitas Air Sungai\t50\t55\t50\t55\t110,00\t60']));
    expect(r.layouts[0]!.undecided.join(' ')).toContain('2 susunan sama-sama cocok');
    expect(r.facts).toEqual([]);
  });
  it('the column-number row may stand on its own line under the header', () => {
    const t = table(rows, header.replace(/ 1( \d)+$/, '\n1 2 3 4 5 6 7 8'));
    expect(roles(t)).toEqual(['sasaran', 'indicator', 'realisasi 2021', 'realisasi 2022', 'target 2023', 'realisasi 2023', 'capaian 2023', 'target 2023 [renstra_end]']);
  });
  it('no column-number row, or one that does not count the columns: not placed', () => {
    const noNumbers = parse(table(rows, header.replace(/( \d)+$/, '')));
    expect(noNumbers.layouts[0]!.columns.every((c) => c.role === null)).toBe(true);
    const seven = parse(table(rows, header.replace(/ 8$/, '')));
    expect(seven.layouts[0]!.columns.every((c) => c.role === null)).toBe(true);
    expect(seven.layouts[0]!.undecided.join(' ')).toContain('7 nomor kolom untuk 8 kolom tabel');
  });
});

describe('row kinds and aggregates', () => {
  // the layout of the Tangerang kecamatan table the issue names: multi-year columns, a Jumlah
  // Capaian and a Rata-Rata Capaian row (the label of the second one printed in the No column)
  const tangerang = (avg2020: string) => `Tabel 3.1 Capaian Kinerja Tahun 2020
No\tIndikator Kinerja\tTarget 2019\tRealisasi 2019\tCapaian 2019\tTarget 2020\tRealisasi 2020\tCapaian 2020
1\tPersentase pelayanan administrasi terpadu\t100\t95\t95\t100\t98\t98
2\tIndeks kepuasan masyarakat\t80\t76\t95\t80\t84\t105
3\tPersentase desa tertib administrasi\t90\t90\t100\t90\t81\t90
\tJumlah Capaian\t\t\t290\t\t\t293
Rata-Rata Capaian\t\t\t\t96,67\t\t\t${avg2020}
`;
  it('Jumlah and Rata-rata rows are aggregates over the item rows, also with the label in another cell', () => {
    const r = parse(tangerang('97,67'));
    expect(r.layouts[0]!.rows.map((x) => x.kind)).toEqual(['item', 'item', 'item', 'total', 'average']);
    const sum = r.facts.find((f) => f.aggregate === 'sum' && f.year === 2020)!;
    expect(sum.value.raw).toBe('293');
    expect(sum.over!.map((id) => r.facts.find((f) => f.id === id)!.value.raw)).toEqual(['98', '105', '90']);
    const mean = r.facts.find((f) => f.aggregate === 'mean' && f.year === 2020)!;
    expect(mean.over).toEqual(sum.over);
  });
  it('gives no finding on it when it is right: the Jumlah row is no fourth indicator, 2020 is read from the 2020 columns', () => {
    const text = tangerang('97,67');
    const findings = runRules(parse(text), config).filter((f) => ['capaian', 'average', 'count-claim'].includes(f.ruleId));
    expect(findings).toEqual([]);
  });
  it('and exactly the average finding when the 2020 average is wrong', () => {
    const text = tangerang('99,00');
    const findings = runRules(parse(text), config).filter((f) => ['capaian', 'average', 'count-claim'].includes(f.ruleId));
    expect(findings.map((f) => [f.ruleId, f.where.line, f.reported, exp(f)])).toEqual([['average', 7, '99,00', '97,67% (biasa) / 96,00% (batas 100%)']]);
  });
});

describe('tables printed without cell separators (src/parse/relay.ts)', () => {
  // class "space-aligned year table": a years line over the roles of each year, rows of a label and one value per column
  const box = (renstra: string) => `Perbandingan dengan target jangka menengah (Renstra) tahun 2023
2022 2023
Target Realisasi Target Realisasi
Perjanjian Kinerja 82,5 84 85 86,1
Renstra 2019-2024 ${renstra}
Analisis: capaian di atas target.
`;
  it('reads the space-separated rows as cells under the two header lines, with a role and year per column', () => {
    const r = parse(box('82,5 - 85 -'));
    expect(r.tables.map((t) => [t.startLine, t.endLine, t.columns])).toEqual([[2, 5, ['', '2022 Target', '2022 Realisasi', '2023 Target', '2023 Realisasi']]]);
    expect(roles(box('82,5 - 85 -'))).toEqual(['?', 'target 2022', 'realisasi 2022', 'target 2023', 'realisasi 2023']);
    expect(r.tables[0]!.rows.map((x) => x.cells)).toEqual([
      ['Perjanjian Kinerja', '82,5', '84', '85', '86,1'],
      ['Renstra 2019-2024', '82,5', '-', '85', '-'],
    ]);
    // rows labelled by where their targets are stated: one target statement per source and year
    expect(targetReadings(r).map((t) => `${t.source} ${t.year} ${t.value.raw}`)).toEqual(['pk 2022 82,5', 'pk 2023 85', 'renstra 2022 82,5', 'renstra 2023 85']);
    expect(r.indicators.map((i) => i.name)).toEqual(['Perbandingan dengan target jangka menengah (Renstra) tahun 2023']);
  });
  it('no finding when the Renstra row gives the same targets, a target-drift finding per year when it does not', () => {
    const run = (renstra: string) => {
      const text = box(renstra);
      return runRules(parse(text), config).filter((f) => f.ruleId === 'target-drift');
    };
    expect(run('82,5 - 85 -')).toEqual([]);
    expect(run('80 - 85 -').map((f) => [f.where.line, f.reported, exp(f)])).toEqual([[5, '80', '82,5']]);
  });
  it('the same title over the boxes of two indicators does not join them: each box is its own subject', () => {
    const two = `${box('82,5 - 85 -')}\n${box('82,5 - 85 -').replace('82,5 84 85 86,1', '60 61 65 66').replace('82,5 - 85 -', '60 - 65 -')}`;
    const r = parse(two);
    // structure.ts joins a repeated header as a table continued over a page: two parts of one table
    expect(r.tables.map((t) => t.parts)).toEqual([[2, 9]]);
    expect(r.indicators.map((i) => i.name)).toEqual(['Perbandingan dengan target jangka menengah (Renstra) tahun 2023', 'Perbandingan dengan target jangka menengah (Renstra) tahun 2023']);
    expect(new Set(targetReadings(r).map((t) => t.indicatorId)).size).toBe(2);
    expect(runRules(r, config).filter((f) => f.ruleId === 'target-drift')).toEqual([]);
  });
  it('stays text, and lists the header as undecided, when the rows do not carry one value per column', () => {
    const text = `2020 2021
Target Realisasi Target Realisasi
Kontrak kinerja 4,55 4,92 4,64
`;
    const r = parse(text);
    expect(r.tables).toEqual([]);
    expect(r.layouts.flatMap((l) => l.undecided)).toEqual([
      'baris 1–2: judul tahun dan peran (Target 2020, Realisasi 2020, Target 2021, Realisasi 2021) tanpa baris berisi 4 nilai: tidak dibaca sebagai tabel',
    ]);
  });
  it('takes no header whose years do not carry the same roles, and no row label that is itself a number', () => {
    const odd = parse(`2020 2021\nTarget Realisasi Target\nKontrak kinerja 4,55 4,92 4,64\n`);
    expect(odd.tables).toEqual([]);
    expect(odd.layouts.map((l) => l.undecided)).toEqual([['baris 1–2: 2 tahun di atas 3 kata peran (Target Realisasi Target): tidak dapat dibagi per tahun, tidak dibaca sebagai tabel']]);
    expect(parse(`2020 2021\nTarget Target\n12 4,55 4,64\n`).tables).toEqual([]);
  });
  it('a table exported one value per line whose runs do not fill its header\'s rows is recognised and not read: each run is listed as undecided', () => {
    // two header columns, four values under one formula line: two rows, or two columns, cannot be told
    const text = `KONDISI AWAL 2022\nKONDISI AKHIR 2026\n(Jumlah lulusan) / (Jumlah siswa) x 100%\n91,20%\n95,00%\n4,10%\n3,50%\nINDIKATOR\n1\nAngka kelulusan\n2\n`;
    const r = parse(text);
    expect(r.tables).toEqual([]);
    expect(r.facts).toEqual([]);
    expect(r.layouts.map((l) => [l.table, l.undecided])).toEqual([
      ['baris 4', ['baris 4–7: 4 nilai masing-masing sendiri di satu baris di bawah "(Jumlah lulusan) / (Jumlah siswa) x 100%", judulnya menamai 2 kolom (KONDISI AWAL 2022, KONDISI AKHIR 2026): baris dan kolomnya tidak dapat ditentukan, tidak dibaca sebagai tabel']],
    ]);
    // without header lines naming its columns: the run alone
    expect(parse('Uraian capaian\nAngka kelulusan\n91,20%\n95,00%\n4,10%\n').layouts.map((l) => l.undecided)).toEqual([
      ['baris 3–5: 3 nilai masing-masing sendiri di satu baris (tabel yang diekspor sel per baris): baris dan kolomnya tidak dapat ditentukan, tidak dibaca sebagai tabel'],
    ]);
    // page numbers and list numbers on their own lines are not values of a cell
    expect(parse('1\n2\n3\nTeks.\n').layouts).toEqual([]);
  });
  describe('a table exported one value per line, row by row', () => {
    // header lines out of order (the group head before the base-year column, its years after),
    // then per row a label line and exactly one value per column
    const header = 'SASARAN\nINDIKATOR\nTARGET TAHUN\nKONDISI AWAL 2022\n2023\n2024\n2025\n';
    const rowA = '(Jumlah lulusan) / (Jumlah siswa) x 100%\n91,20%\n92,00%\n93,50%\n95,00%\n';
    const rowB = '(Jumlah sekolah terakreditasi) / (Jumlah sekolah) x 100%\n70,00%\n72,50%\n75,00%\n80,00%\n';
    it('rebuilds each row of a label line and one value per header column, the columns in year order', () => {
      const r = parse(`${header}${rowA}${rowB}Program Peningkatan Mutu Pendidikan.\n`);
      expect(r.tables).toHaveLength(1);
      // rows labelled by formulas are about the indicator each measures; rows labelled otherwise are not decided
      expect(roles(`${header}Angka kelulusan\n91,20%\n92,00%\n93,50%\n95,00%\n`)[0]).toBe('?');
      expect(roles(`${header}${rowA}${rowB}`)).toEqual(['indicator', 'baseline 2022', 'target 2023', 'target 2024', 'target 2025']);
      expect(r.layouts[0]!.undecided.filter((u) => !u.startsWith('kolom 1'))).toEqual([]);
      const f = r.facts.map((x) => `${x.src.line}:${x.measure} ${x.year} ${x.value.raw}`);
      expect(f).toEqual([
        '8:baseline 2022 91,20%', '8:target 2023 92,00%', '8:target 2024 93,50%', '8:target 2025 95,00%',
        '13:baseline 2022 70,00%', '13:target 2023 72,50%', '13:target 2024 75,00%', '13:target 2025 80,00%',
      ]);
      expect(r.facts[4]!.subject.name).toBe('(Jumlah sekolah terakreditasi) / (Jumlah sekolah) x 100%');
      expect(r.layouts.flatMap((l) => l.undecided).filter((u) => u.includes('sendiri'))).toEqual([]);
    });
    it('passes over a stray column heading printed among a row\'s values (vocabulary cellPerLine.strayHeadings)', () => {
      const stray = '(Jumlah sekolah terakreditasi) / (Jumlah sekolah) x 100%\n70,00%\nRUMUS\nSTRATEGI\n72,50%\n75,00%\n80,00%\n';
      const r = parse(`${header}${rowA}${stray}`);
      expect(r.facts.map((x) => `${x.src.line}:${x.value.raw}`)).toEqual(['8:91,20%', '8:92,00%', '8:93,50%', '8:95,00%', '13:70,00%', '13:72,50%', '13:75,00%', '13:80,00%']);
      expect(r.layouts.flatMap((l) => l.undecided).filter((u) => u.includes('sendiri'))).toEqual([]);
      // a heading word before the first value, or one not followed by a value, is not passed over
      expect(parse(`${header}${rowA}${'(Jumlah sekolah terakreditasi) / (Jumlah sekolah) x 100%\n70,00%\n72,50%\n75,00%\n80,00%\nSTRATEGI\n1,00%\n'}`).facts.map((x) => x.src.line)).toEqual([8, 8, 8, 8]);
    });
    it('stops at a row whose values do not fill the columns (a word printed among them): that run stays undecided, the rows before are read', () => {
      const broken = '(Jumlah sekolah terakreditasi) / (Jumlah sekolah) x 100%\n70,00%\nlihat catatan\n72,50%\n75,00%\n80,00%\n';
      const r = parse(`${header}${rowA}${broken}`);
      expect(r.facts.map((x) => x.src.line)).toEqual([8, 8, 8, 8]);
      expect(r.layouts.flatMap((l) => l.undecided).join(' ')).toContain('baris 14: 1 nilai masing-masing sendiri di satu baris di bawah "(Jumlah sekolah terakreditasi)');
    });
    describe('several formulas on one line over n x k values: by rows or by columns', () => {
      // a 2-column table (awal, akhir) whose two formulas share one line, then a yearly table with the same formulas
      const f1 = '(Jumlah lulusan) / (Jumlah siswa) x 100%';
      const f2 = '(Jumlah sekolah terakreditasi) / (Jumlah sekolah) x 100%';
      const summary = (vals: string[]) => `TUJUAN\nFORMULASI\nKONDISI AWAL 2022\nKONDISI AKHIR 2025\n${f1} ${f2}\n${vals.join('\n')}\nINDIKATOR\n`;
      const yearly = (a: string[], b: string[]) => `${header}${f1}\n${a.join('\n')}\n${f2}\n${b.join('\n')}\nProgram Peningkatan Mutu Pendidikan.\n`;
      const A = ['91,20%', '92,00%', '93,50%', '95,00%'];
      const B = ['70,00%', '72,50%', '75,00%', '80,00%'];
      const endFacts = (text: string) => parse(text).facts.filter((x) => x.src.line < 12).map((x) => `${x.subject.key.slice(0, 12)} ${x.measure} ${x.year} ${x.value.raw}`);
      it('reads by rows when the other table confirms it and contradicts the columns (Kondisi akhir = target at the end of the plan)', () => {
        const text = summary(['91,20%', '95,00%', '70,00%', '80,00%']) + yearly(A, B);
        expect(roles(text)).toEqual(['indicator', 'baseline 2022', 'target 2025 [renstra_end]']);
        expect(endFacts(text)).toEqual(['jumlahlulusa baseline 2022 91,20%', 'jumlahlulusa target 2025 95,00%', 'jumlahsekola baseline 2022 70,00%', 'jumlahsekola target 2025 80,00%']);
      });
      it('reads by columns when the other table confirms that order', () => {
        expect(endFacts(summary(['91,20%', '70,00%', '95,00%', '80,00%']) + yearly(A, B))).toEqual(['jumlahlulusa baseline 2022 91,20%', 'jumlahlulusa target 2025 95,00%', 'jumlahsekola baseline 2022 70,00%', 'jumlahsekola target 2025 80,00%']);
      });
      it('one agreement against one disagreement confirms no order: undecided (a drift is read only where the other cells outvote it)', () => {
        const text = summary(['91,20%', '96,00%', '70,00%', '80,00%']) + yearly(A, B);
        expect(endFacts(text)).toEqual([]);
        expect(parse(text).layouts.flatMap((l) => l.undecided).join(' ')).toContain('menurut baris 1 sama dan 1 berbeda, menurut kolom 0 sama dan 2 berbeda');
      });
      it('stays undecided without another table of the same formulas, or when the other table confirms neither order', () => {
        const alone = parse(summary(['91,20%', '95,00%', '70,00%', '80,00%']));
        expect(alone.facts).toEqual([]);
        expect(alone.layouts.flatMap((l) => l.undecided).join(' ')).toContain('2 rumus pada satu baris: urutan menurut baris atau menurut kolom tidak dapat ditentukan');
        // the yearly table agrees with neither order (every differing cell differs from both)
        const neither = parse(summary(['91,20%', '11,00%', '12,00%', '80,00%']) + yearly(A, B));
        expect(neither.facts.filter((x) => x.src.line < 12)).toEqual([]);
        // both orders agree somewhere: not decided
        const both = parse(summary(['91,20%', '70,00%', '70,00%', '80,00%']) + yearly(A, ['70,00%', '72,50%', '75,00%', '70,00%']));
        expect(both.facts.filter((x) => x.src.line < 12)).toEqual([]);
      });
    });
    it('two header columns with one year, or a role word with no year to head: not rebuilt', () => {
      const sameYear = parse(`KONDISI AWAL 2025\nTARGET 2025\n${'(Jumlah lulusan) / (Jumlah siswa) x 100%\n91,20%\n95,00%\n4,10%\n'}`);
      expect(sameYear.tables).toEqual([]);
      const noYears = parse(`TARGET TAHUN\nREALISASI\n${'(Jumlah lulusan) / (Jumlah siswa) x 100%\n91,20%\n95,00%\n4,10%\n'}`);
      expect(noYears.tables).toEqual([]);
      expect(noYears.facts).toEqual([]);
    });
  });
  it('a table whose rows are indicators, not sources, gives no target statements from this path', () => {
    const r = parse(`2022 2023\nTarget Realisasi Target Realisasi\nIndeks kepuasan masyarakat 80 82 81 83\nPersentase dokumen tepat waktu 90 95 95 96\n`);
    expect(r.tables).toHaveLength(1);
    expect(targetReadings(r)).toEqual([]);
  });
});

describe('a scale table without header cells, and measurement rows printed as one line of words', () => {
  // the scale's header is one line of text above tab-separated rows; the rows below it lost their cell separators
  const report = (row2: string) => `Skala yang digunakan dalam pengukuran kinerja:
No. Rentang Nilai Kategori
1\tLebih dari 100\tSangat Baik
2\tLebih dari 75 sd 100\tBaik
3\t55 sd 75\tCukup
4\tKurang dari 55\tKurang
Tabel 3.1 Capaian Kinerja Tahun 2023
No Indikator Kinerja Target Realisasi Capaian Kategori
1 Persentase dokumen perencanaan tepat waktu 80 76 95 Baik
2 Persentase rekomendasi yang ditindaklanjuti 60 72 120 ${row2}
`;
  it('reads the scale from its columns\' content: one column of ranges, one of short labels', () => {
    const r = parse(report('Sangat Baik'));
    expect(r.scale!.origin).toBe('report');
    expect(r.scale!.bands.map((b) => `${b.label} ${b.min ?? '-'}${b.minInclusive ? '' : '+'}`)).toEqual(['Sangat Baik 100+', 'Baik 75+', 'Cukup 55', 'Kurang -']);
  });
  it('reads the capaian of a flattened row by arithmetic (C = R / T × 100 after an adjacent T R) and its predicate from the line end', () => {
    const r = parse(report('Sangat Baik'));
    expect(r.predicates.map((p) => `${p.src.line} ${p.capaian.raw} ${p.label}`)).toEqual(['9 95 Baik', '10 120 Sangat Baik']);
    const run = (row2: string) => {
      const text = report(row2);
      return runRules(parse(text), config).filter((f) => f.ruleId === 'predicate');
    };
    expect(run('Sangat Baik')).toEqual([]);
    expect(run('Baik').map((f) => [f.where.line, f.reported, exp(f)])).toEqual([[10, 'Baik', 'Sangat Baik']]);
  });
  it('leaves a row alone when no number is the capaian of two adjacent numbers, or several are and fall in different bands', () => {
    const text = report('Baik').replace('60 72 120 Baik', '60 72 90 Baik').replace('80 76 95 Baik', '80 88 110 100 90 90 Baik');
    const r = parse(text);
    expect(r.predicates).toEqual([]);
    expect(r.layouts.filter((l) => l.table.startsWith('baris')).map((l) => l.undecided[0])).toEqual([
      'baris 9: baris tabel tanpa pemisah sel berakhir dengan predikat "Baik", capaiannya tidak dapat ditentukan (2 angka cocok sebagai capaian)',
      'baris 10: baris tabel tanpa pemisah sel berakhir dengan predikat "Baik", capaiannya tidak dapat ditentukan (tidak ada angka yang sama dengan realisasi / target dua angka bersebelahan)',
    ]);
  });
  it('several candidates in one band (a capaian and its rounding further on) count as one: the most precise', () => {
    const r = parse(report('Baik').replace('80 76 95 Baik', '80 76 95,0 95 Baik'));
    expect(r.predicates.map((p) => `${p.src.line} ${p.capaian.raw} ${p.label}`)).toEqual(['9 95,0 Baik', '10 120 Baik']);
  });
  it('needs the report\'s own scale: with the configured scale the line-end words are not read as predicates', () => {
    const text = report('Baik').split('\n').slice(6).join('\n');
    const r = parse(text);
    expect(r.scale!.origin).toBe('config');
    expect(r.predicates).toEqual([]);
  });
});
