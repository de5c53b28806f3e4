/**
 * The configuration as a CLI start gets it: rules/*.yaml (and a user's --config file over them),
 * validated once and then reused. Parsing the YAML and validating it with zod cost ~0.15 s of every
 * start, and loading zod (and yaml) another ~0.1 s; so a configuration that was valid is kept as
 * JSON in node_modules/.cache/lkip-audit/, named by the hash of the code that validated it
 * (LKIP_AUDIT_CODE_ID, set by bin/lkip-audit.js from the bundles' content hashes) and of the files'
 * text. Any edit of a file or of the code gives another name, so a cached configuration is never
 * stale; an invalid one is never cached (it fails with its message every time). Without the
 * launcher (tsx, tests) nothing is cached. This module loads neither zod nor yaml: config.ts (the
 * validation) is imported only on a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Config } from '../model/config.js';

export const RULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules');
const CACHE_DIR = path.resolve(RULES_DIR, '../node_modules/.cache/lkip-audit');

export class ConfigError extends Error {
  constructor(
    public file: string,
    public keyPath: string,
    public detail: string,
  ) {
    super(`Konfigurasi tidak sah: ${file}: ${keyPath || '(akar)'}: ${detail}`);
  }
}

/** The configuration files in layering order: rules/config.yaml, rules/vocabulary.yaml, the user's file. */
export function configFiles(userFile?: string): string[] {
  return [path.join(RULES_DIR, 'config.yaml'), path.join(RULES_DIR, 'vocabulary.yaml'), ...(userFile ? [userFile] : [])];
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(file, '', 'berkas tidak dapat dibaca');
  }
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

/**
 * Written atomically (concurrent starts share it); entries not read for a week (access time) are
 * dropped when a new one is written. A failure costs only the cache.
 */
function writeCache(file: string | null, config: Config): void {
  if (!file) return;
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(config));
    renameSync(tmp, file);
    for (const f of readdirSync(CACHE_DIR)) {
      const p = path.join(CACHE_DIR, f);
      if (/^config-[0-9a-f]+\.json$/.test(f) && p !== file && Date.now() - statSync(p).atimeMs > 7 * 86_400_000) rmSync(p, { force: true });
    }
  } catch {
    // read-only node_modules: every start validates
  }
}

/** loadConfig (config.ts) with the cache above. Throws ConfigError as loadConfig does. */
export async function loadConfigCached(userFile?: string): Promise<Config> {
  const files = configFiles(userFile);
  const texts = files.map(readText);
  const file = cacheFile(texts);
  const hit = readCache(file);
  if (hit) return hit;
  const { validateConfigTexts } = await import('./config.js');
  const config = validateConfigTexts(files, texts);
  writeCache(file, config);
  return config;
}
