import { labelValueRule } from '../../lint/helpers/label-value.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

function isRfc3339(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const offsetHour = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinute = match[10] === undefined ? 0 : Number(match[10]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Second 60 is a leap second.
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 60 && offsetHour <= 23 && offsetMinute <= 59;
}

export default labelValueRule('rfc3339', (value) => (value !== '' && !isRfc3339(value) ? 'notRfc3339' : undefined), {
  id: 'label-not-rfc3339',
  aliases: ['DL3053'],
  category: 'maintainability',
  severity: 'warning',
  messages: {
    en: { notRfc3339: 'Label {label} should be an RFC 3339 date and time (2024-05-01T12:00:00Z), not {value}.' },
    'zh-cn': { notRfc3339: '标签 {label} 应该是 RFC 3339 格式的日期时间（如 2024-05-01T12:00:00Z），而不是 {value}。' },
  },
  docs: {
    en: {
      summary: 'Reports labels typed `rfc3339` in `label-schema` whose value is not an RFC 3339 date and time.',
      why: 'Dates such as `org.opencontainers.image.created` are compared and sorted by tools; they can only do that with one unambiguous format. RFC 3339 (date, `T`, time, and a zone) is the format the OCI annotations specify.',
    },
    'zh-cn': {
      summary: '报告 `label-schema` 中类型为 `rfc3339`、但值不是 RFC 3339 日期时间的标签。',
      why: '`org.opencontainers.image.created` 这类日期会被工具拿来比较和排序，只有统一、无歧义的格式才能做到。OCI 注解规范规定的正是 RFC 3339 格式（日期、`T`、时间和时区）。',
    },
  },
  examples: {
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="May 1st 2024"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"\n',
    settings: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } },
  },
});
