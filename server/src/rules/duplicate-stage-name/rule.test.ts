import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    { code: 'FROM scratch as build\nRUN foo\nFROM node as run\nRUN baz\n', note: 'hadolint DL3024' },
    { code: '\nFROM scratch AS b1\nFROM scratch AS b2\n', note: 'BuildKit testDuplicateStageName' },
    'FROM alpine\nFROM alpine\n',
  ],
  invalid: [
    { code: 'FROM node as foo\nRUN something\nFROM scratch as foo\nRUN something\n', findings: ['foo'], note: 'hadolint DL3024: the later stage is reported' },
    { code: '\nFROM scratch AS b\nFROM scratch AS b\n', findings: ['b'], note: 'BuildKit testDuplicateStageName' },
    { code: 'FROM alpine AS Build\nFROM alpine AS build\nFROM alpine AS BUILD\n', findings: ['build', 'BUILD'], note: 'names compare case-insensitively, as BuildKit looks them up' },
  ],
});
