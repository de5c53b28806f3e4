/**
 * The self-check page: drop a report, the worker audits it, the page shows the summary, the
 * findings and the report's pages with each finding's cell or sentence highlighted. Indonesian by
 * default, English on request (the ID | EN switch, `?lang=en`; remembered in localStorage): switching
 * re-renders the shown result without reading the file again. PDF pages are drawn only as they come
 * near the viewport (IntersectionObserver); files over the CLI's size limits are refused unread.
 * Plain DOM. Nothing leaves the computer: the only requests are to the page's own files.
 */
import workerSource from 'virtual:worker-source';
import type { DocLine } from '../model/document.js';
import type { Category, Finding, Severity } from '../model/finding.js';
import { DEFAULT_MAX_PDF_MB, DEFAULT_MAX_TEXT_MB } from '../model/limits.js';
import { formatExpected } from '../report/format.js';
import { COMPARES_TWO, WHERE, whereParts } from '../report/wording.js';
import { isLang, STRINGS, type FailReason, type Lang, type StaticKey, type Strings } from './labels.js';
import { indexLines, linesToPages, locate, place, type Place } from './locate.js';
import type { AuditRequest, PageRequest, WorkerMessage } from './protocol.js';

type Result = Extract<WorkerMessage, { type: 'result' }>;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

const drop = $<HTMLElement>('drop');
const input = $<HTMLInputElement>('file');
const statusBox = $<HTMLElement>('status');
const statusText = $<HTMLElement>('status-text');
const bar = $<HTMLProgressElement>('bar');
const notice = $<HTMLElement>('notice');
const result = $<HTMLElement>('result');
const summary = $<HTMLElement>('summary');
const list = $<HTMLOListElement>('findings');
const listPane = $<HTMLElement>('findings-pane');
const pagesBox = $<HTMLElement>('pages');
const exportBtn = $<HTMLButtonElement>('export');
const excelBtn = $<HTMLButtonElement>('export-excel');
const screen = $<HTMLElement>('screen');
const showInfo = $<HTMLInputElement>('show-info');
const langSwitch = $<HTMLElement>('lang');

type State = 'idle' | 'working' | 'audited' | 'done' | 'failed' | 'refused';
const setState = (s: State) => (document.body.dataset.state = s);

// ---------------------------------------------------------------------------------------------
// Language

const LANG_KEY = 'lkip-audit.lang';

function initialLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isLang(asked)) return asked;
  try {
    const kept = localStorage.getItem(LANG_KEY);
    if (isLang(kept)) return kept;
  } catch {
    // storage refused (privacy settings, some file:// pages): Indonesian
  }
  return 'id';
}

let lang: Lang = initialLang();
let T: Strings = STRINGS[lang];

