import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    // hadolint's DL3003 case that passes
    'WORKDIR /opt\n',
    // ours
    { code: 'FROM a\nRUN (cd /src && make)\n', note: 'a subshell keeps the cd to itself on purpose' },
    { code: 'FROM a\nRUN for d in a b; do cd "$d"; make; cd ..; done\n', note: 'a cd in a loop' },
    { code: 'FROM a\nRUN cd "$(mktemp -d)" && curl -O https://x/a.tgz\n', note: 'a folder only the shell knows' },
    {
      code: 'FROM a\nRUN mkdir -p /usr/src/app && cd /usr/src/app && ./configure && make install && cd / && rm -rf /usr/src/app\n',
      note: 'a temporary build folder the RUN deletes: WORKDIR would keep it in a layer',
    },
    { code: 'FROM a\nWORKDIR /tmp\nRUN cd build && make && cd .. && rm -rf build\n', note: 'a relative temporary folder' },
    { code: 'FROM a\nRUN cd - && make\n', note: 'cd - returns to a folder the shell knows' },
    { code: 'FROM a\nRUN --mount=type=bind,target=/src cd /src && make install\n', note: 'a mount exists only during its RUN' },
    {
      code: 'FROM a\nRUN apt-get update && apt-get install -y gnupg && cd /usr/src && curl -O https://x/a.tgz\n',
      note: 'hadolint reports every cd; a cd in the middle of a longer script is a step of that script, not a stand-in for WORKDIR',
    },
    { code: 'FROM a\nRUN cd /tmp && curl -O https://x/a.tgz && tar xzf a.tgz && ./a/install && rm -rf /tmp/*\n', note: 'emptying the folder afterwards makes it temporary too' },
  ],
  invalid: [
    // hadolint's DL3003 case that fires
    { code: 'RUN cd /opt\n', findings: ['cd /opt'], output: 'WORKDIR /opt\n' },
    { code: 'ONBUILD RUN cd /opt\n', findings: ['cd /opt'], output: 'ONBUILD WORKDIR /opt\n' },
    // ours
    { code: 'FROM a\nRUN cd /src && make\n', findings: ['cd /src'], output: 'FROM a\nWORKDIR /src\nRUN make\n' },
    {
      code: 'FROM a\n  RUN --mount=type=cache,target=/root/.cache cd /src \\\n   && go build ./...\n',
      findings: ['cd /src'],
      output: 'FROM a\n  WORKDIR /src\n  RUN --mount=type=cache,target=/root/.cache go build ./...\n',
      note: 'flags stay, the continuation after the cd goes',
    },
    { code: 'FROM a\nRUN cd /src; make\n', findings: ['cd /src'], output: 'FROM a\nWORKDIR /src\nRUN make\n' },
    {
      code: 'FROM a\nRUN set -eux; \\\n\tcd /src; \\\n\tmake\n',
      findings: ['cd /src'],
      output: 'FROM a\nWORKDIR /src\nRUN set -eux; \\\n\tmake\n',
      note: 'after set',
    },
    { code: 'FROM a\nRUN mkdir -p /app && cd /app && npm install\n', findings: ['cd /app'], note: 'after creating the folder; a mkdir before it: no fix' },
    { code: 'FROM a\nRUN cd src && make\n', findings: ['cd src'], note: 'a relative folder: no fix' },
    { code: 'FROM a\nRUN cd $APP_HOME && make\n', findings: ['cd $APP_HOME'], note: 'a variable WORKDIR reads differently: no fix' },
    { code: 'FROM a\nRUN cd /src && make && cd /docs && make\n', findings: ['cd /src'], note: 'several cds: no fix' },
    { code: 'FROM a\nRUN cd /src || exit 1\n', findings: ['cd /src'], note: 'the cd is checked: no fix' },
    { code: 'FROM a\r\nRUN cd /src && make\r\n', findings: ['cd /src'], output: 'FROM a\r\nWORKDIR /src\r\nRUN make\r\n' },
  ],
});
