import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../server/src/config/index.js';
import { allRules } from '../../../server/src/rules/index.js';

const file = '/repo/.hadolint.yaml';
const read = (text: string) => parseConfig(text, { file, rules: allRules });
/** Each problem as `line:column message`, to compare in one go. */
const problems = (text: string) => read(text).problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`);

describe('parseConfig', () => {
  it('gives the defaults for an empty file or one with only comments', () => {
    for (const text of ['', '\n', '# nothing here\n', '---\n']) {
      assert.deepEqual(read(text), { severities: {}, settings: {}, problems: [] });
    }
  });

  it("reads hadolint's keys", () => {
    const config = read(`
failure-threshold: style
ignored:
  - DL3008
  - SC2086
override:
  error: [DL3002, untagged-image]
  style: [DL3015]
trustedRegistries:
  - docker.io
  - "*.gcr.io"
label-schema:
  author: text
  created: rfc3339
  version:
strict-labels: true
disable-ignore-pragma: false
no-color: true
format: json
`);
    assert.deepEqual(config, {
      // Known names become rule ids; a name the catalogue does not know (an SC code) stays, lower-cased.
      severities: { 'last-user-root': 'error', 'untagged-image': 'error', 'apt-get-install-recommends': 'hint', 'unpinned-apt-package': 'off', sc2086: 'off' },
      settings: {
        trustedRegistries: ['docker.io', '*.gcr.io'],
        labelSchema: { author: 'text', created: 'rfc3339', version: 'text' },
        strictLabels: true,
        disableIgnorePragma: false,
      },
      failureThreshold: 'hint',
      problems: [],
    });
  });

  it('takes a single trusted registry as a string, and the kebab-case spelling', () => {
    assert.deepEqual(read('trustedRegistries: my-company.com:5000\n').settings, { trustedRegistries: ['my-company.com:5000'] });
    assert.deepEqual(read('trusted-registries: [a.io]\n').settings, { trustedRegistries: ['a.io'] });
  });

  it('lets ignored win over override, as hadolint drops ignored rules', () => {
    assert.deepEqual(read('override:\n  error: [DL3006]\nignored: [DL3006]\n').severities, { 'untagged-image': 'off' });
    assert.deepEqual(read('override:\n  info: [missing-healthcheck]\nignored: [DL3057]\n').severities, { 'missing-healthcheck': 'off' }, 'an alias and the id name one rule');
  });

  it('lets the layerwise section win over hadolint keys', () => {
    const config = read(`
ignored: [DL3006]
override:
  warning: [DL3007]
failure-threshold: error
label-schema:
  version: text
layerwise:
  rules:
    DL3006: warning
    latest-tag: off
    missing-healthcheck: info
  failure-threshold: hint
  label-schema:
    version: semver
`);
    assert.deepEqual(config.severities, { 'untagged-image': 'warning', 'latest-tag': 'off', 'missing-healthcheck': 'info' });
    assert.equal(config.failureThreshold, 'hint');
    assert.deepEqual(config.settings, { labelSchema: { version: 'semver' } });
    assert.deepEqual(config.problems, []);
  });

  it("maps hadolint's failure thresholds to ours", () => {
    const threshold = (name: string) => read(`failure-threshold: ${name}\n`).failureThreshold;
    assert.deepEqual(['error', 'warning', 'info', 'style', 'ignore', 'none'].map(threshold), ['error', 'warning', 'info', 'hint', 'hint', 'none']);
  });

  it('reports YAML that does not parse, with its line, and applies nothing', () => {
    const config = read('ignored:\n  - DL3006\noverride: [error\n');
    assert.deepEqual(config.severities, {});
    assert.equal(config.problems.length > 0, true);
    assert.equal(config.problems[0].file, file);
    assert.equal(config.problems[0].line, 3);
    assert.match(config.problems[0].message, /not YAML/);
  });

  it('reports duplicate keys', () => {
    assert.deepEqual(problems('strict-labels: true\nstrict-labels: false\n').length, 1);
  });

  it('reports unknown keys with a suggestion, and keeps the rest', () => {
    const config = read('ignored: [DL3006]\nignore: [DL3007]\nlayerwise:\n  rule:\n    DL3006: off\n');
    assert.deepEqual(config.severities, { 'untagged-image': 'off' });
    assert.deepEqual(
      config.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`),
      ['2:1 unknown key ignore: did you mean ignored?', '4:3 unknown key rule in layerwise:: did you mean rules?'],
    );
  });

  it('reports values of the wrong type at the value', () => {
    assert.deepEqual(problems('strict-labels: yes\n'), ['1:16 strict-labels must be true or false, not "yes"']);
    assert.deepEqual(problems('ignored: DL3006\n'), ['1:10 ignored must be a list of rule ids or codes']);
    assert.deepEqual(problems('ignored:\n  - [DL3006]\n'), ['2:5 ignored must list rule ids or codes, not a list']);
    assert.deepEqual(problems('override:\n  fatal: [DL3006]\n'), ['2:3 override: has no level fatal: use error, warning, info or style']);
    assert.deepEqual(problems('label-schema:\n  version: semvar\n'), ['2:12 label-schema.version must be one of text, url, semver, hash, rfc3339, spdx, email, not "semvar": did you mean semver?']);
    assert.deepEqual(problems('failure-threshold: hint\n'), ['1:20 failure-threshold must be one of error, warning, info, style, ignore, none, not "hint"']);
    assert.deepEqual(problems('layerwise:\n  rules:\n    DL3006: style\n'), ['3:13 rules.DL3006 must be one of error, warning, info, hint, off, not "style"']);
    assert.deepEqual(problems('layerwise: on\n'), ['1:12 layerwise: must be a mapping (rules:, failure-threshold:, ...)']);
    assert.deepEqual(problems('- DL3006\n'), ['1:1 the configuration must be a mapping of keys (ignored:, override:, layerwise:, ...)']);
    assert.deepEqual(problems('trustedRegistries: 5\n'), ['1:20 trustedRegistries must be a registry name or a list of them']);
    assert.deepEqual(problems('no-fail: 1\n'), ['1:10 no-fail must be true or false, not 1']);
  });

  it('accepts hadolint codes we do not implement, and reports names that are neither ours nor hadolint’s', () => {
    const config = read('ignored: [DL9999, SC2086, untagged-imag]\nlayerwise:\n  rules:\n    MultipleInstructionsDisallowed: off\n');
    assert.deepEqual(config.severities, { dl9999: 'off', sc2086: 'off', multipleinstructionsdisallowed: 'off' }, 'an alias of several rules stays a name');
    assert.deepEqual(config.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`), ['1:27 unknown rule untagged-imag: did you mean untagged-image?']);
  });

  it('takes any rule name without a catalogue', () => {
    assert.deepEqual(parseConfig('ignored: [anything]\n', { file }).severities, { anything: 'off' });
  });
});
