import { programName, shellInEffect, type ShellCommand, type ShellScript } from '../../analysis/shell/index.js';
import { ancestorStages } from '../../analysis/stages.js';
import type { DockerfileTree, Instruction, Stage } from '../../parser/index.js';
import { defineRule } from '../../lint/define-rule.js';
import { indentationAt, lineEndOf } from '../../lint/helpers/edits.js';
import { runScripts } from '../../lint/helpers/run-scripts.js';
import { commandEnd } from '../../lint/helpers/shell-edits.js';
import type { Fix } from '../../lint/types.js';

/** Shells whose `-o pipefail` hadolint trusts; plain `sh` may be a shell without it. */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh']);

/** Commands whose failure `pipefail` would not catch in practice: they cannot fail (`echo "$sum *file" | sha256sum -c -`), or, like `yes`, are meant to be cut off by the pipe. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'yes', 'true', ':']);

/**
 * Whether the pipe's status can fail the RUN: a pipe inside `$( )` that is an
 * argument of another command (`echo "$(a | b)"`, `export X=$(a | b)`) only
 * gives that command a word, and the command's own status is what counts;
 * a plain assignment (`X=$(a | b)`) takes the pipe's.
 */
function statusCounts(script: ShellScript, piped: ShellCommand): boolean {
  if (!piped.within.includes('substitution')) return true;
  return !script.commands.some((other) => other.start < piped.start && other.end > piped.end && other.within.length < piped.within.length);
}

/** `-o pipefail` among a shell's options (`-eo pipefail`, `-o errexit -o pipefail`). */
function setsPipefail(args: readonly string[]): boolean {
  return args.some((arg, index) => /^-[A-Za-z]*o$/.test(arg) && args[index + 1] === 'pipefail');
}

/** `set -o pipefail` (`set -euo pipefail`) run by the script itself before `command`, outside a subshell. */
function scriptSetsPipefail(script: ShellScript, before: ShellCommand): boolean {
  return script.commands.some(
    (command) =>
      command.start < before.start &&
      command.name === 'set' &&
      !command.within.some((context) => context === 'subshell' || context === 'substitution' || context === 'pipeline') &&
      setsPipefail(command.args.map((word) => word.value)),
  );
}

/** The SHELL the fix writes: the bash, zsh or ash in effect with `-o pipefail` added, else bash (ash on Alpine and BusyBox). */
function pipefailShell(tree: DockerfileTree, stage: Stage | undefined, shell: readonly string[]): string[] {
  const [program, ...options] = shell;
  if (program && PIPEFAIL_SHELLS.has(programName(program))) {
    const command = options.lastIndexOf('-c');
    return command < 0 ? [program, '-o', 'pipefail', '-c'] : [program, ...options.slice(0, command), '-o', 'pipefail', ...options.slice(command)];
  }
  const images = stage ? [stage, ...ancestorStages(tree, stage)].map((candidate) => candidate.from.from?.image.value ?? '') : [];
  return [images.some((image) => /alpine|busybox/i.test(image)) ? '/bin/ash' : '/bin/bash', '-o', 'pipefail', '-c'];
}

/** Where a line can go in front of the RUN: above the comments directly over it, so an ignore pragma stays with its RUN. */
function insertionPoint(tree: DockerfileTree, instruction: Instruction): number {
  const text = tree.text;
  // Never above a parser directive (it would stop being one) or the byte-order mark.
  const lastDirective = tree.directives[tree.directives.length - 1];
  const floor = lastDirective ? text.indexOf('\n', lastDirective.end) + 1 || text.length : tree.bom ? 1 : 0;
  let lineStart = Math.max(floor, text.lastIndexOf('\n', instruction.start - 1) + 1);
  while (lineStart > floor) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (!text.slice(previousStart, lineStart).trimStart().startsWith('#')) break;
    lineStart = previousStart;
  }
  return Math.max(floor, lineStart);
}

/** `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` as it is written in a Dockerfile. */
function shellInstruction(shell: readonly string[]): string {
  return `SHELL ${JSON.stringify(shell).replace(/","/g, '", "')}`;
}

function shellFix(tree: DockerfileTree, instruction: Instruction, shell: string): Fix {
  const at = insertionPoint(tree, instruction);
  return { messageId: 'addShell', edits: [{ start: at, end: at, text: `${indentationAt(tree.text, instruction.start)}${shell}${lineEndOf(tree.text)}` }], safe: false };
}

