import { promptingSubcommand } from '../../analysis/packages.js';
import { fedByYes, commandRule } from '../../lint/helpers/command-rule.js';

export default commandRule(
  {
    id: 'apt-get-missing-yes',
    aliases: ['DL3014'],
    category: 'correctness',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        missingYes: '`{command}` asks for confirmation, and a build cannot answer: add `-y`.',
        addYes: 'Add -y',
      },
      'zh-cn': {
        missingYes: '`{command}` 会请求确认，而构建过程无法作答：请加上 `-y`。',
        addYes: '添加 -y',
      },
    },
    docs: {
      en: {
        summary: 'Reports `apt-get` (and `apt`) commands that install, upgrade or remove packages without `-y`.',
        why: 'Whenever apt-get has more to do than the packages named (a dependency to add, a package to remove), it asks "Do you want to continue?". A build has no terminal to answer from, so apt-get reads end of input, aborts, and the RUN fails — or works today and fails after a base image update pulls in one more dependency. `-y` (`--yes`, `--assume-yes`, or quiet level 2: `-qq`) answers in advance; so does piping `yes` into the command.',
        fix: 'Adds `-y` after the subcommand. Safe: in a build that works today apt-get asked nothing, so the option changes nothing; where it would have asked, the build would have stopped.',
      },
      'zh-cn': {
        summary: '报告没有加 `-y` 就安装、升级或删除软件包的 `apt-get`（以及 `apt`）命令。',
        why: '只要 apt-get 要做的事超出了指定的软件包（要补装依赖、要删除某个包），它就会询问“是否继续？”。构建过程没有终端可以作答，apt-get 读到输入结束便会中止，RUN 随之失败——或者今天能成功，等基础镜像更新后多出一个依赖就失败了。`-y`（`--yes`、`--assume-yes`，或静默级别 2：`-qq`）可以预先作答；用管道把 `yes` 传给命令也可以。',
        fix: '在子命令后加上 `-y`。安全：如果构建现在能成功，说明 apt-get 没有提问，加上这个选项不会改变任何行为；而在它会提问的情况下，构建本来就会中断。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
  },
  {
    find: (command, run) => (fedByYes(command, run) ? undefined : promptingSubcommand(command, 'apt')),
    messageId: 'missingYes',
    fix: { messageId: 'addYes', flag: '-y', safe: true },
  },
);
