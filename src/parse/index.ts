/** Document → LkipReport: the one typed model every rule reads. Pure: runs in the browser too. */
import type { Config } from '../model/config.js';
import type { Document } from '../model/document.js';
import type { LkipReport } from '../model/report.js';
import type { SourceRef } from '../model/values.js';
import { buildBudgetTree, buildPkBudget } from './budget.js';
import { documentKind } from './doc-kind.js';
import { resolveLayout } from './columns.js';
import { deriveTargets, tableFacts } from './facts.js';
import { printedPageNumbers, tocEntries } from './outline.js';
import { buildProse, printed as printedText } from './prose.js';
import { proseFacts } from './prose-facts.js';
import { IndicatorRegistry, extractPerformance, flattenedRowPredicates, parseScale, parseScaleByContent, scaleFromConfig, textAverages, textPredicates } from './performance.js';
import { correctOcrReadings, correctOcrSpilledCells } from './ocr-words.js';
import { relayTables } from './relay.js';
import { SECTION_LABEL, findSections, findTables, sectionAt, tableLabel } from './structure.js';

function reportYear(doc: Document): { year: number | null; src: SourceRef | null } {
  const head = doc.lines.slice(0, 80);
  const at = (l: Document['lines'][number]): SourceRef => ({ file: doc.file, page: l.page, line: l.line });
  // the cover's own "TAHUN 2023" / "TA. 2023" comes first: the Kata Pengantar sometimes names another year
  for (const l of head) {
    if (/^kata pengantar$/i.test(l.text.trim())) break;
    const m = /^\**\s*(tahun|ta\.?)\s+(20\d\d)\s*\**$/i.exec(l.text.trim());
    if (m) return { year: Number(m[2]), src: at(l) };
  }
  for (const l of head) {
    const m = /(laporan kinerja|lkip|lakip|lkjip)[^.]{0,80}?tahun\s+(20\d\d)/i.exec(l.text);
    if (m) return { year: Number(m[2]), src: at(l) };
  }
  return { year: null, src: null };
}

function agency(doc: Document): string | null {
  for (const l of doc.lines.slice(0, 60)) {
    const m = /\b(KEC(?:AMATAN|\.)\s+[A-Z][A-Za-z]+|DINAS\s+[A-Z][A-Za-z ]+|BADAN\s+[A-Z][A-Za-z ]+)/.exec(l.text);
    if (m) return m[1]!.replace(/^KEC\.\s*/, 'KECAMATAN ').trim();
  }
  return null;
}

function signatories(doc: Document) {
  const out: LkipReport['meta']['signatories'] = [];
  doc.lines.forEach((l, i) => {
    const m = /\bNIP\.?\s*:?\s*((?:\d\s*){18})\b/.exec(l.text);
    if (!m) return;
    // the name is the nearest line above that is not a rank/title
    for (let j = i - 1, n = 0; j >= 0 && n < 4; j--) {
      const t = doc.lines[j]!.text.trim();
      if (!t) continue;
      n++;
      if (/^(pembina|penata|pengatur|juru|pembina utama)\b/i.test(t) || /\b(I{1,3}|IV)\/[a-e]\b/.test(t)) continue;
      if (/[A-Z]{3,}/.test(t) && t.length < 80) {
        out.push({ name: t.replace(/\*/g, '').trim(), nip: m[1]!.replace(/\s+/g, ''), src: { file: doc.file, page: doc.lines[j]!.page, line: doc.lines[j]!.line } });
        break;
      }
    }
  });
  return out;
}

