import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

/** recheck's attack on the pattern that once read `rm` arguments (quadratic): 100,000 characters of `gem/*` that name no cache. */
const HOSTILE_PATH = `}${'gem/*'.repeat(20_000)}b`;

testRule(rule, {
  valid: [
    'FROM ruby:3.3\nRUN gem install rails && rm -rf "$(gem env gemdir)"/cache/*.gem\n',
    'FROM ruby:3.3\nRUN gem install rails && rm -rf /usr/local/bundle/cache\n',
    'FROM ruby:3.3\nRUN gem install bundler && rm -Rf ~/.gem /var/lib/gems/*/cache/\n',
    'FROM ruby:3.3\nRUN bundle install -j4 && rm -rf /home/app/.bundle/gems/ruby/*/cache/*\n',
    { code: 'FROM ruby:3.3\nRUN --mount=type=cache,target=/usr/local/bundle/cache bundle install\n', note: 'the cache is a mount' },
    { code: 'FROM ruby:3.3 AS build\nRUN bundle install\nFROM scratch\nCOPY --from=build /app /app\n', note: 'a stage only copied from' },
    { code: 'FROM ruby:3.3\nRUN gem list\n', note: 'installs nothing' },
    { code: "FROM ruby:3.3\nRUN bundle install && find vendor/bundle -name cache -type d -exec rm -rf {} +\n", note: 'find removing the cache folders' },
    { code: `FROM ruby:3.3\nRUN gem install rails && rm -rf /gems/${'x/'.repeat(50_000)}cache/*.gem\n`, note: 'a cache 100,000 characters below the gems folder' },
  ],
  invalid: [
    { code: 'FROM ruby:3.3\nRUN gem install rails\n', findings: ['gem install'], output: 'FROM ruby:3.3\nRUN gem install rails && rm -rf "$(gem env gemdir)"/cache/*.gem\n' },
    {
      code: 'FROM ruby:3.3\nRUN bundle config set without development \\\n && bundle install\n',
      findings: ['bundle install'],
      output: 'FROM ruby:3.3\nRUN bundle config set without development \\\n && bundle install \\\n && rm -rf "$(gem env gemdir)"/cache/*.gem\n',
    },
    {
      code: 'FROM ruby:3.3\nRUN gem update --system\nRUN rm -rf /usr/local/bundle/cache/*.gem\n',
      findings: [{ text: 'gem update', messageId: 'cleanedLater' }],
      output: 'FROM ruby:3.3\nRUN gem update --system && rm -rf "$(gem env gemdir)"/cache/*.gem\nRUN rm -rf /usr/local/bundle/cache/*.gem\n',
    },
    {
      code: `FROM ruby:3.3\nRUN gem install rails && rm -rf ${HOSTILE_PATH}\n`,
      findings: ['gem install'],
      output: `FROM ruby:3.3\nRUN gem install rails && rm -rf ${HOSTILE_PATH} && rm -rf "$(gem env gemdir)"/cache/*.gem\n`,
      note: 'a long hostile argument that removes no cache',
    },
  ],
});
