import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    // hadolint's DL3036 cases that pass (their ONBUILD variants are the same)
    'RUN zypper install -y mariadb=10.4 && zypper clean\n',
    'RUN zypper install -y mariadb=10.4 && zypper cc\n',
    'ONBUILD RUN zypper install -y mariadb=10.4 && zypper cc\n',
    'RUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb\n',
    'RUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y mariadb\n',
    // ours
    { code: 'FROM opensuse/leap\nRUN zypper -n in curl && rm -rf /var/cache/zypp/*\n', note: 'removing the cache’s contents' },
    { code: 'FROM opensuse/leap\nRUN zypper -n refresh\n', note: 'refresh alone is not reported' },
  ],
  invalid: [
    // hadolint's DL3036 cases that fire
    { code: 'RUN zypper install -y mariadb=10.4\n', findings: ['zypper install'], output: 'RUN zypper install -y mariadb=10.4 && zypper clean --all\n' },
    { code: 'ONBUILD RUN zypper install -y mariadb=10.4\n', findings: ['zypper install'], output: 'ONBUILD RUN zypper install -y mariadb=10.4 && zypper clean --all\n' },
    {
      code: 'RUN zypper clean && zypper install -y mariadb=10.4\n',
      findings: ['zypper install'],
      output: 'RUN zypper clean && zypper install -y mariadb=10.4 && zypper clean --all\n',
    },
    // ours
    {
      code: 'FROM opensuse/leap\nRUN zypper --non-interactive dup\nRUN zypper clean -a\n',
      findings: [{ text: 'zypper --non-interactive dup', messageId: 'cleanedLater' }],
      output: 'FROM opensuse/leap\nRUN zypper --non-interactive dup && zypper clean --all\nRUN zypper clean -a\n',
    },
  ],
});
