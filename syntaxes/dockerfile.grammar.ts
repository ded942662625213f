/**
 * The source of `dockerfile.tmLanguage.json`. After an edit run
 * `npm run grammar`; a unit test fails while the JSON is stale.
 *
 * TextMate sees one line at a time, so two tricks hold lines together:
 * - An instruction is a begin/while rule whose `while` is `\G`. vscode-textmate
 *   lets `\G` match at a line start only when the rule on top of the stack
 *   consumed the previous line's end, and only the continuation rules (escape +
 *   newline, a comment or blank line inside a continuation) do that. So an
 *   instruction lasts exactly as long as its continuations, and when it ends,
 *   everything nested in it ends too (an unclosed shell `if`, quote or
 *   subshell): embedded shell cannot leak into the next instruction. The
 *   continuation rules are injections, so they apply inside the shell
 *   grammar's own nested regions as well.
 * - A heredoc is a begin/end rule (ending at its terminator) around a
 *   begin/while body whose `while` fails at the terminator, so a body holding
 *   unclosed shell cannot leak either.
 * The `# escape=`` ` directive switches the rest of the file to a copy of the
 * rules built for the backtick (`Mode`).
 */

type Captures = Record<string, Rule>;

export interface Rule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  patterns?: Rule[];
  include?: string;
}

export interface Grammar {
  $schema: string;
  name: string;
  scopeName: string;
  comment: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
  injections: Record<string, Rule>;
}

export const SCOPE_NAME = 'source.dockerfile.layerwise';
/** Where shell is embedded; package.json maps `source.shell` to the `shellscript` language. */
export const SHELL_SCOPE = 'meta.embedded.block.shell.dockerfile source.shell';
export const INSTRUCTION_KEYWORDS = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
] as const;

const r = String.raw;
const NEVER = '(?!)';
const HEREDOC_SCOPES = 'meta.instruction.dockerfile meta.heredoc.dockerfile';
const BACKTICK_SCOPE = 'meta.escape.backtick.dockerfile';
const CONTINUED_BODY_SCOPE = 'meta.heredoc.body.continued.dockerfile';

/** The escape character in force: `\` by default, `` ` `` after `# escape=`` `. */
interface Mode {
  /** The escape character inside a regex character class. */
  char: string;
  /** Suffix of this mode's repository entries. */
  suffix: string;
}
const BACKSLASH: Mode = { char: r`\\`, suffix: '' };
const BACKTICK: Mode = { char: '`', suffix: '-backtick' };

const ref = (mode: Mode, name: string): Rule => ({ include: `#${name}${mode.suffix}` });

// ---------------------------------------------------------------------------
// Regular-expression pieces (Oniguruma). Possessive quantifiers and disjoint
// alternatives keep every piece linear: nothing here backtracks badly.

const VARIABLE_NAME = r`[A-Za-z_][A-Za-z0-9_]*+`;
const DIRECTIVE_NAMES = r`(?i:syntax|escape|check)`;
const DIRECTIVE_AHEAD = r`[ \t]*+#[ \t]*+${DIRECTIVE_NAMES}[ \t]*+=`;

/** An instruction keyword at a line start, or right after `ONBUILD `. */
const keywordAt = (mode: Mode, keywords: readonly string[]): string =>
  r`(?:^|(?<=(?i:onbuild)[ \t]))[ \t]*+((?i:${keywords.join('|')}))(?=[ \t${mode.char}]|$)`;

/** A JSON array of strings that closes on this line or continues on the next (lookahead only). */
const JSON_STRING = r`"(?:[^"\\\n]|\\.)*+"`;
const execFormAhead = (mode: Mode): string =>
  r`(?=[ \t]*+(?:${JSON_STRING}[ \t]*+(?:,[ \t]*+${JSON_STRING}[ \t]*+)*+)?(?:\][ \t]*+$|(?:,[ \t]*+)?${mode.char}[ \t]*+$))`;

