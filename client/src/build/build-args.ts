import { parseReference } from '../../../server/src/analysis/image-reference.js';
import type { Engine } from './engine.js';
import { parseTargetReference, type ReferenceProblem } from './target-reference.js';
import type { StepTable } from './progress.js';

/**
 * The argument arrays the container CLI runs with. Pure: every user value is
 * checked first and becomes exactly one element, and no shell ever reads them,
 * so a tag, build argument or path cannot add a flag or a command.
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
  | { kind: 'platform'; value: string }
  | { kind: 'target'; value: string }
  | { kind: 'path'; value: string };

export type Arguments = { ok: true; args: string[] } | { ok: false; problem: ArgumentProblem };

/** An ARG name as the Dockerfile parser accepts it; a name cannot start with `-` or hold `=`. */
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `os[/arch[/variant]]`, comma-separated for multi-platform builds. */
const PLATFORM = /^[a-z0-9][a-z0-9_.-]*(?:\/[a-zA-Z0-9_.-]+){0,2}(?:,[a-z0-9][a-z0-9_.-]*(?:\/[a-zA-Z0-9_.-]+){0,2})*$/;
/** A stage name as BuildKit accepts it, or a stage index. */
const TARGET = /^(?:[a-zA-Z][a-zA-Z0-9_.-]*|[0-9]+)$/;

function checkReference(value: string): ArgumentProblem | undefined {
  const result = parseTargetReference(value);
  return result.ok ? undefined : { kind: 'reference', value, problem: result.problem };
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
    Object.keys(request.buildArgs).flatMap((name) => (BUILD_ARG_NAME.test(name) ? [] : [{ kind: 'build-arg-name' as const, value: name }]))[0];
  if (problem) return { ok: false, problem };
  const args = ['build', '--file', request.dockerfile, '--tag', request.tag];
  if (request.target !== undefined) args.push('--target', request.target);
  for (const [name, value] of Object.entries(request.buildArgs)) args.push('--build-arg', `${name}=${value}`);
  if (request.platform) args.push('--platform', request.platform);
  args.push(request.context);
  return { ok: true, args };
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