export function parseReport(printed: Document, config: Config): LkipReport {
  // tables printed without cell separators, laid back into cells where their layout is certain
  // and, on OCR-read lines, header and row-label words misread by OCR read as the vocabulary's words
  // and row numbers whose dot was lost read by the table's outline; chapter numerals "Ill" as "III"
  const relaid = relayTables(correctOcrSpilledCells(correctOcrReadings(printed, config)), config);
  const doc = relaid.doc;
  const sections = findSections(doc, config);
  const tables = findTables(doc, sections, config);
  const { year, src: yearSrc } = reportYear(doc);
  // The report year comes from the cover or the title only: a table's first year column is often a
  // baseline or an earlier year (issue 12 point 5); an undecided year yields no year-based finding.
  const reportYearValue = year;
  const scaleTable = tables.find((t) => t.kind === 'predicate_scale');
  const scale =
    (scaleTable && parseScale(scaleTable, doc.file)) ||
    tables.map((t) => (t.kind === 'other' ? parseScaleByContent(t, doc.file) : null)).find((s) => s !== null) ||
    scaleFromConfig(config);
  const targetWords = (config.vocabulary?.columnRoles ?? []).filter((r) => r.role === 'target').flatMap((r) => (r.any ?? []).map((sig) => sig.join(' ')));
  const reg = new IndicatorRegistry(config.vocabulary?.indicatorSynonyms ?? [], config.vocabulary?.negativeIndicators ?? []);
  const budgets = [
    ...tables.filter((t) => t.kind === 'budget' || t.kind === 'budget_plan').map((t) => buildBudgetTree(t, doc.file)),
    ...tables.filter((t) => t.kind === 'pk_budget').map((t) => buildPkBudget(t, doc.file)),
  ];
  const capRuleStated = doc.lines.some((l) => /lebih dari 100\s*%[^.]{0,80}(termasuk|dihitung|dianggap)[^.]{0,40}100\s*%/i.test(l.text));
  void sectionAt;
  void SECTION_LABEL;
  const lineIndex = new Map(doc.lines.map((l, i) => [l.line, i]));
  const layouts = tables.map((t) => resolveLayout(t, doc, config, lineIndex));
  let factNo = 0;
  const nextFact = () => `F${++factNo}`;
  const facts = tables.flatMap((t, i) => tableFacts(t, layouts[i]!, { file: doc.file, config, doc, index: lineIndex }, nextFact));
  // the target readings come from the target facts (measurement tables first: they name the
  // indicators), before the measurements, which match their rows to the same indicators
  const unreadableTargets = deriveTargets(facts, tables, layouts, { doc, sections, config, year: reportYearValue, reg, index: lineIndex });
  const perf = extractPerformance(tables, doc, { file: doc.file, year: reportYearValue, config, reg, sections });
  const predicates = [...perf.predicates, ...textPredicates(doc, scale, doc.file, sections), ...flattenedRowPredicates(doc, scale, doc.file, sections, targetWords, relaid.undecided)];
  // layouts seen in the text and not decided come after the tables' own (one per place)
  for (const u of [...relaid.undecided].sort((a, b) => a.line - b.line)) layouts.push({ table: `baris ${u.line}`, columns: [], rows: [], undecided: [u.note] });
  const prose = buildProse(doc, sections);
  // the table of contents, read once from the printed lines (the outline rule reads it here)
  const contents = tocEntries(prose.lines.map((e) => ({ line: e.line, page: e.page, text: printedText(e) })), config.vocabulary?.sectionHeadings?.chapterWords ?? []);
  return {
    file: doc.file,
    format: doc.format,
    meta: { agency: agency(doc), year: reportYearValue, yearSrc, signatories: signatories(doc), capRuleStated, documentKind: documentKind(doc, config) },
    sections,
    tables,
    scale,
    indicators: reg.list,
    measurements: perf.measurements,
    averages: [...perf.averages, ...textAverages(doc, doc.file, sections)],
    predicates,
    budgets,
    unreadable: [
      ...unreadableTargets,
      ...perf.measurements.flatMap((m) => [m.target, m.realisasi, m.capaian]).filter((v) => v.kind === 'unreadable'),
      ...budgets.flatMap((b) => [...Object.values(b.nodes), ...(b.total ? [b.total] : [])].flatMap((n) => [n.pagu, n.realisasi, n.pct])).filter((v): v is NonNullable<typeof v> => !!v && v.kind === 'unreadable'),
    ],
    layouts,
    facts,
    proseFacts: proseFacts(prose, doc.file, config),
    prose,
    ...(doc.pages?.some((p) => p.label) ? { printedPages: printedPageNumbers(doc.pages.map((p) => p.label)) } : {}),
    ...(contents ? { contents } : {}),
  };
}
