import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { INSTRUCTIONS } from '../../../server/src/analysis/instructions.js';
import { initShell } from '../../../server/src/analysis/shell/index.js';
import { lint } from '../../../server/src/lint/engine.js';
import type { Finding, Rule } from '../../../server/src/lint/types.js';
import { LineIndex, parse, type DockerfileTree, type Instruction } from '../../../server/src/parser/index.js';
import { allRules } from '../../../server/src/rules/index.js';
import { readCorpus } from '../../support/corpus.js';

/**
 * How far our rules agree with dockerfile-utils' validator on every Dockerfile
 * its own tests feed it. dockerfile-utils is a peer, not the truth: where it
 * differs from BuildKit we follow BuildKit, and each such difference is listed
 * below with its reason. Run with LAYERWISE_REPORT=1 for the per-code table.
 */

type Severity = 'IGNORE' | 'WARNING' | 'ERROR';
type SettingName =
  | 'deprecatedMaintainer' | 'directiveCasing' | 'emptyContinuationLine' | 'instructionCasing' | 'instructionCmdMultiple'
  | 'instructionEntrypointMultiple' | 'instructionHealthcheckMultiple' | 'instructionJSONInSingleQuotes' | 'instructionWorkdirRelative';

interface Diagnostic {
  code: string;
  range: [number, number, number, number];
  message: string;
}

interface Case {
  id: string;
  dockerfile: string;
  diagnostics: Diagnostic[];
  /** Replaces the defaults whole: a setting left out is off. */
  settings: Partial<Record<SettingName, Severity>>;
  settings_from: string;
}

/** Which of our findings stand for a dockerfile-utils code. `rule` is our id or an alias (for rules others own). */
interface Matcher {
  rule: string;
  messageIds?: string[];
  /** Only findings on these instructions (the trigger's keyword inside ONBUILD). */
  keywords?: readonly string[];
  /** The dockerfile-utils setting that turns this check on and off. */
  setting?: SettingName;
}

/** Every instruction but the ones named. */
const except = (...keywords: string[]) => INSTRUCTIONS.filter((keyword) => !keywords.includes(keyword));