// Heredoc instruction lines: `RUN [flags] [command] <<[-]NAME [more]`.
const FLAG_WORD = r`--[A-Za-z][A-Za-z0-9-]*+(?:=(?:[^\s"']++|"[^"\n]*+"|'[^'\n]*+')*+)?`;
/** Text that holds no heredoc marker (a marker starts a word; BuildKit splits words shell-style). */
const NOT_MARKER = r`(?:[ \t]++(?!\d*+<<(?!<))|[^\s"'<]++|"[^"\n]*+"|'[^'\n]*+'|<(?!<)|<<<)`;
const SHELL_COMMAND = r`(?:(?:/usr)?/bin/(?:env[ \t]++)?)?(?:ba|da|a|k|z)?sh(?:[ \t]++-[A-Za-z-]++)*+`;

/**
 * A heredoc marker: 10 groups: fd, `<<`, `-`, then the name double-quoted
 * (quote, name, quote), single-quoted (quote, name, quote) or bare (name).
 * `chomp` undefined accepts both `<<` and `<<-`; `quotedOnly` refuses a bare name.
 */
function marker(chomp: boolean | undefined, quotedOnly = false): string {
  const dash = chomp === undefined ? '(-?)' : chomp ? '(-)' : '()(?!-)';
  const bare = quotedOnly ? `()${NEVER}` : r`([^\s"'<]++)`;
  return r`(\d*+)(<<)${dash}[ \t]*+(?:(")([^"\n]++)(")|(')([^'\n]++)(')|${bare})`;
}
const MARKER_GROUPS = 10;
/** The marker name whose groups start at `first` (two of the three are always empty). */
const nameRef = (first: number): string => `\\${first + 4}\\${first + 7}\\${first + 9}`;
/** Group number where marker `index` starts in `heredocLine`. */
const markerStart = (index: number): number => 5 + index * (MARKER_GROUPS + 1);

function markerCaptures(first: number): Captures {
  const token = { name: 'keyword.control.heredoc-token.dockerfile' };
  const open = { name: 'punctuation.definition.string.begin.dockerfile' };
  const close = { name: 'punctuation.definition.string.end.dockerfile' };
  const operator = { name: 'keyword.operator.heredoc.dockerfile' };
  return {
    [first]: { name: 'constant.numeric.file-descriptor.dockerfile' },
    [first + 1]: operator,
    [first + 2]: operator,
    [first + 3]: open,
    [first + 4]: token,
    [first + 5]: close,
    [first + 6]: open,
    [first + 7]: token,
    [first + 8]: close,
    [first + 9]: token,
  };
}

interface LineShape {
  keywords: string;
  markers: Array<{ chomp?: boolean; quotedOnly?: boolean }>;
  /** One group: the text between flags and the first marker. */
  before?: string;
  /** One group: the text after the last marker. */
  after?: string;
  /**
   * A continuation line of the instruction (`  --mount=... <<EOT`): no keyword
   * (groups 1 and 2 stay empty), and the line must not continue further.
   */
  continued?: boolean;
}

/**
 * The first line of a heredoc instruction. Groups: 1 ONBUILD, 2 keyword,
 * 3 flags, 4 text before the first marker, then per marker its 10 groups
 * and the text after it.
 */
function heredocLine({ keywords, markers, before = `(${NOT_MARKER}*+)`, after, continued }: LineShape): string {
  let line = continued
    ? r`[ \t]*+()()((?:[ \t]*+${FLAG_WORD})*+)${before}`
    : r`[ \t]*+(?:((?i:ONBUILD))[ \t]++)?((?i:${keywords}))(?=[ \t])((?:[ \t]++${FLAG_WORD})*+)${before}`;
  markers.forEach(({ chomp, quotedOnly }, index) => {
    const rest = index === markers.length - 1 && after !== undefined ? after : `(${NOT_MARKER}*+)`;
    const separator = continued && index === 0 ? r`[ \t]*+(?<![^ \t])` : r`[ \t]++`;
    line += separator + marker(chomp, quotedOnly) + rest;
  });
  return line + (continued ? r`(?<![\\` + '`' + r`])[ \t]*+` : r`[ \t]*+`);
}

