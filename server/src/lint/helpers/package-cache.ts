import { instructionsOf, removalEmpties, resolvePath, runEffects, workdirAt, type RunEffect } from '../../analysis/filesystem-effects.js';
import { knownValue } from '../../analysis/known-value.js';
import { isMountedAway, layersShip } from '../../analysis/layers.js';
import { flagValue, operands, parseInstructionScript, programName, subcommand, unwrappedCommands, type ShellCommand, type ShellScript, type ShellWord } from '../../analysis/shell/index.js';
import type { VariableDefinition } from '../../analysis/variables.js';
import type { DockerfileTree, Instruction, Span, Stage } from '../../parser/index.js';
import { defineRule } from '../define-rule.js';
import type { Fix, Rule, RuleContext, RuleMeta } from '../types.js';
import { appendCommand } from './shell-edits.js';

/** A RUN being checked, and what a cache description may ask of it. */
export interface CheckedRun {
  tree: DockerfileTree;
  /** The RUN, or the ONBUILD that holds it. */
  instruction: Instruction;
  script: ShellScript;
  /** The script's commands with wrappers (`sudo`, `env`) removed. */
  commands: ShellCommand[];
  /** Dockerfile variables visible to the RUN. */
  scope: ReadonlyMap<string, VariableDefinition>;
  /** The parsed scripts of the stage's earlier RUNs, oldest first. */
  earlier: readonly ShellScript[];
  /** Whether a cache or tmpfs mount of this RUN holds the path. */
  mounted(path: string): boolean;
  /** The value an ENV gave a variable before this RUN, when the Dockerfile knows it. */
  env(name: string): string | undefined;
}

/** One cache a package manager leaves in a layer. */
export interface PackageCache<MessageId extends string> {
  /** For a command that fills the cache (and does not keep it out by itself, e.g. with `--no-cache`): the span to report. */
  fills(command: ShellCommand, run: CheckedRun): Span | undefined;
  /** Where it lives: a cache or tmpfs mount over one of these keeps it out of the layer, and removing one (or its contents) cleans it. */
  folders: readonly string[];
  /** Commands that clean it other than removing a folder (`yum clean all`), given the command that filled it. */
  cleans?(command: ShellCommand, filler: ShellCommand): boolean;
  /** The finding's message (`{command}`), and the one when a later RUN cleans it (`{command}`, `{line}`). */
  left: MessageId;
  cleanedLater: MessageId;
  fix?(filler: ShellCommand, run: CheckedRun): Fix | undefined;
  /** More placeholders for the messages and the fix title, from the command that filled the cache. */
  data?(filler: ShellCommand): Record<string, string>;
  /** Report every filling command (each takes its own fix, a flag), rather than the first one per RUN left uncleaned. */
  eachCommand?: boolean;
}

interface Pending {
  cache: PackageCache<string>;
  span: Span;
  filler: ShellCommand;
  run: CheckedRun;
  /** The line of a later RUN that cleans it. */
  cleanedOn?: number;
}

/** `apt-get update`: from the command name to the subcommand. */
export function commandSpan(command: ShellCommand, last: ShellWord | undefined): Span {
  return { start: command.nameWord.start, end: (last ?? command.nameWord).end };
}

/**
 * A rule for package-manager caches left in a layer. Caches count only in
 * stages whose layers ship (see `layersShip`) and in ONBUILD triggers; a
 * cache or tmpfs mount over the cache, or cleaning it later in the same RUN,
 * makes it fine; cleaning it in a later RUN does not, and the message says so.
 */
export function packageCacheRule<MessageId extends string>(meta: RuleMeta<MessageId>, caches: ReadonlyArray<PackageCache<NoInfer<MessageId>>>): Rule<MessageId> {
  return defineRule({
    meta,
    create(context) {
      let pending: Pending[] = [];
      // The stage's earlier RUNs, and apart from them its earlier ONBUILD RUNs, which run in another build.
      let earlier: ShellScript[] = [];
      let earlierTriggers: ShellScript[] = [];
      const flush = () => {
        for (const entry of pending) report(context, entry);
        pending = [];
        earlier = [];
        earlierTriggers = [];
      };
      return {
        stage: flush,
        end: flush,
        RUN(instruction, stage, onbuild) {
          const owner = onbuild ?? instruction;
          if (!onbuild && !layersShip(context.tree, stage)) return;
          const script = parseInstructionScript(context.tree, owner);
          if (!script || script.hasErrors) return;
          const run: CheckedRun = {
            tree: context.tree,
            instruction: owner,
            script,
            commands: unwrappedCommands(script),
            scope: context.variables.scopeAt(owner.start),
            earlier: onbuild ? earlierTriggers : earlier,
            mounted: (path) => isMountedAway(owner, path),
            env: (name) => envValue(context, stage, owner, name),
          };
          const effects = runEffects(script, onbuild ? undefined : workdirAt(context.tree, stage, owner, context.variables), run.scope);
          if (!onbuild) markCleanedLater(context, pending, run, effects);
          const found = cacheFindings(caches, run, effects);
          if (onbuild) {
            for (const entry of found) report(context, entry);
            earlierTriggers.push(script);
          } else {
            for (const entry of found) pending.push(entry);
            earlier.push(script);
          }
        },
      };
    },
  });
}

/** An ENV's value, also for instructions before the first FROM, which have no stage of their own. */
function envValue(context: RuleContext, stage: Stage | undefined, instruction: Instruction, name: string): string | undefined {
  if (stage) {
    const definition = context.variables.scopeAt(instruction.start).get(name);
    return definition?.kind === 'env' ? definition.value : undefined;
  }
  let value: string | undefined;
  for (const earlier of instructionsOf(context.tree, undefined)) {
    if (earlier.start >= instruction.start) break;
    for (const pair of earlier.keyword === 'ENV' ? (earlier.pairs ?? []) : []) {
      if (pair.key.value === name) value = pair.value && knownValue(pair.value.value, new Map(), context.tree.escapeChar);
    }
  }
  return value;
}