const TABLE: Record<string, Matcher[]> = {
  ARGUMENT_EXTRA: [{ rule: 'instruction-arguments', messageIds: ['extra'] }],
  ARGUMENT_MISSING: [
    { rule: 'instruction-arguments', messageIds: ['missing'], keywords: except('ADD', 'COPY', 'HEALTHCHECK') },
    { rule: 'instruction-arguments', messageIds: ['emptyCommand'], keywords: ['ENTRYPOINT'] },
  ],
  ARGUMENT_REQUIRES_AT_LEAST_ONE: [{ rule: 'instruction-arguments', messageIds: ['missing'], keywords: ['HEALTHCHECK'] }],
  ARGUMENT_REQUIRES_AT_LEAST_TWO: [
    { rule: 'instruction-arguments', messageIds: ['missing'], keywords: ['ADD', 'COPY'] },
    { rule: 'instruction-arguments', messageIds: ['atLeastTwo'] },
  ],
  ARGUMENT_REQUIRES_ONE_OR_THREE: [{ rule: 'instruction-arguments', messageIds: ['oneOrThree'] }],
  ARGUMENT_REQUIRES_TWO: [{ rule: 'syntax-error', messageIds: ['missingValue'] }],
  ARGUMENT_UNNECESSARY: [{ rule: 'instruction-arguments', messageIds: ['noneTakesNoArguments'] }],
  BASE_NAME_EMPTY: [{ rule: 'InvalidDefaultArgInFrom', messageIds: ['empty'] }],
  CASING_DIRECTIVE: [{ rule: 'directive-casing', setting: 'directiveCasing' }],
  CASING_INSTRUCTION: [{ rule: 'ConsistentInstructionCasing', setting: 'instructionCasing' }],
  DEPRECATED_MAINTAINER: [{ rule: 'MaintainerDeprecated', setting: 'deprecatedMaintainer' }],
  DUPLICATED_ESCAPE_DIRECTIVE: [{ rule: 'directive', messageIds: ['duplicate'] }],
  DUPLICATE_BUILD_STAGE_NAME: [{ rule: 'DuplicateStageName' }],
  EMPTY_CONTINUATION_LINE: [{ rule: 'empty-continuation-line', setting: 'emptyContinuationLine' }],
  FLAG_AT_LEAST_ONE: [{ rule: 'flag-value', messageIds: ['negative'] }],
  FLAG_DUPLICATE: [{ rule: 'duplicate-flag' }],
  FLAG_EXPECTED_BOOLEAN_VALUE: [{ rule: 'flag-value', messageIds: ['notBoolean'] }],
  FLAG_INVALID_DURATION: [{ rule: 'flag-value', messageIds: ['invalidDuration'] }],
  FLAG_INVALID_FROM_VALUE: [{ rule: 'flag-value', messageIds: ['emptySource', 'invalidSource'] }],
  FLAG_LESS_THAN_1MS: [{ rule: 'flag-value', messageIds: ['tooShort'] }],
  FLAG_MISSING_DURATION: [{ rule: 'flag-value', messageIds: ['missingUnit'] }],
  FLAG_MISSING_VALUE: [{ rule: 'flag-value', messageIds: ['missingValue', 'emptyBoolean'] }],
  FLAG_UNKNOWN_UNIT: [{ rule: 'flag-value', messageIds: ['unknownUnit'] }],
  HEALTHCHECK_CMD_ARGUMENT_MISSING: [{ rule: 'instruction-arguments', messageIds: ['missingCommand'] }],
  INVALID_AS: [{ rule: 'instruction-arguments', messageIds: ['expectedAs'] }],
  INVALID_BUILD_STAGE_NAME: [{ rule: 'invalid-stage-name' }],
  INVALID_DESTINATION: [{ rule: 'DL3021' }],
  INVALID_ESCAPE_DIRECTIVE: [{ rule: 'directive', messageIds: ['invalidEscape'] }],
  INVALID_PORT: [{ rule: 'ExposeInvalidFormat' }, { rule: 'DL3011' }],
  INVALID_PROTO: [{ rule: 'ExposeProtoCasing' }],
  INVALID_REFERENCE_FORMAT: [{ rule: 'invalid-image-reference' }, { rule: 'InvalidDefaultArgInFrom', messageIds: ['invalid'] }],
  INVALID_SIGNAL: [{ rule: 'invalid-signal' }, { rule: 'variable-syntax', messageIds: ['missingBrace'], keywords: ['STOPSIGNAL'] }],
  INVALID_SYNTAX: [{ rule: 'flag-value', messageIds: ['notInteger'] }],
  JSON_IN_SINGLE_QUOTES: [{ rule: 'invalid-json', messageIds: ['singleQuotes'], setting: 'instructionJSONInSingleQuotes' }],
  MULTIPLE_INSTRUCTIONS: [
    { rule: 'DL4003', setting: 'instructionCmdMultiple' },
    { rule: 'DL4004', setting: 'instructionEntrypointMultiple' },
    { rule: 'DL3012', setting: 'instructionHealthcheckMultiple' },
  ],
  NO_SOURCE_IMAGE: [{ rule: 'instruction-order' }, { rule: 'syntax-error', messageIds: ['noInstructions'] }],
  ONBUILD_CHAINING_DISALLOWED: [{ rule: 'onbuild-trigger', messageIds: ['chained'] }],
  ONBUILD_TRIGGER_DISALLOWED: [{ rule: 'onbuild-trigger', messageIds: ['notAllowed'] }],
  SHELL_JSON_FORM: [{ rule: 'instruction-arguments', messageIds: ['shellNotJson'] }],
  SHELL_REQUIRES_ONE: [{ rule: 'instruction-arguments', messageIds: ['shellEmpty'] }],
  SYNTAX_MISSING_DOUBLE_QUOTE: [{ rule: 'key-value-syntax', messageIds: ['unclosedDouble'] }],
  SYNTAX_MISSING_EQUALS: [{ rule: 'syntax-error', messageIds: ['missingEquals'] }],
  SYNTAX_MISSING_NAMES: [{ rule: 'key-value-syntax', messageIds: ['blankName'] }],
  SYNTAX_MISSING_SINGLE_QUOTE: [{ rule: 'key-value-syntax', messageIds: ['unclosedSingle'] }],
  UNKNOWN_ADD_FLAG: [{ rule: 'unknown-flag', keywords: ['ADD'] }],
  UNKNOWN_COPY_FLAG: [{ rule: 'unknown-flag', keywords: ['COPY'] }],
  UNKNOWN_FROM_FLAG: [{ rule: 'unknown-flag', keywords: ['FROM'] }],
  UNKNOWN_HEALTHCHECK_FLAG: [{ rule: 'unknown-flag', keywords: ['HEALTHCHECK'] }],
  UNKNOWN_INSTRUCTION: [{ rule: 'unknown-instruction' }],
  UNKNOWN_TYPE: [{ rule: 'instruction-arguments', messageIds: ['unknownType'] }],
  UNSUPPORTED_MODIFIER: [
    { rule: 'variable-syntax', messageIds: ['unsupportedModifier', 'badSubstitution'] },
    { rule: 'variable-syntax', messageIds: ['missingBrace'], keywords: except('STOPSIGNAL') },
  ],
  WORKDIR_IS_NOT_ABSOLUTE: [{ rule: 'WorkdirRelativePath', setting: 'instructionWorkdirRelative' }],
};

