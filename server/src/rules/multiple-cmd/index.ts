import { lastInstructionWins } from '../../lint/helpers/last-wins.js';

export default lastInstructionWins('CMD', {
  id: 'multiple-cmd',
  aliases: ['DL4003', 'MultipleInstructionsDisallowed'],
  category: 'correctness',
  severity: 'warning',
  fixable: true,
  docs: {
    en: {
      summary: 'Reports every CMD in a stage but the last one.',
      why: 'A stage keeps one default command: each CMD replaces the one before it in the image config, so only the last one ever runs. The earlier ones mislead readers about what the container does.',
      fix: 'Removes the earlier CMD. Not applied on save: check which command you meant before deleting.',
    },
    'zh-cn': {
      summary: '同一阶段中除最后一个之外的每个 CMD 都会被报告。',
      why: '一个阶段只保留一个默认命令：后面的 CMD 会覆盖镜像配置中前面的 CMD，因此只有最后一个会真正执行。前面的 CMD 会让读者误解容器的实际行为。',
      fix: '删除前面的 CMD。保存时不会自动应用：删除之前请确认你真正想要的是哪条命令。',
    },
  },
  examples: {
    bad: 'FROM node:22-alpine\nCMD ["npm", "start"]\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-alpine\nCMD ["node", "server.js"]\n',
  },
});
