import type { BuildPlan } from '../../../server/src/features/build-plan-protocol.js';

/**
 * Reads a build's output line by line: the step each engine is at (podman's
 * `[2/3] STEP 3/7: RUN ...`, BuildKit's `#5 [builder 2/4] RUN ...`, the legacy
 * builder's `Step 3/7 : RUN ...`), where it failed, and whether a registry
 * asked for credentials. Pure: the task runner feeds it, unit tests too.
 */

export type StepFormat = 'podman' | 'buildkit' | 'legacy';

export interface Step {
  format: StepFormat;
  /** Podman's `[i/n]` as index i-1; BuildKit's `stage-N` as N. */
  stageIndex?: number;
  /** BuildKit's stage name: `[builder 3/5]`. */
  stageName?: string;
  /** One-based position in the stage (podman, BuildKit) or in the file (legacy), FROM counting as 1. */
  step: number;
  total: number;
  /** The instruction as the engine prints it: `RUN echo hi`. */
  instruction: string;
  /** BuildKit's vertex number (`#5`). */
  vertex?: number;
}

const PODMAN_STEP = /^(?:\[(\d+)\/(\d+)\] )?STEP (\d+)\/(\d+): (.*)$/;
// After a stage name, one space then `\s*`: with ` +\s*`, a run of spaces split every way before failing (quadratic).
const BUILDKIT_STEP = /^#(\d+) \[(?:(\S+) )?\s*(\d+)\/(\d+)\] (.*)$/;
const LEGACY_STEP = /^Step (\d+)\/(\d+) : (.*)$/;

/** Terminal colours and cursor moves that some CLIs print even into a pipe. */
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export function stripAnsi(line: string): string {
  return line.replace(ANSI, '');
}

export function parseStep(rawLine: string): Step | undefined {
  const line = stripAnsi(rawLine).trimEnd();
  let match = PODMAN_STEP.exec(line);
  if (match) {
    return {
      format: 'podman',
      stageIndex: match[1] !== undefined ? Number(match[1]) - 1 : undefined,
      step: Number(match[3]),
      total: Number(match[4]),
      instruction: match[5],
    };
  }
  match = BUILDKIT_STEP.exec(line);
  if (match) {
    const stage = match[2];
    const numbered = stage !== undefined ? /^stage-(\d+)$/.exec(stage) : null;
    return {
      format: 'buildkit',
      vertex: Number(match[1]),
      stageIndex: numbered ? Number(numbered[1]) : undefined,
      stageName: stage !== undefined && !numbered ? stage : undefined,
      step: Number(match[3]),
      total: Number(match[4]),
      instruction: match[5],
    };
  }
  match = LEGACY_STEP.exec(line);
  if (match) return { format: 'legacy', step: Number(match[1]), total: Number(match[2]), instruction: match[3] };
  return undefined;
}

/** The progress notification's text, in each engine's own words. */
export function describeStep(step: Step): string {
  const instruction = step.instruction.length > 100 ? `${step.instruction.slice(0, 99)}…` : step.instruction;
  switch (step.format) {
    case 'podman':
      return `${step.stageIndex !== undefined ? `[${step.stageIndex + 1}] ` : ''}STEP ${step.step}/${step.total}: ${instruction}`;
    case 'buildkit': {
      const stage = step.stageName ?? (step.stageIndex !== undefined ? `stage-${step.stageIndex}` : undefined);
      return `#${step.vertex} [${stage ? `${stage} ` : ''}${step.step}/${step.total}] ${instruction}`;
    }
    case 'legacy':
      return `Step ${step.step}/${step.total} : ${instruction}`;
  }
}

/** Where a build failed: a line BuildKit names, or a step to look up in the Dockerfile's step table. */
export interface Failure {
  /** Zero-based line, when the engine printed one (BuildKit's `Dockerfile:12`). */
  line?: number;
  /** The failing step, when the engine only says which step failed (podman, the legacy builder). */
  step?: Step;
  message: string;
}

/** What a registry answers when it wants credentials, as docker, podman and nerdctl print it. */
const CREDENTIALS_WANTED = /unauthorized|authentication required|no basic auth credentials|requested access to the resource is denied|denied: requested access|status: 401|401 Unauthorized/i;

const PODMAN_FAILURE = 'Error: building at STEP "';
const LEGACY_FAILURE = /^(?:The command '.*' returned a non-zero code: \d+|COPY failed: .*|ADD failed: .*)$/;
const BUILDKIT_VERTEX_ERROR = /^#(\d+) ERROR: (.*)$/;
/** As BUILDKIT_STEP: one space after the stage name, so that the spaces split one way only. */
const BUILDKIT_FAILED_STEP = /^ > \[(?:(\S+) )?\s*(\d+)\/(\d+)\] (.*):$/;
const BUILDKIT_LOCATION = /^(.+):(\d+)$/;
const BUILDKIT_RULE = /^-{20}$/;
const BUILDKIT_ERROR = /^(?:ERROR|error): (.*)$/;
const SOLVE_PREFIX = /^(?:failed to build: )?(?:failed to solve(?: with frontend [\w.]+)?: )?(?:rpc error: code = \w+ desc = )?/;

/**
 * Follows one build's output. `dockerfileName` is the file's base name, which
 * BuildKit prints before a failing line (`Dockerfile.dev:12`).
 */
export class BuildLog {
  current: Step | undefined;
  failure: Failure | undefined;
  credentialsWanted = false;
  /** The last line that reads as the CLI's own error (`Error: ...`, `ERROR: ...`, `error: ...`). */
  lastError: string | undefined;
  private readonly steps = new Map<number, Step>();
  private location: number | undefined;
  private expectRule = false;
  private failedStep: Step | undefined;

