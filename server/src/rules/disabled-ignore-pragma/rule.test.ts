import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const settings = { disableIgnorePragma: true };

testRule(rule, {
  valid: [
    { code: '# hadolint ignore=DL3003\nRUN foo bar\n', note: 'ignore comments are allowed unless the configuration turns them off' },
    { code: '# hadolint shell=powershell\nRUN foo bar\n', settings },
    { code: '# hadolint shell=powershell # foobar\nFROM ubuntu\n', settings },
    { code: '# foobar\nRUN foo bar\n', settings },
    { code: 'FROM debian\nRUN foo bar\n', settings },
    { code: '# check=skip=JSONArgsRecommended\nFROM debian\nCMD a\n', settings, note: 'BuildKit’s directive keeps working' },
  ],
  invalid: [
    { code: '# hadolint ignore=DL3003\nRUN foo bar\n', settings, findings: ['# hadolint ignore=DL3003'], output: 'RUN foo bar\n' },
    {
      code: 'FROM a\n# hadolint global ignore=DL3006\n# layerwise-ignore-file latest-tag\n  # layerwise-ignore untagged-image\nFROM b\n',
      settings,
      findings: ['# hadolint global ignore=DL3006', '# layerwise-ignore-file latest-tag', '# layerwise-ignore untagged-image'],
      output: 'FROM a\nFROM b\n',
    },
    { code: 'FROM a\r\n# hadolint stage ignore=DL3011\r\nEXPOSE 1\r\n', settings, findings: ['# hadolint stage ignore=DL3011'], output: 'FROM a\r\nEXPOSE 1\r\n' },
  ],
});
