import type { CodeLens } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsFor, format } from '../docs/index.js';
import type { Locale } from '../lint/types.js';
import type { DockerfileTree } from '../parser/index.js';
import { BUILD_STAGE_COMMAND, type BuildStageArguments } from './build-stage-command.js';

/** "Build stage" above each FROM; the client runs the build (an unnamed stage goes by its index). */
export function codeLenses(tree: DockerfileTree, document: TextDocument, locale: Locale, enabled: boolean): CodeLens[] {
  if (!enabled) return [];
  const text = docsFor(locale).text;
  return tree.stages.map((stage) => {
    const stageName = stage.from.from?.stageName?.value;
    const argumentsInOrder: BuildStageArguments = [document.uri, stageName ?? null, stage.index];
    return {
      range: { start: document.positionAt(stage.from.keywordToken.start), end: document.positionAt(stage.from.keywordToken.end) },
      command: {
        title: stageName ? format(text.buildStage, { name: stageName }) : format(text.buildUnnamedStage, { number: stage.index + 1 }),
        command: BUILD_STAGE_COMMAND,
        arguments: argumentsInOrder,
      },
    };
  });
}
