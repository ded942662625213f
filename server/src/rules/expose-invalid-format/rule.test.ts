import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: ['FROM scratch\nEXPOSE 80 8080/tcp 9000-9010\n', 'FROM scratch\nEXPOSE ${HOST_PORT}:80\n'],
  invalid: [
    {
      code: '\nFROM scratch\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000\n',
      findings: ['127.0.0.1:80:80', '[::1]:8080:8080', '5000:5000'],
      output: '\nFROM scratch\nEXPOSE 80 8080 5000 8000\n',
      note: 'BuildKit testExposeInvalidFormat',
    },
    { code: 'FROM scratch\nEXPOSE 8000-8010:80/udp\n', findings: ['8000-8010:80/udp'], output: 'FROM scratch\nEXPOSE 80/udp\n' },
    { code: 'FROM scratch\nARG HOST=8080\nEXPOSE $HOST:80\n', findings: ['$HOST:80'], note: 'a mapping from a variable is reported but not rewritten' },
  ],
});
