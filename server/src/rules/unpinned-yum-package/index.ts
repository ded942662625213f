import { rpmUnpinnedRule } from '../../lint/helpers/package-pins.js';

export default rpmUnpinnedRule({
  id: 'unpinned-yum-package',
  alias: 'DL3033',
  manager: 'yum',
  installs: { en: '`yum install`', 'zh-cn': '`yum install`' },
  examples: {
    bad: 'FROM centos:7\nRUN yum install -y httpd \\\n    && yum clean all\n',
    good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 \\\n    && yum clean all\n',
  },
});
