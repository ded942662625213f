import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShell } from '../../analysis/shell/index.js';
import { findingsOf, testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

describe('dnf-missing-yes fix safety', () => {
  before(() => initShell());
  it('is safe for dnf and not for microdnf, which older releases may not know -y for', () => {
    const safety = findingsOf(rule, 'FROM fedora\nRUN dnf install httpd && microdnf install httpd\n').map((finding) => finding.fixes[0].safe);
    assert.deepEqual(safety, [true, false]);
  });
});

testRule(rule, {
  valid: [
    'FROM fedora\nRUN dnf install -y httpd-2.4.24 && dnf clean all\n',
    'FROM fedora\nRUN dnf --assumeyes update && dnf -qy remove vim\n',
    'FROM fedora\nRUN dnf --setopt=assumeyes=1 install httpd\n',
    'FROM fedora\nRUN bash -c `# not even a dnf command`\n',
    'FROM fedora\nRUN dnf makecache && dnf info httpd && dnf module list && dnf group list\n',
    'FROM fedora\nRUN yes | dnf install httpd\n',
    'FROM fedora\nRUN notdnf install httpd\n',
  ],
  invalid: [
    { code: 'FROM fedora\nRUN dnf install httpd-2.4.24 && dnf clean all\n', findings: ['dnf install'], output: 'FROM fedora\nRUN dnf install -y httpd-2.4.24 && dnf clean all\n' },
    { code: 'FROM fedora\nRUN dnf groupinstall "Development Tools"\n', findings: ['dnf groupinstall'], output: 'FROM fedora\nRUN dnf groupinstall -y "Development Tools"\n' },
    { code: 'FROM fedora\nRUN dnf module enable nodejs:20\n', findings: ['dnf module enable'], output: 'FROM fedora\nRUN dnf module enable -y nodejs:20\n' },
    { code: 'FROM fedora\nRUN dnf update\n', findings: ['dnf update'], output: 'FROM fedora\nRUN dnf update -y\n', note: 'an update asks too' },
    { code: 'FROM fedora\nRUN microdnf install httpd && microdnf clean all\n', findings: ['microdnf install'], output: 'FROM fedora\nRUN microdnf install -y httpd && microdnf clean all\n' },
    { code: 'FROM fedora\nONBUILD RUN dnf install httpd\n', findings: ['dnf install'], output: 'FROM fedora\nONBUILD RUN dnf install -y httpd\n' },
  ],
});
