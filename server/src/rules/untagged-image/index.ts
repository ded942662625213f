import { unquote } from '../../analysis/expand.js';
import { fromImageText } from '../../analysis/from-image.js';
import { splitReference } from '../../analysis/image-reference.js';
import { earlierStage } from '../../analysis/stage-references.js';
import { defineRule } from '../../lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'untagged-image',
    aliases: ['DL3006'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        untagged: 'Tag the image explicitly: {image} without a tag means {image}:latest, whatever that is on build day.',
      },
      'zh-cn': {
        untagged: '请显式指定镜像标签：不带标签的 {image} 等于 {image}:latest，构建当天它指向什么就用什么。',
      },
    },
    docs: {
      en: {
        summary: 'Reports FROM images without a tag or digest (scratch and earlier stages excepted).',
        why: 'An image without a tag is `latest`, which moves whenever its publisher pushes. The same Dockerfile then builds a different base on different days, every cached layer above FROM is rebuilt when it moves, and a breaking upgrade arrives unannounced. A tag (or a digest) makes the base a decision you can see in review.',
      },
      'zh-cn': {
        summary: '报告没有标签或摘要的 FROM 镜像（scratch 和前面定义的阶段除外）。',
        why: '不带标签的镜像就是 `latest`，发布者每次推送它都会变。同一个 Dockerfile 在不同日子会构建出不同的基础镜像，基础镜像一变，FROM 之上的缓存层全部重建，不兼容的升级也会悄无声息地混进来。写上标签（或摘要），基础镜像的选择就能在代码评审中看得见。',
      },
    },
    examples: {
      bad: 'FROM node\nCOPY . /app\n',
      good: 'FROM node:22-alpine AS build\nCOPY . /app\nFROM build\nFROM scratch\n',
    },
  },
  create(context) {
    return {
      FROM(instruction, stage) {
        const image = instruction.from?.image;
        if (!image || !stage) return;
        const escape = context.tree.escapeChar;
        const text = fromImageText(instruction, context.variables, escape);
        if (!text || text.toLowerCase() === 'scratch') return;
        if (earlierStage(context.tree, unquote(image.value, escape), stage.index) || earlierStage(context.tree, text, stage.index)) return;
        const reference = splitReference(text);
        if (reference.tag !== undefined || reference.digest !== undefined) return;
        context.report({ span: image, messageId: 'untagged', data: { image: text } });
      },
    };
  },
});
