import { labelsOf } from '../../analysis/labels.js';
import { defineRule } from '../../lint/define-rule.js';

/** Namespaces Docker keeps for its own labels. */
const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];
/** Lower-case letters, digits, `.` and `-`; a letter first, a letter or digit last; no `..` or `--`. */
const KEY = /^[a-z](?:[a-z0-9]|[.-](?=[a-z0-9]))*$/;

export default defineRule({
  meta: {
    id: 'invalid-label-key',
    aliases: ['DL3048'],
    category: 'style',
    severity: 'hint',
    scope: 'instruction',
    messages: {
      en: {
        reserved: 'Label key {key} is in the {namespace} namespace, which Docker keeps for its own labels.',
        format: 'Label key {key} should use lower-case letters, digits, . and -, start with a letter, end with a letter or digit, and not repeat . or -.',
      },
      'zh-cn': {
        reserved: '标签键 {key} 位于 {namespace} 命名空间，该命名空间由 Docker 保留给自己的标签使用。',
        format: '标签键 {key} 应只包含小写字母、数字、. 和 -，以字母开头、以字母或数字结尾，且 . 和 - 不能连续出现。',
      },
    },
    docs: {
      en: {
        summary: 'Reports label keys outside Docker’s key format or in its reserved namespaces.',
        why: 'Docker asks label keys to be lower-case, dot-separated names (ideally a reverse domain, `org.opencontainers.image.source`) so that tools can find them and labels from different authors do not collide. Keys under `com.docker.`, `io.docker.` and `org.dockerproject.` are Docker’s own and may be overwritten or misread.',
      },
      'zh-cn': {
        summary: '报告不符合 Docker 标签键格式或使用了保留命名空间的标签键。',
        why: 'Docker 要求标签键使用小写、以点分隔的名称（最好是反向域名，如 `org.opencontainers.image.source`），这样工具才能找到它们，不同作者的标签也不会冲突。`com.docker.`、`io.docker.` 和 `org.dockerproject.` 下的键归 Docker 自己使用，可能被覆盖或误读。',
      },
    },
    examples: {
      bad: 'FROM alpine:3.20\nLABEL Maintainer="platform@example.com" com.docker.version="1"\n',
      good: 'FROM alpine:3.20\nLABEL maintainer="platform@example.com" org.opencontainers.image.version="1"\n',
    },
  },
  create(context) {
    return {
      LABEL(instruction) {
        for (const label of labelsOf(instruction, context.tree.escapeChar)) {
          const namespace = RESERVED.find((prefix) => label.name.startsWith(prefix));
          if (namespace) context.report({ span: label.nameSpan, messageId: 'reserved', data: { key: label.name, namespace } });
          else if (!KEY.test(label.name)) context.report({ span: label.nameSpan, messageId: 'format', data: { key: label.name } });
        }
      },
    };
  },
});
