import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM ubuntu\nRUN apt-get install -y python\n',
    'FROM ubuntu\nRUN apt-cache policy curl && apt-mark hold curl\n',
    'FROM ubuntu\nRUN apt-get install -y apt-transport-https\n',
  ],
  invalid: [
    { code: 'FROM ubuntu\nRUN apt install python\n', findings: ['apt'], output: 'FROM ubuntu\nRUN apt-get install python\n' },
    {
      code: 'FROM ubuntu\nRUN apt update && apt search curl\n',
      findings: ['apt', 'apt'],
      output: 'FROM ubuntu\nRUN apt-get update && apt-cache search curl\n',
    },
    { code: 'FROM ubuntu\nRUN /usr/bin/apt -y remove vim\n', findings: ['/usr/bin/apt'], output: 'FROM ubuntu\nRUN /usr/bin/apt-get -y remove vim\n' },
    { code: 'FROM ubuntu\nRUN apt upgrade -y\n', findings: ['apt'], note: 'apt upgrade also installs new dependencies: no fix' },
    { code: 'FROM ubuntu\nRUN apt list --installed\n', findings: ['apt'], note: 'no apt-get counterpart' },
    { code: 'FROM ubuntu\nONBUILD RUN apt install python\n', findings: ['apt'], output: 'FROM ubuntu\nONBUILD RUN apt-get install python\n' },
  ],
});
