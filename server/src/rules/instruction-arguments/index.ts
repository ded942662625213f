import { isInstruction } from '../../analysis/instructions.js';
import { defineRule } from '../../lint/define-rule.js';
import { argsSpan, hasParseError } from '../../lint/helpers/args.js';
import type { Instruction, Span, Word } from '../../parser/index.js';

type Messages =
  | 'missing' | 'emptyCommand' | 'resetCommand' | 'atLeastTwo' | 'oneOrThree' | 'expectedAs' | 'extra'
  | 'noneTakesNoArguments' | 'missingCommand' | 'unknownType'
  | 'shellNotJson' | 'shellEmpty' | 'emptyVolume';

/** Instructions BuildKit lets go without arguments; for CMD and ENTRYPOINT that is rarely what was meant. */
const MAY_BE_EMPTY = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

export default defineRule<Messages>({
  meta: {
    id: 'instruction-arguments',
    aliases: [],
    category: 'syntax',
    severity: 'error',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        missing: '{keyword} has no arguments.',
        emptyCommand: 'An empty {keyword} is an empty shell command: the container would run it and exit at once. Write {keyword} [] to clear it.',
        resetCommand: 'Write {keyword} []',
        atLeastTwo: '{keyword} needs at least one source and a destination.',
        oneOrThree: 'FROM takes an image, optionally followed by AS and a stage name.',
        expectedAs: 'Expected AS before the stage name, not "{word}".',
        extra: '{keyword} takes a single argument; this is extra.',
        noneTakesNoArguments: 'HEALTHCHECK NONE takes no arguments.',
        missingCommand: 'HEALTHCHECK CMD needs a command to run.',
        unknownType: 'Unknown HEALTHCHECK type "{word}": use CMD or NONE.',
        shellNotJson: 'SHELL takes a JSON array of strings, such as ["/bin/bash", "-c"].',
        shellEmpty: 'SHELL needs at least one element: the shell to run.',
        emptyVolume: 'A VOLUME path cannot be empty.',
      },
      'zh-cn': {
        missing: '{keyword} 缺少参数。',
        emptyCommand: '空的 {keyword} 等于一条空的 shell 命令：容器会执行它然后立即退出。如果想清除它，请写 {keyword} []。',
        resetCommand: '改为 {keyword} []',
        atLeastTwo: '{keyword} 至少需要一个源路径和一个目标路径。',
        oneOrThree: 'FROM 的参数应为一个镜像，后面可选 AS 和阶段名。',
        expectedAs: '阶段名前面应是 AS，而不是“{word}”。',
        extra: '{keyword} 只接受一个参数，这是多出来的。',
        noneTakesNoArguments: 'HEALTHCHECK NONE 不接受任何参数。',
        missingCommand: 'HEALTHCHECK CMD 后面需要给出要执行的命令。',
        unknownType: '未知的 HEALTHCHECK 类型“{word}”：请使用 CMD 或 NONE。',
        shellNotJson: 'SHELL 的参数必须是字符串组成的 JSON 数组，例如 ["/bin/bash", "-c"]。',
        shellEmpty: 'SHELL 至少需要一个元素，即要使用的 shell。',
        emptyVolume: 'VOLUME 的路径不能为空。',
      },
    },
    docs: {
      en: {
        summary: 'Reports an instruction whose arguments do not have the shape BuildKit requires: none where some are needed, COPY without a destination, FROM with two or four words, HEALTHCHECK without CMD or NONE, SHELL not in JSON form, and the like.',
        why: 'BuildKit reads each instruction\'s arguments before it runs anything, and stops the build when their number or form is wrong. Finding it in the editor saves a build that would fail on its first step. A CMD or ENTRYPOINT with nothing after it is accepted, but it sets an empty shell command rather than clearing the inherited one.',
        fix: 'Turns an empty CMD or ENTRYPOINT into `CMD []` or `ENTRYPOINT []`, which clears it. Not applied on save: it changes what the container runs (for the better, unless the empty command was wanted).',
      },
      'zh-cn': {
        summary: '报告参数形式不符合 BuildKit 要求的指令：该有参数却没有、COPY 缺少目标路径、FROM 只有两个或四个词、HEALTHCHECK 既不是 CMD 也不是 NONE、SHELL 不是 JSON 形式等。',
        why: 'BuildKit 在执行任何步骤前都会先读取每条指令的参数，参数个数或形式不对就会直接终止构建。在编辑器里提前发现，可以省掉一次必然失败的构建。什么都不写的 CMD 或 ENTRYPOINT 虽然能通过，但它设置的是一条空的 shell 命令，而不是清除继承来的值。',
        fix: '把空的 CMD 或 ENTRYPOINT 改为 `CMD []` 或 `ENTRYPOINT []`，即清除它。保存时不会自动应用：这会改变容器运行的内容（除非空命令正是你想要的，否则是往好的方向改）。',
      },
    },
    examples: {
      bad: 'FROM golang:1.23 build\nCOPY go.mod\nENTRYPOINT\n',
      good: 'FROM golang:1.23 AS build\nCOPY go.mod ./\nENTRYPOINT []\n',
    },
  },
  create(context) {
    const report = (span: Span, messageId: Messages, data: Record<string, string>) => context.report({ span, messageId, data });
    const wordsFrom = (words: Word[], first: number): Span => ({ start: words[first].start, end: words[words.length - 1].end });

    const checks: Record<string, (instruction: Instruction, data: { keyword: string }) => void> = {
      ADD: sourcesAndDestination,
      COPY: sourcesAndDestination,
      FROM(instruction, data) {
        const words = instruction.words;
        if (words.length === 2 || words.length > 3) report(wordsFrom(words, words.length === 2 ? 1 : 3), 'oneOrThree', data);
        else if (words.length === 3 && words[1].value.toUpperCase() !== 'AS') report(words[1], 'expectedAs', { word: words[1].value });
      },
      HEALTHCHECK(instruction, data) {
        const type = instruction.words[0];
        const kind = type.value.toUpperCase();
        const rest = instruction.args.value.slice(type.value.length).trimStart();
        if (kind === 'NONE') {
          if (rest) report(argsSpan(instruction, instruction.args.value.length - rest.length, instruction.args.value.length), 'noneTakesNoArguments', data);
        } else if (kind !== 'CMD') {
          report(type, 'unknownType', { word: type.value });
        } else if (instruction.exec ? instruction.exec.elements.length === 0 : !rest) {
          report(type, 'missingCommand', data);
        }
      },
      SHELL(instruction, data) {
        if (instruction.exec) {
          if (instruction.exec.elements.length === 0) report(instruction.args, 'shellEmpty', data);
        } else if (!hasParseError(context.tree, instruction)) {
          report(instruction.args, 'shellNotJson', data);
        }
      },
      STOPSIGNAL(instruction, data) {
        if (instruction.words.length > 1) report(wordsFrom(instruction.words, 1), 'extra', data);
      },
      VOLUME(instruction, data) {
        for (const element of instruction.exec?.elements ?? []) {
          if (element.value.trim() === '') report(element, 'emptyVolume', data);
        }
      },
    };

    function reportEmptyCommand(instruction: Instruction, data: { keyword: string }): void {
      const token = instruction.keywordToken;
      context.report({
        span: token,
        messageId: 'emptyCommand',
        data,
        fixes: [{ messageId: 'resetCommand', data, edits: [{ start: token.end, end: token.end, text: ' []' }], safe: false }],
      });
    }

    function sourcesAndDestination(instruction: Instruction, data: { keyword: string }): void {
      const count = instruction.exec ? instruction.exec.elements.length : instruction.words.length;
      if (count < 2) report(instruction.args, 'atLeastTwo', data);
    }


    return {
      instruction(instruction) {
        const keyword = instruction.keyword;
        if (!isInstruction(keyword)) return;
        const data = { keyword };
        if (instruction.args.value === '') {
          if (!MAY_BE_EMPTY.has(keyword)) report(instruction.keywordToken, 'missing', data);
          else if (keyword !== 'RUN' && instruction.heredocs.length === 0) reportEmptyCommand(instruction, data);
          return;
        }
        checks[keyword]?.(instruction, data);
      },
    };
  },
});
