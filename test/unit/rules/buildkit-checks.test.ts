import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/lint/engine.js';
import type { LintSettings } from '../../../server/src/lint/types.js';
import { LineIndex, parse } from '../../../server/src/parser/index.js';
import { allRules } from '../../../server/src/rules/index.js';
import { readCorpus } from '../../support/corpus.js';

// BuildKit's own build-check cases (`docker build --check`): every case agrees
// with our rules on (check, line), or is listed below with why it does not.

/** Every check BuildKit has (frontend/dockerfile/linter/ruleset.go). */
const BUILDKIT_CHECKS = new Set([
  'StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName', 'ReservedStageName',
  'JSONArgsRecommended', 'MaintainerDeprecated', 'UndefinedArgInFrom', 'WorkdirRelativePath', 'UndefinedVar', 'MultipleInstructionsDisallowed',
  'LegacyKeyValueFormat', 'InvalidBaseImagePlatform', 'RedundantTargetPlatform', 'SecretsUsedInArgOrEnv', 'InvalidDefaultArgInFrom',
  'FromPlatformFlagConstDisallowed', 'CopyIgnoredFile', 'InvalidDefinitionDescription', 'ExposeProtoCasing', 'ExposeInvalidFormat',
]);

interface Case {
  id: string;
  dockerfile: string;
  warnings: Array<{ rule: string; line: number | null }>;
  frontendAttrs?: Record<string, string>;
  dockerignore?: string;
}

type Warning = [check: string, line: number | null];

/**
 * The cases where we deliberately give something else, each with what we give.
 * Asserted both ways (we give exactly `ours`, and that is not what the case
 * says), so an entry fails as soon as it is no longer a difference.
 */
const DIFFERENCES: Record<string, { reason: string; ours: Warning[] }> = {
  'testDefinitionDescription#2': {
    reason: 'InvalidDefinitionDescription is experimental: BuildKit runs it only under `# check=experimental=...`, and we have no such rule',
    ours: [],
  },
  'testNoEmptyContinuation#1': {
    reason: 'an empty continuation line is a parser warning (`empty-continuation-line`) here, and the empty-continuation-line rule does not carry the NoEmptyContinuation name',
    ours: [],
  },
  'testAllTargetUnmarshal#1': {
    reason: "the corpus joins the Go test's two lists: the build's progress stream (target stage only: line 6) and the --check result (every stage: lines 3 and 6); --check gives 3 and 6, as we do",
    ours: [['UndefinedVar', 3], ['UndefinedVar', 6]],
  },
  'testLegacyKeyValueFormat#3': {
    reason: "the Go test does not compare lines for --check results, and the lines it writes (3, 4) are not where ENV and LABEL are; they are on lines 5 and 6",
    ours: [['LegacyKeyValueFormat', 5], ['LegacyKeyValueFormat', 6]],
  },
  'testRedundantTargetPlatform#2': {
    reason: 'the corpus lost the line of this warning (null); the Go test expects line 2, as we give',
    ours: [['RedundantTargetPlatform', 2]],
  },
  'testCopyIgnoredFileContextRoot#2': {
    reason: "the corpus lost this case's .dockerignore (`*`, set inside a t.Run); without one there is nothing to check. With it we agree (tested below)",
    ours: [],
  },
};

/** The .dockerignore files the Go test sets inside t.Run, which the corpus does not record. */
const LOST_DOCKERIGNORE: Record<string, string> = {
  'testCopyIgnoredFileContextRoot#1': '\n.*\n',
  'testCopyIgnoredFileContextRoot#2': '\n*\n',
};

const cases: Case[] = JSON.parse(readCorpus('buildkit-checks', 'buildkit-checks.json')).cases;
// Every rule on, those off by default too.
const severities = Object.fromEntries(allRules.map((rule) => [rule.meta.id, rule.meta.severity]));

function settingsOf(testCase: Case, dockerignore = testCase.dockerignore): LintSettings {
  const settings: LintSettings = {};
  if (dockerignore !== undefined) settings.dockerignore = dockerignore;
  for (const [key, value] of Object.entries(testCase.frontendAttrs ?? {})) {
    if (key.startsWith('build-arg:')) settings.buildArgs = { ...settings.buildArgs, [key.slice('build-arg:'.length)]: value };
  }
  return settings;
}

/** Our findings under BuildKit's names, at the line where their instruction starts (BuildKit reports instructions). */
function ourWarnings(testCase: Case, settings = settingsOf(testCase)): Warning[] {
  const tree = parse(testCase.dockerfile);
  const lines = new LineIndex(testCase.dockerfile);
  const warnings: Warning[] = [];
  for (const finding of lint(tree, { rules: allRules, settings, severities })) {
    const check = finding.aliases.find((alias) => BUILDKIT_CHECKS.has(alias));
    if (!check) continue;
    const instruction = tree.instructions.find((candidate) => candidate.start <= finding.span.start && finding.span.start <= candidate.end);
    warnings.push([check, lines.positionAt(instruction?.start ?? finding.span.start).line + 1]);
  }
  return sorted(warnings);
}

function sorted(warnings: Warning[]): Warning[] {
  return [...warnings].sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0) || a[0].localeCompare(b[0]));
}

const expected = (testCase: Case): Warning[] => sorted(testCase.warnings.map((warning) => [warning.rule, warning.line]));

describe('BuildKit build checks', () => {
  it(`has the corpus's 80 cases, and agrees on ${80 - Object.keys(DIFFERENCES).length} of them`, () => {
    assert.equal(cases.length, 80);
    const ids = new Set(cases.map((testCase) => testCase.id));
    for (const id of [...Object.keys(DIFFERENCES), ...Object.keys(LOST_DOCKERIGNORE)]) assert.ok(ids.has(id), `${id} is a corpus case`);
    const agreeing = cases.filter((testCase) => JSON.stringify(ourWarnings(testCase)) === JSON.stringify(expected(testCase)));
    assert.equal(agreeing.length, cases.length - Object.keys(DIFFERENCES).length);
  });

  for (const testCase of cases) {
    const difference = DIFFERENCES[testCase.id];
    if (difference) {
      it(`${testCase.id} differs as listed: ${difference.reason}`, () => {
        const ours = ourWarnings(testCase);
        assert.deepEqual(ours, sorted(difference.ours));
        assert.notDeepEqual(ours, expected(testCase));
      });
    } else {
      it(`${testCase.id} agrees`, () => {
        assert.deepEqual(ourWarnings(testCase), expected(testCase));
      });
    }
  }

  it("agrees on the context-root cases given the .dockerignore files BuildKit's test uses", () => {
    for (const [id, dockerignore] of Object.entries(LOST_DOCKERIGNORE)) {
      const testCase = cases.find((candidate) => candidate.id === id)!;
      assert.deepEqual(ourWarnings(testCase, settingsOf(testCase, dockerignore)), expected(testCase), id);
    }
  });
});
