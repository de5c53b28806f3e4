/**
 * What the verdict rules share (verdict, sasaran-serapan, sasaran-average): the prose lines they
 * read (Ikhtisar, Bab III, Bab IV; not table rows), a line's place, and the "rata-rata ... X% ...
 * berhasil" sentence. Pure.
 */
import type { Config } from '../../model/config.js';
import { perConfig } from '../../model/per-config.js';
import type { LkipReport, SectionKind } from '../../model/report.js';
import type { PrintedValue, SourceRef } from '../../model/values.js';
import { alt } from '../../parse/prose-facts.js';
import { SECTION_LABEL } from '../../parse/structure.js';
import { allLines } from './_text.js';
import { escapeRe } from '../../parse/regex.js';

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

/** The vocabulary's average words (verdictClaims.average) as a regex source: printed with spaces, hyphens or dashes between their parts, or none ("rata-rata", "ratarata"). */
export function averageSource(config: Config): string {
  const list = config.vocabulary?.verdictClaims?.average ?? [];
  const esc = escapeRe;
  return list.length === 0 ? '(?!)' : `(?:${[...list].sort((a, b) => b.length - a.length).map((a) => a.toLowerCase().split(' ').map(esc).join('[\\s-–]*')).join('|')})`;
}

/**
 * "rata-rata capaian sasaran sebesar 86,44%, sehingga ... BERHASIL": the average (1) and the word (2),
 * by the vocabulary (verdictClaims.average, success, failure); `success` tells the word is a success.
 */
function compileSuccessSentence(config: Config): { sentence: RegExp; success: RegExp } {
  const v = config.vocabulary?.verdictClaims;
  const out = {
    sentence: new RegExp(`${averageSource(config)}[^.]*?(\\d{1,3}(?:[.,]\\d+)?\\s?%)[^.]*?\\b(${alt([...(v?.success ?? []), ...(v?.failure ?? [])])})\\b`, 'i'),
    success: new RegExp(`^${alt(v?.success ?? [])}$`, 'i'),
  };
  return out;
}
/** The success sentence's patterns, built once per configuration. */
export const successSentence = perConfig(compileSuccessSentence);
