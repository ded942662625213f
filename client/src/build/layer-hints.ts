import * as vscode from 'vscode';
import type { BuildPlan } from '../../../server/src/features/build-plan-protocol.js';
import { formatSize, worthShowing, type LayerSizes } from './layer-sizes.js';

/**
 * After a successful build, the size each instruction added shows as an inlay
 * hint at the end of that instruction, until the file changes.
 */
export class LayerHints implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly results = new Map<string, { sizes: LayerSizes; plan: BuildPlan; tag: string }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.forget(event.document.uri);
      }),
      this.changed,
    ];
  }

  show(uri: vscode.Uri, tag: string, plan: BuildPlan, sizes: LayerSizes): void {
    this.results.set(uri.toString(), { sizes, plan, tag });
    this.changed.fire();
  }

  forget(uri: vscode.Uri): void {
    if (this.results.delete(uri.toString())) this.changed.fire();
  }

  /** The sizes shown for a document, for tests and for the hover of each hint. */
  sizesFor(uri: vscode.Uri): LayerSizes | undefined {
    return this.results.get(uri.toString())?.sizes;
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    const result = this.results.get(document.uri.toString());
    if (!result) return [];
    const hints: vscode.InlayHint[] = [];
    const at = (stage: number, instruction: number): vscode.Position | undefined => {
      const value = result.plan.stages[stage]?.instructions[instruction];
      if (!value || value.endLine >= document.lineCount) return undefined;
      return new vscode.Position(value.endLine, document.lineAt(value.endLine).range.end.character);
    };
    for (const layer of result.sizes.layers) {
      if (!worthShowing(layer)) continue;
      const position = at(layer.stage, layer.instruction);
      if (!position || !range.contains(position)) continue;
      const hint = new vscode.InlayHint(position, `+${formatSize(layer.size)}`, vscode.InlayHintKind.Type);
      hint.paddingLeft = true;
      hint.tooltip = vscode.l10n.t('{0} added {1} to {2} ({3} bytes).', layer.keyword, formatSize(layer.size), result.tag, layer.size);
      hints.push(hint);
    }
    const base = at(result.sizes.base.stage, 0);
    if (base && range.contains(base) && result.sizes.base.rows > 0) {
      const hint = new vscode.InlayHint(base, vscode.l10n.t('base {0}, image {1}', formatSize(result.sizes.base.size), formatSize(result.sizes.total)), vscode.InlayHintKind.Type);
      hint.paddingLeft = true;
      hint.tooltip = vscode.l10n.t('The base image adds {0} in {1} layers; {2} is {3} in all.', formatSize(result.sizes.base.size), result.sizes.base.rows, result.tag, formatSize(result.sizes.total));
      hints.push(hint);
    }
    return hints;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.results.clear();
  }
}
