/**
 * Blocks → HTML with real <table>s, and the Flat-ODT patch that puts the landscape blocks on a
 * landscape page style and adds a running header and page-number footer.
 *
 * LibreOffice's HTML import ignores CSS named pages (`@page land { size: landscape }` /
 * `page: land`) and only knows :left/:right page styles that alternate, so the conversion is
 * HTML → Flat ODT (LibreOffice) → patch page styles → PDF (LibreOffice). The HTML marks the first
 * paragraph of each landscape / portrait run with class `lko-landscape` / `lko-portrait`; LibreOffice
 * turns those classes into paragraph styles `Text Body.lko-landscape` / `Text Body.lko-portrait`,
 * which the patch binds to the master pages (an ODF page break with a page-style change).
 */
import type { Block } from './seed.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function blocksToHtml(title: string, blocks: Block[]): string {
  const out: string[] = [];
  out.push(`<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body { font-family: 'Liberation Sans'; font-size: 10pt }
p { margin-top: 0; margin-bottom: 4pt }
p.lko-landscape { margin-top: 0 }
p.lko-portrait { margin-top: 0 }
p.lko-break { margin-top: 0 }
h1 { font-size: 18pt } h2 { font-size: 16pt } h3 { font-size: 14pt } h4 { font-size: 12.5pt } h5 { font-size: 12.5pt } h6 { font-size: 12.5pt }
table { border-collapse: collapse; margin-bottom: 6pt }
td { font-size: 8pt; vertical-align: middle; border: 0.5pt solid #000000; padding: 2pt }
table.wide td { font-size: 6.5pt; padding: 1pt }
</style></head><body>`);
  let landscape = false;
  let first = true;
  for (const b of blocks) {
    // Orientation changes are carried by the first paragraph of the run: insert an empty marker
    // paragraph (LibreOffice cannot start a page style on a table).
    if (b.landscape !== landscape) {
      out.push(`<p class="${b.landscape ? 'lko-landscape' : 'lko-portrait'}">&nbsp;</p>`);
      landscape = b.landscape;
    } else if (b.kind === 'table' && b.pageBreakBefore && !first) {
      out.push(`<p class="lko-break">&nbsp;</p>`);
    }
    first = false;
    if (b.kind === 'para') {
      const t = esc(b.text);
      if (b.heading) out.push(`<h${b.heading}>${t}</h${b.heading}>`);
      else out.push(b.bold ? `<p><b>${t}</b></p>` : `<p>${t}</p>`);
      continue;
    }
    const cols = Math.max(...b.rows.map((r) => r.length));
    out.push(`<table class="${cols >= 9 ? 'wide' : 'normal'}" border="1" cellspacing="0" cellpadding="2" width="100%">`);
    for (const r of b.rows) {
      const cells = [...r];
      while (cells.length < cols) cells.push('');
      out.push('<tr>' + cells.map((c) => `<td valign="middle">${esc(c)}</td>`).join('') + '</tr>');
    }
    out.push('</table>');
  }
  out.push('</body></html>');
  return out.join('\n');
}

/**
 * Patch a Flat ODT written by LibreOffice from the HTML above: landscape master page, page breaks,
 * running header and page-number footer on both master pages.
 */
export function patchFodt(fodt: string, runningHeader: string): string {
  let s = fodt;
  const header = `<style:header><text:p text:style-name="Header">${esc(runningHeader)}</text:p></style:header>`;
  const footer = `<style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>`;
  // Page layouts: every portrait one LibreOffice made gets header/footer space; the landscape one
  // is a copy of the first with the sizes swapped.
  const headerStyle = `<style:header-style><style:header-footer-properties fo:min-height="0.4cm" fo:margin-bottom="0.3cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.4cm" fo:margin-top="0.3cm"/></style:footer-style>`;
  const strip = (body: string) =>
    body
      .replace(/<style:header-style\/>|<style:header-style>[\s\S]*?<\/style:header-style>/, '')
      .replace(/<style:footer-style\/>|<style:footer-style>[\s\S]*?<\/style:footer-style>/, '');
  let landscapeBody: string | null = null;
  s = s.replace(/<style:page-layout style:name="(pm\d+)">([\s\S]*?)<\/style:page-layout>/g, (_m, name: string, body: string) => {
    const portrait = strip(body)
      .replace(/fo:page-width="[^"]*"/, 'fo:page-width="21cm"')
      .replace(/fo:page-height="[^"]*"/, 'fo:page-height="29.7cm"')
      .replace(/fo:margin-(left|right|top|bottom)="[^"]*"/g, 'fo:margin-$1="2cm"');
    landscapeBody ??= portrait
      .replace(/fo:page-width="[^"]*"/, 'fo:page-width="29.7cm"')
      .replace(/fo:page-height="[^"]*"/, 'fo:page-height="21cm"')
      .replace(/style:print-orientation="[^"]*"/, 'style:print-orientation="landscape"')
      .replace(/fo:margin-(left|right|top|bottom)="[^"]*"/g, 'fo:margin-$1="1.5cm"');
    return `<style:page-layout style:name="${name}">${portrait}${headerStyle}</style:page-layout>`;
  });
  if (landscapeBody === null) throw new Error('no page layout in FODT');
  s = s.replace('</office:automatic-styles>', `<style:page-layout style:name="pmLandscape">${landscapeBody}${headerStyle}</style:page-layout></office:automatic-styles>`);
  // Master pages: add header/footer to every existing one, add the landscape one.
  s = s.replace(/<style:master-page ([^>]*?)\/>/g, `<style:master-page $1>${header}${footer}</style:master-page>`);
  s = s.replace(
    '</office:master-styles>',
    `<style:master-page style:name="Landscape" style:page-layout-name="pmLandscape" style:next-style-name="Landscape">${header}${footer}</style:master-page></office:master-styles>`,
  );
  const portraitMaster = /style:master-page-name="([^"]+)"/.exec(s)?.[1] ?? 'HTML';
  // Bind the marker paragraph styles to the master pages.
  const bind = (cls: string, master: string) => {
    const re = new RegExp(`(<style:style style:name="[^"]*\\.${cls}"[^>]*?)(/?)>`);
    if (!re.test(s)) return;
    s = s.replace(re, (_m, a: string, slash: string) => `${a} style:master-page-name="${master}"${slash}>`);
  };
  bind('lko-landscape', 'Landscape');
  bind('lko-portrait', portraitMaster);
  // A plain page break (same page style) before a repeated-header table.
  const reBreak = /(<style:style style:name="[^"]*\.lko-break"[^>]*?)(\/>|>)/;
  const m = reBreak.exec(s);
  if (m) {
    const props = '<style:paragraph-properties fo:break-before="page"/>';
    if (m[2] === '/>') s = s.replace(m[0], `${m[1]}>${props}</style:style>`);
    else s = s.replace(m[0], `${m[0]}${props}`);
  }
  return s;
}
