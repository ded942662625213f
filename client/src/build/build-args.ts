import { parseReference } from '../../../server/src/analysis/image-reference.js';
import type { Engine } from './engine.js';
import { parseTargetReference, type ReferenceProblem } from './target-reference.js';
import type { StepTable } from './progress.js';

/**
 * The argument arrays the container CLI runs with. Pure: every user value is
 * checked first and becomes exactly one element, and no shell ever reads them,
 * so a tag, build argument or path cannot add a flag or a command. Build
 * argument values are not arguments at all: `--build-arg NAME` makes docker
 * and podman read NAME from their environment, so a value (often a token) is
 * never in argv, where `ps`, the task's echo and our own printed command
 * line would show it.
 */

export interface BuildRequest {
  dockerfile: string;
  context: string;
  tag: string;
  /** `--target`: a stage name, or for an unnamed stage its index (podman accepts it; BuildKit needs a name). */
  target?: string;
  buildArgs: Record<string, string>;
  /** Empty or undefined: the engine's default. */
  platform?: string;
}

export type ArgumentProblem =
  | { kind: 'reference'; value: string; problem: ReferenceProblem }
  | { kind: 'build-arg-name'; value: string }
  | { kind: 'build-arg-reserved'; value: string }
  | { kind: 'platform'; value: string }
  | { kind: 'target'; value: string }
  | { kind: 'path'; value: string };

export type Arguments = { ok: true; args: string[]; buildArgValues?: Record<string, string> } | { ok: false; problem: ArgumentProblem };

/** An ARG name as the Dockerfile parser accepts it; a name cannot start with `-` or hold `=`. */
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Variables the container CLIs read to find themselves, their daemon, their
 * configuration or credentials. A build argument's value is put in the CLI's
 * environment under its own name, so a build argument with one of these names
 * would redirect the CLI instead; it is refused. (Proxy variables are allowed:
 * passing them on from the environment is what `--build-arg NAME` is for.)
 */
const CLI_VARIABLES = new Set([
  'PATH', 'HOME', 'TMPDIR', 'LD_PRELOAD', 'LD_LIBRARY_PATH',
  'DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG', 'DOCKER_CERT_PATH', 'DOCKER_TLS', 'DOCKER_TLS_VERIFY', 'DOCKER_API_VERSION', 'DOCKER_BUILDKIT',
  'BUILDKIT_PROGRESS', 'BUILDX_BUILDER', 'BUILDX_CONFIG',
  'CONTAINER_HOST', 'CONTAINER_CONNECTION', 'CONTAINER_SSHKEY', 'CONTAINERS_CONF', 'CONTAINERS_REGISTRIES_CONF', 'CONTAINERS_STORAGE_CONF', 'REGISTRY_AUTH_FILE',
  'XDG_RUNTIME_DIR', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME',
]);

/** How the extension hands a build argument's value to the task runner: its own variable, so none can change the runner (NODE_OPTIONS). */
const BUILD_ARG_VARIABLE_PREFIX = 'LAYERWISE_BUILD_ARG_';

/** `os[/arch[/variant]]`, comma-separated for multi-platform builds. */
const PLATFORM = /^[a-z0-9][a-z0-9_.-]*(?:\/[a-zA-Z0-9_.-]+){0,2}(?:,[a-z0-9][a-z0-9_.-]*(?:\/[a-zA-Z0-9_.-]+){0,2})*$/;
/** A stage name as BuildKit accepts it, or a stage index. */
const TARGET = /^(?:[a-zA-Z][a-zA-Z0-9_.-]*|[0-9]+)$/;

function checkReference(value: string): ArgumentProblem | undefined {
  const result = parseTargetReference(value);
  return result.ok ? undefined : { kind: 'reference', value, problem: result.problem };
}

function checkBuildArgName(name: string): ArgumentProblem | undefined {
  if (!BUILD_ARG_NAME.test(name)) return { kind: 'build-arg-name', value: name };
  // Upper-cased: Windows reads variable names without regard to case.
  return CLI_VARIABLES.has(name.toUpperCase()) ? { kind: 'build-arg-reserved', value: name } : undefined;
}

/** Paths are passed absolute, so none can be read as a flag; one with a line break or NUL is refused. */
function checkPath(value: string): ArgumentProblem | undefined {
  return value === '' || /[\0\r\n]/.test(value) || value.startsWith('-') ? { kind: 'path', value } : undefined;
}

