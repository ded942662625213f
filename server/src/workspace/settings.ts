import type { Severity } from '../lint/types.js';

/** The server's view of the `layerwise.*` settings the manifest declares; read per document. */
export interface ServerSettings {
  lint: { run: 'onType' | 'onSave' };
  /** Severity per rule id or alias, or `off`. */
  rules: Record<string, Severity | 'off'>;
  /** Spaces before each continuation line of an instruction when formatting. */
  format: { continuationIndent: number };
  /** Inlay hints with the values of variables in FROM lines. */
  inlayHints: { enabled: boolean };
  /** The "Build stage" code lens above each buildable FROM. */
  codeLens: { buildStage: boolean };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  lint: { run: 'onType' },
  rules: {},
  format: { continuationIndent: 4 },
  inlayHints: { enabled: true },
  codeLens: { buildStage: true },
};

/** The largest continuation indent accepted; more is surely a typo. */
const MAX_CONTINUATION_INDENT = 16;

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
  const format = isObject(section.format) ? section.format : {};
  let continuationIndent = DEFAULT_SETTINGS.format.continuationIndent;
  const indent = format.continuationIndent;
  if (typeof indent === 'number' && Number.isInteger(indent) && indent >= 0 && indent <= MAX_CONTINUATION_INDENT) continuationIndent = indent;
  else if (indent !== undefined) problems.push(`layerwise.format.continuationIndent must be a whole number from 0 to ${MAX_CONTINUATION_INDENT}, not ${JSON.stringify(indent)}`);
  const inlayHints = { enabled: readBoolean(section, 'inlayHints', 'enabled', DEFAULT_SETTINGS.inlayHints.enabled, problems) };
  const codeLens = { buildStage: readBoolean(section, 'codeLens', 'buildStage', DEFAULT_SETTINGS.codeLens.buildStage, problems) };
  return { settings: { lint: { run }, rules, format: { continuationIndent }, inlayHints, codeLens }, problems };
}

function readBoolean(section: Record<string, unknown>, group: string, key: string, fallback: boolean, problems: string[]): boolean {
  const value = isObject(section[group]) ? (section[group] as Record<string, unknown>)[key] : undefined;
  if (typeof value === 'boolean') return value;
  if (value !== undefined) problems.push(`layerwise.${group}.${key} must be true or false, not ${JSON.stringify(value)}`);
  return fallback;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
