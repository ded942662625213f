import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

// The CLI as CI runs it: the bundled dist/cli.js in a child process (npm test builds first).
const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

function layerwise(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layerwise-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const BAD = 'FROM alpine:3.20\nADD app.py /app/\nCMD ["a"]\nCMD ["b"]\n';

describe('layerwise lint', () => {
  it('prints JSON findings with exactly the documented keys, 1-based', () => {
    const { status, stdout } = layerwise(['lint', '--format', 'json', '-'], BAD);
    assert.equal(status, 1);
    const findings = JSON.parse(stdout);
    assert.deepEqual(Object.keys(findings[0]).sort(), ['aliases', 'column', 'endColumn', 'endLine', 'fixable', 'file', 'line', 'message', 'rule', 'severity'].sort());
    assert.deepEqual(findings.map((finding: { rule: string; line: number; column: number }) => [finding.rule, finding.line, finding.column]), [
      ['add-instead-of-copy', 2, 1],
      ['multiple-cmd', 3, 1],
    ]);
    assert.equal(findings[0].file, '-');
    assert.deepEqual(findings[0].aliases, ['DL3020']);
  });

  it('exits 0 below the failure threshold and 1 at it', () => {
    const warningOnly = 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\n';
    assert.equal(layerwise(['lint', '--failure-threshold', 'error', '-'], warningOnly).status, 0);
    assert.equal(layerwise(['lint', '--failure-threshold', 'warning', '-'], warningOnly).status, 1);
    assert.equal(layerwise(['lint', '--failure-threshold', 'none', '-'], BAD).status, 0);
  });

  it('ignores rules by id or alias', () => {
    const { stdout } = layerwise(['lint', '--format', 'json', '--ignore', 'DL3020', '--ignore', 'multiple-cmd', '-'], BAD);
    assert.deepEqual(JSON.parse(stdout), []);
  });

  it('finds every kind of Dockerfile name in a folder, and nothing else', () => {
    const root = workspace({
      'Dockerfile': BAD,
      'api/Dockerfile.prod': BAD,
      'web/app.dockerfile': BAD,
      'worker/Containerfile': BAD,
      'node_modules/x/Dockerfile': BAD,
      'README.md': '# not a Dockerfile',
    });
    const files = new Set(JSON.parse(layerwise(['lint', '--format', 'json', root]).stdout).map((finding: { file: string }) => finding.file.slice(root.length + 1)));
    assert.deepEqual([...files].sort(), ['Dockerfile', 'api/Dockerfile.prod', 'web/app.dockerfile', 'worker/Containerfile']);
  });

  it('applies safe fixes in place with --fix and reports what is left', () => {
    const root = workspace({ Dockerfile: BAD });
    const { stdout } = layerwise(['lint', '--fix', '--format', 'json', join(root, 'Dockerfile')]);
    assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), 'FROM alpine:3.20\nCOPY app.py /app/\nCMD ["a"]\nCMD ["b"]\n');
    assert.deepEqual(JSON.parse(stdout).map((finding: { rule: string }) => finding.rule), ['multiple-cmd'], 'the unsafe fix is left to a person');
  });

  it('writes SARIF that validates against the SARIF 2.1.0 schema, with help links', () => {
    const { stdout } = layerwise(['lint', '--format', 'sarif', '-'], BAD);
    const log = JSON.parse(stdout);
    // The official schema's patterns predate unicode-mode regular expressions.
    const validate = new Ajv({ strict: false, unicodeRegExp: false }).compile(sarifSchema);
    assert.ok(validate(JSON.parse(stdout)), JSON.stringify(validate.errors, null, 2));
    assert.equal(validate({ ...log, version: '2.0.0' }), false, 'the schema check can fail');
    const rules = log.runs[0].tool.driver.rules;
    assert.deepEqual(rules.map((rule: { id: string }) => rule.id), ['add-instead-of-copy', 'multiple-cmd']);
    assert.match(rules[0].helpUri, /rules\.md#add-instead-of-copy$/);
    assert.equal(log.runs[0].results[1].ruleIndex, 1);
  });

  it('writes GitHub annotations, GitLab code quality and Checkstyle', () => {
    assert.match(layerwise(['lint', '--format', 'github', '-'], BAD).stdout, /^::error file=-,line=2,col=1,endLine=2,endColumn=4,title=add-instead-of-copy::Use COPY/);
    const gitlab = JSON.parse(layerwise(['lint', '--format', 'gitlab', '-'], BAD).stdout);
    assert.deepEqual(Object.keys(gitlab[0]).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
    assert.match(layerwise(['lint', '--format', 'checkstyle', '-'], BAD).stdout, /<error line="2" column="1" severity="error" message="Use COPY/);
  });

  it('speaks Simplified Chinese when asked', () => {
    const [finding] = JSON.parse(layerwise(['lint', '--format', 'json', '--locale', 'zh-cn', '-'], BAD).stdout);
    assert.match(finding.message, /请使用 COPY/);
  });

  it('says what is wrong with its arguments, exit 2', () => {
    const unknown = layerwise(['lint', '--format', 'xml', '-'], BAD);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown format 'xml'/);
    const missing = layerwise(['lint', '/no/such/Dockerfile']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read \/no\/such\/Dockerfile: ENOENT/);
  });

  it('applies the nearest .hadolint.yaml, with our layerwise: section winning', () => {
    const root = workspace({
      '.hadolint.yaml': 'ignored:\n  - DL3020\nlayerwise:\n  rules:\n    multiple-cmd: error\n',
      'app/Dockerfile': BAD,
    });
    const findings = JSON.parse(layerwise(['lint', '--format', 'json', join(root, 'app')]).stdout);
    assert.deepEqual(findings.map((finding: { rule: string; severity: string }) => [finding.rule, finding.severity]), [['multiple-cmd', 'error']]);
  });

  it('reads --config instead of searching, and reports a broken one with its line, exit 2', () => {
    const root = workspace({ 'lint.yaml': 'ignored:\n  - DL3020\nfailure-threshold: sometimes\n', Dockerfile: BAD });
    const { status, stdout, stderr } = layerwise(['lint', '--format', 'json', '--config', join(root, 'lint.yaml'), join(root, 'Dockerfile')]);
    assert.equal(status, 2);
    assert.deepEqual(JSON.parse(stdout).map((finding: { rule: string }) => finding.rule), ['multiple-cmd'], 'the rest of the file still applies');
    assert.match(stderr, new RegExp(`${join(root, 'lint.yaml')}:3:\\d+: configuration error: .*sometimes`));
  });

  it('reads the .dockerignore beside the Dockerfile for checks of what COPY can see', () => {
    const root = workspace({ '.dockerignore': 'secret.txt\n', Dockerfile: 'FROM alpine:3.20\nCOPY secret.txt /etc/\n' });
    const rules = JSON.parse(layerwise(['lint', '--format', 'json', join(root, 'Dockerfile')]).stdout).map((finding: { rule: string }) => finding.rule);
    assert.ok(rules.includes('copy-ignored-file'), rules.join(', '));
  });

  it('never crashes on binary input', () => {
    const { status, stderr } = layerwise(['lint', '--format', 'json', '-'], '\u0000\u00ff\ufffe FROM \u0000\nRUN \\\n');
    assert.ok(status === 0 || status === 1, stderr);
  });
});
