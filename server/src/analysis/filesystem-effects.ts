/**
 * What instructions do to the image's files, as paths rules can compare: the
 * paths a COPY or ADD creates, and the paths RUN commands download, extract,
 * remove or re-own, each resolved against the working directory.
 *
 * A path is a normalized string. An absolute path starts with `/`. A path
 * whose root cannot be known from the Dockerfile starts with a `${NAME}`
 * segment: a variable (`${HOME}/.npm`), or `${WORKDIR}` for the working
 * directory a base image sets, so that two paths relative to the same
 * unknown directory still compare equal.
 */
import type { DockerfileTree, Instruction, Stage } from '../parser/index.js';
import { copyArguments } from './copy.js';
import { shellPatternMatches } from './glob.js';
import { knownValue } from './known-value.js';
import { parseArguments, type OptionSpec, type ShellCommand, type ShellScript, type ShellWord } from './shell/index.js';
import { memoOn } from './shell/memo.js';
import { programName } from './shell/script-source.js';
import { unwrapCommand } from './shell/wrappers.js';
import { parentStage } from './stages.js';
import type { VariableDefinition, VariableResolver } from './variables.js';

type Scope = ReadonlyMap<string, VariableDefinition>;

/** The root of paths relative to the working directory a base image sets. */
export const IMAGE_WORKDIR = '${WORKDIR}';

const SYMBOLIC_ROOT = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** Collapses `//`, `.` and `..` and drops a trailing slash; undefined when `..` climbs above the root or the path is relative. */
export function normalizePath(path: string): string | undefined {
  const segments = path.split('/');
  const root = segments[0];
  if (root !== '' && !SYMBOLIC_ROOT.test(root)) return undefined;
  const out: string[] = [];
  for (const segment of segments.slice(1)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else {
      out.push(segment);
    }
  }
  return out.length === 0 ? root || '/' : `${root}/${out.join('/')}`;
}

/** A path against the working directory `cwd` (undefined: unknown); `~` is `${HOME}`. */
export function resolvePath(path: string, cwd: string | undefined): string | undefined {
  if (path === '') return undefined;
  const home = path === '~' || path.startsWith('~/') ? `\${HOME}${path.slice(1)}` : path;
  if (home.startsWith('/') || SYMBOLIC_ROOT.test(home.split('/')[0])) return normalizePath(home);
  if (cwd === undefined) return undefined;
  return normalizePath(`${cwd === '/' ? '' : cwd}/${home}`);
}

/**
 * The text without the slashes it ends with. A loop, not `/(?<!\/)\/+$/`:
 * that pattern backtracks quadratically over many slashes (recheck's fuzzer finds it on some runs).
 */
export function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === SLASH) end--;
  return text.slice(0, end);
}

const SLASH = 0x2f;

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether `path` is `directory` or lies inside it. */
export function isWithin(path: string, directory: string): boolean {
  if (directory === '/') return path.startsWith('/');
  return path === directory || path.startsWith(`${directory}/`);
}

