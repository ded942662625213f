import { expandWord } from '../../analysis/expand.js';
import { parseReference } from '../../analysis/image-reference.js';
import { defineRule } from '../../lint/define-rule.js';

/** What BuildKit gives the platform ARGs on an ordinary build: any real platform does for checking a name. */
const PLATFORM_DEFAULTS: Record<string, string> = {
  BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64', BUILDVARIANT: '',
  TARGETPLATFORM: 'linux/amd64', TARGETOS: 'linux', TARGETARCH: 'amd64', TARGETVARIANT: '',
};

export default defineRule({
  meta: {
    id: 'invalid-default-arg-in-from',
    aliases: ['InvalidDefaultArgInFrom'],
    category: 'correctness',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        invalid: 'With the ARG defaults, {image} becomes "{result}", which is not a valid image name.',
        empty: 'With the ARG defaults, {image} becomes an empty image name.',
      },
      'zh-cn': {
        invalid: '按 ARG 的默认值，{image} 会变成 "{result}"，这不是合法的镜像名。',
        empty: '按 ARG 的默认值，{image} 会变成空的镜像名。',
      },
    },
    docs: {
      en: {
        summary: 'Reports a FROM image built from global ARGs whose default values give an empty or invalid image name (`ARG TAG` then `FROM alpine:$TAG`).',
        why: 'A build without `--build-arg` uses the defaults, and then `FROM alpine:$TAG` asks for `alpine:`, which fails, or `FROM $IMAGE` for nothing at all. Give the ARG a default that works (`ARG TAG=3.20`), so the Dockerfile builds as it is and `--build-arg` only overrides.',
      },
      'zh-cn': {
        summary: '报告由全局 ARG 拼成的 FROM 镜像名在使用默认值时为空或不合法的情况（如先写 `ARG TAG`，再写 `FROM alpine:$TAG`）。',
        why: '不带 `--build-arg` 构建时会使用默认值，此时 `FROM alpine:$TAG` 请求的是 `alpine:`，构建直接失败；`FROM $IMAGE` 更是什么都没有。给 ARG 一个可用的默认值（如 `ARG TAG=3.20`），让 Dockerfile 原样就能构建，`--build-arg` 只用来覆盖。',
      },
    },
    examples: {
      bad: 'ARG ALPINE_VERSION\nFROM alpine:${ALPINE_VERSION}\n',
      good: 'ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\n',
    },
  },
  create(context) {
    return {
      FROM(instruction) {
        const image = instruction.from?.image;
        if (!image || !image.value.includes('$')) return;
        // Defaults only, as BuildKit checks it: build arguments do not count.
        const scope = context.variables.scopeAt(instruction.start);
        const lookup = (name: string) => {
          const definition = scope.get(name);
          return definition?.kind === 'builtin' ? PLATFORM_DEFAULTS[name] : definition?.value;
        };
        const result = expandWord(image.value, lookup, context.tree.escapeChar);
        if (result === undefined || parseReference(result).ok) return;
        context.report({ span: image, messageId: result === '' ? 'empty' : 'invalid', data: { image: image.value, result } });
      },
    };
  },
});
