import { readFileSync } from 'node:fs';
import { runRules } from '../../src/audit/engine.js';
import { loadConfig } from '../../src/cli/config.js';
import { textToDocument } from '../../src/ingest/text.js';
import { parseReport } from '../../src/parse/index.js';
import { describe, expect, it } from 'vitest';
import { skm } from '../../src/audit/rules/skm.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';
import { exp } from '../helpers/expected.js';
import { DIST, SCORES, survey, withScore } from '../helpers/survey.js';

describe('skm', () => {
  ruleTester(
    skm,
    {
      valid: [
        { name: 'predikat in the order of the scores', text: survey(DIST, SCORES, '70,8') },
        // the scores and the average are other rules': a wrong score in order is no predikat finding
        { name: 'a wrong score whose predikat still fits the order', text: survey(DIST, withScore(0, ['70', 'Baik']), '70') },
      ],
      invalid: [
        {
          name: 'Kejelasan alur scores 30 and is called Sangat baik (Jelbuk 2021)',
          text: survey(DIST, withScore(4, ['30', 'Sangat baik']), '69,1'),
          findings: [{ line: 18, reported: '30 Sangat baik', expected: 'paling tinggi "Kurang Baik"', category: 'predicate_mismatch' }],
        },
        {
          name: 'a high score called Tidak baik',
          text: survey(DIST, withScore(1, ['100', 'Tidak baik']), '70,8'),
          findings: [{ line: 15, reported: '100 Tidak baik', expected: 'Sangat Baik', category: 'predicate_mismatch' }],
        },
      ],
    },
    it,
  );

  it('Jelbuk 2021 (seed 004): Kejelasan alur 30 "Sangat baik" and the other predikat out of order', () => {
    const f = 'fixtures/seeds/004_9ed3a231d27ded37.txt';
    const got = runRule(skm, readFileSync(f, 'utf8'), f);
    expect(got.map((x) => [x.where.line, x.category, x.reported, exp(x)])).toEqual([
      [491, 'predicate_mismatch', '100 baik', 'Sangat Baik'],
      [497, 'predicate_mismatch', '30 Sangat baik', 'paling tinggi "Baik"'],
      [498, 'predicate_mismatch', '40 Sangat baik', 'paling tinggi "Baik"'],
    ]);
  });

  describe('the fallback bands are configuration (rules/config.yaml surveyBands)', () => {
    const base = loadConfig();
    const text = survey(DIST, withScore(1, ['100', 'Tidak baik']), '70,8');
    const run = (config: typeof base) => runRules(parseReport(textToDocument('kasus.txt', text), config), config, [skm]);
    it('the shipped PermenPANRB 14/2017 bands name themselves in the message', () => {
      const [f] = run(base);
      expect(f?.data.bands).toBe('PermenPANRB 14/2017');
      expect(f?.message.id).toContain('(pita PermenPANRB 14/2017: Sangat Baik)');
    });
    it('no such scale, or a band label that is no survey answer: silent', () => {
      expect(run({ ...base, surveyBands: 'tidak_ada' })).toEqual([]);
      const scale = base.scales[base.surveyBands]!;
      const bad = { ...scale, bands: scale.bands.map((b, i) => (i === 0 ? { ...b, label: 'Istimewa' } : b)) };
      expect(run({ ...base, scales: { ...base.scales, [base.surveyBands]: bad } })).toEqual([]);
    });
  });
});