/**
 * The shell grammar starts a statement only at a line start or after `;`, `&&`,
 * `|`...; after `RUN ` it would miss the first command, so this starts it.
 * `anchor` says where: `\G` (right after the instruction's flags, or at a
 * continuation line's start) or after a blank (inside a captured piece of line).
 */
function firstShellStatement(anchor: string): Rule {
  const keyword = r`(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|function|select|time|coproc|in|declare|export|local|readonly|typeset)(?![^\s;&|])`;
  const assignment = r`[A-Za-z_][A-Za-z0-9_]*+(?:\[[^\]\n]*+\])?\+?=`;
  return {
    begin: r`${anchor}(?=[ \t]*+[^\s&|;()<>{}\[\]#!` + '`' + r`])(?![ \t]*+(?:${keyword}|${assignment}))`,
    end: r`(?=[\n&;|)}` + '`' + r`]|[ \t]++#)(?<!\\)`,
    name: 'meta.statement.shell',
    patterns: [{ include: 'source.shell#typical_statements' }],
  };
}

// ---------------------------------------------------------------------------
// Rules that depend on the escape character, built once per mode.

function modeRules(mode: Mode): Record<string, Rule> {
  const escape: Rule = {
    // An escape at a line end is a continuation (an injection); this is an escaped character.
    match: `[${mode.char}].`,
    name: 'constant.character.escape.dockerfile',
  };

  const variables: Rule = {
    patterns: [
      {
        match: r`(\$)(${VARIABLE_NAME})`,
        name: 'variable.other.dockerfile',
        captures: { 1: { name: 'punctuation.definition.variable.dockerfile' } },
      },
      {
        match: r`(\$\{)(${VARIABLE_NAME})(\})`,
        name: 'variable.other.dockerfile',
        captures: {
          1: { name: 'punctuation.definition.variable.begin.dockerfile' },
          3: { name: 'punctuation.definition.variable.end.dockerfile' },
        },
      },
      {
        // ${NAME:-default}, ${NAME:+alternative}, ${NAME:?message}, ${NAME#glob}, ${NAME%glob}, ${NAME/a/b}
        begin: r`(\$\{)(${VARIABLE_NAME})(:?[-+?]|##?|%%?|//?)`,
        end: r`\}`,
        name: 'variable.other.dockerfile',
        beginCaptures: {
          1: { name: 'punctuation.definition.variable.begin.dockerfile' },
          3: { name: 'keyword.operator.expansion.dockerfile' },
        },
        endCaptures: { 0: { name: 'punctuation.definition.variable.end.dockerfile' } },
        patterns: [ref(mode, 'escape'), ref(mode, 'variables'), ref(mode, 'strings')],
      },
    ],
  };

  const strings: Rule = {
    patterns: [
      {
        begin: '"',
        end: '"',
        name: 'string.quoted.double.dockerfile',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
        endCaptures: { 0: { name: 'punctuation.definition.string.end.dockerfile' } },
        patterns: [ref(mode, 'escape'), ref(mode, 'variables')],
      },
      {
        // Nothing expands between single quotes.
        begin: "'",
        end: "'",
        name: 'string.quoted.single.dockerfile',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
        endCaptures: { 0: { name: 'punctuation.definition.string.end.dockerfile' } },
      },
    ],
  };

  /** `--name`, `--name=value`, `--mount=type=cache,target=/root/.cache`. */
  const flag: Rule = {
    begin: r`(?<![^ \t])(--[A-Za-z][A-Za-z0-9-]*+)(=)?`,
    end: r`(?=[ \t\n])`,
    name: 'meta.flag.dockerfile',
    contentName: 'string.unquoted.flag-value.dockerfile',
    beginCaptures: {
      1: { name: 'variable.parameter.flag.dockerfile' },
      2: { name: 'keyword.operator.assignment.dockerfile' },
    },
    patterns: [
      {
        match: r`(?<=[=,])([A-Za-z][A-Za-z0-9_-]*+)(=)`,
        captures: {
          1: { name: 'support.type.property-name.option.dockerfile' },
          2: { name: 'keyword.operator.assignment.dockerfile' },
        },
      },
      { match: ',', name: 'punctuation.separator.comma.dockerfile' },
      ref(mode, 'escape'),
      ref(mode, 'variables'),
      ref(mode, 'strings'),
    ],
  };

  const args = [ref(mode, 'strings'), ref(mode, 'escape'), ref(mode, 'variables')];

  /** `["executable", "arg"]`: JSON, taken only when the line holds a well-formed array. */
  const execForm = (expand: boolean): Rule => ({
    begin: r`(\[)${execFormAhead(mode)}`,
    end: r`\]`,
    name: 'meta.exec-form.dockerfile',
    beginCaptures: { 1: { name: 'punctuation.definition.array.begin.dockerfile' } },
    endCaptures: { 0: { name: 'punctuation.definition.array.end.dockerfile' } },
    patterns: [
      {
        begin: '"',
        end: '"',
        name: 'string.quoted.double.json.dockerfile',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
        endCaptures: { 0: { name: 'punctuation.definition.string.end.dockerfile' } },
        patterns: [
          { match: r`\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})`, name: 'constant.character.escape.dockerfile' },
          { match: r`\\.`, name: 'invalid.illegal.unrecognized-string-escape.dockerfile' },
          // COPY, ADD, VOLUME expand variables in the exec form; RUN, CMD, ENTRYPOINT do not.
          ...(expand ? [ref(mode, 'variables')] : []),
        ],
      },
      { match: ',', name: 'punctuation.separator.array.dockerfile' },
    ],
  });

  /** The rest of the instruction is shell; it ends when the instruction does. */
  const shellForm = (heredocs: Rule[] = []): Rule => ({
    begin: r`(?=[^ \t\n])`,
    end: NEVER,
    contentName: SHELL_SCOPE,
    patterns: [...heredocs, firstShellStatement(r`\G`), { include: 'source.shell' }],
  });
  const runHeredocs = [oneHeredoc(true, 'RUN', true), oneHeredoc(false, 'RUN', true)];
  const copyHeredocs = [oneHeredoc(true, 'COPY|ADD', true), oneHeredoc(false, 'COPY|ADD', true)];

  /**
   * An instruction: its keyword, then `patterns` for as long as it continues.
   * The second branch of `while` is a fallback for lines where the embedded
   * shell grammar gave up before the line end (it does on some PowerShell, e.g.
   * a stray `]`) and so never reached the continuation: an indented line that
   * is no comment and starts with no instruction keyword cannot start anything
   * in a valid Dockerfile, so it still continues the instruction.
   */
  const instruction = (keywords: readonly string[], patterns: Rule[]): Rule => ({
    begin: keywordAt(mode, keywords),
    while: r`\G|^(?=[ \t]++[^\s#])(?![ \t]*+(?i:${INSTRUCTION_KEYWORDS.join('|')})(?![^ \t${mode.char}]))`,
    name: 'meta.instruction.dockerfile',
    beginCaptures: { 1: { name: 'keyword.other.instruction.dockerfile' } },
    patterns,
  });

  /** `KEY=value` pairs (ARG, ENV, LABEL) and the legacy `ENV KEY value`. */
  const keyValues = (keyScope: string): Rule[] => {
    const key = r`(?:[A-Za-z0-9_.-]++|"[^"\n]*+")`;
    return [
      {
        match: r`(?<![^ \t])(${key})(=)`,
        captures: {
          1: { name: keyScope, patterns: [ref(mode, 'strings')] },
          2: { name: 'keyword.operator.assignment.dockerfile' },
        },
      },
      {
        // The legacy form: a first word without `=`, then the value.
        match: r`\G[ \t]++(${key})(?=[ \t]++[^\s])`,
        captures: { 1: { name: keyScope, patterns: [ref(mode, 'strings')] } },
      },
      {
        // ARG NAME, with no default.
        match: r`\G[ \t]++(${VARIABLE_NAME})(?=[ \t]*+$)`,
        captures: { 1: { name: keyScope } },
      },
      ...args,
    ];
  };

  const from = instruction(['FROM'], [
    ref(mode, 'flag'),
    {
      match: r`(?<=[ \t])((?i:as))[ \t]++([^\s${mode.char}]++)`,
      captures: {
        1: { name: 'keyword.other.as.dockerfile' },
        2: { name: 'entity.name.type.stage.dockerfile', patterns: [ref(mode, 'variables')] },
      },
    },
    {
      // The image: the first word that is not a flag.
      begin: r`(?<=[ \t])(?=[^\s${mode.char}-])`,
      end: r`(?=[ \t\n])`,
      contentName: 'string.unquoted.image.dockerfile',
      patterns: [
        ref(mode, 'variables'),
        {
          match: r`(@)([A-Za-z0-9_+.-]++:[0-9A-Fa-f]++)`,
          captures: { 1: { name: 'punctuation.separator.digest.dockerfile' }, 2: { name: 'constant.other.digest.dockerfile' } },
        },
        {
          match: r`(:)([A-Za-z0-9_.-]++)(?=[@ \t\n])`,
          captures: { 1: { name: 'punctuation.separator.tag.dockerfile' }, 2: { name: 'constant.other.tag.dockerfile' } },
        },
      ],
    },
  ]);

  const healthcheck = instruction(['HEALTHCHECK'], [
    ref(mode, 'flag'),
    { match: r`(?<![^ \t])(?i:NONE)(?![^ \t\n])`, name: 'constant.language.none.dockerfile' },
    {
      begin: r`(?<![^ \t])((?i:CMD))(?=[ \t${mode.char}]|$)`,
      end: NEVER,
      beginCaptures: { 1: { name: 'keyword.other.instruction.dockerfile' } },
      patterns: [execForm(false), shellForm()],
    },
  ]);

  return {
    [`main${mode.suffix}`]: {
      patterns: [
        { include: '#comment' },
        { include: '#heredocs' },
        {
          match: r`^[ \t]*+((?i:ONBUILD))(?=[ \t]|$)`,
          captures: { 1: { name: 'keyword.other.instruction.dockerfile' } },
        },
        from,
        instruction(['RUN'], [...runHeredocs, ref(mode, 'flag'), execForm(false), shellForm(runHeredocs)]),
        instruction(['CMD', 'ENTRYPOINT', 'SHELL'], [ref(mode, 'flag'), execForm(false), shellForm()]),
        instruction(['ARG', 'ENV'], keyValues('variable.other.definition.dockerfile')),
        instruction(['LABEL'], keyValues('entity.other.attribute-name.label.dockerfile')),
        instruction(['COPY', 'ADD'], [...copyHeredocs, ref(mode, 'flag'), execForm(true), ...args]),
        instruction(['EXPOSE'], [
          {
            match: r`(?<![^ \t])(\d++(?:-\d++)?)(?:(/)((?i:tcp|udp|sctp)))?(?![^ \t\n])`,
            captures: {
              1: { name: 'constant.numeric.integer.port.dockerfile' },
              2: { name: 'punctuation.separator.protocol.dockerfile' },
              3: { name: 'constant.language.protocol.dockerfile' },
            },
          },
          ...args,
        ]),
        instruction(['STOPSIGNAL'], [
          { match: r`(?<![^ \t])(?:(?i:SIG)[A-Z0-9+-]++|\d++)(?![^ \t\n])`, name: 'constant.language.signal.dockerfile' },
          ref(mode, 'variables'),
        ]),
        instruction(['USER', 'WORKDIR', 'VOLUME', 'MAINTAINER'], [execForm(true), ...args]),
        healthcheck,
        {
          // A word that is no instruction: still held together by its continuations.
          begin: r`^[ \t]*+(?=[^\s#])`,
          while: r`\G`,
          name: 'meta.instruction.dockerfile',
          patterns: args,
        },
      ],
    },
    [`escape${mode.suffix}`]: escape,
    [`variables${mode.suffix}`]: variables,
    [`strings${mode.suffix}`]: strings,
    [`flag${mode.suffix}`]: flag,
  };
}

