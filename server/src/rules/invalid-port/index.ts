import { unquote } from '../../analysis/expand.js';
import { defineRule } from '../../lint/define-rule.js';

const MAX_PORT = 65535;
const PORT = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/;

type Problem = 'outOfRange' | 'reversedRange' | 'notAPort';

function problemOf(text: string): Problem | undefined {
  const match = PORT.exec(text);
  if (!match) return 'notAPort';
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  if (low > MAX_PORT || high > MAX_PORT) return 'outOfRange';
  if (high < low) return 'reversedRange';
  return undefined;
}

export default defineRule({
  meta: {
    id: 'invalid-port',
    aliases: ['DL3011'],
    category: 'correctness',
    severity: 'error',
    scope: 'instruction',
    messages: {
      en: {
        outOfRange: 'Port {port} is out of range: ports go from 0 to 65535.',
        reversedRange: 'The port range {port} ends before it starts.',
        notAPort: '{port} is not a port: write PORT, PORT/PROTOCOL or FIRST-LAST/PROTOCOL.',
      },
      'zh-cn': {
        outOfRange: '端口 {port} 超出范围：端口号只能在 0 到 65535 之间。',
        reversedRange: '端口范围 {port} 的结束值小于起始值。',
        notAPort: '{port} 不是合法端口：应写成 端口、端口/协议 或 起始-结束/协议。',
      },
    },
    docs: {
      en: {
        summary: 'Reports EXPOSE ports outside 0–65535, reversed ranges and words that are not ports.',
        why: 'Ports are 16-bit numbers, so anything above 65535 cannot be opened, and BuildKit refuses an EXPOSE it cannot read. The mistake is usually a typo (an extra digit) that is better caught in the editor than at build time.',
      },
      'zh-cn': {
        summary: '报告 EXPOSE 中超出 0–65535 的端口、反向的端口范围以及不是端口的写法。',
        why: '端口号是 16 位数字，大于 65535 的端口根本无法监听，BuildKit 也会拒绝无法解析的 EXPOSE。这类问题通常只是多打了一位数字，在编辑器里发现比等到构建时出错要好。',
      },
    },
    examples: {
      bad: 'FROM nginx:1.27\nEXPOSE 80800\n',
      good: 'FROM nginx:1.27\nEXPOSE 8080 9000-9010/udp\n',
    },
  },
  create(context) {
    return {
      EXPOSE(instruction) {
        for (const word of instruction.words) {
          // A variable is only known at build time.
          if (word.value.includes('$')) continue;
          const port = unquote(word.value, context.tree.escapeChar);
          const problem = problemOf(port);
          if (problem) context.report({ span: word, messageId: problem, data: { port } });
        }
      },
    };
  },
});
