import { programName } from '../../analysis/shell/index.js';
import { cleansAll, managerCache, packageCacheRule } from '../../lint/helpers/package-cache.js';

export default packageCacheRule(
  {
    id: 'dnf-cache-not-cleaned',
    aliases: ['DL3040'],
    category: 'layers',
    severity: 'warning',
    fixable: true,
    messages: {
      en: {
        left: '`{command}` leaves dnf’s metadata and packages in /var/cache, and they stay in this layer: run `{program} clean all` in the same RUN.',
        cleanedLater: '`{command}` leaves dnf’s cache in this layer: the RUN on line {line} cleans it, but this layer already holds it. Run `{program} clean all` in this RUN.',
        cleanAll: 'Run {program} clean all at the end of this RUN',
      },
      'zh-cn': {
        left: '`{command}` 会把 dnf 的元数据和软件包留在 /var/cache，并保存在这一层：请在同一个 RUN 中执行 `{program} clean all`。',
        cleanedLater: '`{command}` 留下的 dnf 缓存会保存在这一层：第 {line} 行的 RUN 虽然清理了它，但这一层里已经有了。请在本 RUN 中执行 `{program} clean all`。',
        cleanAll: '在本 RUN 末尾执行 {program} clean all',
      },
    },
    docs: {
      en: {
        summary: 'Reports `dnf install` (also microdnf and dnf5, and upgrade, reinstall, ...) in a RUN that does not run `dnf clean all` afterwards.',
        why: 'A RUN becomes a layer holding every file it wrote, and dnf keeps repository metadata and downloaded packages under /var/cache (dnf, libdnf5 or yum), often a hundred megabytes or more. Cleaning in a later RUN does not shrink the image: the earlier layer still holds the bytes. Clean in the same RUN with the same program (microdnf’s clean does not empty dnf’s cache), or mount a cache (or tmpfs) on the cache folder. Stages whose layers never reach an image are not reported.',
        fix: 'Appends `dnf clean all` (with the program that installed) to the end of the RUN, following how its lines continue. Safe: dnf downloads metadata again when it next needs it.',
      },
      'zh-cn': {
        summary: '报告 RUN 中执行了 `dnf install`（以及 microdnf、dnf5，和 upgrade、reinstall 等）却没有在之后执行 `dnf clean all` 的情况。',
        why: '每个 RUN 都会生成一层，保存它写入的所有文件，而 dnf 会把仓库元数据和下载的软件包放在 /var/cache 下（dnf、libdnf5 或 yum 目录），往往有上百 MB。在后面的 RUN 中清理并不能减小镜像：之前那一层仍然保存着这些字节。应在同一个 RUN 中用同一个程序清理（microdnf 的 clean 清不掉 dnf 的缓存），或在缓存目录上挂载 cache（或 tmpfs）。镜像层不会进入最终镜像的阶段不报告。',
        fix: '在 RUN 末尾追加 `dnf clean all`（使用执行安装的那个程序），并沿用原有的续行写法。安全：dnf 下次需要时会重新下载元数据。',
      },
    },
    examples: {
      bad: 'FROM fedora:40\nRUN dnf install -y httpd\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
    },
  },
  [
    managerCache({
      programs: ['dnf', 'dnf5', 'microdnf'],
      fills: ['install', 'in', 'upgrade', 'up', 'update', 'upgrade-minimal', 'up-min', 'reinstall', 'rei', 'groupinstall', 'distro-sync', 'makecache'],
      folders: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
      cleans: cleansAll,
      left: 'left',
      cleanedLater: 'cleanedLater',
      fix: { messageId: 'cleanAll', command: (filler) => `${filler.nameWord.raw} clean all`, safe: true },
      data: (filler) => ({ program: programName(filler.name) }),
    }),
  ],
);
