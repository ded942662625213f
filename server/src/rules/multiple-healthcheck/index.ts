import { lastInstructionWins } from '../../lint/helpers/last-wins.js';

export default lastInstructionWins('HEALTHCHECK', {
  id: 'multiple-healthcheck',
  aliases: ['DL3012', 'MultipleInstructionsDisallowed'],
  category: 'correctness',
  severity: 'error',
  fixable: true,
  docs: {
    en: {
      summary: 'Reports every HEALTHCHECK in a stage but the last one.',
      why: 'A container has one health check: each HEALTHCHECK replaces the one before it, so only the last one is ever probed.',
      fix: 'Removes the earlier HEALTHCHECK. Not applied on save.',
    },
    'zh-cn': {
      summary: '同一阶段中除最后一个之外的每个 HEALTHCHECK 都会被报告。',
      why: '一个容器只有一个健康检查：每个 HEALTHCHECK 都会替换前一个，所以只有最后一个会被执行。',
      fix: '删除前面的 HEALTHCHECK。保存时不会自动应用。',
    },
  },
  examples: {
    bad: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1\n',
    good: 'FROM nginx:1.27\nHEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1\n',
  },
});
