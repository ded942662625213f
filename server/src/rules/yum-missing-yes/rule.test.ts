import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM fedora\nRUN yum install -y httpd-2.4.24 && yum clean all\n',
    'FROM fedora\nRUN yum --assumeyes update && yum -qy remove vim\n',
    'FROM fedora\nRUN yum --setopt=assumeyes=1 install httpd\n',
    'FROM fedora\nRUN bash -c `# not even a yum command`\n',
    'FROM fedora\nRUN yum makecache && yum info httpd && yum module list && yum group list\n',
    'FROM fedora\nRUN yes | yum install httpd\n',
  ],
  invalid: [
    { code: 'FROM fedora\nRUN yum install httpd-2.4.24 && yum clean all\n', findings: ['yum install'], output: 'FROM fedora\nRUN yum install -y httpd-2.4.24 && yum clean all\n' },
    { code: 'FROM fedora\nRUN yum groupinstall "Development Tools"\n', findings: ['yum groupinstall'], output: 'FROM fedora\nRUN yum groupinstall -y "Development Tools"\n' },
    { code: 'FROM fedora\nRUN yum module enable nodejs:20\n', findings: ['yum module enable'], output: 'FROM fedora\nRUN yum module enable -y nodejs:20\n' },
    { code: 'FROM fedora\nRUN yum update\n', findings: ['yum update'], output: 'FROM fedora\nRUN yum update -y\n', note: 'an update asks too' },
    { code: 'FROM fedora\nONBUILD RUN yum install httpd\n', findings: ['yum install'], output: 'FROM fedora\nONBUILD RUN yum install -y httpd\n' },
  ],
});
