import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BUILD_PLAN_METHOD, type BuildPlan, type BuildPlanParams } from '../../../server/src/features/build-plan-protocol.js';

/** Where the build commands learn a Dockerfile's stages, lines and ARGs: the language server, never a parser of their own. */
export interface PlanSource {
  planFor(uri: vscode.Uri): Promise<BuildPlan | undefined>;
}

export class ServerPlans implements PlanSource {
  /** The client starts after activation; requests wait for it. */
  constructor(private readonly client: () => Promise<BaseLanguageClient>) {}

  /** The plan of the text as it will be built: the open editor's (saved before a build) or the file's. */
  async planFor(uri: vscode.Uri): Promise<BuildPlan | undefined> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    let text: string;
    try {
      text = open ? open.getText() : await readFile(uri.fsPath, 'utf8');
    } catch {
      return undefined;
    }
    const params: BuildPlanParams = { uri: uri.toString(), text };
    const client = await this.client();
    return (await client.sendRequest<BuildPlan | null>(BUILD_PLAN_METHOD, params)) ?? undefined;
  }
}
