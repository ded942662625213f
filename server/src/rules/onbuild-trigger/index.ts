import { defineRule } from '../../lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'onbuild-trigger',
    aliases: ['DL3043'],
    category: 'correctness',
    severity: 'error',
    scope: 'instruction',
    messages: {
      en: {
        chained: 'ONBUILD cannot register another ONBUILD.',
        notAllowed: '{keyword} cannot be an ONBUILD trigger.',
      },
      'zh-cn': {
        chained: 'ONBUILD 不能再注册一个 ONBUILD。',
        notAllowed: '{keyword} 不能作为 ONBUILD 的触发指令。',
      },
    },
    docs: {
      en: {
        summary: 'Reports `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER`.',
        why: 'A trigger runs in the image that builds on this one, where a second FROM or ONBUILD has no meaning; BuildKit refuses all three when it reads the instruction.',
      },
      'zh-cn': {
        summary: '报告 `ONBUILD ONBUILD`、`ONBUILD FROM` 和 `ONBUILD MAINTAINER`。',
        why: '触发指令会在以本镜像为基础的下游构建中执行，在那里再出现 FROM 或 ONBUILD 没有意义；BuildKit 读取这条指令时就会拒绝这三种写法。',
      },
    },
    examples: {
      bad: 'FROM node:22-alpine\nONBUILD FROM node:22-alpine\n',
      good: 'FROM node:22-alpine\nONBUILD COPY package.json ./\n',
    },
  },
  create(context) {
    return {
      ONBUILD(instruction) {
        const trigger = instruction.trigger;
        if (!trigger) return;
        if (trigger.keyword === 'ONBUILD') context.report({ span: trigger.keywordToken, messageId: 'chained' });
        else if (trigger.keyword === 'FROM' || trigger.keyword === 'MAINTAINER') {
          context.report({ span: trigger.keywordToken, messageId: 'notAllowed', data: { keyword: trigger.keyword } });
        }
      },
    };
  },
});
