/**
 * Findings that rest on OCR values: marked for a human look (severity at most warning, the value and
 * why named in the message). Runs after the rules, on their findings; the values and their
 * confidences come from the model (src/parse/repair.ts attaches and repairs them).
 */
import { formatExpected } from './format.js';
import type { Document } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { LkipReport, TableRow } from '../model/report.js';
import type { PrintedValue, SourceRef } from '../model/values.js';
import { parseValue } from '../parse/numbers.js';
import { forEachValue, isRepaired, misreadings, needsHumanLook, squash } from '../parse/repair.js';


/** The reading of `reported` (if any) whose value equals the number at the start of `expected`. */
function explainedByMisreading(reported: string, expected: string): string | null {
  const m = /^\s*(Rp\.?\s*)?[\d.,]+\s*%?/.exec(expected);
  reported = reported.split(' (')[0]!.trim();
  if (!m || !/\d/.test(reported)) return null;
  const src = { file: '', page: null, line: 0 };
  for (const expect of ['percent', 'money', 'any'] as const) {
    const want = parseValue(m[0], src, expect);
    if (want.value === null) continue;
    for (const r of misreadings(reported, expect)) {
      const v = parseValue(r, src, expect);
      if (v.value !== null && Math.abs(v.value - want.value) < 1e-9 && v.kind === want.kind) return r;
    }
  }
  return null;
}

/**
 * The OCR page after a page break that the rows of sum finding `f` run onto, when rows may have been
 * lost there, and why; null otherwise. A sum runs onto the next page when no row of its table after
 * its last row on that page closes it: for a budget parent, the rows after it on the page are all of
 * its subtree (a total row: every row of the table is); otherwise its last row is the last row of the
 * table on the page. The table goes on to the next page when it has rows there, or when it ends at
 * the foot of its page (at most two short lines after it). Rows may have been lost on that page when
 * the table has no rows there, or a value there could not be read, or a cell or line among or above
 * the table's rows there was read with low confidence or holds amounts but is in no table.
 */
function sumRunsOntoLossyPage(f: Finding, report: LkipReport, doc: Document, ocrPages: Set<number | null>, low: number): { page: number; why: string } | null {
  const table = report.tables.find((t) => t.id === f.where.table);
  if (!table || f.where.page === null) return null;
  const tree = report.budgets.find((b) => b.table === table.id);
  // a total row: its programs may run over any page break of the table before it
  if (tree?.total && tree.total.src.line === f.where.line) {
    const pages = [...new Set(table.rows.map((r) => r.page))].filter((x): x is number => x !== null && x < f.where.page!).sort((a, b) => a - b);
    for (const pg of pages) {
      const why = lossOn(pg + 1, table, report, doc, ocrPages, low);
      if (why) return { page: pg + 1, why };
    }
    return null;
  }
  const last = [f.where, ...f.related].reduce((m, r) => ((r.table === table.id || r.table === undefined) && r.page !== null && r.line > m.line ? r : m), f.where);
  const p = last.page!;
  const rowsAfter = table.rows.filter((r) => r.page === p && r.line > last.line);
  let open = rowsAfter.length === 0;
  const node = tree && Object.values(tree.nodes).find((n) => n.src.line === f.where.line);
  if (!open && tree && node) {
    // rows of the parent's subtree, or rows the tree did not place, do not close it
    const inside = new Set<number>();
    const walk = (id: string) => {
      const n = tree.nodes[id];
      if (!n) return;
      inside.add(n.src.line);
      n.children.forEach(walk);
    };
    node.children.forEach(walk);
    const placed = new Set(Object.values(tree.nodes).map((n) => n.src.line));
    open = rowsAfter.every((r) => inside.has(r.line) || !placed.has(r.line));
  }
  if (!open) return null;
  const q = p + 1;
  const goesOn = table.rows.some((r) => r.page === q) || doc.lines.filter((l) => l.page === p && l.line > table.endLine && l.text.trim()).length <= 2;
  const why = goesOn ? lossOn(q, table, report, doc, ocrPages, low) : null;
  return why ? { page: q, why } : null;
}

/**
 * A row number that two consecutive numbered rows of the sum's table carry on an OCR page, within
 * the rows the sum spans, the row before them and the two after, or null.
 */
function repeatedRowNumber(f: Finding, report: LkipReport, ocrPages: Set<number | null>): { number: string; lines: number[] } | null {
  const table = report.tables.find((t) => t.id === f.where.table);
  if (!table) return null;
  const refs = [f.where, ...f.related].filter((r) => r.table === table.id || r.table === undefined);
  const lo = Math.min(...refs.map((r) => r.line));
  const hi = Math.max(...refs.map((r) => r.line));
  const rows = table.rows;
  const from = Math.max(0, rows.findIndex((r) => r.line >= lo) - 1);
  let to = rows.findIndex((r) => r.line > hi);
  to = to < 0 ? rows.length - 1 : to + 1; // the row after the sum's rows, and the one after it (a pair)
  let prev: TableRow | null = null;
  for (const r of rows.slice(from, to + 1)) {
    const n = (r.cells[0] ?? '').trim().replace(/\.$/, '');
    if (!/^(\d{1,2}(\.\d{1,2})*|[IVX]{1,4})$/.test(n)) continue;
    if (prev && (prev.cells[0] ?? '').trim().replace(/\.$/, '') === n && ocrPages.has(r.page) && ocrPages.has(prev.page)) return { number: n, lines: [prev.line, r.line] };
    prev = r;
  }
  return null;
}