// ---------------------------------------------------------------------------
// Heredocs (the same in both modes: a heredoc line has no continuation).

type BodyKind = 'shell' | 'text' | 'literal';

const BODY: Record<BodyKind, Pick<Rule, 'contentName' | 'patterns'>> = {
  shell: {
    contentName: SHELL_SCOPE,
    patterns: [
      {
        // A shebang naming another interpreter: the body is that program, not shell.
        begin: r`\G(?=#!)(?![^\n]*?\b(?:ba|da|a|k|z)?sh\b)`,
        end: NEVER,
        contentName: 'string.unquoted.heredoc.dockerfile',
      },
      { include: 'source.shell' },
    ],
  },
  // An unquoted delimiter expands variables in the body; a quoted one does not.
  text: { contentName: 'string.unquoted.heredoc.dockerfile', patterns: [{ include: '#variables' }] },
  literal: { contentName: 'string.unquoted.heredoc.dockerfile', patterns: [] },
};

const shellWords: Rule[] = [
  { name: SHELL_SCOPE, match: '.+', captures: { 0: { patterns: [firstShellStatement('(?<![^ \\t])'), { include: 'source.shell' }] } } },
];
const argumentWords: Rule[] = [{ include: '#strings' }, { include: '#escape' }, { include: '#variables' }];

