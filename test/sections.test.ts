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
