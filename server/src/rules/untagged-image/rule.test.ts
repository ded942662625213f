import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM ruby@sha256:f1dbca0f5dbc9\n',
    'FROM ruby:2\n',
    { code: 'FROM ${VALUE}\n', note: 'an undeclared ARG is empty: BuildKit itself refuses that FROM' },
    { code: 'ARG IMAGE\nFROM $IMAGE\n', note: 'decided by a build argument' },
    'ARG IMAGE=debian:12\nFROM $IMAGE\n',
    'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM build as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz\n',
    { code: 'FROM golang:1.22 AS Build\nFROM build\n', note: 'stage names compare case-insensitively' },
    'FROM scratch\n',
    'FROM SCRATCH\n',
    'FROM localhost:5000/app:1.0\n',
  ],
  invalid: [
    { code: 'FROM debian\n', findings: ['debian'] },
    { code: 'FROM debian AS builder\n', findings: ['debian'] },
    { code: 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM node as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz\n', findings: ['node'] },
    { code: 'FROM localhost:5000/app\n', findings: ['localhost:5000/app'], note: 'the port is not a tag' },
    { code: 'ARG BASE=ubuntu\nFROM ${BASE}\n', findings: ['${BASE}'] },
    { code: 'FROM build\nFROM debian:12 AS build\n', findings: ['build'], note: 'a stage defined later is not a stage here' },
  ],
});
