import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM scratch\nENV a=${b} c=${d:-x} e=${f:+y} g=${h?msg} i=${j#*.} k=${l%%.*} m=${n/a/b} o=${p//a/b}\n',
    'FROM scratch\nENV a=${b:-${c:-d}}\n',
    "FROM scratch\nENV a='${b:x}'\n",
    'FROM scratch\nENV a=\\${b:x}\n',
    'FROM scratch\nENV a=${@} b=${1}\n',
    { code: 'FROM scratch\nRUN echo ${a:1:2}\n', note: 'RUN is expanded by its shell, not BuildKit' },
    { code: 'FROM scratch\nHEALTHCHECK CMD ${bbb:x}\n', note: 'BuildKit does not expand HEALTHCHECK; dockerfile-utils reports it' },
    { code: 'FROM scratch\nMAINTAINER ${bbb:x}\n', note: 'not expanded either' },
    { code: 'FROM scratch\nONBUILD CMD ${bbb:x}\n', note: 'the trigger CMD is not expanded' },
  ],
  invalid: [
    { code: 'FROM scratch\nENV bbb=123\nADD test.txt ${bbb:x}\n', findings: [{ text: '${bbb:x}', messageId: 'unsupportedModifier' }] },
    { code: 'FROM scratch\nENV aaa=${bbb:}\n', findings: ['${bbb:}'] },
    { code: 'FROM scratch\nARG V=1.2.3\nENV M=${V:0:1}\n', findings: ['${V:0:1}'] },
    { code: 'FROM scratch\nWORKDIR ${#HOME}\n', findings: ['${#HOME}'], note: 'the length form is not supported' },
    { code: 'FROM scratch\nUSER ${}\n', findings: [{ text: '${}', messageId: 'badSubstitution' }] },
    { code: 'FROM node\nARG AAA=${aaa:-"bbb"\n', findings: [{ text: '${aaa:-"bbb"', messageId: 'missingBrace' }], note: 'dockerfile-utils misses it' },
    { code: 'FROM node\nSTOPSIGNAL ${a\n', findings: ['${a'] },
    { code: 'FROM localho${bbb:x}\n', findings: ['${bbb:x}'] },
    { code: 'FROM scratch\nONBUILD ENV a=${b:x}\n', findings: ['${b:x}'], note: 'it fails the build that triggers it' },
    { code: 'FROM scratch\nLABEL a=${b:x} \\\n  c=${d.e}\n', findings: ['${b:x}', '${d.e}'] },
  ],
});
