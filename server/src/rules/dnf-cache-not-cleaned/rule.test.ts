import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    // hadolint's DL3040 cases that pass (their ONBUILD variants are the same)
    'RUN dnf install -y mariadb-10.4 && dnf clean all\n',
    'RUN dnf in -y mariadb-10.4 && dnf clean all\n',
    'RUN microdnf install -y mariadb-10.4 && microdnf clean all\n',
    'RUN notdnf install mariadb\n',
    'RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n',
    'RUN microdnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n',
    'RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb-10.4\n',
    'RUN --mount=type=tmpfs,target=/var/cache/libdnf5 microdnf install -y mariadb-10.4\n',
    'ONBUILD RUN --mount=type=cache,target=/var/cache/libdnf5 dnf in -y mariadb-10.4\n',
    'RUN dnf -y install && dnf clean all\n',
    'RUN dnf -y upgrade-minimal && dnf clean all\n',
    'RUN dnf -y rei && dnf clean all\n',
    // ours
    { code: 'FROM fedora\nRUN dnf install -y httpd && rm -rf /var/cache/dnf\n', note: 'dnf 4 keeps its cache in /var/cache/dnf' },
    { code: 'FROM fedora AS build\nRUN dnf install -y gcc\nFROM scratch\nCOPY --from=build /out /out\n', note: 'a stage only copied from' },
  ],
  invalid: [
    // hadolint's DL3040 cases that fire
    { code: 'RUN dnf install -y mariadb-10.4\n', findings: ['dnf install'], output: 'RUN dnf install -y mariadb-10.4 && dnf clean all\n' },
    { code: 'RUN microdnf install -y mariadb-10.4\n', findings: ['microdnf install'], output: 'RUN microdnf install -y mariadb-10.4 && microdnf clean all\n' },
    { code: 'RUN dnf in -y mariadb-10.4\n', findings: ['dnf in'], output: 'RUN dnf in -y mariadb-10.4 && dnf clean all\n' },
    {
      code: 'ONBUILD RUN dnf install -y mariadb-10.4 && microdnf clean all\n',
      findings: ['dnf install'],
      output: 'ONBUILD RUN dnf install -y mariadb-10.4 && microdnf clean all && dnf clean all\n',
      note: 'microdnf’s clean does not empty dnf’s cache',
    },
    { code: 'RUN microdnf clean all && dnf install -y mariadb-10.4\n', findings: ['dnf install'], output: 'RUN microdnf clean all && dnf install -y mariadb-10.4 && dnf clean all\n' },
    { code: 'RUN rm -rf /var/cache/libdnf5 && dnf in -y mariadb-10.4\n', findings: ['dnf in'], output: 'RUN rm -rf /var/cache/libdnf5 && dnf in -y mariadb-10.4 && dnf clean all\n' },
    { code: 'RUN dnf -y upgrade\n', findings: ['dnf -y upgrade'], output: 'RUN dnf -y upgrade && dnf clean all\n' },
    { code: 'RUN dnf -y up-min\n', findings: ['dnf -y up-min'], output: 'RUN dnf -y up-min && dnf clean all\n' },
    { code: 'ONBUILD RUN dnf -y rei\n', findings: ['dnf -y rei'], output: 'ONBUILD RUN dnf -y rei && dnf clean all\n' },
    // ours
    {
      code: 'FROM fedora\nRUN dnf install -y httpd\nRUN dnf clean all\n',
      findings: [{ text: 'dnf install', messageId: 'cleanedLater' }],
      output: 'FROM fedora\nRUN dnf install -y httpd && dnf clean all\nRUN dnf clean all\n',
    },
  ],
});
