import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'ENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"\n',
    'ENV BLA="blubb" BLUBB="${FOOBLA}/blubb"\n',
    'ENV BLA="blubb" BLUBB="${BLAFOO}/blubb"\n',
    'ENV BLA="blubb" BLUBB="$FOOBLA/blubb"\n',
    'ENV BLA="blubb" BLUBB="$BLAFOO/blubb"\n',
    'ENV BLA="blubb" BLUBB="BLA/$BLAFOO/BLA"\n',
    'ARG BLA\nENV BLA=${BLA}\n',
    'ENV BLA blubb\nENV BLA=${BLA}\n',
    'ENV PATH=/bla:${PATH}\n',
    'ENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}\n',
    { code: "ENV A=1 B='$A'\n", note: 'single quotes keep $A literal' },
    { code: 'ENV B=$A A=1\n', note: 'A is used before it is set, so the old value is what anyone would expect' },
    'ENV A=1 B=\\$A\n',
  ],
  invalid: [
    { code: 'ENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"\n', findings: ['$BLA'], output: 'ENV BLA="blubb"\nENV BLUBB="$BLA/$BLAFOO/blubb"\n' },
    { code: 'ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}\n', findings: ['${PATH}'], output: 'ENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}\n' },
    { code: 'ENV BLA="blubb" BLUBB="${BLA}/blubb"\n', findings: ['${BLA}'], output: 'ENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"\n' },
    { code: 'ENV BLA="blubb" BLUBB="$BLA"\n', findings: ['$BLA'], output: 'ENV BLA="blubb"\nENV BLUBB="$BLA"\n' },
    { code: 'ENV BLA="blubb" BLUBB="${BLA:-x}"\n', findings: ['${BLA:-x}'], output: 'ENV BLA="blubb"\nENV BLUBB="${BLA:-x}"\n' },
    {
      code: 'FROM a\n  ENV A=1 \\\n      B=$A C=$A$A\n',
      findings: ['$A', '$A', '$A'],
      output: 'FROM a\n  ENV A=1\n  ENV B=$A C=$A$A\n',
    },
    { code: 'FROM a\nONBUILD ENV A=1 B=$A\n', findings: ['$A'], output: 'FROM a\nONBUILD ENV A=1\nONBUILD ENV B=$A\n' },
    { code: 'FROM a\nENV A=1 \\\n  # why B follows A\n  B=$A\n', findings: ['$A'], note: 'no split that would delete the comment' },
  ],
});
