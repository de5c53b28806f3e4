import type { LkipReport } from '../../model/report.js';
import type { Rule } from '../../model/rule.js';
import { criterion, expectText } from '../tolerance.js';
import type { SourceRef } from '../../model/values.js';
import { checkNip, formatNip, normalizeName } from '../../parse/identity.js';
import { SECTION_LABEL, sectionAt } from '../../parse/structure.js';
import { allLines } from './_text.js';

type Sig = LkipReport['meta']['signatories'][number];

const NIP_RE = /\bNIP\.?\s*:?\s*(\d(?:\s*\d){17})(?!\s*\d)/;

/** Pick the expected value of a group: the most frequent, ties broken by first appearance. */
function majority<T>(items: T[], key: (t: T) => string): string {
  const count = new Map<string, number>();
  for (const i of items) count.set(key(i), (count.get(key(i)) ?? 0) + 1);
  let best = key(items[0]!);
  for (const [k, n] of count) if (n > (count.get(best) ?? 0)) best = k;
  return best;
}

/**
 * Signature blocks (Kata Pengantar, PK, RKT, SK IKU) name the same official: one NIP must carry one
 * name, one name one NIP, and a NIP must encode a possible birth date and appointment month.
 * Titles (S.Sos, Drs., SH, M.Si) and spacing are ignored when names are compared.
 */
const EXACT_DIGITS = criterion('tepat', 'exact');

