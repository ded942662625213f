import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM node\n',
    'FROM node AS build\n',
    'FROM node as build\n',
    'FROM node\nRUN\n',
    'FROM node\nCMD []\nENTRYPOINT []\n',
    'FROM node\nCOPY a b\nADD ["a", "b"]\nCOPY <<EOF /x\nhi\nEOF\n',
    'FROM node\nHEALTHCHECK NONE\nHEALTHCHECK --interval=5s CMD true\nHEALTHCHECK CMD ["true"]\n',
    'FROM node\nSHELL ["/bin/sh", "-c"]\n',
    'FROM node\nSTOPSIGNAL SIGTERM\n',
    'FROM node\nWORKDIR /a b\nUSER a b\n',
    { code: 'FROM node\nSHELL [1]\n', note: 'a JSON array of non-strings is the parser\'s error (syntax-error)' },
  ],
  invalid: [
    ...['ARG', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'MAINTAINER', 'ONBUILD', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'HEALTHCHECK', 'COPY', 'ADD'].map((keyword) => ({
      code: `FROM node\n${keyword}\n`.replace('FROM node\nFROM', 'FROM'),
      findings: [{ text: keyword, messageId: 'missing' }],
    })),
    { code: 'FROM node\nENV \\\n# comment\n', findings: ['ENV'], note: 'comment lines inside a continuation are dropped' },
    { code: 'FROM node\nHEALTHCHECK --interval=30s\n', findings: ['HEALTHCHECK'], note: 'flags are not arguments' },
    { code: 'FROM node\nENTRYPOINT\n', findings: [{ text: 'ENTRYPOINT', messageId: 'emptyCommand' }], output: 'FROM node\nENTRYPOINT []\n', note: 'BuildKit accepts it but sets an empty shell command (moby/buildkit#1119); dockerfile-utils says "no arguments"' },
    { code: 'FROM node\nCMD\n', findings: [{ text: 'CMD', messageId: 'emptyCommand' }], output: 'FROM node\nCMD []\n' },
    { code: 'FROM node\nCOPY a\n', findings: [{ text: 'a', messageId: 'atLeastTwo' }] },
    { code: 'FROM node\nADD ["a"]\n', findings: [{ text: '["a"]', messageId: 'atLeastTwo' }] },
    { code: 'FROM node test\n', findings: [{ text: 'test', messageId: 'oneOrThree' }] },
    { code: 'FROM node AS setup again\n', findings: ['again'] },
    { code: 'FROM node As \\\nsetup two\n', findings: ['two'] },
    { code: 'FROM node A$ setup\n', findings: [{ text: 'A$', messageId: 'expectedAs' }] },
    { code: 'FROM node\nSTOPSIGNAL SIGTERM extra\n', findings: [{ text: 'extra', messageId: 'extra' }], note: 'BuildKit reads one signal "SIGTERM extra"; the extra word is the mistake' },
    { code: 'FROM alpine\nHEALTHCHECK NONE a b c\n', findings: [{ text: 'a b c', messageId: 'noneTakesNoArguments' }] },
    { code: 'FROM alpine\nHEALTHCHECK NONE --interval=10s\n', findings: ['--interval=10s'], note: 'after NONE a flag is an argument' },
    { code: 'FROM alpine\nHEALTHCHECK CMD\n', findings: [{ text: 'CMD', messageId: 'missingCommand' }] },
    { code: 'FROM alpine\nHEALTHCHECK CMD []\n', findings: ['CMD'] },
    { code: 'FROM alpine\nHEALTHCHECK --interval=10s test\n', findings: [{ text: 'test', messageId: 'unknownType' }] },
    { code: 'FROM busybox\nSHELL /bin/sh -c\n', findings: [{ text: '/bin/sh -c', messageId: 'shellNotJson' }] },
    { code: 'FROM busybox\nSHELL [ "/bin/sh" ] ]\n', findings: ['[ "/bin/sh" ] ]'], note: 'text after the array makes it not JSON; dockerfile-utils accepts it' },
    { code: 'FROM busybox\nSHELL [ \\\n ]\n', findings: [{ text: '[ \\\n ]', messageId: 'shellEmpty' }] },
    { code: 'FROM busybox\nVOLUME ["/data", " "]\n', findings: [{ text: '" "', messageId: 'emptyVolume' }] },
  ],
});