/** Why rows of `table` may have been lost on OCR page `q`, or null (the page is not OCR or was read cleanly). */
function lossOn(q: number, table: LkipReport['tables'][number], report: LkipReport, doc: Document, ocrPages: Set<number | null>, low: number): string | null {
  if (!ocrPages.has(q)) return null;
  if (!table.rows.some((r) => r.page === q)) return 'tidak ada baris tabel ini yang terbaca di sana';
  const unreadable = report.unreadable.filter((u) => u.src.page === q && u.raw.trim());
  if (unreadable.length) return `angka tidak terbaca: "${unreadable[0]!.raw.slice(0, 30)}"`;
  const inTable = new Set(report.tables.flatMap((t) => t.rows.map((r) => r.line)));
  // the lines the table's rows there stand among (the prose after the table is not)
  const end = Math.max(...table.rows.filter((r) => r.page === q).map((r) => r.line));
  for (const l of doc.lines) {
    if (l.page !== q || l.line > end) continue;
    const lowCell = (l.cells ?? []).find((c) => c.confidence !== undefined && c.confidence < low && c.text.trim());
    if (lowCell) return `"${lowCell.text.slice(0, 30)}" dibaca dengan keyakinan ${Math.round(lowCell.confidence!)}`;
    if (!l.cells && l.confidence !== undefined && l.confidence < low && /\d/.test(l.text)) return `baris "${l.text.slice(0, 30)}" dibaca dengan keyakinan ${Math.round(l.confidence)}`;
    if (!inTable.has(l.line) && /\d{1,3}(\.\d{3}){2,}/.test(l.text)) return `baris "${l.text.slice(0, 30)}" di luar tabel`;
  }
  return null;
}

export interface ReviewOptions {
  /** Confidence below which a value needs a human look (default 80). */
  lowConfidence?: number;
}

/**
 * Mark the findings that rest on a value read with low OCR confidence or changed by repairReport,
 * and the error findings on OCR pages that rest on a value nothing confirms (neither a second
 * reading of its cell nor a relation of the report's arithmetic that holds; `PrintedValue.confirmed`):
 * `needsReview`, severity at most `warning`, and a note on the message saying which value and why.
 * A finding rests on a value when its location or one of its related locations is that value's
 * cell (same page, line and, when both say, column), or, for values the model does not hold, a
 * low-confidence cell or prose line of the document holding the reported text. Findings of
 * text/born-digital reports (no confidences, no repairs) come back unchanged.
 */
