import { unpinnedPackageRule } from '../../lint/helpers/package-pins.js';

export default unpinnedPackageRule(
  {
    id: 'unpinned-apt-package',
    aliases: ['DL3008'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        unpinned: '`{package}` is installed without a version: write `{package}=<version>` so that every build installs the same one.',
      },
      'zh-cn': {
        unpinned: '安装 `{package}` 时没有指定版本：请写成 `{package}=<version>`，让每次构建装的都是同一个版本。',
      },
    },
    docs: {
      en: {
        summary: 'Reports packages that `apt-get install` (or `apt install`) names without a version.',
        why: 'Without a version, apt installs whatever the package index offers on the day of the build: two builds of the same Dockerfile can give different images, and a new upstream release can change or break the image with no change in the repository. `name=version` makes the build repeatable and turns an upgrade into a change you can review. A release (`name/bookworm-backports`) and local `.deb` files count as pinned; a package given only through a variable whose value the Dockerfile does not show is not judged.',
      },
      'zh-cn': {
        summary: '报告 `apt-get install`（或 `apt install`）中没有指定版本的软件包。',
        why: '不指定版本时，apt 会安装构建当天软件源里的版本：同一个 Dockerfile 两次构建可能得到不同的镜像，上游一发新版，镜像就可能在仓库毫无改动的情况下发生变化甚至构建失败。写成 `name=version` 能让构建可重复，升级也变成一次可以审查的改动。指定发行版（`name/bookworm-backports`）和本地 `.deb` 文件视为已固定；只通过变量给出、而 Dockerfile 中看不到其值的软件包不做判断。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
  },
  ['apt'],
  { 'no-version': 'unpinned' },
);
