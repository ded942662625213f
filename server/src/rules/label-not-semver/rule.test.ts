import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const settings = { labelSchema: { semver: 'semver' } };

testRule(rule, {
  valid: [
    { code: 'LABEL semver="not-sem-ver"\n', note: 'nothing is checked without a label schema' },
    { code: 'LABEL semver="1.0.0"\n', settings },
    { code: 'LABEL semver="2.0.1-rc1"\n', settings },
    { code: 'LABEL semver="1.0.0-alpha.1+build.5"\n', settings },
    { code: 'LABEL other="foo"\n', settings },
    { code: 'ARG VERSION=1.2.3\nFROM a\nARG VERSION\nLABEL semver=$VERSION\n', settings },
  ],
  invalid: [
    { code: 'LABEL semver="not-sem-ver"\n', settings, findings: ['"not-sem-ver"'] },
    { code: 'LABEL semver="v1.0.0"\n', settings, findings: ['"v1.0.0"'] },
    { code: 'LABEL semver="1.02.0"\n', settings, findings: ['"1.02.0"'] },
    { code: 'ARG VERSION=1.2\nFROM a\nARG VERSION\nLABEL semver=$VERSION\n', settings, findings: ['$VERSION'] },
  ],
});
