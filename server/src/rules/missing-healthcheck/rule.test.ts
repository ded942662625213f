import assert from 'node:assert/strict';
import { it } from 'node:test';
import { testRule } from '../../../../test/support/rule-tester.js';
import { lint } from '../../lint/engine.js';
import { parse } from '../../parser/index.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM scratch\nHEALTHCHECK NONE\n',
    'FROM scratch\nHEALTHCHECK CMD /bin/bla\n',
    'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base\n',
    'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3\nFROM base3 AS end\nHEALTHCHECK NONE\n',
    { code: 'FROM golang AS build\nFROM alpine\nCOPY --from=build /a /b\nHEALTHCHECK NONE\n', note: 'a stage copied from is a building block' },
  ],
  invalid: [
    { code: 'FROM scratch\n', findings: ['FROM'] },
    {
      code: 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3.1\nFROM base2 AS base3.2\n\nFROM base3.1 AS end1\nHEALTHCHECK NONE\n\nFROM base3.2 AS end2\n',
      findings: ['FROM'],
    },
    { code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch\n', findings: ['FROM'] },
    { code: 'FROM a\nONBUILD HEALTHCHECK NONE\n', findings: ['FROM'] },
  ],
});

it('missing-healthcheck is off unless configured', () => {
  assert.deepEqual(lint(parse('FROM scratch\n'), { rules: [rule] }), []);
  assert.equal(lint(parse('FROM scratch\n'), { rules: [rule], severities: { DL3057: 'warning' } })[0]?.severity, 'warning');
});
