import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const buildkitCase = `# check=skip=InvalidDefinitionDescription

FROM scratch
ARG SECRET_PASSPHRASE
ENV SUPER_Secret=foo
ENV password=bar secret=baz
ARG super_duper_secret_token=foo auth=bar
ENV apikey=bar sunflower=foo
ENV git_key=
ENV PUBLIC_KEY=
ARG public_token
ARG SECRET_PASSPHRASE_FILE
ENV password_file=bar secret_File=baz
ARG AUTH_MODULE_VERSION
# check=skip=SecretsUsedInArgOrEnv // allow secret in environment
ENV password=bar
# check=skip=SecretsUsedInArgOrEnv // allow secret in arg
ARG password
# check=skip=all // is local to only this instruction
ENV alternate_password=bar
# check=skip=all // is local to only this instruction
ARG alternate_password
`;

testRule(rule, {
  valid: [
    { code: 'FROM debian:bullseye\nRUN foobar\n', note: 'hadolint DL3064' },
    { code: 'ARG foobar\nFROM debian:bullseye\nRUN foobar\n', note: 'hadolint DL3064' },
    { code: 'FROM debian:bullseye\nENV foobar=barfoo\nRUN foobar\n', note: 'hadolint DL3064' },
    { code: 'FROM debian\nENV DOCKER_USERNAME=me MYTOKEN=x PRIVATE_DIR=/p\n', note: 'differs from hadolint, which matches substrings and also USERNAME and PRIVATE: we use BuildKit\'s whole-word list' },
    { code: 'FROM debian\nENV KEYBOARD=us TOKENIZER=x\n', note: 'a word inside a longer part does not count' },
    { code: 'FROM debian\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D WORDPRESS_CLI_GPG_KEY=x\n', note: 'differs from BuildKit, which reports these: a GPG key id is public' },
  ],
  invalid: [
    { code: 'ARG AWS_ACCESS_KEY_ID\nFROM debian:bullseye\nRUN foobar\n', findings: ['AWS_ACCESS_KEY_ID'], note: 'hadolint DL3064; BuildKit does not check global ARGs, we do' },
    { code: 'ARG openai_api_key\nFROM debian:bullseye\nRUN foobar\n', findings: ['openai_api_key'], note: 'hadolint DL3064' },
    { code: 'FROM debian:bullseye\nENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz\nRUN foobar\n', findings: ['AWS_ACCESS_KEY_ID'], note: 'hadolint DL3064' },
    { code: 'FROM debian:bullseye\nENV my_password=abcdefghijklmnopqrstuvwxyz\nRUN foobar\n', findings: ['my_password'], note: 'hadolint DL3064' },
    {
      code: buildkitCase,
      findings: ['SECRET_PASSPHRASE', 'SUPER_Secret', 'password', 'secret', 'super_duper_secret_token', 'auth', 'apikey', 'git_key'],
      note: 'BuildKit testSecretsUsedInArgOrEnv, with its per-instruction # check=skip comments',
    },
    { code: 'FROM debian\nONBUILD ENV DB_PASSWORD=x\n', findings: ['DB_PASSWORD'], note: 'a trigger bakes the secret into every child image' },
  ],
});
