import { commandRule } from '../../lint/helpers/command-rule.js';
import { subcommandIn } from '../../lint/helpers/package-cache.js';

export default commandRule(
  {
    id: 'zypper-dist-upgrade',
    aliases: ['DL3035'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        distUpgrade: '`{command}` can move the image to another release or vendor: use `zypper update` or `zypper patch`, or start from a newer base image.',
      },
      'zh-cn': {
        distUpgrade: '`{command}` 可能把镜像升级到另一个发行版本或换成其他供应商的软件包：请改用 `zypper update` 或 `zypper patch`，或者直接换用更新的基础镜像。',
      },
    },
    docs: {
      en: {
        summary: 'Reports `zypper dist-upgrade` (`zypper dup`) in RUN scripts.',
        why: 'A distribution upgrade installs whatever the configured repositories hold, downgrading, replacing or removing packages and switching vendors as needed; on a rolling or changed repository it turns the base image into a different distribution release. The result depends on the day of the build and is no longer the image you named in FROM. `zypper update` (or `zypper patch` for fixes only) keeps the release; a new release belongs in the FROM line.',
      },
      'zh-cn': {
        summary: '报告 RUN 脚本中的 `zypper dist-upgrade`（`zypper dup`）。',
        why: '发行版升级会按当前配置的软件源安装所有内容，必要时降级、替换或删除软件包，甚至切换供应商；软件源是滚动更新的或被改过时，基础镜像就会变成另一个发行版本。结果取决于构建的日期，已经不再是 FROM 中写的那个镜像。`zypper update`（只打补丁可用 `zypper patch`）会保持发行版本不变；要用新版本，应该在 FROM 中指定。',
      },
    },
    examples: {
      bad: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive dup\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive patch\n',
    },
  },
  {
    find: (command) => subcommandIn(command, ['zypper'], ['dist-upgrade', 'dup']),
    messageId: 'distUpgrade',
  },
);
