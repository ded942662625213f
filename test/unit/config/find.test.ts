import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { findConfigFile, loadConfigFor } from '../../../server/src/config/index.js';

const root = mkdtempSync(join(tmpdir(), 'layerwise-config-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Writes files under the temporary root; a name ending in / is a folder. */
function layout(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    if (path.endsWith('/')) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(join(full, '..'), { recursive: true });
      writeFileSync(full, text);
    }
  }
}

describe('findConfigFile', () => {
  layout({
    'plain/app/Dockerfile': 'FROM a\n',
    'up/.hadolint.yml': 'ignored: [DL3006]\n',
    'up/services/api/Dockerfile': 'FROM a\n',
    'near/.hadolint.yaml': 'ignored: [DL3006]\n',
    'near/api/.hadolint.yaml': 'ignored: [DL3007]\n',
    'near/api/Dockerfile': 'FROM a\n',
    'both/.hadolint.yaml': '',
    'both/.hadolint.yml': '',
    'both/Dockerfile': '',
    'broken/.hadolint.yaml': 'ignored: [DL3006\n',
    'broken/Dockerfile': '',
    'folder/.hadolint.yaml/': '',
    'folder/Dockerfile': '',
  });

  it("uses the file in the Dockerfile's folder or the nearest one above", () => {
    assert.equal(findConfigFile(join(root, 'up/services/api/Dockerfile')), join(root, 'up/.hadolint.yml'));
    assert.equal(findConfigFile(join(root, 'near/api/Dockerfile')), join(root, 'near/api/.hadolint.yaml'));
  });

  it('prefers .hadolint.yaml to .hadolint.yml in one folder, as hadolint does', () => {
    assert.equal(findConfigFile(join(root, 'both/Dockerfile')), join(root, 'both/.hadolint.yaml'));
  });

  it('stops at the given folder', () => {
    assert.equal(findConfigFile(join(root, 'up/services/api/Dockerfile'), join(root, 'up/services')), undefined);
    assert.equal(findConfigFile(join(root, 'up/services/api/Dockerfile'), join(root, 'up')), join(root, 'up/.hadolint.yml'));
    assert.equal(findConfigFile(join(root, 'plain/app/Dockerfile'), root), undefined);
  });
});

describe('loadConfigFor', () => {
  it('reads the file it finds', () => {
    const config = loadConfigFor(join(root, 'near/api/Dockerfile'));
    assert.equal(config.file, join(root, 'near/api/.hadolint.yaml'));
    assert.deepEqual(config.severities, { dl3007: 'off' });
    assert.deepEqual(config.problems, []);
  });

  it('gives the defaults when there is no file', () => {
    assert.deepEqual(loadConfigFor(join(root, 'plain/app/Dockerfile'), { stopAt: root }), { severities: {}, settings: {}, problems: [] });
  });

  it('turns a broken or unreadable file into problems naming it', () => {
    const broken = loadConfigFor(join(root, 'broken/Dockerfile'));
    assert.equal(broken.problems[0].file, join(root, 'broken/.hadolint.yaml'));
    assert.equal(broken.problems[0].line, 1);
    const unreadable = loadConfigFor(join(root, 'folder/Dockerfile'));
    assert.deepEqual(unreadable.problems, [{ file: join(root, 'folder/.hadolint.yaml'), line: 1, column: 1, message: 'cannot read the configuration: EISDIR' }]);
  });
});
