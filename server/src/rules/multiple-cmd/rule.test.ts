import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM busybox\nCMD /bin/true\n',
    'FROM busybox AS build\nCMD /bin/true\nFROM busybox\nCMD /bin/false\n',
    'FROM busybox\nONBUILD CMD /bin/true\nCMD /bin/false\n',
  ],
  invalid: [
    {
      code: 'FROM busybox\nCMD /bin/true\nCMD /bin/false\n',
      findings: ['CMD'],
      output: 'FROM busybox\nCMD /bin/false\n',
    },
    {
      code: 'FROM busybox\ncmd a\nCMD b\nCmd ["c"]\n',
      findings: ['cmd', 'CMD'],
      output: 'FROM busybox\nCmd ["c"]\n',
    },
  ],
});
