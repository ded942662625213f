import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM scratch\nUSER foo\n',
    'FROM scratch\nUSER root\nRUN something\nUSER foo\n',
    'FROM debian AS base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN something else\n',
    { code: 'FROM debian\nRUN id\n', note: 'no USER at all is the base image’s choice, not this file’s' },
    'FROM debian\nUSER rooter\n',
    'FROM debian\nUSER 1000:0\n',
    { code: 'FROM debian\nUSER app\nONBUILD USER root\n', note: 'ONBUILD USER applies to the images built from this one' },
    'FROM debian\nUSER $APP_USER\n',
  ],
  invalid: [
    { code: 'FROM scratch\nUSER root\n', findings: ['root'] },
    { code: 'FROM scratch\nUSER 0\n', findings: ['0'] },
    { code: 'FROM scratch\nUSER root:root\n', findings: ['root:root'] },
    { code: 'FROM scratch\nUSER 0:0\n', findings: ['0:0'] },
    { code: 'FROM scratch\nuser "root"\n', findings: ['"root"'] },
    { code: 'FROM debian AS base\nUSER root\nRUN something\nFROM base\nRUN something else\n', findings: ['root'] },
    { code: 'FROM debian AS base\nUSER root\nFROM scratch\nUSER foo\nFROM debian\nUSER app\nUSER 0\n', findings: ['root', '0'], note: 'every stage can be built as a target' },
  ],
});
