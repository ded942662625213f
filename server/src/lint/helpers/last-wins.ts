import type { Instruction } from '../../parser/index.js';
import { defineRule } from '../define-rule.js';
import type { Rule, RuleMeta } from '../types.js';
import { removeInstruction } from './edits.js';

type Messages = 'overridden' | 'removeEarlier';

const MESSAGES: RuleMeta<Messages>['messages'] = {
  en: {
    overridden: 'This {keyword} has no effect: the {keyword} on line {line} replaces it.',
    removeEarlier: 'Remove this {keyword}',
  },
  'zh-cn': {
    overridden: '此 {keyword} 不会生效：第 {line} 行的 {keyword} 会覆盖它。',
    removeEarlier: '删除此 {keyword}',
  },
};

/**
 * A rule for instructions of which only the last in a stage takes effect
 * (CMD, ENTRYPOINT, HEALTHCHECK): every earlier one is reported.
 */
export function lastInstructionWins(keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK', meta: Omit<RuleMeta<Messages>, 'messages'>): Rule<Messages> {
  return defineRule({
    meta: { ...meta, messages: MESSAGES },
    create(context) {
      let seen: Instruction[] = [];
      return {
        stage() {
          seen = [];
        },
        [keyword](instruction: Instruction, _stage: unknown, onbuild?: Instruction) {
          if (!onbuild) seen.push(instruction);
        },
        stageEnd() {
          const last = seen[seen.length - 1];
          for (const instruction of seen.slice(0, -1)) {
            context.report({
              span: instruction.keywordToken,
              messageId: 'overridden',
              data: { keyword, line: context.lines.positionAt(last.start).line + 1 },
              fixes: [{ messageId: 'removeEarlier', data: { keyword }, edits: [removeInstruction(context.text, instruction)], safe: false }],
            });
          }
        },
      };
    },
  });
}
