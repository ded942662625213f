import { labelValueRule } from '../../lint/helpers/label-value.js';

export default labelValueRule(undefined, (value) => (value.trim() === '' ? 'empty' : undefined), {
  id: 'empty-label',
  aliases: ['DL3051'],
  category: 'maintainability',
  severity: 'warning',
  messages: {
    en: { empty: 'Label {label} is in the label schema but has an empty value.' },
    'zh-cn': { empty: '标签 {label} 在标签规范中，但值为空。' },
  },
  docs: {
    en: {
      summary: 'Reports labels named in `label-schema` whose value is empty.',
      why: 'A label the schema asks for is there to be read by registries, scanners and people. An empty value passes a presence check while telling nobody anything, which is worse than a missing label that at least gets reported.',
    },
    'zh-cn': {
      summary: '报告 `label-schema` 中列出、但值为空的标签。',
      why: '标签规范要求的标签是给镜像仓库、扫描工具和人看的。空值虽然能通过“是否存在”的检查，却没有提供任何信息，比缺少标签更糟——缺少至少会被报告出来。',
    },
  },
  examples: {
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=""\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n',
    settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
  },
});
