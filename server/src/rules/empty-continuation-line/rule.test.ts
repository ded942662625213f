import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM busybox\nRUN echo a && \\\n    echo b\n',
    'FROM busybox\nRUN echo a && \\\n# comment\n    echo b\n',
    'FROM busybox\nRUN echo a\n\nRUN echo b\n',
    'FROM busybox\nRUN <<EOF\necho \\\n\necho\nEOF\n',
  ],
  invalid: [
    {
      code: 'FROM busybox\nRUN echo hello && \\\n    \necho world\n',
      findings: ['    \n'],
      output: 'FROM busybox\nRUN echo hello && \\\necho world\n',
    },
    { code: 'FROM busybox\nEXPOSE 8080 \\\n\n\n8081\n', findings: ['\n\n'], output: 'FROM busybox\nEXPOSE 8080 \\\n8081\n' },
    {
      code: 'FROM busybox\nONBUILD \\\n    \nRUN echo hello && \\\n\r\necho world\n',
      findings: ['    \n', '\r\n'],
      output: 'FROM busybox\nONBUILD \\\nRUN echo hello && \\\necho world\n',
      note: 'each run of blank lines is its own finding',
    },
    { code: '# escape=`\nFROM busybox\nRUN echo a `\n\n  b\n', findings: ['\n'], output: '# escape=`\nFROM busybox\nRUN echo a `\n  b\n' },
  ],
});
