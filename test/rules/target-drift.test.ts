import { describe, it } from 'vitest';
import { targetDrift } from '../../src/audit/rules/target-drift.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { measurement } from '../helpers/snippets.js';

const report = (pk: string, renstra2023: string) => `BAB II

Sasaran\tIndikator Sasaran\tTarget Kinerja Sasaran pada Tahun\t\t
\t\t2022\t2023\t2024
Meningkatnya Fasilitas Kesejahteraan\tPersentase Fasilitas Kesejahteraan masyarakat yang dilaksanakan\t80%\t${renstra2023}\t85%

D. PERJANJIAN KINERJA TAHUN 2023

NO.\tSASARAN STRATEGIS\tINDIKATOR KINERJA\tTARGET TAHUN 2023
3.\tMeningkatnya Fasilitas Kesejahteraan\tPersentase Fasilitas Kesejahteraan masyarakat yang dilaksanakan\t${pk}

${measurement(['3\tMeningkatnya Fasilitasi Kesejahteraan\tPersentase Fasilitasi Kesejahteraan masyarakat yang dilaksanakan\t80%\t100%\t125,00%'])}`;

/** A plan's summary (baseline and end condition) and its yearly matrix of the same indicator. */
const plan = (akhir: string) => `Indikator\tKondisi Awal 2022\tKondisi Akhir 2024
Persentase penduduk yang bekerja\t95,65%\t${akhir}

Indikator\tKondisi Awal 2022\tTarget 2023\tTarget 2024
Persentase penduduk yang bekerja\t95,65%\t95,90%\t96,18%
`;

/** An excerpt: a measurement table, and the narrative restating one indicator's target. */
const restated = (target: string) => `Tabel 3.8
NO.\tIndikator Sasaran\tTarget 2019\tRealisasi 2019\tCapaian 2019
1.\tAngka Kematian Ibu per 100.000KH\t0,16\t0,19\t87,10
2.\tAngka Kematian Bayi per 1.000KH\t9,20\t9,53\t96,54
Angka Kematian Ibu 186/100.000 KH dari target 162/100.000 KH dan capaian kinerja 87,10 %.
Persentase Angka Kematian Bayi; Nilainya diperoleh dari realisasi kematian bayi sebesar 9,53/1.000 KH dari target ${target}/1.000 KH.
`;

describe('target-drift', () => {
  ruleTester(
    targetDrift,
    {
      valid: [
        { name: 'the narrative restates the table target (and a rate per 100.000 beside a percentage is not compared)', text: restated('9,20') },
        { name: 'the narrative rounds the table target (9 for 9,20)', text: restated('9') },
        { name: 'the narrative truncates the table target at a coarser precision', text: restated('9,2') },
        { name: 'same target everywhere, Fasilitas/Fasilitasi matched', text: report('80%', '80%') },
        { name: 'printed with a space before %', text: report('80 %', '80%') },
        { name: 'a plan\'s Kondisi akhir is its last year\'s target', text: plan('96,18%') },
      ],
      invalid: [
        {
          name: 'the narrative gives another target than the table row it names',
          text: restated('9,5'),
          findings: [{ line: 6, reported: '9,5', expected: '9,20', category: 'target_drift', severity: 'warning' }],
        },
        {
          // no rounding or truncation of 9,20 gives 10 (the old "within one unit" took it)
          name: 'the narrative is off by more than the printed precision explains',
          text: restated('10'),
          findings: [{ line: 6, reported: '10', expected: '9,20', category: 'target_drift', severity: 'warning' }],
        },
        { name: 'Balung 2023: 85 % in the Bab II PK', text: report('85 %', '80%'), findings: [{ line: 10, reported: '85 %', expected: '80%', category: 'target_drift', severity: 'error' }] },
        {
          name: 'the PK prints 81,0% where the others print 80%: beyond what rounding explains',
          text: report('81,0%', '80%'),
          findings: [{ line: 10, reported: '81,0%', expected: '80%', category: 'target_drift', severity: 'error' }],
        },
        {
          // a target is copied, not rounded: half a unit off is a changed target
          name: 'the PK prints 80,5% where the Renstra and measurement print 80%',
          text: report('80,5%', '80%'),
          findings: [{ line: 10, reported: '80,5%', expected: '80%', category: 'target_drift', severity: 'error' }],
        },
        { name: 'unit differs: 80 vs 80%', text: report('80', '80%'), findings: [{ line: 10, reported: '80', expected: '80%', severity: 'warning' }] },
        {
          // one against one: the end-of-plan summary is reported against the year's own target
          name: 'a plan\'s Kondisi akhir differs from its last year\'s target',
          text: plan('96,27%'),
          findings: [{ line: 2, reported: '96,27%', expected: '96,18%', category: 'target_drift', severity: 'error' }],
        },
      ],
    },
    it,
  );
});
