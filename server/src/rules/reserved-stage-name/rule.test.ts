import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM foo:bar AS foobar\n',
    'FROM scratch\nFROM scratch AS a\n',
    'FROM busybox AS scratchpad\n',
  ],
  invalid: [
    { code: 'FROM foo:bar AS scratch\n', findings: [{ text: 'scratch', messageId: 'scratch' }], note: 'hadolint DL3063' },
    { code: 'FROM foo:bar AS context\n', findings: [{ text: 'context', messageId: 'context' }], note: 'hadolint DL3063' },
    { code: '\nFROM scratch AS scratch\nFROM scratch AS context\n', findings: ['scratch', 'context'], note: 'BuildKit testReservedStageName' },
    { code: 'FROM alpine AS Scratch\n', findings: ['Scratch'], note: 'stage names are case-insensitive' },
  ],
});
