import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
    { code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm install -g pm2\n', note: 'installing named packages reads no manifest' },
    { code: 'FROM python:3.12\nCOPY . /src\nRUN pip install /src\n', note: 'installing the project itself needs its sources' },
    { code: 'FROM golang:1.22\nCOPY . .\nRUN go build ./...\n', note: 'a build, not a dependency install' },
    { code: 'FROM node:22\nCOPY . .\nFROM node:22\nRUN npm ci\n', note: 'another stage' },
    { code: 'FROM node:22\nCOPY --from=build /app .\nRUN npm ci\n', note: 'from another stage, not the context' },
    { code: 'FROM node:22\nCOPY config/ ./config/\nRUN npm ci\n', note: 'a folder that is not a source folder' },
    { code: 'FROM node:22\nCOPY package.json yarn.lock ./\nCOPY packages packages\nRUN yarn install\n', note: 'a workspace folder: the install needs its manifests' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "."]\n',
      findings: ['.'],
      output: 'FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "."]\n',
    },
    {
      code: 'FROM node:22\nWORKDIR /app\nCOPY --chown=node:node . .\nUSER node\nRUN yarn --frozen-lockfile && yarn cache clean\n',
      findings: ['.'],
      output: 'FROM node:22\nWORKDIR /app\nCOPY --chown=node:node package.json yarn.lock ./\nUSER node\nRUN yarn --frozen-lockfile && yarn cache clean\nCOPY --chown=node:node . .\n',
      note: 'flags stay on both, a cleanup may follow the install',
    },
    {
      code: 'FROM python:3.12\nCOPY . /srv/app\nRUN cd /srv/app && pip install --no-cache-dir -r requirements.txt\n',
      findings: ['.'],
      output: 'FROM python:3.12\nCOPY requirements.txt /srv/app/\nRUN cd /srv/app && pip install --no-cache-dir -r requirements.txt\nCOPY . /srv/app\n',
      note: 'the install runs where the COPY put the files',
    },
    {
      code: 'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nCOPY . .\nRUN go mod download\n',
      findings: ['.'],
      output: 'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n',
      note: 'copying the manifests first does not help when the rest comes before the install too; the fix only moves it',
    },
    { code: 'FROM node:22\nWORKDIR /app\nCOPY src ./src\nCOPY package.json .\nRUN npm install\n', findings: ['src'], note: 'a source folder: no fix' },
    { code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n', findings: ['.'], note: 'the RUN also builds from the sources: no fix' },
    { code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN cd web && npm ci\n', findings: ['.'], note: 'the install runs in another folder: no fix' },
    { code: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install\n', findings: ['.'], note: 'poetry installs the project too unless --no-root: no fix' },
    {
      code: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install --no-root\n',
      findings: ['.'],
      output: 'FROM python:3.12\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\n',
    },
    { code: 'FROM maven:3\nWORKDIR /app\nCOPY . .\nRUN mvn -B dependency:go-offline\n', findings: ['.'], output: 'FROM maven:3\nWORKDIR /app\nCOPY pom.xml ./\nRUN mvn -B dependency:go-offline\nCOPY . .\n' },
    { code: 'FROM ruby:3.3\nWORKDIR /app\nCOPY . .\nRUN bundle install\n', findings: ['.'], output: 'FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nCOPY . .\n' },
    { code: 'FROM composer:2\nWORKDIR /app\nCOPY . .\nRUN composer install\n', findings: ['.'], note: 'composer runs the project’s scripts: no fix' },
    { code: 'FROM rust:1\nWORKDIR /app\nCOPY . .\nRUN cargo fetch\n', findings: ['.'], note: 'cargo needs the sources’ targets: no fix' },
  ],
});
