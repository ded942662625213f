import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'COPY foo bar\n',
    'FROM a\nCOPY foo bar baz/\n',
    'FROM a\nCOPY foo bar "baz/"\n',
    'FROM a\nCOPY ["foo", "bar", "/baz/"]\n',
    { code: 'FROM a\nARG DEST\nCOPY foo bar $DEST\n', note: 'decided by a build argument' },
    'FROM a\nENV DEST=/app/\nCOPY foo bar $DEST\n',
    'FROM a\nCOPY <<one <<two /dest/\none\none\ntwo\ntwo\n',
    '# escape=`\nFROM a\nCOPY foo bar C:\\app\\\n',
  ],
  invalid: [
    { code: 'FROM a\nCOPY foo bar baz\n', findings: ['baz'], output: 'FROM a\nCOPY foo bar baz/\n' },
    { code: 'FROM a\nCOPY foo bar "baz"\n', findings: ['"baz"'], output: 'FROM a\nCOPY foo bar "baz/"\n' },
    { code: 'FROM a\nADD --chown=1:1 ["a", "b", "/c"]\n', findings: ['"/c"'], output: 'FROM a\nADD --chown=1:1 ["a", "b", "/c/"]\n' },
    { code: 'FROM a\nCOPY <<one <<two /dest\none\none\ntwo\ntwo\n', findings: ['/dest'], output: 'FROM a\nCOPY <<one <<two /dest/\none\none\ntwo\ntwo\n' },
    { code: 'FROM a\nENV DEST=/app\nCOPY foo bar $DEST\n', findings: ['$DEST'], output: 'FROM a\nENV DEST=/app\nCOPY foo bar $DEST/\n' },
  ],
});
