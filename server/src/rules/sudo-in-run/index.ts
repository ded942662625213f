import { programName, type ShellWord } from '../../analysis/shell/index.js';
import { defineRule } from '../../lint/define-rule.js';
import { runScripts } from '../../lint/helpers/run-scripts.js';

/** The user of `sudo -u app` (`--user app`, `-uapp`, `--user=app`), from the words after `sudo`; undefined for root. */
function targetUser(words: readonly ShellWord[]): string | undefined {
  for (let index = 0; index < words.length && words[index].value.startsWith('-'); index++) {
    const text = words[index].value;
    const user = text === '-u' || text === '--user' ? words[index + 1]?.value : /^(?:-u|--user=)(.+)$/.exec(text)?.[1];
    if (user !== undefined) return user === 'root' || user === '#0' ? undefined : user;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'sudo-in-run',
    aliases: ['DL3004'],
    category: 'security',
    severity: 'error',
    scope: 'instruction',
    messages: {
      en: {
        sudo: 'Do not use `sudo` in a RUN: run the step as root with `USER root` (and switch back), or use gosu/su-exec in an entrypoint.',
        sudoUser: 'Do not use `sudo` in a RUN: to run as {user}, put `USER {user}` before this RUN (and switch back after it).',
      },
      'zh-cn': {
        sudo: '不要在 RUN 中使用 `sudo`：需要 root 权限时用 `USER root` 执行该步骤（之后再切换回来），入口脚本中则可以使用 gosu/su-exec。',
        sudoUser: '不要在 RUN 中使用 `sudo`：要以 {user} 身份运行，请在这个 RUN 之前写 `USER {user}`（之后再切换回来）。',
      },
    },
    docs: {
      en: {
        summary: 'Reports `sudo` in RUN scripts.',
        why: 'Build steps run as the current USER, root unless the Dockerfile says otherwise, so `sudo` is either useless or a sign that the image grants a user password-less root — which anyone who gets a shell in the container can use too. sudo also behaves unpredictably without a terminal (it may ask for a password, reset the environment, or refuse to run because of `requiretty`). Switch users with USER around the steps that need root; at run time, drop privileges in the entrypoint with gosu or su-exec.',
      },
      'zh-cn': {
        summary: '报告 RUN 脚本中的 `sudo`。',
        why: '构建步骤以当前 USER 的身份运行，除非 Dockerfile 另行指定，否则就是 root，所以 `sudo` 要么多余，要么说明镜像给了某个用户免密码的 root 权限——任何拿到容器 shell 的人都能利用它。没有终端时 sudo 的行为也难以预料（可能要求输入密码、重置环境变量，或因为 `requiretty` 拒绝执行）。请在需要 root 的步骤前后用 USER 切换用户；运行时则在入口脚本中用 gosu 或 su-exec 降低权限。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nUSER app\nRUN sudo mkdir /data\n',
      good: 'FROM debian:12-slim\nRUN mkdir /data && chown app /data\nUSER app\n',
    },
  },
  create(context) {
    return {
      RUN: runScripts(context, ({ commands }) => {
        for (const command of commands) {
          if (command.wrappers.length === 0 && programName(command.name) !== 'sudo') continue;
          const words = [...command.wrappers, command.nameWord];
          words.forEach((word, index) => {
            if (programName(word.value) !== 'sudo') return;
            const user = targetUser(words.slice(index + 1));
            context.report(user ? { span: word, messageId: 'sudoUser', data: { user } } : { span: word, messageId: 'sudo' });
          });
        }
      }),
    };
  },
});
