import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM debian:jessie\n',
    'FROM debian:jessie AS builder\n',
    'FROM hub.docker.io/debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n',
    { code: 'FROM hub.docker.io/debian:latest@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n', note: 'the digest pins it' },
    { code: 'FROM debian\n', note: 'no tag at all is untagged-image' },
    { code: 'ARG TAG\nFROM debian:$TAG\n', note: 'decided by a build argument' },
    'FROM localhost:5000/latest\n',
  ],
  invalid: [
    { code: 'FROM debian:latest\n', findings: ['latest'] },
    { code: 'FROM debian:latest AS builder\n', findings: ['latest'] },
    { code: 'FROM "debian:latest"\n', findings: ['"debian:latest"'] },
    { code: 'ARG TAG=latest\nFROM registry.example.com/team/app:${TAG}\n', findings: ['registry.example.com/team/app:${TAG}'] },
  ],
});
