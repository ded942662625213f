import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');

describe('memory', () => {
  it('returns to its baseline after a 2.8 MB document is opened, linted, edited and closed', () => {
    // A process of its own, with --expose-gc, so the heap is this document's alone.
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'test/support/document-memory.ts')], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    assert.equal(run.status, 0, run.stderr);
    const { chars, before, open, after, afterSecond } = JSON.parse(run.stdout) as Record<string, number>;
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
    assert.ok(chars > 2_500_000);
    assert.ok(open - before > 20_000_000, `the open document holds memory (${mb(open - before)})`);
    // What stays after the first close is compiled code and caches of bounded size, not the document (~240 MB open).
    assert.ok(after - before < 12_000_000, `after close the heap is ${mb(after - before)} above its baseline`);
    assert.ok(afterSecond - after < 2_000_000, `a second open and close grew the heap by ${mb(afterSecond - after)}`);
  });
});
