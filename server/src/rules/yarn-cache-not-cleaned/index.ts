import { operands, programName, type ShellCommand } from '../../analysis/shell/index.js';
import { cacheInMount, commandSpan, managerCache, packageCacheRule, type PackageCache } from '../../lint/helpers/package-cache.js';

type Messages = 'left' | 'cleanedLater' | 'cleanCache';

const yarnCache = managerCache<Messages>({
  programs: ['yarn'],
  fills: ['install', 'add'],
  folders: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '${HOME}/.cache/yarn', '/home/node/.cache/yarn', '/root/.yarn/berry/cache', '${HOME}/.yarn/berry/cache'],
  cleans: (command) => {
    const words = programName(command.name) === 'yarn' ? operands(command) : [];
    return words[0]?.value === 'cache' && words[1]?.value === 'clean';
  },
  left: 'left',
  cleanedLater: 'cleanedLater',
  fix: { messageId: 'cleanCache', command: () => 'yarn cache clean', safe: false },
});

/** Options with which plain `yarn` only prints something. */
const INFORMATION = new Set(['--version', '-v', '-V', '--help', '-h']);

/** `yarn` alone installs too, and `yarn global add` installs globally. */
function installsWithoutSubcommand(command: ShellCommand) {
  if (programName(command.name) !== 'yarn') return undefined;
  const words = operands(command);
  if (words.length === 0) return command.args.some((word) => INFORMATION.has(word.value)) ? undefined : commandSpan(command, undefined);
  return words[0].value === 'global' && words[1]?.value === 'add' ? commandSpan(command, words[1]) : undefined;
}

const cache: PackageCache<Messages> = {
  ...yarnCache,
  // Whether the cache is in a mount is asked only of installs: it is the costlier test.
  fills: (command, run) => {
    const span = yarnCache.fills(command, run) ?? installsWithoutSubcommand(command);
    return span && !cacheInMount(command, run, '--cache-folder', ['YARN_CACHE_FOLDER']) ? span : undefined;
  },
};

export default packageCacheRule(
  {
    id: 'yarn-cache-not-cleaned',
    aliases: ['DL3060'],
    category: 'layers',
    severity: 'info',
    fixable: true,
    messages: {
      en: {
        left: '`{command}` keeps every downloaded package in yarn’s cache, and it stays in this layer: run `yarn cache clean` in the same RUN, or mount a cache there.',
        cleanedLater: '`{command}` keeps yarn’s cache in this layer: the RUN on line {line} cleans it, but this layer already holds it. Clean it in this RUN.',
        cleanCache: 'Run yarn cache clean at the end of this RUN',
      },
      'zh-cn': {
        left: '`{command}` 会把下载的每个包都存进 yarn 缓存并留在这一层：请在同一个 RUN 中执行 `yarn cache clean`，或在缓存目录挂载缓存。',
        cleanedLater: '`{command}` 的 yarn 缓存会留在这一层：第 {line} 行的 RUN 虽然清理了它，但这一层里已经有了。请在本 RUN 中清理。',
        cleanCache: '在本 RUN 末尾执行 yarn cache clean',
      },
    },
    docs: {
      en: {
        summary: 'Reports `yarn install` (also plain `yarn`, `yarn add` and `yarn global add`) in a RUN that leaves yarn’s cache in its layer.',
        why: 'A RUN becomes a layer holding every file it wrote, and yarn keeps a copy of every package it downloads in its cache (/usr/local/share/.cache/yarn for root with yarn 1), next to the unpacked node_modules. Nothing in the image reads that cache again, and cleaning it in a later RUN does not shrink the image. Clean it in the same RUN, or mount a cache (or tmpfs) on it (`--cache-folder` or `YARN_CACHE_FOLDER` may point into the mount). Stages whose layers never reach an image are not reported.',
        fix: 'Appends `yarn cache clean` to the end of the RUN, following how its lines continue. Not applied on save: with Yarn 2 or later and Plug’n’Play the cache holds the installed packages themselves.',
      },
      'zh-cn': {
        summary: '报告 RUN 中执行 `yarn install`（以及直接执行 `yarn`、`yarn add`、`yarn global add`）后，yarn 缓存仍留在该层的情况。',
        why: '每个 RUN 都会生成一层，保存它写入的所有文件，而 yarn 会把下载的每个包都复制一份到缓存中（yarn 1 以 root 运行时在 /usr/local/share/.cache/yarn），再加上解压后的 node_modules。镜像里不会再读取这个缓存，在后面的 RUN 中清理也不能减小镜像。应在同一个 RUN 中清理，或在缓存目录挂载 cache（或 tmpfs），也可以用 `--cache-folder` 或 `YARN_CACHE_FOLDER` 指向挂载目录。镜像层不会进入最终镜像的阶段不报告。',
        fix: '在 RUN 末尾追加 `yarn cache clean`，并沿用原有的续行写法。保存时不会自动应用：Yarn 2 及以上版本使用 Plug’n’Play 时，缓存里存的就是已安装的包本身。',
      },
    },
    examples: {
      bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n',
      good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    },
  },
  [cache],
);