function lineCaptures(markerCount: number, words: Rule[]): Captures {
  const captures: Captures = {
    1: { name: 'keyword.other.instruction.dockerfile' },
    2: { name: 'keyword.other.instruction.dockerfile' },
    3: { patterns: [{ include: '#flag' }] },
    4: { patterns: words },
  };
  for (let index = 0; index < markerCount; index++) {
    const first = markerStart(index);
    Object.assign(captures, markerCaptures(first));
    captures[first + MARKER_GROUPS] = { patterns: words };
  }
  return captures;
}

/** The instruction line (consumed with its line end), then the body until the terminator. */
function body(shape: LineShape, kind: BodyKind): Rule {
  const chomp = shape.markers[0].chomp;
  return {
    begin: r`\G${heredocLine(shape)}\n`,
    while: r`^(?!${chomp ? r`\t*+` : ''}(?:${nameRef(markerStart(0))})$)`,
    // Inside an instruction (marker on a continuation line), each body line end is carried (`R:` injection).
    ...(shape.continued ? { name: CONTINUED_BODY_SCOPE } : {}),
    beginCaptures: lineCaptures(shape.markers.length, shape.keywords === 'RUN' ? shellWords : argumentWords),
    ...BODY[kind],
  };
}

/**
 * One heredoc: on the instruction's first line (at top level), or, with
 * `continued`, on a continuation line (inside the RUN, COPY or ADD rule, which
 * BuildKit's own Dockerfiles do: `RUN --mount=... \` then `  --mount=... <<EOT`).
 */
