/**
 * Reads a `.hadolint.yaml`: hadolint's own keys, plus a `layerwise:` section
 * of ours that wins over them. Pure: text in, configuration out. A broken
 * file never throws and is never half-ignored in silence: every bad piece is
 * a problem with its line, and the rest still applies.
 */
import type * as Yaml from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import { closestMatch } from '../lint/helpers/suggest.js';
import { SEVERITIES, type LintSettings, type Rule, type Severity } from '../lint/types.js';

/** yaml is a quarter of the CLI's JavaScript: required with the first configuration file read, not at start-up (most runs read none). */
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= require('yaml') as typeof Yaml);

export type RuleSeverity = Severity | 'off';
/** The lowest severity that fails a run; `none` never fails. */
export type FailureThreshold = Severity | 'none';

export interface ConfigProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

export interface LayerwiseConfig {
  /**
   * By rule, as `lint`'s `severities` takes them: the rule's id when the
   * catalogue knows the name (so an alias and the id cannot disagree), the
   * name lower-cased otherwise (and for an alias several rules share).
   */
  severities: Record<string, RuleSeverity>;
  settings: LintSettings;
  failureThreshold?: FailureThreshold;
  problems: ConfigProblem[];
}

export interface ParseOptions {
  /** The file's path, for problems. */
  file: string;
  /** The catalogue, to flag rule names that are neither ours nor hadolint's (DLxxxx, SCxxxx). */
  rules?: readonly Rule[];
}

/** hadolint's label types (`text`, `url`, ...); an empty type means `text`. */
export const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;

const HADOLINT_SEVERITY: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };
/** hadolint's threshold names; `style` is our `hint`, and `ignore` fails on anything, as `style` does. */
const HADOLINT_THRESHOLD: Record<string, FailureThreshold> = { error: 'error', warning: 'warning', info: 'info', style: 'hint', ignore: 'hint', none: 'none' };
const LAYERWISE_THRESHOLD: Record<string, FailureThreshold> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint', none: 'none' };
const HADOLINT_CODE = /^(DL|SC)\d{4}$/i;

/** The keys both sections share (spelled as hadolint spells them). */
const SHARED_KEYS = ['failure-threshold', 'trustedRegistries', 'trusted-registries', 'label-schema', 'strict-labels', 'disable-ignore-pragma'];
/** hadolint keys about its own output: read for their type, and otherwise left to hadolint. */
const HADOLINT_OUTPUT_KEYS: Record<string, 'boolean' | 'string'> = { 'no-fail': 'boolean', 'no-color': 'boolean', verbose: 'boolean', format: 'string', 'output-format': 'string' };
const HADOLINT_KEYS = ['ignored', 'override', ...SHARED_KEYS, ...Object.keys(HADOLINT_OUTPUT_KEYS), 'layerwise'];
const LAYERWISE_KEYS = ['rules', ...SHARED_KEYS];

export function parseConfig(text: string, options: ParseOptions): LayerwiseConfig {
  const reader = new ConfigReader(text, options);
  return reader.read();
}

interface Section {
  severities: Record<string, RuleSeverity>;
  settings: LintSettings;
  failureThreshold?: FailureThreshold;
}

class ConfigReader {
  private readonly lines = new (yaml().LineCounter)();
  private readonly problems: ConfigProblem[] = [];
  /** Every id and alias, lower-cased, to its rule's id (null for an alias several rules share). */
  private readonly knownRules?: Map<string, string | null>;

  constructor(
    private readonly text: string,
    private readonly options: ParseOptions,
  ) {
    if (options.rules) {
      this.knownRules = new Map();
      for (const rule of options.rules) {
        for (const name of [rule.meta.id, ...rule.meta.aliases].map((text) => text.toLowerCase())) {
          const known = this.knownRules.get(name);
          this.knownRules.set(name, known === undefined || known === rule.meta.id ? rule.meta.id : null);
        }
      }
    }
  }

