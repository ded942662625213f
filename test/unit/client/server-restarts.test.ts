import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartPolicy } from '../../../client/src/server-restarts.js';

const MESSAGES = { restarted: 'restarted', gaveUp: (crashes: number) => `gave up after ${crashes}` };

describe('language server restarts', () => {
  it('restarts a crashed server, says so once, and gives up after 4 restarts within 3 minutes', () => {
    let now = 0;
    const policy = new RestartPolicy(MESSAGES, 4, 180_000, () => now);
    const decisions = Array.from({ length: 6 }, () => {
      now += 1000;
      return policy.closed();
    });
    assert.deepEqual(decisions, [
      { restart: true, message: 'restarted' },
      { restart: true },
      { restart: true },
      { restart: true },
      { restart: false, message: 'gave up after 5' },
      { restart: false, message: 'gave up after 6' },
    ]);
  });

  it('forgets crashes older than the window', () => {
    let now = 0;
    const policy = new RestartPolicy(MESSAGES, 4, 180_000, () => now);
    for (let i = 0; i < 4; i++) policy.closed();
    now += 200_000;
    assert.deepEqual(policy.closed(), { restart: true });
  });
});
