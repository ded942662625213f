import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    // hadolint's DL3009 cases that pass
    'FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM scratch\nRUN echo hey!\n',
    'FROM ubuntu as foo\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\nFROM foo\nRUN hey!\n',
    'FROM ubuntu as foo\nONBUILD RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\nFROM foo\nONBUILD RUN hey!\n',
    'FROM scratch\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n',
    'RUN --mount=type=cache,target=/var/lib/apt/lists \\    apt-get update && apt-get install python\n',
    'RUN --mount=type=cache,target=/var/lib/apt \\    --mount=type=cache,target=/var/cache/apt \\    rm -f /etc/apt/apt.conf.d/docker-clean && \\    apt-get update && apt-get install python\n',
    'RUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt \\\n    --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install foo\n',
    'ONBUILD RUN rm -f /etc/apt/apt.conf.d/docker-clean\nONBUILD RUN --mount=type=cache,target=/var/cache/apt \\\n    --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install foo\n',
    'RUN \\\n  --mount=type=tmpfs,target=/var/cache/apt \\\n  --mount=type=tmpfs,target=/var/lib/apt \\\n  apt-get update\n',
    'RUN \\\n  --mount=type=cache,target=/var/cache/apt \\\n  --mount=type=tmpfs,target=/var/lib/apt \\\n  apt-get update\n',
    'FROM scratch\nRUN apt update && apt install python && rm -rf /var/lib/apt/lists/*\n',
    'FROM scratch\nRUN aptitude update && aptitude install python && rm -rf /var/lib/apt/lists/*\n',
    // ours
    { code: 'FROM debian\nRUN apt-get update; apt-get install -y curl; apt-get dist-clean\n', note: 'apt 2.7 dist-clean removes the lists' },
    { code: 'FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/*\n', note: 'removing a folder above the lists' },
    { code: 'FROM debian\nRUN sudo apt-get -qq update && sudo apt-get install -y curl && sudo rm -rf /var/lib/apt/lists\n', note: 'through sudo, the folder itself' },
    { code: 'FROM debian AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /out /out\n', note: 'a stage only copied from: its layers never reach an image' },
    { code: 'FROM debian\nRUN apt-get install -y ./local.deb\n', note: 'no update, no lists downloaded' },
    { code: 'FROM debian\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl && apt-get clean\n', note: 'the kept .deb files are cleaned in the same RUN' },
    { code: 'FROM debian\nSHELL ["pwsh", "-c"]\nRUN apt-get update\n', note: 'not a POSIX shell: not read' },
  ],
  invalid: [
    // hadolint's DL3009 cases that fire
    { code: 'FROM scratch\nRUN apt-get update && apt-get install python\n', findings: ['apt-get update'], output: 'FROM scratch\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n' },
    {
      code: 'FROM scratch\nONBUILD RUN apt-get update && apt-get install python\n',
      findings: ['apt-get update'],
      output: 'FROM scratch\nONBUILD RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      code: 'FROM ubuntu as foo\nONBUILD RUN apt-get update && apt-get install python\nFROM scratch\nONBUILD RUN echo hey!\n',
      findings: ['apt-get update'],
      output: 'FROM ubuntu as foo\nONBUILD RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\nFROM scratch\nONBUILD RUN echo hey!\n',
      note: 'an ONBUILD trigger runs in the image built on this one, whatever the stage',
    },
    {
      code: 'FROM ubuntu as foo\nRUN hey!\nFROM scratch\nRUN apt-get update && apt-get install python\n',
      findings: ['apt-get update'],
      output: 'FROM ubuntu as foo\nRUN hey!\nFROM scratch\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      code: 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM foo\nRUN hey!\n',
      findings: ['apt-get update'],
      output: 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\nFROM foo\nRUN hey!\n',
    },
    {
      code: 'RUN --mount=type=cache,target=/var/cache/apt \\\n    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n    apt-get update && apt-get install python\n',
      findings: ['apt-get update'],
      output: 'RUN --mount=type=cache,target=/var/cache/apt \\\n    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n    apt-get update && apt-get install python && \\\n    rm -rf /var/lib/apt/lists/*\n',
    },
    {
      code: 'RUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install python\n',
      findings: [{ text: 'apt-get install', messageId: 'archivesLeft' }],
      output: 'RUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install python && \\\n    apt-get clean\n',
      note: 'hadolint fires here because only /var/lib/apt is mounted; we say why: the lists are in the mount, but the kept .deb files are not',
    },
    {
      code: 'ONBUILD RUN rm -f /etc/apt/apt.conf.d/docker-clean\nONBUILD RUN --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install python\n',
      findings: [{ text: 'apt-get install', messageId: 'archivesLeft' }],
      output: 'ONBUILD RUN rm -f /etc/apt/apt.conf.d/docker-clean\nONBUILD RUN --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install python && \\\n    apt-get clean\n',
      note: 'earlier triggers count for later ones: they run in order in the same build',
    },
    { code: 'FROM scratch\nRUN apt update && apt install python\n', findings: ['apt update'], output: 'FROM scratch\nRUN apt update && apt install python && rm -rf /var/lib/apt/lists/*\n' },
    {
      code: 'FROM scratch\nRUN aptitude update && aptitude install python\n',
      findings: ['aptitude update'],
      output: 'FROM scratch\nRUN aptitude update && aptitude install python && rm -rf /var/lib/apt/lists/*\n',
    },
    // ours
    {
      code: 'FROM debian\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      findings: [{ text: 'apt-get update', messageId: 'listsCleanedLater' }],
      output: 'FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/apt/lists/*\n',
      note: 'cleaning in a later RUN leaves the bytes in the earlier layer',
    },
    {
      code: 'FROM debian\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl\n',
      findings: ['apt-get update'],
      output: 'FROM debian\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      note: 'cleaning before the update does not count',
    },
    {
      code: 'FROM debian\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y curl\n',
      findings: ['apt-get update'],
      output: 'FROM debian\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y curl && \\\n\trm -rf /var/lib/apt/lists/*\n',
      note: 'a new continuation line, indented like the last one',
    },
    {
      code: 'FROM debian\nRUN apt-get update \\\n    && apt-get install -y curl\n',
      findings: ['apt-get update'],
      output: 'FROM debian\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
      note: 'operators at the start of the lines stay there',
    },
    {
      code: '# escape=`\nFROM debian\nRUN apt-get update `\n    && apt-get install -y curl\n',
      findings: ['apt-get update'],
      output: '# escape=`\nFROM debian\nRUN apt-get update `\n    && apt-get install -y curl `\n    && rm -rf /var/lib/apt/lists/*\n',
      note: 'the escape character continues the line',
    },
    {
      code: 'FROM debian\nRUN if [ -n "$X" ]; then \\\n      apt-get update && apt-get install -y curl; \\\n    fi\n',
      findings: ['apt-get update'],
      output: 'FROM debian\nRUN if [ -n "$X" ]; then \\\n      apt-get update && apt-get install -y curl; \\\n    fi && \\\n    rm -rf /var/lib/apt/lists/*\n',
    },
    {
      code: 'FROM debian\nRUN apt-get update && apt-get install -y curl # no cleanup\n',
      findings: ['apt-get update'],
      note: 'a trailing comment would swallow an appended command: no fix',
    },
  ],
});
