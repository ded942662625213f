import { promptingSubcommand } from '../../analysis/packages.js';
import { programName, type ShellCommand, type ShellWord } from '../../analysis/shell/index.js';
import { defineRule } from '../define-rule.js';
import type { Fix, Rule, RuleMeta } from '../types.js';
import { commandSpan, flagFix } from './package-cache.js';
import { runScripts, type RunScript } from './run-scripts.js';

export interface CommandCheck<MessageId extends string> {
  /**
   * For a command to report: the last word of what to report (its subcommand,
   * or its name), from the command's name on; undefined when the command is fine.
   */
  find(command: ShellCommand, run: RunScript): ShellWord | undefined;
  /** The finding's message (`{command}` is the reported text). */
  messageId: MessageId;
  /** The fix: `flag` written after `after(command, word)` (default: the reported word); undefined `after` means no fix here. */
  fix?: {
    messageId: MessageId;
    flag: string;
    /** Whether the fix keeps behaviour: for every command, or decided per command. */
    safe: boolean | ((command: ShellCommand) => boolean);
    after?(command: ShellCommand, word: ShellWord, run: RunScript): ShellWord | undefined;
  };
}

/**
 * A rule that reports commands of RUN scripts from their name to the word
 * `find` gives (`apt-get install`, run without `-y`), and may fix them by
 * writing an option after a word.
 */
export function commandRule<MessageId extends string>(meta: RuleMeta<MessageId>, check: CommandCheck<NoInfer<MessageId>>): Rule<MessageId> {
  return defineRule({
    meta,
    create(context) {
      return {
        RUN: runScripts(context, (run) => {
          for (const command of run.commands) {
            const word = check.find(command, run);
            if (!word) continue;
            const span = commandSpan(command, word);
            const fixes: Fix[] = [];
            const at = check.fix && (check.fix.after ? check.fix.after(command, word, run) : word);
            if (check.fix && at) {
              const safe = typeof check.fix.safe === 'function' ? check.fix.safe(command) : check.fix.safe;
              fixes.push(flagFix(check.fix.messageId, at, check.fix.flag, safe));
            }
            context.report({ span, messageId: check.messageId, data: { command: context.text.slice(span.start, span.end) }, fixes });
          }
        }),
      };
    },
  });
}

/** Whether the command reads its answers from `yes` (`yes | apt-get install ...`). */
export function fedByYes(command: ShellCommand, run: RunScript): boolean {
  const before = run.script.commands[command.index - 1];
  return before !== undefined && (before.next === '|' || before.next === '|&') && programName(before.name) === 'yes';
}

/**
 * `-y` for yum and dnf, which ask the same questions (a transaction, a key to
 * import): one description for both rules, with the program named.
 */
export function rpmAssumeYesRule(rule: {
  id: string;
  alias: string;
  manager: 'yum' | 'dnf';
  programs: { en: string; 'zh-cn': string };
  examples: { bad: string; good: string };
  /** Programs whose fix is not safe, and why (appended to the fix docs). */
  unsafeFor?: readonly string[];
  caveat?: { en: string; 'zh-cn': string };
}) {
  const { manager: m } = rule;
  return commandRule(
    {
      id: rule.id,
      aliases: [rule.alias],
      category: 'correctness',
      severity: 'warning',
      scope: 'instruction',
      fixable: true,
      messages: {
        en: {
          missingYes: '`{command}` asks "Is this ok [y/N]", and a build cannot answer: add `-y`.',
          addYes: 'Add -y',
        },
        'zh-cn': {
          missingYes: '`{command}` 会询问“Is this ok [y/N]”，而构建过程无法作答：请加上 `-y`。',
          addYes: '添加 -y',
        },
      },
      docs: {
        en: {
          summary: `Reports ${rule.programs.en} commands that install, update or remove packages without \`-y\`.`,
          why: `Before a transaction, ${m} lists what it will do and asks for confirmation, and it asks to import a repository’s signing key the first time it meets one. A build has no terminal to answer from: ${m} reads end of input, gives up, and the RUN fails. \`-y\` (\`--assumeyes\`) answers in advance; so does piping \`yes\` into the command.`,
          fix: `Adds \`-y\` after the subcommand. Safe: in a build that works today ${m} asked nothing, so the option changes nothing; where it would have asked (a transaction, a key to import), the build would have stopped.${rule.caveat ? ` ${rule.caveat.en}` : ''}`,
        },
        'zh-cn': {
          summary: `报告没有加 \`-y\` 就安装、更新或删除软件包的 ${rule.programs['zh-cn']} 命令。`,
          why: `执行事务前，${m} 会列出要做的操作并请求确认；第一次遇到某个软件源的签名密钥时，也会询问是否导入。构建过程没有终端可以作答：${m} 读到输入结束便会放弃，RUN 随之失败。\`-y\`（\`--assumeyes\`）可以预先作答；用管道把 \`yes\` 传给命令也可以。`,
          fix: `在子命令后加上 \`-y\`。安全：如果构建现在能成功，说明 ${m} 没有提问，加上这个选项不会改变任何行为；而在它会提问的情况下（执行事务、导入密钥），构建本来就会中断。${rule.caveat ? rule.caveat['zh-cn'] : ''}`,
        },
      },
      examples: rule.examples,
    },
    {
      find: (command, run) => (fedByYes(command, run) ? undefined : promptingSubcommand(command, m)),
      messageId: 'missingYes',
      fix: { messageId: 'addYes', flag: '-y', safe: (command) => !rule.unsafeFor?.includes(programName(command.name)) },
    },
  );
}
