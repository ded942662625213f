import { isWithin, removalEmpties, runEffects, shellWordPath, workdirAt } from '../../analysis/filesystem-effects.js';
import { mountTargets } from '../../analysis/layers.js';
import { operands, parseInstructionScript, programName, type ShellCommand, type ShellScript } from '../../analysis/shell/index.js';
import type { VariableDefinition } from '../../analysis/variables.js';
import type { DockerfileTree, Instruction } from '../../parser/index.js';
import { defineRule } from '../../lint/define-rule.js';
import { indentationAt, lineEndOf } from '../../lint/helpers/edits.js';
import { commandEnd, removeCommand } from '../../lint/helpers/shell-edits.js';
import type { Fix } from '../../lint/types.js';

/** A folder WORKDIR can name as written: absolute, no quotes, variables or globs. */
const PLAIN_ABSOLUTE = /^\/[\w./+@-]*$/;

/**
 * `RUN cd /dir && make` → `WORKDIR /dir` + `RUN make`; `RUN cd /dir` → `WORKDIR /dir`.
 * Only for the script's only `cd`, with nothing but `set` before it.
 */
function workdirFix(tree: DockerfileTree, owner: Instruction, script: ShellScript, cd: ShellCommand): Fix | undefined {
  const run = owner.trigger ?? owner;
  const folder = operands(cd)[0];
  if (script.source.origin !== 'shell-form' || run.heredocs.length > 0 || !PLAIN_ABSOLUTE.test(folder.raw)) return undefined;
  // Only `set` may run before the cd: a relative mkdir, say, would run in the new WORKDIR instead.
  if (script.commands.some((command) => command.start < cd.start && programName(command.name) !== 'set')) return undefined;
  if (script.commands.some((command) => command !== cd && programName(command.name) === 'cd')) return undefined;
  const eol = lineEndOf(tree.text);
  const lineStart = tree.text.lastIndexOf('\n', owner.start - 1) + 1;
  const workdir = `${indentationAt(tree.text, owner.start)}${owner.trigger ? 'ONBUILD ' : ''}WORKDIR ${folder.raw}`;
  if (script.commands.length === 1 && commandEnd(cd) === run.args.end) {
    return { messageId: 'useWorkdirFix', data: { folder: folder.raw }, edits: [{ start: lineStart, end: owner.end, text: workdir }], safe: false };
  }
  const removal = removeCommand(tree, owner, script, cd);
  if (!removal) return undefined;
  return { messageId: 'useWorkdirFix', data: { folder: folder.raw }, edits: [{ start: lineStart, end: lineStart, text: `${workdir}${eol}` }, removal], safe: false };
}

/**
 * A `cd` into a folder the same RUN empties or deletes later, or into one of
 * its mounts, goes somewhere that only exists for this RUN: WORKDIR would keep
 * the folder in a layer for every later instruction.
 */
function entersTemporaryFolder(run: Instruction, script: ShellScript, cd: ShellCommand, cwd: string | undefined, scope: ReadonlyMap<string, VariableDefinition>): boolean {
  const folder = operands(cd)[0];
  const path = shellWordPath(folder, cwd, scope);
  if (path === undefined) return false;
  if (mountTargets(run).some((mount) => isWithin(path, mount.target))) return true;
  return runEffects(script, cwd, scope).some((effect) => effect.kind === 'remove' && effect.command.start > cd.start && removalEmpties(effect.path, path));
}

