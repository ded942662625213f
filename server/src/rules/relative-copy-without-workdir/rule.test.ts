import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'COPY bla.sh /usr/local/bin/blubb.sh\n',
    'COPY bla.sh "/usr/local/bin/blubb.sh"\n',
    'COPY bla.sh c:\\system32\\blubb.sh\n',
    'COPY bla.sh "d:\\mypath\\blubb.sh"\n',
    'COPY bla.sh c:/system32/blubb.sh\n',
    'FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh\n',
    'FROM scratch\nWORKDIR c:\\system32\nCOPY bla.sh blubb.sh\n',
    { code: 'COPY src.sh ${SRC_BASE_ENV}\n', note: 'the base image may set it' },
    'COPY src.sh "$SRC_BASE_ENV"\n',
    'FROM debian:buster as base\nWORKDIR /usr\nFROM debian:buster as stage-inbetween\nRUN foo\nFROM base\nCOPY foo bar\n',
    'FROM debian:buster as base1\nWORKDIR /usr\nFROM base1 as base2\nRUN foo\nFROM base2\nCOPY foo bar\n',
    { code: 'FROM debian:buster AS base\nCOPY --from=x a /a\nWORKDIR /app\nFROM base\nCOPY a b\n', note: 'the parent’s WORKDIR holds for the whole child' },
    'FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\n',
    { code: 'FROM debian:buster\nONBUILD COPY foo bar\nWORKDIR /app\n', note: 'ONBUILD steps run after the whole stage' },
    'FROM a\nENV DEST=/opt/app\nCOPY foo $DEST\n',
    'FROM a\nADD https://example.com/x.tgz /opt/\n',
  ],
  invalid: [
    { code: 'COPY bla.sh blubb.sh\n', findings: ['blubb.sh'] },
    { code: 'COPY bla.sh "blubb.sh"\n', findings: ['"blubb.sh"'] },
    { code: 'FROM debian:buster as stage1\nWORKDIR /usr\nFROM debian:buster\nCOPY foo bar\n', findings: ['bar'] },
    { code: 'FROM microsoft/windowsservercore as stage1\nWORKDIR c:\\system32\nFROM microsoft/windowsservercore\nCOPY foo bar\n', findings: ['bar'] },
    { code: 'FROM a\nCOPY foo .\nWORKDIR /app\n', findings: ['.'] },
    { code: 'FROM a\nENV DEST=app\nADD foo.tar.gz $DEST\n', findings: ['$DEST'] },
    { code: 'FROM a\nONBUILD COPY foo bar\n', findings: ['bar'] },
    { code: 'FROM a\nCOPY ["a b", "c"]\n', findings: ['"c"'] },
  ],
});
