import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { installsRecommends, packageInstall, promptingSubcommand, type PackageManager, type PromptingManager } from '../../../server/src/analysis/packages.js';
import { initShell, parseShell, unwrappedCommands, type ShellCommand } from '../../../server/src/analysis/shell/index.js';
import type { VariableDefinition } from '../../../server/src/analysis/variables.js';

const command = (script: string): ShellCommand => unwrappedCommands(parseShell(script))[0];

/** What a command installs without a pin, as `name: problem`. */
function unpinned(script: string, managers: PackageManager[], variables: Record<string, string> = {}): string[] | undefined {
  const scope = new Map<string, VariableDefinition>(Object.entries(variables).map(([name, value]) => [name, { name, kind: 'env', value }]));
  return packageInstall(command(script), managers, () => scope)?.unpinned.map((found) => `${found.name}: ${found.problem}`);
}

describe('package managers (analysis/packages)', () => {
  before(() => initShell());

  it('finds the packages of each manager and judges their pins', () => {
    const table: Array<[string, PackageManager, string[] | undefined]> = [
      ['apt-get install -y -t bookworm-backports curl=7.88 wget ./x.deb vim/bookworm', 'apt', ['wget: no-version']],
      ['apt-get install -s curl', 'apt', undefined],
      ['apk add --virtual .deps gcc make=4.4 "musl<2" x.apk', 'apk', ['gcc: no-version']],
      ['python3 -m pip install --no-cache-dir flask==3.0 requests', 'pip', ['requests: no-version']],
      ['pip install -r requirements.txt flask', 'pip', undefined],
      ['pip install git+https://x.org/a.git#egg=a git+https://x.org/b.git@v1#egg=b', 'pip', ['git+https://x.org/a.git#egg=a: no-revision']],
      ['npm i -g @scope/a @scope/b@1 c@latest ./d e.tgz user/repo', 'npm', ['@scope/a: no-version', 'c@latest: moving-version', 'user/repo: no-revision']],
      ['gem install rails:7 bundler -- --with-x true', 'gem', ['bundler: no-version']],
      ["yum install -y httpd-2.4.6 php @group 'perl(JSON)'", 'yum', ['php: no-version']],
      ['dnf module install nodejs:20 ruby', 'dnf', ['ruby: no-stream']],
      ['microdnf install gcc-c++-12.1 python3-devel', 'dnf', ['python3-devel: no-version']],
      ['zypper -n in -t pattern devel_basis', 'zypper', undefined],
      ['zypper -n in curl "tar>=1.3"', 'zypper', ['curl: no-version']],
      ['go install -ldflags "-s -w" example.com/a@v1 example.com/b@latest ./cmd/c tool', 'go', ['example.com/b@latest: moving-version']],
      ['go run example.com/a@v1 example.com/not-a-package', 'go', []],
    ];
    for (const [script, manager, expected] of table) assert.deepEqual(unpinned(script, [manager]), expected, script);
  });

  it('only answers for the managers asked about', () => {
    assert.equal(unpinned('apt-get install curl', ['apk']), undefined);
  });

  it('reads variables: known values are substituted, lists split, unknown whole words left alone', () => {
    assert.deepEqual(unpinned('apt-get install -y $DEPS', ['apt'], { DEPS: 'gcc make=4.3 g++' }), ['gcc: no-version', 'g++: no-version']);
    assert.deepEqual(unpinned('apt-get install -y curl=$CURL_VERSION $UNKNOWN', ['apt']), []);
    assert.deepEqual(unpinned('dnf install -y git-core-${version}', ['dnf']), ['git-core-${version}: no-version']);
    assert.deepEqual(unpinned('dnf install -y git-core-${version}', ['dnf'], { version: '2.51.0-2.fc42' }), []);
  });

  it('finds the subcommands that ask for confirmation, unless an option or quiet level answers', () => {
    const table: Array<[string, PromptingManager, string | undefined]> = [
      ['apt-get install curl', 'apt', 'install'],
      ['apt-get -qq install curl', 'apt', undefined],
      ['apt-get install -q curl', 'apt', 'install'],
      ['apt-get -o APT::Get::Assume-Yes=true purge curl', 'apt', undefined],
      ['apt-get update', 'apt', undefined],
      ['yum --setopt=assumeyes=1 install x', 'yum', undefined],
      ['dnf module enable nodejs:20', 'dnf', 'enable'],
      ['dnf module list', 'dnf', undefined],
      ['zypper --non-interactive in x', 'zypper', undefined],
      ['zypper rm x', 'zypper', 'rm'],
    ];
    for (const [script, manager, expected] of table) assert.equal(promptingSubcommand(command(script), manager)?.value, expected, script);
  });

  it('knows when apt installs recommended packages', () => {
    assert.equal(installsRecommends(command('apt-get install -y curl'))?.value, 'install');
    assert.equal(installsRecommends(command('apt-get install --no-install-recommends curl')), undefined);
    assert.equal(installsRecommends(command('apt-get -o APT::Install-Recommends=false install curl')), undefined);
    assert.equal(installsRecommends(command('apt-get remove curl')), undefined);
  });
});
