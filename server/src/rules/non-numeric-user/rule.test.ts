import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'USER 12345\n',
    'USER 1234:5678\n',
    'ARG APP_UID\nFROM foobar:barfoo\nUSER ${APP_UID}\n',
    'FROM a\nUSER 1000:app\n',
    'FROM a\nENV UID=1000\nUSER $UID\n',
  ],
  invalid: [
    { code: 'USER foobar\n', findings: ['foobar'] },
    { code: 'USER foobar:barfoo\n', findings: ['foobar'] },
    { code: 'FROM a\nUSER "app"\n', findings: ['"app"'] },
    { code: 'FROM a\nENV NAME=app\nUSER $NAME\n', findings: ['$NAME'] },
  ],
});