const GLOB = /[*?[]/;

export function hasGlob(path: string): boolean {
  return GLOB.test(path);
}

/** Shell globbing of one path segment: `*`, `?` and `[...]`, none of which match `/`; a leading dot only by a dot. */
function segmentMatches(pattern: string, segment: string): boolean {
  if (!hasGlob(pattern)) return pattern === segment;
  if (segment.startsWith('.') && !pattern.startsWith('.')) return false;
  return shellPatternMatches(pattern, segment);
}

/** Whether the glob `pattern` (both normalized) names `path`. */
export function globMatches(pattern: string, path: string): boolean {
  if (!hasGlob(pattern)) return pattern === path;
  const patternSegments = pattern.split('/');
  const pathSegments = path.split('/');
  return patternSegments.length === pathSegments.length && patternSegments.every((segment, index) => segmentMatches(segment, pathSegments[index]));
}

/** Whether removing `removed` (a glob) takes `path` with it: it names the path or one of its folders. */
export function removalCovers(removed: string, path: string): boolean {
  if (!hasGlob(removed)) return isWithin(path, removed);
  const depth = removed.split('/').length;
  const segments = path.split('/');
  return segments.length >= depth && globMatches(removed, segments.slice(0, depth).join('/'));
}

/** Whether removing `removed` empties the folder `directory`: it removes the folder, a folder above it, or everything in it (`dir/*`). */
export function removalEmpties(removed: string, directory: string): boolean {
  if (removalCovers(removed, directory)) return true;
  const slash = removed.lastIndexOf('/');
  return removed.slice(slash + 1) === '*' && removalCovers(removed.slice(0, slash) || '/', directory);
}

/**
 * A word's text with variables substituted where the Dockerfile knows their
 * value, and written `${NAME}` where it does not; undefined for command
 * substitution, arithmetic and `${NAME:-...}`-style expansions.
 */
export function substituteVariables(text: string, scope: Scope): string | undefined {
  // Command substitution, `${...}` that is more than a name (or is not closed), `$` before no name: unknown.
  if (/\$\(|`|\$\{[A-Za-z0-9_]*[^A-Za-z0-9_}]|\$\{[A-Za-z0-9_]*$|\$[^A-Za-z_{]/.test(text)) return undefined;
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_whole, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare!;
    return scope.get(name)?.value ?? `\${${name}}`;
  });
}

/** The path a shell word names, against `cwd`; undefined when the shell decides it at run time. */
export function shellWordPath(word: ShellWord, cwd: string | undefined, scope: Scope): string | undefined {
  const text = word.isStatic ? word.value : substituteVariables(word.value, scope);
  return text === undefined ? undefined : resolvePath(text, cwd);
}

// ---------------------------------------------------------------------------
// Working directories

interface StageWorkdirs {
  /** The working directory each instruction of the stage runs in. */
  at: Map<Instruction, string | undefined>;
  /** The one the stage ends with, which a stage built FROM it starts in. */
  end: string | undefined;
}

const workdirCache = new WeakMap<DockerfileTree, Map<Stage | undefined, StageWorkdirs>>();

/** The instructions of a stage, or those before the first FROM for `undefined`. */
export function instructionsOf(tree: DockerfileTree, stage: Stage | undefined): Instruction[] {
  if (stage) return stage.instructions;
  const first = tree.stages[0]?.from;
  return first ? tree.instructions.slice(0, tree.instructions.indexOf(first)) : tree.instructions;
}

/**
 * The working directory an instruction runs in: what the stage's WORKDIRs
 * made of the base's (`/` for scratch, the parent stage's last one for
 * `FROM stage`, `${WORKDIR}` for an image); undefined when a WORKDIR uses a
 * value the Dockerfile does not know.
 */
export function workdirAt(tree: DockerfileTree, stage: Stage | undefined, instruction: Instruction, variables: VariableResolver): string | undefined {
  return workdirsOf(tree, stage, variables).at.get(instruction);
}

function workdirsOf(tree: DockerfileTree, stage: Stage | undefined, variables: VariableResolver): StageWorkdirs {
  let byStage = workdirCache.get(tree);
  if (!byStage) workdirCache.set(tree, (byStage = new Map()));
  const cached = byStage.get(stage);
  if (cached) return cached;
  const workdirs: StageWorkdirs = { at: new Map(), end: undefined };
  byStage.set(stage, workdirs);
  let cwd = baseWorkdir(tree, stage, variables);
  for (const instruction of instructionsOf(tree, stage)) {
    workdirs.at.set(instruction, cwd);
    if (instruction.keyword === 'WORKDIR') cwd = nextWorkdir(tree, instruction, cwd, variables);
  }
  workdirs.end = cwd;
  return workdirs;
}

function baseWorkdir(tree: DockerfileTree, stage: Stage | undefined, variables: VariableResolver): string | undefined {
  if (!stage) return IMAGE_WORKDIR;
  if (stage.from.from?.image.value.toLowerCase() === 'scratch') return '/';
  const parent = parentStage(tree, stage);
  return parent ? workdirsOf(tree, parent, variables).end : IMAGE_WORKDIR;
}

function nextWorkdir(tree: DockerfileTree, instruction: Instruction, cwd: string | undefined, variables: VariableResolver): string | undefined {
  const raw = instruction.args.value.trim();
  if (!raw) return cwd;
  const value = knownValue(raw, variables.scopeAt(instruction.start), tree.escapeChar);
  return value === undefined ? undefined : resolvePath(value, cwd);
}

// ---------------------------------------------------------------------------
// COPY and ADD

export interface CopiedPath {
  /** Where the source lands: the file, or the folder its contents go into. */
  path: string;
  /** Further places it may land, when the destination may or may not be an existing folder. */
  alternatives: string[];
  /** The source as written (quotes removed). */
  source: string;
  /** The source word in the document. */
  span: { start: number; end: number };
}

/**
 * The paths a COPY or ADD creates, source by source: `dest/name` when the
 * destination is a folder (a trailing slash, or several sources), else the
 * destination itself (or `dest/name` when it is an existing folder). Heredoc
 * sources, `--parents` and unknown destinations give none.
 */
export function copiedPaths(tree: DockerfileTree, instruction: Instruction, cwd: string | undefined, variables: VariableResolver): CopiedPath[] {
  if (instruction.flags.some((flag) => flag.name === 'parents')) return [];
  const { sources, destination } = copyArguments(instruction, tree.escapeChar);
  if (!destination || sources.length === 0) return [];
  const scope = variables.scopeAt(instruction.start);
  const destinationText = substituteVariables(destination.value, scope);
  const target = destinationText === undefined ? undefined : resolvePath(destinationText, cwd);
  if (target === undefined) return [];
  const intoFolder = destination.value.endsWith('/') || sources.length + instruction.heredocs.length > 1;
  return sources.flatMap((source) => {
    const sourceText = substituteVariables(source.value, scope);
    if (sourceText === undefined) return [];
    const name = basename(withoutTrailingSlashes(sourceText).replace(/^[a-z]+:\/\/[^/]*\/?/, ''));
    const inside = name && name !== '.' && name !== '..' ? `${target === '/' ? '' : target}/${name}` : undefined;
    const path = intoFolder && inside ? inside : target;
    const alternatives = !intoFolder && inside ? [inside] : [];
    return [{ path, alternatives, source: source.value, span: { start: source.start, end: source.end } }];
  });
}

// ---------------------------------------------------------------------------
// RUN commands

export type RunEffectKind = 'create' | 'remove' | 'chmod' | 'chown';

export interface RunEffect {
  kind: RunEffectKind;
  /** The path as resolved; for `create`, a folder when `folder` is set. */
  path: string;
  word: ShellWord;
  command: ShellCommand;
  /** `rm -r`, `chmod -R`: folders and all they hold. */
  recursive: boolean;
  /** A created folder (git clone, tar -C), rather than a file. */
  folder: boolean;
}

const CURL: OptionSpec = {
  valueOptions: [
    '-o', '--output', '--output-dir', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '-u', '--user',
    '-X', '--request', '-A', '--user-agent', '-e', '--referer', '-w', '--write-out', '--retry', '--retry-delay', '--retry-max-time',
    '--connect-timeout', '-m', '--max-time', '-x', '--proxy', '-T', '--upload-file', '--cacert', '--capath', '--cert', '--key', '-b',
    '--cookie', '-c', '--cookie-jar', '-F', '--form', '-r', '--range', '--url', '-K', '--config', '--resolve', '-z', '--time-cond',
    '--proto', '--proto-redir', '--limit-rate', '-Y', '--speed-limit', '-y', '--speed-time', '--tlsv1.2', '--ciphers', '--netrc-file',
  ],
};
const WGET: OptionSpec = {
  valueOptions: [
    '-O', '--output-document', '-P', '--directory-prefix', '-o', '--output-file', '-a', '--append-output', '-U', '--user-agent',
    '--header', '-t', '--tries', '-T', '--timeout', '-e', '--execute', '--user', '--password', '-i', '--input-file', '-w', '--wait',
    '--ca-certificate', '--certificate', '--private-key', '-Q', '--quota', '--limit-rate', '-l', '--level', '-A', '--accept', '-R', '--reject',
  ],
};
const GIT_CLONE: OptionSpec = { valueOptions: ['-b', '--branch', '--depth', '-o', '--origin', '-c', '--config', '--reference', '--separate-git-dir', '-j', '--jobs', '--filter', '--shallow-since', '--shallow-exclude', '-u', '--upload-pack', '--template'] };
const CHMOD_CHOWN: OptionSpec = { valueOptions: ['--reference', '--from'] };

/** A URL's last path segment: the file name `curl -O` and `wget` give it. */
function urlFileName(url: string): string | undefined {
  const path = url.replace(/[?#][^]*$/, '').replace(/^[a-z]+:\/\/[^/]*/i, '');
  const name = basename(path);
  return name && !name.includes('$') ? name : undefined;
}

/**
 * The paths the commands of a RUN create, remove, chmod or chown, in order,
 * relative paths against `cwd` and the `cd`s before them (a `cd` the walk
 * cannot follow makes the rest relative to an unknown folder).
 */
export function runEffects(script: ShellScript, cwd: string | undefined, scope: Scope): readonly RunEffect[] {
  const computed = memoOn(script, EFFECTS, newEffectList);
  let entry = computed.find((candidate) => candidate.cwd === cwd && candidate.scope === scope);
  if (!entry) {
    // A script the incremental parser keeps meets a new scope object at each edit: keep the latest few.
    if (computed.length >= MAX_EFFECTS_PER_SCRIPT) computed.shift();
    computed.push((entry = { cwd, scope, effects: computeRunEffects(script, cwd, scope) }));
  }
  return entry.effects;
}

/**
 * A script's effects by folder and scope (a scope object per offset, see
 * `VariableResolver.scopeAt`): a dozen rules ask for the same RUN's effects.
 */
const EFFECTS = Symbol('effects');
const MAX_EFFECTS_PER_SCRIPT = 4;

type EffectList = Array<{ cwd: string | undefined; scope: Scope; effects: readonly RunEffect[] }>;

function newEffectList(): EffectList {
  return [];
}

function computeRunEffects(script: ShellScript, cwd: string | undefined, scope: Scope): RunEffect[] {
  const effects: RunEffect[] = [];
  for (const { command, cwd: current } of commandsWithDirectory(script, cwd, scope)) {
    const name = programName(command.name);
    const add = (kind: RunEffectKind, word: ShellWord | undefined, options: { recursive?: boolean; folder?: boolean; path?: string } = {}) => {
      const path = options.path ?? (word && shellWordPath(word, current, scope));
      if (word && path) effects.push({ kind, path, word, command, recursive: options.recursive ?? false, folder: options.folder ?? false });
    };
    switch (name) {
      case 'rm': {
        // Once, not per operand: each look parses every argument (an rm of 100,000 paths took a minute).
        const recursive = hasShortOrLong(command, 'r', '--recursive') || hasShortOrLong(command, 'R', '--recursive');
        for (const operand of operandsOf(command)) add('remove', operand, { recursive });
        break;
      }
      case 'chmod':
      case 'chown':
      case 'chgrp': {
        const words = operandsOf(command, CHMOD_CHOWN);
        const recursive = hasShortOrLong(command, 'R', '--recursive');
        const hasReference = parseArguments(command, CHMOD_CHOWN).some((argument) => argument.kind === 'flag' && argument.flag === '--reference');
        for (const operand of words.slice(hasReference ? 0 : 1)) add(name === 'chmod' ? 'chmod' : 'chown', operand, { recursive });
        break;
      }
      case 'curl':
        curlEffects(command, current, scope, add);
        break;
      case 'wget':
        wgetEffects(command, current, scope, add);
        break;
      case 'git':
        gitCloneEffects(command, current, add);
        break;
      case 'tar': {
        const tar = readTar(command);
        if (tar.extract && tar.directory) add('create', tar.directory, { folder: true });
        break;
      }
      case 'unzip': {
        const directory = parseArguments(command, { valueOptions: ['-d', '-x'] }).find((argument) => argument.kind === 'flag' && argument.flag === '-d');
        if (directory?.kind === 'flag' && directory.valueWord) add('create', directory.valueWord, { folder: true });
        break;
      }
    }
  }
  return effects;
}

export interface CommandInDirectory {
  /** The command, wrappers removed. */
  command: ShellCommand;
  /** The folder it runs in; undefined when a `cd` before it could not be followed. */
  cwd: string | undefined;
}

/** The script's commands (wrappers removed, `cd`, `pushd` and `popd` left out) with the folder each runs in. */
export function commandsWithDirectory(script: ShellScript, cwd: string | undefined, scope: Scope): CommandInDirectory[] {
  const found: CommandInDirectory[] = [];
  let current = cwd;
  for (const raw of script.commands) {
    const command = unwrapCommand(raw);
    const name = programName(command.name);
    if (name === 'cd' || name === 'pushd' || name === 'popd') current = name === 'cd' ? cdTarget(command, current, scope) : undefined;
    else found.push({ command, cwd: current });
  }
  return found;
}

type AddEffect = (kind: RunEffectKind, word: ShellWord | undefined, options?: { recursive?: boolean; folder?: boolean; path?: string }) => void;

function cdTarget(command: ShellCommand, cwd: string | undefined, scope: Scope): string | undefined {
  const words = operandsOf(command);
  if (command.within.length > 0 || words.length !== 1 || words[0].value === '-') return undefined;
  return shellWordPath(words[0], cwd, scope);
}

function operandsOf(command: ShellCommand, spec: OptionSpec = {}): ShellWord[] {
  return parseArguments(command, spec).flatMap((argument) => (argument.kind === 'operand' ? [argument.word] : []));
}

function hasShortOrLong(command: ShellCommand, letter: string, long: string): boolean {
  return parseArguments(command, {}).some((argument) => argument.kind === 'flag' && (argument.flag === `-${letter}` || argument.flag === long));
}

function curlEffects(command: ShellCommand, cwd: string | undefined, scope: Scope, add: AddEffect): void {
  const parsed = parseArguments(command, CURL);
  const urls = parsed.flatMap((argument) => (argument.kind === 'operand' ? [argument.word] : []));
  const outputDir = parsed.find((argument) => argument.kind === 'flag' && argument.flag === '--output-dir');
  const directory = outputDir?.kind === 'flag' && outputDir.valueWord ? shellWordPath(outputDir.valueWord, cwd, scope) : cwd;
  for (const argument of parsed) {
    if (argument.kind !== 'flag') continue;
    if ((argument.flag === '-o' || argument.flag === '--output') && argument.valueWord && argument.value !== '-') {
      add('create', argument.valueWord, { path: shellWordPath(argument.valueWord, directory, scope) });
    } else if ((argument.flag === '-O' || argument.flag === '--remote-name') && urls[0]) {
      const name = urlFileName(urls[0].value);
      const path = name && directory !== undefined ? resolvePath(name, directory) : undefined;
      if (path) add('create', urls[0], { path });
    }
  }
  redirectEffects(command, cwd, scope, add);
}

function wgetEffects(command: ShellCommand, cwd: string | undefined, scope: Scope, add: AddEffect): void {
  const parsed = parseArguments(command, WGET);
  const output = parsed.find((argument) => argument.kind === 'flag' && (argument.flag === '-O' || argument.flag === '--output-document'));
  if (output?.kind === 'flag') {
    if (output.valueWord && output.value !== '-') add('create', output.valueWord);
    else if (output.value === undefined && output.word.value.length > 2) add('create', output.word, { path: resolveText(output.word.value.replace(/^-O|^--output-document=/, ''), cwd, scope) });
  } else {
    const prefix = parsed.find((argument) => argument.kind === 'flag' && (argument.flag === '-P' || argument.flag === '--directory-prefix'));
    const directory = prefix?.kind === 'flag' && prefix.valueWord ? shellWordPath(prefix.valueWord, cwd, scope) : cwd;
    for (const argument of parsed) {
      if (argument.kind !== 'operand') continue;
      const name = urlFileName(argument.word.value);
      const path = name && directory !== undefined ? resolvePath(name, directory) : undefined;
      if (path) add('create', argument.word, { path });
    }
  }
  redirectEffects(command, cwd, scope, add);
}

function resolveText(text: string, cwd: string | undefined, scope: Scope): string | undefined {
  const value = substituteVariables(text, scope);
  return value === undefined ? undefined : resolvePath(value, cwd);
}

/** `curl url > file`: the file a download is written to. */
function redirectEffects(command: ShellCommand, cwd: string | undefined, scope: Scope, add: AddEffect): void {
  for (const redirect of command.redirects) {
    if ((redirect.operator === '>' || redirect.operator === '>|') && redirect.descriptor === undefined && redirect.target && redirect.target.value !== '/dev/null') {
      add('create', redirect.target, { path: shellWordPath(redirect.target, cwd, scope) });
    }
  }
}

function gitCloneEffects(command: ShellCommand, cwd: string | undefined, add: AddEffect): void {
  const words = operandsOf(command, GIT_CLONE);
  if (words[0]?.value !== 'clone' || !words[1]) return;
  if (words[2]) {
    add('create', words[2], { folder: true });
    return;
  }
  const name = urlFileName(withoutTrailingSlashes(words[1].value))?.replace(/\.git$/, '');
  const path = name && cwd !== undefined ? resolvePath(name, cwd) : undefined;
  if (path) add('create', words[1], { folder: true, path });
}

export interface TarInvocation {
  /** `-x`, `--extract`, `--get`, or `x` in the old letter form. */
  extract: boolean;
  archive?: ShellWord;
  directory?: ShellWord;
  /** Every option given, by name (`-z`, `--strip-components`, ...). */
  options: Set<string>;
  /** Operands other than the archive and folder: members to extract. */
  members: ShellWord[];
}

const TAR_VALUE_LETTERS = new Set(['f', 'C', 'T', 'X', 'b', 'H', 'K', 'N', 'V', 'L', 'g', 'F', 'I']);
const TAR: OptionSpec = {
  valueOptions: [
    ...[...TAR_VALUE_LETTERS].map((letter) => `-${letter}`),
    '--file', '--directory', '--files-from', '--exclude-from', '--blocking-factor', '--format', '--newer', '--label', '--tape-length',
    '--listed-incremental', '--info-script', '--use-compress-program', '--exclude', '--strip-components', '--owner', '--group', '--mode',
    '--transform', '--xform', '--wildcards-match-slash',
  ],
};

/** Reads `tar` arguments in both the dashed form (`tar -xzf a.tgz -C /opt`) and the old letter form (`tar xzf a.tgz`). */
export function readTar(command: ShellCommand): TarInvocation {
  const invocation: TarInvocation = { extract: false, options: new Set(), members: [] };
  const args = command.args;
  let rest: ShellCommand = command;
  const first = args[0]?.value ?? '';
  if (/^[A-Za-z]+$/.test(first)) {
    // The old form: letters without a dash, each value-taking one consuming the next word in order.
    let next = 1;
    for (const letter of first) {
      invocation.options.add(`-${letter}`);
      if (!TAR_VALUE_LETTERS.has(letter)) continue;
      const value = args[next++];
      if (letter === 'f') invocation.archive = value;
      if (letter === 'C') invocation.directory = value;
    }
    rest = { ...command, args: args.slice(next) };
  }
  for (const argument of parseArguments(rest, TAR)) {
    if (argument.kind === 'operand') {
      invocation.members.push(argument.word);
      continue;
    }
    const flag = argument.flag;
    invocation.options.add(flag);
    if ((flag === '-f' || flag === '--file') && argument.valueWord) invocation.archive = argument.valueWord;
    if ((flag === '-C' || flag === '--directory') && argument.valueWord) invocation.directory = argument.valueWord;
  }
  invocation.extract = ['-x', '--extract', '--get'].some((flag) => invocation.options.has(flag));
  return invocation;
}