/** index.html's texts: `data-i18n="key"` sets the text, `data-i18n-label="key"` the aria-label. */
function applyStatic() {
  document.documentElement.lang = lang;
  document.title = T.static.title;
  for (const e of document.querySelectorAll<HTMLElement>('[data-i18n]')) e.textContent = T.static[e.dataset.i18n as StaticKey] ?? e.textContent;
  for (const e of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) e.setAttribute('aria-label', T.static[e.dataset.i18nLabel as StaticKey] ?? '');
  for (const b of langSwitch.querySelectorAll<HTMLButtonElement>('button[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
}

function setLang(next: Lang) {
  if (next === lang) return;
  lang = next;
  T = STRINGS[next];
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch {
    // not remembered; the switch still works
  }
  try {
    const u = new URL(location.href);
    if (u.searchParams.has('lang')) {
      u.searchParams.set('lang', next);
      history.replaceState(history.state, '', u);
    }
  } catch {
    // some file:// pages refuse replaceState
  }
  applyStatic();
  if (statusMsg) statusText.textContent = statusMsg(T);
  if (current) renderResult(current);
}

// ---------------------------------------------------------------------------------------------
// Worker and progress

let worker: Worker | null = null;
let current: Result | null = null;
let places: (Place | null)[] = [];
let active: number | null = null;
/** The status line, as a function of the language (re-rendered when the language changes). */
let statusMsg: ((t: Strings) => string) | null = null;
/** Ticks the "getting ready to read page images" line while the OCR engine starts (no page done yet). */
let ticker: ReturnType<typeof setInterval> | null = null;
/** The clerk asked to see the results of a file that is not an LKIP. */
let showAnyway = false;
const objectUrls: string[] = [];

function startWorker(): Worker {
  // From a Blob URL: works from http:// and from a folder (file://), where `new Worker(url)` is refused.
  const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const w = new Worker(url);
  w.onmessage = (e: MessageEvent<WorkerMessage>) => onMessage(e.data);
  w.onerror = () => showError('internal');
  return w;
}

const send = (m: PageRequest, transfer: Transferable[] = []) => worker?.postMessage(m, transfer);

function stopTicker() {
  if (ticker) clearInterval(ticker);
  ticker = null;
}

function progress(msg: (t: Strings) => string, value?: number, max?: number) {
  stopTicker();
  statusBox.hidden = false;
  statusBox.classList.remove('refused');
  statusMsg = msg;
  statusText.textContent = msg(T);
  if (value !== undefined && max) {
    bar.max = max;
    bar.value = value;
  } else bar.removeAttribute('value');
}

/** The worker itself failed (not the file): the error screen, nothing else. */
/** The OCR engine is starting and no page is read yet: an animated bar and a ticking seconds count. */
function ocrStarting(pages: number) {
  const t0 = Date.now();
  const secs = () => Math.round((Date.now() - t0) / 1000);
  progress((t) => t.ocrPrepare(pages, secs()));
  ticker = setInterval(() => {
    if (statusMsg) statusText.textContent = statusMsg(T);
  }, 1000);
}

function showError(reason: FailReason) {
  stopTicker();
  setState('failed');
  statusBox.hidden = true;
  statusMsg = null;
  result.hidden = true;
  failed = { reason, message: { id: STRINGS.id.workerError, en: STRINGS.en.workerError } };
  renderScreen();
}

/** The file that could not be checked (shown alone, in the chosen language). */
let failed: { reason: FailReason | string; message: { id: string; en: string } } | null = null;

/**
 * The screens that replace the result: a file that could not be checked (the reason and what to
 * do, nothing else: no counts, no CSV, no empty page panel), or a file that is not an LKIP (what
 * it is and what to upload instead; its results on request).
 */
function renderScreen() {
  screen.replaceChildren();
  delete screen.dataset.kind;
  delete screen.dataset.reason;
  delete screen.dataset.documentKind;
  const kind = current?.documentKind;
  if (failed) {
    screen.dataset.kind = 'failed';
    screen.dataset.reason = failed.reason;
    const advice = T.failAdvice[failed.reason as FailReason] ?? T.failAdvice.internal;
    const todo = el('p', 'todo');
    todo.append(el('strong', '', T.failTodo), document.createTextNode(advice));
    screen.append(el('h2', '', T.failTitle), el('p', 'why', failed.message[lang]), todo);
  } else if (current && notLkip(current) && kind?.name) {
    screen.dataset.kind = 'not-lkip';
    screen.dataset.documentKind = kind.kind ?? '';
    const todo = el('p', 'todo', T.notLkipTodo);
    const show = el('button', 'show-anyway', T.notLkipShow);
    show.type = 'button';
    show.setAttribute('aria-expanded', String(showAnyway));
    show.addEventListener('click', () => {
      showAnyway = !showAnyway;
      renderScreen();
      result.hidden = !showAnyway;
    });
    screen.append(el('h2', '', T.notLkipTitle), el('p', 'why', T.notLkipWhat(kind.title ?? '', kind.name[lang])), todo, show);
  }
  screen.hidden = !screen.dataset.kind;
}

/** The file is another kind of document (SK IKU, Renstra, ...) and the audit said so. */
const notLkip = (r: Result) => !!r.documentKind?.kind && r.documentKind.kind !== 'lkip' && r.findings.some((f) => f.ruleId === 'structure-missing');

function reset() {
  observer?.disconnect();
  observer = null;
  waiters.clear();
  for (const u of objectUrls.splice(0)) URL.revokeObjectURL(u);
  stopTicker();
  current = null;
  failed = null;
  showAnyway = false;
  screen.hidden = true;
  screen.replaceChildren();
  places = [];
  active = null;
  statusMsg = null;
  statusBox.classList.remove('refused');
  delete statusBox.dataset.reason;
  list.replaceChildren();
  pagesBox.replaceChildren();
  summary.replaceChildren();
  notice.hidden = true;
  result.hidden = true;
  bar.hidden = false;
}

/** The CLI's limits (src/cli/audit-file.ts, --max-pdf-mb / --max-text-mb defaults): PDFs by extension, everything else as text. */
function sizeLimit(name: string): { kind: 'pdf' | 'text'; bytes: number } {
  return /\.pdf$/i.test(name) ? { kind: 'pdf', bytes: DEFAULT_MAX_PDF_MB * 1024 * 1024 } : { kind: 'text', bytes: DEFAULT_MAX_TEXT_MB * 1024 * 1024 };
}

async function auditFile(file: File) {
  reset();
  // A fresh worker per file: a previous long audit is abandoned, memory is returned.
  worker?.terminate();
  worker = null;
  const limit = sizeLimit(file.name);
  if (file.size > limit.bytes) {
    // Refused before reading a byte: a file this large is not a report, and would stall the browser.
    setState('refused');
    statusBox.hidden = false;
    statusBox.classList.add('refused');
    statusBox.dataset.reason = 'too-large';
    bar.hidden = true;
    statusMsg = (t) => `${t.tooLarge(file.name, file.size, limit.bytes, limit.kind)} ${t.failAdvice['too-large']}`;
    statusText.textContent = statusMsg(T);
    return;
  }
  setState('working');
  progress((t) => t.reading(file.name));
  worker = startWorker();
  const bytes = await file.arrayBuffer();
  const req: AuditRequest = { type: 'audit', name: file.name, bytes, base: new URL('./', location.href).href };
  send(req, [bytes]);
}

function onMessage(m: WorkerMessage) {
  switch (m.type) {
    case 'progress': {
      const { page, pages } = m;
      if (m.stage === 'parse' && page && pages) progress((t) => t.parsePage(page, pages), page, pages);
      else if (m.stage === 'ocr' && pages && page) progress((t) => t.ocrPage(page, pages), page, pages);
      else if (m.stage === 'ocr' && pages) ocrStarting(pages);
      else if (m.stage === 'audit') progress((t) => t.auditing);
      else progress((t) => t.readingFile);
      break;
    }
    case 'result':
      showResult(m);
      break;
    case 'done':
      stopTicker();
      statusBox.hidden = true;
      statusMsg = null;
      setState(failed ? 'failed' : 'done');
      break;
    case 'page':
      showPageImage(m.page, m.image);
      break;
    case 'page-error':
      pageFailed(m.page, m.message);
      break;
    case 'error':
      showError('internal');
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// Summary and findings (re-rendered when the language changes)

function tally(findings: readonly Finding[]) {
  const bySev: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byCat = new Map<Category, Record<Severity, number>>();
  for (const f of findings) {
    bySev[f.severity]++;
    const c = byCat.get(f.category) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity]++;
    byCat.set(f.category, c);
  }
  return { bySev, byCat };
}

function renderSummary(r: Result) {
  const { bySev, byCat } = tally(r.findings);
  summary.replaceChildren(el('h2', '', T.summaryTitle(r.name)));
  const counts = el('div', 'counts');
  for (const s of ['error', 'warning', 'info'] as const) {
    const c = el('span', `count ${s}`, T.count(s, bySev[s]));
    c.dataset.severity = s;
    c.dataset.count = String(bySev[s]);
    counts.append(c);
  }
  summary.append(counts);
  if (byCat.size) {
    const table = el('table');
    const head = el('tr');
    for (const h of T.tableHead) head.append(el('th', '', h));
    table.append(el('thead'), el('tbody'));
    table.tHead!.append(head);
    for (const [cat, n] of [...byCat].sort((a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning)) {
      const tr = el('tr');
      tr.dataset.category = cat;
      tr.append(el('td', '', T.category[cat]?.label ?? cat), el('td', 'n', String(n.error)), el('td', 'n', String(n.warning)), el('td', 'n', String(n.info)));
      table.tBodies[0]!.append(tr);
    }
    summary.append(table);
  } else summary.append(el('p', '', T.noProblems));
  summary.append(el('p', 'meta', T.meta({ format: r.format, pages: r.pages?.length ?? 0, imagePages: r.ocr.done ? r.ocr.read.length : 0, ms: r.ms })));
}

/** Page, table, row and column as printed in the report; never the tool's own line count. */
function whereText(f: Finding, p: Place | null): string {
  return whereParts(f.where, lang, p?.page ?? f.where.page).join(' · ') || WHERE[lang].whole;
}

/** The bracketed reasons repair adds to a finding that rests on a doubtful OCR value (src/parse/repair.ts). */
const REVIEW_NOTE = /\s*\[(Perlu dicek|Needs a human look):[^\]]*\]\s*$/;

/** Categories whose `expected` is a recomputation from the report's own numbers. */
const RECOMPUTED: ReadonlySet<Category> = new Set<Category>(['sum_mismatch', 'percentage_mismatch', 'capaian_mismatch', 'average_mismatch', 'count_claim_mismatch', 'narrative_number_mismatch', 'terbilang_mismatch']);

/** The shown result's lines by line number. */
let lineIndex: Map<number, DocLine> = new Map();

/** A rule's text as the page shows it: the tool's line numbers become the pages they are on. */
const shown = (s: string) => (current && current.format !== 'text' ? linesToPages(s, lineIndex, lang) : s);

/** A related place (the other document of a drift, ...) with its page as found. */
function relatedText(r: Finding['related'][number]): string {
  const p = current ? place(r, lineIndex) : null;
  return whereParts(r, lang, p?.page ?? r.page).join(' · ');
}

function renderFinding(f: Finding, i: number, p: Place | null, docs: Result['ruleDocs']): HTMLLIElement {
  const li = el('li', `finding sev-${f.severity}`);
  li.dataset.index = String(i);
  li.dataset.rule = f.ruleId;
  li.dataset.category = f.category;
  if (p?.page) li.dataset.page = String(p.page);
  if (p) li.dataset.line = String(p.line);
  if (p?.cell !== null && p?.cell !== undefined) li.dataset.cell = String(p.cell);
  const head = el('div', 'head');
  head.append(el('span', 'sev', T.severity[f.severity]), el('span', 'kind', T.category[f.category]?.label ?? f.category), el('span', 'where', whereText(f, p)));
  // A finding resting on a value read from a page image carries the reasons in brackets (for the
  // reviewer, in the CSV); the clerk gets one plain sentence instead.
  const review = f.needsReview ? REVIEW_NOTE.exec(f.message[lang]) : null;
  li.append(head, el('p', 'msg', shown(review ? f.message[lang].slice(0, review.index) : f.message[lang])));
  if (review) li.append(el('p', 'review', T.needsReview));
  const dl = el('dl');
  const row = (k: string, v: string, cls: string) => {
    if (v) dl.append(el('dt', '', k), el('dd', cls, v));
  };
  const two = COMPARES_TWO.has(f.category);
  const expected = formatExpected(f.expected, lang);
  if (two) {
    // The tool knows the two places differ, not which one is right: both values, both places.
    row(T.here, [shown(f.reported), whereText(f, p)].filter(Boolean).join(' — '), 'reported');
    const others = f.related.filter((r) => r.line !== f.where.line || r.file !== f.where.file);
    for (const r of others.slice(0, 6)) row(T.elsewhere, [shown(r.note || expected), relatedText(r)].filter(Boolean).join(' — '), 'elsewhere');
    if (!others.length) row(T.elsewhere, shown(expected), 'elsewhere');
  } else if (f.category !== 'structure_missing') {
    // the message says what is missing; "printed / recomputed" fits only the values
    row(T.reported, shown(f.reported), 'reported');
    row(RECOMPUTED.has(f.category) ? T.recomputed : T.expected, shown(expected), 'expected');
  }
  li.append(dl);
  const check = el('p', 'check');
  check.append(el('strong', '', two ? T.whichIsRight : T.toCheck), document.createTextNode(T.category[f.category]?.check ?? ''));
  li.append(check);
  const doc = docs[f.ruleId];
  if (doc) {
    const d = el('details');
    d.append(el('summary', '', T.why), el('p', '', doc[lang]));
    li.append(d);
  }
  if (!p) li.append(el('p', 'where', T.noPlace));
  li.tabIndex = 0;
  li.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('summary')) return;
    void select(i, 'list');
  });
  li.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      void select(i, 'list');
    }
  });
  return li;
}

