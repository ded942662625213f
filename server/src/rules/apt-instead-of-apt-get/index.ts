import { programName, subcommand } from '../../analysis/shell/index.js';
import { defineRule } from '../../lint/define-rule.js';
import { replace } from '../../lint/helpers/edits.js';
import { runScripts } from '../../lint/helpers/run-scripts.js';

/** Subcommands that apt-get runs the same way (`upgrade` differs: apt's also installs new dependencies). */
const APT_GET = new Set(['install', 'remove', 'purge', 'update', 'autoremove', 'clean', 'autoclean', 'dist-upgrade', 'build-dep', 'source', 'download', 'changelog', 'satisfy']);
/** Queries that apt-cache answers. */
const APT_CACHE = new Set(['search', 'show', 'policy', 'showsrc', 'depends', 'rdepends']);

export default defineRule({
  meta: {
    id: 'apt-instead-of-apt-get',
    aliases: ['DL3027'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        apt: '`apt` is made for people at a terminal, and its interface may change between releases: use `apt-get` (or `apt-cache` for queries) in scripts.',
        useAptGet: 'Replace apt with apt-get',
        useAptCache: 'Replace apt with apt-cache',
      },
      'zh-cn': {
        apt: '`apt` 是为终端前的用户设计的，其命令行接口在不同版本之间可能变化：脚本中请使用 `apt-get`（查询则用 `apt-cache`）。',
        useAptGet: '将 apt 替换为 apt-get',
        useAptCache: '将 apt 替换为 apt-cache',
      },
    },
    docs: {
      en: {
        summary: 'Reports `apt` commands in RUN scripts.',
        why: '`apt` is the interactive front end: progress bars, colours, and a command line its authors keep free to change ("apt does not have a stable CLI interface", it warns when its output is not a terminal). `apt-get` and `apt-cache` are the stable interfaces meant for scripts, and what the rest of the tooling (hadolint, the cache and pinning rules) reads.',
        fix: 'Replaces `apt` with `apt-get` for subcommands apt-get runs the same way (install, remove, update, ...) and with `apt-cache` for queries (search, show, policy); `apt upgrade` and `apt list` have no exact counterpart and get no fix. Not applied on save: apt removes the downloaded .deb files after installing, apt-get keeps them in /var/cache/apt unless the image cleans them (Debian and Ubuntu images do), so the layer can grow.',
      },
      'zh-cn': {
        summary: '报告 RUN 脚本中的 `apt` 命令。',
        why: '`apt` 是交互式前端：有进度条、有颜色，其命令行接口开发者也保留随时修改的权利（输出不是终端时它会警告“apt does not have a stable CLI interface”）。`apt-get` 和 `apt-cache` 才是面向脚本的稳定接口，其他工具（hadolint、缓存与版本固定相关的规则）读取的也是它们。',
        fix: '对于 apt-get 行为相同的子命令（install、remove、update 等），把 `apt` 替换为 `apt-get`；查询类子命令（search、show、policy）替换为 `apt-cache`；`apt upgrade` 和 `apt list` 没有完全对应的命令，不提供修复。保存时不会自动应用：apt 安装后会删除下载的 .deb 文件，而 apt-get 会把它们留在 /var/cache/apt（除非镜像自行清理，Debian 和 Ubuntu 官方镜像会清理），镜像层可能因此变大。',
      },
    },
    examples: {
      bad: 'FROM ubuntu:24.04\nRUN apt update && apt install -y --no-install-recommends curl=8.5.0-2ubuntu10.6\n',
      good: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.6\n',
    },
  },
  create(context) {
    return {
      RUN: runScripts(context, ({ commands }) => {
        for (const command of commands) {
          if (programName(command.name) !== 'apt') continue;
          const action = subcommand(command)?.value ?? '';
          const replacement = APT_GET.has(action) ? 'apt-get' : APT_CACHE.has(action) ? 'apt-cache' : undefined;
          // Keep a path (`/usr/bin/apt`) and change only the program's name.
          const name = { start: command.nameWord.end - 'apt'.length, end: command.nameWord.end };
          const fixes = replacement && command.nameWord.raw.endsWith('apt') ? [{ messageId: replacement === 'apt-get' ? 'useAptGet' : 'useAptCache', edits: [replace(name, replacement)], safe: false }] : [];
          context.report({ span: command.nameWord, messageId: 'apt', fixes });
        }
      }),
    };
  },
});
