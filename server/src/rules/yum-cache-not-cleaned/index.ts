import { cleansAll, managerCache, packageCacheRule } from '../../lint/helpers/package-cache.js';

export default packageCacheRule(
  {
    id: 'yum-cache-not-cleaned',
    aliases: ['DL3032'],
    category: 'layers',
    severity: 'warning',
    fixable: true,
    messages: {
      en: {
        left: '`{command}` leaves yum’s metadata and packages in /var/cache/yum, and they stay in this layer: run `yum clean all` in the same RUN.',
        cleanedLater: '`{command}` leaves yum’s cache in this layer: the RUN on line {line} cleans it, but this layer already holds it. Run `yum clean all` in this RUN.',
        cleanAll: 'Run yum clean all at the end of this RUN',
      },
      'zh-cn': {
        left: '`{command}` 会把 yum 的元数据和软件包留在 /var/cache/yum，并保存在这一层：请在同一个 RUN 中执行 `yum clean all`。',
        cleanedLater: '`{command}` 留下的 yum 缓存会保存在这一层：第 {line} 行的 RUN 虽然清理了它，但这一层里已经有了。请在本 RUN 中执行 `yum clean all`。',
        cleanAll: '在本 RUN 末尾执行 yum clean all',
      },
    },
    docs: {
      en: {
        summary: 'Reports `yum install` (and update, upgrade, reinstall, ...) in a RUN that does not run `yum clean all` afterwards.',
        why: 'A RUN becomes a layer holding every file it wrote, and yum keeps repository metadata and downloaded packages in /var/cache/yum, often a hundred megabytes or more. Cleaning in a later RUN does not shrink the image: the earlier layer still holds the bytes. Clean in the same RUN, or mount a cache (or tmpfs) on /var/cache/yum. Stages whose layers never reach an image are not reported.',
        fix: 'Appends `yum clean all` to the end of the RUN, following how its lines continue. Safe: yum downloads metadata again when it next needs it.',
      },
      'zh-cn': {
        summary: '报告 RUN 中执行了 `yum install`（以及 update、upgrade、reinstall 等）却没有在之后执行 `yum clean all` 的情况。',
        why: '每个 RUN 都会生成一层，保存它写入的所有文件，而 yum 会把仓库元数据和下载的软件包放在 /var/cache/yum，往往有上百 MB。在后面的 RUN 中清理并不能减小镜像：之前那一层仍然保存着这些字节。应在同一个 RUN 中清理，或在 /var/cache/yum 上挂载 cache（或 tmpfs）。镜像层不会进入最终镜像的阶段不报告。',
        fix: '在 RUN 末尾追加 `yum clean all`，并沿用原有的续行写法。安全：yum 下次需要时会重新下载元数据。',
      },
    },
    examples: {
      bad: 'FROM centos:7\nRUN yum install -y httpd\n',
      good: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    },
  },
  [
    managerCache({
      programs: ['yum'],
      fills: ['install', 'localinstall', 'groupinstall', 'reinstall', 'update', 'upgrade', 'distro-sync', 'makecache'],
      folders: ['/var/cache/yum'],
      cleans: cleansAll,
      left: 'left',
      cleanedLater: 'cleanedLater',
      fix: { messageId: 'cleanAll', command: () => 'yum clean all', safe: true },
    }),
  ],
);
