/**
 * Loads rules/*.yaml (and a user's --config file over them), validated with zod.
 *
 * A start from the bundle (bin/lkip-audit.js) reuses the result: parsing the YAML and validating it
 * cost ~0.15 s of every CLI start (a cold `yaml` parser), so a configuration that was valid is
 * kept as JSON in node_modules/.cache/lkip-audit/, named by the hash of the code that validated it
 * (LKIP_AUDIT_CODE_ID, set by the launcher from the bundles' content hashes) and of the files' text.
 * Any edit of a file or of the code gives another name, so a cached configuration is never stale;
 * an invalid one is never cached (it fails with its message every time). Without the launcher (tsx,
 * tests) nothing is cached.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';
import { ConfigSchema, type Config } from '../model/config.js';

export const RULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules');
const CACHE_DIR = path.resolve(RULES_DIR, '../node_modules/.cache/lkip-audit');

/** The YAML parser, loaded only when a configuration is not in the cache (CommonJS build: synchronous). */
let yamlParse: ((text: string) => unknown) | undefined;
function parseYaml(text: string): unknown {
  yamlParse ??= (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse;
  return yamlParse(text);
}

export class ConfigError extends Error {
  constructor(
    public file: string,
    public keyPath: string,
    public detail: string,
  ) {
    super(`Konfigurasi tidak sah: ${file}: ${keyPath || '(akar)'}: ${detail}`);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(file, '', 'berkas tidak dapat dibaca');
  }
}

function readYaml(file: string, text: string): unknown {
  try {
    return parseYaml(text) ?? {};
  } catch (e) {
    throw new ConfigError(file, '', `YAML tidak sah: ${(e as Error).message.split('\n')[0]}`);
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; arrays and scalars of the overlay replace. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (isObj(base) && isObj(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
    return out;
  }
  return over === undefined ? base : over;
}

function validate(file: string, data: unknown): Config {
  const r = ConfigSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ConfigError(file, issue.path.join('.'), z.prettifyError(new z.ZodError([issue])).replace(/^✖\s*/, '').split('\n')[0]!);
  }
  return r.data;
}

/** Where the configuration of these texts validated by this code is cached (null: no cache). */
function cacheFile(texts: string[]): string | null {
  const code = process.env.LKIP_AUDIT_CODE_ID;
  if (!code) return null;
  const h = createHash('sha256').update(code);
  for (const t of texts) h.update('\0').update(t);
  return path.join(CACHE_DIR, `config-${h.digest('hex').slice(0, 24)}.json`);
}

function readCache(file: string | null): Config | null {
  if (!file) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Config;
  } catch {
    return null;
  }
}

/** Written atomically (concurrent starts share it); entries not read for a day are dropped. A failure only costs the cache. */
function writeCache(file: string | null, config: Config): void {
  if (!file) return;
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(config));
    renameSync(tmp, file);
    for (const f of readdirSync(CACHE_DIR)) {
      const p = path.join(CACHE_DIR, f);
      if (/^config-[0-9a-f]+\.json$/.test(f) && p !== file && Date.now() - statSync(p).atimeMs > 86_400_000) rmSync(p, { force: true });
    }
  } catch {
    // read-only node_modules: every start validates
  }
}

export function loadConfig(userFile?: string): Config {
  const baseFile = path.join(RULES_DIR, 'config.yaml');
  const vocabFile = path.join(RULES_DIR, 'vocabulary.yaml');
  const texts = [readText(baseFile), readText(vocabFile), ...(userFile ? [readText(userFile)] : [])];
  const cached = cacheFile(texts);
  const hit = readCache(cached);
  if (hit) return hit;
  const config = validated(baseFile, vocabFile, userFile, texts);
  writeCache(cached, config);
  return config;
}

function validated(baseFile: string, vocabFile: string, userFile: string | undefined, texts: string[]): Config {
  const base = readYaml(baseFile, texts[0]!);
  validate(baseFile, base);
  const vocab = readYaml(vocabFile, texts[1]!);
  const vr = ConfigSchema.shape.vocabulary.safeParse(vocab);
  if (!vr.success) {
    const issue = vr.error.issues[0]!;
    throw new ConfigError(vocabFile, issue.path.join('.'), issue.message);
  }
  let data = deepMerge(base, { vocabulary: vocab });
  if (userFile) {
    const user = readYaml(userFile, texts[2]!);
    if (!isObj(user)) throw new ConfigError(userFile, '', 'isi harus berupa pemetaan (mapping) YAML');
    data = deepMerge(data, user);
    return validate(userFile, data);
  }
  return validate(baseFile, data);
}
