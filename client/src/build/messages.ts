import * as vscode from 'vscode';
import type { ArgumentProblem } from './build-args.js';
import type { EngineChoice } from './engine.js';
import type { ReferenceProblem } from './target-reference.js';

/** Every problem id the pure modules report, in words, through vscode.l10n (English keys, zh-cn in l10n/). */

export function referenceProblemMessage(value: string, problem: ReferenceProblem): string {
  switch (problem) {
    case 'empty':
      return vscode.l10n.t('The image tag is empty.');
    case 'too-long':
      return vscode.l10n.t('"{0}" is not a valid image tag: the name is longer than 255 characters.', value);
    case 'uppercase':
      return vscode.l10n.t('"{0}" is not a valid image tag: the repository name must be lower case.', value);
    case 'invalid-name':
      return vscode.l10n.t('"{0}" is not a valid image tag: a name is lower-case letters, digits and separators (. _ -), with an optional registry host first, e.g. registry.example.com:5000/team/app.', value);
    case 'invalid-tag':
      return vscode.l10n.t('"{0}" is not a valid image tag: the part after ":" may hold letters, digits, _ . and - (up to 128, not starting with . or -).', value);
    case 'invalid-digest':
      return vscode.l10n.t('"{0}" is not a valid image reference: the digest after "@" is malformed.', value);
    case 'digest-not-allowed':
      return vscode.l10n.t('"{0}" names a digest; build, tag and push need a name with a tag instead.', value);
  }
}

export function argumentProblemMessage(problem: ArgumentProblem): string {
  switch (problem.kind) {
    case 'reference':
      return referenceProblemMessage(problem.value, problem.problem);
    case 'build-arg-name':
      return vscode.l10n.t('"{0}" is not a valid build argument name: use letters, digits and _, not starting with a digit.', problem.value);
    case 'build-arg-reserved':
      return vscode.l10n.t('"{0}" cannot be a build argument here: its value is passed in the container CLI\'s environment, where {0} configures the CLI itself.', problem.value);
    case 'platform':
      return vscode.l10n.t('"{0}" is not a valid platform: use os/arch[/variant], e.g. linux/amd64.', problem.value);
    case 'target':
      return vscode.l10n.t('"{0}" is not a valid stage name.', problem.value);
    case 'path':
      return vscode.l10n.t('"{0}" is not a usable path.', problem.value);
  }
}

export function engineProblemMessage(choice: Extract<EngineChoice, { ok: false }>): string {
  return choice.problem === 'none-found'
    ? vscode.l10n.t('No container engine found: the docker daemon does not answer and podman is not installed. Set layerwise.containerCommand to the CLI to use.')
    : vscode.l10n.t('The container command "{0}" (layerwise.containerCommand) could not be run.', choice.command);
}