/** The `cd` that WORKDIR could replace: at the top level of the script, into a folder named by a plain word or variable. */
function isWorkdirLike(command: ShellCommand): boolean {
  if (programName(command.name) !== 'cd' || command.within.length > 0) return false;
  const words = operands(command);
  return words.length === 1 && words[0].value !== '-' && !/\$\(|`/.test(words[0].raw);
}

/** Commands that may come before a cd that opens the RUN: shell options, and creating the folder. */
const PREPARATION = new Set(['set', 'mkdir']);

/** The cd that opens the script (after `set` and `mkdir` at most): the RUN goes somewhere to work there, which is what WORKDIR says. */
function openingCd(script: ShellScript): ShellCommand | undefined {
  for (const command of script.commands) {
    if (isWorkdirLike(command)) return command;
    if (!PREPARATION.has(programName(command.name)) || command.within.length > 0) return undefined;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'run-cd',
    aliases: ['DL3003'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        useWorkdir: 'Use WORKDIR to switch to a folder: `{command}` lasts only until the end of this RUN.',
        useWorkdirFix: 'Replace the cd with WORKDIR {folder}',
      },
      'zh-cn': {
        useWorkdir: '请用 WORKDIR 切换目录：`{command}` 只在这条 RUN 结束前有效。',
        useWorkdirFix: '用 WORKDIR {folder} 代替 cd',
      },
    },
    docs: {
      en: {
        summary: 'Reports a RUN that opens with `cd` (after `set` or `mkdir` at most) where WORKDIR is meant, and a RUN that only changes folder.',
        why: 'Each RUN starts a new shell in the WORKDIR, so a `cd` is forgotten as soon as its RUN ends; the next RUN, COPY or CMD does not run where the reader expects. WORKDIR states the folder once, for every instruction after it, and creates it when missing. A `cd` further into a longer script is one of its steps and is left alone (hadolint reports every `cd`), as is a RUN whose `cd` goes into a folder the same RUN empties or deletes later (a temporary build folder) or mounts: WORKDIR would keep that folder in a layer and make it the working folder of every later instruction.',
        fix: 'Moves a `cd /folder` that starts the script into a `WORKDIR /folder` line before the RUN (a RUN that only changes folder becomes that WORKDIR). Not applied on save: WORKDIR stays in effect for the instructions after the RUN, and creates the folder where `cd` would have failed.',
      },
      'zh-cn': {
        summary: '报告以 `cd` 开头（前面至多有 `set` 或 `mkdir`）、本意应为 WORKDIR 的 RUN，以及只切换目录的 RUN。',
        why: '每条 RUN 都在 WORKDIR 中启动新的 shell，因此 `cd` 在该 RUN 结束后就失效了，下一条 RUN、COPY 或 CMD 并不会在读者以为的目录中执行。WORKDIR 只需写一次，对之后的所有指令都生效，目录不存在时还会自动创建。较长脚本中间的 `cd` 只是脚本的一个步骤，不报告（hadolint 会报告所有 `cd`）；`cd` 进入的目录在同一条 RUN 中随后被清空或删除（临时构建目录）或是该 RUN 的挂载目录时也不报告：换成 WORKDIR 会把这个目录留在镜像层里，并让它成为之后所有指令的工作目录。',
        fix: '把脚本开头的 `cd /folder` 改为 RUN 之前的一行 `WORKDIR /folder`（只切换目录的 RUN 会直接变成这条 WORKDIR）。保存时不会自动应用：WORKDIR 对 RUN 之后的指令仍然有效，并且会在 `cd` 本该失败的地方创建目录。',
      },
    },
    examples: {
      bad: 'FROM golang:1.22\nCOPY . /src\nRUN cd /src && go build -o /usr/local/bin/app .\n',
      good: 'FROM golang:1.22\nCOPY . /src\nWORKDIR /src\nRUN go build -o /usr/local/bin/app .\n',
    },
  },
  create(context) {
    return {
      RUN(instruction, stage, onbuild) {
        const owner = onbuild ?? instruction;
        const script = parseInstructionScript(context.tree, owner);
        if (!script || script.hasErrors) return;
        const cd = openingCd(script);
        if (!cd) return;
        const cwd = onbuild ? undefined : workdirAt(context.tree, stage, owner, context.variables);
        const scope = context.variables.scopeAt(owner.start);
        // A cd into a temporary folder makes the RUN's other cds (back to /, to ..) part of the same round trip.
        if (script.commands.some((command) => isWorkdirLike(command) && entersTemporaryFolder(owner, script, command, cwd, scope))) return;
        const fix = workdirFix(context.tree, owner, script, cd);
        context.report({
          span: { start: cd.start, end: commandEnd(cd) },
          messageId: 'useWorkdir',
          data: { command: context.text.slice(cd.start, commandEnd(cd)) },
          fixes: fix ? [fix] : [],
        });
      },
    };
  },
});
