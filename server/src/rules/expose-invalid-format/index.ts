import { exposedPorts } from '../../analysis/exposed-ports.js';
import { defineRule } from '../../lint/define-rule.js';
import { replace } from '../../lint/helpers/edits.js';
import type { Fix } from '../../lint/types.js';

export default defineRule({
  meta: {
    id: 'expose-invalid-format',
    aliases: ['ExposeInvalidFormat'],
    category: 'correctness',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        mapping: "EXPOSE takes a container port, not an IP address or host-port mapping: '{port}'.",
        keepContainerPort: "Keep the container port '{fixed}'",
      },
      'zh-cn': {
        mapping: "EXPOSE 只接受容器端口，不能写 IP 地址或主机端口映射：'{port}'。",
        keepContainerPort: "只保留容器端口 '{fixed}'",
      },
    },
    docs: {
      en: {
        summary: 'Reports an EXPOSE port written with an IP address or a host port (`127.0.0.1:80:80`, `8080:80`).',
        why: 'EXPOSE only documents which ports the container listens on; publishing a port on the host is decided by `docker run -p`. BuildKit keeps the container port and drops the rest, so the address and host port in the Dockerfile do nothing but mislead, and BuildKit plans to reject them.',
        fix: 'Keeps only the container port and protocol (`127.0.0.1:80:80/udp` becomes `80/udp`). Safe: the image records the same exposed port.',
      },
      'zh-cn': {
        summary: '报告带有 IP 地址或主机端口的 EXPOSE 端口（如 `127.0.0.1:80:80`、`8080:80`）。',
        why: 'EXPOSE 只用来说明容器监听哪些端口；是否映射到主机端口由 `docker run -p` 决定。BuildKit 只保留容器端口，其余部分直接丢弃，所以写在 Dockerfile 里的地址和主机端口不起任何作用，只会误导读者，BuildKit 也计划以后把它当作错误。',
        fix: '只保留容器端口和协议（`127.0.0.1:80:80/udp` 改为 `80/udp`）。安全：镜像中记录的暴露端口不变。',
      },
    },
    examples: {
      bad: 'FROM nginx:1.27\nEXPOSE 8080:80\n',
      good: 'FROM nginx:1.27\nEXPOSE 80\n',
    },
  },
  create(context) {
    return {
      EXPOSE(instruction) {
        for (const { word, value, literal, slash } of exposedPorts(instruction, context.variables, context.tree.escapeChar)) {
          const port = slash < 0 ? value : value.slice(0, slash);
          if (!port.includes(':')) continue;
          const fixed = port.slice(port.lastIndexOf(':') + 1) + (slash < 0 ? '' : value.slice(slash));
          const fixes: Fix[] = literal && fixed !== '' ? [{ messageId: 'keepContainerPort', data: { fixed }, edits: [replace(word, fixed)], safe: true }] : [];
          context.report({ span: word, messageId: 'mapping', data: { port: value }, fixes });
        }
      },
    };
  },
});
