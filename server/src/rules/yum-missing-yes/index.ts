import { rpmAssumeYesRule } from '../../lint/helpers/command-rule.js';

export default rpmAssumeYesRule({
  id: 'yum-missing-yes',
  alias: 'DL3030',
  manager: 'yum',
  programs: { en: '`yum`', 'zh-cn': '`yum`' },
  examples: {
    bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 \\\n    && yum clean all\n',
    good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 \\\n    && yum clean all\n',
  },
});
