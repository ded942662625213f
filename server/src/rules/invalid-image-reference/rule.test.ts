import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const DIGEST = 'sha256:1fd62556954250bac80d601a196bb7fd480ceba7c10e94dd8fd4c6d1c08783d5';

testRule(rule, {
  valid: [
    'FROM alpine\n',
    'FROM alpine:3.20\n',
    `FROM alpine@${DIGEST}\n`,
    `FROM alpine:3.20@${DIGEST}\n`,
    'FROM localhost:5000/team/app:1.0\n',
    'FROM [::1]:5000/app\n',
    'FROM MyRegistry.example.com/app\n',
    { code: 'FROM MyRegistry/app\n', note: 'a first component with capitals is a registry host (distribution\'s splitDockerDomain), not an upper-case path' },
    'FROM scratch\n',
    'FROM alpine AS Build\nFROM Build\n',
    'FROM "alpine:3.20"\n',
    { code: 'ARG TAG=3.20^\nFROM alpine:$TAG\n', note: 'images made of ARGs are invalid-default-arg-in-from\'s' },
    { code: 'FROM $image\n', note: 'an empty base name too' },
  ],
  invalid: [
    { code: 'FROM alpine:\n', findings: [{ text: 'alpine:', messageId: 'invalid' }] },
    { code: 'FROM alpine:^\n', findings: [{ text: '^', messageId: 'invalidTag' }] },
    { code: `FROM alpine:${'1'.repeat(129)}\n`, findings: ['1'.repeat(129)] },
    { code: `FROM alpine:@${DIGEST}\n`, findings: [`alpine:@${DIGEST}`] },
    { code: 'FROM alpine@\n', findings: ['alpine@'] },
    { code: 'FROM localhost:1234/node@sha25:x\n', findings: [{ text: 'sha25:x', messageId: 'invalidDigest' }] },
    { code: 'FROM alpine@sha256:abc\n', findings: ['sha256:abc'] },
    { code: `FROM alpine@sha256:${'A'.repeat(64)}\n`, findings: [{ text: `sha256:${'A'.repeat(64)}`, messageId: 'invalidDigest' }], note: 'go-digest takes lower-case hex only' },
    { code: `FROM alpine@md5:${'a'.repeat(32)}\n`, findings: [{ text: `md5:${'a'.repeat(32)}`, messageId: 'invalidDigest' }], note: 'an algorithm go-digest cannot verify' },
    { code: `FROM ${'a'.repeat(238)}\n`, findings: [{ text: 'a'.repeat(238), messageId: 'invalid' }], note: 'longer than 255 as docker.io/library/…' },
    { code: 'FROM Alpine\n', findings: [{ text: 'Alpine', messageId: 'uppercase' }], note: 'BuildKit: repository name must be lowercase' },
    { code: 'FROM "alpine:"\n', findings: [{ text: '"alpine:"', messageId: 'invalid' }], note: 'quotes are removed first' },
  ],
});
