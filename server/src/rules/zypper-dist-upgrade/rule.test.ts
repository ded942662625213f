import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: ['FROM opensuse/leap\nRUN zypper -n update && zypper -n patch\n', 'FROM opensuse/leap\nRUN zypper install -y dup\n'],
  invalid: [
    { code: 'FROM opensuse/leap\nRUN zypper dist-upgrade\n', findings: ['zypper dist-upgrade'] },
    { code: 'FROM opensuse/leap\nRUN zypper --non-interactive dup --allow-vendor-change\n', findings: ['zypper --non-interactive dup'] },
    { code: 'FROM opensuse/leap\nONBUILD RUN zypper dup\n', findings: ['zypper dup'] },
  ],
});
