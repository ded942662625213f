import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    { code: '\nFROM --platform=linux/amd64 scratch AS my_amd64_stage\n', note: 'BuildKit testFromPlatformFlagConstDisallowed: the name mentions the architecture' },
    { code: '\nFROM --platform=linux/amd64 scratch AS linux\n', note: 'BuildKit testFromPlatformFlagConstDisallowed: the name mentions the OS' },
    { code: 'FROM --platform=$BUILDPLATFORM golang\n', note: 'a variable is decided at build time' },
    { code: 'FROM --platform=${TARGETOS}/arm64 golang\n', note: 'any variable counts, as in BuildKit' },
    { code: 'FROM --platform=foobar alpine\n', note: 'not a platform BuildKit can parse: the build fails instead' },
    { code: 'FROM --platform=linux/x86_64 alpine AS base-amd64\n', note: 'x86_64 is read as amd64' },
    'FROM alpine\n',
    { code: 'FROM debian:jessie', note: 'hadolint DL3029' },
    { code: 'FROM --platform=$BUILDPLATFORM debian:jessie', note: 'hadolint DL3029' },
    { code: 'FROM --platform="$BUILDPLATFORM" debian:jessie', note: 'hadolint DL3029' },
    { code: 'FROM --platform=${BUILDPLATFORM} debian:jessie', note: 'hadolint DL3029' },
    { code: 'FROM --platform=${BUILDPLATFORM:-} debian:jessie', note: 'hadolint DL3029' },
    { code: 'FROM --platform="${BUILDPLATFORM:-}" debian:jessie', note: 'hadolint DL3029' },
    { code: 'FROM --platform=$TARGETPLATFORM debian:jessie', note: 'hadolint DL3029' },
  ],
  invalid: [
    { code: '\nFROM --platform=linux/amd64 scratch\n', findings: ['linux/amd64'], note: 'BuildKit testFromPlatformFlagConstDisallowed' },
    { code: 'FROM --platform=linux debian:jessie', findings: ['linux'], note: 'hadolint DL3029' },
    { code: 'FROM --platform="linux/arm64/v8" debian AS build\n', findings: ['"linux/arm64/v8"'] },
    { code: 'FROM --platform=arm64 debian AS build\n', findings: ['arm64'] },
    { code: 'FROM --platform=windows mcr.microsoft.com/windows/nanoserver AS app\n', findings: ['windows'] },
  ],
});
