import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    { code: 'FROM a AS build\nCOPY x.sh /x.sh\nRUN chmod 755 /x.sh\nFROM scratch\nCOPY --from=build /x.sh /x.sh\n', note: 'a stage only copied from: its layers never reach the image' },
    'FROM a\nCOPY --chmod=755 run.sh /usr/local/bin/run.sh\n',
    { code: 'FROM a\nCOPY run.sh /usr/local/bin/\nRUN chmod 755 /usr/local/bin/other.sh\n', note: 'another file' },
    { code: 'FROM a\nCOPY . /app\nRUN npm ci\nRUN chown -R node /app\n', note: 'a RUN in between wrote into the folder too' },
    { code: 'FROM a\nCOPY run.sh /bin/\nFROM b\nRUN chmod +x /bin/run.sh\n', note: 'another stage' },
    { code: 'FROM a\nONBUILD COPY run.sh /bin/\nONBUILD RUN chmod +x /bin/run.sh\n', note: 'triggers run in another build' },
  ],
  invalid: [
    {
      code: 'FROM a\nCOPY run.sh /usr/local/bin/run.sh\nRUN chmod 0755 /usr/local/bin/run.sh\nCMD ["run.sh"]\n',
      findings: ['chmod 0755 /usr/local/bin/run.sh'],
      output: 'FROM a\nCOPY --chmod=0755 run.sh /usr/local/bin/run.sh\nCMD ["run.sh"]\n',
    },
    {
      code: 'FROM a\nCOPY a.sh b.sh /usr/local/bin/\nRUN chmod +x /usr/local/bin/a.sh /usr/local/bin/b.sh\n',
      findings: ['chmod +x /usr/local/bin/a.sh /usr/local/bin/b.sh'],
      output: 'FROM a\nCOPY --chmod=755 a.sh b.sh /usr/local/bin/\n',
      note: '+x becomes 755, which is not always the same: unsafe',
    },
    {
      code: 'FROM a\nWORKDIR /app\nCOPY --chown=app config.yml ./\nRUN chmod 600 config.yml && ./setup\n',
      findings: ['chmod 600 config.yml'],
      output: 'FROM a\nWORKDIR /app\nCOPY --chmod=600 --chown=app config.yml ./\nRUN ./setup\n',
      note: 'the command goes, the rest of the RUN stays',
    },
    {
      code: 'FROM a\nCOPY . /app\nRUN chown -R app:app /app\n',
      findings: ['chown -R app:app /app'],
      output: 'FROM a\nCOPY --chown=app:app . /app\n',
      note: 'a folder the COPY filled; -R may reach more than the copied files: unsafe',
    },
    {
      code: 'FROM a\nCOPY tool /opt/tool\nRUN apt-get update\nRUN ./configure && make && sudo chown app /opt/tool\n',
      findings: ['chown app /opt/tool'],
      output: 'FROM a\nCOPY --chown=app tool /opt/tool\nRUN apt-get update\nRUN ./configure && make\n',
      note: 'a file, with a RUN in between: unsafe',
    },
    { code: 'FROM a\nCOPY app /srv/app\nRUN chgrp staff /srv/app\n', findings: ['chgrp staff /srv/app'], note: 'chgrp: no fix' },
    { code: 'FROM a\nCOPY x /x\nRUN chmod u+rw,g-w /x\n', findings: ['chmod u+rw,g-w /x'], note: 'a symbolic mode: no fix' },
    { code: 'FROM a\nCOPY --chmod=644 x /x\nRUN chmod 600 /x\n', findings: ['chmod 600 /x'], note: 'the COPY already sets a mode: no fix' },
    { code: 'FROM a\nCOPY x /x\nRUN chmod 600 /x /etc/other\n', findings: ['chmod 600 /x /etc/other'], note: 'another file in the same command: no fix' },
  ],
});