  constructor(private readonly dockerfileName?: string) {}

  /** Reads one line; returns the step when it starts one (or resumes another BuildKit vertex). */
  read(rawLine: string): Step | undefined {
    const line = stripAnsi(rawLine).trimEnd();
    if (CREDENTIALS_WANTED.test(line)) this.credentialsWanted = true;
    if (/^(?:Error|ERROR|error)(?: response from daemon)?: /.test(line)) this.lastError = line;
    const step = parseStep(line);
    if (step) {
      if (step.vertex !== undefined) this.steps.set(step.vertex, step);
      this.current = step;
      return step;
    }
    this.readFailure(line);
    return undefined;
  }

  private readFailure(line: string): void {
    if (line.startsWith(PODMAN_FAILURE)) {
      // `Error: building at STEP "<instruction>": <reason>`; the reason may quote too, so the step's own text splits it.
      const rest = line.slice(PODMAN_FAILURE.length);
      const known = this.current?.format === 'podman' && rest.startsWith(`${this.current.instruction}": `) ? this.current.instruction : undefined;
      const instruction = known ?? rest.slice(0, Math.max(0, rest.indexOf('": ')));
      const reason = rest.slice(instruction.length + 3) || rest;
      this.failure = { step: this.current, message: `${keywordOf(instruction)} failed: ${reason}` };
      return;
    }
    let match: RegExpExecArray | null;
    if (LEGACY_FAILURE.test(line) && this.current?.format === 'legacy') {
      this.failure = { step: this.current, message: line };
      return;
    }
    match = BUILDKIT_VERTEX_ERROR.exec(line);
    if (match) {
      const step = this.steps.get(Number(match[1]));
      if (step) this.failedStep = step;
      this.failure ??= { step, message: match[2] };
      return;
    }
    match = BUILDKIT_FAILED_STEP.exec(line);
    if (match && !this.failedStep) {
      const numbered = match[1] !== undefined ? /^stage-(\d+)$/.exec(match[1]) : null;
      this.failedStep = {
        format: 'buildkit',
        stageIndex: numbered ? Number(numbered[1]) : undefined,
        stageName: match[1] !== undefined && !numbered ? match[1] : undefined,
        step: Number(match[2]),
        total: Number(match[3]),
        instruction: match[4],
      };
      return;
    }
    if (this.expectRule) {
      this.expectRule = false;
      if (!BUILDKIT_RULE.test(line)) this.location = undefined;
      return;
    }
    match = BUILDKIT_LOCATION.exec(line);
    if (match && this.isDockerfileName(match[1])) {
      this.location = Number(match[2]) - 1;
      this.expectRule = true;
      return;
    }
    match = BUILDKIT_ERROR.exec(line);
    if (match) {
      const message = match[1].replace(SOLVE_PREFIX, '');
      if (this.location !== undefined) this.failure = { line: this.location, message };
      else this.failure = { step: this.failedStep ?? this.failure?.step, message };
    }
  }

  private isDockerfileName(name: string): boolean {
    if (this.dockerfileName !== undefined && (name === this.dockerfileName || name.endsWith(`/${this.dockerfileName}`))) return true;
    return /(?:^|\/)(?:[\w.-]*\.)?(?:Dockerfile|Containerfile|dockerfile)(?:\.[\w.-]+)?$/.test(name);
  }
}

function keywordOf(instruction: string): string {
  return /^\s*(\S+)/.exec(instruction)?.[1]?.toUpperCase() ?? 'STEP';
}

/** Per stage, each instruction's zero-based line (FROM first), the stage names, and every instruction's line in file order. */
export interface StepTable {
  lines: number[][];
  names: Array<string | null>;
  /** The stage being built: podman omits `[i/n]` when it builds the first stage alone. */
  target: number;
  fileLines: number[];
}

/** The step table of a Dockerfile's plan, for a build of stage `target`. */
export function stepTable(plan: BuildPlan, target: number): StepTable {
  return {
    lines: plan.stages.map((stage) => stage.instructions.map((instruction) => instruction.line)),
    names: plan.stages.map((stage) => stage.name ?? null),
    target,
    fileLines: [...plan.globalArgs, ...plan.stages.flatMap((stage) => stage.instructions)].map((instruction) => instruction.line),
  };
}

/** The zero-based line of a step, from the table of the Dockerfile that was built. */
export function lineOfStep(step: Step, table: StepTable): number | undefined {
  if (step.format === 'legacy') return table.fileLines[step.step - 1];
  let stage = step.stageIndex;
  if (step.stageName !== undefined) {
    const byName = table.names.lastIndexOf(step.stageName.toLowerCase());
    stage = byName >= 0 ? byName : undefined;
  }
  if (stage === undefined) stage = step.format === 'podman' || table.lines.length === 1 ? table.target : undefined;
  if (stage === undefined) return undefined;
  return table.lines[stage]?.[step.step - 1];
}

/** The zero-based line a failure points at, or undefined when the output does not say. */
export function lineOfFailure(failure: Failure, table: StepTable | undefined): number | undefined {
  if (failure.line !== undefined) return failure.line;
  return failure.step && table ? lineOfStep(failure.step, table) : undefined;
}

/**
 * The line the `$layerwise-build` problem matcher reads (package.json):
 * `layerwise: <absolute Dockerfile path>:<line>: error: <message>`.
 */
export function problemLine(dockerfile: string, line: number, message: string): string {
  return `layerwise: ${dockerfile}:${line + 1}: error: ${message.replace(/\s+/g, ' ').trim()}`;
}
