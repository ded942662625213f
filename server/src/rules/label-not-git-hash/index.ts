import { labelValueRule } from '../../lint/helpers/label-value.js';

/** Short (7 and up) or full SHA-1 commit ids, or full SHA-256 ones, as git prints them. */
const GIT_HASH = /^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$/;

export default labelValueRule('hash', (value) => (value !== '' && !GIT_HASH.test(value) ? 'notGitHash' : undefined), {
  id: 'label-not-git-hash',
  aliases: ['DL3055'],
  category: 'maintainability',
  severity: 'warning',
  messages: {
    en: { notGitHash: 'Label {label} should be a git commit hash (7 to 40 lower-case hex digits), not {value}.' },
    'zh-cn': { notGitHash: '标签 {label} 应该是 git 提交哈希（7 到 40 位小写十六进制数字），而不是 {value}。' },
  },
  docs: {
    en: {
      summary: 'Reports labels typed `hash` in `label-schema` whose value is not a git commit hash.',
      why: 'A revision label such as `org.opencontainers.image.revision` is how someone gets from an image back to the exact source it was built from. A branch name or a version moves; only the commit hash points at one tree for good.',
    },
    'zh-cn': {
      summary: '报告 `label-schema` 中类型为 `hash`、但值不是 git 提交哈希的标签。',
      why: '`org.opencontainers.image.revision` 这类修订标签用来从镜像追溯到构建它的确切源码。分支名和版本号都会移动，只有提交哈希能永久指向同一份代码。',
    },
  },
  examples: {
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="main"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="43c572f1272b6b3171dd1db9e41b7027128ce080"\n',
    settings: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } },
  },
});
