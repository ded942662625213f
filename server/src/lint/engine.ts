import { VariableResolver } from '../analysis/variables.js';
import { LineIndex, type DockerfileTree, type Instruction, type Stage } from '../parser/index.js';
import { Suppressions } from './suppressions.js';
import type { Finding, Fix, InstructionVisitor, Keyword, LintSettings, Locale, Report, Rule, RuleContext, Severity, Visitors } from './types.js';

export interface LintOptions {
  rules: readonly Rule[];
  locale?: Locale;
  /** Severity per rule id or alias (`off` disables); wins over the rule's default. */
  severities?: Record<string, Severity | 'off'>;
  settings?: LintSettings;
  /**
   * Called when a rule throws: the rule is left out of the rest of this lint and
   * the other rules go on (the server must not lose every diagnostic to one bug).
   * Without it the error propagates, so tests and fuzzing see it.
   */
  onRuleError?: (rule: Rule, error: unknown) => void;
}

/** Runs every enabled rule over one tree in a single walk; findings come sorted by position. */
export function lint(tree: DockerfileTree, options: LintOptions): Finding[] {
  const run = startLint(tree, options);
  for (const _ of run.steps);
  return run.findings();
}

/**
 * The same lint, handing the event loop back every `sliceMs` of work so the
 * server answers other requests meanwhile (a 50,000-stage file lints for
 * seconds); resolves to undefined, unfinished, once `cancelled()` says so.
 */
export async function lintInSlices(tree: DockerfileTree, options: LintOptions, { sliceMs = 10, cancelled = () => false }: { sliceMs?: number; cancelled?: () => boolean } = {}): Promise<Finding[] | undefined> {
  const run = startLint(tree, options);
  let sliceStart = performance.now();
  for (const _ of run.steps) {
    if (performance.now() - sliceStart < sliceMs) continue;
    await new Promise((resolve) => setImmediate(resolve));
    if (cancelled()) return undefined;
    sliceStart = performance.now();
  }
  return run.findings();
}

/** A lint as steps (one per instruction walked) and the findings once they are done. */
function startLint(tree: DockerfileTree, options: LintOptions): { steps: Iterable<void>; findings: () => Finding[] } {
  const locale = options.locale ?? 'en';
  const settings = options.settings ?? {};
  const suppressions = suppressionsFor(tree, settings);
  const shared = sharedAnalyses(tree, settings);
  const findings: Finding[] = [];
  const active: Visitors[] = [];
  for (const rule of options.rules) {
    const severity = severityOf(rule, options.severities);
    if (severity === 'off' || suppressions.skipsRuleEverywhere(rule)) continue;
    const context = contextFor(shared, (report) => {
      if (suppressions.suppresses(rule, report.span.start)) return;
      findings.push(toFinding(rule, severity, locale, report));
    });
    if (!options.onRuleError) {
      active.push(rule.create(context));
      continue;
    }
    const visitors = isolated(rule, () => rule.create(context), options.onRuleError);
    if (visitors) active.push(visitors);
  }
  return {
    steps: walk(tree, active),
    findings: () => findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule)),
  };
}

/** The ignore pragmas and `check=` directives that apply to a tree under these settings. */
export function suppressionsFor(tree: DockerfileTree, settings: LintSettings): Suppressions {
  return new Suppressions(tree, { commentPragmas: !settings.disableIgnorePragma, checkOverride: settings.buildArgs?.BUILDKIT_DOCKERFILE_CHECK });
}

export function severityOf(rule: Rule, severities: LintOptions['severities']): Severity | 'off' {
  const fallback = rule.meta.defaultOff ? 'off' : rule.meta.severity;
  if (!severities) return fallback;
  for (const name of [rule.meta.id, ...rule.meta.aliases]) {
    const configured = severities[name] ?? severities[name.toLowerCase()];
    if (configured) return configured;
  }
  return fallback;
}

interface SharedAnalyses {
  tree: DockerfileTree;
  settings: LintSettings;
  lines: () => LineIndex;
  variables: () => VariableResolver;
}

