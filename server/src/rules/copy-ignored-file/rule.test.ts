import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const dockerfileIgnored = { dockerignore: '\nDockerfile\n' };
const subExcluded = (dockerignore: string) => ({ dockerignore });

testRule(rule, {
  valid: [
    { code: 'FROM scratch\nCOPY Dockerfile .\n', note: 'no .dockerignore given: nothing to check' },
    { code: '\nFROM scratch AS base\nCOPY Dockerfile /foobar\nADD Dockerfile /windy\n\nFROM base\nCOPY --from=base /foobar /Dockerfile\n', settings: { dockerignore: '\nfoobar\n' }, note: 'BuildKit testCopyIgnoredFiles: --from reads a stage, not the context' },
    { code: '\nFROM scratch\nCOPY ./Dockerfile .\n', settings: { dockerignore: '\n**\n!Dockerfile\n' }, note: 'BuildKit testCopyIgnoredFiles' },
    { code: '\nFROM scratch\nCOPY . .\n\t', settings: { dockerignore: '\n**\n!Dockerfile\n' }, note: 'BuildKit testCopyIgnoredFiles: the context root keeps Dockerfile' },
    { code: '\nFROM scratch\nCOPY . .\n', settings: { dockerignore: '\n.*\n' }, note: 'BuildKit testCopyIgnoredFileContextRoot: dot files are not the whole context' },
    { code: '# check=skip=CopyIgnoredFile\n\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n', settings: dockerfileIgnored, note: 'BuildKit testCopyIgnoredFiles' },
    { code: 'FROM scratch\nCOPY sub /sub\n', settings: subExcluded('sub\n!sub/a.txt\n'), note: 'BuildKit testCopyIgnoredFileNegation: a file inside is brought back' },
    { code: 'FROM scratch\nCOPY . /ctx\n', settings: subExcluded('sub\n!sub/a.txt\n'), note: 'BuildKit testCopyIgnoredFileNegation' },
    { code: 'FROM scratch\nCOPY sub/a.txt /\n', settings: subExcluded('sub\n!sub/a.txt\n'), note: 'BuildKit testCopyIgnoredFileNegation' },
    { code: 'FROM scratch\nCOPY sub/*.txt /\n', settings: subExcluded('sub\n!sub/a.txt\n'), note: 'BuildKit testCopyIgnoredFileNegation' },
    { code: 'FROM scratch\nCOPY su.b /sub\n', settings: subExcluded('su.b\n!su\\.b/keep.txt\n'), note: 'BuildKit testCopyIgnoredFileNegation' },
    { code: 'FROM scratch\nADD https://example.com/Dockerfile /x\nCOPY <<Dockerfile /y\nhi\nDockerfile\n', settings: dockerfileIgnored, note: 'URLs and heredocs are not read from the context' },
    { code: 'FROM scratch\nCOPY $SRC /x\n', settings: dockerfileIgnored, note: 'a source whose value is unknown is not judged' },
  ],
  invalid: [
    { code: '\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n', settings: dockerfileIgnored, findings: ['Dockerfile', 'Dockerfile'], note: 'BuildKit testCopyIgnoredFiles' },
    { code: '\nFROM scratch\nCOPY . .\n', settings: { dockerignore: '\n*\n' }, findings: ['.'], note: 'BuildKit testCopyIgnoredFileContextRoot' },
    { code: '\nFROM scratch\nCOPY sub/a.txt /\n', settings: subExcluded('sub\n!sub/b.txt\n'), findings: ['sub/a.txt'], note: 'BuildKit testCopyIgnoredFileNegation: a sibling brought back does not help' },
    { code: '\nFROM scratch\nCOPY sub/a.txt /\n', settings: subExcluded('sub\n!other.txt\n'), findings: ['sub/a.txt'], note: 'BuildKit testCopyIgnoredFileNegation' },
    { code: '\nFROM scratch\nCOPY sub/a.txt /\n', settings: subExcluded('sub\n!nope/missing.txt\n'), findings: ['sub/a.txt'], note: 'BuildKit testCopyIgnoredFileNegation' },
    { code: '\nFROM scratch\nCOPY sub/a.txt /\n', settings: subExcluded('!sub/b.txt\nsub\n'), findings: ['sub/a.txt'], note: 'BuildKit testCopyIgnoredFileNegation: a negation before the exclusion' },
    { code: 'FROM node\nARG ENV_FILE=.env\nCOPY ["${ENV_FILE}", "/app/"]\nCOPY /secrets/key.pem /k\n', settings: { dockerignore: '# local only\n.env\nsecrets/\n' }, findings: ['"${ENV_FILE}"', '/secrets/key.pem'] },
  ],
});
