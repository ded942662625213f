import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM alpine\nRUN echo\n',
    'from alpine\nrun echo\n',
    'FROM alpine\nONBUILD RUN echo\n',
  ],
  invalid: [
    { code: 'FROM node\nRUNCMD docker\n', findings: [{ text: 'RUNCMD', messageId: 'unknown' }] },
    { code: 'FROM node\nruncmd docker\n', findings: ['runcmd'], note: 'keywords are matched without case' },
    { code: 'FROM alpine\nRUNN echo hello\n', findings: [{ text: 'RUNN', messageId: 'unknownSuggest' }], output: 'FROM alpine\nRUN echo hello\n' },
    { code: 'FROM alpine\nWROKDIR /app\n', findings: ['WROKDIR'], output: 'FROM alpine\nWORKDIR /app\n' },
    { code: 'FROM alpine\nEXPOS\\ 8080\n', findings: ['EXPOS\\'], output: 'FROM alpine\nEXPOSE 8080\n', note: 'an escape inside the keyword belongs to it, as in BuildKit' },
    { code: 'FROM node\nSTOPSIGNAL\\\n9\n', findings: [{ text: 'STOPSIGNAL\\\n9', messageId: 'unknown' }], note: 'the continuation glues the keyword to the next line: STOPSIGNAL9; no rename can fix that' },
    { code: 'FROM node\nONBUILD RUNN echo\n', findings: ['RUNN'], output: 'FROM node\nONBUILD RUN echo\n', note: 'ONBUILD triggers are instructions too' },
    { code: '\\FROM node:22\n', findings: ['\\FROM'], output: 'FROM node:22\n' },
  ],
});
