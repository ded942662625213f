import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { layerwise } from './helpers.js';

interface ContributedCommand {
  command: string;
  title: string;
}

describe('commands', () => {
  it('registers every command that package.json contributes', async () => {
    const extension = layerwise();
    await extension.activate();
    const contributed: ContributedCommand[] = extension.packageJSON.contributes?.commands ?? [];
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((entry) => entry.command).filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `contributed but not registered after activation: ${missing.join(', ')}`);
    console.log(`commands: ${contributed.length} contributed, all registered`);
  });
});
