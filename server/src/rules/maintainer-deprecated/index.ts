import { defineRule } from '../../lint/define-rule.js';
import { replace } from '../../lint/helpers/edits.js';

export default defineRule({
  meta: {
    id: 'maintainer-deprecated',
    aliases: ['DL4000', 'MaintainerDeprecated'],
    category: 'maintainability',
    severity: 'error',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        deprecated: 'MAINTAINER is deprecated; use LABEL maintainer=... instead.',
        toLabel: 'Replace with LABEL maintainer=...',
      },
      'zh-cn': {
        deprecated: 'MAINTAINER 已弃用，请改用 LABEL maintainer=...。',
        toLabel: '替换为 LABEL maintainer=...',
      },
    },
    docs: {
      en: {
        summary: 'Reports the MAINTAINER instruction.',
        why: 'MAINTAINER is deprecated and only fills a legacy image field that tools no longer read. A label is visible to `docker inspect`, registries and scanners, and can follow the OCI annotation keys.',
        fix: 'Rewrites `MAINTAINER text` as `LABEL maintainer="text"`. Safe.',
      },
      'zh-cn': {
        summary: '报告 MAINTAINER 指令。',
        why: 'MAINTAINER 已被弃用，它只会写入一个已经没有工具读取的旧镜像字段。而标签可以被 `docker inspect`、镜像仓库和扫描工具读取，还能使用 OCI 注解的标准键名。',
        fix: '把 `MAINTAINER 文本` 改写为 `LABEL maintainer="文本"`。安全。',
      },
    },
    examples: {
      bad: 'FROM debian:bookworm\nMAINTAINER Jane Doe <jane@example.com>\n',
      good: 'FROM debian:bookworm\nLABEL maintainer="Jane Doe <jane@example.com>"\n',
    },
  },
  create(context) {
    return {
      MAINTAINER(instruction, _stage, onbuild) {
        if (onbuild) return;
        const value = instruction.args.value.replace(/^"(.*)"$/, '$1');
        const label = `LABEL maintainer=${quoted(value, context.tree.escapeChar)}`;
        context.report({
          span: instruction.keywordToken,
          messageId: 'deprecated',
          fixes: [{ messageId: 'toLabel', edits: [replace(instruction, label)], safe: true }],
        });
      },
    };
  },
});

/** A double-quoted LABEL value that reads back as `value`: quotes, `$` and the escape character escaped with the file's escape character. */
function quoted(value: string, escape: string): string {
  let out = '"';
  for (const char of value) out += char === '"' || char === '$' || char === escape ? escape + char : char;
  return `${out}"`;
}