function cacheFindings(caches: ReadonlyArray<PackageCache<string>>, run: CheckedRun, effects: readonly RunEffect[]): Pending[] {
  const found: Pending[] = [];
  for (const cache of caches) {
    if (cache.folders.some((folder) => run.mounted(folder))) continue;
    for (const command of run.commands) {
      const span = cache.fills(command, run);
      if (!span || cleansIn(cache, run, effects, command, command.index)) continue;
      found.push({ cache, span, filler: command, run });
      if (!cache.eachCommand) break;
    }
  }
  return found;
}

/** Whether a command after position `after` (-1: any) cleans the cache that `filler` filled. */
function cleansIn(cache: PackageCache<string>, run: CheckedRun, effects: readonly RunEffect[], filler: ShellCommand, after: number): boolean {
  if (cache.cleans && run.commands.some((command) => command.index > after && cache.cleans!(command, filler))) return true;
  return effects.some((effect) => effect.kind === 'remove' && effect.command.index > after && cache.folders.some((folder) => removalEmpties(effect.path, folder)));
}

function markCleanedLater(context: RuleContext, pending: Pending[], run: CheckedRun, effects: readonly RunEffect[]): void {
  for (const entry of pending) {
    if (entry.cleanedOn === undefined && cleansIn(entry.cache, run, effects, entry.filler, -1)) {
      entry.cleanedOn = context.lines.positionAt(run.instruction.start).line + 1;
    }
  }
}

function report(context: RuleContext, entry: Pending): void {
  const command = context.text.slice(entry.span.start, entry.span.end);
  const data = entry.cache.data?.(entry.filler) ?? {};
  const fix = entry.cache.fix?.(entry.filler, entry.run);
  context.report({
    span: entry.span,
    messageId: entry.cleanedOn === undefined ? entry.cache.left : entry.cache.cleanedLater,
    data: entry.cleanedOn === undefined ? { ...data, command } : { ...data, command, line: entry.cleanedOn },
    fixes: fix ? [{ ...fix, data: { ...data, ...fix.data } }] : [],
  });
}

/** A fix that writes `flag` right after `word` (`apk add --no-cache`). */
export function flagFix(messageId: string, word: ShellWord, flag: string, safe: boolean): Fix {
  return { messageId, edits: [{ start: word.end, end: word.end, text: ` ${flag}` }], safe };
}

/** A fix that runs `command` at the end of the RUN (`&& yum clean all`), when its script can take one. */
export function appendFix(messageId: string, run: CheckedRun, command: string, safe: boolean): Fix | undefined {
  const edit = appendCommand(run.tree, run.instruction, run.script, command);
  return edit && { messageId, edits: [edit], safe };
}

/** The subcommand of a package manager (`install` in `dnf -y install x`), when it is one of `names`. */
export function subcommandIn(command: ShellCommand, programs: readonly string[], names: readonly string[]): ShellWord | undefined {
  if (!programs.includes(programName(command.name))) return undefined;
  const word = subcommand(command);
  return word && names.includes(word.value) ? word : undefined;
}

export interface ManagerCacheSpec<MessageId extends string> {
  /** Program names (`dnf`, `microdnf`). */
  programs: readonly string[];
  /** Subcommands that fill the cache (`install`, `upgrade`). */
  fills: readonly string[];
  folders: readonly string[];
  /** Whether a command cleans the cache (`yum clean all`), given the command that filled it. */
  cleans(command: ShellCommand, filler: ShellCommand): boolean;
  left: MessageId;
  cleanedLater: MessageId;
  /** The fix: its title's message id, the command it appends, and whether it is safe. */
  fix: { messageId: string; command: (filler: ShellCommand) => string; safe: boolean };
  data?(filler: ShellCommand): Record<string, string>;
}

/** A cache that a package manager's subcommands fill and a command of its own cleans, fixed by appending that command. */
export function managerCache<MessageId extends string>(spec: ManagerCacheSpec<MessageId>): PackageCache<MessageId> {
  return {
    fills: (command) => {
      const word = subcommandIn(command, spec.programs, spec.fills);
      return word && commandSpan(command, word);
    },
    folders: spec.folders,
    cleans: spec.cleans,
    left: spec.left,
    cleanedLater: spec.cleanedLater,
    fix: (filler, run) => appendFix(spec.fix.messageId, run, spec.fix.command(filler), spec.fix.safe),
    data: spec.data,
  };
}

/** `<program> clean all` run by the same program that filled the cache (`microdnf` cleans only microdnf's). */
export function cleansAll(command: ShellCommand, filler: ShellCommand): boolean {
  if (programName(command.name) !== programName(filler.name)) return false;
  const words = operands(command);
  return words[0]?.value === 'clean' && words[1]?.value === 'all';
}

/**
 * Whether the command puts its cache in a cache or tmpfs mount: through an
 * option (`--cache /mnt/npm`) or an environment variable (`npm_config_cache`)
 * set for the command or by an ENV.
 */
export function cacheInMount(command: ShellCommand, run: CheckedRun, flag: string, variables: readonly string[]): boolean {
  const assigned = command.assignments.find((assignment) => variables.includes(assignment.name))?.value?.value;
  const folder = flagValue(command, flag, { valueOptions: [flag] }) ?? assigned ?? variables.map((name) => run.env(name)).find((value) => value !== undefined);
  const path = folder === undefined ? undefined : resolvePath(folder, undefined);
  return path !== undefined && run.mounted(path);
}
