import type { VariableResolver } from '../analysis/variables.js';
import type { DockerfileTree, Instruction, LineIndex, Span, Stage } from '../parser/index.js';

/** Our severities; hadolint's `style` is `hint`. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export type Locale = 'en' | 'zh-cn';
export const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

export type Category = 'syntax' | 'correctness' | 'layers' | 'security' | 'maintainability' | 'style';

/** Documentation of a rule in one language; headings are the same for every rule. */
export interface RuleDocs {
  /** One line: what the rule reports. */
  summary: string;
  /** Why it matters: in layers, cache and image size where that is the reason. */
  why: string;
  /** What the fix does, and whether it is safe to apply without looking. */
  fix?: string;
}

export interface RuleMeta<MessageId extends string = string> {
  /** Kebab-case, and the name of the rule's folder. */
  id: string;
  /** Codes users already use to ignore it: hadolint's DLxxxx, BuildKit's check name. */
  aliases: string[];
  category: Category;
  severity: Severity;
  /** Messages by id, with `{name}` placeholders, in every locale. */
  messages: Record<Locale, Record<MessageId, string>>;
  docs: Record<Locale, RuleDocs>;
  /**
   * A Dockerfile the rule reports, and the same made right; both run as tests,
   * under `settings` when the rule needs configuration to report anything.
   */
  examples: { bad: string; good: string; settings?: LintSettings };
  /** Whether the rule offers fixes. */
  fixable?: boolean;
  /**
   * Off unless configured (hadolint's `ignore` default): `severity` is what it
   * reports at once a configuration turns it on.
   */
  defaultOff?: boolean;
  /**
   * Findings come from an external program (ShellCheck), run asynchronously
   * after the synchronous rules (server/src/shellcheck); `create` has no visitors.
   */
  external?: boolean;
  /**
   * `instruction`: the rule reports only while visiting an instruction (or its
   * ONBUILD trigger), only inside it, and reads nothing but that instruction,
   * the directives, comments and escape character, the settings, and the
   * file's FROM, ARG, ENV, SHELL and ONBUILD instructions, and its messages
   * name no position outside it (a line of another instruction moves with
   * edits above it, and a reused message would keep the old one). Its findings on
   * instructions an edit left alone are then reused (lint/memo.ts);
   * test/unit/lint/incremental.test.ts holds every such rule to full lints.
   */
  scope?: 'instruction';
}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** Message id of the fix's title. */
  messageId: string;
  data?: Record<string, string | number>;
  edits: TextEdit[];
  /** Safe fixes keep behaviour and may be applied on save and by `--fix`. */
  safe: boolean;
}

export interface Report<MessageId extends string = string> {
  span: Span;
  messageId: MessageId;
  data?: Record<string, string | number>;
  fixes?: Fix[];
}

export interface Finding {
  rule: string;
  aliases: string[];
  severity: Severity;
  span: Span;
  message: string;
  messageId: string;
  fixes: Array<Fix & { title: string }>;
  /** The code to show, when it is not the rule id (ShellCheck's `SC2086`). */
  code?: string;
  /** Where the finding is explained, when not on the rule's page. */
  docsUrl?: string;
}

/** What a rule sees: the tree and shared analyses, built lazily and once per lint. */
export interface RuleContext<MessageId extends string = string> {
  readonly tree: DockerfileTree;
  readonly text: string;
  readonly lines: LineIndex;
  readonly variables: VariableResolver;
  /** Options from configuration (hadolint's trustedRegistries, label-schema, ...). */
  readonly settings: LintSettings;
  report(report: Report<MessageId>): void;
}

export interface LintSettings {
  trustedRegistries?: string[];
  /** Label name to hadolint's value type: text, url, semver, hash, rfc3339, spdx, email. */
  labelSchema?: Record<string, string>;
  strictLabels?: boolean;
  /** hadolint's `disable-ignore-pragma`: ignore comments stop working (and are reported). */
  disableIgnorePragma?: boolean;
  /** The build context's `.dockerignore` text, for checks of what COPY and ADD can read. */
  dockerignore?: string;
  /** Build arguments (`--build-arg NAME=value`) as BuildKit's checks see them; `BUILDKIT_DOCKERFILE_CHECK` replaces `# check=`. */
  buildArgs?: Record<string, string>;
}

export type Keyword =
  | 'ADD' | 'ARG' | 'CMD' | 'COPY' | 'ENTRYPOINT' | 'ENV' | 'EXPOSE' | 'FROM' | 'HEALTHCHECK' | 'LABEL'
  | 'MAINTAINER' | 'ONBUILD' | 'RUN' | 'SHELL' | 'STOPSIGNAL' | 'USER' | 'VOLUME' | 'WORKDIR';

/**
 * `onbuild` is set when the instruction is the trigger of an `ONBUILD`: rules
 * that check what an instruction does see triggers too (as hadolint does);
 * rules that count instructions in a stage skip them.
 */
export type InstructionVisitor = (instruction: Instruction, stage: Stage | undefined, onbuild?: Instruction) => void;

/** Called during one walk of the tree, ESLint style: by keyword, or for every instruction, stage and the end. */
export type Visitors = Partial<Record<Keyword, InstructionVisitor>> & {
  instruction?: InstructionVisitor;
  stage?(stage: Stage): void;
  stageEnd?(stage: Stage): void;
  end?(): void;
};

export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  create(context: RuleContext<MessageId>): Visitors;
}
