import { unpinnedPackageRule } from '../../lint/helpers/package-pins.js';

export default unpinnedPackageRule(
  {
    id: 'unpinned-zypper-package',
    aliases: ['DL3037'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        unpinned: '`{package}` is installed without a version: write `{package}=<version>` (or a range such as `{package}>=<version>`, quoted).',
      },
      'zh-cn': {
        unpinned: '安装 `{package}` 时没有指定版本：请写成 `{package}=<version>`（或用引号括起的范围，如 `{package}>=<version>`）。',
      },
    },
    docs: {
      en: {
        summary: 'Reports packages that `zypper install` names without a version.',
        why: 'Without a version, zypper installs whatever the repositories offer on the day of the build: the same Dockerfile gives different images over time, and an update upstream can break the image unnoticed. `name=version`, or a comparison such as `name>=version`, states what the image expects. Local `.rpm` files are not reported, nor are patterns and products (`-t pattern`).',
      },
      'zh-cn': {
        summary: '报告 `zypper install` 中没有指定版本的软件包。',
        why: '不指定版本时，zypper 会安装构建当天软件源里的版本：同一个 Dockerfile 随时间推移会得到不同的镜像，上游更新也可能悄无声息地破坏镜像。`name=version` 或 `name>=version` 这样的比较式写明了镜像期望的版本。本地 `.rpm` 文件以及模式和产品（`-t pattern`）不报告。',
      },
    },
    examples: {
      bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl \\\n    && zypper clean --all\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 \\\n    && zypper clean --all\n',
    },
  },
  ['zypper'],
  { 'no-version': 'unpinned' },
);
