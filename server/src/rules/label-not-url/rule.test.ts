import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const settings = { labelSchema: { urllabel: 'url' } };

testRule(rule, {
  valid: [
    { code: 'LABEL urllabel="not-url"\n', note: 'nothing is checked without a label schema' },
    { code: 'LABEL urllabel="http://example.com"\n', settings },
    { code: 'LABEL urllabel="https://example.com/a%20b?q=1#top"\n', settings },
    { code: 'LABEL urllabel="mailto:team@example.com"\n', settings },
    { code: 'LABEL other="bar"\n', settings },
    { code: 'LABEL urllabel=""\n', settings, note: 'empty-label reports empty values' },
    { code: 'FROM a\nARG URL\nLABEL urllabel=$URL\n', settings },
  ],
  invalid: [
    { code: 'LABEL urllabel="not-url"\n', settings, findings: ['"not-url"'] },
    { code: 'LABEL urllabel="https://example.com/a b"\n', settings, findings: ['"https://example.com/a b"'] },
    { code: 'FROM a\nARG HOST=example.com\nLABEL urllabel=$HOST\n', settings, findings: ['$HOST'] },
  ],
});
