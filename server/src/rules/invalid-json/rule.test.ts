import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM busybox\nCMD ["a", "b"]\n',
    'FROM busybox\nCMD echo [a, b]\n',
    'FROM busybox\nRUN [ -f /etc/passwd ]\n',
    'FROM busybox\nRUN [ "$A" = "b" ]\n',
    'FROM busybox\nRUN [ -z "$A" ] || exit 1\n',
    { code: 'FROM busybox\nCMD [1, 2]\n', note: 'valid JSON with non-strings is the parser\'s error (syntax-error)' },
    'FROM busybox\nSHELL [\'/bin/sh\']\n',
    'FROM busybox\nHEALTHCHECK NONE\n',
  ],
  invalid: [
    {
      code: "FROM busybox\nCMD ['/bin/bash', 'echo']\n",
      findings: [{ text: "['/bin/bash', 'echo']", messageId: 'singleQuotes' }],
      output: 'FROM busybox\nCMD ["/bin/bash", "echo"]\n',
    },
    { code: "FROM busybox\nVOLUME ['/data',]\n", findings: ["['/data',]"], output: 'FROM busybox\nVOLUME ["/data"]\n' },
    { code: "FROM busybox\nRUN [ '],',]\n", findings: ["[ '],',]"], output: 'FROM busybox\nRUN ["],"]\n' },
    { code: 'FROM busybox\nENTRYPOINT ["node" "app.js"]\n', findings: [{ text: '["node" "app.js"]', messageId: 'notJson' }], output: 'FROM busybox\nENTRYPOINT ["node", "app.js"]\n' },
    { code: 'FROM busybox\nCMD ["node", "app.js"\n', findings: ['["node", "app.js"'], output: 'FROM busybox\nCMD ["node", "app.js"]\n', note: 'a missing closing bracket; dockerfile-utils only reports single quotes' },
    { code: 'FROM busybox\nCMD [node, app.js]\n', findings: ['[node, app.js]'], output: 'FROM busybox\nCMD ["node", "app.js"]\n' },
    { code: "FROM busybox\nHEALTHCHECK --interval=5s CMD ['true']\n", findings: ["['true']"], output: 'FROM busybox\nHEALTHCHECK --interval=5s CMD ["true"]\n' },
    { code: "FROM busybox\nRUN ['a', \\\n  'b']\n", findings: ["['a', \\\n  'b']"], output: 'FROM busybox\nRUN ["a", "b"]\n' },
  ],
});
