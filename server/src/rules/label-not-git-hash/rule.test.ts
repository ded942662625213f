import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const settings = { labelSchema: { githash: 'hash' } };

testRule(rule, {
  valid: [
    { code: 'LABEL githash="not-git-hash"\n', note: 'nothing is checked without a label schema' },
    { code: 'LABEL githash="2dbfae9"\n', settings },
    { code: 'LABEL githash="43c572f1272b6b3171dd1db9e41b7027128ce080"\n', settings },
    { code: 'LABEL githash="2dbfae9c1"\n', settings, note: 'git lengthens short hashes in large repositories' },
    { code: 'LABEL other="foo"\n', settings },
  ],
  invalid: [
    { code: 'LABEL githash="not-git-hash"\n', settings, findings: ['"not-git-hash"'] },
    { code: 'LABEL githash="2DBFAE9"\n', settings, findings: ['"2DBFAE9"'] },
    { code: 'LABEL githash="2dbfae"\n', settings, findings: ['"2dbfae"'] },
  ],
});
