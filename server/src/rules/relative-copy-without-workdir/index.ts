import { parentStage } from '../../analysis/stages.js';
import { defineRule } from '../../lint/define-rule.js';
import { copyDestination } from '../../lint/helpers/copy-destination.js';
import type { Instruction, Stage } from '../../parser/index.js';

/** `/x`, `C:\x`, `C:/x` and, under the backtick escape, `\x`. */
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\)/;

export default defineRule({
  meta: {
    id: 'relative-copy-without-workdir',
    aliases: ['DL3045'],
    category: 'correctness',
    severity: 'warning',
    messages: {
      en: {
        relative: '{keyword} to the relative path {path} with no WORKDIR set: it lands wherever the base image’s working directory is.',
      },
      'zh-cn': {
        relative: '{keyword} 的目标是相对路径 {path}，但尚未设置 WORKDIR：文件会落到基础镜像的工作目录中，具体在哪里无从得知。',
      },
    },
    docs: {
      en: {
        summary: 'Reports COPY and ADD to a relative destination before any WORKDIR in the stage (or the stage it builds on).',
        why: 'A relative destination is resolved against the working directory, which this Dockerfile has not set, so it is whatever the base image chose, `/` for most. Files then land somewhere different when the base image changes, and a reader cannot tell where they went. Set WORKDIR first, or copy to an absolute path.',
      },
      'zh-cn': {
        summary: '报告在阶段（或其所基于的阶段）设置 WORKDIR 之前，复制到相对路径的 COPY 和 ADD。',
        why: '相对路径以工作目录为基准，而这个 Dockerfile 没有设置工作目录，于是取决于基础镜像，多数情况下是 `/`。基础镜像一换，文件就会落到别处，读代码的人也看不出文件去了哪里。请先设置 WORKDIR，或者复制到绝对路径。',
      },
    },
    examples: {
      bad: 'FROM python:3.12-slim\nCOPY requirements.txt .\n',
      good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\n',
    },
  },
  create(context) {
    /** Stages whose image has a WORKDIR, for the stages built on them. */
    const withWorkdir = new Set<Stage>();
    let workdirSet = false;
    let stageHasWorkdir = false;
    let onbuildWorkdir = false;

    const check = (instruction: Instruction, _stage: Stage | undefined, onbuild?: Instruction) => {
      // ONBUILD steps run in the child image, after every WORKDIR of this stage and the ONBUILD ones before them.
      if (onbuild ? workdirSet || stageHasWorkdir || onbuildWorkdir : workdirSet) return;
      const destination = copyDestination(context, instruction);
      if (!destination?.path || ABSOLUTE.test(destination.path)) return;
      // `C:\dir` keeps its backslashes for a Windows reader even where `\` is the escape character.
      if (ABSOLUTE.test(context.text.slice(destination.token.start, destination.token.end).replace(/^["']/, ''))) return;
      context.report({ span: destination.token, messageId: 'relative', data: { keyword: instruction.keyword, path: destination.path } });
    };

    return {
      stage(stage) {
        const parent = parentStage(context.tree, stage);
        workdirSet = parent !== undefined && withWorkdir.has(parent);
        stageHasWorkdir = stage.instructions.some((instruction) => instruction.keyword === 'WORKDIR');
        onbuildWorkdir = false;
      },
      WORKDIR(_instruction, _stage, onbuild) {
        if (onbuild) onbuildWorkdir = true;
        else workdirSet = true;
      },
      stageEnd(stage) {
        if (workdirSet || stageHasWorkdir) withWorkdir.add(stage);
      },
      COPY: check,
      ADD: check,
    };
  },
});
