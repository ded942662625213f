import { defineRule } from '../../lint/define-rule.js';
import type { Instruction, Token } from '../../parser/index.js';

type Messages = 'blankName' | 'unclosedDouble' | 'unclosedSingle';

export default defineRule<Messages>({
  meta: {
    id: 'key-value-syntax',
    aliases: [],
    category: 'syntax',
    severity: 'error',
    scope: 'instruction',
    messages: {
      en: {
        blankName: '{keyword} names cannot be blank.',
        unclosedDouble: 'This double quote is never closed.',
        unclosedSingle: 'This single quote is never closed.',
      },
      'zh-cn': {
        blankName: '{keyword} 的名称不能为空。',
        unclosedDouble: '这个双引号没有闭合。',
        unclosedSingle: '这个单引号没有闭合。',
      },
    },
    docs: {
      en: {
        summary: 'Reports ARG, ENV and LABEL pairs with a blank name (`ENV =value`) or a quote that is never closed in a name or value.',
        why: 'BuildKit splits each pair at its first `=` and then reads the name and the value like shell words. A pair without a name, or a quote left open, stops the build. A quoted pair such as `ENV "A=b"` is split inside the quotes, so it also leaves a quote open: quote the value alone (`ENV A="b"`).',
      },
      'zh-cn': {
        summary: '报告 ARG、ENV 和 LABEL 中名称为空（`ENV =value`）、或名称与值里有未闭合引号的键值对。',
        why: 'BuildKit 会在第一个 `=` 处拆分键值对，再像 shell 单词一样读取名称和值。没有名称、或引号没有闭合，都会让构建失败。像 `ENV "A=b"` 这样把整个键值对加引号的写法，会在引号内部被拆开，同样会留下未闭合的引号：只给值加引号即可（`ENV A="b"`）。',
      },
    },
    examples: {
      bad: 'FROM python:3.12-slim\nENV APP_HOME="/srv/app\n',
      good: 'FROM python:3.12-slim\nENV APP_HOME="/srv/app"\n',
    },
  },
  create(context) {
    const escape = context.tree.escapeChar;
    const check = (instruction: Instruction) => {
      for (const pair of instruction.pairs ?? []) {
        if (pair.key.value === '') {
          context.report({ span: pair, messageId: 'blankName', data: { keyword: instruction.keyword } });
          continue;
        }
        const token = [pair.key, pair.value].find((part): part is Token => part !== undefined && openQuote(part.value, escape) !== undefined);
        if (token) context.report({ span: token, messageId: openQuote(token.value, escape) === '"' ? 'unclosedDouble' : 'unclosedSingle' });
      }
    };
    return { ARG: check, ENV: check, LABEL: check };
  },
});

/** The quote left open at the end of a shell word, if any. */
function openQuote(word: string, escape: string): string | undefined {
  let quote: string | undefined;
  for (let pos = 0; pos < word.length; pos++) {
    const char = word[pos];
    if (quote === "'") {
      if (char === "'") quote = undefined;
    } else if (char === escape) {
      pos++;
    } else if (char === quote) {
      quote = undefined;
    } else if (!quote && (char === '"' || char === "'")) {
      quote = char;
    }
  }
  return quote;
}
