import { installsRecommends } from '../../analysis/packages.js';
import { commandRule } from '../../lint/helpers/command-rule.js';

export default commandRule(
  {
    id: 'apt-get-install-recommends',
    aliases: ['DL3015'],
    category: 'layers',
    severity: 'info',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        recommends: '`{command}` also installs the packages these recommend: add `--no-install-recommends` and name the ones you need.',
        addNoRecommends: 'Add --no-install-recommends',
      },
      'zh-cn': {
        recommends: '`{command}` 还会安装这些软件包推荐的其他包：请加上 `--no-install-recommends`，只列出确实需要的包。',
        addNoRecommends: '添加 --no-install-recommends',
      },
    },
    docs: {
      en: {
        summary: 'Reports `apt-get install` (and `apt install`) without `--no-install-recommends`.',
        why: 'By default apt also installs every package the requested ones recommend: documentation, optional tools, sometimes a whole toolchain. They end up in the layer, make the image larger, add to what security scanners report, and change when a recommendation changes upstream. `--no-install-recommends` (or `-o APT::Install-Recommends=false`) installs what you named and what it depends on, nothing more.',
        fix: 'Adds `--no-install-recommends` after `install`. Not applied on save: it changes which packages are installed, and the image may have relied on one that was only recommended; build and test it, and name that package if so.',
      },
      'zh-cn': {
        summary: '报告没有加 `--no-install-recommends` 的 `apt-get install`（以及 `apt install`）。',
        why: 'apt 默认还会安装所请求软件包推荐的所有包：文档、可选工具，有时甚至是整套工具链。这些包都会进入镜像层，让镜像变大，增加安全扫描报出的问题，而且上游调整推荐关系时内容也会跟着变。`--no-install-recommends`（或 `-o APT::Install-Recommends=false`）只安装你指定的包及其依赖，别无其他。',
        fix: '在 `install` 后加上 `--no-install-recommends`。保存时不会自动应用：它会改变安装的软件包，镜像可能恰好依赖某个仅被推荐的包；请构建并测试，必要时把该包明确列出。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
  },
  {
    find: (command) => installsRecommends(command),
    messageId: 'recommends',
    fix: { messageId: 'addNoRecommends', flag: '--no-install-recommends', safe: false },
  },
);
