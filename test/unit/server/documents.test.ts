import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../../server/src/parser/index.js';
import { DocumentStore } from '../../../server/src/workspace/documents.js';

const LARGE = 'FROM alpine AS base\nRUN apk add --no-cache curl \\\n    && echo done\n'.repeat(5_000);
const URI = 'file:///work/Dockerfile';

describe('open documents: a large one is parsed in slices', () => {
  it('opens a small document with its tree', () => {
    const entry = new DocumentStore().add(URI, 'dockerfile', 1, 'FROM a\n');
    assert.equal(entry.hasTree, true);
  });

  it('opens a large document without its tree, and ready() brings the tree parse gives', async () => {
    const entry = new DocumentStore().add(URI, 'dockerfile', 1, LARGE);
    assert.equal(entry.hasTree, false);
    await entry.ready();
    assert.equal(entry.hasTree, true);
    assert.deepStrictEqual(entry.tree, parse(LARGE));
  });

  it('parses the changed text when an edit comes before the tree', async () => {
    const store = new DocumentStore();
    const entry = store.add(URI, 'dockerfile', 1, LARGE);
    const edits: unknown[] = [];
    store.change(URI, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, text: 'from' }], (edit) => edits.push(edit));
    assert.deepEqual(edits, [{ start: 0, end: 4, text: 'from' }]);
    await entry.ready();
    assert.deepStrictEqual(entry.tree, parse(`from${LARGE.slice(4)}`));
  });

  it('answers a reader of the tree at once, before the slices are done', () => {
    const entry = new DocumentStore().add(URI, 'dockerfile', 1, LARGE);
    assert.deepStrictEqual(entry.tree, parse(LARGE));
  });

  it('stops parsing a document closed before its tree was there', async () => {
    const store = new DocumentStore();
    const entry = store.add(URI, 'dockerfile', 1, LARGE);
    store.remove(URI);
    await entry.ready();
    assert.equal(entry.hasTree, false);
  });
});
