/**
 * Hands the event loop to pending requests between two slices of long work.
 *
 * One `setImmediate` is not enough: vscode-jsonrpc moves a request through
 * three of them (its read lock, its message queue, its write lock), and work
 * that resumes on a single immediate slips a slice in between each, so a hover
 * on a small document waited three slices behind a large one. A few empty hops
 * let a request through from read to reply; an empty hop costs microseconds.
 */
const HOPS = 4;

/** Calls `then` once pending requests had their turn; the function returned cancels it, releasing `then`. */
export function afterPendingRequests(then: () => void): () => void {
  let hopsLeft = HOPS;
  const hop = () => {
    if (--hopsLeft > 0) handle = setImmediate(hop);
    else then();
  };
  let handle = setImmediate(hop);
  return () => clearImmediate(handle);
}

export function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => afterPendingRequests(resolve));
}
