import { defineRule } from '../../lint/define-rule.js';
import type { ParseErrorCode } from '../../parser/index.js';

type Messages = 'noInstructions' | 'jsonNotStrings' | 'missingValue' | 'missingEquals' | 'unterminatedHeredoc' | 'invalidHeredoc' | 'other';

const MESSAGE_OF: Partial<Record<ParseErrorCode, Messages>> = {
  'no-instructions': 'noInstructions',
  'json-not-strings': 'jsonNotStrings',
  'missing-key-value': 'missingValue',
  'missing-equals': 'missingEquals',
  'unterminated-heredoc': 'unterminatedHeredoc',
  'invalid-heredoc': 'invalidHeredoc',
};

/** Parse errors another rule reports in its own words. */
const OWNED_ELSEWHERE = new Set<ParseErrorCode>(['duplicate-directive', 'invalid-escape']);

export default defineRule<Messages>({
  meta: {
    id: 'syntax-error',
    aliases: [],
    category: 'syntax',
    severity: 'error',
    messages: {
      en: {
        noInstructions: 'This file has no instructions; a Dockerfile needs at least a FROM.',
        jsonNotStrings: 'A JSON array here may hold only strings.',
        missingValue: 'This name has no value: write NAME=value.',
        missingEquals: '"{text}" has no "=": every pair here must be written name=value.',
        unterminatedHeredoc: 'The heredoc {text} is never closed: no line holds just its delimiter.',
        invalidHeredoc: 'The heredoc delimiter {text} has a quote that is never closed.',
        other: '{message}',
      },
      'zh-cn': {
        noInstructions: '文件中没有任何指令；Dockerfile 至少需要一条 FROM。',
        jsonNotStrings: '这里的 JSON 数组只能包含字符串。',
        missingValue: '这个名称没有值：请写成 NAME=value。',
        missingEquals: '“{text}”中没有“=”：这里的每一项都必须写成 name=value。',
        unterminatedHeredoc: 'heredoc {text} 没有结束：后面没有只包含其结束标记的行。',
        invalidHeredoc: 'heredoc 结束标记 {text} 中有未闭合的引号。',
        other: '{message}',
      },
    },
    docs: {
      en: {
        summary: 'Reports what the parser cannot read the way BuildKit would: an empty file, a JSON array with a non-string element, ENV or LABEL without a value, a heredoc that never ends, and the like.',
        why: 'These are the errors BuildKit stops on before it builds anything. Reporting them as findings puts them in the editor and in `layerwise lint` output with the rest, with a position, and lets CI fail on them like on any other error.',
      },
      'zh-cn': {
        summary: '报告解析器无法按 BuildKit 的方式读取的内容：空文件、含有非字符串元素的 JSON 数组、没有值的 ENV 或 LABEL、没有结束的 heredoc 等。',
        why: '这些都是 BuildKit 在开始构建之前就会报错停止的问题。把它们作为检查结果报告出来，就能和其他问题一起、带着位置出现在编辑器和 `layerwise lint` 的输出里，CI 也能像对待其他错误一样因此失败。',
      },
    },
    examples: {
      bad: 'FROM alpine:3.20\nENV PATH\n',
      good: 'FROM alpine:3.20\nENV PATH=/opt/app/bin:$PATH\n',
    },
  },
  create(context) {
    return {
      end() {
        for (const error of context.tree.errors) {
          if (error.severity !== 'error' || OWNED_ELSEWHERE.has(error.code)) continue;
          // "No instructions" is about the whole file: it is shown where the file starts.
          const span = error.code === 'no-instructions' ? { start: 0, end: 0 } : error;
          context.report({
            span,
            messageId: MESSAGE_OF[error.code] ?? 'other',
            data: { text: context.text.slice(error.start, error.end), message: error.message },
          });
        }
      },
    };
  },
});
