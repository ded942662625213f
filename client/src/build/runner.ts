/**
 * The task runner: what a `layerwise` task's ProcessExecution starts (bundled
 * as dist/task-runner.js, run by the extension host's own Node). It runs the
 * container CLI with the argument array it was given, never through a shell;
 * passes the CLI's output to the task's terminal unchanged; reports steps to
 * the extension's progress notification; prints the line the problem matcher
 * reads when a build fails; and on cancel (a `cancel` message, or the
 * terminal's SIGHUP/SIGTERM when the task is terminated) ends the CLI's whole
 * process tree. Build argument values come in its environment
 * (runnerEnvironment), and go to the CLI in the CLI's (cliEnvironment).
 *
 *   task-runner.js --operation build [--report SOCKET] [--dockerfile PATH] [--steps JSON] -- CLI ARG...
 */
import { spawn } from 'node:child_process';
import { createConnection, type Socket } from 'node:net';
import { basename } from 'node:path';
import { cliEnvironment, displayCommand, parseRunnerArguments, type RunnerOptions } from './build-args.js';
import { killTree } from './process-tree.js';
import { BuildLog, describeStep, lineOfFailure, problemLine } from './progress.js';
import { LineSplitter, type ExtensionMessage, type RunnerMessage } from './protocol.js';

async function connect(path: string): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(undefined);
    }, 2_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
}

export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseRunnerArguments(argv);
  if (!parsed) {
    process.stderr.write('usage: task-runner.js --operation build|push|tag [--report SOCKET] [--dockerfile PATH] [--steps JSON] -- CLI ARG...\n');
    return 2;
  }
  const { options, command, args } = parsed;
  // When the task is terminated its terminal goes away: writes then fail, and must not stop the cleanup.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  const report = options.report ? await connect(options.report) : undefined;
  const send = (message: RunnerMessage): void => {
    if (report && !report.destroyed) report.write(`${JSON.stringify(message)}\n`);
  };

  // Names only: build argument values reach the CLI through its environment (cliEnvironment), never its arguments.
  process.stdout.write(`> ${displayCommand(command, args)}\n\n`);
  const child = spawn(command, args, {
    env: cliEnvironment(process.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that cancelling can signal the CLI and all it started at once.
    detached: process.platform !== 'win32',
    windowsHide: true,
  });

  let cancelled = false;
  let killing: Promise<void> | undefined;
  const cancel = (): void => {
    if (cancelled) return;
    cancelled = true;
    process.stdout.write('\n> cancelled: stopping the process tree\n');
    if (child.pid !== undefined) killing = killTree(child.pid);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, cancel);
  if (report) {
    const splitter = new LineSplitter();
    report.setEncoding('utf8');
    report.on('data', (chunk: string) => {
      for (const line of splitter.push(chunk)) {
        try {
          if ((JSON.parse(line) as ExtensionMessage).type === 'cancel') cancel();
        } catch {
          // not a message
        }
      }
    });
    report.on('error', () => {});
  }

  const log = new BuildLog(options.dockerfile ? basename(options.dockerfile) : undefined);
  const follow = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream): void => {
    const splitter = new LineSplitter();
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      out.write(chunk);
      for (const line of splitter.push(chunk)) read(line);
    });
    stream.on('end', () => {
      for (const line of splitter.end()) read(line);
    });
  };
  const read = (line: string): void => {
    const step = log.read(line);
    if (step) send({ type: 'step', text: describeStep(step), step: step.step, total: step.total });
  };
  follow(child.stdout!, process.stdout);
  follow(child.stderr!, process.stderr);

  const result = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('spawn', () => send({ type: 'started', pid: child.pid ?? 0 }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  await killing;

  if (result.error) process.stderr.write(`\n> could not run ${command}: ${result.error.message}\n`);
  const failure = result.code !== 0 && !cancelled ? describeFailure(log, options) : undefined;
  if (failure?.line !== undefined && options.dockerfile) process.stdout.write(`\n${problemLine(options.dockerfile, failure.line, failure.message)}\n`);
  if (log.credentialsWanted && result.code !== 0) process.stdout.write('\n> the registry asks for credentials\n');
  send({
    type: 'finished',
    exitCode: result.error ? 127 : result.code,
    signal: result.signal,
    cancelled,
    failure,
    credentialsWanted: log.credentialsWanted,
    lastError: result.code !== 0 ? log.lastError : undefined,
  });
  if (report) await new Promise<void>((resolve) => report.end(resolve));
  if (result.error) return 127;
  if (cancelled) return 130;
  return result.code ?? 1;
}

function describeFailure(log: BuildLog, options: RunnerOptions): { line?: number; message: string } | undefined {
  if (options.operation !== 'build' || !log.failure) return undefined;
  return { line: lineOfFailure(log.failure, options.steps), message: log.failure.message };
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`> task runner: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
