import { readFileSync } from 'node:fs';

/** Reads a Dockerfile as text; `-` is standard input. Invalid UTF-8 becomes U+FFFD, as in the editor. */
export function readDockerfile(path: string): string {
  const bytes = path === '-' ? readFileSync(0) : readFileSync(path);
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

export interface OptionSpec {
  /** Options that take a value; a repeated one keeps every value. */
  values: string[];
  /** Options that take none. */
  switches: string[];
}

export interface ParsedOptions {
  values: Map<string, string[]>;
  switches: Set<string>;
  positional: string[];
  error?: string;
}

/** Splits `--name value`, `--name=value` and `--switch` from positional arguments. */
export function parseOptions(args: string[], spec: OptionSpec): ParsedOptions {
  const parsed: ParsedOptions = { values: new Map(), switches: new Set(), positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '-') {
      parsed.positional.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
    if (spec.switches.includes(name) && equals < 0) {
      parsed.switches.add(name);
      continue;
    }
    if (!spec.values.includes(name)) return { ...parsed, error: `unknown option --${name}` };
    const value = equals < 0 ? args[++i] : arg.slice(equals + 1);
    if (value === undefined) return { ...parsed, error: `--${name} needs a value` };
    parsed.values.set(name, [...(parsed.values.get(name) ?? []), value]);
  }
  return parsed;
}

/** The last value given for an option. */
export function lastValue(parsed: ParsedOptions, name: string): string | undefined {
  const values = parsed.values.get(name);
  return values?.[values.length - 1];
}
