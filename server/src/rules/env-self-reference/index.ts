import { unquote } from '../../analysis/expand.js';
import { defineRule } from '../../lint/define-rule.js';
import { indentationAt, lineEndOf } from '../../lint/helpers/edits.js';
import type { Instruction, VariableRef } from '../../parser/index.js';

export default defineRule({
  meta: {
    id: 'env-self-reference',
    aliases: ['DL3044'],
    category: 'correctness',
    severity: 'error',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        sameEnv: '{name} is set earlier in this same ENV, but here it still has its value from before the ENV.',
        split: 'Split the ENV before {key}',
      },
      'zh-cn': {
        sameEnv: '{name} 在同一条 ENV 的前面被赋值，但这里拿到的仍是该 ENV 之前的旧值。',
        split: '在 {key} 之前拆分 ENV',
      },
    },
    docs: {
      en: {
        summary: 'Reports a variable used in an ENV that sets it earlier in the same instruction.',
        why: 'All values of one ENV are expanded before any of them is set, so `ENV A=1 B=$A` gives B the old A (often empty), not 1. Set the variable in an ENV of its own first; the extra instruction only adds image metadata, not a layer.',
        fix: 'Splits the ENV into two just before the pair that uses the variable. Not applied on save: the value then becomes the new one, which is usually what was meant, but it changes what the image gets.',
      },
      'zh-cn': {
        summary: '报告在同一条 ENV 中引用了前面刚赋值的变量。',
        why: '同一条 ENV 的所有值都在赋值之前展开，因此 `ENV A=1 B=$A` 中 B 得到的是旧的 A（往往为空），而不是 1。请先用单独的 ENV 设置该变量；多一条 ENV 只会增加镜像元数据，不会多出镜像层。',
        fix: '在引用该变量的键值对之前把 ENV 拆成两条。保存时不会自动应用：拆分后取到的是新值，这通常正是本意，但会改变镜像中的结果。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nENV APP_HOME=/opt/app PATH=$APP_HOME/bin:$PATH\n',
      good: 'FROM debian:12-slim\nENV APP_HOME=/opt/app\nENV PATH=$APP_HOME/bin:$PATH\n',
    },
  },
  create(context) {
    const escape = context.tree.escapeChar;
    return {
      ENV(instruction: Instruction, _stage, onbuild?: Instruction) {
        const pairs = instruction.pairs ?? [];
        const earlier = new Set<string>();
        const uses: Array<{ variable: VariableRef; pair: number }> = [];
        pairs.forEach((pair, index) => {
          const value = pair.value;
          if (index > 0 && value) {
            for (const variable of instruction.variables) {
              if (variable.start >= value.start && variable.end <= value.end && earlier.has(variable.name)) uses.push({ variable, pair: index });
            }
          }
          earlier.add(unquote(pair.key.value, escape));
        });
        if (uses.length === 0) return;
        // One split, before the first pair that needs it, fixes every use in that pair and the ones after it.
        const split = pairs[uses[0].pair];
        const owner = onbuild ?? instruction;
        const prefix = `${onbuild ? `${onbuild.keywordToken.value} ` : ''}${instruction.keywordToken.value} `;
        const edit = { start: pairs[uses[0].pair - 1].end, end: split.start, text: `${lineEndOf(context.text)}${indentationAt(context.text, owner.start)}${prefix}` };
        // Splitting there would delete a comment between the pairs: leave that to the author.
        const keepsComments = !context.tree.comments.some((comment) => comment.start >= edit.start && comment.end <= edit.end);
        for (const { variable } of uses) {
          context.report({
            span: variable,
            messageId: 'sameEnv',
            data: { name: variable.name },
            fixes: keepsComments ? [{ messageId: 'split', data: { key: split.key.value }, edits: [edit], safe: false }] : [],
          });
        }
      },
    };
  },
});
