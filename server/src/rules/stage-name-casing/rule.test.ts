import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    '\nFROM scratch as base2\nFROM scratch AS base3\n',
    'FROM alpine\n',
    'FROM alpine AS build-2_x.y\n',
  ],
  invalid: [
    {
      code: '\n# warning: stage name should be lowercase\n#\nFROM scratch AS BadStageName\n',
      findings: ['BadStageName'],
      output: '\n# warning: stage name should be lowercase\n#\nFROM scratch AS badstagename\n',
      note: 'BuildKit testStageName',
    },
    {
      code: 'FROM golang AS Build\nRUN make\nFROM Build AS test\nFROM alpine\nCOPY --from=BUILD /out /out\nRUN --mount=type=bind,from=Build,target=/src ls\nONBUILD COPY --from=Build /x /x\n',
      findings: ['Build'],
      output: 'FROM golang AS build\nRUN make\nFROM build AS test\nFROM alpine\nCOPY --from=build /out /out\nRUN --mount=type=bind,from=build,target=/src ls\nONBUILD COPY --from=build /x /x\n',
      note: 'references are renamed with the stage',
    },
    {
      code: 'FROM alpine AS ONE\nFROM alpine AS Two\n',
      findings: ['ONE', 'Two'],
      output: 'FROM alpine AS one\nFROM alpine AS two\n',
    },
  ],
});
