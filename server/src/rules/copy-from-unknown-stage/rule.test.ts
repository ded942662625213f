import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=build foo .\nRUN baz\n',
    'COPY --from=haskell:latest bar .\n',
    'FROM a\nCOPY --from=ghcr.io/org/tool /bin/tool /bin/\n',
    'FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=0 foo .\n',
    'FROM scratch\nRUN foo\nFROM node\nCOPY --from=0 foo .\n',
    { code: 'FROM golang AS Build\nFROM alpine\nCOPY --from=BUILD /a /b\n', note: 'stage names compare case-insensitively' },
    { code: 'FROM node AS foo\nCOPY --from=foo bar .\n', note: 'copy-from-own-stage reports this' },
    { code: 'FROM a\nONBUILD COPY --from=assets /a /b\n', note: 'names a stage of the child Dockerfile' },
    { code: 'FROM a AS one\nFROM b\nARG SOURCE\nCOPY --from=$SOURCE /a /b\n', note: 'decided by a build argument' },
    'ARG SOURCE=one\nFROM a AS one\nFROM b\nARG SOURCE\nCOPY --from=${SOURCE} /a /b\n',
  ],
  invalid: [
    { code: 'COPY --from=foo bar .\n', findings: ['foo'] },
    { code: 'FROM scratch\nCOPY --from=build foo .\nFROM node as build\nRUN baz\n', findings: [{ text: 'build', messageId: 'definedLater' }] },
    { code: 'COPY --from=0 bar .\n', findings: [{ text: '0', messageId: 'noSuchIndex' }] },
    { code: 'FROM a\nFROM b\nCOPY --from=2 /x /y\n', findings: [{ text: '2', messageId: 'noSuchIndex' }] },
    { code: 'FROM golang AS build\nFROM alpine\nCOPY --from=builder /a /b\n', findings: [{ text: 'builder', messageId: 'unknownStage' }] },
  ],
});
