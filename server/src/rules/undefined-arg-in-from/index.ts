import { flagVariables } from '../../analysis/flag-variables.js';
import { PLATFORM_ARGS } from '../../analysis/variables.js';
import { defineRule } from '../../lint/define-rule.js';
import { closestName } from '../../lint/helpers/suggest.js';
import type { Fix } from '../../lint/types.js';

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export default defineRule({
  meta: {
    id: 'undefined-arg-in-from',
    aliases: ['UndefinedArgInFrom'],
    category: 'correctness',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        undeclared: 'FROM uses ${name}, which no ARG before the first FROM declares.',
        undeclaredSuggest: 'FROM uses ${name}, which no ARG before the first FROM declares; did you mean ${suggestion}?',
        useSuggestion: 'Replace with ${suggestion}',
      },
      'zh-cn': {
        undeclared: 'FROM 使用了 ${name}，但第一个 FROM 之前没有 ARG 声明它。',
        undeclaredSuggest: 'FROM 使用了 ${name}，但第一个 FROM 之前没有 ARG 声明它；是不是想写 ${suggestion}？',
        useSuggestion: '替换为 ${suggestion}',
      },
    },
    docs: {
      en: {
        summary: 'Reports a variable in a FROM line (image or `--platform`) that is neither a global ARG nor one of the platform ARGs BuildKit defines.',
        why: 'FROM lines only see the ARGs declared before the first FROM, plus `BUILDPLATFORM`, `TARGETPLATFORM` and their parts. Anything else expands to an empty string, so `FROM node:${NODE_VERSON}` quietly becomes `node:` and the build fails, or pulls another image than intended. A declaration also lets `--build-arg` set it.',
        fix: 'When a declared name is one or two typos away, replaces the variable with it. Not applied on save: check that it is the one you meant.',
      },
      'zh-cn': {
        summary: '报告 FROM 行（镜像名或 `--platform`）中既不是全局 ARG、也不是 BuildKit 预定义平台 ARG 的变量。',
        why: 'FROM 行只能看到第一个 FROM 之前声明的 ARG，以及 `BUILDPLATFORM`、`TARGETPLATFORM` 及其组成部分。其他变量都会展开为空字符串，于是 `FROM node:${NODE_VERSON}` 悄悄变成 `node:`，构建失败，或者拉取到并非预期的镜像。先声明它，也才能用 `--build-arg` 来设置。',
        fix: '如果某个已声明的名字与之只差一两个字符，就把变量替换成它。保存时不会自动应用：请确认那正是你想要的变量。',
      },
    },
    examples: {
      bad: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSON}-alpine\n',
      good: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine\n',
    },
  },
  create(context) {
    const declared = new Set<string>(PLATFORM_ARGS);
    for (const instruction of context.tree.globalArgs) for (const pair of instruction.pairs ?? []) declared.add(pair.key.value);
    return {
      FROM(instruction) {
        const platform = instruction.flags.find((flag) => flag.name === 'platform');
        const references = [...(platform ? flagVariables(context.tree, platform) : []), ...instruction.variables];
        const reported = new Set<string>();
        for (const reference of references) {
          const name = reference.name;
          if (declared.has(name) || reported.has(name)) continue;
          reported.add(name);
          // Only a name a variable reference can spell (`ARG \\` declares one that cannot).
          const suggestion = closestName(name, new Set([...declared].filter((candidate) => VARIABLE_NAME.test(candidate))));
          const fixes: Fix[] = suggestion
            ? [{ messageId: 'useSuggestion', data: { suggestion }, edits: [{ ...reference.nameSpan, text: suggestion }], safe: false }]
            : [];
          context.report({ span: reference, messageId: suggestion ? 'undeclaredSuggest' : 'undeclared', data: { name, suggestion: suggestion ?? '' }, fixes });
        }
      },
    };
  },
});
