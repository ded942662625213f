import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: ['FROM debian\n', 'FROM debian\nLABEL maintainer="x"\n'],
  invalid: [
    { code: 'FROM busybox\nMAINTAINER hudu@mail.com\n', findings: ['MAINTAINER'], output: 'FROM busybox\nLABEL maintainer="hudu@mail.com"\n' },
    { code: 'MAINTAINER Lukas\nFROM DEBIAN\n', findings: ['MAINTAINER'], output: 'LABEL maintainer="Lukas"\nFROM DEBIAN\n' },
  ],
});
