import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM node\nRUN npm install\n',
    'FROM node\nRUN npm install --progress=false\n',
    'FROM node\nRUN npm install express@4.1.1\n',
    'FROM node\nRUN npm install @myorg/privatepackage@">=0.1.0 <0.2.0"\n',
    'FROM node\nRUN npm install express@"4.1.1" sax@0.1.1\n',
    'FROM node\nRUN npm install -g express@"4.1.1"\n',
    'FROM node\nRUN npm i -g npm@"$NPM_VERSION"\n',
    'FROM node\nRUN npm install package-v1.2.3.tar package-v1.2.3.tar.gz package-v1.2.3.tgz\n',
    'FROM node\nRUN npm install /folder ./folder ../folder ~/folder\n',
    'FROM node\nRUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27\n',
    'FROM node\nRUN npm install git+http://isaacs@github.com/npm/npm#semver:^5.0\n',
    'FROM node\nRUN npm install git://github.com/npm/npm.git#v1.0.27\n',
    'FROM node\nRUN npm run --crazy install\n',
    'FROM node\nRUN npm ci\n',
    'FROM node\nRUN npm install --loglevel verbose --registry https://example.com sax@0.1.1\n',
  ],
  invalid: [
    { code: 'FROM node\nRUN npm install express\n', findings: ['express'] },
    { code: 'FROM node\nRUN npm install @myorg/privatepackage\n', findings: ['@myorg/privatepackage'] },
    { code: 'FROM node\nRUN npm install express sax@0.1.1\n', findings: ['express'] },
    { code: 'FROM node\nRUN npm i --global express\n', findings: ['express'] },
    { code: 'FROM node\nRUN npm install --registry=https://example.com express\n', findings: ['express'] },
    {
      code: 'FROM node\nRUN npm install git+https://isaacs@github.com/npm/npm.git\n',
      findings: [{ text: 'git+https://isaacs@github.com/npm/npm.git', messageId: 'noRevision' }],
    },
    {
      code: 'FROM node\nRUN npm install -g npm@latest\n',
      findings: [{ text: 'npm@latest', messageId: 'movingVersion' }],
      note: 'hadolint takes any @ for a version',
    },
    { code: 'FROM node\nONBUILD RUN npm install -g typescript\n', findings: ['typescript'] },
  ],
});
