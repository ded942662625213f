import { knownValueAt } from '../../analysis/known-value.js';
import { defineRule } from '../../lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'non-numeric-user',
    aliases: ['DL3066'],
    category: 'security',
    severity: 'info',
    scope: 'instruction',
    messages: {
      en: {
        nonNumeric: 'USER {user} is a name; use the numeric user id so that the host and Kubernetes can tell who the container runs as.',
      },
      'zh-cn': {
        nonNumeric: 'USER {user} 是用户名；请使用数字用户 ID，这样宿主机和 Kubernetes 才能确定容器以哪个用户运行。',
      },
    },
    docs: {
      en: {
        summary: 'Reports USER given as a name rather than a numeric user id.',
        why: 'A user name only means something inside the image’s /etc/passwd. Outside it, the runtime sees numbers: Kubernetes’ `runAsNonRoot` cannot verify a name and refuses the pod, and files on mounted volumes get whatever the name maps to in this image. A numeric id (`USER 10001:10001`) says the same thing everywhere.',
      },
      'zh-cn': {
        summary: '报告使用用户名而不是数字用户 ID 的 USER。',
        why: '用户名只在镜像内的 /etc/passwd 中有意义，运行时在外部看到的都是数字：Kubernetes 的 `runAsNonRoot` 无法验证用户名，会直接拒绝启动 Pod；挂载卷上文件的属主也取决于该名字在这个镜像里映射成什么。数字 ID（`USER 10001:10001`）在任何地方含义都一样。',
      },
    },
    examples: {
      bad: 'FROM node:22-alpine\nUSER node\n',
      good: 'FROM node:22-alpine\nUSER 1000:1000\n',
    },
  },
  create(context) {
    return {
      USER(instruction) {
        const word = instruction.words[0];
        if (!word) return;
        const value = knownValueAt(word.value, instruction.start, context.variables, context.tree.escapeChar);
        // A variable only known at build time may well hold a number.
        if (value === undefined) return;
        const user = value.split(':', 1)[0];
        if (/^\d+$/.test(user)) return;
        const plain = word.value.startsWith(user);
        context.report({ span: plain ? { start: word.start, end: word.start + user.length } : word, messageId: 'nonNumeric', data: { user } });
      },
    };
  },
});
