import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.24', note: 'hadolint DL3065' },
    { code: 'FROM --platform=$FOOBAR alpine:3.24', note: 'hadolint DL3065' },
    { code: 'FROM --platform=foobar alpine:3.24', note: 'hadolint DL3065' },
    { code: 'FROM --platform=foobar/arm64 alpine:3.24', note: 'hadolint DL3065' },
    { code: '\n# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM scratch\n', note: 'BuildKit testRedundantTargetPlatform' },
    { code: 'ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$TARGETPLATFORM alpine\n', note: 'a global default picks a platform of its own' },
    'FROM --platform=$BUILDPLATFORM golang\n',
  ],
  invalid: [
    { code: 'FROM --platform=$TARGETPLATFORM alpine:3.24', findings: ['--platform=$TARGETPLATFORM'], output: 'FROM alpine:3.24', note: 'hadolint DL3065' },
    { code: 'FROM --platform=${TARGETPLATFORM} alpine:3.24', findings: ['--platform=${TARGETPLATFORM}'], output: 'FROM alpine:3.24', note: 'hadolint DL3065' },
    { code: '\nFROM --platform=$TARGETPLATFORM scratch\n', findings: ['--platform=$TARGETPLATFORM'], output: '\nFROM scratch\n', note: 'BuildKit testRedundantTargetPlatform' },
    { code: 'ARG TARGETPLATFORM\nFROM --platform="$TARGETPLATFORM" alpine AS a\n', findings: ['--platform="$TARGETPLATFORM"'], output: 'ARG TARGETPLATFORM\nFROM alpine AS a\n' },
  ],
});
