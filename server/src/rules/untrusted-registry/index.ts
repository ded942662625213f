import { unquote } from '../../analysis/expand.js';
import { fromImageText } from '../../analysis/from-image.js';
import { wildcardMatches } from '../../analysis/glob.js';
import { isDockerHub, splitReference } from '../../analysis/image-reference.js';
import { knownValueAt } from '../../analysis/known-value.js';
import { earlierStage } from '../../analysis/stage-references.js';
import { defineRule } from '../../lint/define-rule.js';
import type { Span } from '../../parser/index.js';

const HUB_NAMES = ['docker.io', 'hub.docker.com', 'index.docker.io', 'registry-1.docker.io'];

/** `*` alone allows every registry; elsewhere it stands for any run of characters (`*.gcr.io`). */
function matcher(patterns: string[]): (registry: string) => boolean {
  const lowered = patterns.map((pattern) => pattern.toLowerCase());
  return (registry) => lowered.some((pattern) => wildcardMatches(pattern, registry.toLowerCase()));
}

export default defineRule({
  meta: {
    id: 'untrusted-registry',
    aliases: ['DL3026'],
    category: 'security',
    severity: 'error',
    messages: {
      en: {
        untrusted: '{image} comes from {registry}, which is not among the trusted registries ({trusted}).',
      },
      'zh-cn': {
        untrusted: '{image} 来自 {registry}，不在受信任的镜像仓库列表（{trusted}）中。',
      },
    },
    docs: {
      en: {
        summary: 'Reports images pulled from a registry outside the configured `trustedRegistries` (FROM, COPY --from, RUN --mount from=).',
        why: 'Everything in a base image ends up in yours, and so does whatever COPY --from takes from an image. Teams that mirror or vet images keep a list of registries they trust; an image from anywhere else skips that review. Images without a registry come from Docker Hub, which counts as `docker.io`. The rule does nothing until `trustedRegistries` is set.',
      },
      'zh-cn': {
        summary: '报告从配置项 `trustedRegistries` 之外的镜像仓库拉取的镜像（FROM、COPY --from、RUN --mount from=）。',
        why: '基础镜像里的所有内容都会进入你的镜像，COPY --from 从镜像中取出的文件也一样。对镜像做镜像同步或安全审查的团队会维护一份受信任仓库列表，其他来源的镜像就绕过了审查。不写仓库地址的镜像来自 Docker Hub，按 `docker.io` 计算。未设置 `trustedRegistries` 时本规则不检查任何内容。',
      },
    },
    examples: {
      bad: 'FROM quay.io/prometheus/busybox:latest\nCOPY --from=ghcr.io/acme/tools:1.2 /bin/tool /bin/\n',
      good: 'FROM registry.example.com/base/busybox:1.36\nCOPY --from=registry.example.com/acme/tools:1.2 /bin/tool /bin/\n',
      settings: { trustedRegistries: ['registry.example.com'] },
    },
  },
  create(context) {
    const trusted = context.settings.trustedRegistries ?? [];
    if (trusted.length === 0) return {};
    const allowed = matcher(trusted);
    const hubAllowed = HUB_NAMES.some(allowed);
    const escape = context.tree.escapeChar;

    const check = (image: string, span: Span) => {
      if (!image || image.toLowerCase() === 'scratch') return;
      const reference = splitReference(image);
      const hub = isDockerHub(reference);
      if (hub ? hubAllowed : allowed(reference.domain!)) return;
      context.report({ span, messageId: 'untrusted', data: { image, registry: hub ? 'docker.io' : reference.domain!, trusted: trusted.join(', ') } });
    };
    /** A --from value names an image only when it names no stage (earlier, later or its own). */
    const checkSource = (raw: string, span: Span, offset: number) => {
      const source = knownValueAt(raw, offset, context.variables, escape);
      if (source === undefined || /^\d+$/.test(source) || earlierStage(context.tree, source, context.tree.stages.length)) return;
      check(source, span);
    };

    return {
      FROM(instruction, stage) {
        const image = instruction.from?.image;
        if (!image || !stage) return;
        if (earlierStage(context.tree, unquote(image.value, escape), stage.index)) return;
        const text = fromImageText(instruction, context.variables, escape);
        if (text !== undefined && !earlierStage(context.tree, text, stage.index)) check(text, image);
      },
      COPY(instruction) {
        const flag = instruction.flags.find((candidate) => candidate.name === 'from');
        if (flag?.value) checkSource(flag.value.value, flag.value, instruction.start);
      },
      RUN(instruction) {
        for (const flag of instruction.flags) {
          if (flag.name !== 'mount') continue;
          for (const option of flag.options ?? []) {
            if (option.key.value === 'from' && option.value) checkSource(option.value.value, option.value, instruction.start);
          }
        }
      },
    };
  },
});
