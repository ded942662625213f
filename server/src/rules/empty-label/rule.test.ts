import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const settings = { labelSchema: { emptylabel: 'text' } };

testRule(rule, {
  valid: [
    { code: 'LABEL emptylabel=""\n', note: 'nothing is checked without a label schema' },
    { code: 'LABEL emptylabel="foo"\n', settings },
    { code: 'LABEL other=""\n', settings },
    { code: 'FROM a\nARG VALUE\nLABEL emptylabel=$VALUE\n', settings, note: 'decided by a build argument' },
  ],
  invalid: [
    { code: 'LABEL emptylabel=""\n', settings, findings: ['""'] },
    { code: 'FROM a\nLABEL a=b emptylabel= c=d\n', settings, findings: ['emptylabel'] },
    { code: 'FROM a\nLABEL emptylabel="  "\n', settings, findings: ['"  "'] },
    { code: 'FROM a\nENV NOTHING=""\nLABEL emptylabel=$NOTHING\n', settings, findings: ['$NOTHING'] },
  ],
});
