import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    { code: 'FROM scratch as build\nENTRYPOINT ["foo", "bar"]\n', note: 'hadolint DL3025' },
    { code: 'FROM scratch as build\nCMD ["foo", "bar"]\nCMD [ "foo", "bar" ]\n', note: 'hadolint DL3025' },
    { code: 'CMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]\n', note: 'hadolint DL3025' },
    { code: 'HEALTHCHECK CMD foobar\n', note: 'differs from hadolint DL3025: a health check is not PID 1, so signals do not matter' },
    { code: '\nFROM scratch\nSHELL ["/usr/bin/customshell"]\nCMD mycommand\n', note: 'BuildKit testJSONArgsRecommended' },
    { code: '\nFROM scratch\nSHELL ["/usr/bin/customshell"]\nENTRYPOINT mycommand\n', note: 'BuildKit testJSONArgsRecommended' },
    { code: '\nFROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nCMD mycommand\n', note: 'BuildKit: the shell carries over to a stage built on this one' },
    { code: '\nFROM scratch\n# check=skip=JSONArgsRecommended\nCMD mycommand\n', note: 'BuildKit testMaintainerDeprecated' },
    { code: 'FROM alpine\nONBUILD CMD run\n', note: 'a trigger is checked where it runs, as BuildKit does' },
  ],
  invalid: [
    { code: 'FROM node as foo\nENTRYPOINT something\n', findings: ['ENTRYPOINT'], output: 'FROM node as foo\nENTRYPOINT ["something"]\n', note: 'hadolint DL3025' },
    { code: 'FROM node as foo\nCMD something\n', findings: ['CMD'], output: 'FROM node as foo\nCMD ["something"]\n', note: 'hadolint DL3025' },
    { code: '\nFROM scratch\nCMD mycommand\n', findings: ['CMD'], output: '\nFROM scratch\nCMD ["mycommand"]\n', note: 'BuildKit testJSONArgsRecommended' },
    { code: 'FROM python:3.12\nCMD gunicorn --bind=0.0.0.0:8000 \\\n    app:server\n', findings: ['CMD'], output: 'FROM python:3.12\nCMD ["gunicorn", "--bind=0.0.0.0:8000", "app:server"]\n' },
    { code: 'FROM alpine\nCMD echo $HOME\n', findings: ['CMD'], note: 'a variable needs the shell: no rewrite' },
    { code: 'FROM alpine\nCMD nginx -g "daemon off;"\n', findings: ['CMD'], note: 'quotes need the shell: no rewrite' },
    { code: 'FROM alpine\nCMD ./start.sh && tail -f /dev/null\n', findings: ['CMD'], note: 'operators need the shell: no rewrite' },
    { code: 'FROM alpine\nENTRYPOINT exec nginx\n', findings: ['ENTRYPOINT'], note: 'exec is a shell built-in: no rewrite' },
    { code: 'FROM alpine\nCMD DEBUG=1 node app.js\n', findings: ['CMD'], note: 'an assignment needs the shell: no rewrite' },
    { code: 'FROM alpine\nCMD ls *.txt\n', findings: ['CMD'], note: 'a glob needs the shell: no rewrite' },
    { code: 'FROM alpine AS base\nSHELL ["/bin/ash", "-c"]\nFROM alpine\nCMD run\n', findings: ['CMD'], output: 'FROM alpine AS base\nSHELL ["/bin/ash", "-c"]\nFROM alpine\nCMD ["run"]\n', note: 'a SHELL in an unrelated stage does not count' },
  ],
});