function oneHeredoc(chomp: boolean, keywords: 'RUN' | 'COPY|ADD' | 'RUN|COPY|ADD', continued = false): Rule {
  const plain = [{ chomp }];
  const quoted = [{ chomp, quotedOnly: true }];
  const shellAfter = r`((?:[ \t]++${SHELL_COMMAND}${NOT_MARKER}*+)?)`;
  const bodies: Rule[] = [];
  if (keywords !== 'COPY|ADD') {
    bodies.push(
      // RUN <<EOF, RUN <<EOF bash -e, RUN bash -e <<EOF: the body is the script.
      body({ keywords: 'RUN', markers: plain, before: '()', after: shellAfter, continued }, 'shell'),
      body({ keywords: 'RUN', markers: plain, before: r`([ \t]++${SHELL_COMMAND})`, continued }, 'shell'),
      // RUN cat <<EOF > file: the body is data; a quoted delimiter expands nothing.
      body({ keywords: 'RUN', markers: quoted, continued }, 'literal'),
      body({ keywords: 'RUN', markers: plain, continued }, 'text'),
    );
  }
  if (keywords !== 'RUN') {
    bodies.push(
      body({ keywords: 'COPY|ADD', markers: quoted, continued }, 'literal'),
      body({ keywords: 'COPY|ADD', markers: plain, continued }, 'text'),
    );
  }
  return {
    begin: r`^(?=${heredocLine({ keywords, markers: plain, continued })}$)`,
    end: r`^(${chomp ? r`\t*+` : ''})(${nameRef(markerStart(0))})$`,
    name: continued ? 'meta.heredoc.dockerfile' : HEREDOC_SCOPES,
    endCaptures: { 2: { name: 'keyword.control.heredoc-token.dockerfile' } },
    patterns: bodies,
  };
}

