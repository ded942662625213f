import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../server/src/config/index.js';
import { lint } from '../../../server/src/lint/engine.js';
import type { Finding, Rule } from '../../../server/src/lint/types.js';
import { parse } from '../../../server/src/parser/index.js';
import { allRules } from '../../../server/src/rules/index.js';
import { readCorpus } from '../../support/corpus.js';

/**
 * How far our rules agree with hadolint's own spec cases: for every case whose
 * rule is one of ours (by its DL alias), lint the case's Dockerfile under the
 * case's configuration and compare. Where we differ on purpose, the case is
 * listed below with the reason; a listed case that starts to agree fails the
 * test, so the list cannot go stale. Run with LAYERWISE_REPORT=1 for the table.
 */

interface HadolintCase {
  /** A DL code, `shellcheck`, or `*` (no finding of any rule). */
  rule: string;
  dockerfile: string;
  expect: 'fires' | 'passes';
  /** null: at least one finding; N: exactly N. */
  times: number | null;
  source: string;
  onbuild?: boolean;
  dockerfile_onbuild?: string;
  /** hadolint's configuration record as the spec writes it: `def { labelSchema = ..., strictLabels = True }`. */
  config?: string;
  description: string;
}

interface Disagreement {
  /** The case: `<spec file>:<line> <rule>`, with ` onbuild` for the ONBUILD variant. */
  case: string;
  reason: string;
}

/** Where we differ from hadolint, and why. Every entry must still disagree. */
const DISAGREEMENTS: Disagreement[] = [
  {
    case: 'PragmaSpec.hs:53 DL3002',
    reason: 'hadolint drops a whole `# hadolint ignore=` list when one name in it is not a code (`crazy,DL3002`); we still honour the valid names, so a typo in one does not un-ignore the others',
  },
  {
    case: 'Rule/DL3049Spec.hs:79 DL3049',
    reason: 'missing-label reports the images a file builds: `FROM base` inherits the labels of stage base, which is only a building block, so the label is missing once (on the image), not also on the stage it builds on',
  },
  {
    case: 'Rule/DL3025Spec.hs:46 DL3025',
    reason: 'json-args-recommended follows BuildKit’s JSONArgsRecommended, which covers CMD and ENTRYPOINT only: a health check is a short-lived command, so the signal handling the JSON form is for does not apply to it',
  },
  ...[56, 57, 58, 59, 61, 62, 63, 64, 66, 67, 68, 69].map((line) => ({
    case: `Rule/DL3042Spec.hs:${line} DL3042`,
    reason: 'pip-cache: pip turns its cache off for any boolean PIP_NO_CACHE_DIR, false ones included (kept for backward compatibility), so no cache lands in the layer',
  })),
  ...['Rule/DL3033Spec.hs:80 DL3033', 'Rule/DL3041Spec.hs:111 DL3041'].map((key) => ({
    case: key,
    reason: 'unpinned-yum/dnf-package: an ARG declared in another stage is not in scope here (a stage sees only the ARGs it declares), so `git-core-${version}` installs `git-core-` with an empty version; hadolint takes an ARG of any stage as defined',
  })),
  {
    case: 'test/RegressionSpec.hs:26 DL4006',
    reason: 'pipe-without-pipefail does not report pipes fed only by echo, printf or yes: echo cannot fail, so pipefail changes nothing (in the corpus, `echo "$sum *file" | sha256sum -c -` made two in five of the findings); the case is about a comment ending in a backslash, and its own comment says the SHELL above should have fixed the warning',
  },
];

const OVERALL_GOAL = 0.95;

const cases: HadolintCase[] = JSON.parse(readCorpus('hadolint-cases', 'hadolint-cases-full.json'));

/** Our rule for each hadolint code we implement, found by alias, so rules others add are covered as they land. */
const byCode = new Map<string, Rule>();
for (const rule of allRules) for (const alias of rule.meta.aliases) if (/^DL\d{4}$/.test(alias)) byCode.set(alias, rule);

const caseKey = (testCase: HadolintCase) => `${testCase.source.replace(/^test\/Hadolint\//, '')} ${testCase.rule}${testCase.onbuild ? ' onbuild' : ''}`;

const LABEL_TYPES: Record<string, string> = { RawText: 'text', Url: 'url', Rfc3339: 'rfc3339', Spdx: 'spdx', GitHash: 'hash', SemVer: 'semver', Email: 'email' };
const HADOLINT_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'style' };

/**
 * The case's configuration as the `.hadolint.yaml` a user would write, so it
 * goes through our loader. hadolint's spec runs rules whose default is
 * `ignore` too, so the file turns ours on: the off-by-default rules through
 * `override`, and DL1001 (which reports only when ignore comments are turned
 * off) through `disable-ignore-pragma` for its own cases.
 */
