import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM scratch\nHEALTHCHECK CMD /bin/bla\n',
    'FROM scratch AS a\nHEALTHCHECK CMD /bin/a\nFROM scratch\nHEALTHCHECK CMD /bin/b\n',
  ],
  invalid: [
    {
      code: 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nHEALTHCHECK \\\n  CMD /bin/bla2\nHEALTHCHECK NONE\n',
      findings: ['HEALTHCHECK', 'HEALTHCHECK'],
      output: 'FROM scratch\nHEALTHCHECK NONE\n',
    },
  ],
});
