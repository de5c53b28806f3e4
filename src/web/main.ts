/**
 * The self-check page: drop a report, the worker audits it, the page shows the summary, the
 * findings (Indonesian) and the report's pages with each finding's cell or sentence highlighted.
 * Plain DOM. Nothing leaves the computer: the only requests are to the page's own files.
 */
import workerSource from 'virtual:worker-source';
import type { DocLine } from '../model/document.js';
import type { Category, Finding, Severity } from '../model/finding.js';
import { CATEGORY, SEVERITY } from './labels.js';
import { indexLines, locate, type Place } from './locate.js';
import type { AuditRequest, WorkerMessage } from './protocol.js';

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
const pagesBox = $<HTMLElement>('pages');
const exportBtn = $<HTMLButtonElement>('export');
const showInfo = $<HTMLInputElement>('show-info');

const setState = (s: 'idle' | 'working' | 'audited' | 'done' | 'failed') => (document.body.dataset.state = s);

let worker: Worker | null = null;
let current: Result | null = null;
let places: (Place | null)[] = [];
const objectUrls: string[] = [];

function startWorker(): Worker {
  // From a Blob URL: works from http:// and from a folder (file://), where `new Worker(url)` is refused.
  const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const w = new Worker(url);
  w.onmessage = (e: MessageEvent<WorkerMessage>) => onMessage(e.data);
  w.onerror = (e) => showError(e.message || 'galat pada pekerja');
  return w;
}

function progress(text: string, value?: number, max?: number) {
  statusBox.hidden = false;
  statusText.textContent = text;
  if (value !== undefined && max) {
    bar.max = max;
    bar.value = value;
  } else bar.removeAttribute('value');
}

function showError(message: string) {
  setState('failed');
  statusBox.hidden = false;
  statusText.textContent = `Gagal: ${message}`;
  bar.hidden = true;
}

function reset() {
  for (const u of objectUrls.splice(0)) URL.revokeObjectURL(u);
  current = null;
  places = [];
  list.replaceChildren();
  pagesBox.replaceChildren();
  summary.replaceChildren();
  notice.hidden = true;
  result.hidden = true;
  bar.hidden = false;
}

async function auditFile(file: File) {
  reset();
  setState('working');
  progress(`Membaca ${file.name} …`);
  // A fresh worker per file: a previous long audit is abandoned, memory is returned.
  worker?.terminate();
  worker = startWorker();
  const bytes = await file.arrayBuffer();
  const req: AuditRequest = { type: 'audit', name: file.name, bytes, base: new URL('./', location.href).href };
  worker.postMessage(req, [bytes]);
}

function onMessage(m: WorkerMessage) {
  switch (m.type) {
    case 'progress':
      if (m.stage === 'parse' && m.page && m.pages) progress(`Membaca halaman ${m.page} dari ${m.pages} …`, m.page, m.pages);
      else if (m.stage === 'ocr' && m.pages) progress(m.page ? `Membaca hasil pindaian (OCR): halaman ${m.page} dari ${m.pages} …` : `Menyiapkan OCR untuk ${m.pages} halaman hasil pindaian …`, m.page ?? 0, m.pages);
      else if (m.stage === 'render' && m.page && m.pages) progress(`Menampilkan halaman ${m.page} dari ${m.pages} …`, m.page, m.pages);
      else if (m.stage === 'audit') progress('Memeriksa konsistensi …');
      else progress('Membaca berkas …');
      break;
    case 'result':
      showResult(m);
      break;
    case 'page':
      showPageImage(m.page, m.image);
      break;
    case 'done':
      statusBox.hidden = true;
      setState('done');
      break;
    case 'error':
      showError(m.message);
      break;
  }
}

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
  summary.append(el('h2', '', `Ringkasan: ${r.name}`));
  const unreadable = r.findings.find((f) => f.ruleId === 'input-error');
  if (unreadable) {
    const p = el('p', 'input-error', `Berkas tidak dapat diperiksa: ${unreadable.message.id}`);
    p.dataset.reason = unreadable.reported;
    summary.append(p);
  }
  const counts = el('div', 'counts');
  for (const s of ['error', 'warning', 'info'] as const) {
    const c = el('span', `count ${s}`, `${bySev[s]} ${SEVERITY[s].toLowerCase()}`);
    c.dataset.severity = s;
    c.dataset.count = String(bySev[s]);
    counts.append(c);
  }
  summary.append(counts);
  if (byCat.size) {
    const table = el('table');
    const head = el('tr');
    for (const h of ['Jenis masalah', 'Galat', 'Peringatan', 'Info']) head.append(el('th', '', h));
    table.append(el('thead'), el('tbody'));
    table.tHead!.append(head);
    for (const [cat, n] of [...byCat].sort((a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning)) {
      const tr = el('tr');
      tr.dataset.category = cat;
      tr.append(el('td', '', CATEGORY[cat].label), el('td', 'n', String(n.error)), el('td', 'n', String(n.warning)), el('td', 'n', String(n.info)));
      table.tBodies[0]!.append(tr);
    }
    summary.append(table);
  } else summary.append(el('p', '', 'Tidak ada masalah yang ditemukan.'));
  summary.append(el('p', 'meta', `${r.format === 'text' ? 'ekspor teks' : `PDF, ${r.pages?.length ?? 0} halaman${r.ocr.done ? `, ${r.ocr.pages.length} dibaca dengan OCR` : ''}`} · diperiksa dalam ${(r.ms / 1000).toFixed(1)} detik`));
}

