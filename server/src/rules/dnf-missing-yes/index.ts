import { rpmAssumeYesRule } from '../../lint/helpers/command-rule.js';

export default rpmAssumeYesRule({
  id: 'dnf-missing-yes',
  alias: 'DL3038',
  manager: 'dnf',
  programs: { en: '`dnf` (and `microdnf`)', 'zh-cn': '`dnf`（以及 `microdnf`）' },
  unsafeFor: ['microdnf'],
  caveat: {
    en: 'For microdnf the fix is offered but not applied on save: older microdnf releases install without asking, and one that predates the option may reject it.',
    'zh-cn': '对于 microdnf，修复只作为快速修复提供，保存时不会自动应用：较旧的 microdnf 版本安装时不会提问，而更早的版本可能不认识这个选项。',
  },
  examples: {
    bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 \\\n    && dnf clean all\n',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 \\\n    && dnf clean all\n',
  },
});
