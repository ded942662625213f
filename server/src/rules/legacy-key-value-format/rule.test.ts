import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    { code: '\nFROM scratch\nENV testkey=value\nLABEL key=value\n', note: 'BuildKit testLegacyKeyValueFormat' },
    { code: '\nFROM scratch\n# check=skip=LegacyKeyValueFormat\nENV testkey value\n# check=skip=LegacyKeyValueFormat\nLABEL key value\n', note: 'BuildKit: a # check=skip comment above one instruction' },
    'FROM scratch\nARG name value\n',
  ],
  invalid: [
    {
      code: '\nFROM scratch\nENV testkey value\nLABEL key value\n',
      findings: ['testkey', 'key'],
      output: '\nFROM scratch\nENV testkey=value\nLABEL key=value\n',
      note: 'BuildKit testLegacyKeyValueFormat',
    },
    { code: 'FROM scratch\nENV GREETING hello   big world\n', findings: ['GREETING'], output: 'FROM scratch\nENV GREETING="hello   big world"\n', note: 'the whole rest of the line is the value' },
    { code: 'FROM scratch\nENV A "x y" z\n', findings: ['A'], output: 'FROM scratch\nENV A="x y"\\ z\n', note: 'quotes keep their meaning: spaces outside them are escaped' },
    { code: 'FROM scratch\nENV A $HOME/bin\n', findings: ['A'], output: 'FROM scratch\nENV A=$HOME/bin\n' },
    { code: '# escape=`\nFROM scratch\nENV A \'x\' y\n', findings: ['A'], output: "# escape=`\nFROM scratch\nENV A='x'` y\n" },
    { code: 'FROM scratch\nENV A \\\n  one two\n', findings: ['A'], note: 'a pair across lines is reported but not rewritten' },
    { code: 'FROM scratch\nONBUILD ENV A b\n', findings: ['A'], output: 'FROM scratch\nONBUILD ENV A=b\n' },
  ],
});
