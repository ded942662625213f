/**
 * What the task runner (dist/task-runner.js, in the task's terminal) and the
 * extension say to each other over the report socket, one JSON object a line.
 * The terminal shows the CLI's own output; this channel only carries what the
 * progress notification and the follow-up messages need.
 */

export type RunnerMessage =
  | { type: 'started'; pid: number }
  | { type: 'step'; text: string; step: number; total: number }
  | {
      type: 'finished';
      exitCode: number | null;
      signal: string | null;
      cancelled: boolean;
      /** Where the build failed, when the output said. */
      failure?: { line?: number; message: string };
      /** A registry answered that it wants credentials. */
      credentialsWanted: boolean;
      /** The CLI's last error line (`Error: ...`), for a message when nothing more specific was read. */
      lastError?: string;
    };

export type ExtensionMessage = { type: 'cancel' };

/** Splits a byte stream into lines, keeping a partial last line until its end arrives. */
export class LineSplitter {
  private pending = '';

  push(chunk: string): string[] {
    this.pending += chunk;
    const lines = this.pending.split(/\r?\n|\r(?!\n)/);
    this.pending = lines.pop() ?? '';
    return lines;
  }

  end(): string[] {
    const rest = this.pending;
    this.pending = '';
    return rest === '' ? [] : [rest];
  }
}
