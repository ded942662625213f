import { defineRule } from '../../lint/define-rule.js';
import { applyEdits } from '../../lint/fix.js';
import { removeLines } from '../../lint/helpers/edits.js';
import type { TextEdit } from '../../lint/types.js';
import { parse, type DockerfileTree } from '../../parser/index.js';
import { ignorePragmas } from '../../lint/suppressions.js';

export default defineRule({
  meta: {
    id: 'disabled-ignore-pragma',
    aliases: ['DL1001'],
    category: 'maintainability',
    severity: 'warning',
    fixable: true,
    messages: {
      en: {
        disabled: 'Ignore comments are turned off by disable-ignore-pragma, so this one has no effect.',
        remove: 'Remove the ignore comment',
      },
      'zh-cn': {
        disabled: 'disable-ignore-pragma 已关闭忽略注释，这条注释不起作用。',
        remove: '删除这条忽略注释',
      },
    },
    docs: {
      en: {
        summary: 'Reports ignore comments (`# hadolint ignore=…`, `# layerwise-ignore …`) when the configuration sets `disable-ignore-pragma`.',
        why: 'Teams that turn ignore comments off want every finding handled in the configuration, where it is reviewed once, rather than silenced line by line. The comments left in the file then do nothing but suggest to readers that something is ignored. The rule does nothing unless `disable-ignore-pragma` is set; `# check=skip=` directives are BuildKit’s own and keep working.',
        fix: 'Removes the comment line. Not applied on save: the comment may still matter to another tool that reads it, such as hadolint run without the option.',
      },
      'zh-cn': {
        summary: '配置中设置了 `disable-ignore-pragma` 时，报告忽略注释（`# hadolint ignore=…`、`# layerwise-ignore …`）。',
        why: '关闭忽略注释的团队希望所有问题都在配置文件里统一处理、统一评审，而不是逐行屏蔽。此时文件里残留的忽略注释毫无作用，只会让读者误以为某些问题被忽略了。未设置 `disable-ignore-pragma` 时本规则不检查任何内容；`# check=skip=` 是 BuildKit 自己的指令，仍然有效。',
        fix: '删除该注释行。保存时不会自动应用：其他读取它的工具（例如未开启该选项的 hadolint）可能仍然需要它。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y curl\n',
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
      settings: { disableIgnorePragma: true },
    },
  },
  create(context) {
    if (!context.settings.disableIgnorePragma) return {};
    return {
      end() {
        for (const { comment } of ignorePragmas(context.tree)) {
          const edit = removeLines(context.text, comment);
          context.report({
            span: comment,
            messageId: 'disabled',
            fixes: keepsDirectives(context.tree, edit) ? [{ messageId: 'remove', edits: [edit], safe: false }] : [],
          });
        }
      },
    };
  },
});

/**
 * Whether removing a comment above the first instruction leaves the parser
 * directives as they were: with it gone, a `# escape=` line below could become one.
 */
function keepsDirectives(tree: DockerfileTree, edit: TextEdit): boolean {
  if (edit.start > (tree.instructions[0]?.start ?? tree.text.length)) return true;
  const after = parse(applyEdits(tree.text, [edit]).text);
  return after.directives.length === tree.directives.length && after.escapeChar === tree.escapeChar;
}
