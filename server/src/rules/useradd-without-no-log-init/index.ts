import { substituteVariables } from '../../analysis/filesystem-effects.js';
import { findFlags, programName, type OptionSpec, type ShellCommand, type ShellWord } from '../../analysis/shell/index.js';
import type { VariableDefinition } from '../../analysis/variables.js';
import { defineRule } from '../../lint/define-rule.js';
import { flagFix } from '../../lint/helpers/package-cache.js';
import { runScripts } from '../../lint/helpers/run-scripts.js';

const USERADD_OPTIONS: OptionSpec = {
  valueOptions: ['-u', '--uid', '-g', '--gid', '-G', '--groups', '-d', '--home-dir', '-s', '--shell', '-c', '--comment', '-e', '--expiredate', '-f', '--inactive', '-k', '--skel', '-K', '--key', '-p', '--password', '-R', '--root', '-P', '--prefix', '-Z', '--selinux-user', '-b', '--base-dir'],
};

/** Above this UID, the login records useradd writes (sized by UID) reach tens of megabytes. */
const HIGH_UID = 99999;

/** The UID of `useradd -u <uid>` and its word, when it is high and `-l` is missing; undefined otherwise. */
function highUid(command: ShellCommand, scope: () => ReadonlyMap<string, VariableDefinition>): { word: ShellWord; uid: string } | undefined {
  if (programName(command.name) !== 'useradd' || findFlags(command, ['-l', '--no-log-init'], USERADD_OPTIONS).length > 0) return undefined;
  const uid = findFlags(command, ['-u', '--uid'], USERADD_OPTIONS).pop();
  if (uid?.value === undefined) return undefined;
  const word = uid.valueWord ?? uid.word;
  const value = word.isStatic ? uid.value : substituteVariables(uid.value, scope());
  return value !== undefined && /^\d+$/.test(value) && Number(value) > HIGH_UID ? { word, uid: value } : undefined;
}

export default defineRule({
  meta: {
    id: 'useradd-without-no-log-init',
    aliases: ['DL3046'],
    category: 'layers',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        highUid: '`useradd` with UID {uid} and without `-l` writes login records sized by the UID, megabytes of zeros in this layer: add `-l` (`--no-log-init`).',
        addNoLogInit: 'Add -l (--no-log-init)',
      },
      'zh-cn': {
        highUid: '`useradd` 使用 UID {uid} 且没有加 `-l`，会写入按 UID 大小分配的登录记录，在这一层里留下数 MB 的零：请加上 `-l`（`--no-log-init`）。',
        addNoLogInit: '添加 -l（--no-log-init）',
      },
    },
    docs: {
      en: {
        summary: 'Reports `useradd -u <uid>` with a UID above 99999 and without `-l` (`--no-log-init`).',
        why: 'useradd records the new user in /var/log/lastlog and /var/log/faillog, files indexed by UID: a user with UID 1000000 makes them hundreds of megabytes long. On disk they are sparse and cost nothing, but an image layer stores every byte, so the layer (and every pull of the image) grows by that much. Nobody logs in to a container, so `-l` (`--no-log-init`) loses nothing.',
        fix: 'Adds `-l` after `useradd`. Not applied on save: useradd then leaves the user out of the login records, which nothing in a container normally reads, but it is a change in what the image holds.',
      },
      'zh-cn': {
        summary: '报告 UID 大于 99999 且没有加 `-l`（`--no-log-init`）的 `useradd -u <uid>`。',
        why: 'useradd 会把新用户写进 /var/log/lastlog 和 /var/log/faillog，这两个文件按 UID 编址：UID 为 1000000 的用户会让它们长达数百 MB。在磁盘上它们是稀疏文件，并不占空间，但镜像层会存下每一个字节，这一层（以及每次拉取镜像）都会因此变大。没有人会登录容器，所以 `-l`（`--no-log-init`）不会有任何损失。',
        fix: '在 `useradd` 后加上 `-l`。保存时不会自动应用：此后 useradd 不会把该用户写入登录记录，虽然容器里通常没有程序读取它们，但镜像的内容毕竟变了。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN useradd -u 1000001 app\n',
      good: 'FROM debian:12-slim\nRUN useradd -l -u 1000001 app\n',
    },
  },
  create(context) {
    return {
      RUN: runScripts(context, ({ instruction, commands }) => {
        const scope = () => context.variables.scopeAt(instruction.start);
        for (const command of commands) {
          const found = highUid(command, scope);
          if (!found) continue;
          const fix = flagFix('addNoLogInit', command.nameWord, '-l', false);
          context.report({ span: found.word, messageId: 'highUid', data: { uid: found.uid }, fixes: [fix] });
        }
      }),
    };
  },
});
