import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM alpine\nCOPY --from=x --chown=y . .\n',
    'FROM alpine\nCOPY --exclude=a --exclude=b . .\n',
    'FROM alpine\nRUN --mount=type=cache,target=/a --mount=type=cache,target=/b true\n',
    { code: 'FROM alpine\nCOPY --x --x . .\n', note: 'unknown flags are unknown-flag\'s' },
  ],
  invalid: [
    { code: 'FROM alpine\nCOPY --from=x --from=y . .\n', findings: [{ text: 'from', messageId: 'duplicate' }] },
    { code: 'FROM alpine\nADD --link=true --link=false . .\n', findings: ['link'] },
    {
      code: 'FROM alpine\nHEALTHCHECK --interval=30s --interval=30s CMD ls\n',
      findings: ['interval'],
      output: 'FROM alpine\nHEALTHCHECK --interval=30s CMD ls\n',
      note: 'the same value twice: removing one is safe',
    },
    { code: 'FROM alpine\nCOPY --chmod=644 \\\n  --chmod=644 a b\n', findings: ['chmod'], output: 'FROM alpine\nCOPY --chmod=644 a b\n' },
  ],
});
