import { isPip, pipInstall } from '../../analysis/package-managers.js';
import { operands, type ShellCommand } from '../../analysis/shell/index.js';
import { cacheInMount, commandSpan, flagFix, packageCacheRule, type CheckedRun } from '../../lint/helpers/package-cache.js';

/** What pip accepts as a boolean: any of them, false ones included, turns the cache off (pip keeps this for backward compatibility). */
const BOOLEANS = new Set(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no', 'y', 'n', 't', 'f']);

const setsNoCacheDir = (text: string) => {
  const match = /^PIP_NO_CACHE_DIR=(.*)$/.exec(text);
  return match !== null && BOOLEANS.has(match[1].toLowerCase());
};

/** pip reads PIP_NO_CACHE_DIR (set to any boolean) from an ENV, from `PIP_NO_CACHE_DIR=1 pip ...`, or from an `export` earlier in the script. */
function cacheTurnedOff(command: ShellCommand, run: CheckedRun): boolean {
  const env = run.env('PIP_NO_CACHE_DIR');
  if (env !== undefined && BOOLEANS.has(env.toLowerCase())) return true;
  if (command.assignments.some((assignment) => setsNoCacheDir(`${assignment.name}=${assignment.value?.value ?? ''}`))) return true;
  return run.commands.some((other) => other.start < command.start && other.args.some((word) => setsNoCacheDir(word.value)));
}

function keepsCache(pip: ShellCommand, run: CheckedRun): boolean {
  return !pip.args.some((word) => word.value.startsWith('--no-cache-dir')) && !cacheInMount(pip, run, '--cache-dir', ['PIP_CACHE_DIR']);
}

export default packageCacheRule(
  {
    id: 'pip-cache',
    aliases: ['DL3042'],
    category: 'layers',
    severity: 'warning',
    fixable: true,
    messages: {
      en: {
        left: '`{command}` keeps the downloaded packages in pip’s cache (~/.cache/pip), and they stay in this layer: add --no-cache-dir.',
        cleanedLater: '`{command}` keeps the downloaded packages in this layer: the RUN on line {line} removes pip’s cache, but this layer already holds it. Add --no-cache-dir.',
        noCacheDir: 'Add --no-cache-dir',
      },
      'zh-cn': {
        left: '`{command}` 会把下载的软件包保存在 pip 缓存（~/.cache/pip）中并留在这一层：请添加 --no-cache-dir。',
        cleanedLater: '`{command}` 下载的软件包会留在这一层：第 {line} 行的 RUN 虽然删除了 pip 缓存，但这一层里已经有了。请添加 --no-cache-dir。',
        noCacheDir: '添加 --no-cache-dir',
      },
    },
    docs: {
      en: {
        summary: 'Reports `pip install` (also `python -m pip install`) without `--no-cache-dir` in a RUN that leaves pip’s cache in its layer.',
        why: 'A RUN becomes a layer holding every file it wrote, and pip keeps every wheel and source archive it downloads in ~/.cache/pip, often as large as the installed packages themselves. Nothing in the image uses that cache again, and removing it in a later RUN does not shrink the image. `--no-cache-dir`, `PIP_NO_CACHE_DIR=1` (as ENV or for the RUN) (pip reads any boolean there, even 0 or false, as “no cache”), or a cache or tmpfs mount on the cache folder keep it out of the layer. Stages whose layers never reach an image are not reported.',
        fix: 'Adds `--no-cache-dir` after `install`. Safe: the same packages are installed.',
      },
      'zh-cn': {
        summary: '报告 RUN 中没有加 `--no-cache-dir` 的 `pip install`（以及 `python -m pip install`），它们会让 pip 缓存留在该层。',
        why: '每个 RUN 都会生成一层，保存它写入的所有文件，而 pip 会把下载的每个 wheel 和源码包都存到 ~/.cache/pip，体积往往和装好的包本身差不多。镜像里不会再用到这个缓存，在后面的 RUN 中删除也不能减小镜像。使用 `--no-cache-dir`、`PIP_NO_CACHE_DIR=1`（写在 ENV 中或只对该 RUN 生效；pip 对任何布尔值都按“不缓存”处理，即使是 0 或 false），或在缓存目录上挂载 cache 或 tmpfs，都能让它不进入镜像层。镜像层不会进入最终镜像的阶段不报告。',
        fix: '在 `install` 后添加 `--no-cache-dir`。安全：安装的软件包不变。',
      },
    },
    examples: {
      bad: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      good: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
    },
  },
  [
    {
      fills: (command, run) => {
        const found = pipInstall(command);
        if (!found || !keepsCache(found.pip, run) || cacheTurnedOff(command, run)) return undefined;
        return commandSpan(command, found.install);
      },
      folders: ['/root/.cache/pip', '${HOME}/.cache/pip'],
      cleans: (command) => {
        const found = isPip(command) ? operands(command) : [];
        return found[0]?.value === 'cache' && found[1]?.value === 'purge';
      },
      left: 'left',
      cleanedLater: 'cleanedLater',
      fix: (filler) => {
        const found = pipInstall(filler);
        return found && flagFix('noCacheDir', found.install, '--no-cache-dir', true);
      },
      eachCommand: true,
    },
  ],
);
