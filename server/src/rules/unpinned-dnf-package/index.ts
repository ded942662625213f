import { rpmUnpinnedRule } from '../../lint/helpers/package-pins.js';

export default rpmUnpinnedRule({
  id: 'unpinned-dnf-package',
  alias: 'DL3041',
  manager: 'dnf',
  installs: { en: '`dnf install` (or `microdnf install`)', 'zh-cn': '`dnf install`（或 `microdnf install`）' },
  examples: {
    bad: 'FROM fedora:40\nRUN dnf install -y httpd \\\n    && dnf clean all\n',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 \\\n    && dnf clean all\n',
  },
});
