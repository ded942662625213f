import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: ['FROM node\nONBUILD RUN echo\n', 'FROM node\nONBUILD HEALTHCHECK NONE\n', 'ONBUILD ADD anything anywhere\n'],
  invalid: [
    { code: 'FROM node\nONBUILD ONBUILD HEALTHCHECK NONE\n', findings: [{ text: 'ONBUILD', messageId: 'chained' }] },
    { code: 'FROM node\nONBUILD onbuild ENV x=y\n', findings: ['onbuild'] },
    { code: 'FROM node\nONBUILD fROm node\n', findings: [{ text: 'fROm', messageId: 'notAllowed' }] },
    { code: 'FROM node\nONBUILD MAINTAINER author\n', findings: ['MAINTAINER'] },
    { code: 'ONBUILD ONBUILD RUN anything\n', findings: ['ONBUILD'], note: 'hadolint DL3043 fires without a FROM too' },
  ],
});
