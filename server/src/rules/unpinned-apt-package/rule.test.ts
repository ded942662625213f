import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM debian\nRUN apt-get update \\\n && apt-get -yqq --no-install-recommends install nodejs=0.10 \\\n && rm -rf /var/lib/apt/lists/*\n',
    'FROM debian\nRUN apt-get update && apt-get install --no-install-recommends -y \\\npython-demjson=2.2.2* \\\nwget=1.16.1* \\\ngit=1:2.5.0* \\\nruby=1:2.1.*\n',
    'FROM debian\nRUN apt-get install -y python=1.2.2\n',
    'FROM debian\nRUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb\n',
    'FROM debian\nRUN apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1\n',
    { code: 'FROM debian\nRUN apt-get install -y curl/bookworm-backports\n', note: 'a release selects the version' },
    { code: 'FROM debian\nARG CURL_VERSION=7.88.1-10\nRUN apt-get install -y "curl=${CURL_VERSION}"\n', note: 'a version from a variable' },
    { code: 'FROM debian\nRUN apt-get install -y $PACKAGES\n', note: 'a list the Dockerfile does not show' },
    { code: 'FROM debian\nRUN apt-get install -y -o Dpkg::Options::=--force-confold curl=7.88.1-10\n', note: '-o takes a value' },
    'FROM debian\nRUN apt-get update && apt-get upgrade -y\n',
    'FROM debian\nRUN apt-cache show curl\n',
    { code: 'FROM debian\nRUN if apt-get install -s "postgresql-$PG_MAJOR-jit" > /dev/null 2>&1; then echo yes; fi\n', note: 'a simulation installs nothing' },
    { code: '# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get install curl\n', note: 'not a POSIX shell' },
  ],
  invalid: [
    { code: 'FROM debian\nRUN apt-get update && apt-get install python\n', findings: ['python'] },
    { code: 'FROM debian\nRUN apt-get install -y curl=7.88.1-10 \\\n    wget \\\n    "git"\n', findings: ['wget', '"git"'] },
    { code: 'FROM debian\nRUN apt install -y curl\n', findings: ['curl'], note: 'apt pins the same way' },
    { code: 'FROM debian\nRUN sudo apt-get install -y curl\n', findings: ['curl'] },
    { code: 'FROM debian\nARG PACKAGE=curl\nRUN apt-get install -y ${PACKAGE}\n', findings: ['${PACKAGE}'], note: 'the variable names a package without a version' },
    {
      code: 'FROM debian\nENV BUILD_DEPS="gcc make=4.3-4.1 g++"\nRUN apt-get install -y $BUILD_DEPS\n',
      findings: ['$BUILD_DEPS', '$BUILD_DEPS'],
      note: 'the list the variable holds: gcc and g++',
    },
    { code: 'FROM debian\nONBUILD RUN apt-get install -y curl\n', findings: ['curl'] },
  ],
});