/**
 * Where we differ from dockerfile-utils on purpose. A case one of these
 * matches may disagree on the codes it names; every entry must explain at
 * least one disagreement, so the list cannot go stale.
 */
interface Difference {
  codes: string[];
  reason: string;
  matches: (dockerfile: string) => boolean;
}

/** Counted only where the same file with LF line ends agrees: the rules agree, the files differ. */
const CR_DIFFERENCE: Difference = {
  codes: [],
  reason: 'Lone CR line ends: BuildKit (and our parser) end lines at LF only, so to BuildKit a CR-only file is one long line; dockerfile-ast ends lines at CR too. Counted here only when the same file with LF line ends agrees',
  matches: () => false,
};

const DIFFERENCES: Difference[] = [
  CR_DIFFERENCE,
  {
    codes: ['UNKNOWN_ADD_FLAG', 'UNKNOWN_COPY_FLAG', 'UNKNOWN_FROM_FLAG', 'UNKNOWN_HEALTHCHECK_FLAG'],
    reason: 'A lone `--` ends the flags in BuildKit (`COPY -- a b` copies a to b); dockerfile-utils reports it as an unknown flag with no name',
    matches: (text) => /^\w+ -- /m.test(text),
  },
  {
    codes: ['FLAG_LESS_THAN_1MS'],
    reason: 'BuildKit accepts a HEALTHCHECK duration of 0 (`0s`, `-0s`): it means "use the default"; only other durations under 1ms fail',
    matches: (text) => /--[\w-]+=-?0s /.test(text),
  },
  {
    codes: ['FLAG_AT_LEAST_ONE'],
    reason: 'BuildKit accepts `--retries=0` (the default); only negative counts fail',
    matches: (text) => text.includes('--retries=0 '),
  },
  {
    codes: ['UNSUPPORTED_MODIFIER'],
    reason: 'BuildKit does not expand variables in HEALTHCHECK, MAINTAINER, SHELL or CMD (also inside ONBUILD): the shell, or nobody, reads `${...}` there, so it cannot fail the build',
    matches: (text) => /^(HEALTHCHECK|MAINTAINER|SHELL|ONBUILD CMD) .*\$\{/m.test(text),
  },
  {
    codes: ['UNSUPPORTED_MODIFIER'],
    reason: 'A `${` with no closing `}` fails the build ("missing \'}\'"); dockerfile-utils does not report it',
    matches: (text) => /^(ARG|ENV|LABEL) .*\$\{[^}]*$/m.test(text),
  },
  {
    codes: ['INVALID_SIGNAL'],
    reason: 'BuildKit checks STOPSIGNAL after expanding variables: `${bbb:+x}` with bbb set is "x", not a signal; dockerfile-utils does not expand it',
    matches: (text) => /^STOPSIGNAL \$\{\w+:\+/m.test(text),
  },
  {
    codes: ['INVALID_SIGNAL'],
    reason: 'A variable the Dockerfile never declares may come from the base image\'s ENV, so `STOPSIGNAL $a` is not known to be invalid',
    matches: (text) => /^STOPSIGNAL \$[a-z]+\s*$/m.test(text),
  },
  {
    codes: ['SHELL_JSON_FORM'],
    reason: 'Text after the closing bracket (`SHELL ["/bin/sh"] ]`) makes the whole not JSON, which BuildKit refuses for SHELL; dockerfile-ast reads the first bracket pair and ignores the rest',
    matches: (text) => /^SHELL \[.*\] *\S/m.test(text),
  },
  {
    codes: ['JSON_IN_SINGLE_QUOTES'],
    reason: 'We also report a single-quoted array whose closing bracket is missing; it runs as a shell command just the same',
    matches: (text) => /^(CMD|RUN|ENTRYPOINT|ADD|COPY|VOLUME) \[.*[^\]\s]\s*$/m.test(text),
  },
  {
    codes: ['INVALID_REFERENCE_FORMAT'],
    reason: 'BuildKit\'s InvalidDefaultArgInFrom check (invalid-default-arg-in-from) reads FROM with the ARGs\' defaults: `ARG version` then `FROM alpine:$version` asks for `alpine:` on a build without --build-arg',
    matches: (text) => /^ARG \w+\s*\nFROM \w+[:@]\$\w+\s*$/m.test(text),
  },
  {
    codes: ['UNKNOWN_INSTRUCTION'],
    reason: '`# dockerfile-utils: ignore` is dockerfile-utils\' own ignore comment; ours are `# layerwise-ignore`, hadolint\'s and BuildKit\'s',
    matches: (text) => text.includes('# dockerfile-utils: ignore'),
  },
];

/**
 * The codes our rules take on, with the share of cases (where either side
 * reports the code) on which we report the same lines, in percent, as
 * measured. Low figures come from dockerfile-utils' tests repeating each input
 * with CR-only line ends (see the first difference).
 */
const FLOORS: Record<string, number> = {
  ARGUMENT_EXTRA: 70,
  ARGUMENT_MISSING: 91,
  ARGUMENT_REQUIRES_AT_LEAST_ONE: 92,
  ARGUMENT_REQUIRES_AT_LEAST_TWO: 96,
  ARGUMENT_REQUIRES_ONE_OR_THREE: 86,
  ARGUMENT_REQUIRES_TWO: 33,
  ARGUMENT_UNNECESSARY: 100,
  CASING_DIRECTIVE: 100,
  DUPLICATED_ESCAPE_DIRECTIVE: 100,
  EMPTY_CONTINUATION_LINE: 100,
  FLAG_AT_LEAST_ONE: 50,
  FLAG_DUPLICATE: 100,
  FLAG_EXPECTED_BOOLEAN_VALUE: 100,
  FLAG_INVALID_DURATION: 100,
  FLAG_INVALID_FROM_VALUE: 100,
  FLAG_LESS_THAN_1MS: 77,
  FLAG_MISSING_DURATION: 100,
  FLAG_MISSING_VALUE: 100,
  FLAG_UNKNOWN_UNIT: 100,
  HEALTHCHECK_CMD_ARGUMENT_MISSING: 100,
  INVALID_AS: 100,
  INVALID_BUILD_STAGE_NAME: 100,
  INVALID_ESCAPE_DIRECTIVE: 100,
  INVALID_REFERENCE_FORMAT: 91,
  INVALID_SIGNAL: 60,
  INVALID_SYNTAX: 100,
  JSON_IN_SINGLE_QUOTES: 93,
  NO_SOURCE_IMAGE: 100,
  ONBUILD_CHAINING_DISALLOWED: 100,
  ONBUILD_TRIGGER_DISALLOWED: 100,
  SHELL_JSON_FORM: 61,
  SHELL_REQUIRES_ONE: 100,
  SYNTAX_MISSING_DOUBLE_QUOTE: 100,
  SYNTAX_MISSING_EQUALS: 5,
  SYNTAX_MISSING_NAMES: 100,
  SYNTAX_MISSING_SINGLE_QUOTE: 100,
  UNKNOWN_ADD_FLAG: 85,
  UNKNOWN_COPY_FLAG: 87,
  UNKNOWN_FROM_FLAG: 66,
  UNKNOWN_HEALTHCHECK_FLAG: 92,
  UNKNOWN_INSTRUCTION: 32,
  UNKNOWN_TYPE: 71,
  UNSUPPORTED_MODIFIER: 68,
};

const cases: Case[] = JSON.parse(readCorpus('dockerfile-utils-cases', 'dockerfile-utils-cases.json'));

const rulesByName = new Map<string, Rule | undefined>();

/** Our rule for an id or an alias (case-insensitive, as pragmas read them). */
function ruleFor(name: string): Rule | undefined {
  if (!rulesByName.has(name)) {
    const lower = name.toLowerCase();
    rulesByName.set(name, allRules.find((rule) => rule.meta.id === name || rule.meta.aliases.some((alias) => alias.toLowerCase() === lower)));
  }
  return rulesByName.get(name);
}

/** The instruction a finding sits in: the ONBUILD trigger when it is inside one. */
function instructionAt(tree: DockerfileTree, offset: number): Instruction | undefined {
  let found: Instruction | undefined;
  for (const instruction of tree.instructions) {
    if (instruction.start > offset) break;
    found = instruction;
  }
  if (found?.trigger && found.trigger.start <= offset) return found.trigger;
  return found;
}

function enabled(testCase: Case, setting: SettingName | undefined): boolean {
  if (!setting) return true;
  const severity = testCase.settings[setting];
  return severity === 'WARNING' || severity === 'ERROR';
}

type Range = [number, number, number, number];

interface Tally {
  counted: number;
  agree: number;
  exact: number;
  explained: number;
  unexplained: string[];
}

/** Every rule on, those off by default too. */
const severities = Object.fromEntries(allRules.map((rule) => [rule.meta.id, rule.meta.severity]));

function ourRanges(testCase: Case, tree: DockerfileTree, findings: Finding[], lines: LineIndex, matchers: Matcher[]): Range[] {
  const ranges: Range[] = [];
  for (const finding of findings) {
    const matched = matchers.some((matcher) => {
      if (ruleFor(matcher.rule)?.meta.id !== finding.rule || !enabled(testCase, matcher.setting)) return false;
      if (matcher.messageIds && !matcher.messageIds.includes(finding.messageId)) return false;
      return !matcher.keywords || matcher.keywords.includes(instructionAt(tree, finding.span.start)?.keyword ?? '');
    });
    if (!matched) continue;
    const start = lines.positionAt(finding.span.start);
    const end = lines.positionAt(finding.span.end);
    ranges.push([start.line, start.character, end.line, end.character]);
  }
  return ranges;
}

const lineSet = (ranges: Range[]) => [...new Set(ranges.map((range) => range[0]))].sort((a, b) => a - b).join(',');
const rangeSet = (ranges: Range[]) => ranges.map((range) => range.join(':')).sort().join(',');

/** dockerfile-ast ends lines at CR as well as LF; BuildKit and our parser at LF only. */
const LONE_CR = /\r(?!\n)/g;

function lintCase(text: string): { tree: DockerfileTree; findings: Finding[]; lines: LineIndex } {
  const tree = parse(text);
  return { tree, findings: lint(tree, { rules: allRules, severities }), lines: new LineIndex(text) };
}

function measure(): { tallies: Map<string, Tally>; used: Map<Difference, number>; unmapped: Map<string, string[]> } {
  const tallies = new Map<string, Tally>(Object.keys(TABLE).map((code) => [code, { counted: 0, agree: 0, exact: 0, explained: 0, unexplained: [] }]));
  const used = new Map<Difference, number>(DIFFERENCES.map((difference) => [difference, 0]));
  const unmapped = new Map<string, string[]>();
  for (const testCase of cases) {
    const linted = lintCase(testCase.dockerfile);
    // A CR-only file is one line to BuildKit; its LF twin shows whether the rules agree line by line.
    const twinText = testCase.dockerfile.replace(LONE_CR, '\n');
    let twin: ReturnType<typeof lintCase> | undefined;
    const twinOf = () => (twin ??= lintCase(twinText));
    const claimed = new Set<Finding>();
    for (const [code, matchers] of Object.entries(TABLE)) {
      const tally = tallies.get(code)!;
      const theirs = testCase.diagnostics.filter((diagnostic) => diagnostic.code === code).map((diagnostic) => diagnostic.range);
      const ours = ourRanges(testCase, linted.tree, linted.findings, linted.lines, matchers);
      for (const finding of linted.findings) {
        if (matchers.some((matcher) => ruleFor(matcher.rule)?.meta.id === finding.rule)) claimed.add(finding);
      }
      if (theirs.length === 0 && ours.length === 0) continue;
      tally.counted++;
      if (lineSet(theirs) === lineSet(ours)) {
        tally.agree++;
        if (rangeSet(theirs) === rangeSet(ours)) tally.exact++;
        continue;
      }
      const hasTwin = twinText !== testCase.dockerfile;
      const twinOurs = hasTwin ? ourRanges(testCase, twinOf().tree, twinOf().findings, twinOf().lines, matchers) : undefined;
      const text = hasTwin ? twinText : testCase.dockerfile;
      const difference = twinOurs && lineSet(theirs) === lineSet(twinOurs)
        ? CR_DIFFERENCE
        : DIFFERENCES.find((candidate) => candidate !== CR_DIFFERENCE && candidate.codes.includes(code) && candidate.matches(text));
      if (difference) {
        tally.explained++;
        used.set(difference, used.get(difference)! + 1);
      } else {
        tally.unexplained.push(`${testCase.id} ${JSON.stringify(testCase.dockerfile)} theirs=[${lineSet(theirs)}] ours=[${lineSet(twinOurs ?? ours)}]`);
      }
    }
    for (const finding of linted.findings) {
      if (claimed.has(finding)) continue;
      const key = `${finding.rule}/${finding.messageId}`;
      unmapped.set(key, [...(unmapped.get(key) ?? []), testCase.id]);
    }
  }
  return { tallies, used, unmapped };
}

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

function printReport({ tallies, used, unmapped }: ReturnType<typeof measure>): void {
  const rows = Object.entries(TABLE).map(([code, matchers]) => {
    const tally = tallies.get(code)!;
    const rules = [...new Set(matchers.map((matcher) => ruleFor(matcher.rule)?.meta.id ?? `(${matcher.rule}: none)`))].join(', ');
    return `| ${code} | ${rules} | ${tally.counted} | ${tally.agree} | ${percent(tally.agree, tally.counted)} | ${percent(tally.exact, tally.agree)} | ${tally.explained} | ${tally.unexplained.length} |`;
  });
  console.log(['| code | our rule | cases | same lines | agreement | same range | listed difference | unexplained |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n'));
  const shown = Number(process.env.LAYERWISE_REPORT) || 0;
  const only = process.env.LAYERWISE_REPORT_CODES?.split(',');
  for (const [code, tally] of tallies) {
    if (!only || only.includes(code)) for (const line of tally.unexplained.slice(0, shown)) console.log(`${code}: ${line}`);
  }
  const extra = [...unmapped].map(([key, ids]) => `${key} ${ids.length} (${ids.slice(0, 3).join(', ')})`);
  console.log(`\nFindings of ours with no dockerfile-utils code:\n${extra.join('\n')}`);
  for (const [difference, count] of used) console.log(`difference (${count}): ${difference.reason}`);
}

describe('agreement with dockerfile-utils on its own test inputs', () => {
  let result: ReturnType<typeof measure>;
  before(async () => {
    await initShell();
    result = measure();
    if (process.env.LAYERWISE_REPORT) printReport(result);
  });

  for (const [code, floor] of Object.entries(FLOORS)) {
    it(`reports ${code} on the same lines in at least ${floor}% of cases, and every other case is a listed difference`, () => {
      const tally = result.tallies.get(code)!;
      assert.ok(tally.counted > 0, `${code} occurs`);
      const share = (100 * tally.agree) / tally.counted;
      assert.ok(share >= floor, `${code}: ${share.toFixed(1)}% < ${floor}%`);
      assert.deepEqual(tally.unexplained, [], `${code}: disagreements no listed difference explains`);
    });
  }

  it('explains at least one disagreement with each listed difference', () => {
    for (const [difference, count] of result.used) assert.ok(count > 0, `unused difference: ${difference.reason}`);
  });
});
