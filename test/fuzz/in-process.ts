// The in-process property: one Dockerfile-shaped text (generated or a mutated
// corpus file), lint settings and a chain of edits per run.
import fc from 'fast-check';
import type { LintSettings } from '../../server/src/lint/types.js';
import { dockerfileText, lintSettings, relativeEdit, type RelativeEdit } from './arbitraries.js';
import { allRulesOn, checkDocument } from './properties.js';

/** Every in-process check on one input; throws the first broken invariant. */
export function checkAll(text: string, settings: LintSettings, edits: readonly RelativeEdit[]): void {
  checkDocument(text, allRulesOn(settings), edits);
}

/** The message of the first broken invariant, or undefined when all hold. */
export function failureOf(text: string, settings: LintSettings, edits: readonly RelativeEdit[]): string | undefined {
  try {
    checkAll(text, settings, edits);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The property over corpus files `files` (an empty list: generated texts only); `onRun` counts runs for progress reports. */
export function inProcessProperty(files: readonly string[], onRun: () => void = () => {}): fc.IPropertyWithHooks<[string, LintSettings, RelativeEdit[]]> {
  return fc.property(dockerfileText(files), lintSettings, fc.array(relativeEdit, { minLength: 1, maxLength: 4 }), (text, settings, edits) => {
    onRun();
    checkAll(text, settings, edits);
  });
}
