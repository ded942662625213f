import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const settings = { labelSchema: { foo: 'text' } };

testRule(rule, {
  valid: [
    { code: 'FROM baseimage\n', note: 'nothing is checked without a label schema' },
    { code: 'FROM baseimage\nLABEL foo="bar"\n', settings },
    { code: 'FROM baseimage as base\nFROM base\nLABEL foo="bar"\n', settings },
    { code: 'FROM baseimage as base\nFROM anotherimage\nLABEL foo="bar"\nCOPY --from=base /bar /baz\n', settings },
    { code: 'FROM baseimage as base\nLABEL foo="bar"\nFROM base\n', settings },
    { code: 'FROM baseimage AS Base\nLABEL "foo"=bar\nFROM base\n', settings },
    { code: 'FROM golang AS build\nFROM alpine\nRUN --mount=from=build,target=/src true\nLABEL foo=1\n', settings, note: 'a stage mounted from is a building block' },
  ],
  invalid: [
    { code: 'FROM baseimage\n', settings, findings: ['FROM'] },
    { code: 'FROM baseimage\nLABEL bar="baz"\n', settings, findings: ['FROM'] },
    { code: 'FROM stage1\nFROM stage2\n', settings, findings: ['FROM', 'FROM'] },
    { code: 'FROM baseimage\nLABEL foo="bar"\nFROM newimage\n', settings, findings: ['FROM'] },
    { code: 'FROM baseimage as base\nFROM base\n', settings, findings: ['FROM'], note: 'the stage built on is a building block: only the image is reported' },
    { code: 'FROM baseimage as base\nFROM anotherimage\nLABEL foo="bar"\n', settings, findings: ['FROM'] },
    { code: 'FROM baseimage as base\nFROM base\nLABEL foo="bar"\n\nFROM base\n', settings, findings: ['FROM'] },
    { code: 'FROM a\nONBUILD LABEL foo=1\n', settings, findings: ['FROM'] },
    { code: 'FROM a\nLABEL x=1\n', settings: { labelSchema: { foo: 'text', bar: 'url' } }, findings: ['FROM', 'FROM'] },
  ],
});
