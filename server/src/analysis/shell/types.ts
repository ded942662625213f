/**
 * The shell vocabulary that shell-aware rules share: the script a RUN hands
 * to the shell, and the commands, words, assignments and redirections in it.
 * Every span is a pair of document offsets (UTF-16, end exclusive), like the
 * Dockerfile tree's, so a word's span slices the document to its `raw` text.
 */
import type { SourceMap, Span } from '../../parser/types.js';

/**
 * How the instruction hands the script to a shell: its shell-form arguments
 * (heredoc bodies included, as BuildKit joins them), a heredoc body that is
 * the whole script (`RUN <<EOF`), or the script argument of `["sh", "-c", "..."]`.
 */
export type ShellOrigin = 'shell-form' | 'heredoc-script' | 'exec-form';

/** A script as the shell receives it, and where each of its characters sits in the document. */
export interface ShellSource {
  text: string;
  /** Maps offsets in `text` to document offsets (the parser's `toSourceSpan` reads it). */
  map: SourceMap;
  origin: ShellOrigin;
  /** Base name of the program that runs it: `sh`, or `bash` when SHELL, a shebang or the exec form says so. */
  shell: string;
  /** The Dockerfile text, when known: words then take their `raw` text from it (see `ShellWord.raw`). */
  document?: string;
}

/** One shell word: an argument, a command name, a redirection target. */
export interface ShellWord extends Span {
  /**
   * The text as written, quotes and escapes kept: the document slice `start..end`
   * when the source knows the document; otherwise the script's text, which
   * differs from that slice only for a word that spans a line continuation.
   */
  raw: string;
  /**
   * Quotes removed and escapes applied; expansions (`$X`, `$(...)`, `$((...))`)
   * are kept as written, since their values are not known statically.
   */
  value: string;
  /** False when the word contains an expansion, so `value` is not what the shell sees. */
  isStatic: boolean;
  /** True when any part is quoted or escaped (globbing and splitting do not apply there). */
  quoted: boolean;
}

/** `NAME=value` before a command (`DEBIAN_FRONTEND=noninteractive apt-get ...`), or given to `env`. */
export interface ShellAssignment extends Span {
  name: string;
  /** Undefined for `NAME=` with nothing after the `=`. */
  value?: ShellWord;
  raw: string;
}

export interface ShellRedirect extends Span {
  /** As written: `>`, `>>`, `<`, `>&`, `&>`, `<<`, `<<-`, `<<<`, ... */
  operator: string;
  /** The file descriptor written before the operator (`2>`), when there is one. */
  descriptor?: number;
  /** The file, descriptor, here-string or heredoc delimiter. */
  target?: ShellWord;
  /** For `<<EOF`: where the body sits in the document. */
  heredocBody?: Span;
}

/** The control operator written after a command: `'\n'` when the next command simply starts on a new line. */
export type ShellOperator = '&&' | '||' | ';' | '|' | '|&' | '&' | '\n';

/**
 * The constructs a command sits in: `( )`, `{ }`, a pipeline of several
 * commands, the test of `if`/`while`/`until`, a branch of `if`/`case`, a loop
 * body, a function body, `$( )` or a process substitution, or a script that a
 * shell reads from a heredoc (`bash <<EOF`).
 */
export type ShellContext =
  | 'subshell'
  | 'group'
  | 'pipeline'
  | 'condition'
  | 'branch'
  | 'loop'
  | 'function'
  | 'substitution'
  | 'heredoc';

export interface ShellCommand extends Span {
  /** Position in `ShellScript.commands`. */
  index: number;
  /** The command word's value (`apt-get`, `/usr/bin/env`, `export`, `[`); see `unwrapCommand` for `sudo`, `env`, ... */
  name: string;
  nameWord: ShellWord;
  args: ShellWord[];
  assignments: ShellAssignment[];
  /** Redirections of this command, including those written after it (`cmd > file`). */
  redirects: ShellRedirect[];
  /** The operator that joins it to the next command of its list; undefined when it ends its list. */
  next?: ShellOperator;
  /** Enclosing constructs, outermost first. */
  within: readonly ShellContext[];
  /** Words of wrapper commands that `unwrapCommand` removed (`sudo -u app`), in order; empty as parsed. */
  wrappers: ShellWord[];
}

export interface ShellScript {
  source: ShellSource;
  /** Every command in source order, commands inside `$( )`, subshells and loops included. */
  commands: ShellCommand[];
  /** True when the shell parser had to recover from a syntax error: rules should skip such scripts. */
  hasErrors: boolean;
  /** Where the parser found an error or inserted a missing token (document spans). */
  errors: Span[];
}
