import { operands, programName, type ShellCommand } from '../../analysis/shell/index.js';
import { cacheInMount, managerCache, packageCacheRule, type PackageCache } from '../../lint/helpers/package-cache.js';

type Messages = 'left' | 'cleanedLater' | 'cleanCache';

const INSTALLS = ['install', 'i', 'ci', 'add', 'isntall', 'update', 'up', 'upgrade', 'install-test', 'it', 'install-ci-test', 'cit'];

/** `npm cache clean --force` (or its aliases clear and rm). */
function cleansCache(command: ShellCommand): boolean {
  const words = programName(command.name) === 'npm' ? operands(command) : [];
  return words[0]?.value === 'cache' && ['clean', 'clear', 'rm'].includes(words[1]?.value ?? '');
}

const npmCache = managerCache<Messages>({
  programs: ['npm'],
  fills: INSTALLS,
  folders: ['/root/.npm', '${HOME}/.npm', '/home/node/.npm'],
  cleans: cleansCache,
  left: 'left',
  cleanedLater: 'cleanedLater',
  fix: { messageId: 'cleanCache', command: () => 'npm cache clean --force', safe: true },
});

/** An npm whose cache option or variable points into a mount fills nothing (asked only of installs: it is the costlier test). */
const cache: PackageCache<Messages> = {
  ...npmCache,
  fills: (command, run) => {
    const span = npmCache.fills(command, run);
    return span && !cacheInMount(command, run, '--cache', ['npm_config_cache', 'NPM_CONFIG_CACHE']) ? span : undefined;
  },
};

export default packageCacheRule(
  {
    id: 'npm-cache-not-cleaned',
    aliases: [],
    category: 'layers',
    severity: 'info',
    fixable: true,
    messages: {
      en: {
        left: '`{command}` keeps every downloaded package in npm’s cache (~/.npm), and it stays in this layer: run `npm cache clean --force` in the same RUN, or mount a cache there.',
        cleanedLater: '`{command}` keeps npm’s cache in this layer: the RUN on line {line} cleans it, but this layer already holds it. Clean it in this RUN.',
        cleanCache: 'Run npm cache clean --force at the end of this RUN',
      },
      'zh-cn': {
        left: '`{command}` 会把下载的每个包都存进 npm 缓存（~/.npm）并留在这一层：请在同一个 RUN 中执行 `npm cache clean --force`，或在该目录挂载缓存。',
        cleanedLater: '`{command}` 的 npm 缓存会留在这一层：第 {line} 行的 RUN 虽然清理了它，但这一层里已经有了。请在本 RUN 中清理。',
        cleanCache: '在本 RUN 末尾执行 npm cache clean --force',
      },
    },
    docs: {
      en: {
        summary: 'Reports `npm install`, `npm ci` and `npm update` in a RUN that leaves npm’s download cache in its layer.',
        why: 'A RUN becomes a layer holding every file it wrote, and npm keeps a compressed copy of every package it downloads in ~/.npm, next to the unpacked node_modules: the same dependencies twice. Nothing in the image reads that cache again, and cleaning it in a later RUN does not shrink the image. Clean it in the same RUN, or mount a cache (or tmpfs) on it (`--mount=type=cache,target=/root/.npm`, or `--cache` / `npm_config_cache` pointing into a mount), which also makes rebuilds faster. Stages whose layers never reach an image are not reported.',
        fix: 'Appends `npm cache clean --force` to the end of the RUN, following how its lines continue. Safe: npm downloads again what it needs.',
      },
      'zh-cn': {
        summary: '报告 RUN 中执行 `npm install`、`npm ci` 或 `npm update` 后，npm 下载缓存仍留在该层的情况。',
        why: '每个 RUN 都会生成一层，保存它写入的所有文件，而 npm 会把下载的每个包的压缩副本存进 ~/.npm，再加上解压后的 node_modules，相当于同一批依赖存了两份。镜像里不会再读取这个缓存，在后面的 RUN 中清理也不能减小镜像。应在同一个 RUN 中清理，或在缓存目录上挂载 cache（或 tmpfs），例如 `--mount=type=cache,target=/root/.npm`，或让 `--cache` / `npm_config_cache` 指向挂载目录，这样重新构建也更快。镜像层不会进入最终镜像的阶段不报告。',
        fix: '在 RUN 末尾追加 `npm cache clean --force`，并沿用原有的续行写法。安全：npm 需要时会重新下载。',
      },
    },
    examples: {
      bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n',
      good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev && npm cache clean --force\n',
    },
  },
  [cache],
);