  read(): LayerwiseConfig {
    const document = yaml().parseDocument(this.text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    // The parser finds an unclosed bracket at the end of the text; point at the last thing written instead.
    const lastCharacter = Math.max(0, this.text.trimEnd().length - 1);
    for (const error of document.errors) this.problem(Math.min(error.pos[0], lastCharacter), `${error.message} (not YAML the way it is written)`);
    const result: LayerwiseConfig = { severities: {}, settings: {}, problems: this.problems };
    if (document.errors.length > 0) return result;
    const root = document.contents;
    if (root === null || (yaml().isScalar(root) && root.value === null)) return result;
    if (!yaml().isMap(root)) {
      this.problem(root, 'the configuration must be a mapping of keys (ignored:, override:, layerwise:, ...)');
      return result;
    }
    const hadolint = this.section(root, HADOLINT_KEYS, 'hadolint');
    const layerwiseNode = root.get('layerwise', true) as Node | undefined;
    let layerwise: Section = { severities: {}, settings: {} };
    if (layerwiseNode !== undefined) {
      if (yaml().isMap(layerwiseNode)) layerwise = this.section(layerwiseNode, LAYERWISE_KEYS, 'layerwise');
      else this.problem(layerwiseNode, 'layerwise: must be a mapping (rules:, failure-threshold:, ...)');
    }
    result.severities = { ...hadolint.severities, ...layerwise.severities };
    result.settings = { ...hadolint.settings, ...layerwise.settings };
    result.failureThreshold = layerwise.failureThreshold ?? hadolint.failureThreshold;
    if (result.failureThreshold === undefined) delete result.failureThreshold;
    return result;
  }

  private section(map: YAMLMap, allowed: string[], kind: 'hadolint' | 'layerwise'): Section {
    const section: Section = { severities: {}, settings: {} };
    const overrides: Record<string, RuleSeverity> = {};
    const ignored: Record<string, RuleSeverity> = {};
    for (const pair of map.items as Array<Pair<Node, Node | null>>) {
      const key = yaml().isScalar(pair.key) ? String(pair.key.value) : undefined;
      const value = pair.value;
      if (key === undefined || !allowed.includes(key)) {
        const hint = key === undefined ? undefined : closestMatch(key, allowed);
        const where = kind === 'layerwise' ? ' in layerwise:' : '';
        this.problem(pair.key, `unknown key ${key ?? '(not a plain name)'}${where}${hint ? `: did you mean ${hint}?` : ''}`);
        continue;
      }
      switch (key) {
        case 'ignored':
          for (const name of this.ruleNames(value, key)) ignored[name] = 'off';
          break;
        case 'override':
          this.override(value, overrides);
          break;
        case 'rules':
          this.rules(value, section.severities);
          break;
        case 'failure-threshold': {
          const names = kind === 'hadolint' ? HADOLINT_THRESHOLD : LAYERWISE_THRESHOLD;
          const threshold = this.oneOf(value, key, Object.keys(names));
          if (threshold !== undefined) section.failureThreshold = names[threshold];
          break;
        }
        case 'trustedRegistries':
        case 'trusted-registries': {
          const registries = this.stringOrList(value, key);
          if (registries) section.settings.trustedRegistries = registries;
          break;
        }
        case 'label-schema': {
          const schema = this.labelSchema(value);
          if (schema) section.settings.labelSchema = schema;
          break;
        }
        case 'strict-labels':
        case 'disable-ignore-pragma': {
          const flag = this.boolean(value, key);
          if (flag !== undefined) section.settings[key === 'strict-labels' ? 'strictLabels' : 'disableIgnorePragma'] = flag;
          break;
        }
        case 'layerwise':
          break;
        default:
          if (HADOLINT_OUTPUT_KEYS[key] === 'boolean') this.boolean(value, key);
          else this.string(value, key);
      }
    }
    // hadolint drops ignored rules whatever their override says.
    Object.assign(section.severities, overrides, ignored);
    return section;
  }

  private override(value: Node | null, into: Record<string, RuleSeverity>): void {
    if (!yaml().isMap(value)) {
      this.problem(value, 'override: must map error, warning, info or style to lists of rules');
      return;
    }
    for (const pair of value.items as Array<Pair<Node, Node | null>>) {
      const level = yaml().isScalar(pair.key) ? String(pair.key.value) : '';
      const severity = HADOLINT_SEVERITY[level];
      if (!severity) {
        this.problem(pair.key, `override: has no level ${level}: use error, warning, info or style`);
        continue;
      }
      for (const name of this.ruleNames(pair.value, `override.${level}`)) into[name] = severity;
    }
  }

  private rules(value: Node | null, into: Record<string, RuleSeverity>): void {
    if (!yaml().isMap(value)) {
      this.problem(value, 'rules: must map rule ids or codes to error, warning, info, hint or off');
      return;
    }
    const levels: string[] = [...SEVERITIES, 'off'];
    for (const pair of value.items as Array<Pair<Node, Node | null>>) {
      const name = yaml().isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name === undefined || !this.isRuleName(name, pair.key)) continue;
      const level = this.oneOf(pair.value, `rules.${name}`, levels);
      if (level !== undefined) into[this.canonical(name)] = level as RuleSeverity;
    }
  }

