import { VariableResolver } from '../analysis/variables.js';
import { LineIndex, type DockerfileTree, type Instruction, type Stage } from '../parser/index.js';
import { lineEndOf } from './helpers/edits.js';
import { changedSince, detached, isContext, relocated, type InstructionFindings, type LintMemo } from './memo.js';
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
  // No memo: a one-off lint (the CLI, a fix check) would copy every finding for nothing.
  const run = startLint(tree, options, undefined, false);
  for (const _ of run.steps);
  return run.result().findings;
}

/** A lint's findings, and what a lint of the next version of the document can reuse. */
export interface LintResult {
  findings: Finding[];
  memo: LintMemo | undefined;
}

/**
 * As `lint`, reusing `previous` (the memo of a lint of an earlier version of
 * this document) for the instructions the edits since left alone, where the
 * rule's findings depend on nothing else (lint/memo.ts).
 */
export function lintReusing(tree: DockerfileTree, options: LintOptions, previous?: LintMemo): LintResult {
  const run = startLint(tree, options, previous, true);
  for (const _ of run.steps);
  return run.result();
}

/**
 * The same lint, handing the event loop back (`pause`, one immediate unless
 * the caller knows better) every `sliceMs` of work so the server answers
 * other requests meanwhile (a 50,000-stage file lints for seconds); resolves
 * to undefined, unfinished, once `cancelled()` says so.
 */
export async function lintInSlices(tree: DockerfileTree, options: LintOptions, { sliceMs = 10, cancelled = () => false, previous, pause = nextImmediate }: { sliceMs?: number; cancelled?: () => boolean; previous?: LintMemo; pause?: () => Promise<void> } = {}): Promise<LintResult | undefined> {
  // The caller's own work (a sliced parse's last slice) ends a slice: the lint starts in the next.
  await pause();
  if (cancelled()) return undefined;
  const run = startLint(tree, options, previous, true);
  let sliceStart = performance.now();
  for (const _ of run.steps) {
    if (performance.now() - sliceStart < sliceMs) continue;
    await pause();
    if (cancelled()) return undefined;
    sliceStart = performance.now();
  }
  return run.result();
}

function nextImmediate(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A lint as steps (one per instruction walked) and its result once they are
 * done. Instruction-scoped rules report into the current instruction's entry
 * of the memo, so a later lint can take the entries of unchanged instructions
 * instead of visiting them.
 */
function startLint(tree: DockerfileTree, options: LintOptions, previous: LintMemo | undefined, memoize: boolean): { steps: Iterable<void>; result: () => LintResult } {
  const locale = options.locale ?? 'en';
  const settings = options.settings ?? {};
  const suppressions = suppressionsFor(tree, settings);
  const shared = sharedAnalyses(tree, settings);
  const changed = previous && changedSince(previous, tree, options);
  const entries = new Map<Instruction, InstructionFindings>();
  let current: InstructionFindings | undefined;
  const fileFindings: Finding[] = [];
  const fileScoped: Visitors[] = [];
  const instructionScoped: Visitors[] = [];
  let failed = false;
  const onRuleError = options.onRuleError && ((rule: Rule, error: unknown) => {
    failed = true;
    options.onRuleError!(rule, error);
  });
  for (const rule of options.rules) {
    const severity = severityOf(rule, options.severities);
    if (severity === 'off' || suppressions.skipsRuleEverywhere(rule)) continue;
    let scoped = false;
    const context = contextFor(shared, (report) => {
      const finding = toFinding(rule, severity, locale, report);
      if (scoped && current) current.findings.push({ rule, finding: detached(finding) });
      else if (!suppressions.suppresses(rule, report.span.start)) fileFindings.push(finding);
    });
    const visitors = onRuleError ? isolated(rule, () => rule.create(context), onRuleError) : rule.create(context);
    if (!visitors) continue;
    scoped = memoize && rule.meta.scope === 'instruction' && !visitors.stage && !visitors.stageEnd && !visitors.end;
    (scoped ? instructionScoped : fileScoped).push(visitors);
  }
  const enter = (instruction: Instruction): boolean => {
    if (!memoize) return true;
    const kept = changed && !changed.has(instruction) ? previous.byInstruction.get(instruction) : undefined;
    current = kept ? relocated(kept, instruction.start) : { start: instruction.start, findings: [] };
    entries.set(instruction, current);
    return !kept;
  };
  return {
    steps: walk(tree, fileScoped, instructionScoped, enter),
    result: () => {
      const findings = fileFindings;
      for (const entry of entries.values()) {
        for (const { rule, finding } of entry.findings) if (!suppressions.suppresses(rule, finding.span.start)) findings.push(finding);
      }
      findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
      // A rule that failed was left out part-way: its entries are incomplete.
      return { findings, memo: failed || !memoize ? undefined : memoOf(tree, options, entries) };
    },
  };
}

function memoOf(tree: DockerfileTree, options: LintOptions, byInstruction: Map<Instruction, InstructionFindings>): LintMemo {
  return {
    options,
    directives: tree.directives,
    escapeChar: tree.escapeChar,
    lineEnd: lineEndOf(tree.text),
    comments: new Set(tree.comments),
    contextInstructions: tree.instructions.filter(isContext).length,
    byInstruction,
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

/**
 * One pass over the instructions, a step each. File-scoped visitors see every
 * instruction; instruction-scoped ones only those `enter` says need a visit
 * (the others' findings are reused).
 */
function* walk(tree: DockerfileTree, fileScoped: Visitors[], instructionScoped: Visitors[], enter: (instruction: Instruction) => boolean): Generator<void> {
  const visitFile = dispatcher(fileScoped);
  const visitScoped = dispatcher(instructionScoped);
  const stageByFrom = new Map<Instruction, Stage>(tree.stages.map((stage) => [stage.from, stage]));
  let stage: Stage | undefined;
  for (const instruction of tree.instructions) {
    const starting = stageByFrom.get(instruction);
    if (starting) {
      if (stage) for (const visitor of fileScoped) visitor.stageEnd?.(stage);
      stage = starting;
      for (const visitor of fileScoped) visitor.stage?.(stage);
    }
    visitWithTrigger(visitFile, instruction, stage);
    if (enter(instruction)) visitWithTrigger(visitScoped, instruction, stage);
    yield;
  }
  if (stage) for (const visitor of fileScoped) visitor.stageEnd?.(stage);
  yield;
  // A step each: some rules do their whole-file work at the end.
  for (const visitor of fileScoped) {
    if (!visitor.end) continue;
    visitor.end();
    yield;
  }
}

function visitWithTrigger(visit: InstructionVisitor, instruction: Instruction, stage: Stage | undefined): void {
  visit(instruction, stage);
  if (instruction.trigger) visit(instruction.trigger, stage, instruction);
}

/** Calls the visitors' handlers for one instruction; grouped by keyword first, so each instruction calls only its own. */
function dispatcher(visitors: Visitors[]): InstructionVisitor {
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
  return (instruction, stage, onbuild) => {
    for (const handler of everyInstruction) handler(instruction, stage, onbuild);
    const handlers = byKeyword.get(instruction.keyword);
    if (handlers) for (const handler of handlers) handler(instruction, stage, onbuild);
  };
}

function isKeyword(key: string): key is Keyword {
  return key.length > 1 && key === key.toUpperCase();
}
