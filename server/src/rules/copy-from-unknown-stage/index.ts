import { copyFromName, earlierStage } from '../../analysis/stage-references.js';
import { defineRule } from '../../lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'copy-from-unknown-stage',
    aliases: ['DL3022'],
    category: 'correctness',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        unknownStage: 'No stage named {name} is defined before this COPY, so BuildKit will pull an image called {name}. To copy from an image, give it a tag ({name}:VERSION).',
        definedLater: 'Stage {name} is defined after this COPY; a stage can only copy from stages above it.',
        noSuchIndex: 'There is no stage {name} before this one (stages count from 0).',
      },
      'zh-cn': {
        unknownStage: '此 COPY 之前没有名为 {name} 的阶段，BuildKit 会去拉取名为 {name} 的镜像。如果确实要从镜像复制，请写上标签（{name}:版本）。',
        definedLater: '阶段 {name} 定义在此 COPY 之后；只能从上方已定义的阶段复制。',
        noSuchIndex: '此阶段之前没有编号为 {name} 的阶段（阶段编号从 0 开始）。',
      },
    },
    docs: {
      en: {
        summary: 'Reports COPY --from naming neither an earlier stage nor a tagged image.',
        why: 'When --from names no stage above it, BuildKit takes the name as an image and tries to pull it: a typo in a stage name, or a stage moved below its user, then fails with a confusing pull error or, worse, copies from an unrelated public image of that name.',
      },
      'zh-cn': {
        summary: '报告 --from 既不是前面的阶段、也不是带标签镜像的 COPY。',
        why: '如果 --from 指定的名称在上方找不到对应阶段，BuildKit 会把它当作镜像去拉取：阶段名拼错或阶段被挪到了使用它的位置之后，构建就会以令人困惑的拉取错误失败；更糟的情况是，它会从同名的无关公共镜像中复制文件。',
      },
    },
    examples: {
      bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=builder /out/app /usr/local/bin/\n',
      good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/\nCOPY --from=busybox:1.36 /bin/busybox /bin/\n',
    },
  },
  create(context) {
    return {
      COPY(instruction, stage, onbuild) {
        // An ONBUILD COPY --from names a stage of the Dockerfile that builds on this image.
        if (onbuild) return;
        const source = copyFromName(instruction, context.variables, context.tree.escapeChar);
        if (!source?.name) return;
        const { name, span } = source;
        const index = stage?.index ?? 0;
        if (earlierStage(context.tree, name, index) || /[:/@]/.test(name)) return;
        // Copying from its own stage is copy-from-own-stage's finding.
        if (stage?.name === name.toLowerCase() || (stage && name === String(stage.index))) return;
        if (/^\d+$/.test(name)) context.report({ span, messageId: 'noSuchIndex', data: { name } });
        else if (context.tree.stages.some((later) => later.index > index && later.name === name.toLowerCase())) context.report({ span, messageId: 'definedLater', data: { name } });
        else context.report({ span, messageId: 'unknownStage', data: { name } });
      },
    };
  },
});
