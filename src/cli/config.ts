/** Loads rules/*.yaml (and a user's --config file over them), validated with zod. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigSchema, type Config } from '../model/config.js';

export const RULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules');

export class ConfigError extends Error {
  constructor(
    public file: string,
    public keyPath: string,
    public detail: string,
  ) {
    super(`Konfigurasi tidak sah: ${file}: ${keyPath || '(akar)'}: ${detail}`);
  }
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(file, '', 'berkas tidak dapat dibaca');
  }
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

export function loadConfig(userFile?: string): Config {
  const baseFile = path.join(RULES_DIR, 'config.yaml');
  const vocabFile = path.join(RULES_DIR, 'vocabulary.yaml');
  const base = readYaml(baseFile);
  validate(baseFile, base);
  const vocab = readYaml(vocabFile);
  const vr = ConfigSchema.shape.vocabulary.safeParse(vocab);
  if (!vr.success) {
    const issue = vr.error.issues[0]!;
    throw new ConfigError(vocabFile, issue.path.join('.'), issue.message);
  }
  let data = deepMerge(base, { vocabulary: vocab });
  if (userFile) {
    const user = readYaml(userFile);
    if (!isObj(user)) throw new ConfigError(userFile, '', 'isi harus berupa pemetaan (mapping) YAML');
    data = deepMerge(data, user);
    return validate(userFile, data);
  }
  return validate(baseFile, data);
}
