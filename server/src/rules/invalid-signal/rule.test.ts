import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM node\nSTOPSIGNAL SIGTERM\n',
    'FROM node\nSTOPSIGNAL 9\n',
    { code: 'FROM node\nSTOPSIGNAL KILL\n', note: 'BuildKit accepts names without SIG; dockerfile-utils does not' },
    'FROM node\nSTOPSIGNAL sigrtmin+3\n',
    'FROM node\nARG SIGNAL=SIGQUIT\nSTOPSIGNAL $SIGNAL\n',
    { code: 'FROM node\nARG SIGNAL\nSTOPSIGNAL $SIGNAL\n', note: 'the value comes with the build' },
    { code: 'FROM node\nSTOPSIGNAL $a\n', note: 'an undeclared variable may come from the base image' },
    { code: 'FROM node\nSTOPSIGNAL ${a\n', note: 'variable-syntax reports the broken reference' },
  ],
  invalid: [
    { code: 'FROM node\nSTOPSIGNAL a\n', findings: ['a'] },
    { code: 'FROM node\nSTOPSIGNAL 0\n', findings: ['0'] },
    { code: 'FROM node\nSTOPSIGNAL $\n', findings: ['$'] },
    { code: 'FROM node\nSTOPSIGNAL SIGFOO\n', findings: ['SIGFOO'] },
    { code: 'FROM node\nENV bbb=123\nSTOPSIGNAL ${bbb:+x}\n', findings: ['${bbb:+x}'], note: 'BuildKit checks the expanded value, "x"' },
  ],
});
