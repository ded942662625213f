import { unpinnedPackageRule } from '../../lint/helpers/package-pins.js';

export default unpinnedPackageRule(
  {
    id: 'unpinned-gem',
    aliases: ['DL3028'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        unpinned: 'Gem `{package}` is installed without a version: write `{package}:<version>`, or pass `-v <version>`.',
      },
      'zh-cn': {
        unpinned: '安装 gem `{package}` 时没有指定版本：请写成 `{package}:<version>`，或加上 `-v <version>`。',
      },
    },
    docs: {
      en: {
        summary: 'Reports gems that `gem install` names without a version.',
        why: 'Without a version, gem installs the newest release on the day of the build: the image drifts over time and a new major release can break it without any change in the repository. `name:version` (or `-v version` for a single gem) records what was tested. Local `.gem` files are not reported, nor are the options after `--` that go to the extension build.',
      },
      'zh-cn': {
        summary: '报告 `gem install` 中没有指定版本的 gem。',
        why: '不指定版本时，gem 会安装构建当天的最新版本：镜像会随时间漂移，新的大版本也可能在仓库毫无改动的情况下让构建失败。`name:version`（单个 gem 也可以用 `-v version`）记录了测试时用的版本。本地 `.gem` 文件以及 `--` 之后传给扩展编译的选项不报告。',
      },
    },
    examples: {
      bad: 'FROM ruby:3.3-slim\nRUN gem install bundler\n',
      good: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22\n',
    },
  },
  ['gem'],
  { 'no-version': 'unpinned' },
);
