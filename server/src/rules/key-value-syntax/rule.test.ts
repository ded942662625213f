import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM node\nENV a="b c" d=\'e f\' g=h\\ i\n',
    'FROM node\nARG a\nARG b="c"\n',
    'FROM node\nLABEL "a b"="c"\n',
    'FROM node\nENV a "b c"\n',
    'FROM node\nENV a="it\'s"\n',
    '# escape=`\nFROM node\nENV a="b\\"\n',
  ],
  invalid: [
    { code: 'FROM node\nARG =value\n', findings: [{ text: '=value', messageId: 'blankName' }] },
    { code: 'FROM node\nENV x=y = a=b\n', findings: ['='] },
    { code: 'FROM node\nLABEL =\n', findings: ['='] },
    { code: 'FROM node\nENV var="value\n', findings: [{ text: '"value', messageId: 'unclosedDouble' }] },
    { code: 'FROM node\nENV var="value\\"\n', findings: ['"value\\"'], note: 'the quote is escaped' },
    { code: "FROM node\nLABEL var='value\n", findings: [{ text: "'value", messageId: 'unclosedSingle' }] },
    { code: 'FROM node\nENV "abc=xyz"\n', findings: ['"abc'], note: 'BuildKit splits at the first = before it reads quotes' },
    { code: 'FROM node\nARG var="val\\\nue\n', findings: ['"val\\\nue'] },
    { code: 'FROM node\nENV a "b c\n', findings: ['"b c'], note: 'the legacy form' },
  ],
});
