import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    // hadolint's DL3060 cases that pass (their ONBUILD variants are the same, except the stage one below)
    'RUN foo\n',
    'RUN yarn install bar && yarn cache clean\n',
    'ONBUILD RUN yarn install bar && yarn cache clean\n',
    'RUN --mount=type=cache,target=/root/.cache/yarn yarn install foobar\n',
    'RUN --mount=type=tmpfs,target=/root/.cache/yarn yarn install foobar\n',
    'FROM node:lts-alpine as foo\nRUN yarn install && yarn cache clean\nFROM foo\nRUN hey!\n',
    'FROM node:lts-alpine as foo\nRUN yarn install foo\nFROM scratch\nRUN hey!\n',
    // ours
    { code: 'FROM node:22\nRUN yarn build\n', note: 'running a script downloads nothing' },
    { code: 'FROM node:22\nRUN yarn --version\n', note: 'plain yarn with an option that only prints' },
    { code: 'FROM node:22\nRUN --mount=type=cache,target=/yarn yarn install --cache-folder /yarn\n', note: 'the cache folder option points into a mount' },
    { code: 'FROM node:22\nRUN yarn && rm -rf /usr/local/share/.cache/yarn\n', note: 'the cache folder is removed in the same RUN' },
  ],
  invalid: [
    // hadolint's DL3060 cases that fire
    { code: 'RUN yarn install foo\n', findings: ['yarn install'], output: 'RUN yarn install foo && yarn cache clean\n' },
    { code: 'RUN yarn cache clean && yarn install foo\n', findings: ['yarn install'], output: 'RUN yarn cache clean && yarn install foo && yarn cache clean\n' },
    {
      code: 'RUN --mount=type=cache,target=/var/lib/foobar yarn install foobar\n',
      findings: ['yarn install'],
      output: 'RUN --mount=type=cache,target=/var/lib/foobar yarn install foobar && yarn cache clean\n',
    },
    {
      code: 'FROM node:lts-alpine as foo\nRUN hey!\nFROM scratch\nRUN yarn install\n',
      findings: ['yarn install'],
      output: 'FROM node:lts-alpine as foo\nRUN hey!\nFROM scratch\nRUN yarn install && yarn cache clean\n',
    },
    {
      code: 'FROM node:lts-alpine as foo\nRUN yarn install\nFROM foo\nRUN hey!\n',
      findings: ['yarn install'],
      output: 'FROM node:lts-alpine as foo\nRUN yarn install && yarn cache clean\nFROM foo\nRUN hey!\n',
    },
    {
      code: 'FROM node:lts-alpine as foo\nONBUILD RUN yarn install foo\nFROM scratch\nONBUILD RUN hey!\n',
      findings: ['yarn install'],
      output: 'FROM node:lts-alpine as foo\nONBUILD RUN yarn install foo && yarn cache clean\nFROM scratch\nONBUILD RUN hey!\n',
      note: 'an ONBUILD trigger runs in the image built on this one, whatever the stage',
    },
    // ours
    {
      code: 'FROM node:22\nRUN yarn --frozen-lockfile\n',
      findings: ['yarn'],
      output: 'FROM node:22\nRUN yarn --frozen-lockfile && yarn cache clean\n',
      note: 'hadolint looks for `yarn install` only; plain `yarn` installs just the same',
    },
    { code: 'FROM node:22\nRUN yarn global add pm2\n', findings: ['yarn global add'], output: 'FROM node:22\nRUN yarn global add pm2 && yarn cache clean\n' },
  ],
});
