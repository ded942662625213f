import { operands, programName, type OptionSpec } from '../../analysis/shell/index.js';
import { defineRule } from '../../lint/define-rule.js';
import { runScripts } from '../../lint/helpers/run-scripts.js';

const LN_OPTIONS: OptionSpec = { valueOptions: ['-S', '--suffix', '-t', '--target-directory'] };
/** /bin/sh, and where merged-/usr systems keep the same file. */
const DEFAULT_SHELL_PATHS = new Set(['/bin/sh', '/usr/bin/sh']);

export default defineRule({
  meta: {
    id: 'bin-sh-replaced',
    aliases: ['DL4005'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        replaced: 'This replaces {path} with a link: to run RUN scripts with another shell, use the SHELL instruction.',
      },
      'zh-cn': {
        replaced: '这里把 {path} 换成了一个链接：如果想让 RUN 脚本使用其他 shell，请使用 SHELL 指令。',
      },
    },
    docs: {
      en: {
        summary: 'Reports `ln` commands that make /bin/sh a link to another program.',
        why: 'Relinking /bin/sh (usually to bash) to get bash features in RUN changes the shell of every program in the image that calls `sh`: package maintainer scripts, init scripts, `system()` in any language. Their behaviour changes silently, and the Dockerfile no longer says which shell its RUNs use. `SHELL ["/bin/bash", "-c"]` switches the shell for the following RUN, CMD and ENTRYPOINT instructions only, and says so.',
      },
      'zh-cn': {
        summary: '报告把 /bin/sh 改成指向其他程序的链接的 `ln` 命令。',
        why: '为了在 RUN 中使用 bash 的功能而把 /bin/sh 重新链接（通常指向 bash），会改变镜像中所有调用 `sh` 的程序所用的 shell：软件包的维护脚本、init 脚本、各种语言里的 `system()` 调用。它们的行为会悄然改变，Dockerfile 也不再表明 RUN 使用的是哪个 shell。`SHELL ["/bin/bash", "-c"]` 只改变其后 RUN、CMD 和 ENTRYPOINT 指令所用的 shell，而且写得明明白白。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\n',
      good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\n',
    },
  },
  create(context) {
    return {
      RUN: runScripts(context, ({ commands }) => {
        for (const command of commands) {
          if (programName(command.name) !== 'ln') continue;
          // `ln TARGET LINK`: the last operand is the link made (with `-t DIR`, every operand is a target).
          const words = operands(command, LN_OPTIONS);
          const link = words[words.length - 1];
          const intoDirectory = command.args.some((word) => word.value === '-t' || word.value.startsWith('--target-directory'));
          if (words.length < 2 || intoDirectory || !DEFAULT_SHELL_PATHS.has(link.value)) continue;
          context.report({ span: link, messageId: 'replaced', data: { path: link.value } });
        }
      }),
    };
  },
});
