import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM a\nADD file.tar /usr/src/app/\n',
    'FROM a\nADD file.gz /usr/src/app/\n',
    'FROM a\nADD "file.tgz" /usr/src/app/\n',
    'FROM a\nADD http://example.com/x.sh /usr/src/app/\n',
    'FROM a\nADD https://github.com/moby/buildkit.git#v0.10.1 /src\n',
    'FROM a\nCOPY file /usr/src/app/\n',
  ],
  invalid: [
    { code: 'FROM a\nADD file /usr/src/app/\n', findings: ['ADD'], output: 'FROM a\nCOPY file /usr/src/app/\n' },
    { code: 'FROM a\nADD file.zip /usr/src/app/\n', findings: ['ADD'], output: 'FROM a\nCOPY file.zip /usr/src/app/\n', note: 'ADD does not unpack zip files' },
    { code: 'FROM a\nadd --chown=app ["a b", "/x/"]\n', findings: ['add'], output: 'FROM a\nCOPY --chown=app ["a b", "/x/"]\n' },
    { code: 'FROM a\nONBUILD ADD src /app\n', findings: ['ADD'], output: 'FROM a\nONBUILD COPY src /app\n' },
  ],
});
