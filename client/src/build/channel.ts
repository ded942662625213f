import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineSplitter, type ExtensionMessage, type RunnerMessage } from './protocol.js';

/**
 * The extension's end of the report socket: one per run, listening before the
 * task starts, closed after it ends. No vscode import: unit-tested with the runner.
 */
export class ReportChannel {
  readonly path: string;
  private readonly server: Server;
  private socket: Socket | undefined;
  private cancelRequested = false;
  private finishedMessage: Extract<RunnerMessage, { type: 'finished' }> | undefined;
  private readonly listeners: Array<(message: RunnerMessage) => void> = [];
  private readonly finishWaiters: Array<(message: Extract<RunnerMessage, { type: 'finished' }> | undefined) => void> = [];
  private closed = false;

  private constructor(path: string, server: Server) {
    this.path = path;
    this.server = server;
    server.on('connection', (socket) => this.accept(socket));
  }

  static async open(): Promise<ReportChannel> {
    const name = `layerwise-${process.pid}-${randomBytes(8).toString('hex')}`;
    const path = process.platform === 'win32' ? `\\\\.\\pipe\\${name}` : join(tmpdir(), `${name}.sock`);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
    return new ReportChannel(path, server);
  }

  onMessage(listener: (message: RunnerMessage) => void): void {
    this.listeners.push(listener);
  }

  /** Asks the runner to end the CLI's process tree; sent as soon as it connects if it has not yet. */
  cancel(): void {
    this.cancelRequested = true;
    this.write({ type: 'cancel' });
  }

  /** The runner's last word, or undefined when it ended without one (or never connected) within `timeoutMs`. */
  finished(timeoutMs: number): Promise<Extract<RunnerMessage, { type: 'finished' }> | undefined> {
    if (this.finishedMessage || this.closed) return Promise.resolve(this.finishedMessage);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.finishedMessage), timeoutMs);
      this.finishWaiters.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket?.destroy();
    this.server.close();
    if (process.platform !== 'win32') rmSync(this.path, { force: true });
    for (const waiter of this.finishWaiters.splice(0)) waiter(this.finishedMessage);
  }

  private accept(socket: Socket): void {
    if (this.socket) {
      // One runner per channel.
      socket.destroy();
      return;
    }
    this.socket = socket;
    if (this.cancelRequested) this.write({ type: 'cancel' });
    const splitter = new LineSplitter();
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      for (const line of splitter.push(chunk)) this.receive(line);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      for (const waiter of this.finishWaiters.splice(0)) waiter(this.finishedMessage);
    });
  }

  private receive(line: string): void {
    let message: RunnerMessage;
    try {
      message = JSON.parse(line) as RunnerMessage;
    } catch {
      return;
    }
    if (message.type === 'finished') this.finishedMessage = message;
    for (const listener of this.listeners) listener(message);
  }

  private write(message: ExtensionMessage): void {
    if (this.socket && !this.socket.destroyed) this.socket.write(`${JSON.stringify(message)}\n`);
  }
}
