import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const settings = { labelSchema: { required: 'text' }, strictLabels: true };

testRule(rule, {
  valid: [
    { code: 'LABEL other="bar"\n', settings: { labelSchema: { required: 'text' } }, note: 'only with strict-labels' },
    { code: '', settings },
    { code: 'LABEL required="foo"\n', settings },
    { code: 'FROM a\nLABEL "required"=bar\n', settings },
  ],
  invalid: [
    { code: 'LABEL other="bar"\n', settings, findings: ['other'] },
    { code: 'LABEL required="foo" other="bar"\n', settings, findings: ['other'] },
    { code: 'FROM a\nLABEL a=1 b=2\n', settings: { strictLabels: true }, findings: ['a', 'b'], note: 'no schema: every label is extra' },
  ],
});
