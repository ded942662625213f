import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'LABEL org.valid-key.label3="foo"\n',
    'LABEL validlabel="foo"\n',
    'FROM a\nLABEL "org.opencontainers.image.title"="app" maintainer=me\n',
    'FROM a\nLABEL description value with spaces\n',
  ],
  invalid: [
    { code: 'LABEL com.docker.label="foo"\n', findings: [{ text: 'com.docker.label', messageId: 'reserved' }] },
    { code: 'LABEL io.docker.label="foo"\n', findings: ['io.docker.label'] },
    { code: 'LABEL org.dockerproject.label="foo"\n', findings: ['org.dockerproject.label'] },
    { code: 'LABEL invalid$character="foo"\n', findings: [{ text: 'invalid$character', messageId: 'format' }] },
    { code: 'LABEL .invalid ="foo"\n', findings: ['.invalid'] },
    { code: 'LABEL -invalid="foo"\n', findings: ['-invalid'] },
    { code: 'LABEL 1invalid="foo"\n', findings: ['1invalid'] },
    { code: 'LABEL invalid..character="foo"\n', findings: ['invalid..character'] },
    { code: 'LABEL invalid--character="foo"\n', findings: ['invalid--character'] },
    { code: 'LABEL invalid-="foo"\n', findings: ['invalid-'] },
    { code: 'FROM a\nLABEL Maintainer=me ok=1 "Bad Key"=2\n', findings: ['Maintainer', '"Bad Key"'] },
  ],
});
