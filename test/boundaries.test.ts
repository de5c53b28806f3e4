/**
 * Layer boundaries (the pdf.js idea): model, parse, audit and report run in the browser too, so they
 * never touch Node-only APIs; only src/ingest may import pdfjs-dist or tesseract.js.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const NODE_ONLY = /from\s+['"](node:[^'"]+|fs|path|os|worker_threads|child_process|fs\/promises)['"]|\bBuffer\.|\bprocess\.(env|argv|cwd|exit)|\brequire\(/;

describe('layer boundaries', () => {
  it.each(['src/model', 'src/parse', 'src/audit', 'src/report'])('%s uses no Node-only API', (dir) => {
    const bad = files(dir).filter((f) => NODE_ONLY.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
  it('only src/ingest (and the two browser adapters of src/web) import pdfjs-dist or tesseract.js', () => {
    const adapters = new Set([path.join('src', 'web', 'pdfjs-browser.ts'), path.join('src', 'web', 'ocr-browser.ts')]);
    const bad = files('src')
      .filter((f) => !f.startsWith(path.join('src', 'ingest')) && !adapters.has(f))
      .filter((f) => /from\s+['"](pdfjs-dist|tesseract\.js)|import\(['"](pdfjs-dist|tesseract\.js)/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
  // model <- parse <- audit <- report: each layer imports only the layers before it; parse builds no
  // findings; reporters get the rules' metadata from their caller and never import rules
  const LAYERS = ['model', 'parse', 'audit', 'report'] as const;
  it.each(LAYERS.map((l, i) => [l, LAYERS.slice(i + 1)] as const))('src/%s imports none of %j', (layer, later) => {
    const bad = files(path.join('src', layer)).filter((f) => {
      const text = readFileSync(f, 'utf8');
      return later.some((l) => new RegExp(`(from\\s+|import\\s*\\(?\\s*)['"](\\.\\./)+${l}/`).test(text));
    });
    expect(bad).toEqual([]);
  });
  it('src/report never imports the rules', () => {
    const bad = files(path.join('src', 'report')).filter((f) => /from\s+['"](\.\.\/)+audit\/rules\//.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
  it('src/parse builds no findings', () => {
    const bad = files(path.join('src', 'parse')).filter((f) => /model\/finding\.js|\bFinding\b/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});
