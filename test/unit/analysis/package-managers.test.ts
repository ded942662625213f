import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { isPip, pipInstall } from '../../../server/src/analysis/package-managers.js';
import { initShell, parseShell, unwrappedCommands } from '../../../server/src/analysis/shell/index.js';

before(() => initShell());

const first = (script: string) => unwrappedCommands(parseShell(script))[0];

describe('package managers: pip', () => {
  it('finds pip install however pip is run', () => {
    for (const script of ['pip install x', 'pip3.12 install -r r.txt', '/opt/venv/bin/pip install .', 'python3 -m pip install -U pip', 'sudo pip install x']) {
      assert.equal(pipInstall(first(script))?.install.value, 'install', script);
    }
  });

  it('gives pip’s own arguments after -m pip', () => {
    assert.deepEqual(pipInstall(first('python -m pip install --no-cache-dir x'))?.pip.args.map((word) => word.value), ['install', '--no-cache-dir', 'x']);
  });

  it('leaves other tools and other subcommands alone', () => {
    for (const script of ['pipx install x', 'pipenv install', 'pip download x', 'python -m venv /v', 'python -c "import pip"']) {
      assert.equal(pipInstall(first(script)), undefined, script);
    }
    assert.ok(isPip(first('pip3 cache purge')));
    assert.ok(!isPip(first('pipx list')));
  });
});
