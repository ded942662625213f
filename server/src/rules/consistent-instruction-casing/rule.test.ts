import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    { code: '\nfrom scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\n', note: 'BuildKit testConsistentInstructionCasing' },
    { code: '\nFROM scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\n', note: 'BuildKit testConsistentInstructionCasing' },
    { code: 'FROM alpine\nONBUILD run make\n', note: 'ONBUILD triggers are not counted, as in BuildKit' },
    { code: 'FROM alpine\n{{ def x }}\nRUN true\n', note: 'an unknown word is not an instruction to judge' },
  ],
  invalid: [
    {
      code: '\nFrom scratch as base\nFROM scratch AS base2\n',
      findings: [{ text: 'From', messageId: 'upper' }],
      output: '\nFROM scratch AS base\nFROM scratch AS base2\n',
      note: 'BuildKit testConsistentInstructionCasing; the AS follows the keyword',
    },
    {
      code: '\nFROM scratch\ncopy Dockerfile /foo\nCOPY Dockerfile /bar\n',
      findings: [{ text: 'copy', messageId: 'upper' }],
      output: '\nFROM scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\n',
      note: 'BuildKit: a tie goes to upper case',
    },
    {
      code: '\nfrOM scratch as base\nfrom scratch as base2\n',
      findings: [{ text: 'frOM', messageId: 'lower' }],
      output: '\nfrom scratch as base\nfrom scratch as base2\n',
    },
    {
      code: '\nfrom scratch\nCOPY Dockerfile /foo\ncopy Dockerfile /bar\n',
      findings: [{ text: 'COPY', messageId: 'lower' }],
      output: '\nfrom scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\n',
    },
    {
      code: '\nfrom scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\nCOPY Dockerfile /baz\n',
      findings: ['from'],
      output: '\nFROM scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\nCOPY Dockerfile /baz\n',
    },
    {
      code: 'arg VERSION=1\nFROM alpine\nRUN true\n',
      findings: ['arg'],
      output: 'ARG VERSION=1\nFROM alpine\nRUN true\n',
      note: 'we also check global ARGs, which BuildKit leaves out of the count and the check',
    },
  ],
});
