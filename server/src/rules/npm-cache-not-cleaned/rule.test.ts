import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM node:22\nRUN npm ci && npm cache clean --force\n',
    'FROM node:22\nRUN npm install -g pm2 && rm -rf /root/.npm\n',
    'FROM node:22\nRUN npm ci && rm -rf ~/.npm\n',
    { code: 'FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci\n', note: 'the cache is a mount, not part of the layer' },
    { code: 'FROM node:22\nRUN --mount=type=cache,target=/tmp/npm npm ci --cache /tmp/npm\n', note: 'the cache option points into a mount' },
    { code: 'FROM node:22\nENV npm_config_cache=/tmp/npm\nRUN --mount=type=cache,target=/tmp/npm npm ci\n', note: 'the cache variable points into a mount' },
    { code: 'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n', note: 'a stage only copied from' },
    { code: 'FROM node:22\nRUN npm run build\n', note: 'running a script downloads nothing' },
  ],
  invalid: [
    { code: 'FROM node:22\nRUN npm ci\n', findings: ['npm ci'], output: 'FROM node:22\nRUN npm ci && npm cache clean --force\n' },
    { code: 'FROM node:22\nONBUILD RUN npm install\n', findings: ['npm install'], output: 'FROM node:22\nONBUILD RUN npm install && npm cache clean --force\n' },
    {
      code: 'FROM node:22\nRUN npm install --omit=dev \\\n    && npm run build\n',
      findings: ['npm install'],
      output: 'FROM node:22\nRUN npm install --omit=dev \\\n    && npm run build \\\n    && npm cache clean --force\n',
    },
    {
      code: 'FROM node:22\nRUN npm i -g yarn\nRUN npm cache clean --force\n',
      findings: [{ text: 'npm i', messageId: 'cleanedLater' }],
      output: 'FROM node:22\nRUN npm i -g yarn && npm cache clean --force\nRUN npm cache clean --force\n',
    },
    {
      code: 'FROM node:22\nRUN --mount=type=cache,target=/root/.cache npm ci\n',
      findings: ['npm ci'],
      output: 'FROM node:22\nRUN --mount=type=cache,target=/root/.cache npm ci && npm cache clean --force\n',
      note: 'npm’s cache is ~/.npm, not ~/.cache',
    },
  ],
});