/** Analyses many rules use, each built on first use and shared by all rules. */
function sharedAnalyses(tree: DockerfileTree, settings: LintSettings): SharedAnalyses {
  let lines: LineIndex | undefined;
  let variables: VariableResolver | undefined;
  return {
    tree,
    settings,
    lines: () => (lines ??= new LineIndex(tree.text)),
    variables: () => (variables ??= new VariableResolver(tree)),
  };
}

function contextFor(shared: SharedAnalyses, report: (report: Report) => void): RuleContext {
  return {
    tree: shared.tree,
    text: shared.tree.text,
    settings: shared.settings,
    get lines() {
      return shared.lines();
    },
    get variables() {
      return shared.variables();
    },
    report,
  };
}

/**
 * Creates a rule's visitors so that an exception in the rule reaches `onError`
 * once and silences the rule for the rest of the walk instead of ending it.
 */
function isolated(rule: Rule, create: () => Visitors, onError: (rule: Rule, error: unknown) => void): Visitors | undefined {
  let failed = false;
  const guard = (run: (...args: never[]) => void) => (...args: never[]): void => {
    if (failed) return;
    try {
      run(...args);
    } catch (error) {
      failed = true;
      onError(rule, error);
    }
  };
  let visitors: Visitors | undefined;
  guard(() => {
    visitors = create();
  })();
  if (!visitors) return undefined;
  const guarded: Record<string, unknown> = {};
  for (const [key, handler] of Object.entries(visitors)) guarded[key] = typeof handler === 'function' ? guard((handler as (...args: never[]) => void).bind(visitors)) : handler;
  return guarded as Visitors;
}

export function formatMessage(template: string, data: Report['data']): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

function toFinding(rule: Rule, severity: Severity, locale: Locale, report: Report): Finding {
  const messages = rule.meta.messages[locale] ?? rule.meta.messages.en;
  const message = (id: string, data: Report['data']) => formatMessage(messages[id] ?? rule.meta.messages.en[id] ?? id, data);
  return {
    rule: rule.meta.id,
    aliases: rule.meta.aliases,
    severity,
    span: report.span,
    messageId: report.messageId,
    message: message(report.messageId, report.data),
    fixes: (report.fixes ?? []).map((fix: Fix) => ({ ...fix, title: message(fix.messageId, fix.data) })),
  };
}

/** One pass over the instructions, a step each; handlers are grouped by keyword first so each instruction calls only its own. */
function* walk(tree: DockerfileTree, visitors: Visitors[]): Generator<void> {
  const everyInstruction = visitors.flatMap((visitor) => (visitor.instruction ? [visitor.instruction] : []));
  const byKeyword = new Map<string, InstructionVisitor[]>();
  for (const visitor of visitors) {
    for (const [key, handler] of Object.entries(visitor)) {
      if (!isKeyword(key) || typeof handler !== 'function') continue;
      const handlers = byKeyword.get(key) ?? [];
      handlers.push(handler as InstructionVisitor);
      byKeyword.set(key, handlers);
    }
  }
  const visit = (instruction: Instruction, stage: Stage | undefined, onbuild?: Instruction) => {
    for (const handler of everyInstruction) handler(instruction, stage, onbuild);
    const handlers = byKeyword.get(instruction.keyword);
    if (handlers) for (const handler of handlers) handler(instruction, stage, onbuild);
  };
  const stageByFrom = new Map<Instruction, Stage>(tree.stages.map((stage) => [stage.from, stage]));
  let stage: Stage | undefined;
  for (const instruction of tree.instructions) {
    const starting = stageByFrom.get(instruction);
    if (starting) {
      if (stage) for (const visitor of visitors) visitor.stageEnd?.(stage);
      stage = starting;
      for (const visitor of visitors) visitor.stage?.(stage);
    }
    visit(instruction, stage);
    if (instruction.trigger) visit(instruction.trigger, stage, instruction);
    yield;
  }
  if (stage) for (const visitor of visitors) visitor.stageEnd?.(stage);
  for (const visitor of visitors) visitor.end?.();
}

function isKeyword(key: string): key is Keyword {
  return key.length > 1 && key === key.toUpperCase();
}
