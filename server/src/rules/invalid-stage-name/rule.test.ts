import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: ['FROM node AS build\n', 'FROM node AS Build-2.x_y\n', 'FROM node\n', 'FROM node AS\n'],
  invalid: [
    { code: 'FROM node AS 1s\n', findings: ['1s'] },
    { code: 'FROM node AS _s\n', findings: ['_s'] },
    { code: 'FROM node AS a_lpi-n.e,99\n', findings: ['a_lpi-n.e,99'] },
    { code: 'FROM node AS $NAME\n', findings: ['$NAME'], note: 'stage names are not expanded' },
  ],
});
