import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    { code: '\nARG base=scratch\nFROM $base\nCOPY Dockerfile .\n', note: 'BuildKit testUndeclaredArg' },
    { code: '\nARG BUILDPLATFORM=linux/amd64\nFROM --platform=$BUILDPLATFORM scratch\n', note: 'BuildKit testUndeclaredArg' },
    { code: '\nFROM --platform=$BUILDPLATFORM scratch\n', note: 'BuildKit testUndeclaredArg: a platform ARG BuildKit defines' },
    { code: '\nARG DEBUG\nFROM scratch${DEBUG}\n', note: 'BuildKit testUndeclaredArg: declared without a value still counts' },
    { code: '\nARG DEBUG\nFROM scra${DEBUG:-tch}\n', note: 'BuildKit testUndeclaredArg' },
    { code: '\nARG DEBUG=""\nFROM scratch${DEBUG-@bogus}\n', note: 'BuildKit testUndeclaredArg' },
    'FROM alpine\nARG LATER\nFROM alpine\n',
  ],
  invalid: [
    {
      code: '\nFROM --platform=$BULIDPLATFORM scratch\n',
      findings: [{ text: '$BULIDPLATFORM', messageId: 'undeclaredSuggest' }],
      output: '\nFROM --platform=$BUILDPLATFORM scratch\n',
      note: 'BuildKit testUndeclaredArg',
    },
    {
      code: '\nARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\n',
      findings: ['${MYARCH}'],
      output: '\nARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MY_ARCH} busybox\n',
      note: 'BuildKit testUndeclaredArg (built with fmt.Appendf, not in the corpus)',
    },
    { code: '\nARG tag=latest\nFROM busybox:${tag}${version} AS b\n', findings: [{ text: '${version}', messageId: 'undeclared' }], note: 'BuildKit testUndeclaredArg (built with fmt.Appendf, not in the corpus)' },
    { code: 'FROM alpine\nARG VERSION=3\nFROM alpine:$VERSION\n', findings: ['$VERSION'], note: 'an ARG inside a stage is not seen by FROM lines' },
  ],
});
