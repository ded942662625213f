import { defineRule } from '../../lint/define-rule.js';

/**
 * ShellCheck's findings on RUN scripts. The checks are ShellCheck's own; this
 * module carries their documentation and settings, and server/src/shellcheck
 * runs the `shellcheck` program and maps its findings to Dockerfile ranges.
 */
export default defineRule({
  meta: {
    id: 'shellcheck',
    aliases: [],
    category: 'correctness',
    severity: 'warning',
    external: true,
    fixable: true,
    messages: {
      en: { finding: 'SC{code}: {message}', applyFix: 'Apply ShellCheck’s fix for SC{code}' },
      'zh-cn': { finding: 'SC{code}：{message}', applyFix: '应用 ShellCheck 对 SC{code} 的修复' },
    },
    docs: {
      en: {
        summary: 'Runs ShellCheck on the script of each RUN, when the `shellcheck` program is installed.',
        why: 'A RUN is a shell script, and its bugs (unquoted variables, a `cd` whose failure goes unnoticed, bash syntax under /bin/sh) surface only when the image is built or run. ShellCheck finds them; the finding points at the Dockerfile line, and variables set by ARG and ENV count as defined. Skipped when SHELL (or a `# hadolint shell=` comment) names a shell that is not POSIX. Each finding is `SCxxxx` and can be ignored or configured by that code.',
        fix: 'Applies the replacement ShellCheck proposes (quoting, `|| exit` after `cd`, ...). Offered as a quick fix, not applied on save: check that the changed script still does what you meant.',
      },
      'zh-cn': {
        summary: '安装了 `shellcheck` 时，对每个 RUN 的脚本运行 ShellCheck。',
        why: 'RUN 本质上是一段 shell 脚本，其中的错误（变量未加引号、`cd` 失败未被发现、在 /bin/sh 下使用 bash 语法）要到构建或运行镜像时才会暴露。ShellCheck 能提前发现这些问题，结果直接定位到 Dockerfile 的对应行，ARG 和 ENV 定义的变量也会被视为已定义。若 SHELL（或 `# hadolint shell=` 注释）指定的不是 POSIX shell，则跳过。每个结果以 `SCxxxx` 标识，可以按该代码忽略或配置。',
        fix: '应用 ShellCheck 给出的替换（加引号、在 `cd` 后加 `|| exit` 等）。仅作为快速修复提供，保存时不会自动应用：请确认修改后的脚本仍符合你的本意。',
      },
    },
    examples: {
      bad: 'FROM debian:bookworm\nRUN cd /opt/app && ./configure --prefix=$PREFIX\n',
      good: 'FROM debian:bookworm\nARG PREFIX=/usr/local\nWORKDIR /opt/app\nRUN ./configure --prefix="$PREFIX"\n',
    },
  },
  create() {
    return {};
  },
});
