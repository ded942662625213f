import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM debian\nRUN useradd luser\n',
    'FROM debian\nRUN useradd -u 12345 luser\n',
    'FROM debian\nRUN useradd -l -u 123456 luser\n',
    'FROM debian\nRUN useradd --no-log-init --uid=123456 luser && useradd -lu 123456 other\n',
    'FROM debian\nRUN useradd -l luser\n',
    { code: 'FROM debian\nRUN useradd -u "$APP_UID" app\n', note: 'the UID is not known' },
    { code: 'FROM debian\nARG APP_UID=1000\nRUN useradd -u "$APP_UID" app\n', note: 'a low UID from a variable' },
  ],
  invalid: [
    { code: 'FROM debian\nRUN useradd -u 123456 luser\n', findings: ['123456'], output: 'FROM debian\nRUN useradd -l -u 123456 luser\n' },
    { code: 'FROM debian\nRUN useradd --uid=1000001 -m app\n', findings: ['--uid=1000001'], output: 'FROM debian\nRUN useradd -l --uid=1000001 -m app\n' },
    { code: 'FROM debian\nARG APP_UID=200000\nRUN useradd -u ${APP_UID} app\n', findings: ['${APP_UID}'], output: 'FROM debian\nARG APP_UID=200000\nRUN useradd -l -u ${APP_UID} app\n' },
    { code: 'FROM debian\nRUN sudo useradd -m -u 123456 luser\n', findings: ['123456'], output: 'FROM debian\nRUN sudo useradd -l -m -u 123456 luser\n' },
  ],
});
