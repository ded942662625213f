import { defineRule } from '../../lint/define-rule.js';
import type { Instruction } from '../../parser/index.js';

/** BuildKit's words: a whole `_`-separated part of the name (`GITHUB_TOKEN`, `api_key`, `AUTH`). */
const SECRET = /(?:_|^)(?:apikey|auth|credentials?|key|password|pword|passwd|secret|token)(?:_|$)/i;
/**
 * Parts that make a name harmless all the same: BuildKit's `PUBLIC_KEY`, `PASSWORD_FILE`, `AUTH_VERSION`,
 * and `GPG_KEY`, the public key id official images verify downloads with.
 */
const HARMLESS = /(?:_|^)(?:public|file|version|gpg_keys?)(?:_|$)/i;

export default defineRule({
  meta: {
    id: 'secrets-in-arg-or-env',
    aliases: ['SecretsUsedInArgOrEnv', 'DL3064'],
    category: 'security',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        secret: '{keyword} {name} looks like a secret; ARG and ENV values stay readable in the image and its history.',
      },
      'zh-cn': {
        secret: '{keyword} {name} 看起来是敏感信息；ARG 和 ENV 的值会留在镜像及其历史记录中，任何人都能读到。',
      },
    },
    docs: {
      en: {
        summary: 'Reports ARG and ENV names that look like secrets (a `_`-separated part such as `PASSWORD`, `TOKEN`, `SECRET`, `KEY`, `AUTH`, `APIKEY`, `CREDENTIALS`).',
        why: 'ENV values are stored in the image config, and ARG values in the build history and provenance, where anyone who can pull the image can read them. Pass secrets with `RUN --mount=type=secret` or `--mount=type=ssh` instead: they are never written to a layer. Names with `PUBLIC`, `FILE` or `VERSION` as a part (`PUBLIC_KEY`, `PASSWORD_FILE`) are not reported, nor `GPG_KEY`, which names the public key a download is verified with.',
      },
      'zh-cn': {
        summary: '报告名称看起来像敏感信息的 ARG 和 ENV（以 `_` 分隔的某一段为 `PASSWORD`、`TOKEN`、`SECRET`、`KEY`、`AUTH`、`APIKEY`、`CREDENTIALS` 等）。',
        why: 'ENV 的值保存在镜像配置中，ARG 的值保存在构建历史和来源证明里，能拉取镜像的人都可以读到。敏感信息应改用 `RUN --mount=type=secret` 或 `--mount=type=ssh` 传入，它们不会写进任何镜像层。名称中某一段为 `PUBLIC`、`FILE` 或 `VERSION` 的（如 `PUBLIC_KEY`、`PASSWORD_FILE`）不会被报告；`GPG_KEY` 也不会，它指的是用来校验下载文件的公钥。',
      },
    },
    examples: {
      bad: 'FROM node:22-alpine\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > ~/.npmrc && npm ci\n',
      good: 'FROM node:22-alpine\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n',
    },
  },
  create(context) {
    const check = (instruction: Instruction) => {
      for (const pair of instruction.pairs ?? []) {
        const name = pair.key.value;
        if (SECRET.test(name) && !HARMLESS.test(name)) {
          context.report({ span: pair.key, messageId: 'secret', data: { keyword: instruction.keyword, name } });
        }
      }
    };
    return { ARG: check, ENV: check };
  },
});
