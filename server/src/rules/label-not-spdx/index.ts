import { labelValueRule } from '../../lint/helpers/label-value.js';

// The SPDX license list and expression grammar, as npm itself uses them.
const parseSpdx: (expression: string) => unknown = require('spdx-expression-parse');

function isSpdx(value: string): boolean {
  try {
    parseSpdx(value);
    return true;
  } catch {
    return false;
  }
}

export default labelValueRule('spdx', (value) => (value !== '' && !isSpdx(value) ? 'notSpdx' : undefined), {
  id: 'label-not-spdx',
  aliases: ['DL3054'],
  category: 'maintainability',
  severity: 'warning',
  messages: {
    en: { notSpdx: 'Label {label} should be an SPDX license identifier or expression (MIT, Apache-2.0 OR MIT), not {value}.' },
    'zh-cn': { notSpdx: '标签 {label} 应该是 SPDX 许可证标识符或表达式（如 MIT、Apache-2.0 OR MIT），而不是 {value}。' },
  },
  docs: {
    en: {
      summary: 'Reports labels typed `spdx` in `label-schema` whose value is not an SPDX license identifier or expression.',
      why: 'License scanners and registries read `org.opencontainers.image.licenses` by machine. They recognise the SPDX identifiers (`MIT`, `Apache-2.0`, `GPL-3.0-or-later`) and expressions built from them, but not free text such as "Apache 2" or "BSD". Identifiers are matched exactly, case included.',
    },
    'zh-cn': {
      summary: '报告 `label-schema` 中类型为 `spdx`、但值不是 SPDX 许可证标识符或表达式的标签。',
      why: '许可证扫描工具和镜像仓库会自动读取 `org.opencontainers.image.licenses`。它们认识 SPDX 标识符（`MIT`、`Apache-2.0`、`GPL-3.0-or-later`）及由其组成的表达式，却认不出 "Apache 2"、"BSD" 这样的自由文本。标识符需要完全匹配，包括大小写。',
    },
  },
  examples: {
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache 2"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache-2.0 OR MIT"\n',
    settings: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } },
  },
});
