import { labelsOf } from '../../analysis/labels.js';
import { defineRule } from '../../lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'superfluous-label',
    aliases: ['DL3050'],
    category: 'maintainability',
    severity: 'info',
    messages: {
      en: {
        superfluous: 'Label {label} is not in the label schema, and strict-labels allows no others.',
      },
      'zh-cn': {
        superfluous: '标签 {label} 不在标签规范中，而 strict-labels 不允许其他标签。',
      },
    },
    docs: {
      en: {
        summary: 'Reports labels that `label-schema` does not name, when `strict-labels` is set.',
        why: 'With strict labels a team keeps one agreed set of image metadata: typos in key names and ad-hoc labels show up in review instead of spreading into registries, where nobody queries them. The rule does nothing unless `strict-labels` is on; with no schema at all, every label counts as extra.',
      },
      'zh-cn': {
        summary: '设置了 `strict-labels` 时，报告 `label-schema` 中未列出的标签。',
        why: '启用严格标签后，团队只使用一套约定好的镜像元数据：键名拼写错误和随意添加的标签会在代码评审时暴露出来，而不是散落到镜像仓库里无人问津。未开启 `strict-labels` 时本规则不检查任何内容；如果没有任何标签规范，所有标签都算多余。',
      },
    },
    examples: {
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.0.0" build-host="ci-7"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.0.0"\n',
      settings: { labelSchema: { 'org.opencontainers.image.version': 'semver' }, strictLabels: true },
    },
  },
  create(context) {
    if (!context.settings.strictLabels) return {};
    const schema = context.settings.labelSchema ?? {};
    return {
      LABEL(instruction) {
        for (const label of labelsOf(instruction, context.tree.escapeChar)) {
          if (!Object.hasOwn(schema, label.name)) context.report({ span: label.nameSpan, messageId: 'superfluous', data: { label: label.name } });
        }
      },
    };
  },
});
