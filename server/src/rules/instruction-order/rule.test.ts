import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM foo\nLABEL foo=bar\n',
    'ARG A=B\nFROM foo\nLABEL foo=bar\n',
    '# syntax = docker/dockerfile:1\nFROM node:16-alpine3.13\n',
    { code: '', note: 'an empty file is syntax-error\'s' },
  ],
  invalid: [
    { code: 'LABEL foo=bar\nFROM foo\n', findings: [{ text: 'LABEL', messageId: 'beforeFrom' }] },
    { code: 'EXPOSE 8080\nEXPOSE 8081\n', findings: ['EXPOSE'], note: 'only the first: BuildKit stops there (hadolint reports each)' },
    { code: 'ARG x\nEXPOSE 8080\n', findings: ['EXPOSE'] },
    { code: '# FROM node\nRUN foo bar\n', findings: ['RUN'] },
    { code: 'ARG x\nARG y\n', findings: [{ text: 'ARG', messageId: 'noFrom' }] },
    { code: '\\FROM node\n', findings: ['\\FROM'] },
  ],
});
