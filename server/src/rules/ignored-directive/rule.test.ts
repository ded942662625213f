import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    '# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine\n',
    '# a comment\nFROM alpine\n# key=value\n',
    '# version=1.2\nFROM alpine\n',
    'FROM alpine\nRUN a \\\n# escape=`\n b\n',
  ],
  invalid: [
    { code: '# Build the API\n# syntax=docker/dockerfile:1\nFROM golang\n', findings: [{ text: '# syntax=docker/dockerfile:1', messageId: 'misplaced' }] },
    { code: '\n# escape=`\nFROM node\n', findings: ['# escape=`'], note: 'a blank line ends the directives too' },
    { code: 'FROM node\n# check=skip=all\n', findings: ['# check=skip=all'] },
    { code: '# escpae=`\nFROM node\n', findings: [{ text: '# escpae=`', messageId: 'misspelt' }] },
  ],
});
