import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM debian\nRUN apt-get install -yq python\n',
    'FROM debian\nRUN apt-get install -y python\n',
    'FROM debian\nRUN apt-get -y install python\n',
    'FROM debian\nRUN apt-get --yes install python && apt-get --assume-yes purge python\n',
    { code: 'FROM debian\nRUN apt-get install -qq python\n', note: 'quiet level 2 implies -y' },
    'FROM debian\nRUN apt-get install -q -q python\n',
    'FROM debian\nRUN apt-get install -q=2 python\n',
    'FROM debian\nRUN apt-get install --quiet --quiet python\n',
    'FROM debian\nRUN apt-get -o APT::Get::Assume-Yes=true install python\n',
    { code: 'FROM debian\nRUN yes | apt-get install python\n', note: 'yes answers' },
    'FROM debian\nRUN apt-get update && apt-get clean && apt-cache policy curl\n',
    'FROM debian\nRUN echo apt-get install python\n',
    { code: 'FROM debian\nRUN if apt-get install -s "postgresql-$PG_MAJOR-jit" > /dev/null 2>&1; then echo yes; fi\n', note: 'a simulation installs nothing' },
  ],
  invalid: [
    { code: 'FROM debian\nRUN apt-get install python\n', findings: ['apt-get install'], output: 'FROM debian\nRUN apt-get install -y python\n' },
    { code: 'FROM debian\nRUN apt-get install -q python\n', findings: ['apt-get install'], output: 'FROM debian\nRUN apt-get install -y -q python\n' },
    { code: 'FROM debian\nRUN apt-get install --quiet python\n', findings: ['apt-get install'], output: 'FROM debian\nRUN apt-get install -y --quiet python\n' },
    {
      code: 'FROM debian\nRUN apt-get update \\\n && apt-get --no-install-recommends upgrade \\\n && apt-get purge curl\n',
      findings: ['apt-get --no-install-recommends upgrade', 'apt-get purge'],
      output: 'FROM debian\nRUN apt-get update \\\n && apt-get --no-install-recommends upgrade -y \\\n && apt-get purge -y curl\n',
      note: 'upgrades and removals ask too',
    },
    { code: 'FROM debian\nRUN sudo apt install curl\n', findings: ['apt install'], output: 'FROM debian\nRUN sudo apt install -y curl\n' },
    { code: 'FROM debian\nONBUILD RUN apt-get install python\n', findings: ['apt-get install'], output: 'FROM debian\nONBUILD RUN apt-get install -y python\n' },
  ],
});
