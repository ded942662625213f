import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const settings = { labelSchema: { datelabel: 'rfc3339' } };

testRule(rule, {
  valid: [
    { code: 'LABEL datelabel="not-date"\n', note: 'nothing is checked without a label schema' },
    { code: 'LABEL datelabel="2021-03-10T10:26:33.564595127+01:00"\n', settings },
    { code: 'LABEL datelabel="2024-02-29T23:59:60Z"\n', settings },
    { code: 'LABEL other="doo"\n', settings },
    { code: 'FROM a\nARG CREATED\nLABEL datelabel=${CREATED}\n', settings },
  ],
  invalid: [
    { code: 'LABEL datelabel="not-date"\n', settings, findings: ['"not-date"'] },
    { code: 'LABEL datelabel="2021-03-10"\n', settings, findings: ['"2021-03-10"'], note: 'a date alone has no time' },
    { code: 'LABEL datelabel="2023-02-29T10:00:00Z"\n', settings, findings: ['"2023-02-29T10:00:00Z"'] },
    { code: 'LABEL datelabel="2021-03-10T10:26:33"\n', settings, findings: ['"2021-03-10T10:26:33"'], note: 'the zone is required' },
  ],
});
