import { operands, programName, type ShellCommand, type ShellScript } from '../../analysis/shell/index.js';
import { appendFix, commandSpan, packageCacheRule, subcommandIn, type CheckedRun } from '../../lint/helpers/package-cache.js';

const APT = ['apt-get', 'apt', 'aptitude'];
const INSTALLS = ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'reinstall', 'build-dep'];

/** Docker's Debian and Ubuntu images delete downloaded packages through this hook; removing it keeps them. */
function disablesDockerClean(command: ShellCommand): boolean {
  const name = programName(command.name);
  if (name === 'rm') return operands(command).some((word) => word.value.endsWith('/etc/apt/apt.conf.d/docker-clean'));
  return name === 'echo' && command.args.some((word) => /Keep-Downloaded-Packages\s*"?true/i.test(word.value));
}

function dockerCleanDisabled(run: CheckedRun, before: ShellCommand): boolean {
  const inScript = (script: ShellScript, end: number) => script.commands.some((command) => command.start < end && disablesDockerClean(command));
  return run.earlier.some((script) => inScript(script, Infinity)) || inScript(run.script, before.start);
}

export default packageCacheRule(
  {
    id: 'apt-lists-not-cleaned',
    aliases: ['DL3009'],
    category: 'layers',
    severity: 'info',
    fixable: true,
    messages: {
      en: {
        listsLeft: '`{command}` downloads package lists that stay in this layer: remove /var/lib/apt/lists/* in the same RUN, or mount a cache there.',
        listsCleanedLater: '`{command}` downloads package lists that stay in this layer: the RUN on line {line} removes them, but this layer already holds them. Remove them in this RUN.',
        archivesLeft: 'With docker-clean removed, `{command}` keeps the downloaded .deb files in /var/cache/apt, and they stay in this layer: mount a cache there too, or run `apt-get clean` in the same RUN.',
        archivesCleanedLater: 'With docker-clean removed, `{command}` keeps the downloaded .deb files in this layer: the RUN on line {line} cleans them, but this layer already holds them. Clean them in this RUN.',
        removeLists: 'Remove the apt lists at the end of this RUN',
        cleanArchives: 'Run apt-get clean at the end of this RUN',
      },
      'zh-cn': {
        listsLeft: '`{command}` 下载的软件包列表会留在这一层：请在同一个 RUN 中删除 /var/lib/apt/lists/*，或在该目录挂载缓存。',
        listsCleanedLater: '`{command}` 下载的软件包列表会留在这一层：第 {line} 行的 RUN 虽然删除了它们，但这一层里已经有了。请在本 RUN 中删除。',
        archivesLeft: '删除 docker-clean 后，`{command}` 下载的 .deb 文件会保存在 /var/cache/apt 并留在这一层：请在该目录也挂载缓存，或在同一个 RUN 中执行 `apt-get clean`。',
        archivesCleanedLater: '删除 docker-clean 后，`{command}` 下载的 .deb 文件会留在这一层：第 {line} 行的 RUN 虽然清理了它们，但这一层里已经有了。请在本 RUN 中清理。',
        removeLists: '在本 RUN 末尾删除 apt 列表',
        cleanArchives: '在本 RUN 末尾执行 apt-get clean',
      },
    },
    docs: {
      en: {
        summary: 'Reports `apt-get update` (also apt and aptitude) in a RUN that leaves the downloaded package lists in its layer.',
        why: 'A RUN becomes a layer holding every file it wrote. The lists that `apt-get update` fetches weigh tens of megabytes and serve no purpose once the packages are in; deleting them in a later RUN only hides them, because the earlier layer still carries the bytes. Remove them in the same RUN, or keep them out of the layer with `--mount=type=cache` (or tmpfs) on /var/lib/apt. Only the last stage and the stages it is built on (through FROM) are reported: the layers of a stage used only by COPY --from, or not at all, never reach the image. When the Dockerfile removes Docker’s docker-clean hook to keep packages for a cache mount, the .deb files left in /var/cache/apt are reported the same way.',
        fix: 'Appends `rm -rf /var/lib/apt/lists/*` (for the .deb files, `apt-get clean`) to the end of the RUN, following how its lines continue. Removing the lists is not applied on save: a later RUN that installs without `apt-get update` would find none. `apt-get clean` is safe.',
      },
      'zh-cn': {
        summary: '报告在 RUN 中执行 `apt-get update`（以及 apt、aptitude）后，下载的软件包列表仍留在该层的情况。',
        why: '每个 RUN 都会生成一层，里面保存它写入的所有文件。`apt-get update` 拉取的列表有几十 MB，装完软件包后就没用了；在后面的 RUN 里删除只是把它们隐藏起来，之前那一层仍然带着这些字节。应在同一个 RUN 中删除，或用 `--mount=type=cache`（或 tmpfs）挂载 /var/lib/apt，让它们不进入镜像层。只报告最后一个阶段以及它通过 FROM 层层依赖的阶段：只被 COPY --from 引用或完全没被使用的阶段，其镜像层不会进入最终镜像。如果 Dockerfile 为了配合缓存挂载删掉了 Docker 的 docker-clean 钩子，留在 /var/cache/apt 中的 .deb 文件也会同样报告。',
        fix: '在 RUN 末尾追加 `rm -rf /var/lib/apt/lists/*`（对 .deb 文件则追加 `apt-get clean`），并沿用原有的续行写法。删除列表的修复不会在保存时自动应用：之后的 RUN 如果没有先执行 `apt-get update` 就安装软件包，会找不到列表。`apt-get clean` 是安全的。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
  },
  [
    {
      fills: (command) => {
        const update = subcommandIn(command, APT, ['update']);
        return update && commandSpan(command, update);
      },
      folders: ['/var/lib/apt/lists'],
      cleans: (command) => subcommandIn(command, APT, ['dist-clean', 'distclean']) !== undefined,
      left: 'listsLeft',
      cleanedLater: 'listsCleanedLater',
      fix: (_filler, run) => appendFix('removeLists', run, 'rm -rf /var/lib/apt/lists/*', false),
    },
    {
      fills: (command, run) => {
        const install = subcommandIn(command, APT, INSTALLS);
        return install && dockerCleanDisabled(run, command) ? commandSpan(command, install) : undefined;
      },
      folders: ['/var/cache/apt/archives'],
      cleans: (command) => subcommandIn(command, APT, ['clean', 'dist-clean', 'distclean']) !== undefined,
      left: 'archivesLeft',
      cleanedLater: 'archivesCleanedLater',
      fix: (_filler, run) => appendFix('cleanArchives', run, 'apt-get clean', true),
    },
  ],
);
