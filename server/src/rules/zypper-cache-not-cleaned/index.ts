import { managerCache, packageCacheRule, subcommandIn } from '../../lint/helpers/package-cache.js';

export default packageCacheRule(
  {
    id: 'zypper-cache-not-cleaned',
    aliases: ['DL3036'],
    category: 'layers',
    severity: 'warning',
    fixable: true,
    messages: {
      en: {
        left: '`{command}` leaves zypper’s metadata and packages in /var/cache/zypp, and they stay in this layer: run `zypper clean --all` in the same RUN.',
        cleanedLater: '`{command}` leaves zypper’s cache in this layer: the RUN on line {line} cleans it, but this layer already holds it. Run `zypper clean --all` in this RUN.',
        cleanAll: 'Run zypper clean --all at the end of this RUN',
      },
      'zh-cn': {
        left: '`{command}` 会把 zypper 的元数据和软件包留在 /var/cache/zypp，并保存在这一层：请在同一个 RUN 中执行 `zypper clean --all`。',
        cleanedLater: '`{command}` 留下的 zypper 缓存会保存在这一层：第 {line} 行的 RUN 虽然清理了它，但这一层里已经有了。请在本 RUN 中执行 `zypper clean --all`。',
        cleanAll: '在本 RUN 末尾执行 zypper clean --all',
      },
    },
    docs: {
      en: {
        summary: 'Reports `zypper install` (and update, dist-upgrade, patch) in a RUN that does not run `zypper clean` afterwards.',
        why: 'A RUN becomes a layer holding every file it wrote, and zypper keeps repository metadata and downloaded packages in /var/cache/zypp. Cleaning in a later RUN does not shrink the image: the earlier layer still holds the bytes. Clean in the same RUN, or mount a cache (or tmpfs) on /var/cache/zypp. Stages whose layers never reach an image are not reported.',
        fix: 'Appends `zypper clean --all` to the end of the RUN, following how its lines continue. Safe: zypper refreshes its metadata when it next needs it.',
      },
      'zh-cn': {
        summary: '报告 RUN 中执行了 `zypper install`（以及 update、dist-upgrade、patch）却没有在之后执行 `zypper clean` 的情况。',
        why: '每个 RUN 都会生成一层，保存它写入的所有文件，而 zypper 会把仓库元数据和下载的软件包放在 /var/cache/zypp。在后面的 RUN 中清理并不能减小镜像：之前那一层仍然保存着这些字节。应在同一个 RUN 中清理，或在 /var/cache/zypp 上挂载 cache（或 tmpfs）。镜像层不会进入最终镜像的阶段不报告。',
        fix: '在 RUN 末尾追加 `zypper clean --all`，并沿用原有的续行写法。安全：zypper 下次需要时会刷新元数据。',
      },
    },
    examples: {
      bad: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install -y curl\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install -y curl && zypper clean --all\n',
    },
  },
  [
    managerCache({
      programs: ['zypper'],
      fills: ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si'],
      folders: ['/var/cache/zypp'],
      cleans: (command) => subcommandIn(command, ['zypper'], ['clean', 'cc']) !== undefined,
      left: 'left',
      cleanedLater: 'cleanedLater',
      fix: { messageId: 'cleanAll', command: () => 'zypper clean --all', safe: true },
    }),
  ],
);
