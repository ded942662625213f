import { hasFlag, type ShellCommand } from '../../analysis/shell/index.js';
import { commandSpan, flagFix, packageCacheRule, subcommandIn } from '../../lint/helpers/package-cache.js';

const APK_CACHE = ['/var/cache/apk', '/etc/apk/cache'];
/** `apk cache clean` / `apk cache purge`. */
const cleansCache = (command: ShellCommand) =>
  subcommandIn(command, ['apk'], ['cache']) !== undefined && command.args.some((word) => word.value === 'clean' || word.value === 'purge');

export default packageCacheRule(
  {
    id: 'apk-cache',
    aliases: ['DL3019'],
    category: 'layers',
    severity: 'info',
    fixable: true,
    messages: {
      en: {
        addLeft: '`{command}` without --no-cache keeps the package index in /var/cache/apk, and it stays in this layer: add --no-cache.',
        addCleanedLater: '`{command}` without --no-cache keeps the package index in this layer: the RUN on line {line} removes it, but this layer already holds it. Add --no-cache.',
        updateLeft: '`{command}` stores the package index in /var/cache/apk, and it stays in this layer: drop it and give apk add (or apk upgrade) --no-cache, which fetches a fresh index without keeping it.',
        updateCleanedLater: '`{command}` stores the package index in this layer: the RUN on line {line} removes it, but this layer already holds it. Give apk add (or apk upgrade) --no-cache instead.',
        addNoCache: 'Add --no-cache',
      },
      'zh-cn': {
        addLeft: '`{command}` 没有加 --no-cache，软件包索引会保存在 /var/cache/apk 并留在这一层：请加上 --no-cache。',
        addCleanedLater: '`{command}` 没有加 --no-cache，软件包索引会留在这一层：第 {line} 行的 RUN 虽然删除了它，但这一层里已经有了。请加上 --no-cache。',
        updateLeft: '`{command}` 会把软件包索引保存在 /var/cache/apk 并留在这一层：去掉它，改为给 apk add（或 apk upgrade）加上 --no-cache，这样会拉取最新索引且不保留。',
        updateCleanedLater: '`{command}` 保存的软件包索引会留在这一层：第 {line} 行的 RUN 虽然删除了它，但这一层里已经有了。请改为给 apk add（或 apk upgrade）加上 --no-cache。',
        addNoCache: '添加 --no-cache',
      },
    },
    docs: {
      en: {
        summary: 'Reports `apk add` and `apk upgrade` without `--no-cache`, and `apk update`, in a RUN that leaves the package index in its layer.',
        why: 'A RUN becomes a layer holding every file it wrote, and apk keeps the index it downloads in /var/cache/apk. `apk add --no-cache` fetches a fresh index, uses it and keeps nothing, so the separate `apk update` and the `rm -rf /var/cache/apk/*` afterwards are no longer needed; removing the index in a later RUN does not shrink the image, because the earlier layer still holds it. A cache or tmpfs mount on /var/cache/apk is fine too. Stages whose layers never reach an image are not reported.',
        fix: 'Adds `--no-cache` after `apk add` (or `apk upgrade`). Safe: apk fetches the index when it needs one, so the same packages are installed.',
      },
      'zh-cn': {
        summary: '报告 RUN 中没有加 `--no-cache` 的 `apk add`、`apk upgrade` 以及 `apk update`，它们会让软件包索引留在该层。',
        why: '每个 RUN 都会生成一层，保存它写入的所有文件，而 apk 会把下载的索引放在 /var/cache/apk。`apk add --no-cache` 会拉取最新索引、用完即弃，因此不再需要单独的 `apk update`，也不需要事后 `rm -rf /var/cache/apk/*`；在后面的 RUN 中删除索引并不能减小镜像，因为之前那一层仍然保存着它。在 /var/cache/apk 上挂载 cache 或 tmpfs 也可以。镜像层不会进入最终镜像的阶段不报告。',
        fix: '在 `apk add`（或 `apk upgrade`）后添加 `--no-cache`。安全：apk 需要时会自行拉取索引，安装的软件包不变。',
      },
    },
    examples: {
      bad: 'FROM alpine:3.20\nRUN apk add curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
  },
  [
    {
      fills: (command) => {
        const add = subcommandIn(command, ['apk'], ['add', 'upgrade']);
        return add && !hasFlag(command, ['--no-cache', '--no-network']) ? commandSpan(command, add) : undefined;
      },
      folders: APK_CACHE,
      cleans: cleansCache,
      left: 'addLeft',
      cleanedLater: 'addCleanedLater',
      fix: (filler) => {
        const add = subcommandIn(filler, ['apk'], ['add', 'upgrade']);
        return add && flagFix('addNoCache', add, '--no-cache', true);
      },
      eachCommand: true,
    },
    {
      fills: (command) => {
        const update = subcommandIn(command, ['apk'], ['update']);
        return update && !hasFlag(command, '--no-cache') ? commandSpan(command, update) : undefined;
      },
      folders: APK_CACHE,
      cleans: cleansCache,
      left: 'updateLeft',
      cleanedLater: 'updateCleanedLater',
    },
  ],
);
