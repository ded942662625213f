import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const trusted = (...trustedRegistries: string[]) => ({ trustedRegistries });
/** A 100,000-character registry host: against `*.*.*.example.com`, a RegExp built from the glob backtracks to the third degree. */
const LONG_HOST = 'a.'.repeat(50_000);

testRule(rule, {
  valid: [
    { code: 'FROM random.com/debian\n', note: 'nothing is checked without trustedRegistries' },
    { code: 'FROM random.com/debian\n', settings: trusted('x.com', 'random.com') },
    { code: 'FROM scratch\n', settings: trusted('x.com', 'random.com') },
    { code: 'FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n', settings: trusted('docker.io') },
    { code: 'FROM ubuntu:24.04\n', settings: trusted('hub.docker.com') },
    { code: 'FROM random.com/foo AS builder1\nFROM builder1 AS builder2\n', settings: trusted('random.com') },
    { code: 'FROM foo.random.com/debian\n', settings: trusted('x.com', '*.random.com') },
    { code: 'FROM ubuntu:18.04\nFROM quay.io/a/b:1\n', settings: trusted('*') },
    { code: 'FROM Trusted.com/debian:12\n', settings: trusted('trusted.com'), note: 'host names are case-insensitive' },
    { code: 'COPY --from=trusted.com/repo/image:tag /foo /bar\n', settings: trusted('trusted.com') },
    { code: 'FROM trusted.com/a:1 AS build\nFROM trusted.com/b:1\nCOPY --from=build /a /b\nCOPY --from=0 /a /b\n', settings: trusted('trusted.com') },
    { code: 'RUN --mount=type=bind,from=trusted.com/repo/image:tag,target=/foo foobar\n', settings: trusted('trusted.com') },
    { code: 'ARG BASE\nFROM $BASE\n', settings: trusted('trusted.com'), note: 'decided by a build argument' },
    { code: `FROM ${LONG_HOST}example.com/app:1\n`, settings: trusted('*.*.*.example.com'), note: 'a long host under a trusted wildcard' },
  ],
  invalid: [
    { code: 'FROM random.com/debian\n', settings: trusted('docker.io'), findings: ['random.com/debian'] },
    { code: 'FROM x.com/debian\n', settings: trusted('*.random.com'), findings: ['x.com/debian'] },
    { code: 'FROM random.com/debian\n', settings: trusted('*.random.com'), findings: ['random.com/debian'], note: 'a wildcard needs a subdomain' },
    { code: 'COPY --from=untrusted.com/repo/image:tag /foo /bar\n', settings: trusted('trusted.com'), findings: ['untrusted.com/repo/image:tag'] },
    { code: 'RUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar\n', settings: trusted('trusted.com'), findings: ['untrusted.com/repo/image:tag'] },
    { code: 'RUN --mount=type=cache,from=untrusted.com/repo/image:tag,target=/foo foobar\n', settings: trusted('trusted.com'), findings: ['untrusted.com/repo/image:tag'] },
    {
      code: 'FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n',
      settings: trusted('trusted.com'),
      findings: ['ubuntu:18.04', 'zemanlx/ubuntu:18.04', 'docker.io/zemanlx/ubuntu:18.04'],
    },
    {
      code: 'FROM MyRegistry/app:1\n',
      settings: trusted('docker.io'),
      findings: ['MyRegistry/app:1'],
      note: 'capitals make the first component a registry host (distribution), not a Docker Hub namespace',
    },
    { code: 'ARG REGISTRY=quay.io\nFROM ${REGISTRY}/app:1\n', settings: trusted('trusted.com'), findings: ['${REGISTRY}/app:1'] },
    { code: 'FROM trusted.com/a:1\nONBUILD COPY --from=busybox:1 /bin/sh /bin/\n', settings: trusted('trusted.com'), findings: ['busybox:1'] },
    { code: `FROM ${LONG_HOST}example.org/app:1\n`, settings: trusted('*.*.*.example.com'), findings: [`${LONG_HOST}example.org/app:1`], note: 'a long host outside it' },
  ],
});
