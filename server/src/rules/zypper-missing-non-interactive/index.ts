import { promptingSubcommand } from '../../analysis/packages.js';
import { fedByYes, commandRule } from '../../lint/helpers/command-rule.js';

export default commandRule(
  {
    id: 'zypper-missing-non-interactive',
    aliases: ['DL3034'],
    category: 'correctness',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        interactive: '`{command}` asks for confirmation, and a build cannot answer: add `-n` (`--non-interactive`) after `zypper`, or `-y` after the subcommand.',
        addNonInteractive: 'Add -n after zypper',
      },
      'zh-cn': {
        interactive: '`{command}` 会请求确认，而构建过程无法作答：请在 `zypper` 后加上 `-n`（`--non-interactive`），或在子命令后加上 `-y`。',
        addNonInteractive: '在 zypper 后添加 -n',
      },
    },
    docs: {
      en: {
        summary: 'Reports `zypper` commands that install, update or remove packages without `-n` (`--non-interactive`) or `-y` (`--no-confirm`).',
        why: 'zypper shows what it is about to do and waits for an answer. A build has no terminal to give one, so the RUN stops or fails. The global `-n` (`--non-interactive`) makes zypper take the default answer to every question; the subcommand option `-y` (`--no-confirm`) answers the confirmation.',
        fix: 'Adds the global `-n` right after `zypper`. Safe: in a build that works today zypper asked nothing, so the option changes nothing; where it would have asked, the build would have stopped.',
      },
      'zh-cn': {
        summary: '报告没有加 `-n`（`--non-interactive`）或 `-y`（`--no-confirm`）就安装、更新或删除软件包的 `zypper` 命令。',
        why: 'zypper 会先列出要执行的操作，然后等待回答。构建过程没有终端可以作答，RUN 会因此卡住或失败。全局选项 `-n`（`--non-interactive`）让 zypper 对每个问题都采用默认答案；子命令选项 `-y`（`--no-confirm`）则直接确认。',
        fix: '在 `zypper` 后加上全局选项 `-n`。安全：如果构建现在能成功，说明 zypper 没有提问，加上这个选项不会改变任何行为；而在它会提问的情况下，构建本来就会中断。',
      },
    },
    examples: {
      bad: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0 \\\n    && zypper clean --all\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 \\\n    && zypper clean --all\n',
    },
  },
  {
    find: (command, run) => (fedByYes(command, run) ? undefined : promptingSubcommand(command, 'zypper')),
    messageId: 'interactive',
    fix: { messageId: 'addNonInteractive', flag: '-n', safe: true, after: (command) => command.nameWord },
  },
);
