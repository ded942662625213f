import { fromImageText } from '../../analysis/from-image.js';
import { splitReference } from '../../analysis/image-reference.js';
import { defineRule } from '../../lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'latest-tag',
    aliases: ['DL3007'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        latest: 'The latest tag moves with every release: pin a version of {repository}.',
      },
      'zh-cn': {
        latest: 'latest 标签会随每次发布而变化：请为 {repository} 固定一个版本。',
      },
    },
    docs: {
      en: {
        summary: 'Reports FROM images tagged `latest` without a digest.',
        why: '`latest` is just the tag a publisher moves on every release. Writing it out pins nothing: two builds a week apart start from different bases, the layer cache above FROM is thrown away when it moves, and a major upgrade can break the build without any change in the repository. Name the version you tested with, or pin a digest.',
      },
      'zh-cn': {
        summary: '报告使用 `latest` 标签且没有摘要的 FROM 镜像。',
        why: '`latest` 只是发布者每次发版都会移动的标签，写出来并不能固定任何东西：相隔一周的两次构建可能基于不同的镜像，它一变 FROM 之上的层缓存就全部失效，大版本升级甚至能在仓库没有任何改动的情况下让构建失败。请写明测试过的版本，或固定摘要。',
      },
    },
    examples: {
      bad: 'FROM debian:latest\nRUN apt-get update\n',
      good: 'FROM debian:12.7-slim\nRUN apt-get update\n',
    },
  },
  create(context) {
    return {
      FROM(instruction) {
        const image = instruction.from?.image;
        if (!image) return;
        const text = fromImageText(instruction, context.variables, context.tree.escapeChar);
        if (!text) return;
        const reference = splitReference(text);
        if (reference.tag !== 'latest' || reference.digest !== undefined) return;
        // Point at the tag itself when it is written out plainly.
        const span = image.value.endsWith(':latest') ? { start: image.end - 'latest'.length, end: image.end } : image;
        context.report({ span, messageId: 'latest', data: { repository: reference.path } });
      },
    };
  },
});
