import { labelValueRule } from '../../lint/helpers/label-value.js';

/** An absolute URI as RFC 3986 writes it: a scheme, then only characters a URI may hold (or %XX escapes). */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;

export default labelValueRule('url', (value) => (value !== '' && !URI.test(value) ? 'notUrl' : undefined), {
  id: 'label-not-url',
  aliases: ['DL3052'],
  category: 'maintainability',
  severity: 'warning',
  messages: {
    en: { notUrl: 'Label {label} should be a URL (with a scheme, such as https://), not {value}.' },
    'zh-cn': { notUrl: '标签 {label} 应该是 URL（带协议，例如 https://），而不是 {value}。' },
  },
  docs: {
    en: {
      summary: 'Reports labels typed `url` in `label-schema` whose value is not an absolute URL.',
      why: 'Registries and tools turn URL labels such as `org.opencontainers.image.source` into links. A value without a scheme or with spaces in it is a dead link in every one of them.',
    },
    'zh-cn': {
      summary: '报告 `label-schema` 中类型为 `url`、但值不是绝对 URL 的标签。',
      why: '镜像仓库和各种工具会把 `org.opencontainers.image.source` 这类 URL 标签显示成链接。缺少协议或含有空格的值在这些地方都是打不开的死链接。',
    },
  },
  examples: {
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/acme/app"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n',
    settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
  },
});
