import { readFileSync } from 'node:fs';

/** Reads a Dockerfile as text; `-` is standard input. Invalid UTF-8 becomes U+FFFD, as in the editor. */
export function readDockerfile(path: string): string {
  const bytes = path === '-' ? readFileSync(0) : readFileSync(path);
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

/** Splits `--name value` / `--name=value` options from positional arguments. */
export function parseOptions(args: string[], known: Set<string>): { options: Map<string, string>; positional: string[]; error?: string } {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
    if (!known.has(name)) return { options, positional, error: `unknown option --${name}` };
    const value = equals < 0 ? args[++i] : arg.slice(equals + 1);
    if (value === undefined) return { options, positional, error: `--${name} needs a value` };
    options.set(name, value);
  }
  return { options, positional };
}