export const identity: Rule = {
  meta: {
    id: 'identity',
    category: 'name_or_id_mismatch',
    defaultSeverity: 'error',
    docs: {
      id: 'Nama dan NIP penandatangan di semua blok tanda tangan (Kata Pengantar, PK, RKT, SK IKU) harus konsisten: satu NIP satu nama, satu nama satu NIP. Gelar (S.Sos, Drs., SH, M.Si) dan spasi diabaikan. NIP yang dicetak berkelompok harus 8 + 6 + 1 + 3 digit, tanpa kelompok 18 digit. NIP 18 digit harus memuat tanggal lahir (YYYYMMDD) dan bulan pengangkatan (YYYYMM) yang mungkin, pengangkatan tidak sebelum umur 18 tahun, dan kode jenis kelamin 1 atau 2.',
      en: 'Signatory names and NIPs in all signature blocks (Kata Pengantar, PK, RKT, SK IKU) must agree: one NIP one name, one name one NIP. Titles (S.Sos, Drs., SH, M.Si) and spacing are ignored. A NIP printed in groups must have 8 + 6 + 1 + 3 digits, ungrouped 18 digits. An 18-digit NIP must encode a possible birth date (YYYYMMDD) and appointment month (YYYYMM), no appointment before the age of 18, and a sex code of 1 or 2.',
    },
    messages: {
      name: {
        id: 'NIP {{nip}} ditandatangani atas nama "{{reported}}", sedangkan di {{places}} atas nama "{{expected}}".',
        en: 'NIP {{nip}} is signed as "{{reported}}", but as "{{expected}}" in {{places}}.',
      },
      nip: {
        id: '"{{name}}" tercantum dengan NIP {{reported}}, sedangkan di {{places}} dengan NIP {{expected}}.',
        en: '"{{name}}" is given NIP {{reported}}, but NIP {{expected}} in {{places}}.',
      },
      malformed: {
        id: '"{{reported}}" tidak berbentuk NIP 18 digit (tanggal lahir 8, bulan pengangkatan 6, jenis kelamin 1, nomor urut 3): {{problems}}.',
        en: '"{{reported}}" is not an 18-digit NIP (birth date 8, appointment month 6, sex 1, serial 3): {{problemsEn}}.',
        severity: 'warning',
      },
      invalid: {
        id: 'NIP {{reported}} tidak mungkin benar: {{problems}}.',
        en: 'NIP {{reported}} cannot be right: {{problemsEn}}.',
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    const sec = (line: number) => SECTION_LABEL[sectionAt(report.sections, line).kind];
    // a "name" that is a position or place (the name line was not found) is not compared
    const POSITION = /^(camat|kepala|sekretaris|bupati|wakil|pihak|kecamatan|kabupaten|pemerintah|nip|pembina|penata|an\.|plt|plh)\b/i;
    const sigs = report.meta.signatories.filter((s): s is Sig & { nip: string } => !!s.nip && normalizeName(s.name).length > 0 && !POSITION.test(s.name.trim()));
    const where = (s: Sig): SourceRef => ({ ...s.src, section: s.src.section ?? sec(s.src.line), column: 'nama' });
    const list = (xs: Sig[]) => [...new Set(xs.map((x) => `${sec(x.src.line)} baris ${x.src.line}`))].join(', ');
    const listEn = (xs: Sig[]) => [...new Set(xs.map((x) => `${sec(x.src.line)} line ${x.src.line}`))].join(', ');
    const sections = (xs: Sig[]) => [...new Set(xs.map((x) => sec(x.src.line)))].join(', ');

    // one NIP, several names
    const byNip = new Map<string, Sig[]>();
    for (const s of sigs) byNip.set(s.nip!, [...(byNip.get(s.nip!) ?? []), s]);
    for (const [nip, group] of byNip) {
      const names = new Set(group.map((s) => normalizeName(s.name)));
      if (names.size < 2) continue;
      const major = majority(group, (s) => normalizeName(s.name));
      const agree = group.filter((s) => normalizeName(s.name) === major);
      for (const s of group) {
        if (normalizeName(s.name) === major) continue;
        ctx.problem({
          messageId: 'name',
          data: { nip: formatNip(nip), reported: s.name, expected: agree[0]!.name, others: list(agree), othersEn: listEn(agree), places: sections(agree) },
          where: where(s),
          reported: s.name,
          expected: expectText(agree[0]!.name),
          tolerance: criterion('nama sama tanpa gelar dan spasi', 'the same name without titles and spaces'),
          related: agree.map((a) => ({ ...where(a), note: `${a.name}, NIP ${formatNip(nip)}` })),
        });
      }
    }

    // one name, several NIPs
    const byName = new Map<string, Sig[]>();
    for (const s of sigs) byName.set(normalizeName(s.name), [...(byName.get(normalizeName(s.name)) ?? []), s]);
    for (const [name, group] of byName) {
      const nips = new Set(group.map((s) => s.nip));
      if (nips.size < 2) continue;
      const major = majority(group, (s) => s.nip!);
      const agree = group.filter((s) => s.nip === major);
      for (const s of group) {
        if (s.nip === major) continue;
        ctx.problem({
          messageId: 'nip',
          data: { name, reported: formatNip(s.nip!), expected: formatNip(major), others: list(agree), othersEn: listEn(agree), places: sections(agree) },
          where: { ...where(s), column: 'NIP' },
          reported: formatNip(s.nip!),
          expected: expectText(formatNip(major)),
          tolerance: criterion('NIP sama (18 digit, spasi diabaikan)', 'the same NIP (18 digits, spaces ignored)'),
          related: agree.map((a) => ({ ...where(a), note: `${a.name}, NIP ${formatNip(a.nip!)}` })),
        });
      }
    }

    // malformed NIPs: printed in groups whose sizes are not 8 + 6 + 1 + 3, or ungrouped with another length
    const GROUP_NAMES = [
      { id: 'tanggal lahir', en: 'birth date' },
      { id: 'bulan pengangkatan', en: 'appointment month' },
      { id: 'jenis kelamin', en: 'sex' },
      { id: 'nomor urut', en: 'serial' },
    ];
    const SIZES = [8, 6, 1, 3];
    for (const { line: l } of allLines(report)) {
      const g = /\bNIP\.?\s*:?\s*(\d{4,9})\s+(\d{3,7})\s+(\d{1,2})\s+(\d{1,4})(?!\s*\d)/.exec(l.text);
      const flat = g ? null : /\bNIP\.?\s*:?\s*(\d{15,21})(?!\d)/.exec(l.text);
      const at: SourceRef = { file: report.file, page: l.page, line: l.line, section: sec(l.line), column: 'NIP' };
      if (g) {
        const groups = [g[1]!, g[2]!, g[3]!, g[4]!];
        if (groups.every((x, i) => x.length === SIZES[i])) continue;
        const bad = groups.map((x, i) => ({ x, i })).filter(({ x, i }) => x.length !== SIZES[i]);
        const printed = `NIP ${groups.join(' ')}`;
        ctx.problem({
          messageId: 'malformed',
          data: {
            reported: printed,
            problems: bad.map(({ x, i }) => `kelompok ${GROUP_NAMES[i]!.id} "${x}" ${x.length} digit, seharusnya ${SIZES[i]}`).join('; '),
            problemsEn: bad.map(({ x, i }) => `the ${GROUP_NAMES[i]!.en} group "${x}" has ${x.length} digits, expected ${SIZES[i]}`).join('; '),
          },
          where: at,
          reported: printed,
          expected: expectText(
            `18 digit: 8 + 6 + 1 + 3 (tercetak ${groups.map((x) => x.length).join(' + ')} = ${groups.join('').length})`,
            `18 digits: 8 + 6 + 1 + 3 (printed ${groups.map((x) => x.length).join(' + ')} = ${groups.join('').length})`,
          ),
          tolerance: EXACT_DIGITS,
        });
      } else if (flat && flat[1]!.length !== 18) {
        const printed = `NIP ${flat[1]}`;
        ctx.problem({
          messageId: 'malformed',
          data: { reported: printed, problems: `${flat[1]!.length} digit, seharusnya 18`, problemsEn: `${flat[1]!.length} digits, expected 18` },
          where: at,
          reported: printed,
          expected: expectText(`18 digit (tercetak ${flat[1]!.length})`, `18 digits (printed ${flat[1]!.length})`),
          tolerance: EXACT_DIGITS,
        });
      }
    }

    // impossible NIPs: once per distinct NIP, at its first occurrence
    const seen = new Map<string, SourceRef[]>();
    for (const { line: l } of allLines(report)) {
      const m = NIP_RE.exec(l.text);
      if (!m) continue;
      const nip = m[1]!.replace(/\s+/g, '');
      const at: SourceRef = { file: report.file, page: l.page, line: l.line, section: sec(l.line), column: 'NIP' };
      seen.set(nip, [...(seen.get(nip) ?? []), at]);
    }
    for (const [nip, places] of seen) {
      const c = checkNip(nip);
      if (!c || c.problems.length === 0) continue;
      ctx.problem({
        messageId: 'invalid',
        data: { reported: formatNip(nip), problems: c.problems.map((p) => p.id).join('; '), problemsEn: c.problems.map((p) => p.en).join('; ') },
        where: places[0]!,
        reported: formatNip(nip),
        expected: expectText('NIP dengan tanggal lahir dan bulan pengangkatan yang mungkin (umur ≥ 18 tahun saat diangkat)', 'a NIP with a possible birth date and appointment month (aged ≥ 18 when appointed)'),
        tolerance: EXACT_DIGITS,
        related: places.slice(1).map((p) => ({ ...p, note: `NIP ${formatNip(nip)}` })),
      });
    }
  },
};
