import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    { code: 'FROM a AS build\nCOPY app.tar /tmp/\nRUN tar -xf /tmp/app.tar -C /opt\nFROM scratch\nCOPY --from=build /opt /opt\n', note: 'a stage only copied from: its layers never reach the image' },
    // hadolint's DL3010 cases that pass
    'COPY packaged-app.tar /usr/src/app\nFROM debian:11 as newstage\n',
    'COPY package.json /usr/src/app\n',
    'COPY --from=builder /usr/local/share/some.tar /opt/some.tar\n',
    // ours
    { code: 'FROM a\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip -d /opt\n', note: 'hadolint counts unzip too; ADD does not unpack zip files, so it would not help' },
    { code: 'FROM a\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz --strip-components=1 -C /opt\n', note: 'ADD cannot strip components' },
    { code: 'FROM a\nCOPY app.tar /tmp/\nRUN tar -xf /tmp/app.tar app/bin\n', note: 'only some members' },
    { code: 'FROM a\nCOPY app.tar /tmp/\nRUN tar -tf /tmp/app.tar\n', note: 'listed, not extracted' },
    { code: 'FROM a\nCOPY app.tar /tmp/\nRUN tar -xf /srv/app.tar\n', note: 'another archive of the same name' },
    { code: 'FROM a\nCOPY app.tar /tmp/\nFROM b\nRUN tar -xf /tmp/app.tar\n', note: 'another stage' },
    { code: 'FROM a\nONBUILD COPY app.tar /tmp/\nONBUILD RUN tar -xf /tmp/app.tar\n', note: 'triggers run in another build' },
  ],
  invalid: [
    // hadolint's DL3010 cases that fire
    { code: 'COPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n', findings: ['packaged-app.tar'] },
    { code: 'COPY packaged-app.tar /usr/src/app\nWORKDIR /usr/src/app\nRUN foo bar && echo something && tar -xf packaged-app.tar\n', findings: ['packaged-app.tar'] },
    { code: 'COPY foo/bar/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar\n', findings: ['foo/bar/packaged-app.tar'] },
    { code: 'COPY build\\foo\\bar.tar.gz "C:\\Program Files\\Foo"\nRUN tar -xf "C:\\Program Files\\Foo\\bar.tar.gz"\n', findings: ['build\\foo\\bar.tar.gz'], note: 'Windows paths match by file name' },
    { code: 'COPY build\\foo\\bar.tar.gz "C:\\Program Files\\foo.tar.gz"\nRUN tar -xf foo.tar.gz\n', findings: ['build\\foo\\bar.tar.gz'] },
    // ours
    { code: 'FROM a\nCOPY dist/app.tgz /tmp/\nRUN cd /tmp && tar xzf app.tgz -C /opt && rm app.tgz\n', findings: ['dist/app.tgz'], note: 'the old letter form, after cd' },
  ],
});
