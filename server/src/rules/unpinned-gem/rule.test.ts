import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM ruby\nRUN gem i bundler:1\n',
    'FROM ruby\nRUN gem install bunlder:1 nokogirii:1\n',
    "FROM ruby\nRUN gem install bundler -v '2.0.1'\n",
    "FROM ruby\nRUN gem install bundler --version='2.0.1'\n",
    'FROM ruby\nRUN gem install bundler:2.0.1 -- --use-system-libraries true\n',
    { code: 'FROM ruby\nRUN gem install bundler:2.0.1 --use-system-libraries true\n', note: 'the value of an option gem does not know' },
    'FROM ruby\nRUN gem install ./vendor/mygem-1.0.gem\n',
    'FROM ruby\nRUN gem update --system\n',
  ],
  invalid: [
    { code: 'FROM ruby\nRUN gem i bundler\n', findings: ['bundler'] },
    { code: 'FROM ruby\nRUN gem i bunlder:1 nokogiri\n', findings: ['nokogiri'] },
    { code: 'FROM ruby\nRUN gem install --no-document rails\n', findings: ['rails'] },
    { code: 'FROM ruby\nONBUILD RUN gem install bundler\n', findings: ['bundler'] },
  ],
});