function whereText(f: Finding, p: Place | null): string {
  const parts: string[] = [];
  const page = p?.page ?? f.where.page;
  if (page) parts.push(`hal. ${page}`);
  if (f.where.line) parts.push(`baris ${f.where.line}`);
  if (f.where.table) parts.push(f.where.table);
  if (f.where.row) parts.push(`baris "${f.where.row}"`);
  if (f.where.column) parts.push(`kolom "${f.where.column}"`);
  return parts.join(' · ') || 'seluruh dokumen';
}

function renderFinding(f: Finding, i: number, p: Place | null, docs: Record<string, string>): HTMLLIElement {
  const li = el('li', `finding sev-${f.severity}`);
  li.dataset.index = String(i);
  li.dataset.rule = f.ruleId;
  li.dataset.category = f.category;
  if (p?.page) li.dataset.page = String(p.page);
  if (p) li.dataset.line = String(p.line);
  if (p?.cell !== null && p?.cell !== undefined) li.dataset.cell = String(p.cell);
  const head = el('div', 'head');
  head.append(el('span', 'sev', SEVERITY[f.severity]), el('span', 'kind', CATEGORY[f.category]?.label ?? f.category), el('span', 'where', whereText(f, p)));
  li.append(head, el('p', 'msg', f.message.id));
  const dl = el('dl');
  const row = (k: string, v: string, cls: string) => {
    if (v) dl.append(el('dt', '', k), el('dd', cls, v));
  };
  row('Tertulis', f.reported, 'reported');
  row('Seharusnya', f.expected, 'expected');
  row('Toleransi', f.tolerance, 'tolerance');
  li.append(dl);
  const check = el('p', 'check');
  check.append(el('strong', '', 'Yang perlu diperiksa: '), document.createTextNode(CATEGORY[f.category]?.check ?? ''));
  li.append(check);
  const doc = docs[f.ruleId];
  if (doc) {
    const d = el('details');
    d.append(el('summary', '', 'Mengapa ini diperiksa'), el('p', '', doc));
    li.append(d);
  }
  if (!p) li.append(el('p', 'where', 'Temuan ini tidak menunjuk satu tempat di halaman.'));
  li.tabIndex = 0;
  li.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('summary')) return;
    select(i, 'list');
  });
  li.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select(i, 'list');
    }
  });
  return li;
}

