import { lastInstructionWins } from '../../lint/helpers/last-wins.js';

export default lastInstructionWins('ENTRYPOINT', {
  id: 'multiple-entrypoint',
  aliases: ['DL4004', 'MultipleInstructionsDisallowed'],
  category: 'correctness',
  severity: 'error',
  fixable: true,
  docs: {
    en: {
      summary: 'Reports every ENTRYPOINT in a stage but the last one.',
      why: 'The image config holds a single entrypoint; each ENTRYPOINT overwrites the previous one, so the earlier ones never run and hide what the container really starts.',
      fix: 'Removes the earlier ENTRYPOINT. Not applied on save: make sure the last one is the one you want.',
    },
    'zh-cn': {
      summary: '同一阶段中除最后一个之外的每个 ENTRYPOINT 都会被报告。',
      why: '镜像配置里只有一个入口点；每个 ENTRYPOINT 都会覆盖前一个，所以前面的永远不会执行，还会掩盖容器真正启动的程序。',
      fix: '删除前面的 ENTRYPOINT。保存时不会自动应用：请先确认最后一个正是你需要的。',
    },
  },
  examples: {
    bad: 'FROM alpine:3.20\nENTRYPOINT ["/bin/sh"]\nENTRYPOINT ["/usr/local/bin/app"]\n',
    good: 'FROM alpine:3.20\nENTRYPOINT ["/usr/local/bin/app"]\n',
  },
});
