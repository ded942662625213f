import type { Stage } from '../parser/index.js';

/**
 * A per-stage table filled in stage order only as far as a question needs:
 * asking about stage 10 of 50,000 visits 10 stages. A lint walks stages in
 * order, so a table like this grows a little with each slice of a sliced lint
 * instead of stalling the first slice for a whole-file pass.
 */
export class StageScan<T> {
  private readonly values: T[] = [];

  constructor(
    private readonly stages: readonly Stage[],
    private readonly visit: (stage: Stage) => T,
  ) {}

  /** The value of stage `index`, visiting the stages up to it. */
  at(index: number): T {
    this.through(index + 1);
    return this.values[index];
  }

  /** Visits every stage before index `end`. */
  through(end: number): void {
    const last = Math.min(end, this.stages.length);
    while (this.values.length < last) this.values.push(this.visit(this.stages[this.values.length]));
  }

  /** Visits every stage that starts at or before `offset`. */
  upTo(offset: number): void {
    while (this.values.length < this.stages.length && this.stages[this.values.length].from.start <= offset) this.through(this.values.length + 1);
  }
}
