import { parseInstructionScript, programName, unwrapCommand, type ShellCommand } from '../../analysis/shell/index.js';
import type { Instruction, Span } from '../../parser/index.js';
import { defineRule } from '../../lint/define-rule.js';
import { commandEnd } from '../../lint/helpers/shell-edits.js';

const STARTS = new Set(['start', 'restart']);

/** `service x start`, `systemctl start x`, `/etc/init.d/x start`, `rc-service x start`, `apachectl start`: each returns once the daemon runs in the background. */
function startsDaemon(path: string, args: readonly string[]): boolean {
  const name = programName(path);
  if (name === 'service' || name === 'rc-service') return STARTS.has(args[1] ?? '');
  if (name === 'systemctl') return args.some((arg) => STARTS.has(arg));
  if (name === 'apachectl' || name === 'apache2ctl') return args[0] === 'start';
  return /^\/etc\/(rc\.d\/)?init\.d\//.test(path) && STARTS.has(args[0] ?? '');
}

/** The command the shell runs last at the top level: when it returns, the shell (PID 1) exits. */
function lastTopLevel(commands: ShellCommand[]): ShellCommand | undefined {
  const topLevel = commands.filter((command) => command.within.length === 0);
  return topLevel.reduce<ShellCommand | undefined>((last, command) => (!last || command.start > last.start ? command : last), undefined);
}

export default defineRule({
  meta: {
    id: 'foreground-process',
    aliases: [],
    category: 'correctness',
    severity: 'warning',
    fixable: false,
    messages: {
      en: {
        daemon: '`{command}` starts the service in the background and returns, and the container stops when its main process ends: run the server in the foreground instead.',
        background: '`{command}` runs in the background, so the shell ends at once and the container stops with it: run the process in the foreground.',
      },
      'zh-cn': {
        daemon: '`{command}` 会在后台启动服务后立即返回，而主进程一结束容器就会停止：请改为在前台运行服务。',
        background: '`{command}` 在后台运行，shell 会立即结束，容器也随之停止：请在前台运行该进程。',
      },
    },
    docs: {
      en: {
        summary: 'Reports a CMD or ENTRYPOINT whose last command starts a daemon and returns (`service x start`, `systemctl start x`, `/etc/init.d/x start`, `apachectl start`) or runs in the background (`cmd &`, `nohup cmd &`).',
        why: 'A container lives as long as its main process, PID 1. When the command the image starts with puts the real work in the background and returns, PID 1 exits and the container stops right away, or a wrapper keeps it alive while nothing watches the service and signals never reach it. Run the server in the foreground (`nginx -g "daemon off;"`, `apache2ctl -D FOREGROUND`, `php-fpm -F`), with `exec` so that it receives the stop signal. systemd does not run in a plain container, so `systemctl` does not start anything at all. A CMD is not checked when the stage has an ENTRYPOINT, which receives the CMD as arguments.',
      },
      'zh-cn': {
        summary: '报告 CMD 或 ENTRYPOINT 的最后一个命令在后台启动守护进程后立即返回（`service x start`、`systemctl start x`、`/etc/init.d/x start`、`apachectl start`），或在后台运行（`cmd &`、`nohup cmd &`）的情况。',
        why: '容器的生命周期取决于主进程 PID 1。如果镜像的启动命令把真正的工作放到后台然后返回，PID 1 就会退出，容器随即停止；或者即便有包装脚本让容器继续存活，也没有进程在看管这个服务，信号也传不到它。请在前台运行服务（`nginx -g "daemon off;"`、`apache2ctl -D FOREGROUND`、`php-fpm -F`），并配合 `exec` 让它能收到停止信号。普通容器中不运行 systemd，所以 `systemctl` 根本启动不了任何东西。阶段中有 ENTRYPOINT 时不检查 CMD，因为 CMD 只是传给 ENTRYPOINT 的参数。',
      },
    },
    examples: {
      bad: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y nginx && rm -rf /var/lib/apt/lists/*\nCMD service nginx start\n',
      good: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y nginx && rm -rf /var/lib/apt/lists/*\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
  },
  create(context) {
    let hasEntrypoint = false;
    const check = (instruction: Instruction, owner: Instruction) => {
      const exec = instruction.exec?.elements;
      const script = parseInstructionScript(context.tree, owner);
      if (exec && !script) {
        if (exec.length > 0 && startsDaemon(exec[0].value, exec.slice(1).map((element) => element.value))) {
          report({ start: exec[0].start, end: exec[exec.length - 1].end }, 'daemon');
        }
        return;
      }
      if (!script || script.hasErrors) return;
      const last = lastTopLevel(script.commands);
      if (!last) return;
      const command = unwrapCommand(last);
      const span = { start: last.nameWord.start, end: commandEnd(last) };
      if (last.next === '&') report(span, 'background');
      else if (startsDaemon(command.name, command.args.map((word) => word.value))) report(span, 'daemon');
    };
    const report = (span: Span, messageId: 'daemon' | 'background') => {
      context.report({ span, messageId, data: { command: context.text.slice(span.start, span.end) } });
    };
    return {
      stage(stage) {
        hasEntrypoint = stage.instructions.some((instruction) => instruction.keyword === 'ENTRYPOINT');
      },
      ENTRYPOINT(instruction, _stage, onbuild) {
        check(instruction, onbuild ?? instruction);
      },
      CMD(instruction, _stage, onbuild) {
        if (!hasEntrypoint || onbuild) check(instruction, onbuild ?? instruction);
      },
    };
  },
});
