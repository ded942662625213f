import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    { code: '\nARG VERSION="latest"\nFROM busybox:${VERSION}\n', note: 'BuildKit testInvalidDefaultArgInFrom' },
    { code: '\nARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n', note: 'BuildKit testInvalidDefaultArgInFrom' },
    { code: '\nARG BUSYBOX_VARIANT\nFROM busybox:stable${BUSYBOX_VARIANT}\n', note: 'BuildKit testInvalidDefaultArgInFrom: an unset ARG adds nothing here' },
    { code: '\nARG base=scratch\nFROM $base\n', note: 'BuildKit testUndeclaredArg' },
    { code: '\nARG DEBUG\nFROM scra${DEBUG:-tch}\n', note: 'BuildKit testUndeclaredArg' },
    { code: 'FROM --platform=$BUILDPLATFORM golang:1.23\nFROM build_${TARGETARCH}\n', note: 'the platform ARGs always have a value' },
    { code: 'FROM Ubuntu\n', note: 'no variable: an invalid name is another rule\'s finding' },
  ],
  invalid: [
    { code: '\nARG VERSION\nFROM busybox:$VERSION\n', findings: ['busybox:$VERSION'], note: 'BuildKit testInvalidDefaultArgInFrom' },
    { code: '\nARG VERSION\nFROM busybox:$VERSION\n', settings: { buildArgs: { VERSION: 'latest' } }, findings: ['busybox:$VERSION'], note: 'BuildKit testInvalidDefaultArgInFrom: build arguments do not count' },
    { code: '\nARG IMAGE\nFROM $IMAGE\n', findings: [{ text: '$IMAGE', messageId: 'empty' }], note: 'BuildKit testInvalidDefaultArgInFrom' },
    { code: '\nARG SFX="box:"\nFROM busy${SFX}\n', findings: ['busy${SFX}'], note: 'BuildKit testInvalidDefaultArgInFrom (built with []byte, not in the corpus)' },
    { code: 'ARG REPO=myorg/App\nFROM $REPO\n', findings: ['$REPO'], note: 'repository paths are lower case' },
  ],
});
