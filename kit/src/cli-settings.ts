import type { z } from 'zod';
import { ConfigError } from './config';

/** `batchSize` → `batch-size`: the flag naming a setting. */
const flagName = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A command's settings (a benchmark, the core-system simulator): each from its environment variable (`envNames`,
 * empty values ignored), then from `--flag=value` (`--flag` alone is `true`), validated by `schema`. An unknown flag
 * or a bad value fails naming the variable and the flag, all at once.
 */
export function loadCliSettings<S extends z.ZodType>(
  command: string,
  schema: S,
  envNames: Readonly<Record<string, string>>,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [key, name] of Object.entries(envNames)) if (env[name] !== undefined && env[name] !== '') raw[key] = env[name];
  const keys = Object.keys(envNames);
  for (const arg of argv) {
    const match = /^--([a-zA-Z-]+)(?:=(.*))?$/.exec(arg);
    const key = match && keys.find((k) => flagName(k) === match[1] || k === match[1]);
    if (!match || !key) throw new ConfigError(command, [`unknown argument ${arg}; flags: ${keys.map((k) => `--${flagName(k)}=…`).join(' ')}`]);
    raw[key] = match[2] ?? 'true';
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const named = (path: PropertyKey[]) => {
      const key = String(path[0]);
      return envNames[key] ? `${envNames[key]} (--${flagName(key)})` : key;
    };
    throw new ConfigError(command, parsed.error.issues.map((i) => `${named(i.path)}: ${i.message}`));
  }
  return parsed.data;
}
