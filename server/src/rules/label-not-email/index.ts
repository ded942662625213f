import { labelValueRule } from '../../lint/helpers/label-value.js';

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM = `${ATOM}(?:\\.${ATOM})*`;
const QUOTED = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
const DOMAIN_LITERAL = '\\[[^[\\]\\\\\\s]*\\]';
/** RFC 5322's addr-spec: `local@domain`, without a display name or angle brackets. */
const ADDRESS = new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@(?:${DOT_ATOM}|${DOMAIN_LITERAL})$`);

export default labelValueRule('email', (value) => (value !== '' && !ADDRESS.test(value) ? 'notEmail' : undefined), {
  id: 'label-not-email',
  aliases: ['DL3058'],
  category: 'maintainability',
  severity: 'warning',
  messages: {
    en: { notEmail: 'Label {label} should be an email address (name@example.com), not {value}.' },
    'zh-cn': { notEmail: '标签 {label} 应该是电子邮件地址（如 name@example.com），而不是 {value}。' },
  },
  docs: {
    en: {
      summary: 'Reports labels typed `email` in `label-schema` whose value is not an RFC 5322 email address.',
      why: 'A contact label is for reaching whoever maintains the image, often from a tool that opens a mail or files a report. A bare name, a URL or "Jane <jane@example.com>" cannot be used that way; the label should hold just the address.',
    },
    'zh-cn': {
      summary: '报告 `label-schema` 中类型为 `email`、但值不是 RFC 5322 电子邮件地址的标签。',
      why: '联系人标签用来找到镜像的维护者，常常由工具直接发邮件或提交报告。光写名字、写 URL，或写成 "Jane <jane@example.com>" 都无法这样使用；标签里应当只放邮件地址。',
    },
  },
  examples: {
    bad: 'FROM alpine:3.20\nLABEL maintainer="Platform team"\n',
    good: 'FROM alpine:3.20\nLABEL maintainer="platform@example.com"\n',
    settings: { labelSchema: { maintainer: 'email' } },
  },
});
