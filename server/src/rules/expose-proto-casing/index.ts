import { exposedPorts } from '../../analysis/exposed-ports.js';
import { defineRule } from '../../lint/define-rule.js';
import type { Fix } from '../../lint/types.js';

export default defineRule({
  meta: {
    id: 'expose-proto-casing',
    aliases: ['ExposeProtoCasing'],
    category: 'style',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        lowercase: "The protocol in '{port}' should be lower case.",
        toLowercase: "Write '{fixed}'",
      },
      'zh-cn': {
        lowercase: "'{port}' 中的协议应使用小写。",
        toLowercase: "改写为 '{fixed}'",
      },
    },
    docs: {
      en: {
        summary: 'Reports an EXPOSE port whose protocol is not in lower case (`80/TCP`).',
        why: 'The image config records ports as `80/tcp`; BuildKit lower-cases the protocol for you. Writing it in lower case means the Dockerfile says exactly what ends up in the image.',
        fix: 'Lower-cases the protocol. Safe: BuildKit records the same port either way.',
      },
      'zh-cn': {
        summary: '报告协议部分不是小写的 EXPOSE 端口（如 `80/TCP`）。',
        why: '镜像配置中的端口记录为 `80/tcp` 这种形式，BuildKit 会自动把协议转成小写。直接写成小写，Dockerfile 里写的就和镜像里记录的完全一致。',
        fix: '把协议改为小写。安全：两种写法在镜像中记录的端口相同。',
      },
    },
    examples: {
      bad: 'FROM nginx:1.27\nEXPOSE 80/TCP 53/UDP\n',
      good: 'FROM nginx:1.27\nEXPOSE 80/tcp 53/udp\n',
    },
  },
  create(context) {
    return {
      EXPOSE(instruction) {
        for (const { word, value, literal, slash } of exposedPorts(instruction, context.variables, context.tree.escapeChar)) {
          const protocol = slash < 0 ? '' : value.slice(slash + 1);
          if (protocol === protocol.toLowerCase()) continue;
          const fixed = value.slice(0, slash + 1) + protocol.toLowerCase();
          const fixes: Fix[] = literal ? [{ messageId: 'toLowercase', data: { fixed }, edits: [{ start: word.start + slash + 1, end: word.end, text: protocol.toLowerCase() }], safe: true }] : [];
          context.report({ span: word, messageId: 'lowercase', data: { port: value }, fixes });
        }
      },
    };
  },
});
