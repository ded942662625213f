import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM node as foo\nRUN wget --progress=dot:giga my.xyz\n',
    'FROM node as foo\nRUN wget --progress bar:force my.xyz\n',
    'FROM node as foo\nRUN wget -q my.xyz && wget --quiet my.xyz\n',
    'FROM node as foo\nRUN wget -nv my.xyz && wget --no-verbose my.xyz\n',
    'FROM node as foo\nRUN wget --output-file=/tmp/wget.log my.xyz && wget -o /tmp/wget.log my.xyz\n',
    'FROM node as foo\nRUN wget --append-output=/tmp/wget.log my.xyz && wget -a /tmp/wget.log my.xyz\n',
    'FROM node as foo\nRUN wget -qO- https://example.com/install.sh | sh\n',
    { code: 'FROM node as foo\nRUN wget -O /tmp/x my.xyz 2>/dev/null\n', note: 'stderr goes elsewhere' },
    'FROM node as foo\nRUN curl -fsSL my.xyz\n',
  ],
  invalid: [
    { code: 'FROM node as foo\nRUN wget my.xyz\n', findings: ['wget'], output: 'FROM node as foo\nRUN wget --progress=dot:giga my.xyz\n' },
    { code: 'FROM debian\nRUN wget -O /tmp/a.tgz my.xyz && wget -O- other.xyz | tar -xz\n', findings: ['wget', 'wget'], output: 'FROM debian\nRUN wget --progress=dot:giga -O /tmp/a.tgz my.xyz && wget --progress=dot:giga -O- other.xyz | tar -xz\n' },
    { code: 'FROM alpine:3.20\nRUN wget -O /tmp/a.tgz my.xyz\n', findings: ['wget'], note: 'no fix: BusyBox wget has no --progress' },
    { code: 'FROM node:22-alpine AS base\nFROM base\nRUN wget my.xyz\n', findings: ['wget'], note: 'built on an Alpine stage' },
    { code: 'FROM debian\nONBUILD RUN wget my.xyz\n', findings: ['wget'], output: 'FROM debian\nONBUILD RUN wget --progress=dot:giga my.xyz\n' },
  ],
});