export function reviewOcrFindings<F extends Finding>(findings: F[], report: LkipReport, doc?: Document, opts: ReviewOptions = {}): F[] {
  const low = opts.lowConfidence ?? 80;
  const flagged = new Map<string, PrintedValue[]>();
  const ocrReport = report.format === 'ocr';
  // every OCR value by place, and the places (page|line|raw) where some copy of it is confirmed
  const ocrValues = new Map<string, PrintedValue[]>();
  const confirmedAt = new Set<string>();
  forEachValue(report, (v) => {
    if (!v || v.confidence === undefined) return;
    const k = `${v.src.page}|${v.src.line}`;
    ocrValues.set(k, [...(ocrValues.get(k) ?? []), v]);
    if (v.confirmed) confirmedAt.add(`${k}|${squash(v.raw)}`);
  });
  forEachValue(report, (v) => {
    // on an OCR report, a percentage of 1000% or more is a misreading far more often than a fact
    const implausible = ocrReport && v?.kind === 'percent' && v.value !== null && v.value >= 1000;
    if (!v || (!needsHumanLook(v, low) && !implausible)) return;
    const k = `${v.src.page}|${v.src.line}`;
    flagged.set(k, [...(flagged.get(k) ?? []), v]);
  });
  const lines = new Map((doc?.lines ?? []).map((l) => [l.line, l]));
  const docLow = (ref: SourceRef, reported: string) => {
    const l = lines.get(ref.line);
    if (!l) return null;
    const r = squash(reported);
    if (!r) return null;
    for (const c of l.cells ?? []) if (c.confidence !== undefined && c.confidence < low && squash(c.text).includes(r)) return `"${c.text}" (${Math.round(c.confidence)})`;
    if (!l.cells && l.confidence !== undefined && l.confidence < low && squash(l.text).includes(r)) return `"${reported}" (${Math.round(l.confidence)})`;
    return null;
  };
  // pages read by OCR (their lines carry confidences); a mixed PDF's text-layer pages are not among them
  const ocrPages = new Set((doc?.lines ?? []).filter((l) => l.confidence !== undefined || (l.cells ?? []).some((c) => c.confidence !== undefined)).map((l) => l.page));
  const ocr = ocrPages.size > 0 || (report.format === 'ocr' && !doc);
  if (!flagged.size && !ocr) return findings;
  return findings.map((f) => {
    const reasons: string[] = [];
    const refs: SourceRef[] = [f.where, ...f.related];
    refs.forEach((ref, i) => {
      for (const v of flagged.get(`${ref.page}|${ref.line}`) ?? []) {
        const sameCol = !ref.column || !v.src.column || ref.column === v.src.column;
        const sameText = i === 0 ? squash(v.raw) === squash(f.reported) : true;
        if (!sameCol && !sameText) continue;
        const why = isRepaired(v) ? v.note! : `OCR "${v.raw}" (${v.confidence !== undefined ? Math.round(v.confidence) : '?'})`;
        if (!reasons.includes(why)) reasons.push(why);
      }
    });
    const d = docLow(f.where, f.reported);
    if (d && !reasons.some((r) => r.includes(d))) reasons.push(`OCR ${d}`);
    // a difference that one plausible misreading of the OCR'd text explains is no evidence
    const onOcrPage = !doc ? ocr : [f.where, ...f.related].some((r) => ocrPages.has(r.page));
    if (onOcrPage) {
      const expected = formatExpected(f.expected, 'id');
      const m = explainedByMisreading(f.reported, expected);
      const back = m ? null : explainedByMisreading(expected, f.reported);
      if (m) reasons.push(`"${f.reported}" bisa jadi salah baca OCR dari "${m}"`);
      else if (back) reasons.push(`"${expected.split(' (')[0]}" bisa jadi salah baca OCR dari "${back}"`);
    }
    // an error on an OCR page stands only on values that a second reading or another relation of
    // the report's arithmetic confirms; otherwise it is a warning for a human look
    // …and not where a number of the same table could not be read at all: a sum or a comparison
    // may be missing exactly that member
    if (onOcrPage && f.severity === 'error' && !reasons.length && f.where.table) {
      const lost = report.unreadable.filter((u) => u.src.page === f.where.page && u.src.table === f.where.table && u.raw.trim());
      if (lost.length) reasons.push(`angka lain di tabel ini tidak terbaca (${lost.slice(0, 2).map((u) => `"${u.raw.slice(0, 30)}"`).join(', ')}${lost.length > 2 ? ', …' : ''})`);
    }
    // …nor a sum whose rows run on over a page break onto an OCR page where rows may have been lost:
    // the values it rests on may be confirmed while members it lacks were never read
    if (onOcrPage && f.severity === 'error' && !reasons.length && f.category === 'sum_mismatch' && doc) {
      const q = sumRunsOntoLossyPage(f, report, doc, ocrPages, low);
      if (q) reasons.push(`tabel ini berlanjut ke halaman ${q.page} hasil OCR (${q.why}): baris yang tidak terbaca di sana bisa jadi bagian dari jumlah ini`);
    }
    // …nor a sum over OCR rows where a row number stands twice in a row: a number of the row next
    // to it read into an unnumbered row moves rows from one parent to another
    if (onOcrPage && f.severity === 'error' && !reasons.length && f.category === 'sum_mismatch') {
      const twice = repeatedRowNumber(f, report, ocrPages);
      if (twice) reasons.push(`nomor baris "${twice.number}" terbaca dua kali berturut-turut (baris ${twice.lines.join(' dan ')}): susunan tabel tidak pasti`);
    }
    if (onOcrPage && f.severity === 'error' && !reasons.length) {
      const rested: PrintedValue[] = [];
      refs.forEach((ref, i) => {
        for (const v of ocrValues.get(`${ref.page}|${ref.line}`) ?? []) {
          const sameCol = !ref.column || !v.src.column || ref.column === v.src.column;
          const sameText = i === 0 ? squash(v.raw) === squash(f.reported) : true;
          if (sameCol || sameText) rested.push(v);
        }
      });
      const open = rested.filter((v) => !confirmedAt.has(`${v.src.page}|${v.src.line}|${squash(v.raw)}`));
      const named = [...new Set((open.length ? open.map((v) => v.raw) : rested.length ? [] : [f.reported.split(' (')[0]!]).filter((x) => x.trim()))];
      if (open.length || !rested.length) reasons.push(`${named.length ? named.map((x) => `"${x}"`).join(', ') : 'nilai hasil OCR'} tidak dikonfirmasi oleh bacaan kedua maupun hubungan hitungan lain`);
    }
    if (!reasons.length) return f;
    const note = reasons.join('; ');
    return {
      ...f,
      severity: f.severity === 'error' ? 'warning' : f.severity,
      needsReview: true,
      message: {
        id: `${f.message.id} [Perlu dicek: bergantung pada nilai hasil OCR yang berkeyakinan rendah, diperbaiki, atau belum dikonfirmasi — ${note}]`,
        en: `${f.message.en} [Needs a human look: rests on an OCR value read with low confidence, repaired, or not confirmed — ${note}]`,
      },
    };
  });
}
