import type { Rule } from '../../model/rule.js';
import { criterion, expectText } from '../tolerance.js';
import { SECTION_LABEL } from '../../parse/structure.js';
import { allLines, lineAt, paragraphs, sentences, shorten, wordsToNumber } from './_text.js';
import { voteReportYear } from './report-year.js';
import { escapeRe } from '../../parse/regex.js';

const esc = escapeRe;

const ORDINAL_WORD: Record<number, string> = { 1: 'pertama', 2: 'kedua', 3: 'ketiga', 4: 'keempat', 5: 'kelima', 6: 'keenam', 7: 'ketujuh' };

/** "ke-3", "ke 3", "ketiga", "pertama" → 3 / 1; null otherwise. */
function ordinal(s: string): number | null {
  const t = s.toLowerCase();
  if (t === 'pertama') return 1;
  const d = /^ke[-\s]?(\d)$/.exec(t);
  if (d) return Number(d[1]);
  const w = /^ke(satu|dua|tiga|empat|lima|enam|tujuh)$/.exec(t);
  return w ? wordsToNumber(w[1]!) : null;
}

/**
 * Years a sentence derives from the report year: "Laporan Kinerja ini merupakan tahun ketiga
 * pelaksanaan Rencana Strategis ... Tahun 2018-2023" must count the report year within the plan's
 * period (a plan labelled with one year more than its length names a base year, so both counts are
 * accepted), and a forward-looking clause ("... pada tahun 2018 akan menjadi tolok ukur untuk
 * peningkatan kinerja di tahun 2018") names a year after the report year.
 */
