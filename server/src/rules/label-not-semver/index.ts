import { labelValueRule } from '../../lint/helpers/label-value.js';

/** Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, optional pre-release and build metadata. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export default labelValueRule('semver', (value) => (value !== '' && !SEMVER.test(value) ? 'notSemver' : undefined), {
  id: 'label-not-semver',
  aliases: ['DL3056'],
  category: 'maintainability',
  severity: 'warning',
  messages: {
    en: { notSemver: 'Label {label} should be a semantic version (1.4.2, 2.0.0-rc.1), not {value}.' },
    'zh-cn': { notSemver: '标签 {label} 应该是语义化版本号（如 1.4.2、2.0.0-rc.1），而不是 {value}。' },
  },
  docs: {
    en: {
      summary: 'Reports labels typed `semver` in `label-schema` whose value is not a semantic version.',
      why: 'Version labels are compared by tools deciding what is newer. That only works when every image follows one scheme: with Semantic Versioning, `1.10.0` sorts after `1.9.3` and `2.0.0-rc.1` before `2.0.0`, while `v1.2` or `latest` sort nowhere.',
    },
    'zh-cn': {
      summary: '报告 `label-schema` 中类型为 `semver`、但值不是语义化版本号的标签。',
      why: '工具会比较版本标签来判断哪个更新，这要求所有镜像遵循同一套规则。按照语义化版本，`1.10.0` 排在 `1.9.3` 之后，`2.0.0-rc.1` 排在 `2.0.0` 之前；而 `v1.2` 或 `latest` 根本无法排序。',
    },
  },
  examples: {
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="v1.4"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.4.0"\n',
    settings: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
  },
});
