import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM fedora\nRUN yum install -y tomcat-9.2 && yum clean all\n',
    'FROM fedora\nRUN yum install -y openssl-1:1.1.1k rpm-sign-4.16.1.3 gcc-c++-1.1.1\n',
    'FROM fedora\nRUN yum module install -y tomcat:9 && yum clean all\n',
    'FROM fedora\nRUN yum -y group install "Development Tools"\n',
    'FROM fedora\nRUN yum -y groupinstall "Development Tools" && yum install -y @development-tools\n',
    'FROM fedora\nRUN yum install -y https://example.com/epel-release-8.noarch.rpm /tmp/local.rpm\n',
    "FROM fedora\nRUN yum install -y 'perl(JSON)'\n",
    'FROM fedora\nRUN notyum install tomcat\n',
    'FROM fedora:40\nENV version=2.51.0-2.fc42\nRUN yum -y install git-core-${version}\n',
    'FROM fedora:40 AS build\nENV version=2.51.0-2.fc42\nFROM build\nRUN yum -y install git-core-$version\n',
    { code: 'ENV version=2.51.0-2.fc42\nRUN yum -y install git-core-${version}\n', note: 'before any FROM the variables a RUN sees are unknown' },
  ],
  invalid: [
    { code: 'FROM fedora\nRUN yum install -y tomcat && yum clean all\n', findings: ['tomcat'] },
    { code: 'FROM fedora\nRUN yum install -y rpm-sign python3-devel\n', findings: ['rpm-sign', 'python3-devel'] },
    { code: 'FROM fedora\nRUN yum module install -y tomcat\n', findings: [{ text: 'tomcat', messageId: 'noStream' }] },
    {
      code: 'FROM fedora:40 AS build\nENV version=2.51.0-2.fc42\nFROM fedora:40\nRUN yum -y install git-core-${version}\n',
      findings: ['git-core-${version}'],
      note: 'the variable is not defined in this stage',
    },
    { code: 'FROM fedora\nONBUILD RUN yum install -y tomcat\n', findings: ['tomcat'] },
  ],
});
