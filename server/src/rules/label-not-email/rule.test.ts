import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const settings = { labelSchema: { maintainer: 'email' } };

testRule(rule, {
  valid: [
    { code: 'LABEL maintainer="not-email"\n', note: 'nothing is checked without a label schema' },
    { code: 'LABEL maintainer="abcd@google.com"\n', settings },
    { code: 'LABEL maintainer="first.last+docker@sub.example.co"\n', settings },
    { code: 'LABEL maintainer="\\"odd name\\"@example.com"\n', settings },
    { code: 'LABEL other="doo"\n', settings },
  ],
  invalid: [
    { code: 'LABEL maintainer="not-email"\n', settings, findings: ['"not-email"'] },
    { code: 'LABEL maintainer="Jane <jane@example.com>"\n', settings, findings: ['"Jane <jane@example.com>"'] },
    { code: 'LABEL maintainer="a..b@example.com"\n', settings, findings: ['"a..b@example.com"'] },
  ],
});
