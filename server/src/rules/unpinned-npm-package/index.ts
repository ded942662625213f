import { unpinnedPackageRule } from '../../lint/helpers/package-pins.js';

export default unpinnedPackageRule(
  {
    id: 'unpinned-npm-package',
    aliases: ['DL3016'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        unpinned: '`{package}` is installed without a version: write `{package}@<version>`.',
        noRevision: '`{package}` installs whatever the repository holds today: add `#<tag or commit>`.',
        movingVersion: '`{package}` names a tag that moves with every release: name a version instead.',
      },
      'zh-cn': {
        unpinned: '安装 `{package}` 时没有指定版本：请写成 `{package}@<version>`。',
        noRevision: '`{package}` 安装的是仓库当前的内容：请加上 `#<标签或提交>`。',
        movingVersion: '`{package}` 指定的标签会随每次发布而变化：请改为具体版本。',
      },
    },
    docs: {
      en: {
        summary: 'Reports packages that `npm install` names without a version (or with `@latest`), and git sources without a tag or commit.',
        why: 'A bare package name installs the newest release on the day of the build: the image changes over time without any change in the repository, and a breaking release upstream breaks the build. `name@version` records what was tested. `npm install` with no package reads package.json and its lock file and is not reported; nor are tarballs and local folders.',
      },
      'zh-cn': {
        summary: '报告 `npm install` 中没有指定版本（或写成 `@latest`）的包，以及没有指定标签或提交的 git 源。',
        why: '只写包名时会安装构建当天的最新版本：仓库没有任何改动，镜像却会随时间变化，上游发布不兼容的新版也会让构建失败。`name@version` 记录了测试时用的版本。不带包名的 `npm install` 读取 package.json 和锁文件，不会报告；tar 包和本地目录也不报告。',
      },
    },
    examples: {
      bad: 'FROM node:22-slim\nRUN npm install -g typescript\n',
      good: 'FROM node:22-slim\nRUN npm install -g typescript@5.6.3\n',
    },
  },
  ['npm'],
  { 'no-version': 'unpinned', 'no-revision': 'noRevision', 'moving-version': 'movingVersion' },
);
