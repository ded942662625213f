import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'EXPOSE 60000\n',
    'FROM a\nEXPOSE 0 80 65535\n',
    'FROM a\nEXPOSE ${FOOBAR}\n',
    'FROM a\nEXPOSE 40000-60000/tcp\n',
    'FROM a\nEXPOSE 40000-${FOOBAR}\n',
    'FROM a\nEXPOSE 53/udp "8080/tcp"\n',
  ],
  invalid: [
    { code: 'EXPOSE 80000\n', findings: ['80000'] },
    { code: 'FROM a\nEXPOSE 80 80000 65536/udp\n', findings: ['80000', '65536/udp'] },
    { code: 'FROM a\nEXPOSE 40000-80000/tcp\n', findings: ['40000-80000/tcp'] },
    { code: 'FROM a\nEXPOSE 9010-9000\n', findings: [{ text: '9010-9000', messageId: 'reversedRange' }] },
    { code: 'FROM a\nEXPOSE http\n', findings: [{ text: 'http', messageId: 'notAPort' }] },
    { code: 'FROM a\nONBUILD EXPOSE 99999\n', findings: ['99999'] },
    { code: '# hadolint stage ignore=DL3011\nFROM ubuntu\nEXPOSE 80000\nFROM ubuntu\nEXPOSE 70000\n', findings: ['70000'], note: 'a stage pragma covers its own stage only' },
  ],
});
