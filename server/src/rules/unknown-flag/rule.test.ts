import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM --platform=linux/amd64 alpine\n',
    'FROM alpine\nCOPY --from=x --chown=a --chmod=644 --link --parents --exclude=*.md . .\n',
    'FROM alpine\nADD --chown=a --chmod=644 --link --keep-git-dir --checksum=sha256:x --exclude=a --unpack=true a b\n',
    'FROM alpine\nRUN --mount=type=cache,target=/x --network=none --security=sandbox true\n',
    'FROM alpine\nHEALTHCHECK --interval=1s --timeout=1s --start-period=1s --start-interval=1s --retries=3 CMD true\n',
    { code: 'FROM alpine\nCOPY -- a b\n', note: 'a lone -- ends the flags in BuildKit; dockerfile-utils reports an unknown flag' },
    { code: 'FROM alpine\nHEALTHCHECK --whatever NONE\n', note: 'BuildKit reads no flags of HEALTHCHECK NONE' },
    'FROM alpine\nFOO --bar x\n',
  ],
  invalid: [
    { code: 'FROM alpine\nADD --x=bb . .\n', findings: [{ text: '--x', messageId: 'unknown' }] },
    { code: 'FROM alpine\nCOPY --chown=bb --x . .\n', findings: ['--x'] },
    { code: 'FROM --platfor=$BUILDPLATFORM alpine\n', findings: [{ text: '--platfor', messageId: 'unknownSuggest' }], output: 'FROM --platform=$BUILDPLATFORM alpine\n' },
    { code: 'FROM alpine AS bb\nFROM alpine\nCOPY --FROM=bb . .\n', findings: ['--FROM'], output: 'FROM alpine AS bb\nFROM alpine\nCOPY --from=bb . .\n', note: 'flag names are case-sensitive' },
    { code: 'FROM alpine\nHEALTHCHECK --interva=30s CMD ls\n', findings: ['--interva'], output: 'FROM alpine\nHEALTHCHECK --interval=30s CMD ls\n' },
    { code: 'FROM alpine\nWORKDIR --x /app\n', findings: ['--x'], note: 'instructions without flags refuse any' },
    { code: 'FROM alpine\nARG --x=1 A\n', findings: ['--x'], note: 'BuildKit drops flags on ARG without a word; they never take effect' },
    { code: 'FROM alpine\nONBUILD COPY --chmown=a . .\n', findings: ['--chmown'], output: 'FROM alpine\nONBUILD COPY --chown=a . .\n' },
  ],
});
