/**
 * What the verdict rules share (verdict, sasaran-serapan, sasaran-average): the prose lines they
 * read (Ikhtisar, Bab III, Bab IV; not table rows), a line's place, and the "rata-rata ... X% ...
 * berhasil" sentence. Pure.
 */
import type { LkipReport, SectionKind } from '../../model/report.js';
import type { PrintedValue, SourceRef } from '../../model/values.js';
import { SECTION_LABEL } from '../../parse/structure.js';
import { allLines } from './_text.js';

const PROSE: ReadonlySet<SectionKind> = new Set<SectionKind>(['ikhtisar', 'bab3', 'bab4']);

export interface Prose {
  line: number;
  page: number | null;
  section: SectionKind;
  text: string;
}

export function prose(report: LkipReport): Prose[] {
  const out: Prose[] = [];
  for (const p of allLines(report)) {
    if (p.line.cells || !PROSE.has(p.section)) continue;
    out.push({ line: p.line.line, page: p.line.page, section: p.section, text: p.text });
  }
  return out;
}

export const at = (report: LkipReport, p: Prose): SourceRef => ({ file: report.file, page: p.page, line: p.line, section: SECTION_LABEL[p.section] });
export const num = (v: PrintedValue | null): v is PrintedValue => v !== null && (v.kind === 'percent' || v.kind === 'number') && v.value !== null;

/** "rata-rata capaian sasaran sebesar 86,44%, sehingga ... BERHASIL": the average (1) and the word (2). */
export const SUCCESS_SENTENCE = /rata[\s-–]*rata[^.]*?(\d{1,3}(?:[.,]\d+)?\s?%)[^.]*?\b(tidak\s+berhasil|berhasil|gagal)\b/i;
