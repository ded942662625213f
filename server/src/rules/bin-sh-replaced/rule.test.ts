import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM debian\nRUN ln -sf /bin/true /sbin/initctl\n',
    'FROM debian\nRUN ln -s foo bar && unrelated && something_with /bin/sh\n',
    { code: 'FROM debian\nRUN ln -s /bin/sh /usr/local/bin/sh-compat\n', note: '/bin/sh is the target, not the link' },
    'FROM debian\nRUN ln -s -t /usr/local/bin /bin/sh\n',
  ],
  invalid: [
    { code: 'FROM debian\nRUN ln -sfv /bin/bash /bin/sh\n', findings: ['/bin/sh'] },
    { code: 'FROM debian\nRUN rm /bin/sh && ln -s bash /usr/bin/sh\n', findings: ['/usr/bin/sh'] },
    { code: 'FROM debian\nONBUILD RUN ln -sf /bin/bash /bin/sh\n', findings: ['/bin/sh'] },
  ],
});
