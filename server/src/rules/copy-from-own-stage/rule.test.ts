import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM scratch as build\nRUN foo\nFROM node as run\nCOPY --from=build foo .\nRUN baz\n',
    'FROM node\nCOPY --from=node:22 /a /b\n',
    { code: 'FROM node AS foo\nONBUILD COPY --from=foo bar .\n', note: 'names a stage of the child Dockerfile' },
  ],
  invalid: [
    { code: 'FROM node as foo\nCOPY --from=foo bar .\n', findings: ['foo'] },
    { code: 'FROM node AS Foo\nCOPY --from=FOO bar .\n', findings: ['FOO'] },
    { code: 'FROM a\nFROM node\nCOPY --from=1 bar .\n', findings: ['1'] },
  ],
});
