/**
 * What a document presents itself as, from the title on its cover. The title words are data
 * (rules/vocabulary.yaml `documentKinds`), not code: teaching the tool another kind of document
 * (a new planning document, another name for the LKIP) is a vocabulary edit. Pure: runs in the
 * browser too.
 *
 * The cover is the first lines of the document, up to the first part of the report body (Kata
 * Pengantar, Daftar Isi, Ikhtisar Eksekutif, a chapter) or the first lines of a decree's body
 * (Menimbang), at most COVER_LINES non-empty lines; a title line is short, not a table row, and
 * carries at most two numbers (a year, a range of years). A cover line names a kind when it starts with
 * one of the kind's title phrases (compared on letters and digits only, so "LKjIP", "LKj-IP" and
 * "**LAPORAN KINERJA**" read as printed); the first such line decides, and among the kinds its
 * phrase fits, the first in the vocabulary whose `with` words (if any) also stand on the cover.
 */
import type { Config } from '../model/config.js';
import type { Document } from '../model/document.js';
import type { DocumentKind } from '../model/report.js';

const COVER_LINES = 10;
/** A title is a short line of words, not a table row or a line of figures. */
const TITLE_MAX_CHARS = 120;
const TITLE_MAX_NUMBERS = 2;

/** Where the cover ends: the report body or a decree's body begins. */
const BODY_START = /^(kata pengantar|daftar isi|ikhtisar eksekutif|ringkasan eksekutif|bab [ivx1-9]+\b|pendahuluan$|menimbang\b)/;

/** Letters and digits only, lower case, single spaces: how cover lines and title phrases are compared. */
export const coverText = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function documentKind(doc: Document, config: Config): DocumentKind {
  const kinds = (config.vocabulary?.documentKinds ?? []).map((k) => ({
    ...k,
    titles: k.titles.map(coverText).filter(Boolean),
    with: k.with.map(coverText).filter(Boolean),
  }));
  const cover: Document['lines'] = [];
  for (const l of doc.lines) {
    const t = coverText(l.text);
    if (!t) continue;
    if (BODY_START.test(t) || cover.length >= COVER_LINES) break;
    cover.push(l);
  }
  const coverAll = ` ${cover.map((l) => coverText(l.text)).join(' ')} `;
  const startsWith = (t: string, phrase: string) => t === phrase || t.startsWith(`${phrase} `);
  for (const l of cover) {
    const t = coverText(l.text);
    if (l.cells || l.text.trim().length > TITLE_MAX_CHARS || (t.match(/\d+/g)?.length ?? 0) > TITLE_MAX_NUMBERS) continue;
    for (const k of kinds) {
      if (!k.titles.some((p) => startsWith(t, p))) continue;
      if (k.with.length && !k.with.some((w) => coverAll.includes(` ${w} `))) continue;
      return {
        kind: k.kind,
        name: { id: k.name[0], en: k.name[1] },
        title: l.text.replace(/[*#_]+/g, '').replace(/\s+/g, ' ').trim().slice(0, 120),
        src: { file: doc.file, page: l.page, line: l.line },
      };
    }
  }
  return { kind: null, name: null, title: null, src: null };
}
