import { findFlags, programName, type OptionSpec, type ShellCommand } from '../../analysis/shell/index.js';
import { ancestorStages } from '../../analysis/stages.js';
import type { DockerfileTree, Stage } from '../../parser/index.js';
import { commandRule } from '../../lint/helpers/command-rule.js';

/** GNU wget's value-taking options, so that a value is not read as options. */
const WGET_OPTIONS: OptionSpec = {
  valueOptions: ['-O', '-o', '-a', '-P', '-t', '-T', '-U', '-e', '-i', '-B', '-w', '-Q', '-l', '-A', '-R', '-D', '-I', '-X', '--output-document', '--output-file', '--append-output', '--directory-prefix', '--tries', '--timeout', '--user-agent', '--header', '--user', '--password', '--progress', '--execute', '--input-file', '--base', '--wait', '--quota', '--level', '--accept', '--reject', '--domains', '--post-data', '--post-file', '--ca-certificate', '--certificate', '--private-key', '--referer', '--load-cookies', '--save-cookies'],
};

/** Options that keep the progress display out of the build log: a progress style, quiet or terse output, or a log file. */
const LOG_OPTIONS = ['--progress', '-q', '--quiet', '--no-verbose', '-o', '--output-file', '-a', '--append-output'];

function showsProgress(command: ShellCommand): boolean {
  if (findFlags(command, LOG_OPTIONS, WGET_OPTIONS).length > 0) return false;
  if (command.args.some((word) => word.value === '-nv')) return false;
  // Its messages go to stderr: sent elsewhere, they are not in the log.
  return !command.redirects.some((redirect) => (redirect.descriptor === 2 && redirect.operator.startsWith('>')) || redirect.operator.startsWith('&>'));
}

/** Alpine and BusyBox images run BusyBox's wget, which knows no `--progress`. */
function runsBusyboxWget(tree: DockerfileTree, stage: Stage | undefined): boolean {
  if (!stage) return false;
  return [stage, ...ancestorStages(tree, stage)].some((candidate) => /alpine|busybox/i.test(candidate.from.from?.image.value ?? ''));
}

export default commandRule(
  {
    id: 'wget-without-progress',
    aliases: ['DL3047'],
    category: 'maintainability',
    severity: 'info',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        progress: '`wget` without `--progress` fills the build log with progress lines: add `--progress=dot:giga`, `-nv` or `-q` (BusyBox’s wget knows only `-q`).',
        addProgress: 'Add --progress=dot:giga',
      },
      'zh-cn': {
        progress: '不带 `--progress` 的 `wget` 会在构建日志里刷满进度行：请加上 `--progress=dot:giga`、`-nv` 或 `-q`（BusyBox 的 wget 只认识 `-q`）。',
        addProgress: '添加 --progress=dot:giga',
      },
    },
    docs: {
      en: {
        summary: 'Reports `wget` run without `--progress`, `-q`, `-nv` or a log file (`-o`, `-a`).',
        why: 'A build gives wget no terminal, so it falls back to its dot display: a line of dots for every few dozen kilobytes. Downloading a large archive writes thousands of such lines into the build log, burying the lines that matter and slowing down CI log viewers. `--progress=dot:giga` prints a dot per megabyte; `-nv` prints one line per file and still shows errors; `-q` prints nothing. A wget whose stderr is redirected is not reported.',
        fix: 'Adds `--progress=dot:giga` after `wget`. Not applied on save: BusyBox’s wget (Alpine and BusyBox images) rejects the option, and a base image can install either wget; so the fix is not offered at all in stages built on an Alpine or BusyBox image, where `-q` is the portable choice.',
      },
      'zh-cn': {
        summary: '报告没有加 `--progress`、`-q`、`-nv` 或日志文件选项（`-o`、`-a`）的 `wget`。',
        why: '构建时 wget 没有终端，会退回点状进度显示：每下载几十 KB 就打印一行点。下载一个大文件会往构建日志里写入成千上万行，淹没真正重要的信息，也会拖慢 CI 的日志查看。`--progress=dot:giga` 每 1 MB 才打印一个点；`-nv` 每个文件只输出一行，错误仍会显示；`-q` 什么都不输出。stderr 已被重定向的 wget 不报告。',
        fix: '在 `wget` 后加上 `--progress=dot:giga`。保存时不会自动应用：BusyBox 的 wget（Alpine 和 BusyBox 镜像）不认识这个选项，而基础镜像里装的是哪种 wget 并不确定；因此基于 Alpine 或 BusyBox 镜像的阶段不提供此修复，这时通用的写法是 `-q`。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN wget https://example.com/archive.tar.gz\n',
      good: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/archive.tar.gz\n',
    },
  },
  {
    find: (command) => (programName(command.name) === 'wget' && showsProgress(command) ? command.nameWord : undefined),
    messageId: 'progress',
    fix: {
      messageId: 'addProgress',
      flag: '--progress=dot:giga',
      safe: false,
      after: (command, _word, run) => (runsBusyboxWget(run.tree, run.stage) ? undefined : command.nameWord),
    },
  },
);
