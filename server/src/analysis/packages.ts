/**
 * What package managers install, for the rules that ask for pinned versions:
 * which commands install named packages (apt-get, apk, pip, npm, gem, yum,
 * dnf, zypper, go), which of their words are packages, and whether each
 * names a version the way its manager spells one.
 */
import { substituteVariables } from './filesystem-effects.js';
import { KNOWN_OPTIONS, parseArguments, programName, type OptionSpec, type ShellCommand, type ShellWord } from './shell/index.js';
import { memoOn } from './shell/memo.js';
import type { VariableDefinition } from './variables.js';

export type PackageManager = 'apt' | 'apk' | 'pip' | 'npm' | 'gem' | 'yum' | 'dnf' | 'zypper' | 'go';

/**
 * Why a package is not pinned: it names no version; a module without its
 * stream (`dnf module install nodejs`); a git or VCS source without a tag or
 * commit; or a version that moves (`@latest`).
 */
export type PinProblem = 'no-version' | 'no-stream' | 'no-revision' | 'moving-version';

export interface UnpinnedPackage {
  word: ShellWord;
  /** The package as the shell passes it: the word's text with known variables substituted, or one of the words a variable expands to. */
  name: string;
  problem: PinProblem;
}

export interface PackageInstall {
  manager: PackageManager;
  /** The subcommand that installs (`install`, `add`, `i`, `get`, `run`). */
  subcommand: ShellWord;
  /** The package words that do not pin a version. */
  unpinned: UnpinnedPackage[];
}

type Scope = ReadonlyMap<string, VariableDefinition>;
const NO_VARIABLES: Scope = new Map();

interface ManagerSpec {
  manager: PackageManager;
  programs: (name: string) => boolean;
  /** Value-taking options, so that their values are not read as packages. */
  options: OptionSpec;
  /** The operands that name packages, or undefined when the command installs none we can judge (`pip install -r file`). */
  packages(command: ShellCommand, operands: ShellWord[]): { subcommand: ShellWord; packages: ShellWord[]; modules?: boolean } | undefined;
  /** What is wrong with a package's text, if anything. */
  check(text: string, modules: boolean): PinProblem | undefined;
}

const named = (...names: string[]) => (name: string) => names.includes(name);

/** The operands after the subcommand, when the subcommand is one of `names`. */
function afterSubcommand(operands: ShellWord[], names: readonly string[]) {
  const [subcommand, ...packages] = operands;
  return subcommand && names.includes(subcommand.value) ? { subcommand, packages } : undefined;
}

// --- apt-get, apt -------------------------------------------------------------

/** `apt-get install -s` only prints what it would do. */
const APT_SIMULATE = ['-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act'];

function simulates(command: ShellCommand): boolean {
  return parseArguments(command, KNOWN_OPTIONS['apt-get']).some((argument) => argument.kind === 'flag' && APT_SIMULATE.includes(argument.flag));
}

function aptPackages(command: ShellCommand, operands: ShellWord[]) {
  return simulates(command) ? undefined : afterSubcommand(operands, ['install']);
}

/** `curl=7.88.1-10`, a release (`curl/bookworm-backports`), or a .deb file. */
function aptProblem(text: string): PinProblem | undefined {
  return text.includes('=') || text.includes('/') || text.endsWith('.deb') ? undefined : 'no-version';
}

// --- apk ------------------------------------------------------------------------

/** `curl=8.5.0-r0`, `curl~8.5`, `curl>=8`, or a .apk file. */
function apkProblem(text: string): PinProblem | undefined {
  return /[=~<>]/.test(text) || text.endsWith('.apk') ? undefined : 'no-version';
}

// --- pip, pipx ------------------------------------------------------------------

const PIP_OPTIONS: OptionSpec = {
  valueOptions: [
    ...(KNOWN_OPTIONS.pip.valueOptions ?? []),
    '-b', '--build', '--no-binary', '--only-binary', '--root-user-action', '--report', '--config-settings', '--global-option', '--python',
    '--pip-args', '--suffix', '--pip', // pipx
  ],
};
const PIP_SPECIFIERS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];
const PIP_ARCHIVES = ['.whl', '.tar.gz', '.tgz', '.tar.bz2', '.zip'];
const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/i;
const isPip = (name: string) => /^pip(\d+(\.\d+)*)?$/.test(name) || name === 'pipx';

function pipPackages(command: ShellCommand, operands: ShellWord[]) {
  const install = afterSubcommand(operands, ['install']);
  if (!install) return undefined;
  // Requirements and constraints files, and the project in the current folder (`.`), pin (or not) outside the command.
  const values = command.args.map((word) => word.value);
  if (values.includes('.') || parseArguments(command, PIP_OPTIONS).some((argument) => argument.kind === 'flag' && ['-r', '--requirement', '-c', '--constraint'].includes(argument.flag))) return undefined;
  return install;
}

