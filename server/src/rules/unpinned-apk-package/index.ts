import { unpinnedPackageRule } from '../../lint/helpers/package-pins.js';

export default unpinnedPackageRule(
  {
    id: 'unpinned-apk-package',
    aliases: ['DL3018'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        unpinned: '`{package}` is installed without a version: write `{package}=<version>` (or `{package}~<version>` for a range).',
      },
      'zh-cn': {
        unpinned: '安装 `{package}` 时没有指定版本：请写成 `{package}=<version>`（或用 `{package}~<version>` 指定范围）。',
      },
    },
    docs: {
      en: {
        summary: 'Reports packages that `apk add` names without a version.',
        why: 'Without a version, apk installs whatever the repository offers on the day of the build, so two builds of one Dockerfile can differ and an update upstream can break the image unnoticed. `name=version`, `name~version` or a comparison (`name>=version`) state what the image expects. Local `.apk` files count as pinned; values of `--virtual` and `--repository` are not packages.',
      },
      'zh-cn': {
        summary: '报告 `apk add` 中没有指定版本的软件包。',
        why: '不指定版本时，apk 会安装构建当天软件源里的版本，同一个 Dockerfile 两次构建可能不同，上游更新也可能悄无声息地破坏镜像。`name=version`、`name~version` 或比较式（`name>=version`）写明了镜像期望的版本。本地 `.apk` 文件视为已固定；`--virtual` 和 `--repository` 的值不是软件包。',
      },
    },
    examples: {
      bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
    },
  },
  ['apk'],
  { 'no-version': 'unpinned' },
);