export function buildArguments(request: BuildRequest): Arguments {
  const problem =
    checkReference(request.tag) ??
    checkPath(request.dockerfile) ??
    checkPath(request.context) ??
    (request.target !== undefined && !TARGET.test(request.target) ? { kind: 'target' as const, value: request.target } : undefined) ??
    (request.platform && !PLATFORM.test(request.platform) ? { kind: 'platform' as const, value: request.platform } : undefined) ??
    Object.keys(request.buildArgs).map(checkBuildArgName).find((found) => found !== undefined);
  if (problem) return { ok: false, problem };
  const args = ['build', '--file', request.dockerfile, '--tag', request.tag];
  if (request.target !== undefined) args.push('--target', request.target);
  for (const name of Object.keys(request.buildArgs)) args.push('--build-arg', name);
  if (request.platform) args.push('--platform', request.platform);
  args.push(request.context);
  return { ok: true, args, buildArgValues: { ...request.buildArgs } };
}

export function tagArguments(source: string, target: string): Arguments {
  const problem = checkReference(source) ?? checkReference(target);
  return problem ? { ok: false, problem } : { ok: true, args: ['tag', source, target] };
}

export function pushArguments(image: string): Arguments {
  const problem = checkReference(image);
  return problem ? { ok: false, problem } : { ok: true, args: ['push', image] };
}

/** `history` as machine-readable rows: podman's JSON array, or docker's and nerdctl's JSON lines with sizes in bytes. */
export function historyArguments(engine: Engine, image: string): Arguments {
  const problem = checkReference(image);
  if (problem) return { ok: false, problem };
  return engine.kind === 'podman'
    ? { ok: true, args: ['history', '--no-trunc', '--format', 'json', image] }
    : { ok: true, args: ['history', '--no-trunc', '--human=false', '--format', '{{json .}}', image] };
}

/** `login REGISTRY`: the CLI asks for the password itself, in a terminal; it never passes through the extension. */
export function loginArguments(registry: string): Arguments {
  const result = parseReference(`${registry}/x`);
  if (!result.ok || result.reference.domain !== registry) {
    return { ok: false, problem: { kind: 'reference', value: registry, problem: result.ok ? 'invalid-name' : result.problem.kind } };
  }
  return { ok: true, args: ['login', registry] };
}

/** What the task runner (dist/task-runner.js) is told: where to report, what the build reads, then the CLI and its arguments. */
export interface RunnerOptions {
  /** A socket or pipe the runner reports progress to and takes `cancel` from. */
  report?: string;
  /** The Dockerfile, to map a failing step to its line. */
  dockerfile?: string;
  /** Per stage, the zero-based line of each instruction, FROM first; and the stage names. */
  steps?: StepTable;
  /** What the runner does: `build` reads steps and failures, `push` notices a registry asking for credentials. */
  operation: 'build' | 'push' | 'tag';
}


export function runnerArguments(runnerScript: string, options: RunnerOptions, engine: Engine, args: readonly string[]): string[] {
  const result = [runnerScript, '--operation', options.operation];
  if (options.report) result.push('--report', options.report);
  if (options.dockerfile) result.push('--dockerfile', options.dockerfile);
  if (options.steps) result.push('--steps', JSON.stringify(options.steps));
  result.push('--', engine.command, ...args);
  return result;
}

/** The task runner's environment entries that carry build argument values (never its argv); String() as tasks.json is not checked at run time. */
export function runnerEnvironment(buildArgValues: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(buildArgValues).map(([name, value]) => [`${BUILD_ARG_VARIABLE_PREFIX}${name}`, String(value)]));
}

/** The CLI's environment, for the runner: its own, with each carried build argument value under the argument's name. */
export function cliEnvironment(runnerEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const values: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(runnerEnv)) {
    if (name.startsWith(BUILD_ARG_VARIABLE_PREFIX)) values[name.slice(BUILD_ARG_VARIABLE_PREFIX.length)] = value;
    else env[name] = value;
  }
  return { ...env, ...values };
}

/** The inverse of runnerArguments, for the runner itself. */
export function parseRunnerArguments(argv: readonly string[]): { options: RunnerOptions; command: string; args: string[] } | undefined {
  const separator = argv.indexOf('--');
  if (separator < 0 || separator === argv.length - 1) return undefined;
  const options: RunnerOptions = { operation: 'build' };
  for (let index = 0; index < separator; index += 2) {
    const [flag, value] = [argv[index], argv[index + 1]];
    if (value === undefined) return undefined;
    if (flag === '--operation' && (value === 'build' || value === 'push' || value === 'tag')) options.operation = value;
    else if (flag === '--report') options.report = value;
    else if (flag === '--dockerfile') options.dockerfile = value;
    else if (flag === '--steps') options.steps = JSON.parse(value) as StepTable;
    else return undefined;
  }
  return { options, command: argv[separator + 1], args: argv.slice(separator + 2) };
}

/** How a command line looks in the terminal: each element quoted when a shell would split or expand it (display only). */
export function displayCommand(command: string, args: readonly string[]): string {
  return [command, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`)).join(' ');
}
