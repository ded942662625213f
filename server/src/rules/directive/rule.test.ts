import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: ['# escape=`\nFROM alpine\n', '# syntax=docker/dockerfile:1\n# escape=\\\nFROM alpine\n', '#escape=\nFROM node\n'],
  invalid: [
    { code: '# escape=`\n# escape=`\nFROM alpine\n', findings: [{ text: 'escape', messageId: 'duplicate' }] },
    { code: '# syntax=a\n# SYNTAX=b\nFROM alpine\n', findings: ['SYNTAX'] },
    { code: '# escape=ab\nFROM node\n', findings: [{ text: 'ab', messageId: 'invalidEscape' }] },
    { code: '#escape= \nFROM node\n', findings: [' '], note: 'the value is the space: the pattern backtracks to give the value one character' },
  ],
});
