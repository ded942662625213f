import { ancestorStages } from '../../analysis/stages.js';
import { defineRule } from '../../lint/define-rule.js';
import { replace } from '../../lint/helpers/edits.js';
import type { Fix } from '../../lint/types.js';
import type { Instruction } from '../../parser/index.js';

/** Characters a word can hold and still mean the same with no shell: no quotes, `$`, globs, `~`, operators or `#`. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** `NAME=value` before a command is an assignment to the shell, not a program. */
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Words only a shell understands as a command. */
const SHELL_ONLY = new Set([
  '.', ':', 'alias', 'builtin', 'case', 'cd', 'command', 'declare', 'eval', 'exec', 'exit', 'export', 'for', 'function', 'getopts', 'hash',
  'if', 'local', 'read', 'readonly', 'return', 'select', 'set', 'shift', 'source', 'time', 'trap', 'type', 'typeset', 'ulimit', 'umask',
  'unalias', 'unset', 'until', 'wait', 'while',
]);

export default defineRule({
  meta: {
    id: 'json-args-recommended',
    aliases: ['JSONArgsRecommended', 'DL3025'],
    category: 'correctness',
    severity: 'warning',
    fixable: true,
    messages: {
      en: {
        shellForm: 'Use the JSON (exec) form for {keyword}: in shell form the program runs under /bin/sh and does not receive stop signals.',
        toExec: 'Rewrite as {exec}',
      },
      'zh-cn': {
        shellForm: '{keyword} 请使用 JSON（exec）形式：shell 形式下程序运行在 /bin/sh 之下，收不到停止信号。',
        toExec: '改写为 {exec}',
      },
    },
    docs: {
      en: {
        summary: 'Reports CMD and ENTRYPOINT in shell form (`CMD node server.js`) in a stage that has not chosen a shell with SHELL.',
        why: 'Shell form runs the command as `/bin/sh -c "..."`: the shell is PID 1, and `docker stop` sends SIGTERM to the shell, which does not pass it on, so the program is killed after the timeout instead of shutting down cleanly. The exec form (`CMD ["node", "server.js"]`) runs the program itself as PID 1. A SHELL instruction in the stage (or a stage it builds on) says the shell is intended, and turns the check off.',
        fix: 'Rewrites the command as a JSON array when it is plain words: no quotes, variables, globs, redirections, operators or shell built-ins, so splitting on spaces gives exactly the arguments the shell would. Not applied on save: the program becomes PID 1 (it must handle signals and reap children), and a CMD given to an ENTRYPOINT changes from `sh -c ...` to the bare arguments.',
      },
      'zh-cn': {
        summary: '报告在未用 SHELL 指定 shell 的阶段中，以 shell 形式书写的 CMD 和 ENTRYPOINT（如 `CMD node server.js`）。',
        why: 'shell 形式会以 `/bin/sh -c "..."` 运行命令：PID 1 是 shell，`docker stop` 发出的 SIGTERM 由 shell 接收且不会转发，程序无法正常退出，只能等超时后被强制杀掉。exec 形式（`CMD ["node", "server.js"]`）让程序本身成为 PID 1。如果阶段（或它所基于的阶段）里有 SHELL 指令，说明使用 shell 是有意为之，此时不做检查。',
        fix: '当命令只由普通单词组成（没有引号、变量、通配符、重定向、运算符或 shell 内置命令），按空格拆分得到的参数与 shell 解析的完全一致时，改写为 JSON 数组。保存时不会自动应用：程序会成为 PID 1（需要自己处理信号和回收子进程），而且传给 ENTRYPOINT 的 CMD 会从 `sh -c ...` 变成直接的参数。',
      },
    },
    examples: {
      bad: 'FROM node:22-alpine\nCOPY . /app\nCMD node /app/server.js\n',
      good: 'FROM node:22-alpine\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
    },
  },
  create(context) {
    let shellChosen = false;
    const check = (instruction: Instruction, _stage: unknown, onbuild?: Instruction) => {
      if (onbuild || instruction.exec || shellChosen || instruction.args.value.trim() === '') return;
      const exec = execForm(instruction.args.value);
      const fixes: Fix[] = exec ? [{ messageId: 'toExec', data: { exec }, edits: [replace(instruction.args, exec)], safe: false }] : [];
      context.report({ span: instruction.keywordToken, messageId: 'shellForm', data: { keyword: instruction.keyword }, fixes });
    };
    return {
      stage(stage) {
        // The image config's shell carries over from the stage this one builds on.
        shellChosen = ancestorStages(context.tree, stage).some((ancestor) => ancestor.instructions.some((instruction) => instruction.keyword === 'SHELL'));
      },
      SHELL(_instruction, _stage, onbuild) {
        if (!onbuild) shellChosen = true;
      },
      CMD: check,
      ENTRYPOINT: check,
    };
  },
});

/** `["a", "b"]` for a command of plain words, or undefined when a shell would read it differently. */
function execForm(command: string): string | undefined {
  const words = command.trim().split(/[ \t]+/);
  if (!words.every((word) => PLAIN_WORD.test(word))) return undefined;
  if (ASSIGNMENT.test(words[0]) || SHELL_ONLY.has(words[0])) return undefined;
  return `[${words.map((word) => JSON.stringify(word)).join(', ')}]`;
}
