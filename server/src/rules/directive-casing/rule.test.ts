import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: ['# escape=`\nFROM node\n', '# syntax=docker/dockerfile:1\nFROM node\n', '# ESCAPES=`\nFROM node\n'],
  invalid: [
    { code: '# esCAPe=`\nFROM node\n', findings: ['esCAPe'], output: '# escape=`\nFROM node\n' },
    { code: '# ESCAPE=`\nFROM node\n', findings: ['ESCAPE'], output: '# escape=`\nFROM node\n' },
    { code: '# Syntax=docker/dockerfile:1\nFROM node\n', findings: ['Syntax'], output: '# syntax=docker/dockerfile:1\nFROM node\n' },
  ],
});