function configYaml(testCase: HadolintCase): string {
  const lines: string[] = [];
  const record = testCase.config ?? '';
  const fields = record.replace(/^def \{|\}$/g, '');
  for (const [, field] of fields.matchAll(/(\w+)\s*=/g)) {
    if (!['labelSchema', 'strictLabels', 'allowedRegistries', 'ignoreRules'].includes(field)) throw new Error(`unknown hadolint setting ${field} in ${testCase.source}`);
  }
  const schema = [...record.matchAll(/\("([^"]+)",\s*(?:Rule\.)?(\w+)\)/g)];
  if (schema.length) lines.push('label-schema:', ...schema.map(([, label, type]) => `  ${JSON.stringify(label)}: ${LABEL_TYPES[type]}`));
  if (/strictLabels\s*=\s*True/.test(record)) lines.push('strict-labels: true');
  const list = (field: string) => [...(new RegExp(`${field}\\s*=\\s*\\[([^\\]]*)\\]`).exec(record)?.[1] ?? '').matchAll(/"([^"]*)"/g)].map((match) => match[1]);
  if (record.includes('allowedRegistries')) lines.push(`trustedRegistries: ${JSON.stringify(list('allowedRegistries'))}`);
  if (record.includes('ignoreRules')) lines.push(`ignored: ${JSON.stringify(list('ignoreRules'))}`);
  const defaultOff = allRules.filter((rule) => rule.meta.defaultOff);
  if (defaultOff.length) {
    lines.push('override:');
    for (const [ours, level] of Object.entries(HADOLINT_LEVEL)) {
      const names = defaultOff.filter((rule) => rule.meta.severity === ours).map((rule) => rule.meta.id);
      if (names.length) lines.push(`  ${level}: ${JSON.stringify(names)}`);
    }
  }
  if (testCase.rule === 'DL1001') lines.push('disable-ignore-pragma: true');
  return `${lines.join('\n')}\n`;
}

interface Outcome {
  testCase: HadolintCase;
  key: string;
  agrees: boolean;
  /** What we found, for the report of an unlisted disagreement. */
  found: string;
}

/** Findings of the rules that implement a hadolint rule: the only ones hadolint's `*` cases speak for. */
const isHadolintRule = (finding: Finding) => finding.aliases.some((alias) => /^DL\d{4}$/.test(alias));

function run(testCase: HadolintCase): Outcome {
  const config = parseConfig(configYaml(testCase), { file: `${testCase.source}.hadolint.yaml`, rules: allRules });
  assert.deepEqual(config.problems, [], `the configuration of ${testCase.source} loads cleanly`);
  const text = `${testCase.onbuild ? testCase.dockerfile_onbuild : testCase.dockerfile}\n`;
  const findings = lint(parse(text), { rules: allRules, severities: config.severities, settings: config.settings });
  const relevant = testCase.rule === '*' ? findings.filter(isHadolintRule) : findings.filter((finding) => finding.aliases.includes(testCase.rule));
  const count = relevant.length;
  const agrees = testCase.expect === 'passes' ? count === 0 : testCase.times === null ? count > 0 : count === testCase.times;
  const found = relevant.map((finding) => `${finding.rule} ${JSON.stringify(text.slice(finding.span.start, finding.span.end))}`).join(', ') || 'nothing';
  return { testCase, key: caseKey(testCase), agrees, found };
}

const covered = cases.filter((testCase) => testCase.rule === '*' || byCode.has(testCase.rule));
const outcomes = covered.map(run);

function report(): string {
  const groups = new Map<string, Outcome[]>();
  for (const outcome of outcomes) groups.set(outcome.testCase.rule, [...(groups.get(outcome.testCase.rule) ?? []), outcome]);
  const rows = [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([code, group]) => {
    const agreed = group.filter((outcome) => outcome.agrees).length;
    const id = code === '*' ? '(no finding at all)' : byCode.get(code)!.meta.id;
    return `| ${code} | ${id} | ${group.length} | ${agreed} | ${((100 * agreed) / group.length).toFixed(1)}% |`;
  });
  const agreed = outcomes.filter((outcome) => outcome.agrees).length;
  return [
    '| hadolint | rule | cases | agree | share |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    `| all | ${groups.size} rules | ${outcomes.length} | ${agreed} | ${((100 * agreed) / outcomes.length).toFixed(1)}% |`,
  ].join('\n');
}

if (process.env.LAYERWISE_REPORT) console.log(`\nhadolint agreement\n${report()}\n`);

describe('agreement with hadolint’s spec cases', () => {
  it('has cases for every hadolint code we implement', () => {
    const withCases = new Set(cases.map((testCase) => testCase.rule));
    // DL codes are taken from allRules, so this also checks that no alias is misspelt.
    assert.deepEqual([...byCode.keys()].filter((code) => !withCases.has(code)), []);
    assert.ok(outcomes.length > 0);
  });

  it(`agrees on at least ${OVERALL_GOAL * 100}% of the cases`, () => {
    const share = outcomes.filter((outcome) => outcome.agrees).length / outcomes.length;
    assert.ok(share >= OVERALL_GOAL, `agreement ${(share * 100).toFixed(1)}%:\n${report()}`);
  });

  it('lists every disagreement with its reason', () => {
    const listed = new Set(DISAGREEMENTS.map((entry) => entry.case));
    const unlisted = outcomes.filter((outcome) => !outcome.agrees && !listed.has(outcome.key));
    assert.deepEqual(
      unlisted.map((outcome) => `${outcome.key}: hadolint ${outcome.testCase.expect}${outcome.testCase.times ? ` ×${outcome.testCase.times}` : ''}, we found ${outcome.found} in ${JSON.stringify(outcome.testCase.onbuild ? outcome.testCase.dockerfile_onbuild : outcome.testCase.dockerfile)}`),
      [],
    );
  });

  for (const entry of DISAGREEMENTS) {
    it(`still disagrees on ${entry.case} (${entry.reason})`, () => {
      const outcome = outcomes.find((candidate) => candidate.key === entry.case);
      assert.ok(outcome, `${entry.case} is a case of a rule we implement`);
      assert.equal(outcome.agrees, false, `${entry.case} now agrees: remove it from the list`);
    });
  }
});
