import { knownValue } from '../../analysis/known-value.js';
import { ancestorStages } from '../../analysis/stages.js';
import { defineRule } from '../../lint/define-rule.js';

/** `/app`, and Windows' `C:\app` or `C:/app`, for images whose base is Windows. */
const ABSOLUTE = /^(?:[/\\]|[A-Za-z]:)/;

export default defineRule({
  meta: {
    id: 'workdir-relative-path',
    aliases: ['WorkdirRelativePath', 'DL3000'],
    category: 'correctness',
    severity: 'warning',
    messages: {
      en: {
        relative: 'WORKDIR "{path}" is relative to the base image\'s working directory; set an absolute one first.',
      },
      'zh-cn': {
        relative: 'WORKDIR "{path}" 是相对于基础镜像工作目录的路径；请先设置一个绝对路径。',
      },
    },
    docs: {
      en: {
        summary: 'Reports the first WORKDIR of a stage (and the stages it builds on) when its path is relative.',
        why: 'A relative WORKDIR is joined to whatever working directory the base image sets, so the files of every later COPY and RUN land somewhere that changes when the base image does. Once the stage has set an absolute WORKDIR, relative ones after it are fine: they build on a path the Dockerfile chose. A path whose variables come from outside the Dockerfile (an ENV of the base image) is not judged.',
      },
      'zh-cn': {
        summary: '当阶段（及其所基于的阶段）中的第一个 WORKDIR 使用相对路径时报告。',
        why: '相对路径的 WORKDIR 会拼接在基础镜像设置的工作目录后面，之后每个 COPY 和 RUN 的文件落在哪里，都会随基础镜像的变化而变化。阶段里一旦设置过绝对路径的 WORKDIR，后面的相对路径就没有问题，因为它们基于 Dockerfile 自己选定的路径。路径中的变量如果来自 Dockerfile 之外（例如基础镜像的 ENV），则不做判断。',
      },
    },
    examples: {
      bad: 'FROM node:22-alpine\nWORKDIR app\nCOPY . .\n',
      good: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nWORKDIR server\n',
    },
  },
  create(context) {
    let workdirSet = false;
    return {
      stage(stage) {
        workdirSet = ancestorStages(context.tree, stage).some((ancestor) => ancestor.instructions.some((instruction) => instruction.keyword === 'WORKDIR'));
      },
      WORKDIR(instruction, _stage, onbuild) {
        // As BuildKit: only the first WORKDIR counts, the later ones build on it.
        if (onbuild || workdirSet) return;
        workdirSet = true;
        const word = instruction.words[0];
        if (!word) return;
        const scope = word.value.includes('$') ? context.variables.scopeAt(instruction.start) : new Map();
        const path = knownValue(word.value, scope, context.tree.escapeChar);
        if (path === undefined || ABSOLUTE.test(path)) return;
        context.report({ span: word, messageId: 'relative', data: { path } });
      },
    };
  },
});