function renderList(r: Result) {
  // Shown in reading order (document-level findings first, then by page and line); data-index stays
  // the finding's row in the CSV.
  const order = r.findings.map((_, i) => i);
  const key = (i: number) => {
    const p = places[i];
    return p ? [1, p.page ?? 0, p.line] : [0, 0, 0];
  };
  order.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]! || a - b;
  });
  const scroll = listPane.scrollTop;
  list.replaceChildren(...order.map((i) => renderFinding(r.findings[i]!, i, places[i] ?? null, r.ruleDocs)));
  listPane.scrollTop = scroll;
  if (active !== null) list.querySelector(`.finding[data-index="${active}"]`)?.classList.add('active');
}

/** Scanned pages: announced only when their image was actually read (a blank page is not a scan). */
function renderNotice(r: Result) {
  const pages = r.ocr.done ? r.ocr.read : r.ocr.pages;
  notice.hidden = !pages.length;
  if (!pages.length) return;
  notice.textContent = r.ocr.done ? T.ocrDone(pages) : T.ocrFailed(pages);
}

/** The texts drawn over the pages: page labels, image descriptions, highlight tooltips. */
function labelPages(r: Result) {
  for (const page of pagesBox.querySelectorAll<HTMLElement>('.page')) {
    const n = Number(page.dataset.page);
    page.querySelector('.pno')!.textContent = T.pageLabel(n);
    const img = page.querySelector('img');
    if (img) img.alt = T.pageLabel(n);
  }
  for (const hl of pagesBox.querySelectorAll<HTMLElement>('.hl[data-index]')) hl.title = shown(r.findings[Number(hl.dataset.index)]?.message[lang] ?? '');
  for (const hl of pagesBox.querySelectorAll<HTMLElement>('.hl.related')) hl.title = hl.dataset.note || T.related;
}

