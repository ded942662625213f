import { Char } from './chars.js';
import { finishTree, newState, parseRange, type ParseState } from './parse.js';
import type { DockerfileTree } from './types.js';

/**
 * A parse that stops between lines and goes on later, with the tree `parse`
 * gives: a caller with a huge document parses it a slice at a time and does
 * other work in between.
 */
export class SlicedParse {
  private readonly state: ParseState;
  private readonly bom: boolean;
  private position: number;

  constructor(text: string) {
    this.state = newState(text);
    this.bom = text.charCodeAt(0) === Char.ByteOrderMark;
    this.position = this.bom ? 1 : 0;
  }

  /** Parses on until `pause()` (asked at each line start) says to stop; true once the text is done. */
  step(pause: () => boolean): boolean {
    let lines = 0;
    // At least one line per step, so a pause that is always due still gets through.
    this.position = parseRange(this.state, this.position, () => lines++ > 0 && pause());
    return this.position >= this.state.text.length;
  }

  /** The tree, once `step` has returned true. */
  tree(): DockerfileTree {
    return finishTree(this.state, this.bom);
  }
}
