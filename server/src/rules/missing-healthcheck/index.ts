import { imageStagesWithout } from '../../analysis/stage-references.js';
import { defineRule } from '../../lint/define-rule.js';
import type { Stage } from '../../parser/index.js';

export default defineRule({
  meta: {
    id: 'missing-healthcheck',
    aliases: ['DL3057'],
    category: 'maintainability',
    severity: 'info',
    defaultOff: true,
    messages: {
      en: {
        missing: 'This stage’s image has no HEALTHCHECK; add one, or HEALTHCHECK NONE to say it needs none.',
      },
      'zh-cn': {
        missing: '此阶段的镜像没有 HEALTHCHECK；请添加一个，或用 HEALTHCHECK NONE 表明不需要。',
      },
    },
    docs: {
      en: {
        summary: 'Reports stages whose image has no HEALTHCHECK (off by default, as in hadolint).',
        why: 'Without a health check, Docker and Swarm only know whether the main process is running, not whether it still answers, so a hung service is never restarted. Many images leave health to the orchestrator (Kubernetes ignores HEALTHCHECK), which is why the rule is off unless configured. HEALTHCHECK NONE records that decision; stages used only as building blocks are not reported, and a HEALTHCHECK in a stage built on counts.',
      },
      'zh-cn': {
        summary: '报告镜像中没有 HEALTHCHECK 的阶段（与 hadolint 一样默认关闭）。',
        why: '没有健康检查时，Docker 和 Swarm 只知道主进程是否还在运行，却不知道它是否还能响应，服务卡死了也不会被重启。很多镜像把健康检查交给编排系统（Kubernetes 会忽略 HEALTHCHECK），因此本规则默认关闭，需要在配置中开启。HEALTHCHECK NONE 可以明确记录“不需要”的决定；仅作为构建基础的阶段不会被报告，所基于阶段中的 HEALTHCHECK 也算数。',
      },
    },
    examples: {
      bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n',
      good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n',
    },
  },
  create(context) {
    const withHealthcheck = new Set<Stage>();
    return {
      HEALTHCHECK(_instruction, stage, onbuild) {
        if (stage && !onbuild) withHealthcheck.add(stage);
      },
      end() {
        for (const stage of imageStagesWithout(context.tree, (candidate) => withHealthcheck.has(candidate))) {
          context.report({ span: stage.from.keywordToken, messageId: 'missing' });
        }
      },
    };
  },
});
