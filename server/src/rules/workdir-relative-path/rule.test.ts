import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    { code: 'WORKDIR /usr/local', note: 'hadolint DL3000' },
    { code: 'WORKDIR ${work}', note: 'hadolint DL3000: a value from outside the Dockerfile is not judged' },
    { code: "WORKDIR '/usr/local'", note: 'hadolint DL3000' },
    { code: 'WORKDIR "/usr/local"', note: 'hadolint DL3000' },
    { code: 'WORKDIR "${dir}"', note: 'hadolint DL3000' },
    { code: "WORKDIR 'C:\\'", note: 'hadolint DL3000: Windows paths count as absolute (BuildKit on Linux would call them relative)' },
    { code: 'WORKDIR "C:\\"', note: 'hadolint DL3000' },
    { code: 'WORKDIR C:/', note: 'hadolint DL3000' },
    { code: 'WORKDIR "C:/"', note: 'hadolint DL3000' },
    { code: '\nFROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n', note: 'BuildKit testWorkdirRelativePath: the parent stage set one' },
    { code: '\nFROM scratch\n# check=skip=WorkdirRelativePath\nWORKDIR app/\n', note: 'BuildKit testWorkdirRelativePath' },
    { code: 'FROM alpine\nWORKDIR /app\nWORKDIR src\n', note: 'differs from hadolint, which reports every relative WORKDIR: after an absolute one it is safe' },
    'FROM alpine\nARG APP=/srv/app\nWORKDIR $APP\n',
    'FROM alpine\nONBUILD WORKDIR app\n',
  ],
  invalid: [
    { code: 'WORKDIR relative/dir', findings: ['relative/dir'], note: 'hadolint DL3000' },
    { code: "WORKDIR 'relative/dir'", findings: ["'relative/dir'"], note: 'hadolint DL3000' },
    { code: 'WORKDIR "relative/dir"', findings: ['"relative/dir"'], note: 'hadolint DL3000' },
    { code: '\nFROM scratch\nWORKDIR app/\n', findings: ['app/'], note: 'BuildKit testWorkdirRelativePath' },
    { code: 'FROM alpine\nWORKDIR app\nWORKDIR src\n', findings: ['app'], note: 'BuildKit reports only the first, which fixes the rest' },
    { code: 'FROM alpine\nARG APP=app\nWORKDIR $APP\n', findings: ['$APP'] },
  ],
});
