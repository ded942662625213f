import { programName } from '../../analysis/shell/index.js';
import { commandRule } from '../../lint/helpers/command-rule.js';

/** Commands for an interactive session or a running system, which a build step has neither of. */
const POINTLESS = new Set(['ssh', 'vim', 'nano', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig']);

export default commandRule(
  {
    id: 'pointless-container-command',
    aliases: ['DL3001'],
    category: 'correctness',
    severity: 'info',
    scope: 'instruction',
    messages: {
      en: {
        pointless: '`{command}` makes little sense in a build step: there is no terminal, no running system and no service manager, and its effect does not outlive this RUN.',
      },
      'zh-cn': {
        pointless: '在构建步骤中运行 `{command}` 没有什么意义：这里没有终端、没有运行中的系统、也没有服务管理器，它的效果也留不到这个 RUN 之后。',
      },
    },
    docs: {
      en: {
        summary: 'Reports commands in RUN that need a terminal or a running system: ssh, vim, nano, shutdown, service, ps, free, top, kill, mount, ifconfig.',
        why: 'A RUN executes once, at build time, without a terminal, in a throwaway container whose processes stop when the step ends; only its files are kept. An editor waits for input that never comes, `service x start` starts something that is gone before the next instruction, `mount` and `ifconfig` change nothing that reaches the image, and `ps`, `free` or `top` describe the build machine, not the container that will run. Put what must happen when the container starts in CMD or ENTRYPOINT, and use the Dockerfile (COPY, sed, a heredoc) rather than an editor.',
      },
      'zh-cn': {
        summary: '报告 RUN 中需要终端或运行中系统的命令：ssh、vim、nano、shutdown、service、ps、free、top、kill、mount、ifconfig。',
        why: 'RUN 只在构建时执行一次，没有终端，运行在一个用完即弃的容器里，步骤结束时其中的进程都会停止，只有文件会保留下来。编辑器会一直等待永远不会到来的输入；`service x start` 启动的东西在下一条指令之前就没了；`mount` 和 `ifconfig` 的改动不会进入镜像；`ps`、`free`、`top` 反映的是构建机，而不是将来运行的容器。容器启动时才需要做的事请放到 CMD 或 ENTRYPOINT 中；修改文件请用 Dockerfile 本身（COPY、sed、heredoc），而不是编辑器。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN service nginx start\n',
      good: 'FROM debian:12-slim\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
  },
  {
    find: (command) => (POINTLESS.has(programName(command.name)) ? command.nameWord : undefined),
    messageId: 'pointless',
  },
);
