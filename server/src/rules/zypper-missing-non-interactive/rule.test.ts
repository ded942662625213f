import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM opensuse/leap\nRUN zypper install -n httpd=2.4.24 && zypper clean\n',
    'FROM opensuse/leap\nRUN zypper install --non-interactive httpd=2.4.24 && zypper clean\n',
    'FROM opensuse/leap\nRUN zypper install -y httpd=2.4.24 && zypper clean\n',
    'FROM opensuse/leap\nRUN zypper install --no-confirm httpd=2.4.24 && zypper clean\n',
    'FROM opensuse/leap\nRUN zypper --non-interactive refresh && zypper -n dup\n',
    'FROM opensuse/leap\nRUN zypper refresh && zypper search curl\n',
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap\nRUN zypper install httpd=2.4.24 && zypper clean\n',
      findings: ['zypper install'],
      output: 'FROM opensuse/leap\nRUN zypper -n install httpd=2.4.24 && zypper clean\n',
    },
    { code: 'FROM opensuse/leap\nRUN zypper --root /mnt rm vim\n', findings: ['zypper --root /mnt rm'], output: 'FROM opensuse/leap\nRUN zypper -n --root /mnt rm vim\n' },
    { code: 'FROM opensuse/leap\nONBUILD RUN zypper in curl=8.6.0\n', findings: ['zypper in'], output: 'FROM opensuse/leap\nONBUILD RUN zypper -n in curl=8.6.0\n' },
  ],
});