function pipProblem(text: string): PinProblem | undefined {
  if (VCS.test(text)) return /@/.test(text.replace(/^[^:]+:\/\/[^/]*/, '')) ? undefined : 'no-revision';
  if (PIP_SPECIFIERS.some((specifier) => text.includes(specifier))) return undefined;
  if (PIP_ARCHIVES.some((suffix) => text.endsWith(suffix)) || text.includes('/')) return undefined;
  return 'no-version';
}

// --- npm --------------------------------------------------------------------------

const NPM_GIT = /^(git(\+(ssh|https?|file))?:\/\/|github:|gitlab:|bitbucket:|gist:)/;
const NPM_TARBALL = ['.tar', '.tar.gz', '.tgz'];
const NPM_FOLDER = /^(\/|\.\/|\.\.\/|~\/|file:|\.$|\.\.$)/;

function npmProblem(text: string): PinProblem | undefined {
  if (NPM_GIT.test(text)) return text.includes('#') ? undefined : 'no-revision';
  if (NPM_TARBALL.some((suffix) => text.endsWith(suffix)) || NPM_FOLDER.test(text)) return undefined;
  if (/^https?:\/\//.test(text)) return text.includes('#') ? undefined : 'no-revision';
  const name = text.startsWith('@') ? text.slice(text.indexOf('/') + 1) : text;
  // `user/repo` is a GitHub repository.
  if (!text.startsWith('@') && name.includes('/') && !name.includes('@')) return name.includes('#') ? undefined : 'no-revision';
  const at = name.indexOf('@');
  if (at < 0) return 'no-version';
  return MOVING_VERSIONS.has(name.slice(at + 1)) ? 'moving-version' : undefined;
}

// --- gem ----------------------------------------------------------------------------

const GEM_OPTIONS: OptionSpec = { valueOptions: [...(KNOWN_OPTIONS.gem.valueOptions ?? []), '-s', '-P', '--trust-policy', '-g', '--file', '--build-root', '--target-rbconfig', '--document', '-p', '--http-proxy', '--config-file'] };

function gemPackages(command: ShellCommand, operands: ShellWord[]) {
  const install = afterSubcommand(operands, ['install', 'i']);
  if (!install) return undefined;
  const args = command.args.map((word) => word.value);
  if (args.some((arg) => arg === '-v' || arg === '--version' || arg.startsWith('--version='))) return undefined;
  // An option gem does not know, given `true`/`false`: its value, not a gem.
  const optionValue = (word: ShellWord) => {
    const before = command.args[command.args.indexOf(word) - 1]?.value ?? '';
    return /^(true|false)$/.test(word.value) && before.startsWith('--') && !before.includes('=');
  };
  return { subcommand: install.subcommand, packages: install.packages.filter((word) => !optionValue(word)) };
}

function gemProblem(text: string): PinProblem | undefined {
  return text.includes(':') || text.endsWith('.gem') || text.includes('/') ? undefined : 'no-version';
}

// --- yum, dnf, microdnf --------------------------------------------------------------

/** `install`, or `module install`; group installs name groups, which have no version. */
function rpmPackages(_command: ShellCommand, operands: ShellWord[]) {
  const [first, second] = operands;
  if (first?.value === 'module' && second?.value === 'install') return { subcommand: second, packages: operands.slice(2), modules: true };
  const install = afterSubcommand(operands, ['install', 'localinstall']);
  // `@group` and `perl(JSON)`-style capabilities have no version to write.
  return install && { ...install, packages: install.packages.filter((word) => !/^@|\(/.test(word.value)) };
}

const VERSION_PART = /^[A-Za-z0-9.~^_:+*]+$/;

/**
 * `name-version[-release]`: after the first `-`, every part is made of
 * version characters and one starts with a digit (`gcc-c++-12.1`); modules
 * name a stream (`nodejs:20`).
 */
function rpmProblem(text: string, modules: boolean): PinProblem | undefined {
  if (modules) return text.includes(':') ? undefined : 'no-stream';
  if (text.endsWith('.rpm') || text.includes('/')) return undefined;
  const parts = text.split('-').slice(1);
  return parts.length > 0 && parts.every((part) => VERSION_PART.test(part)) && parts.some((part) => /^\d/.test(part)) ? undefined : 'no-version';
}

// --- zypper -----------------------------------------------------------------------------

const ZYPPER_OPTIONS: OptionSpec = { valueOptions: [...(KNOWN_OPTIONS.zypper.valueOptions ?? []), '-t', '--type', '--from', '-p'] };

function zypperPackages(command: ShellCommand, operands: ShellWord[]) {
  const install = afterSubcommand(operands, ['install', 'in']);
  if (!install) return undefined;
  // Patterns, products and patches are not versioned like packages.
  const types = parseArguments(command, ZYPPER_OPTIONS).flatMap((argument) => (argument.kind === 'flag' && (argument.flag === '-t' || argument.flag === '--type') ? [argument.value] : []));
  return types.length > 0 && types[types.length - 1] !== 'package' ? undefined : install;
}

function zypperProblem(text: string): PinProblem | undefined {
  return /[=<>]/.test(text) || text.endsWith('.rpm') ? undefined : 'no-version';
}

// --- go ------------------------------------------------------------------------------------

/** Go's build flags that take the next word when written without `=`. */
const GO_VALUE_FLAGS = new Set(['-C', '-p', '-o', '-ldflags', '-gcflags', '-asmflags', '-gccgoflags', '-tags', '-mod', '-modfile', '-overlay', '-pgo', '-pkgdir', '-buildmode', '-compiler', '-toolexec', '-exec', '-covermode', '-coverpkg', '-installsuffix', '-toolchain']);

/** `go install`, `go get`: every operand is a package; `go run`: the first one, the rest are the program's arguments. */
function goPackages(command: ShellCommand) {
  const [subcommand, ...rest] = command.args;
  if (!subcommand || !['install', 'get', 'run'].includes(subcommand.value)) return undefined;
  const packages: ShellWord[] = [];
  for (let index = 0; index < rest.length; index++) {
    const text = rest[index].value;
    if (text === '--') continue;
    if (text.startsWith('-')) {
      if (GO_VALUE_FLAGS.has(text.replace(/^--/, '-'))) index++;
      continue;
    }
    packages.push(rest[index]);
    if (subcommand.value === 'run') break;
  }
  return { subcommand, packages };
}

/** Module queries that name no fixed version. */
const MOVING_VERSIONS = new Set(['latest', 'upgrade', 'patch', 'master', 'main', 'HEAD', 'next', '*', '']);

/** Go's meta-packages: the standard library, the module's tools (`go install tool`) and its dependencies, at the versions go.mod lists. */
const GO_PATTERNS = new Set(['std', 'cmd', 'tool', 'all']);

function goProblem(text: string): PinProblem | undefined {
  // Local packages (`.`, `./cmd/...`, `/src/app`, `main.go`) and meta-packages build from what is there.
  if (/^[./]/.test(text) || text.endsWith('.go') || GO_PATTERNS.has(text)) return undefined;
  const at = text.lastIndexOf('@');
  if (at < 0) return 'no-version';
  return MOVING_VERSIONS.has(text.slice(at + 1)) ? 'moving-version' : undefined;
}

// ----------------------------------------------------------------------------------------------

const MANAGERS: readonly ManagerSpec[] = [
  { manager: 'apt', programs: named('apt-get', 'apt'), options: KNOWN_OPTIONS['apt-get'], packages: aptPackages, check: aptProblem },
  { manager: 'apk', programs: named('apk'), options: KNOWN_OPTIONS.apk, packages: (_command, operands) => afterSubcommand(operands, ['add']), check: apkProblem },
  { manager: 'pip', programs: isPip, options: PIP_OPTIONS, packages: pipPackages, check: pipProblem },
  { manager: 'npm', programs: named('npm'), options: KNOWN_OPTIONS.npm, packages: (_command, operands) => afterSubcommand(operands, ['install', 'i', 'add']), check: npmProblem },
  { manager: 'gem', programs: named('gem'), options: GEM_OPTIONS, packages: gemPackages, check: gemProblem },
  { manager: 'yum', programs: named('yum'), options: KNOWN_OPTIONS.yum, packages: rpmPackages, check: rpmProblem },
  { manager: 'dnf', programs: named('dnf', 'microdnf'), options: KNOWN_OPTIONS.dnf, packages: rpmPackages, check: rpmProblem },
  { manager: 'zypper', programs: named('zypper'), options: ZYPPER_OPTIONS, packages: zypperPackages, check: zypperProblem },
  { manager: 'go', programs: named('go'), options: {}, packages: goPackages, check: goProblem },
];

const managersByProgram = new Map<string, ManagerSpec | null>();

/** The package manager a program is, remembered by name. */
function managerOf(name: string): ManagerSpec | undefined {
  let spec = managersByProgram.get(name);
  if (spec === undefined) {
    spec = MANAGERS.find((candidate) => candidate.programs(name)) ?? null;
    if (managersByProgram.size > 10_000) managersByProgram.clear();
    managersByProgram.set(name, spec);
  }
  return spec ?? undefined;
}

const baseNames = new Map<string, string>();

/** `programName`, remembered: every package rule asks it of every command. */
function baseName(name: string): string {
  let base = baseNames.get(name);
  if (base === undefined) {
    base = programName(name);
    if (baseNames.size > 10_000) baseNames.clear();
    baseNames.set(name, base);
  }
  return base;
}

/** Which manager runs a command, asked by each package rule of each command: once per command object. */
const MANAGED_COMMAND = Symbol('managed command');

function managedCommand(command: ShellCommand): { spec: ManagerSpec | undefined; pipModule: ShellCommand } {
  const program = baseName(command.name);
  const pipModule = program.startsWith('python') ? asPipModule(command) : command;
  return { spec: managerOf(pipModule === command ? program : 'pip'), pipModule };
}

/** `python3 -m pip install x` runs pip: the command as pip would read it. */
function asPipModule(command: ShellCommand): ShellCommand {
  if (!/^python[\d.]*$/.test(baseName(command.name))) return command;
  const module = command.args.findIndex((word) => !/^-[A-Za-z]+$/.test(word.value) || word.value.endsWith('m'));
  const flag = command.args[module];
  if (!flag || !/^-[A-Za-z]*m$/.test(flag.value) || command.args[module + 1]?.value !== 'pip') return command;
  const pip = command.args[module + 1];
  return { ...command, name: 'pip', nameWord: pip, args: command.args.slice(module + 2) };
}

/**
 * A word's text as the shell would see it, with Dockerfile variables of known
 * value substituted; undefined when nothing of it is known (`$PACKAGES`,
 * `$(cat list)`): the word may stand for any list of packages.
 */
function knownText(word: ShellWord, scope: () => Scope | undefined): string | undefined {
  if (word.isStatic) return word.value;
  const variables = scope();
  const text = variables && substituteVariables(word.value, variables);
  if (text === undefined || text.replace(/\$\{[A-Za-z0-9_]+\}/g, '') === '') return undefined;
  return text;
}

/**
 * What a command installs, if it is a package install of one of `managers`:
 * its subcommand and the packages it names without pinning a version.
 * `scope` gives the Dockerfile's ARGs and ENVs where the command runs, asked
 * for only when a package word uses a variable (`curl=$VERSION`); undefined
 * when they cannot be known, and then such words are not judged.
 */
export function packageInstall(command: ShellCommand, managers: readonly PackageManager[], scope: () => Scope | undefined = () => NO_VARIABLES): PackageInstall | undefined {
  // Most commands are none of these: answer them before building anything.
  const { spec, pipModule } = memoOn(command, MANAGED_COMMAND, managedCommand);
  if (!spec || !managers.includes(spec.manager)) return undefined;
  const cut = pipModule.args.findIndex((word) => word.value === '--');
  // Words after `--` go to something else: gem's extension build, a program run by `go run`.
  const args = cut >= 0 && spec.manager !== 'pip' && spec.manager !== 'npm' ? pipModule.args.slice(0, cut) : pipModule.args;
  // The command itself when nothing was cut, so that its cached argument parse serves (see `parseArguments`).
  const parsed = args === pipModule.args ? pipModule : { ...pipModule, args };
  const operands = parseArguments(parsed, spec.options).flatMap((argument) => (argument.kind === 'operand' ? [argument.word] : []));
  const found = spec.packages(parsed, operands);
  if (!found) return undefined;
  const unpinned: UnpinnedPackage[] = [];
  for (const word of found.packages) {
    // A variable can hold a list (`ENV BUILD_DEPS gcc make`): the shell splits it into packages.
    const text = knownText(word, scope);
    for (const name of text === undefined ? [] : word.isStatic ? [text] : text.split(/\s+/)) {
      const problem = name === '' ? undefined : spec.check(name, found.modules ?? false);
      if (problem) unpinned.push({ word, name, problem });
    }
  }
  return { manager: spec.manager, subcommand: found.subcommand, unpinned };
}

// ----------------------------------------------------------------------------------------------
// Questions package managers ask before they change anything

export type PromptingManager = 'apt' | 'yum' | 'dnf' | 'zypper';

const RPM_PROMPTING = ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'groupupdate', 'localupdate', 'update-minimal', 'upgrade-minimal', 'remove', 'erase', 'groupremove', 'autoremove', 'downgrade', 'distro-sync', 'swap'];
/** `group` and `module` ask only when their own subcommand changes something. */
const RPM_NESTED = ['group', 'groups', 'module'];
const RPM_NESTED_PROMPTING = ['install', 'remove', 'erase', 'update', 'upgrade', 'enable', 'disable', 'reset', 'switch-to'];

const PROMPTING: Record<PromptingManager, { programs: readonly string[]; subcommands: readonly string[]; options: OptionSpec }> = {
  apt: { programs: ['apt-get', 'apt'], subcommands: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'autopurge', 'reinstall', 'build-dep', 'satisfy'], options: KNOWN_OPTIONS['apt-get'] },
  yum: { programs: ['yum'], subcommands: RPM_PROMPTING, options: KNOWN_OPTIONS.yum },
  dnf: { programs: ['dnf', 'microdnf'], subcommands: RPM_PROMPTING, options: KNOWN_OPTIONS.dnf },
  zypper: { programs: ['zypper'], subcommands: ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup', 'install-new-recommends', 'inr'], options: ZYPPER_OPTIONS },
};

/**
 * The subcommand of a `manager` command that asks for confirmation before it
 * changes packages (`install` in `apt-get install curl`; `install` in
 * `dnf module install`), unless an option answers for it; undefined otherwise.
 */
export function promptingSubcommand(command: ShellCommand, manager: PromptingManager): ShellWord | undefined {
  const spec = PROMPTING[manager];
  if (!spec.programs.includes(baseName(command.name))) return undefined;
  const flags = parseArguments(command, spec.options);
  const [first, second] = flags.flatMap((argument) => (argument.kind === 'operand' ? [argument.word] : []));
  if (!first) return undefined;
  const nested = (manager === 'yum' || manager === 'dnf') && RPM_NESTED.includes(first.value);
  const subcommand = nested ? second : first;
  if (!subcommand || !(nested ? RPM_NESTED_PROMPTING : spec.subcommands).includes(subcommand.value)) return undefined;
  if (manager === 'apt' && simulates(command)) return undefined;
  return answersYes(manager, flags, command) ? undefined : subcommand;
}

function answersYes(manager: PromptingManager, parsed: ReturnType<typeof parseArguments>, command: ShellCommand): boolean {
  const flags = parsed.flatMap((argument) => (argument.kind === 'flag' ? [argument] : []));
  const has = (...names: string[]) => flags.some((flag) => names.includes(flag.flag));
  switch (manager) {
    case 'apt':
      return has('-y', '--yes', '--assume-yes') || aptQuietLevel(flags, command) >= 2 || flags.some((flag) => flag.flag === '-o' && /^APT::Get::Assume-Yes=(true|yes|1)$/i.test(flag.value ?? ''));
    case 'yum':
    case 'dnf':
      return has('-y', '--assumeyes') || flags.some((flag) => flag.flag === '--setopt' && /^assumeyes=(1|true|yes)$/i.test(flag.value ?? ''));
    case 'zypper':
      return has('-n', '--non-interactive', '-y', '--no-confirm');
  }
}

/** apt's quiet level: `-q` counts once per letter (`-qq`), `-q=2` and `--quiet=2` set it; level 2 implies `-y`. */
function aptQuietLevel(flags: Array<{ flag: string; value?: string; word: ShellWord }>, command: ShellCommand): number {
  let level = 0;
  for (const flag of flags) {
    if (flag.flag === '-q' || flag.flag === '--quiet') level += flag.value !== undefined ? Number(flag.value) || 0 : 1;
  }
  for (const word of command.args) {
    const set = /^-q=(\d+)$/.exec(word.value);
    if (set) level = Math.max(level, Number(set[1]));
  }
  return level;
}

/** The `install` of an apt-get (or apt) command that installs recommended packages too: no `--no-install-recommends`, no `APT::Install-Recommends=false`. */
export function installsRecommends(command: ShellCommand): ShellWord | undefined {
  if (!['apt-get', 'apt'].includes(baseName(command.name))) return undefined;
  const parsed = parseArguments(command, KNOWN_OPTIONS['apt-get']);
  const install = parsed.find((argument) => argument.kind === 'operand');
  if (install?.word.value !== 'install' || simulates(command)) return undefined;
  const off = /^(false|no|0|off)$/i;
  const disabled = parsed.some(
    (argument) =>
      argument.kind === 'flag' &&
      (argument.flag === '--no-install-recommends' ||
        (argument.flag === '--install-recommends' && off.test(argument.value ?? '')) ||
        (argument.flag === '-o' && /^APT::Install-Recommends=/i.test(argument.value ?? '') && off.test((argument.value ?? '').split('=')[1]))),
  );
  return disabled ? undefined : install.word;
}
