import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM opensuse/leap\nRUN zypper install -y tomcat=9.0.39 && zypper clean\n',
    'FROM opensuse/leap\nRUN zypper install -y tomcat\\>=9.0 "tomcat>9.0" tomcat\\<=9.0 tomcat\\<9.0 && zypper clean\n',
    'FROM opensuse/leap\nRUN zypper install -y tomcat-9.0.39-1.rpm && zypper clean\n',
    { code: 'FROM opensuse/leap\nRUN zypper --non-interactive install -t pattern devel_basis\n', note: 'patterns are not versioned like packages' },
    'FROM opensuse/leap\nRUN zypper refresh && zypper update -y\n',
  ],
  invalid: [
    { code: 'FROM opensuse/leap\nRUN zypper install -y tomcat && zypper clean\n', findings: ['tomcat'] },
    { code: 'FROM opensuse/leap\nRUN zypper -n in --from repo-oss curl gzip=1.12\n', findings: ['curl'] },
    { code: 'FROM opensuse/leap\nONBUILD RUN zypper install -y tomcat\n', findings: ['tomcat'] },
  ],
});