  /** A list of rule names, lower-cased; problems for entries that are not names. */
  private ruleNames(value: Node | null, key: string): string[] {
    if (!yaml().isSeq(value)) {
      this.problem(value, `${key} must be a list of rule ids or codes`);
      return [];
    }
    const names: string[] = [];
    for (const item of value.items as Array<Node | null>) {
      if (!yaml().isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
        this.problem(item, `${key} must list rule ids or codes, not ${describe(item)}`);
      } else if (this.isRuleName(item.value, item)) {
        names.push(this.canonical(item.value));
      }
    }
    return names;
  }

  /** Any name when there is no catalogue; otherwise one of ours or a hadolint code (which may be a rule we do not have). */
  private isRuleName(name: string, node: Node | null): boolean {
    const trimmed = name.trim();
    if (!this.knownRules || this.knownRules.has(trimmed.toLowerCase()) || HADOLINT_CODE.test(trimmed)) return true;
    const hint = closestMatch(trimmed, this.knownRules.keys());
    this.problem(node, `unknown rule ${trimmed}${hint ? `: did you mean ${hint}?` : ''}`);
    return false;
  }

  private canonical(name: string): string {
    const lower = name.trim().toLowerCase();
    return this.knownRules?.get(lower) ?? lower;
  }

  private labelSchema(value: Node | null): Record<string, string> | undefined {
    if (!yaml().isMap(value)) {
      this.problem(value, `label-schema: must map label names to a type (${LABEL_TYPES.join(', ')})`);
      return undefined;
    }
    const schema: Record<string, string> = {};
    for (const pair of value.items as Array<Pair<Node, Node | null>>) {
      const label = yaml().isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (label === undefined) {
        this.problem(pair.key, 'label-schema: keys must be label names');
        continue;
      }
      // hadolint reads a missing or empty type as text.
      const empty = pair.value === null || (yaml().isScalar(pair.value) && (pair.value.value === null || pair.value.value === ''));
      const type = empty ? 'text' : this.oneOf(pair.value, `label-schema.${label}`, [...LABEL_TYPES]);
      if (type !== undefined) schema[label] = type;
    }
    return schema;
  }

  private stringOrList(value: Node | null, key: string): string[] | undefined {
    if (yaml().isScalar(value) && typeof value.value === 'string') return [value.value];
    if (!yaml().isSeq(value)) {
      this.problem(value, `${key} must be a registry name or a list of them`);
      return undefined;
    }
    const items: string[] = [];
    for (const item of value.items as Array<Node | null>) {
      if (yaml().isScalar(item) && typeof item.value === 'string') items.push(item.value);
      else this.problem(item, `${key} must list registry names, not ${describe(item)}`);
    }
    return items;
  }

  private oneOf(value: Node | null, key: string, choices: string[]): string | undefined {
    const text = yaml().isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
    if (text !== undefined && choices.includes(text)) return text;
    const hint = text === undefined ? undefined : closestMatch(text, choices);
    this.problem(value, `${key} must be one of ${choices.join(', ')}, not ${describe(value)}${hint ? `: did you mean ${hint}?` : ''}`);
    return undefined;
  }

  private boolean(value: Node | null, key: string): boolean | undefined {
    if (yaml().isScalar(value) && typeof value.value === 'boolean') return value.value;
    this.problem(value, `${key} must be true or false, not ${describe(value)}`);
    return undefined;
  }

  private string(value: Node | null, key: string): string | undefined {
    if (yaml().isScalar(value) && typeof value.value === 'string') return value.value;
    this.problem(value, `${key} must be a string, not ${describe(value)}`);
    return undefined;
  }

  /** At a node (an empty value is a node too, where the value would be), or at an offset. */
  private problem(at: Node | null | number | undefined, message: string): void {
    const offset = typeof at === 'number' ? at : (at?.range?.[0] ?? 0);
    const { line, col } = this.lines.linePos(offset);
    this.problems.push({ file: this.options.file, line, column: col, message });
  }
}

function describe(node: Node | null | undefined): string {
  if (node === null || node === undefined || (yaml().isScalar(node) && node.value === null)) return 'nothing';
  if (yaml().isMap(node)) return 'a mapping';
  if (yaml().isSeq(node)) return 'a list';
  if (yaml().isScalar(node)) return typeof node.value === 'string' ? JSON.stringify(node.value) : String(node.value);
  return 'this';
}
