import { packageInstall, type PackageManager, type PinProblem } from '../../analysis/packages.js';
import { defineRule } from '../define-rule.js';
import type { Rule, RuleMeta } from '../types.js';
import { runScripts } from './run-scripts.js';

/**
 * A rule that reports each package a RUN installs with `managers` without
 * pinning its version, on the package's word; `messages` gives the message
 * id for each problem the managers can have (`{package}` is the package).
 */
export function unpinnedPackageRule<MessageId extends string>(
  meta: RuleMeta<MessageId>,
  managers: readonly PackageManager[],
  messages: Partial<Record<PinProblem, NoInfer<MessageId>>> & { 'no-version': NoInfer<MessageId> },
): Rule<MessageId> {
  return defineRule({
    meta,
    create(context) {
      return {
        RUN: runScripts(context, ({ instruction, stage, commands }) => {
          let scope: ReturnType<typeof context.variables.scopeAt> | undefined;
          // Before the first FROM there is no stage, so which variables a RUN would see is unknown.
          const scopeOfRun = () => (stage ? (scope ??= context.variables.scopeAt(instruction.start)) : undefined);
          for (const command of commands) {
            const install = packageInstall(command, managers, scopeOfRun);
            for (const { word, name, problem } of install?.unpinned ?? []) {
              context.report({ span: word, messageId: messages[problem] ?? messages['no-version'], data: { package: name } });
            }
          }
        }),
      };
    },
  });
}

/** yum and dnf pin the same way (`name-version`, `module:stream`): one description for both rules, with the command named. */
export function rpmUnpinnedRule(rule: { id: string; alias: string; manager: 'yum' | 'dnf'; installs: { en: string; 'zh-cn': string }; examples: { bad: string; good: string } }) {
  return unpinnedPackageRule(
    {
      id: rule.id,
      aliases: [rule.alias],
      category: 'maintainability',
      severity: 'warning',
      scope: 'instruction',
      messages: {
        en: {
          unpinned: '`{package}` is installed without a version: write `{package}-<version>`.',
          noStream: 'Module `{package}` is installed without a stream: write `{package}:<stream>`.',
        },
        'zh-cn': {
          unpinned: '安装 `{package}` 时没有指定版本：请写成 `{package}-<version>`。',
          noStream: '安装模块 `{package}` 时没有指定流：请写成 `{package}:<stream>`。',
        },
      },
      docs: {
        en: {
          summary: `Reports packages that ${rule.installs.en} names without a version, and modules without a stream.`,
          why: 'Without a version, the package manager installs whatever the repositories offer on the day of the build, so the same Dockerfile gives different images over time and an update upstream can break it unnoticed. `name-version` (a version after the name, such as `httpd-2.4.6`) and module streams (`nodejs:20`) state what the image was built with. Local `.rpm` files, paths, groups (`@group`, `group install`) and capabilities such as `perl(JSON)` are not reported.',
        },
        'zh-cn': {
          summary: `报告 ${rule.installs['zh-cn']} 中没有指定版本的软件包，以及没有指定流的模块。`,
          why: '不指定版本时，包管理器会安装构建当天软件源里的版本，同一个 Dockerfile 随时间推移会得到不同的镜像，上游更新也可能悄无声息地破坏构建。`name-version`（在包名后写版本，如 `httpd-2.4.6`）和模块流（`nodejs:20`）写明了镜像基于什么构建。本地 `.rpm` 文件、路径、软件包组（`@group`、`group install`）以及 `perl(JSON)` 这类能力名不报告。',
        },
      },
      examples: rule.examples,
    },
    [rule.manager],
    { 'no-version': 'unpinned', 'no-stream': 'noStream' },
  );
}
