/**
 * A few words carry the structure of an LKIP: table headers and row labels ("Program", "Kegiatan",
 * "Sub Kegiatan", "Realisasi", "Capaian", …) decide which table is which and how a budget tree
 * nests. OCR of small table text confuses single letters in them (`Kegiatan` → `Keniatan`,
 * `Keaiatan`, `Kediatan`), and a misread header turns Tabel 3.8 into an unknown table. A word that
 * differs from one of these by exactly one letter (same length, at least 6 letters) is read as
 * that word, keeping the printed case; so is a word of at least 7 letters that lacks only the
 * last letter of one. Numbers are never touched.
 */
import type { OcrWord } from './words.js';

export const STRUCTURE_WORDS = [
  'kegiatan',
  'program',
  'realisasi',
  'anggaran',
  'capaian',
  'sasaran',
  'indikator',
  'kinerja',
  'target',
  'strategis',
  'pemerintahan',
  'penunjang',
  'perangkat',
  'keterangan',
  'perjanjian',
  'pengukuran',
  'persentase',
  'prosentase',
  'penyediaan',
  'pelaksanaan',
  'pemeliharaan',
  'koordinasi',
  'kecamatan',
  'jumlah',
] as const;

const byLen = new Map<number, string[]>();
for (const w of STRUCTURE_WORDS) byLen.set(w.length, [...(byLen.get(w.length) ?? []), w]);

function withCase(model: string, word: string): string {
  if (model === model.toUpperCase()) return word.toUpperCase();
  if (model[0] === model[0]!.toUpperCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}

/** The structure word one substituted letter away from `token` (letters only), or null. */
export function nearStructureWord(token: string): string | null {
  if (token.length < 6 || !/^\p{L}+$/u.test(token)) return null;
  const t = token.toLowerCase();
  if ((STRUCTURE_WORDS as readonly string[]).includes(t)) return null;
  let found: string | null = null;
  for (const w of byLen.get(t.length) ?? []) {
    let d = 0;
    for (let i = 0; i < t.length && d < 2; i++) if (t[i] !== w[i]) d++;
    if (d === 1) {
      if (found) return null; // two candidates: leave it
      found = w;
    }
  }
  // the last letter lost against a cell border: "REALISAS"
  if (!found && t.length >= 7) for (const w of byLen.get(t.length + 1) ?? []) if (w.startsWith(t)) found = found ? null : w;
  return found ? withCase(token, found) : null;
}

/** Correct structure words inside OCR words (in place); returns how many were changed. */
export function correctStructureWords(words: OcrWord[]): number {
  let n = 0;
  for (const w of words) {
    const fixed = w.text.replace(/\p{L}{6,}/gu, (tok) => nearStructureWord(tok) ?? tok);
    if (fixed !== w.text) {
      w.text = fixed;
      n++;
    }
  }
  return n;
}
