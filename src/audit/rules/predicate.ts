import type { Rule } from '../../model/rule.js';
import { boundaryRule, expectText, scaleName } from '../tolerance.js';
import { bandFor, normLabel } from '../../parse/performance.js';

/** Every predicate given to a capaian, in tables and in the text, must be the one the declared scale gives. */
export const predicate: Rule = {
  meta: {
    id: 'predicate',
    category: 'predicate_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Setiap predikat yang diberikan pada suatu capaian — tanda centang dalam tabel predikat dan kalimat seperti "capaian 89,55% tergolong Memuaskan" atau "predikat memuaskan ... rata-rata 125%" — dibandingkan dengan skala yang dinyatakan laporan sendiri (jika tidak dapat dibaca, skala dari rules/config.yaml). Batas yang bersentuhan masuk ke predikat yang lebih tinggi.',
      en: 'Every predicate given to a capaian — check marks in predicate tables and sentences like "capaian 89,55% tergolong Memuaskan" — is compared with the scale the report itself declares (or, when none can be read, the scale in rules/config.yaml). Touching bounds belong to the higher predicate.',
    },
    messages: {
      text: {
        id: 'Capaian {{capaian}} disebut "{{label}}", sedangkan menurut {{scale}} capaian {{capaian}} berpredikat "{{expected}}".',
        en: 'Capaian {{capaian}} is called "{{label}}", but under {{scaleEn}} a capaian of {{capaian}} is "{{expected}}".',
      },
      table: {
        id: 'Tanda predikat untuk capaian {{capaian}} ada di kolom "{{label}}", sedangkan menurut {{scale}} seharusnya "{{expected}}".',
        en: 'The predicate mark for capaian {{capaian}} is in column "{{label}}", but under {{scaleEn}} it should be "{{expected}}".',
      },
    },
  },
  check(ctx) {
    const scale = ctx.report.scale;
    if (!scale) return;
    for (const p of ctx.report.predicates) {
      if (p.capaian.value === null) continue;
      const band = bandFor(scale, p.capaian.value);
      if (!band) continue;
      const said = normLabel(p.label);
      if (said === normLabel(band.label) || (band.grade && said === band.grade.toLowerCase())) continue;
      // a label that is not on this scale at all (e.g. "Baik" used loosely on a Tinggi/Rendah scale) is still a mismatch
      ctx.problem({
        messageId: p.origin,
        data: { capaian: p.capaian.raw, label: p.label, scale: scaleName(scale, 'id'), scaleEn: scaleName(scale, 'en'), expected: band.label },
        where: p.src,
        reported: p.label,
        expected: expectText(band.label),
        tolerance: boundaryRule(scale),
        related: scale.src ? [{ ...scale.src, note: p.context }] : [{ file: p.src.file, page: p.src.page, line: p.src.line, note: p.context }],
      });
    }
  },
};
