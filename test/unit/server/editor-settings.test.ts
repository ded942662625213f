import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, readSettings } from '../../../server/src/workspace/settings.js';

describe('settings of the editor features', () => {
  it('default to a 4-space continuation indent, inlay hints and the Build stage code lens on', () => {
    const { settings, problems } = readSettings({});
    assert.deepEqual([settings.format, settings.inlayHints, settings.codeLens], [{ continuationIndent: 4 }, { enabled: true }, { buildStage: true }]);
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.format, DEFAULT_SETTINGS.format);
  });

  it('read well-typed values', () => {
    const { settings } = readSettings({ format: { continuationIndent: 2 }, inlayHints: { enabled: false }, codeLens: { buildStage: false } });
    assert.deepEqual([settings.format.continuationIndent, settings.inlayHints.enabled, settings.codeLens.buildStage], [2, false, false]);
  });

  it('fall back to the default for broken values, and say which', () => {
    const { settings, problems } = readSettings({ format: { continuationIndent: 2.5 }, inlayHints: { enabled: 'yes' }, codeLens: { buildStage: 1 } });
    assert.deepEqual([settings.format.continuationIndent, settings.inlayHints.enabled, settings.codeLens.buildStage], [4, true, true]);
    assert.deepEqual(problems, [
      'layerwise.format.continuationIndent must be a whole number from 0 to 16, not 2.5',
      'layerwise.inlayHints.enabled must be true or false, not "yes"',
      'layerwise.codeLens.buildStage must be true or false, not 1',
    ]);
  });
});
