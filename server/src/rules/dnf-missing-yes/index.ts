import { rpmAssumeYesRule } from '../../lint/helpers/command-rule.js';

export default rpmAssumeYesRule({
  id: 'dnf-missing-yes',
  alias: 'DL3038',
  manager: 'dnf',
  programs: { en: '`dnf` (and `microdnf`)', 'zh-cn': '`dnf`（以及 `microdnf`）' },
  examples: {
    bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 \\\n    && dnf clean all\n',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 \\\n    && dnf clean all\n',
  },
});
