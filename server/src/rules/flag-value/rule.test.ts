import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM alpine\nHEALTHCHECK --interval=30s --timeout=1m30s --start-period=.5s --start-interval=1ms --retries=3 CMD ls\n',
    { code: 'FROM alpine\nHEALTHCHECK --interval=0s --timeout=0 CMD ls\n', note: 'BuildKit takes 0 as "the default"; dockerfile-utils says less than 1ms' },
    { code: 'FROM alpine\nHEALTHCHECK --retries=0 CMD ls\n', note: 'BuildKit accepts 0 retries; dockerfile-utils wants at least 1' },
    'FROM alpine\nHEALTHCHECK --interval= CMD ls\n',
    'FROM alpine\nHEALTHCHECK --interval=100µs --retries=x NONE\n',
    'FROM alpine\nCOPY --link --link=TRUE --parents=false --chown= a b\n',
    'FROM alpine AS build\nFROM alpine\nCOPY --from=build a b\nCOPY --from=0 a b\nCOPY --from=nginx:1.27 a b\nCOPY --from=$STAGE a b\n',
  ],
  invalid: [
    { code: 'FROM alpine\nADD --chmod . .\n', findings: [{ text: 'chmod', messageId: 'missingValue' }] },
    { code: 'FROM --platform alpine\n', findings: ['platform'] },
    { code: 'FROM alpine\nCOPY --link= . .\n', findings: [{ text: 'link', messageId: 'emptyBoolean' }] },
    { code: 'FROM alpine\nCOPY --parents=abc . .\n', findings: [{ text: 'abc', messageId: 'notBoolean' }] },
    { code: 'FROM alpine\nHEALTHCHECK --interval=a1s CMD ls\n', findings: [{ text: 'a1s', messageId: 'invalidDuration' }] },
    { code: 'FROM alpine\nHEALTHCHECK --interval=--5s CMD ls\n', findings: [{ text: '--5s', messageId: 'invalidDuration' }] },
    { code: 'FROM alpine\nHEALTHCHECK --timeout=10 CMD ls\n', findings: [{ text: '10', messageId: 'missingUnit' }] },
    { code: 'FROM alpine\nHEALTHCHECK --timeout=5..5s CMD ls\n', findings: [{ text: '5..5s', messageId: 'missingUnit' }] },
    { code: 'FROM alpine\nHEALTHCHECK --start-period=5s-10ms CMD ls\n', findings: [{ text: '5s-10ms', messageId: 'unknownUnit' }] },
    { code: 'FROM alpine\nHEALTHCHECK --interval=100us CMD ls\n', findings: [{ text: 'interval', messageId: 'tooShort' }] },
    { code: 'FROM alpine\nHEALTHCHECK --interval=-1s CMD ls\n', findings: [{ text: 'interval', messageId: 'tooShort' }] },
    { code: 'FROM alpine\nHEALTHCHECK --retries=1.0 CMD ls\n', findings: [{ text: '1.0', messageId: 'notInteger' }] },
    { code: 'FROM alpine\nHEALTHCHECK --retries=-1 CMD ls\n', findings: [{ text: '-1', messageId: 'negative' }] },
    { code: 'FROM alpine\nCOPY --from= . .\n', findings: [{ text: 'from', messageId: 'emptySource' }] },
    { code: 'FROM alpine\nCOPY --from=^abc . .\n', findings: [{ text: '^abc', messageId: 'invalidSource' }] },
  ],
});
