import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM debian\nRUN apt-get install sudo\n',
    'FROM debian\nRUN echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app\n',
    { code: 'FROM debian\nCMD sudo -u app server\n', note: 'only RUN' },
  ],
  invalid: [
    { code: 'FROM debian\nRUN sudo apt-get update\n', findings: ['sudo'] },
    { code: 'FROM debian\nRUN apt-get update && sudo apt-get install\n', findings: ['sudo'] },
    {
      code: 'FROM debian\nRUN sudo -u app sudo -E make install\n',
      findings: [
        { text: 'sudo', messageId: 'sudoUser' },
        { text: 'sudo', messageId: 'sudo' },
      ],
    },
    { code: 'FROM debian\nRUN sudo -E -u discourse -H git config --global user.name x\n', findings: [{ text: 'sudo', messageId: 'sudoUser' }] },
    { code: 'FROM debian\nRUN sudo --user=root make install\n', findings: [{ text: 'sudo', messageId: 'sudo' }] },
    { code: 'FROM debian\nRUN env DEBIAN_FRONTEND=noninteractive sudo apt-get update\n', findings: ['sudo'] },
    { code: 'FROM debian\nRUN sudo -l\n', findings: ['sudo'] },
    { code: 'FROM debian\nONBUILD RUN sudo make install\n', findings: ['sudo'] },
  ],
});
