import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    // hadolint's DL3032 cases that pass
    'RUN yum install -y mariadb-10.4 && yum clean all\n',
    'RUN bash -c `# not even a yum command`\n',
    'RUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n',
    'ONBUILD RUN yum install -y mariadb-10.4 && yum clean all\n',
    // ours
    { code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n', note: 'the cache is a mount, not part of the layer' },
    { code: 'FROM centos:7\nRUN yum -y --setopt=tsflags=nodocs update && yum clean all\n', note: 'options before the subcommand' },
    { code: 'FROM centos:7\nRUN yum repolist\n', note: 'a subcommand that installs nothing' },
  ],
  invalid: [
    // hadolint's DL3032 cases that fire
    { code: 'RUN yum install -y mariadb-10.4\n', findings: ['yum install'], output: 'RUN yum install -y mariadb-10.4 && yum clean all\n' },
    { code: 'ONBUILD RUN yum install -y mariadb-10.4\n', findings: ['yum install'], output: 'ONBUILD RUN yum install -y mariadb-10.4 && yum clean all\n' },
    { code: 'RUN yum clean all && yum install -y\n', findings: ['yum install'], output: 'RUN yum clean all && yum install -y && yum clean all\n', note: 'cleaning before installing leaves the install’s cache' },
    // ours
    {
      code: 'FROM centos:7\nRUN yum -y update\nRUN yum clean all\n',
      findings: [{ text: 'yum -y update', messageId: 'cleanedLater' }],
      output: 'FROM centos:7\nRUN yum -y update && yum clean all\nRUN yum clean all\n',
    },
    {
      code: 'FROM centos:7\nRUN yum install -y a && yum clean all && yum install -y b\n',
      findings: ['yum install'],
      output: 'FROM centos:7\nRUN yum install -y a && yum clean all && yum install -y b && yum clean all\n',
      note: 'the second install comes after the clean',
    },
  ],
});
