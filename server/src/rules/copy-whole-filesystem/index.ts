import { copyArguments } from '../../analysis/copy.js';
import { defineRule } from '../../lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'copy-whole-filesystem',
    aliases: ['DL3067'],
    category: 'layers',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        wholeFilesystem: 'This copies the whole filesystem of {source} over this stage’s root; copy only the paths you need.',
      },
      'zh-cn': {
        wholeFilesystem: '这会把 {source} 的整个文件系统复制到当前阶段的根目录；请只复制需要的路径。',
      },
    },
    docs: {
      en: {
        summary: 'Reports COPY --from that copies `/` to `/`.',
        why: 'Copying another stage’s whole root brings its package databases, caches, shells and build tools along, in one large layer that also overwrites this stage’s own system files. It undoes the point of a multi-stage build; copy the files the image needs, or build on the stage with FROM if you really want all of it.',
      },
      'zh-cn': {
        summary: '报告把 `/` 复制到 `/` 的 COPY --from。',
        why: '复制另一个阶段的整个根目录，会把它的包数据库、缓存、shell 和构建工具一并带进来，生成一个很大的镜像层，还会覆盖当前阶段自己的系统文件。这违背了多阶段构建的初衷；请只复制镜像需要的文件，如果确实需要全部内容，就直接用 FROM 基于该阶段构建。',
      },
    },
    examples: {
      bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /\n',
      good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
    },
  },
  create(context) {
    return {
      COPY(instruction) {
        const from = instruction.flags.find((flag) => flag.name === 'from')?.value;
        if (!from) return;
        const { sources, destination } = copyArguments(instruction, context.tree.escapeChar);
        const root = sources.find((source) => source.value === '/');
        if (root && destination?.value === '/') context.report({ span: root, messageId: 'wholeFilesystem', data: { source: from.value } });
      },
    };
  },
});
