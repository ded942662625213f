import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    // hadolint's DL3019 cases that pass
    'RUN apk add --no-cache flex=2.6.4-r1\n',
    'ONBUILD RUN apk add --no-cache flex=2.6.4-r1\n',
    'RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0\n',
    'ONBUILD RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0\n',
    'RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0\n',
    'RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0\n',
    // ours
    { code: 'FROM alpine\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n', note: 'the index is removed in the same RUN' },
    { code: 'FROM alpine\nRUN apk add curl && apk cache clean\n', note: 'apk cleans its own cache' },
    { code: 'FROM alpine AS build\nRUN apk add gcc\nFROM scratch\nCOPY --from=build /out /out\n', note: 'a stage only copied from' },
    { code: 'FROM alpine\nRUN apk --no-cache add curl\n', note: 'the flag before the subcommand' },
  ],
  invalid: [
    // hadolint's DL3019 cases that fire
    { code: 'RUN apk add flex=2.6.4-r1\n', findings: ['apk add'], output: 'RUN apk add --no-cache flex=2.6.4-r1\n' },
    { code: 'ONBUILD RUN apk add flex=2.6.4-r1\n', findings: ['apk add'], output: 'ONBUILD RUN apk add --no-cache flex=2.6.4-r1\n' },
    {
      code: 'RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0\n',
      findings: ['apk add'],
      output: 'RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0\n',
    },
    {
      code: 'ONBUILD RUN --mount=type=tmpfs,target=/var/cache/foo apk add -U curl=7.77.0\n',
      findings: ['apk add'],
      output: 'ONBUILD RUN --mount=type=tmpfs,target=/var/cache/foo apk add --no-cache -U curl=7.77.0\n',
    },
    // ours
    {
      code: 'FROM alpine\nRUN apk add --virtual .build gcc \\\n && sudo apk add musl-dev\n',
      findings: ['apk add', 'apk add'],
      output: 'FROM alpine\nRUN apk add --no-cache --virtual .build gcc \\\n && sudo apk add --no-cache musl-dev\n',
      note: 'every apk add gets its own fix',
    },
    {
      code: 'FROM alpine\nRUN apk add curl\nRUN rm -rf /var/cache/apk/*\n',
      findings: [{ text: 'apk add', messageId: 'addCleanedLater' }],
      output: 'FROM alpine\nRUN apk add --no-cache curl\nRUN rm -rf /var/cache/apk/*\n',
      note: 'removing the index in a later RUN leaves it in this layer',
    },
    {
      code: 'FROM alpine\nRUN apk upgrade\n',
      findings: ['apk upgrade'],
      output: 'FROM alpine\nRUN apk upgrade --no-cache\n',
    },
    {
      code: 'FROM alpine\nRUN apk update && apk add --no-cache curl\n',
      findings: [{ text: 'apk update', messageId: 'updateLeft' }],
      note: 'apk update keeps the index even when apk add does not',
    },
  ],
});
