import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    { code: 'FROM a AS build\nCOPY x.sh /tmp/\nRUN rm /tmp/x.sh\nFROM scratch\nCOPY --from=build /out /out\n', note: 'a stage only copied from: its layers never reach the image' },
    { code: 'FROM a\nRUN curl -fsSLo /tmp/a.tgz https://x/a.tgz && tar xzf /tmp/a.tgz -C /opt && rm /tmp/a.tgz\n', note: 'downloaded and removed in one layer' },
    { code: 'FROM a\nCOPY . /app\nRUN rm -rf /app/tests\n', note: 'a file inside a copied folder may come from elsewhere' },
    { code: 'FROM a\nCOPY x.sh /tmp/\nFROM b\nRUN rm /tmp/x.sh\n', note: 'another stage' },
    { code: 'FROM a\nCOPY x.sh /tmp/\nRUN --mount=type=tmpfs,target=/tmp rm /tmp/x.sh\n', note: 'the removal happens in the mount' },
    { code: 'FROM a\nRUN --mount=type=cache,target=/root/.cache curl -o /root/.cache/x https://x/x\nRUN rm /root/.cache/x\n', note: 'the download went into a mount' },
    { code: 'FROM a\nCOPY x.sh /tmp/\nRUN rm /tmp/y.sh\n', note: 'another file' },
    { code: 'FROM a\nRUN curl -o x.tgz https://x/x.tgz\nWORKDIR /other\nRUN rm x.tgz\n', note: 'relative to another folder' },
    { code: 'FROM a\nCOPY x.sh /tmp/\nRUN rm $(ls /tmp/*.sh)\n', note: 'a path only the shell knows' },
    { code: 'FROM a\nADD app.tar.gz /opt/\nRUN rm /opt/app.tar.gz\n', note: 'ADD unpacked the archive: no such file' },
    { code: 'FROM a\nCOPY x.sh .\nRUN cd /elsewhere && rm -f ../x.sh\n', note: 'the base image’s folder is not /elsewhere/..' },
  ],
  invalid: [
    { code: 'FROM a\nCOPY setup.sh /tmp/\nRUN sh /tmp/setup.sh\nRUN rm /tmp/setup.sh\n', findings: ['/tmp/setup.sh'] },
    { code: 'FROM a\nCOPY setup.sh /tmp/setup.sh\nRUN rm -rf /tmp/*\n', findings: ['/tmp/*'], note: 'a glob over it' },
    { code: 'FROM a\nCOPY a.sh /opt/tools/a.sh\nRUN rm -rf /opt/tools/\n', findings: ['/opt/tools/'], note: 'the folder it is in, with a trailing slash' },
    { code: 'FROM a\nCOPY *.sh /opt/tools/\nRUN rm /opt/tools/*.sh\n', findings: ['/opt/tools/*.sh'], note: 'the same glob' },
    { code: 'FROM a\nCOPY app.tar /opt/app\nRUN rm /opt/app/app.tar\n', findings: ['/opt/app/app.tar'], note: 'the destination was an existing folder' },
    { code: 'FROM a\nWORKDIR /src\nCOPY x.sh ./\nRUN ./x.sh\nRUN rm x.sh\n', findings: ['x.sh'], note: 'relative paths against WORKDIR' },
    { code: 'FROM a\nCOPY x.sh .\nRUN rm -f ./x.sh\n', findings: ['./x.sh'], note: 'both relative to the base image’s folder' },
    { code: 'FROM a\nENV DIR=/opt/tool\nCOPY tool.bin $DIR/\nRUN rm "${DIR}/tool.bin"\n', findings: ['"${DIR}/tool.bin"'] },
    { code: 'FROM a\nRUN wget https://example.org/pkg/tool.deb\nRUN dpkg -i tool.deb\nRUN rm tool.deb\n', findings: ['tool.deb'] },
    { code: 'FROM a\nRUN git clone https://github.com/a/b.git /src/b\nRUN make -C /src/b && rm -rf /src/b/.git\n', findings: ['/src/b/.git'], note: 'the .git of a clone' },
    { code: 'FROM a\nRUN mkdir -p /opt/x && tar xzf /x.tgz -C /opt/x\nRUN rm -rf /opt/x\n', findings: ['/opt/x'] },
    { code: 'FROM a\nCOPY --from=build /out/tool /tmp/tool\nRUN cd /tmp && ./tool && rm tool\n', findings: ['tool'], note: 'cd in the same RUN' },
    {
      code: 'FROM a\nCOPY a.sh b.sh /tmp/\nRUN rm /tmp/a.sh /tmp/b.sh\nRUN rm -f /tmp/a.sh\n',
      findings: ['/tmp/a.sh', '/tmp/b.sh'],
      note: 'reported once: the second rm removes nothing more',
    },
  ],
});
