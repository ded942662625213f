/**
 * When the language server dies: restart it, at most `maxRestarts` times in
 * `windowMs` (then stop, or it would crash-loop on a file that kills it), and
 * tell the user once, not at every restart. Pure, so it is unit-tested; the
 * language client adapts it to its ErrorHandler.
 */
export interface RestartDecision {
  restart: boolean;
  /** What to tell the user, at most once per kind of news. */
  message?: string;
}

export class RestartPolicy {
  private readonly crashes: number[] = [];
  private toldRestart = false;

  constructor(
    private readonly messages: { restarted: string; gaveUp: (crashes: number) => string },
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The server's connection closed unexpectedly. */
  closed(): RestartDecision {
    const now = this.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > this.windowMs) this.crashes.shift();
    if (this.crashes.length > this.maxRestarts) return { restart: false, message: this.messages.gaveUp(this.crashes.length) };
    if (this.toldRestart) return { restart: true };
    this.toldRestart = true;
    return { restart: true, message: this.messages.restarted };
  }
}
