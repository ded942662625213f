import { findFlags, parseInstructionScript, programName, unwrapCommand, type ShellCommand, type ShellScript } from '../../analysis/shell/index.js';
import type { DockerfileTree, Instruction } from '../../parser/index.js';
import { defineRule } from '../../lint/define-rule.js';
import { chainedCommandText, scriptEnd } from '../../lint/helpers/shell-edits.js';
import type { Fix } from '../../lint/types.js';

/** Builtins whose effect outlives the command: after them the next command runs in another shell state. */
const STATEFUL = new Set([
  'cd', 'pushd', 'popd', 'export', 'set', 'source', '.', 'unset', 'alias', 'unalias', 'umask', 'ulimit', 'shopt', 'trap', 'exec',
  'exit', 'return', 'break', 'continue', 'declare', 'typeset', 'local', 'readonly', 'eval', 'hash', 'enable', 'read', 'mapfile',
  'readarray', 'getopts', 'let', 'shift', 'wait', 'builtin',
]);

/** Comments that act on the next instruction: moving them into a continuation would change what they apply to. */
const PRAGMA = /^(hadolint|layerwise|check\s*=)/i;

interface Run {
  instruction: Instruction;
  script: ShellScript | undefined;
}

/** The flags as a set, so `--network=none --mount=...` equals the same flags in another order. */
const flagKey = (instruction: Instruction) => instruction.flags.map((flag) => flag.raw).sort().join('\n');

const isSingleCommand = (run: Run) => run.script !== undefined && !run.script.hasErrors && run.script.commands.length === 1;

/** Whether the command can change what a command after it in the same shell sees. */
function leavesState(command: ShellCommand): boolean {
  const unwrapped = unwrapCommand(command);
  const name = programName(unwrapped.name);
  if (STATEFUL.has(name) || command.within.includes('function')) return true;
  return name === 'printf' && findFlags(unwrapped, '-v', {}).length > 0;
}

/**
 * `RUN a` + `RUN b` → `RUN a && \` + `b`, comments between them kept as
 * continuation comments. Safe when `a` leaves no shell state behind: then `b`
 * runs as it did in a shell of its own, and the files the two leave are the same.
 */
function mergeFix(tree: DockerfileTree, first: Run, second: Run): Fix | undefined {
  const { instruction, script } = first;
  if (!script || !second.script || second.instruction.heredocs.length > 0 || second.script.source.origin !== 'shell-form') return undefined;
  const end = scriptEnd(instruction, script, tree.text);
  if (end === undefined || leavesState(script.commands[0]) || second.script.commands[0].within.includes('function')) return undefined;
  const comments = tree.comments.filter((comment) => comment.start > instruction.end && comment.end < second.instruction.start);
  if (comments.some((comment) => PRAGMA.test(comment.text))) return undefined;
  const commands = tree.text.slice(second.instruction.args.start, second.instruction.args.end);
  const commentLines = comments.map((comment) => tree.text.slice(comment.start, comment.end).trim());
  return {
    messageId: 'merge',
    edits: [{ start: end, end: second.instruction.args.end, text: chainedCommandText(tree, instruction, commands, { newLine: true, comments: commentLines }) }],
    safe: true,
  };
}

export default defineRule({
  meta: {
    id: 'consecutive-run',
    aliases: ['DL3059'],
    category: 'layers',
    severity: 'info',
    fixable: true,
    messages: {
      en: {
        consecutive: 'This RUN and the one before it each run a single command with the same flags: one RUN would make one layer instead of two.',
        merge: 'Merge into the RUN before',
      },
      'zh-cn': {
        consecutive: '这条 RUN 和上一条 RUN 各自只执行一个命令，且选项（如 --mount）相同：合并成一条 RUN 只会产生一层，而不是两层。',
        merge: '合并到上一条 RUN',
      },
    },
    docs: {
      en: {
        summary: 'Reports a RUN that directly follows another RUN of the same stage when both run a single command with the same flags.',
        why: 'Every RUN adds a layer and a cache step. Two adjacent one-command RUNs usually do one job, and as one RUN they make one layer: a smaller image history, and files that one command creates and the next deletes never land in a layer at all. RUNs that already chain several commands are left alone (they were most likely split on purpose, for the build cache), as are RUNs with different flags such as different mounts, which cannot be merged. Comments between the two do not separate them; any other instruction does.',
        fix: 'Appends the second RUN’s command to the first with `&& \\` and a continuation line, keeping the comments between them as continuation comments. Safe, and offered only, when the first command leaves no shell state behind (no cd, export, set, source, alias, ...): then the second command runs exactly as it did in a shell of its own.',
      },
      'zh-cn': {
        summary: '报告同一阶段中紧跟在另一条 RUN 之后、两者都只执行一个命令且选项相同的 RUN。',
        why: '每条 RUN 都会增加一层和一个缓存步骤。相邻的两条单命令 RUN 通常做的是同一件事，合成一条 RUN 就只有一层：镜像历史更短，前一个命令创建、后一个命令删除的文件也根本不会进入镜像层。已经串联多个命令的 RUN 不报告（它们多半是为了构建缓存有意拆开的），选项不同（例如挂载不同）、无法合并的 RUN 也不报告。两者之间的注释不算隔开，其他任何指令都算。',
        fix: '用 `&& \\` 和续行把第二条 RUN 的命令接到第一条后面，两者之间的注释保留为续行中的注释。仅当第一个命令不会留下 shell 状态（没有 cd、export、set、source、alias 等）时才提供此修复，且是安全的：第二个命令的运行方式与它单独在一个 shell 中时完全相同。',
      },
    },
    examples: {
      bad: 'FROM alpine:3.20\nRUN mkdir -p /app/data\nRUN chown nobody /app/data\n',
      good: 'FROM alpine:3.20\nRUN mkdir -p /app/data \\\n    && chown nobody /app/data\n',
    },
  },
  create(context) {
    let previous: Run | undefined;
    return {
      stage() {
        previous = undefined;
      },
      instruction(instruction, _stage, onbuild) {
        if (onbuild) return;
        if (instruction.keyword !== 'RUN') {
          previous = undefined;
          return;
        }
        const current: Run = { instruction, script: instruction.exec ? undefined : parseInstructionScript(context.tree, instruction) };
        if (previous && flagKey(previous.instruction) === flagKey(instruction) && isSingleCommand(previous) && isSingleCommand(current)) {
          const fix = mergeFix(context.tree, previous, current);
          context.report({ span: instruction.keywordToken, messageId: 'consecutive', fixes: fix ? [fix] : [] });
        }
        previous = current;
      },
    };
  },
});
