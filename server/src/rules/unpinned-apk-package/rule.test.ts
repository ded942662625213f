import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM alpine\nRUN apk add flex=2.6.4-r1\n',
    'FROM alpine\nRUN apk add --no-cache git~2.52.0 git~=2.52 git=~2.52\n',
    'FROM alpine\nRUN apk add --no-cache \\\n  "flex>=2.6.1-r1" \\\n  "libffi~3.2.1" \\\n  "python3<3.6.12-r2"\n',
    'FROM alpine\nRUN apk add \\\n--virtual build-dependencies \\\npython-dev=1.1.1 build-base=2.2.2 \\\n&& apk del build-dependencies\n',
    'FROM alpine\nRUN apk add --no-cache --repository https://nl.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0\n',
    'FROM alpine\nRUN apk add --no-cache --repository=https://nl.alpinelinux.org/alpine/edge/testing -X https://x flow=0.78.0-r0\n',
    'FROM alpine\nRUN apk add mypackage-1.1.1.apk\n',
    'FROM alpine\nRUN apk del flex && apk info\n',
  ],
  invalid: [
    { code: 'FROM alpine\nRUN apk add flex\n', findings: ['flex'] },
    { code: 'FROM alpine\nRUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi \\\npython2=2.7.13-r1\n', findings: ['libffi'] },
    { code: 'FROM alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev=1.2.5-r0\n', findings: ['gcc'] },
    { code: 'FROM alpine\nONBUILD RUN apk add curl\n', findings: ['curl'] },
  ],
});
