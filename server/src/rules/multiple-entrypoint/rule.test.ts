import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM debian\nENTRYPOINT ["/app"]\n',
    'FROM debian AS a\nENTRYPOINT ["/a"]\nFROM debian\nENTRYPOINT ["/b"]\n',
  ],
  invalid: [
    {
      code: 'FROM debian\nENTRYPOINT /bin/true\nENTRYPOINT /bin/true\n',
      findings: ['ENTRYPOINT'],
      output: 'FROM debian\nENTRYPOINT /bin/true\n',
    },
  ],
});