/** Two markers on one line (`COPY <<A <<B /dest/`): both bodies are data; terminators may be tab-indented. */
function twoHeredocs(keywords: string): Rule {
  const line = heredocLine({ keywords, markers: [{}, {}] });
  return {
    begin: r`^(?=${line}$)`,
    end: r`^(\t*+)(${nameRef(markerStart(1))})$`,
    name: HEREDOC_SCOPES,
    endCaptures: { 2: { name: 'keyword.control.heredoc-token.dockerfile' } },
    patterns: [
      {
        begin: r`\G(?=${line}$)`,
        end: r`^(\t*+)(${nameRef(markerStart(0))})$`,
        endCaptures: { 2: { name: 'keyword.control.heredoc-token.dockerfile' } },
        patterns: [
          {
            begin: r`\G${line}\n`,
            while: r`^(?!\t*+(?:${nameRef(markerStart(0))})$)`,
            beginCaptures: lineCaptures(2, keywords === 'RUN' ? shellWords : argumentWords),
            ...BODY.text,
          },
        ],
      },
      { match: '^.*$', name: 'string.unquoted.heredoc.dockerfile', captures: { 0: { patterns: [{ include: '#variables' }] } } },
    ],
  };
}

// ---------------------------------------------------------------------------
// Directives, comments, continuations.

const directiveCaptures: Captures = {
  1: { name: 'punctuation.definition.directive.dockerfile' },
  2: { name: 'keyword.control.directive.dockerfile' },
  3: { name: 'keyword.operator.assignment.dockerfile' },
  4: {
    name: 'string.unquoted.directive-value.dockerfile',
    patterns: [
      {
        // check=skip=JSONArgsRecommended;error=true
        match: r`(?<![^=;,\s])([A-Za-z][A-Za-z0-9_-]*+)(=)`,
        captures: {
          1: { name: 'support.type.property-name.option.dockerfile' },
          2: { name: 'keyword.operator.assignment.dockerfile' },
        },
      },
    ],
  },
};

const directive: Rule = {
  match: r`^[ \t]*+(#)[ \t]*+(${DIRECTIVE_NAMES})[ \t]*+(=)[ \t]*+(.*?)[ \t]*+$`,
  name: 'meta.preprocessor.directive.dockerfile',
  captures: directiveCaptures,
};