const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(4)}%`;

function renderPages(r: Result) {
  if (r.format !== 'text' && r.pages) {
    r.pages.forEach((size, k) => {
      const n = k + 1;
      const page = el('div', 'page');
      page.dataset.page = String(n);
      page.style.aspectRatio = `${size.width} / ${size.height}`;
      page.append(el('span', 'pno', `Halaman ${n}`));
      pagesBox.append(page);
    });
    places.forEach((p, i) => {
      if (!p?.page || !p.box) return;
      const size = r.pages![p.page - 1];
      const page = pagesBox.querySelector<HTMLElement>(`.page[data-page="${p.page}"]`);
      if (!size || !page) return;
      const pad = 1.5;
      const hl = el('div', `hl sev-${r.findings[i]!.severity}`);
      hl.dataset.index = String(i);
      hl.style.left = pct(p.box.x - pad, size.width);
      hl.style.top = pct(p.box.y - pad, size.height);
      hl.style.width = pct(p.box.w + 2 * pad, size.width);
      hl.style.height = pct(p.box.h + 2 * pad, size.height);
      hl.title = r.findings[i]!.message.id;
      hl.addEventListener('click', () => select(i, 'page'));
      page.append(hl);
    });
  } else {
    const flagged = new Set(places.filter((p): p is Place => !!p).map((p) => p.line));
    const box = el('div', 'textdoc');
    for (const l of r.lines as DocLine[]) {
      const d = el('div', `tline${flagged.has(l.line) ? ' flag' : ''}`);
      d.dataset.line = String(l.line);
      d.append(el('span', 'ln', String(l.line)), document.createTextNode(l.text.replace(/\t/g, ' │ ')));
      box.append(d);
    }
    pagesBox.append(box);
  }
}

function showPageImage(n: number, image: Blob) {
  const page = pagesBox.querySelector<HTMLElement>(`.page[data-page="${n}"]`);
  if (!page) return;
  const url = URL.createObjectURL(image);
  objectUrls.push(url);
  const img = el('img');
  img.alt = `Halaman ${n}`;
  img.src = url;
  page.prepend(img);
  page.dataset.rendered = 'true';
}

/** The other places a finding involves (components of a sum, the other tables of a drift), outlined while it is selected. */
function showRelated(i: number) {
  for (const e of pagesBox.querySelectorAll('.hl.related')) e.remove();
  for (const e of pagesBox.querySelectorAll('.tline.related')) e.classList.remove('related');
  const f = current?.findings[i];
  if (!f || !current) return;
  const lines = indexLines(current.lines);
  for (const r of f.related) {
    if (r.file !== f.where.file || !r.line || r.line === f.where.line) continue;
    const line = lines.get(r.line);
    if (!line) continue;
    if (current.format === 'text') {
      pagesBox.querySelector(`.tline[data-line="${r.line}"]`)?.classList.add('related');
      continue;
    }
    const size = line.page ? current.pages?.[line.page - 1] : undefined;
    const page = pagesBox.querySelector<HTMLElement>(`.page[data-page="${line.page}"]`);
    if (!line.box || !size || !page) continue;
    const hl = el('div', 'hl related');
    hl.title = r.note ?? 'tempat terkait';
    hl.style.left = pct(line.box.x - 1, size.width);
    hl.style.top = pct(line.box.y - 1, size.height);
    hl.style.width = pct(line.box.w + 2, size.width);
    hl.style.height = pct(line.box.h + 2, size.height);
    page.append(hl);
  }
}

function select(i: number, from: 'list' | 'page') {
  for (const e of document.querySelectorAll('.active')) e.classList.remove('active');
  showRelated(i);
  const li = list.querySelector<HTMLElement>(`.finding[data-index="${i}"]`);
  li?.classList.add('active');
  const p = places[i];
  let target: HTMLElement | null = null;
  if (p && current?.format !== 'text') target = pagesBox.querySelector<HTMLElement>(`.hl[data-index="${i}"]`);
  else if (p) target = pagesBox.querySelector<HTMLElement>(`.tline[data-line="${p.line}"]`);
  target?.classList.add('active');
  if (from === 'list') target?.scrollIntoView({ block: 'center' });
  else li?.scrollIntoView({ block: 'nearest' });
}

function showResult(r: Result) {
  current = r;
  const lines = indexLines(r.lines);
  places = r.findings.map((f) => locate(f, lines));
  renderSummary(r);
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
  for (const i of order) list.append(renderFinding(r.findings[i]!, i, places[i] ?? null, r.ruleDocs));
  renderPages(r);
  if (r.ocr.pages.length) {
    notice.hidden = false;
    const which = `hal. ${r.ocr.pages.join(', ')}`;
    notice.textContent = r.ocr.done
      ? `${r.ocr.pages.length} halaman hasil pindaian (${which}) dibaca dengan OCR. Angka hasil OCR bisa salah baca: periksa temuan pada halaman itu dengan teliti.`
      : `${r.ocr.pages.length} halaman tidak memiliki lapisan teks (hasil pindaian: ${which}) dan tidak dapat dibaca dengan OCR di sini (${r.ocr.error ?? 'galat'}); angka pada halaman itu tidak diperiksa. Buka halaman ini melalui "lkip-audit serve" agar OCR dapat berjalan.`;
  }
  result.hidden = false;
  setState('audited');
}

exportBtn.addEventListener('click', () => {
  if (!current) return;
  const a = el('a');
  const url = URL.createObjectURL(new Blob([current.csv], { type: 'text/csv;charset=utf-8' }));
  a.href = url;
  a.download = `${current.name.replace(/\.[^.]+$/, '')}-temuan.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

showInfo.addEventListener('change', () => list.classList.toggle('hide-info', !showInfo.checked));

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
