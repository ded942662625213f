import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM alpine AS base\n',
    'from alpine as base\n',
    'FROM alpine\n',
    { code: '\nFrom scratch as base\nFROM scratch AS base2\n', note: 'BuildKit testConsistentInstructionCasing: a mixed-case FROM is left to consistent-instruction-casing' },
    { code: '\nfrOM scratch as base\nfrom scratch as base2\n', note: 'BuildKit testConsistentInstructionCasing' },
  ],
  invalid: [
    {
      code: '#check=skip=ConsistentInstructionCasing\nFROM scratch as base\ncopy Dockerfile .\n',
      findings: ['as'],
      output: '#check=skip=ConsistentInstructionCasing\nFROM scratch AS base\ncopy Dockerfile .\n',
      note: 'BuildKit testRuleCheckOption',
    },
    {
      code: '\nfrom scratch AS base\n\nfrom scratch as base2\n',
      findings: ['AS'],
      output: '\nfrom scratch as base\n\nfrom scratch as base2\n',
      note: 'BuildKit testStageName',
    },
    { code: 'FROM alpine As base\n', findings: ['As'], output: 'FROM alpine AS base\n' },
  ],
});
