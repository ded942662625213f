import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM nginx\nCMD ["nginx", "-g", "daemon off;"]\n',
    'FROM ubuntu\nCMD service nginx start && tail -f /var/log/nginx/access.log\n',
    { code: 'FROM ubuntu\nCMD service cron start; exec apache2ctl -D FOREGROUND\n', note: 'the last command stays in the foreground' },
    { code: 'FROM ubuntu\nCMD worker & exec server\n', note: 'only the last command keeps the container alive' },
    { code: 'FROM ubuntu\nENTRYPOINT ["/entrypoint.sh"]\nCMD service nginx start\n', note: 'with an ENTRYPOINT, CMD is its arguments' },
    { code: 'FROM ubuntu\nCMD ["service", "nginx", "status"]\n', note: 'status does not start anything' },
    { code: 'FROM ubuntu\nCMD if [ -n "$X" ]; then service x start; fi\n', note: 'only clear cases: not inside an if' },
    { code: 'FROM ubuntu\nRUN service mysql start && mysql < /init.sql\n', note: 'RUN is not what the container runs' },
    { code: 'FROM ubuntu\nHEALTHCHECK CMD service nginx status\n', note: 'a health check' },
  ],
  invalid: [
    { code: 'FROM ubuntu\nCMD service nginx start\n', findings: ['service nginx start'] },
    { code: 'FROM ubuntu\nCMD ["service", "nginx", "start"]\n', findings: ['"service", "nginx", "start"'] },
    { code: 'FROM ubuntu\nENTRYPOINT /etc/init.d/mysql start\n', findings: ['/etc/init.d/mysql start'] },
    { code: 'FROM centos\nCMD ["/bin/sh", "-c", "systemctl start httpd"]\n', findings: ['systemctl start httpd'] },
    { code: 'FROM ubuntu\nCMD apache2ctl start\n', findings: ['apache2ctl start'] },
    { code: 'FROM ubuntu\nCMD nohup python app.py > /var/log/app.log 2>&1 &\n', findings: ['nohup python app.py > /var/log/app.log 2>&1'] },
    { code: 'FROM ubuntu\nCMD ./setup.sh && ./server &\n', findings: ['./server'] },
    { code: 'FROM ubuntu\nONBUILD CMD sudo service redis-server start\n', findings: ['sudo service redis-server start'] },
  ],
});
