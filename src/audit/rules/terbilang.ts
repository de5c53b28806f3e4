import type { Rule } from '../../model/rule.js';
import { amount, criterion, expectQuantity, num } from '../tolerance.js';
import type { SourceRef } from '../../model/values.js';
import { cents } from '../../parse/arith.js';
import { parseDigits, parseValue } from '../../parse/numbers.js';
import { SECTION_LABEL, sectionAt } from '../../parse/structure.js';
import { parseTerbilang, toTerbilang } from '../../parse/terbilang.js';
import { allLines } from './_text.js';

/** Count nouns after "4 (empat)": those claims belong to the count-claim rule, not to this one. */
const COUNT_NOUN = /^\s*(program|kegiatan|sub\s*kegiatan|indikator|sasaran|tujuan|unsur)\b/i;

const MONEY_RE = /(Rp\.?\s*\d[\d.,]*(?:,-)?)\s*\(([^()]{3,400})\)/gi;
const PAIR_RE = /(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d+)\s*\(\s*([A-Za-z][A-Za-z ]{1,120}?)\s*\)/g;

/**
 * Amounts in words must equal the digits they accompany: "Rp. 3.898.085.541,- (Tiga Milyar ...
 * Rupiah)", and other large numbers with their words ("1.250 (seribu dua ratus lima puluh)").
 * Small pairs ("4 (empat)", "3 (tiga) laporan") are left to the count-claim rule, which checks
 * every such pair in the narrative.
 */
export const terbilang: Rule = {
  meta: {
    id: 'terbilang',
    category: 'terbilang_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Jumlah uang yang ditulis dengan huruf (terbilang) harus sama dengan angkanya: "Rp. 3.898.085.541,- (Tiga Milyar ... Rupiah)". Ejaan yang keliru pada kata besaran (Milyat, Milyard, Miliar) diterima. Angka besar lain dengan terbilangnya ("1.250 (seribu dua ratus lima puluh)") juga dibandingkan; pasangan kecil seperti "4 (empat)" diperiksa oleh aturan count-claim. Dibandingkan tepat (rupiah utuh).',
      en: 'An amount written in words (terbilang) must equal its digits: "Rp. 3.898.085.541,- (Tiga Milyar ... Rupiah)". Misspelt magnitude words (Milyat, Milyard, Miliar) are accepted. Other large numbers with their words ("1.250 (seribu dua ratus lima puluh)") are compared too; small pairs such as "4 (empat)" are checked by the count-claim rule. Compared exactly (whole rupiah).',
    },
    messages: {
      money: {
        id: 'Angka {{reported}} ditulis dengan huruf "{{words}}" yang bernilai {{expected}}; selisih {{diff}}.',
        en: 'The amount {{reported}} is written in words as "{{words}}", which is {{expected}}; difference {{diff}}.',
      },
      pair: {
        id: 'Angka {{reported}} disertai kata "({{words}})" yang bernilai {{expected}}.',
        en: 'The number {{reported}} is followed by the words "({{words}})", which mean {{expected}}.',
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    for (const { line: l } of allLines(report)) {
      const text = l.text;
      if (!/\(/.test(text)) continue;
      const at = (): SourceRef => ({ file: report.file, page: l.page, line: l.line, section: SECTION_LABEL[sectionAt(report.sections, l.line).kind] });
      const moneySpans: [number, number][] = [];
      let m: RegExpExecArray | null;
      MONEY_RE.lastIndex = 0;
      while ((m = MONEY_RE.exec(text))) {
        const words = m[2]!.trim();
        const t = parseTerbilang(words);
        if (!t || !t.rupiah) continue;
        moneySpans.push([m.index, m.index + m[0].length]);
        const v = parseValue(m[1]!, at(), 'money');
        const c = cents(v);
        if (c === null || c % 100n !== 0n || !Number.isSafeInteger(t.value)) continue; // cents: terbilang of whole rupiah only
        const whole = c / 100n;
        if (whole === BigInt(t.value)) continue;
        ctx.problem({
          messageId: 'money',
          data: { reported: m[1]!.trim(), words: words.slice(0, 160), expected: num(t.value), diff: amount((whole - BigInt(t.value)) * 100n) },
          where: at(),
          reported: m[1]!.trim(),
          expected: expectQuantity(num(t.value), { id: words.slice(0, 120), en: words.slice(0, 120) }),
          tolerance: criterion('tepat (rupiah utuh); ejaan Milyar/Miliar/Milyat diterima', 'exact (whole rupiah); the spellings Milyar/Miliar/Milyat are accepted'),
          related: [{ ...at(), note: `terbilang angka ${m[1]!.trim()}: ${toTerbilang(Number(whole))} rupiah` }],
        });
      }
      PAIR_RE.lastIndex = 0;
      while ((m = PAIR_RE.exec(text))) {
        const start = m.index;
        if (moneySpans.some(([a, b]) => start >= a && start < b)) continue;
        const before = text.slice(Math.max(0, start - 4), start);
        if (/rp\.?\s*$/i.test(before)) continue;
        const after = text.slice(start + m[0].length);
        if (COUNT_NOUN.test(after)) continue;
        const t = parseTerbilang(m[2]!);
        if (!t || t.rupiah) continue;
        const d = parseDigits(m[1]!);
        if (!d || d.decimals !== 0) continue;
        // pairs of up to three digits ("4 (empat)") are checked by count-claim
        if (d.value < 1000) continue;
        if (d.value === t.value) continue;
        ctx.problem({
          messageId: 'pair',
          data: { reported: m[1]!, words: m[2]!, expected: num(t.value) },
          where: at(),
          reported: m[1]!,
          expected: expectQuantity(num(t.value), { id: m[2]!, en: m[2]! }),
          tolerance: criterion('tepat', 'exact'),
        });
      }
    }
  },
};