/** Everything that depends on the language; the page images and the selection stay. */
function renderResult(r: Result) {
  renderScreen();
  if (failed) return;
  renderSummary(r);
  renderList(r);
  renderNotice(r);
  labelPages(r);
}

// ---------------------------------------------------------------------------------------------
// Pages: placeholders of the right size at once, images drawn as they come near the viewport

const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(4)}%`;
let observer: IntersectionObserver | null = null;
/** Callbacks waiting for a page to be drawn (a finding on it was clicked). */
const waiters = new Map<number, (() => void)[]>();
const pageEl = (n: number) => pagesBox.querySelector<HTMLElement>(`.page[data-page="${n}"]`);

function buildPages(r: Result) {
  if (r.format !== 'text' && r.pages) {
    r.pages.forEach((size, k) => {
      const n = k + 1;
      const page = el('div', 'page');
      page.dataset.page = String(n);
      page.style.aspectRatio = `${size.width} / ${size.height}`;
      page.append(el('span', 'pno'));
      pagesBox.append(page);
    });
    places.forEach((p, i) => {
      if (!p?.page || !p.box) return;
      const size = r.pages![p.page - 1];
      const page = pageEl(p.page);
      if (!size || !page) return;
      const pad = 1.5;
      const hl = el('div', `hl sev-${r.findings[i]!.severity}`);
      hl.dataset.index = String(i);
      hl.style.left = pct(p.box.x - pad, size.width);
      hl.style.top = pct(p.box.y - pad, size.height);
      hl.style.width = pct(p.box.w + 2 * pad, size.width);
      hl.style.height = pct(p.box.h + 2 * pad, size.height);
      hl.addEventListener('click', () => void select(i, 'page'));
      page.append(hl);
    });
    // Half a screen above and below counts as near: the next page is usually ready when scrolled to.
    observer = new IntersectionObserver(onNear, { rootMargin: '50% 0px' });
    for (const page of pagesBox.querySelectorAll<HTMLElement>('.page')) observer.observe(page);
  } else {
    const flagged = new Set(places.filter((p): p is Place => !!p).map((p) => p.line));
    const box = el('div', 'textdoc');
    for (const l of r.lines as DocLine[]) {
      const d = el('div', `tline${flagged.has(l.line) ? ' flag' : ''}`);
      d.dataset.line = String(l.line);
      d.append(document.createTextNode(l.text.replace(/\t/g, ' │ ')));
      box.append(d);
    }
    pagesBox.append(box);
  }
}

function onNear(entries: IntersectionObserverEntry[]) {
  for (const e of entries) {
    const page = e.target as HTMLElement;
    const n = Number(page.dataset.page);
    if (e.isIntersecting) askPage(n);
    else if (page.dataset.rendered === 'pending' && !waiters.has(n)) {
      // Scrolled past before its turn: not drawn now, asked again when it comes back.
      delete page.dataset.rendered;
      send({ type: 'cancel', page: n });
    }
  }
}

function askPage(n: number, first = false) {
  const page = pageEl(n);
  if (!page || page.dataset.rendered === 'true' || page.dataset.rendered === 'failed') return;
  if (page.dataset.rendered === 'pending' && !first) return;
  page.dataset.rendered = 'pending';
  send({ type: 'render', page: n, first });
}

/** Resolves once page n is drawn (or could not be): asks for it first in line when it is not. */
function pageReady(n: number): Promise<void> {
  const page = pageEl(n);
  if (!page || page.dataset.rendered === 'true' || page.dataset.rendered === 'failed') return Promise.resolve();
  return new Promise((resolve) => {
    waiters.set(n, [...(waiters.get(n) ?? []), resolve]);
    askPage(n, true);
  });
}

function pageSettled(n: number) {
  const w = waiters.get(n);
  waiters.delete(n);
  for (const f of w ?? []) f();
}

function showPageImage(n: number, image: Blob) {
  const page = pageEl(n);
  if (!page || page.dataset.rendered === 'true') return; // drawn twice (asked again while being drawn)
  const url = URL.createObjectURL(image);
  objectUrls.push(url);
  const img = el('img');
  img.alt = T.pageLabel(n);
  img.src = url;
  page.prepend(img);
  page.dataset.rendered = 'true';
  observer?.unobserve(page);
  pageSettled(n);
}

function pageFailed(n: number, message: string) {
  const page = pageEl(n);
  if (page) {
    page.dataset.rendered = 'failed';
    page.title = message;
    observer?.unobserve(page);
  }
  pageSettled(n);
}

/** The other places a finding involves (components of a sum, the other tables of a drift), outlined while it is selected. */
function showRelated(i: number) {
  for (const e of pagesBox.querySelectorAll('.hl.related')) e.remove();
  for (const e of pagesBox.querySelectorAll('.tline.related')) e.classList.remove('related');
  const f = current?.findings[i];
  if (!f || !current) return;
  const lines = lineIndex;
  for (const r of f.related) {
    if (r.file !== f.where.file || !r.line || r.line === f.where.line) continue;
    // the related value's own cell when parse named it (`col`), else its whole line
    const at = place(r, lines);
    if (!at) continue;
    if (current.format === 'text') {
      pagesBox.querySelector(`.tline[data-line="${r.line}"]`)?.classList.add('related');
      continue;
    }
    const size = at.page ? current.pages?.[at.page - 1] : undefined;
    const page = at.page ? pageEl(at.page) : null;
    if (!at.box || !size || !page) continue;
    const hl = el('div', 'hl related');
    if (r.note) hl.dataset.note = r.note;
    hl.title = r.note ?? T.related;
    hl.style.left = pct(at.box.x - 1, size.width);
    hl.style.top = pct(at.box.y - 1, size.height);
    hl.style.width = pct(at.box.w + 2, size.width);
    hl.style.height = pct(at.box.h + 2, size.height);
    page.append(hl);
  }
}

/** Select finding i: mark it in the list, draw its page if it is not yet, then highlight it and scroll to it. */
async function select(i: number, from: 'list' | 'page') {
  const r = current;
  if (!r) return;
  active = i;
  for (const e of document.querySelectorAll('.active')) e.classList.remove('active');
  showRelated(i);
  const li = list.querySelector<HTMLElement>(`.finding[data-index="${i}"]`);
  li?.classList.add('active');
  const p = places[i];
  let target: HTMLElement | null = null;
  if (p && r.format !== 'text') {
    if (p.page) await pageReady(p.page);
    if (current !== r || active !== i) return; // another file, or another finding clicked meanwhile
    target = pagesBox.querySelector<HTMLElement>(`.hl[data-index="${i}"]`);
  } else if (p) target = pagesBox.querySelector<HTMLElement>(`.tline[data-line="${p.line}"]`);
  target?.classList.add('active');
  if (from === 'list') target?.scrollIntoView({ block: 'center' });
  else li?.scrollIntoView({ block: 'nearest' });
}

function showResult(r: Result) {
  stopTicker();
  statusBox.hidden = true;
  current = r;
  const input = r.findings.find((f) => f.ruleId === 'input-error');
  if (input) {
    // Nothing could be read: the error and what to do, and nothing else.
    failed = { reason: input.reported, message: input.message };
    renderScreen();
    setState('failed');
    return;
  }
  const lines = indexLines(r.lines);
  lineIndex = lines;
  places = r.findings.map((f) => locate(f, lines));
  buildPages(r);
  renderResult(r);
  result.hidden = notLkip(r) && !showAnyway;
  setState('audited');
}

// ---------------------------------------------------------------------------------------------
// Controls

function download(text: string, suffix: string) {
  if (!current) return;
  const a = el('a');
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  a.href = url;
  a.download = `${current.name.replace(/\.[^.]+$/, '')}-${suffix}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// The CLI's CSV in the page's language: `lkip-audit audit FILE --lang id|en`, byte for byte.
exportBtn.addEventListener('click', () => current && download(current.csv[lang], T.csvSuffix));
// For Excel: `lkip-audit audit FILE --excel --lang id|en` (`;` separated, BOM, CRLF), byte for byte.
excelBtn.addEventListener('click', () => current && download(current.excel[lang], `${T.csvSuffix}-excel`));

showInfo.addEventListener('change', () => list.classList.toggle('hide-info', !showInfo.checked));

langSwitch.addEventListener('click', (e) => {
  const l = (e.target as HTMLElement).closest<HTMLElement>('button[data-lang]')?.dataset.lang;
  if (isLang(l)) setLang(l);
});

input.addEventListener('change', () => {
  const f = input.files?.[0];
  if (f) void auditFile(f);
  input.value = '';
});

// Dropping anywhere must not make the browser open the PDF instead.
for (const t of ['dragover', 'drop'] as const) window.addEventListener(t, (e) => e.preventDefault());
drop.addEventListener('dragenter', () => drop.classList.add('over'));
drop.addEventListener('dragover', () => drop.classList.add('over'));
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  drop.classList.remove('over');
  const f = e.dataTransfer?.files?.[0];
  if (f) void auditFile(f);
});

applyStatic();
