import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM node as foo\nRUN wget my.xyz\n',
    'FROM node as foo\nRUN wget my.xyz\nFROM scratch\nRUN curl localhost\n',
    { code: 'FROM debian\nRUN apt-get install -y curl wget\n', note: 'installing is not using' },
    { code: 'FROM debian\nRUN wget my.xyz\nONBUILD RUN curl localhost\n', note: 'ONBUILD triggers run in another build' },
  ],
  invalid: [
    { code: 'FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\n', findings: ['curl'] },
    { code: 'FROM node as foo\nRUN wget my.xyz && curl localhost\n', findings: ['wget'] },
    { code: 'FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\nFROM scratch\nRUN curl localhost\n', findings: ['curl'] },
    { code: 'FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\nRUN wget foo.com\n', findings: ['curl', 'wget'] },
  ],
});
