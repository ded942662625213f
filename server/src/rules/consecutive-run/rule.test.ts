import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    // hadolint's DL3059 cases that pass
    'FROM debian:10\n',
    'RUN /foo.sh\n',
    'RUN /foo.sh\nWORKDIR /\nRUN /bar.sh\n',
    '# a comment\nRUN /foo.sh\n',
    'RUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh\n',
    'RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh\n',
    'RUN foo && bar\nRUN foobar\n',
    'RUN foo; bar\nRUN foobar\n',
    'RUN foobar\nRUN foo && bar\n',
    'RUN foobar\nRUN foo; bar\n',
    'RUN foo && bar\nRUN foo; bar\n',
    // ours
    { code: 'FROM a\nRUN foo\nFROM b\nRUN bar\n', note: 'different stages' },
    { code: 'FROM a\nRUN ["foo"]\nRUN bar\n', note: 'an exec-form RUN is not a shell command we can count' },
    { code: 'FROM a\nONBUILD RUN foo\nONBUILD RUN bar\n', note: 'triggers run in another build' },
    { code: 'FROM a\nRUN echo $(date)\nRUN bar\n', note: 'a command substitution is a second command' },
    { code: 'FROM a\n  RUN apt-get update \\\n      && true\nRUN x\n', note: 'the first RUN chains two commands' },
  ],
  invalid: [
    // hadolint's DL3059 cases that fire
    { code: 'RUN /foo.sh\nRUN /bar.sh\n', findings: ['RUN'], output: 'RUN /foo.sh && \\\n    /bar.sh\n' },
    { code: 'RUN /foo.sh\n# a comment\nRUN /bar.sh\n', findings: ['RUN'], output: 'RUN /foo.sh && \\\n    # a comment\n    /bar.sh\n' },
    {
      code: 'RUN /foo.sh\n# a comment\n# another comment\nRUN /bar.sh\n',
      findings: ['RUN'],
      output: 'RUN /foo.sh && \\\n    # a comment\n    # another comment\n    /bar.sh\n',
    },
    {
      code: 'RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh\n',
      findings: ['RUN'],
      output: 'RUN --mount=type=secret,id=foo /foo.sh && \\\n    /bar.sh\n',
    },
    { code: 'RUN foo && bar\nRUN foo\nRUN bar\n', findings: ['RUN'], output: 'RUN foo && bar\nRUN foo && \\\n    bar\n' },
    // ours
    {
      code: 'FROM a\nRUN mkdir /x\nRUN touch /x/a\nRUN chmod 600 /x/a\n',
      findings: ['RUN', 'RUN'],
      output: 'FROM a\nRUN mkdir /x && \\\n    touch /x/a && \\\n    chmod 600 /x/a\n',
      note: 'a run of three merges into one',
    },
    {
      code: 'FROM a\nRUN --network=none --mount=type=cache,target=/c make\nRUN --mount=type=cache,target=/c --network=none make install\n',
      findings: ['RUN'],
      output: 'FROM a\nRUN --network=none --mount=type=cache,target=/c make && \\\n    make install\n',
      note: 'the same flags in another order',
    },
    {
      code: 'FROM a\nRUN set -eux\nRUN make\n',
      findings: ['RUN'],
      note: 'set changes the shell the next command would run in: no fix',
    },
    { code: 'FROM a\nRUN cd /src\nRUN make\n', findings: ['RUN'], note: 'merging would make `make` run in /src: no fix' },
    { code: 'FROM a\nRUN export A=1\nRUN env\n', findings: ['RUN'], note: 'merging would let `env` see A: no fix' },
    { code: 'FROM a\nRUN make # build\nRUN make install\n', findings: ['RUN'], note: 'the comment would swallow the merged command: no fix' },
    { code: 'FROM a\nRUN make\n# hadolint ignore=DL3003\nRUN cd /x\n', findings: ['RUN'], note: 'an ignore comment between would apply to another RUN: no fix' },
    {
      code: '# escape=`\nFROM a\nRUN make\nRUN make install\n',
      findings: ['RUN'],
      output: '# escape=`\nFROM a\nRUN make && `\n    make install\n',
    },
    {
      code: 'FROM a\nRUN apt-get install -y \\\n      curl\nRUN for f in a b; do \\\n      echo $f; \\\n    done\n',
      findings: ['RUN'],
      output: 'FROM a\nRUN apt-get install -y \\\n      curl && \\\n      for f in a b; do \\\n      echo $f; \\\n    done\n',
      note: 'the second RUN keeps its own lines',
    },
    { code: 'FROM a\r\nRUN a\r\nRUN b\r\n', findings: ['RUN'], output: 'FROM a\r\nRUN a && \\\r\n    b\r\n' },
  ],
});
