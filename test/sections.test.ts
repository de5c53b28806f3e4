/**
 * Section headings are data (rules/vocabulary.yaml `sectionHeadings`, src/parse/structure.ts): the
 * seeds' chapters and appendices are found from it, a new template's heading is taught there, and a
 * bad entry is reported with the file and the key.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFiles } from '../src/cli/config-cache.js';
import { loadConfig, validateConfigTexts } from '../src/cli/config.js';
import { textToDocument } from '../src/ingest/text.js';
import type { Config } from '../src/model/config.js';
import { findSections } from '../src/parse/structure.js';
import { leadingNumber, tocEntries } from '../src/parse/outline.js';

const files = configFiles();
const texts = files.map((f) => readFileSync(f, 'utf8'));
const withVocabulary = (edit: (vocab: string) => string): Config => validateConfigTexts(files, [texts[0]!, edit(texts[1]!)]);
const kinds = (text: string, config: Config) => findSections(textToDocument('kasus.txt', text), config).map((s) => `${s.kind}@${s.startLine}`);

const REPORT = ['LAPORAN KINERJA 2023', 'RINGKASAN EKSEKUTIF', 'Capaian kinerja baik.', 'BAB I PENDAHULUAN', 'Teks.', 'BAB IV PENUTUP', 'Demikian.', 'PERJANJIAN KINERJA PERUBAHAN TAHUN 2023', 'Isi.', 'LAMPIRAN 12 DOKUMENTASI'].join('\n');

describe('section headings (rules/vocabulary.yaml)', () => {
  it('the seeds: chapters, the body headings and the appendices after Bab IV', () => {
    const f = 'fixtures/seeds/001_52d9b2e308fc893f.txt';
    const got = kinds(readFileSync(f, 'utf8'), loadConfig()).map((k) => k.split('@')[0]);
    expect(got).toEqual(expect.arrayContaining(['kata_pengantar', 'daftar_isi', 'ikhtisar', 'bab1', 'bab2', 'bab3', 'bab4']));
  });
  it('a heading the vocabulary does not name is no section; taught in the vocabulary, it is', () => {
    // "LAMPIRAN 12" is not "LAMPIRAN 1" (whole words)
    expect(kinds(REPORT, loadConfig())).toEqual(['cover@1', 'bab1@4', 'bab4@6', 'lampiran_pk_perubahan@8']);
    const taught = withVocabulary((v) => v.replace('    - { section: ikhtisar, exact: [ikhtisar eksekutif] }', '    - { section: ikhtisar, exact: [ikhtisar eksekutif, ringkasan eksekutif] }'));
    expect(kinds(REPORT, taught)).toEqual(['cover@1', 'ikhtisar@2', 'bab1@4', 'bab4@6', 'lampiran_pk_perubahan@8']);
  });
  it('a bad entry names the file and the key', () => {
    expect(() => withVocabulary((v) => v.replace('section: lampiran_lain, starts: [penghargaan]', 'section: sampul, starts: [penghargaan]'))).toThrow(
      new RegExp(`${path.basename(files[1]!)}: sectionHeadings\\.appendix\\.5\\.section:`),
    );
    expect(() => withVocabulary((v) => v.replace('section: lampiran_lain, starts: [penghargaan]', 'section: lampiran_lain, begins: [penghargaan]'))).toThrow(/sectionHeadings\.appendix\.5/);
  });
});

describe('outline numbers by the vocabulary’s chapter words', () => {
  const words = loadConfig().vocabulary!.sectionHeadings!.chapterWords;
  it('reads "BAB III" and "PBAB I" as chapters with the vocabulary’s words, and no chapter without them', () => {
    expect(leadingNumber('BAB III AKUNTABILITAS KINERJA', words)?.number).toMatchObject({ kind: 'chapter', chapter: 3 });
    expect(leadingNumber('PBAB I PENDAHULUAN', words)?.number).toMatchObject({ kind: 'chapter', chapter: 1 });
    expect(leadingNumber('BAB III AKUNTABILITAS KINERJA', [])).toBeNull();
    // another word list: its word makes the chapter, "BAB" does not
    expect(leadingNumber('BAGIAN II PERENCANAAN', ['bagian'])?.number).toMatchObject({ kind: 'chapter', chapter: 2 });
    expect(leadingNumber('BAB II PERENCANAAN', ['bagian'])).toBeNull();
    // section numbers need no word
    expect(leadingNumber('3.2 Realisasi Anggaran', [])?.number).toMatchObject({ kind: 'section', chapter: 3, section: 2 });
  });
  it('splits contents entries run together at a chapter word', () => {
    const lines = ['KATA PENGANTAR ...... i', 'BAB I PENDAHULUAN 1 BAB II PERENCANAAN KINERJA 9', 'BAB III AKUNTABILITAS KINERJA 14 3.1 Capaian Kinerja ...... 14', 'BAB IV PENUTUP ...... 40'].map((text, i) => ({ line: i + 1, page: 1, text }));
    const toc = tocEntries(lines, words)!;
    expect(toc.entries.map((e) => e.number?.raw ?? e.title)).toEqual(['KATA PENGANTAR', 'BAB I', 'BAB II', 'BAB III', '3.1', 'BAB IV']);
    expect(tocEntries(lines, ['bagian'])?.entries.some((e) => e.number?.kind === 'chapter') ?? false).toBe(false);
  });
});
