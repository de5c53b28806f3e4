/**
 * Loads rules/*.yaml (and a user's --config file over them), validated with zod. A CLI start goes
 * through config-cache.ts, which reuses a configuration already validated and imports this module
 * (zod, yaml) only when it has none.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigSchema, type Config } from '../model/config.js';
import { ConfigError, configFiles, readText } from './config-cache.js';

export { ConfigError, RULES_DIR } from './config-cache.js';

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

export function loadConfig(userFile?: string): Config {
  const files = configFiles(userFile);
  return validateConfigTexts(files, files.map(readText));
}

/** The configuration of these files (configFiles order) with these texts, validated. */
export function validateConfigTexts(files: string[], texts: string[]): Config {
  const [baseFile, vocabFile, userFile] = files as [string, string, string | undefined];
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
