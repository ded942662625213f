import { defineRule } from '../../lint/define-rule.js';
import { casingOf, withCasing, type Casing } from '../../lint/helpers/casing.js';
import { replace } from '../../lint/helpers/edits.js';
import type { Instruction } from '../../parser/index.js';

/** Only real instructions count: an unknown word (a template line, a typo) is another rule's finding. */
const INSTRUCTIONS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

export default defineRule({
  meta: {
    id: 'consistent-instruction-casing',
    aliases: ['ConsistentInstructionCasing'],
    category: 'style',
    severity: 'warning',
    fixable: true,
    messages: {
      en: {
        upper: "Instruction '{keyword}' should be upper case, like most instructions in this file.",
        lower: "Instruction '{keyword}' should be lower case, like most instructions in this file.",
        toUpper: "Write '{fixed}'",
        toLower: "Write '{fixed}'",
      },
      'zh-cn': {
        upper: "指令 '{keyword}' 应写成大写，与本文件中大多数指令一致。",
        lower: "指令 '{keyword}' 应写成小写，与本文件中大多数指令一致。",
        toUpper: "改写为 '{fixed}'",
        toLower: "改写为 '{fixed}'",
      },
    },
    docs: {
      en: {
        summary: 'Reports instruction keywords written in mixed case (`Copy`) or in the case most of the file does not use.',
        why: 'Keywords are case-insensitive, so casing is only for the reader, and a file that switches between `RUN` and `run` reads as if written by several hands. The file\'s own majority decides (upper case on a tie), so a consistently lower-case file is fine.',
        fix: 'Rewrites the keyword (and the `AS` of a FROM) in the majority casing. Safe: keywords are case-insensitive.',
      },
      'zh-cn': {
        summary: '报告大小写混写（如 `Copy`）或与文件中多数指令写法不同的指令关键字。',
        why: '关键字不区分大小写，写法只影响阅读；一个文件里 `RUN` 和 `run` 混用，读起来就像是好几个人拼凑的。以文件自身的多数写法为准（数量相同时取大写），所以通篇小写的文件也没有问题。',
        fix: '按多数写法改写关键字（FROM 的 `AS` 一并改写）。安全：关键字不区分大小写。',
      },
    },
    examples: {
      bad: 'FROM python:3.12-slim\ncopy requirements.txt .\nRUN pip install -r requirements.txt\n',
      good: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
    },
  },
  create(context) {
    // Sorted by casing as the walk goes, so the end only visits those off the majority.
    const byCasing: Record<Casing, Instruction[]> = { lower: [], upper: [], mixed: [] };
    return {
      instruction(instruction, _stage, onbuild) {
        // Counted over the whole file, global ARGs included; ONBUILD triggers keep their own spelling.
        if (onbuild || !INSTRUCTIONS.has(instruction.keyword)) return;
        byCasing[casingOf(instruction.keywordToken.value)].push(instruction);
      },
      end() {
        const majority = byCasing.lower.length > byCasing.upper.length ? 'lower' : 'upper';
        const offMajority = [...byCasing.mixed, ...byCasing[majority === 'lower' ? 'upper' : 'lower']];
        for (const instruction of offMajority) {
          const keyword = instruction.keywordToken;
          const fixed = withCasing(keyword.value, majority);
          const edits = [replace(keyword, fixed)];
          const asKeyword = instruction.from?.asKeyword;
          if (asKeyword && casingOf(asKeyword.value) !== majority) edits.push(replace(asKeyword, withCasing(asKeyword.value, majority)));
          context.report({
            span: keyword,
            messageId: majority,
            data: { keyword: keyword.value },
            fixes: [{ messageId: majority === 'lower' ? 'toLower' : 'toUpper', data: { fixed }, edits, safe: true }],
          });
        }
      },
    };
  },
});
