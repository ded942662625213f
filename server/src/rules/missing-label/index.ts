import { labelsOf } from '../../analysis/labels.js';
import { imageStagesWithout } from '../../analysis/stage-references.js';
import { defineRule } from '../../lint/define-rule.js';
import type { Stage } from '../../parser/index.js';

export default defineRule({
  meta: {
    id: 'missing-label',
    aliases: ['DL3049'],
    category: 'maintainability',
    severity: 'info',
    messages: {
      en: {
        missing: 'This stage’s image has no label {label}, which the label schema asks for.',
      },
      'zh-cn': {
        missing: '此阶段的镜像缺少标签规范要求的标签 {label}。',
      },
    },
    docs: {
      en: {
        summary: 'Reports stages whose image lacks a label that `label-schema` names.',
        why: 'A label schema is a promise about every image a team ships: where its source is, who owns it, which version it is. A stage counts as an image unless later stages only build on it or copy from it; labels of the stages it builds on count, since images inherit them. The rule does nothing until `label-schema` is set.',
      },
      'zh-cn': {
        summary: '报告镜像缺少 `label-schema` 中列出的标签的阶段。',
        why: '标签规范是团队对交付的每个镜像的承诺：源码在哪里、谁负责、是哪个版本。一个阶段只要不是仅仅被后续阶段作为基础或复制来源，就算作一个镜像；它所基于的阶段中的标签也算数，因为镜像会继承它们。未设置 `label-schema` 时本规则不检查任何内容。',
      },
    },
    examples: {
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="app"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="app" org.opencontainers.image.source="https://github.com/acme/app"\n',
      settings: { labelSchema: { 'org.opencontainers.image.title': 'text', 'org.opencontainers.image.source': 'url' } },
    },
  },
  create(context) {
    const required = Object.keys(context.settings.labelSchema ?? {});
    if (required.length === 0) return {};
    const labelsByStage = new Map<Stage, Set<string>>();
    return {
      LABEL(instruction, stage, onbuild) {
        // ONBUILD LABEL labels the images built from this one, not this one.
        if (!stage || onbuild) return;
        const labels = labelsByStage.get(stage) ?? new Set<string>();
        for (const label of labelsOf(instruction, context.tree.escapeChar)) labels.add(label.name);
        labelsByStage.set(stage, labels);
      },
      end() {
        for (const label of required) {
          for (const stage of imageStagesWithout(context.tree, (candidate) => !!labelsByStage.get(candidate)?.has(label))) {
            context.report({ span: stage.from.keywordToken, messageId: 'missing', data: { label } });
          }
        }
      },
    };
  },
});
