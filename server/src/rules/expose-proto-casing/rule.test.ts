import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: ['FROM scratch\nEXPOSE 80 8080/tcp 53/udp 9000-9010/sctp\n', 'FROM scratch\nEXPOSE $PORT/TCP\n'],
  invalid: [
    {
      code: '\nFROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n',
      findings: ['80/TcP', '8080/TCP'],
      output: '\nFROM scratch\nEXPOSE 80/tcp 8080/tcp 8080/udp\n',
      note: 'BuildKit testExposeProtoCasing',
    },
    {
      code: 'FROM scratch\nARG PROTO=UDP\nEXPOSE 53/${PROTO}\n',
      findings: ['53/${PROTO}'],
      note: 'a protocol from a variable is reported but not rewritten',
    },
  ],
});
