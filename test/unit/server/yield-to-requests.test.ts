import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterPendingRequests } from '../../../server/src/workspace/yield-to-requests.js';

/** A request as vscode-jsonrpc moves it: read lock, message queue, write lock, each a setImmediate. */
function request(reply: () => void): void {
  setImmediate(() => setImmediate(() => setImmediate(reply)));
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('yielding to requests between slices of work', () => {
  it('lets a request that arrived meanwhile reach its reply before the work resumes', async () => {
    const order: string[] = [];
    afterPendingRequests(() => order.push('next slice'));
    request(() => order.push('reply'));
    await settled();
    assert.deepEqual(order, ['reply', 'next slice']);
  });

  it('runs nothing once cancelled', async () => {
    let ran = false;
    const cancel = afterPendingRequests(() => { ran = true; });
    setImmediate(cancel); // mid-way through the hops
    await settled();
    assert.equal(ran, false);
  });
});
