import type { Severity } from '../lint/types.js';

/** The server's view of the `layerwise.*` settings the manifest declares; read per document. */
export interface ServerSettings {
  lint: { run: 'onType' | 'onSave' };
  /** Severity per rule id or alias, or `off`. */
  rules: Record<string, Severity | 'off'>;
}

export const DEFAULT_SETTINGS: ServerSettings = { lint: { run: 'onType' }, rules: {} };

const SEVERITY_VALUES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Reads what the client sent, keeping only well-typed values: a broken value
 * falls back to its default and is reported, never thrown.
 */
export function readSettings(raw: unknown): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  const section = isObject(raw) ? raw : {};
  const lint = isObject(section.lint) ? section.lint : {};
  let run = DEFAULT_SETTINGS.lint.run;
  if (lint.run === 'onType' || lint.run === 'onSave') run = lint.run;
  else if (lint.run !== undefined) problems.push(`layerwise.lint.run must be "onType" or "onSave", not ${JSON.stringify(lint.run)}`);
  const rules: ServerSettings['rules'] = {};
  if (isObject(section.rules)) {
    for (const [name, value] of Object.entries(section.rules)) {
      if (typeof value === 'string' && SEVERITY_VALUES.has(value)) rules[name] = value as Severity | 'off';
      else problems.push(`layerwise.rules.${name} must be one of error, warning, info, hint, off, not ${JSON.stringify(value)}`);
    }
  } else if (section.rules !== undefined) {
    problems.push('layerwise.rules must be an object of rule id to severity');
  }
  return { settings: { lint: { run }, rules }, problems };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
