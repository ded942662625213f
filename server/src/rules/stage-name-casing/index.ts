import { defineRule } from '../../lint/define-rule.js';
import { replace } from '../../lint/helpers/edits.js';
import type { TextEdit } from '../../lint/types.js';
import type { DockerfileTree, Instruction, Token } from '../../parser/index.js';

export default defineRule({
  meta: {
    id: 'stage-name-casing',
    aliases: ['StageNameCasing'],
    category: 'style',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        lowercase: 'Stage name "{name}" should be lowercase.',
        toLowercase: 'Rename the stage to "{lower}"',
      },
      'zh-cn': {
        lowercase: '阶段名 "{name}" 应使用小写。',
        toLowercase: '将阶段重命名为 "{lower}"',
      },
    },
    docs: {
      en: {
        summary: 'Reports a stage name (`FROM image AS Name`) with upper-case letters.',
        why: 'BuildKit lower-cases stage names before it looks them up, so `Build`, `build` and `BUILD` are one stage. Writing them in lower case everywhere matches how they are resolved and avoids references that look different but mean the same stage.',
        fix: 'Lower-cases the stage name and the references to it in `FROM`, `COPY --from` and `RUN --mount=from=`. Safe: stage names are case-insensitive, so every reference still finds the same stage.',
      },
      'zh-cn': {
        summary: '报告含有大写字母的阶段名（`FROM 镜像 AS Name`）。',
        why: 'BuildKit 查找阶段前会先把阶段名转成小写，所以 `Build`、`build` 和 `BUILD` 是同一个阶段。统一写成小写，既符合它的实际解析方式，也能避免写法不同、实际指向同一阶段的引用。',
        fix: '把阶段名以及 `FROM`、`COPY --from`、`RUN --mount=from=` 中对它的引用改为小写。安全：阶段名不区分大小写，所有引用仍指向同一个阶段。',
      },
    },
    examples: {
      bad: 'FROM golang:1.23 AS Builder\nRUN go build -o /bin/app .\nFROM alpine:3.20\nCOPY --from=Builder /bin/app /bin/app\n',
      good: 'FROM golang:1.23 AS builder\nRUN go build -o /bin/app .\nFROM alpine:3.20\nCOPY --from=builder /bin/app /bin/app\n',
    },
  },
  create(context) {
    return {
      FROM(instruction) {
        const stageName = instruction.from?.stageName;
        if (!stageName) return;
        const lower = stageName.value.toLowerCase();
        if (stageName.value === lower) return;
        const edits = [replace(stageName, lower), ...referenceEdits(context.tree, instruction, lower)];
        context.report({
          span: stageName,
          messageId: 'lowercase',
          data: { name: stageName.value },
          fixes: [{ messageId: 'toLowercase', data: { lower }, edits, safe: true }],
        });
      },
    };
  },
});

/** Lower-cases the later references to a stage: `FROM name`, `COPY --from=name`, `RUN --mount=from=name`. */
function referenceEdits(tree: DockerfileTree, definition: Instruction, lower: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const fix = (token: Token | undefined) => {
    if (token && token.value !== lower && token.value.toLowerCase() === lower && token.end - token.start === lower.length) {
      edits.push(replace(token, lower));
    }
  };
  for (const outer of tree.instructions) {
    if (outer.start <= definition.start) continue;
    for (const instruction of outer.trigger ? [outer.trigger] : [outer]) {
      if (instruction.keyword === 'FROM') fix(instruction.from?.image);
      for (const flag of instruction.flags) {
        if (flag.name === 'from') fix(flag.value);
        for (const option of flag.options ?? []) if (option.key.value === 'from') fix(option.value);
      }
    }
  }
  return edits;
}