export default defineRule({
  meta: {
    id: 'pipe-without-pipefail',
    aliases: ['DL4006'],
    category: 'correctness',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        pipe: 'Without `-o pipefail`, this RUN succeeds when `{command}` fails, as long as the last command of the pipe succeeds: put `{shell}` before it, or start the script with `set -o pipefail`.',
        addShell: 'Add a SHELL with -o pipefail before this RUN',
      },
      'zh-cn': {
        pipe: '没有 `-o pipefail` 时，只要管道中最后一个命令成功，即使 `{command}` 失败，这个 RUN 也会成功：请在它之前加上 `{shell}`，或在脚本开头加上 `set -o pipefail`。',
        addShell: '在此 RUN 之前添加带 -o pipefail 的 SHELL',
      },
    },
    docs: {
      en: {
        summary: 'Reports a RUN with a pipe (`a | b`) when neither its SHELL nor the script itself turns on `pipefail`, and a command that can fail feeds the pipe.',
        why: 'A pipeline exits with the status of its last command. `RUN curl -fsSL https://... | tar -xz` succeeds even when curl fails, as long as tar is happy with the truncated or empty input, and the layer is committed with a broken or missing download. With `pipefail`, any failing command fails the pipeline and the build. Set it with `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (zsh, ash and ksh also know it; plain `sh` is not trusted to, as in hadolint), or with `set -o pipefail` at the start of the script. Pipes fed by `echo`, `printf` or `yes` are not reported (`echo "$sum *file" | sha256sum -c -`): those cannot fail, and `yes` is meant to be cut off. Nor are pipes inside `$( )` that only make an argument of another command (`echo "$(a | b)"`), whose status the shell drops anyway, nor RUNs under a non-POSIX SHELL (PowerShell, cmd).',
        fix: 'Inserts `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN (keeping a bash, zsh or ash already in effect, and using /bin/ash on Alpine and BusyBox images). Not applied on save: the SHELL applies to every later RUN, CMD and ENTRYPOINT of the stage, the image must have that shell, and pipelines that failed silently will now fail the build.',
      },
      'zh-cn': {
        summary: '当 RUN 中有管道（`a | b`）、管道前端有可能失败的命令，而它的 SHELL 和脚本本身都没有开启 `pipefail` 时报告。',
        why: '管道的退出状态取决于最后一个命令。`RUN curl -fsSL https://... | tar -xz` 中即使 curl 失败，只要 tar 能接受截断或空的输入，整条命令依然成功，这一层就会带着损坏或缺失的下载内容被提交。开启 `pipefail` 后，管道中任何一个命令失败都会让整条管道乃至构建失败。可以用 `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` 开启（zsh、ash 和 ksh 也支持；与 hadolint 一样，不信任普通的 `sh`），或在脚本开头写 `set -o pipefail`。由 `echo`、`printf` 或 `yes` 输出到管道的情况不报告（如 `echo "$sum *file" | sha256sum -c -`）：它们不会失败，而 `yes` 本来就要被管道截断。`$( )` 中只为另一个命令提供参数的管道（`echo "$(a | b)"`）也不报告，shell 本来就会丢弃它的状态；使用非 POSIX SHELL（PowerShell、cmd）的 RUN 同样不报告。',
        fix: '在 RUN 之前插入 `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`（已经在用 bash、zsh 或 ash 时保留原 shell，Alpine 和 BusyBox 镜像使用 /bin/ash）。保存时不会自动应用：该 SHELL 会作用于本阶段之后所有的 RUN、CMD 和 ENTRYPOINT，镜像里必须有这个 shell，而且原本悄悄失败的管道今后会让构建失败。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt\n',
      good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt\n',
    },
  },
  create(context) {
    return {
      RUN: runScripts(
        context,
        ({ instruction, stage, script, commands }) => {
          const piped = commands.find((command) => (command.next === '|' || command.next === '|&') && !CANNOT_FAIL.has(programName(command.name)) && statusCounts(script, command));
          if (!piped) return;
          const shell = shellInEffect(context.tree, instruction);
          if (PIPEFAIL_SHELLS.has(programName(shell[0] ?? '')) && setsPipefail(shell.slice(1))) return;
          if (scriptSetsPipefail(script, piped)) return;
          const end = commandEnd(piped);
          const operator = context.text.indexOf('|', end);
          const span = { start: operator, end: operator + (piped.next === '|&' ? 2 : 1) };
          const pipefail = shellInstruction(pipefailShell(context.tree, stage, shell));
          context.report({ span, messageId: 'pipe', data: { command: piped.name, shell: pipefail }, fixes: [shellFix(context.tree, instruction, pipefail)] });
        },
        { onbuild: false },
      ),
    };
  },
});
