import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const BUILD_COMMANDS = ['layerwise.buildImage', 'layerwise.buildStage', 'layerwise.tagImage', 'layerwise.pushImage', 'layerwise.buildAndPush'];

describe('package.json: build, tag and push', () => {
  it('contributes the commands that client/src/build/commands.ts registers, and no others of the family', () => {
    const table = readFileSync(join(ROOT, 'client', 'src', 'build', 'commands.ts'), 'utf8');
    const registered = [...table.matchAll(/^\s+'(layerwise\.[A-Za-z]+)':/gm)].map((match) => match[1]);
    assert.deepEqual(registered.sort(), [...BUILD_COMMANDS].sort());
    const contributed = manifest.contributes.commands.map((entry: { command: string }) => entry.command);
    for (const command of BUILD_COMMANDS) assert.ok(contributed.includes(command), command);
  });

  it('disables and hides them in an untrusted workspace', () => {
    for (const command of BUILD_COMMANDS) {
      const entry = manifest.contributes.commands.find((candidate: { command: string }) => candidate.command === command);
      assert.match(entry.enablement, /\bisWorkspaceTrusted\b/, command);
      for (const [menu, items] of Object.entries(manifest.contributes.menus as Record<string, Array<{ command: string; when?: string }>>)) {
        for (const item of items.filter((candidate) => candidate.command === command)) assert.match(item.when ?? '', /\bisWorkspaceTrusted\b/, `${menu}: ${command}`);
      }
    }
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.deepEqual(trust.restrictedConfigurations, ['layerwise.containerCommand']);
  });

  it('declares the settings the client reads (client/src/build/config.ts)', () => {
    const config = readFileSync(join(ROOT, 'client', 'src', 'build', 'config.ts'), 'utf8');
    const read = [...config.matchAll(/'((?:containerCommand|build\.[A-Za-z]+))'/g)].map((match) => `layerwise.${match[1]}`);
    const declared = Object.keys(manifest.contributes.configuration.properties);
    assert.ok(read.length >= 6);
    assert.deepEqual(read.filter((key) => !declared.includes(key)), []);
    assert.equal(manifest.contributes.configuration.properties['layerwise.containerCommand'].default, 'auto');
  });

  it('declares the layerwise task type, activates on it, and contributes the build problem matcher', () => {
    const task = manifest.contributes.taskDefinitions.find((entry: { type: string }) => entry.type === 'layerwise');
    assert.deepEqual(task.required, ['command']);
    assert.deepEqual(task.properties.command.enum, ['build', 'push', 'tag']);
    assert.ok(manifest.activationEvents.includes('onTaskType:layerwise'));
    const matcher = manifest.contributes.problemMatchers.find((entry: { name: string }) => entry.name === 'layerwise-build');
    assert.equal(matcher.owner, 'layerwise-build');
    assert.deepEqual(matcher.fileLocation, ['absolute']);
    const match = new RegExp(matcher.pattern.regexp).exec('layerwise: /ws/app/Dockerfile:12: error: RUN failed: exit status 3');
    assert.deepEqual(match?.slice(1), ['/ws/app/Dockerfile', '12', 'error', 'RUN failed: exit status 3']);
    assert.equal(new RegExp(matcher.pattern.regexp).exec('layerwise: C:\\ws\\Dockerfile:3: error: x')?.[1], 'C:\\ws\\Dockerfile');
  });

  it('ships the task runner and the l10n bundle', () => {
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!dist/**'), 'dist/task-runner.js ships with dist/');
    assert.ok(ignore.includes('!l10n/*.json'));
    const build = readFileSync(join(ROOT, 'scripts', 'build.mjs'), 'utf8');
    assert.match(build, /client\/src\/build\/runner\.ts'\], outfile: 'dist\/task-runner\.js'/);
  });
});
