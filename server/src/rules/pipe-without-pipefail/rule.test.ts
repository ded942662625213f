import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const SHELL_LINE = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n';

testRule(rule, {
  valid: [
    'FROM scratch as build\nRUN wget -O - https://some.site && wc -l file > /number\n',
    'FROM scratch as build\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
    'FROM scratch as build\nSHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l > /number\n',
    'FROM scratch as build\nSHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l\n',
    'FROM scratch as build\nSHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l\n',
    'FROM scratch as build\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
    'FROM scratch as build\nSHELL [ "cmd.exe", "/c" ]\nRUN dir | findstr foo\n',
    { code: '# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN Get-ChildItem | Select-Object Name\n', note: 'the shell pragma' },
    { code: 'FROM debian\nRUN set -euo pipefail; curl -fsSL https://x | tar -xz\n', note: 'the script turns it on' },
    { code: 'FROM base AS build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM build\nRUN a | b\n', note: 'the SHELL of the stage it is built on' },
    { code: 'FROM debian\nONBUILD RUN a | b\n', note: 'the SHELL of the image that runs the trigger is not known' },
    { code: 'FROM debian\nRUN echo "$SHA256 *go.tgz" | sha256sum -c - && yes | apt-get install curl\n', note: 'echo cannot fail; yes is meant to be cut off' },
    { code: 'FROM golang\nRUN gotestsum -- $(go list ./... | grep -v /vendor/) && export X="$(a | b)"\n', note: 'the status of a pipe that makes an argument is dropped' },
  ],
  invalid: [
    {
      code: 'FROM scratch\nRUN wget -O - https://some.site | wc -l > /number\n',
      findings: ['|'],
      output: `FROM scratch\n${SHELL_LINE}RUN wget -O - https://some.site | wc -l > /number\n`,
    },
    {
      code: 'FROM scratch as build\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l\n',
      findings: ['|'],
      output: `FROM scratch as build\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n${SHELL_LINE}RUN wget -O - https://some.site | wc -l\n`,
      note: 'plain sh is not trusted with pipefail',
    },
    {
      code: 'FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nFROM scratch as build2\nRUN a | b\n',
      findings: ['|'],
      output: `FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nFROM scratch as build2\n${SHELL_LINE}RUN a | b\n`,
    },
    {
      code: 'FROM debian\nSHELL ["/bin/bash", "-c"]\nRUN a 2>&1 |& b\n',
      findings: ['|&'],
      output: `FROM debian\nSHELL ["/bin/bash", "-c"]\n${SHELL_LINE}RUN a 2>&1 |& b\n`,
      note: 'keeps the bash in effect',
    },
    {
      code: 'FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl && curl -fsSL https://x | tar -xz\n',
      findings: ['|'],
      output: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\n# hadolint ignore=DL3018\nRUN apk add curl && curl -fsSL https://x | tar -xz\n',
      note: 'ash on Alpine; above the pragma that belongs to the RUN',
    },
    {
      code: 'FROM debian\nRUN VERSION="$(curl -fsSL https://x/latest | jq -r .tag)" && echo "$VERSION"\n',
      findings: ['|'],
      output: `FROM debian\n${SHELL_LINE}RUN VERSION="$(curl -fsSL https://x/latest | jq -r .tag)" && echo "$VERSION"\n`,
    },
    {
      code: 'FROM debian\nRUN echo "$LIST" | grep -v x | sort\n',
      findings: ['|'],
      output: `FROM debian\n${SHELL_LINE}RUN echo "$LIST" | grep -v x | sort\n`,
      note: 'grep, in the middle, can fail',
    },
    {
      code: 'FROM debian\nRUN (set -o pipefail) && a | b\n',
      findings: ['|'],
      output: `FROM debian\n${SHELL_LINE}RUN (set -o pipefail) && a | b\n`,
      note: 'a subshell’s set does not reach the pipe',
    },
  ],
});