/** Parser directives: only at the very top, before any comment, blank line or instruction. */
const directives: Rule = {
  begin: r`\A(?=${DIRECTIVE_AHEAD})`,
  end: r`^(?!${DIRECTIVE_AHEAD})`,
  patterns: [
    {
      // `# escape=`` `: the rest of the file uses backtick continuations and escapes.
      begin: r`^[ \t]*+(#)[ \t]*+((?i:escape))[ \t]*+(=)[ \t]*+(` + '`' + r`)[ \t]*+$`,
      end: NEVER,
      name: BACKTICK_SCOPE,
      beginCaptures: { 0: { name: 'meta.preprocessor.directive.dockerfile' }, ...directiveCaptures },
      patterns: [
        // Directives may follow the escape directive; starts right after it, ends at the first other line.
        { begin: r`\G`, end: r`^(?!${DIRECTIVE_AHEAD})`, patterns: [directive] },
        { include: '#main-backtick' },
      ],
    },
    directive,
  ],
};

const comment: Rule = {
  match: r`^[ \t]*+(#).*$`,
  name: 'comment.line.number-sign.dockerfile',
  captures: { 1: { name: 'punctuation.definition.comment.dockerfile' } },
};

/**
 * Inside an instruction, each of these consumes its line's end, which is what
 * keeps the instruction's `while` (`\G`) true on the next line.
 */
function continuations(escapeChar: string): Rule {
  return {
    patterns: [
      {
        // An escaped escape (`\\`) at the line end is no continuation.
        begin: r`(?<!${escapeChar})(${escapeChar})[ \t]*+\n`,
        end: '^',
        beginCaptures: { 1: { name: 'constant.character.escape.line-continuation.dockerfile' } },
      },
      {
        // BuildKit drops comment lines inside a continuation; the instruction goes on after them.
        begin: r`^[ \t]*+((#).*)\n`,
        end: '^',
        beginCaptures: {
          1: { name: 'comment.line.number-sign.dockerfile' },
          2: { name: 'punctuation.definition.comment.dockerfile' },
        },
      },
      // And blank lines (BuildKit warns about them).
      { begin: r`^[ \t]*+\n`, end: '^' },
    ],
  };
}

export function buildGrammar(): Grammar {
  const inInstruction = 'meta.instruction.dockerfile - meta.heredoc.dockerfile';
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Dockerfile (Layerwise)',
    scopeName: SCOPE_NAME,
    comment: 'Generated from syntaxes/dockerfile.grammar.ts by `npm run grammar`: edit that file, not this one.',
    patterns: [{ include: '#directives' }, { include: '#main' }],
    repository: {
      directives,
      comment,
      heredocs: {
        patterns: [twoHeredocs('RUN'), twoHeredocs('COPY|ADD'), oneHeredoc(true, 'RUN|COPY|ADD'), oneHeredoc(false, 'RUN|COPY|ADD')],
      },
      ...modeRules(BACKSLASH),
      ...modeRules(BACKTICK),
    },
    injections: {
      [`L:${inInstruction} - ${BACKTICK_SCOPE}`]: continuations(r`\\`),
      [`L:${BACKTICK_SCOPE} ${inInstruction}`]: continuations('`'),
      // `R:`: on a tie the embedded shell first ends its statement at the line end.
      [`R:${CONTINUED_BODY_SCOPE}`]: { patterns: [{ begin: r`\n`, end: '^' }] },
      [`L:meta.embedded.block.shell.dockerfile - meta.heredoc.dockerfile - meta.arithmetic.shell`]: {
        patterns: [
          {
            // PowerShell's `if ((...).Hash -ne $x) {` is no bash `(( ))`: inside `((`, the shell
            // grammar stops tokenizing at the next line start (its operator pattern holds a bare
            // `^`), which would lose the continuation. Only a `((` closed by `))` on its line is arithmetic.
            match: r`\(\((?![^\n]*?\)[ \t]*+\))`,
            name: 'punctuation.section.parenthesis.dockerfile',
          },
        ],
      },
    },
  };
}

/** The JSON file's exact text. */
export function renderGrammar(): string {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}