export const yearReference: Rule = {
  meta: {
    id: 'year-reference',
    category: 'year_or_date_mismatch',
    defaultSeverity: 'warning',
    docs: {
      id: 'Tahun yang diturunkan dari tahun laporan dalam satu kalimat: "laporan ini merupakan tahun ke-N / tahun ketiga pelaksanaan Rencana Strategis Tahun A–B" harus sesuai dengan tahun laporan Y: N = Y − A + 1; bila periode dicetak dengan satu tahun lebih dari lamanya (2018–2023 untuk lima tahun, A tahun dasar) N = Y − A juga diterima. Kalimat yang memakai tahun lain secara eksplisit ("Tahun 2022 merupakan tahun keempat ...") dihitung dengan tahun itu. Klausa yang memandang ke depan ("... tahun Y akan menjadi tolok ukur untuk peningkatan kinerja di tahun Y") harus menyebut tahun sesudah tahun laporan (info). Kata-katanya di rules/vocabulary.yaml.',
      en: 'Years a sentence derives from the report year: "this report is the N-th / third year of the Rencana Strategis A–B" must fit the report year Y: N = Y − A + 1; when the period is printed with one year more than its length (2018–2023 for five years, A the base year) N = Y − A is accepted too. A sentence naming its year explicitly ("Tahun 2022 merupakan tahun keempat ...") is counted from that year. A forward-looking clause ("... year Y will be the benchmark for improving performance in year Y") must name a year after the report year (info). The words are in rules/vocabulary.yaml.',
    },
    messages: {
      planYear: {
        id: '"{{printed}}": tahun {{year}} adalah tahun ke-{{expected}} dari {{plan}} {{from}}–{{to}}, bukan tahun ke-{{reported}}.',
        en: '"{{printed}}": {{year}} is year {{expectedEn}} of the {{plan}} {{from}}–{{to}}, not year {{reported}}.',
      },
      forward: {
        id: '"{{printed}}": klausa sesudah "{{future}}" memandang ke depan, tetapi menyebut tahun {{reported}}, padahal laporan ini untuk tahun {{year}}; seharusnya tahun sesudahnya ({{expected}}).',
        en: '"{{printed}}": the clause after "{{future}}" looks forward but names {{reported}}, while this report is for {{year}}; expected a later year ({{expected}}).',
        severity: 'info',
      },
    },
  },
  check(ctx) {
    const { report, config } = ctx;
    const vocab = config.vocabulary?.yearReference;
    if (!vocab) return;
    const voted = voteReportYear(report, allLines(report).map((p) => p.line).filter((l) => !l.cells));
    const Y = voted?.year ?? report.meta.year;
    if (!Y) return;
    const planRe = new RegExp(`(${vocab.plans.map(esc).join('|')})\\b[^.]{0,80}?\\b((?:19|20)\\d\\d)\\s*(?:[-–—]|s\\.?\\s?d\\.?|sampai dengan)\\s*((?:19|20)\\d\\d)\\b`, 'i');
    const ordRe = /\btahun\s+(ke[-\s]?\d|pertama|ke(?:satu|dua|tiga|empat|lima|enam|tujuh))\b/gi;
    const futureRe = vocab.future.length ? new RegExp(`\\b(${vocab.future.map(esc).join('|')})\\b`, 'i') : null;
    const purposeRe = vocab.purpose.length ? new RegExp(`\\b(${vocab.purpose.map(esc).join('|')})\\b`, 'i') : null;

    for (const par of paragraphs(report)) {
      for (const s of sentences(par.text)) {
        // ---- the N-th year of a plan
        ordRe.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = ordRe.exec(s.text))) {
          const n = ordinal(m[1]!);
          if (n === null) continue;
          const after = s.text.slice(m.index);
          const plan = planRe.exec(after);
          if (!plan || plan.index > 60) continue;
          const from = Number(plan[2]);
          const to = Number(plan[3]);
          if (to <= from || to - from > 6) continue;
          // the year counted: an explicit "Tahun 2022 merupakan tahun ke-..." or this report ("laporan ... ini")
          const before = s.text.slice(0, m.index);
          const explicit = /\btahun\s+((?:19|20)\d\d)\s+(?:ini\s+)?(?:merupakan|adalah|menjadi|sebagai)\s*$/i.exec(before);
          if (!explicit && !/\b(laporan|lkj?ip|lakip)\b[^.]*\bini\b[^.]*$/i.test(before) && !/\btahun ini\b/i.test(before)) continue;
          const year = explicit ? Number(explicit[1]) : Y;
          if (year < from || year > to) continue;
          const ok = new Set([year - from + 1]);
          if (to - from + 1 > 5) ok.add(year - from); // a base year printed first
          if (ok.has(n)) continue;
          const exp = [...ok].filter((x) => x >= 1).sort((a, b) => b - a);
          if (exp.length === 0) continue;
          const printed = shorten(s.text.slice(m.index, m.index + plan.index + plan[0].length), 120);
          const line = lineAt(par, s.offset + m.index);
          const expWords = exp.map((x) => `tahun ${ORDINAL_WORD[x] ?? `ke-${x}`} (${x})`).join(' atau ');
          ctx.problem({
            messageId: 'planYear',
            data: { printed, year, expected: exp.join(' atau '), expectedEn: exp.join(' or '), reported: n, plan: plan[1]!, from, to },
            where: { file: report.file, page: line.page, line: line.line, section: SECTION_LABEL[par.section] },
            reported: `tahun ${m[1]} (${n}) dari ${plan[1]} ${from}–${to}, tahun ${year}`,
            expected: expectText(expWords, exp.map((x) => `year ${x}`).join(' or ')),
            tolerance:
              exp.length > 1
                ? criterion(`dihitung dari ${from + 1} (tahun dasar ${from}) atau dari ${from}`, `counted from ${from + 1} (base year ${from}) or from ${from}`)
                : criterion(`dihitung dari ${from}`, `counted from ${from}`),
          });
        }

        // ---- a forward-looking clause that names the report year (or an earlier one)
        if (!futureRe || !purposeRe) continue;
        const fut = futureRe.exec(s.text);
        if (!fut) continue;
        const head = s.text.slice(0, fut.index);
        const tail = s.text.slice(fut.index);
        // the sentence speaks of the report year before the future word ...
        if (![...head.matchAll(/\btahun\s+((?:19|20)\d\d)\b/gi)].some((x) => Number(x[1]) === Y)) continue;
        const purpose = purposeRe.exec(tail);
        if (!purpose) continue;
        // ... and after a purpose word names a year that is not later ("di tahun 2018")
        const later = /\b(?:di|pada|untuk)\s+tahun\s+((?:19|20)\d\d)\b(?!\s*[-–—]\s*\d)/i.exec(tail.slice(purpose.index));
        if (!later) continue;
        const y2 = Number(later[1]);
        if (y2 > Y) continue;
        const at = fut.index + purpose.index + later.index;
        const line = lineAt(par, s.offset + at);
        const printed = shorten(s.text, 140);
        ctx.problem({
          messageId: 'forward',
          data: { printed, future: fut[1]!, reported: y2, year: Y, expected: Y + 1 },
          where: { file: report.file, page: line.page, line: line.line, section: SECTION_LABEL[par.section] },
          reported: shorten(`${fut[1]} … ${tail.slice(purpose.index, purpose.index + later.index + later[0].length)}`, 120),
          expected: expectText(`tahun sesudah ${Y} (mis. tahun ${Y + 1})`, `a year after ${Y} (e.g. ${Y + 1})`),
          tolerance: criterion('klausa yang memandang ke depan menyebut tahun sesudah tahun laporan', 'a forward-looking clause names a year after the report year'),
        });
      }
    }
  },
};
