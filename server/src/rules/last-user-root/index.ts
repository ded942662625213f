import { unquote } from '../../analysis/expand.js';
import { defineRule } from '../../lint/define-rule.js';
import type { Word } from '../../parser/index.js';

/** `root` or uid 0, with or without a group. */
function isRoot(user: string): boolean {
  const name = user.split(':', 1)[0];
  return name === 'root' || name === '0';
}

export default defineRule({
  meta: {
    id: 'last-user-root',
    aliases: ['DL3002'],
    category: 'security',
    severity: 'warning',
    messages: {
      en: {
        lastUserRoot: 'The last USER of this stage is root, so its containers run as root.',
      },
      'zh-cn': {
        lastUserRoot: '此阶段最后一个 USER 是 root，容器将以 root 身份运行。',
      },
    },
    docs: {
      en: {
        summary: 'Reports a stage whose last USER switches to root.',
        why: 'The last USER of a stage is the user its containers start as. Switching to root for a few installation steps is fine, but a stage that ends as root hands every process in the container full control of it, and anyone who breaks into it gets that too. Switch back to an unprivileged user before the stage ends.',
      },
      'zh-cn': {
        summary: '报告最后一个 USER 切换为 root 的阶段。',
        why: '阶段中最后一个 USER 决定了容器以哪个用户启动。为了安装软件临时切到 root 没有问题，但如果阶段以 root 结束，容器里的每个进程都拥有完全权限，攻击者一旦突破也会拿到同样的权限。请在阶段结束前切回非特权用户。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN useradd --system app\nUSER root\n',
      good: 'FROM debian:12-slim\nUSER root\nRUN useradd --system app\nUSER app\n',
    },
  },
  create(context) {
    let lastUser: Word | undefined;
    return {
      stage() {
        lastUser = undefined;
      },
      USER(instruction, _stage, onbuild) {
        // ONBUILD USER changes the images built from this one, not this one.
        if (onbuild) return;
        lastUser = instruction.words[0];
      },
      stageEnd() {
        if (lastUser && isRoot(unquote(lastUser.value, context.tree.escapeChar))) {
          context.report({ span: lastUser, messageId: 'lastUserRoot' });
        }
      },
    };
  },
});
