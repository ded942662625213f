import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM debian\nRUN apt-get install ssh vim procps\n',
    'FROM debian\nRUN ssh-keygen -A && ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts\n',
    'FROM debian\nRUN command -v ps && which top\n',
    { code: 'FROM debian\nCMD service nginx start\n', note: 'only RUN' },
  ],
  invalid: [
    { code: 'FROM debian\nRUN top\n', findings: ['top'] },
    { code: 'FROM debian\nRUN service nginx start && ps aux | grep nginx\n', findings: ['service', 'ps'] },
    { code: 'FROM debian\nRUN sudo /usr/bin/vim /etc/hosts\n', findings: ['/usr/bin/vim'] },
    { code: 'FROM debian\nONBUILD RUN mount -a\n', findings: ['mount'] },
  ],
});
