import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM debian\nRUN apt-get install --no-install-recommends python\n',
    'FROM debian\nRUN apt-get -o APT::Install-Recommends=false install python\n',
    'FROM debian\nRUN apt-get install -y -o APT::Install-Recommends=0 python\n',
    'FROM debian\nRUN apt-get update && apt-get upgrade -y && apt-get remove -y curl\n',
    { code: 'FROM debian\nRUN if apt-get install -s "postgresql-$PG_MAJOR-jit" > /dev/null 2>&1; then echo yes; fi\n', note: 'a simulation installs nothing' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN apt-get install python\n',
      findings: ['apt-get install'],
      output: 'FROM debian\nRUN apt-get install --no-install-recommends python\n',
    },
    {
      code: 'FROM debian\nRUN apt-get -y install python\n',
      findings: ['apt-get -y install'],
      output: 'FROM debian\nRUN apt-get -y install --no-install-recommends python\n',
    },
    {
      code: 'FROM debian\nRUN apt-get -o APT::Install-Recommends=true install -y python\n',
      findings: ['apt-get -o APT::Install-Recommends=true install'],
      output: 'FROM debian\nRUN apt-get -o APT::Install-Recommends=true install --no-install-recommends -y python\n',
    },
    { code: 'FROM debian\nRUN apt install -y curl\n', findings: ['apt install'], output: 'FROM debian\nRUN apt install --no-install-recommends -y curl\n' },
    {
      code: 'FROM debian\nONBUILD RUN apt-get install -y python\n',
      findings: ['apt-get install'],
      output: 'FROM debian\nONBUILD RUN apt-get install --no-install-recommends -y python\n',
    },
  ],
});
