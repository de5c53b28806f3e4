import type { Config } from './config.js';

/** `build` run once per configuration: its result is kept as long as the configuration object lives (the words a rule compiles from the vocabulary). */
export function perConfig<T>(build: (config: Config) => T): (config: Config) => T {
  const cache = new WeakMap<Config, T>();
  return (config) => {
    let v = cache.get(config);
    if (v === undefined) cache.set(config, (v = build(config)));
    return v;
  };
}
