import { flagSpec, ignoresFlags } from '../../analysis/instructions.js';
import { defineRule } from '../../lint/define-rule.js';
import type { Flag } from '../../parser/index.js';

export default defineRule({
  meta: {
    id: 'duplicate-flag',
    aliases: [],
    category: 'syntax',
    severity: 'error',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        duplicate: '--{flag} is given more than once; {keyword} takes it once.',
        removeDuplicate: 'Remove the repeated --{flag}',
      },
      'zh-cn': {
        duplicate: '--{flag} 出现了不止一次，{keyword} 只接受一个。',
        removeDuplicate: '删除重复的 --{flag}',
      },
    },
    docs: {
      en: {
        summary: 'Reports a flag given twice on one instruction, such as two `--from` on a COPY, where the flag may appear only once.',
        why: 'BuildKit refuses the instruction rather than guess which value you meant. Only list flags (`--mount`, `--exclude`, `--device`) may repeat.',
        fix: 'When both copies have the same value, removes the repeated one. Safe: the instruction means the same with one copy.',
      },
      'zh-cn': {
        summary: '报告同一条指令中重复出现、但只允许出现一次的参数，例如 COPY 上写了两个 `--from`。',
        why: 'BuildKit 不会去猜你想用哪个值，而是直接拒绝这条指令。只有列表型参数（`--mount`、`--exclude`、`--device`）可以重复。',
        fix: '如果两次出现的值相同，就删除重复的那个。安全：只保留一个时指令的含义不变。',
      },
    },
    examples: {
      bad: 'FROM alpine:3.20\nHEALTHCHECK --interval=30s --interval=30s CMD wget -q --spider http://localhost/ || exit 1\n',
      good: 'FROM alpine:3.20\nHEALTHCHECK --interval=30s CMD wget -q --spider http://localhost/ || exit 1\n',
    },
  },
  create(context) {
    return {
      instruction(instruction) {
        if (ignoresFlags(instruction)) return;
        const first = new Map<string, Flag>();
        instruction.flags.forEach((flag, index) => {
          const spec = flagSpec(instruction.keyword, flag.name);
          if (!spec || spec.kind === 'list') return;
          const earlier = first.get(flag.name);
          if (!earlier) {
            first.set(flag.name, flag);
            return;
          }
          // The repeat goes with the white space before it, so the rest reads as if written once.
          const removal = { start: instruction.flags[index - 1].end, end: flag.end, text: '' };
          const same = earlier.value?.value === flag.value?.value;
          context.report({
            span: flag.nameSpan,
            messageId: 'duplicate',
            data: { flag: flag.name, keyword: instruction.keyword },
            fixes: same ? [{ messageId: 'removeDuplicate', data: { flag: flag.name }, edits: [removal], safe: true }] : [],
          });
        });
      },
    };
  },
});
