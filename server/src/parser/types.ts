/**
 * The Dockerfile syntax tree. Every span is a pair of UTF-16 offsets into the
 * document text (end exclusive); convert to line/character with `LineIndex`
 * only at the edges (LSP, CLI output).
 */

export interface Span {
  start: number;
  end: number;
}

/** A piece of source text: its value as the parser reads it, and where it is. */
export interface Token extends Span {
  value: string;
}

export type EscapeChar = '\\' | '`';

export interface ParseError extends Span {
  message: string;
  /** A stable id, e.g. `unterminated-heredoc`, for rules and tests to match on. */
  code: ParseErrorCode;
  /** `error` where BuildKit refuses the file; `warning` where it only warns. */
  severity: 'error' | 'warning';
}

export type ParseErrorCode =
  | 'no-instructions'
  | 'duplicate-directive'
  | 'invalid-escape'
  | 'json-not-strings'
  | 'missing-key-value'
  | 'missing-equals'
  | 'unterminated-heredoc'
  | 'empty-continuation-line'
  | 'invalid-heredoc';

/** `# name=value` at the top of the file. */
export interface Directive extends Span {
  type: 'directive';
  /** Lower-case name: `syntax`, `escape`, `check`, or another the parser accepted as one. */
  name: string;
  nameSpan: Span;
  value: Token;
}

export interface Comment extends Span {
  type: 'comment';
  /** The text after `#`, trimmed. */
  text: string;
  /** True when the comment sits between continuation lines of an instruction. */
  inContinuation: boolean;
}

/** `--name=value` (or `--name`) before an instruction's arguments. */
export interface Flag extends Span {
  /** As BuildKit reports it, quotes and escapes removed: `--from=build`. */
  raw: string;
  /** Without the leading dashes, e.g. `mount`. */
  name: string;
  nameSpan: Span;
  /** Undefined for a bare `--name`; the text after `=` otherwise (may be empty). */
  value?: Token;
  /** `key=value` pairs separated by commas, for flags such as `--mount` and `--secret`. */
  options?: FlagOption[];
}

export interface FlagOption extends Span {
  key: Token;
  value?: Token;
}

/** A whitespace-separated word of the arguments, quotes and escapes kept as written. */
export interface Word extends Token {}

/** `${NAME...}` or `$NAME` inside arguments. */
export interface VariableRef extends Span {
  name: string;
  nameSpan: Span;
  braced: boolean;
  /** `:-`, `-`, `:+`, `+`, `:?`, `?`, `#`, `##`, `%`, `%%`, `/`, `//` or undefined. */
  operator?: string;
  /** The word after the operator, for defaults and alternatives. */
  operand?: Token;
}

/** `KEY=value` (or the legacy `KEY value`) in ARG, ENV and LABEL. */
export interface KeyValue extends Span {
  key: Token;
  /** The value as written (quotes kept); undefined for `ARG NAME` with no default. */
  value?: Token;
  /** True for the legacy whitespace form `ENV KEY value`. */
  legacy: boolean;
}

/** A JSON array of strings, as in `CMD ["a", "b"]`. */
export interface ExecForm extends Span {
  elements: Token[];
}

export interface Heredoc extends Span {
  /** The delimiter word, quotes removed. */
  name: string;
  /** The `<<EOF` marker on the instruction line. */
  marker: Span;
  fileDescriptor: number;
  /** False when any part of the delimiter was quoted. */
  expand: boolean;
  /** `<<-`: leading tabs are stripped. */
  chomp: boolean;
  /** The lines between the marker line and the terminator, with their line ends. */
  content: Token;
  /** The terminator line; undefined when the heredoc runs to the end of the file. */
  terminator?: Span;
}

export interface FromArguments {
  image: Word;
  /** The `AS` keyword, when present. */
  asKeyword?: Word;
  stageName?: Word;
}

export interface Instruction extends Span {
  type: 'instruction';
  /** Upper-case keyword: `RUN`, `COPY`, ... (unknown keywords keep their spelling, upper-cased). */
  keyword: string;
  /** The keyword exactly as written. */
  keywordToken: Token;
  flags: Flag[];
  /**
   * The arguments after the flags, as one logical line: continuations joined,
   * comment lines dropped, BuildKit's rules. Its span runs from the first to
   * the last argument character in the source.
   */
  args: Token;
  /** Where each piece of `args.value` comes from, to map offsets back to source. */
  argsMap: SourceMap;
  /**
   * Whitespace-separated words of `args` (BuildKit's word rules: quotes and
   * escapes kept). Empty for shell-form RUN, CMD, ENTRYPOINT and SHELL, whose
   * arguments are a script: read those through a shell parser.
   */
  words: Word[];
  /** Set when the arguments are a JSON array of strings. */
  exec?: ExecForm;
  heredocs: Heredoc[];
  /** ARG, ENV and LABEL: the key/value pairs. */
  pairs?: KeyValue[];
  /** FROM: image, `AS` and stage name. */
  from?: FromArguments;
  /** ONBUILD: the instruction it registers. */
  trigger?: Instruction;
  /** Variable references in the arguments and in expanding heredoc bodies, in source order. */
  variables: VariableRef[];
}

/**
 * Maps offsets in a joined logical line back to source offsets: piece `i`
 * starts at `logical[i]` in the joined text and at `source[i]` in the document.
 */
export interface SourceMap {
  logical: number[];
  source: number[];
}

export interface Stage {
  /** Position among the FROM instructions, from 0. */
  index: number;
  from: Instruction;
  /** Lower-case stage name, when `AS name` is given. */
  name?: string;
  /** Instructions after the FROM, up to the next FROM. */
  instructions: Instruction[];
}

export interface DockerfileTree {
  text: string;
  escapeChar: EscapeChar;
  /** Whether the text started with a UTF-8 byte-order mark (U+FEFF). */
  bom: boolean;
  directives: Directive[];
  /** Every comment line (directives excluded), in order, those inside continuations too. */
  comments: Comment[];
  instructions: Instruction[];
  /** ARG instructions before the first FROM. */
  globalArgs: Instruction[];
  stages: Stage[];
  /** Every parse error and warning, in source order. */
  errors: ParseError[];
}
