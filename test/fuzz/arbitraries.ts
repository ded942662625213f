// fast-check arbitraries for Dockerfile-shaped text: generated from pieces that
// stress the parser (continuations, heredocs, quotes, variables, JSON, directives,
// garbage, mixed line ends), and real corpus files mutated a few times over.
import fc from 'fast-check';

const KEYWORDS = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER',
  'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
];

/** Keywords as people write them, and some they should not. */
const keyword = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KEYWORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...KEYWORDS).map((word) => word.toLowerCase()) },
  { weight: 1, arbitrary: fc.constantFrom('FRO', 'RUNN', 'from', 'Run', 'cOpY', 'X', 'ONBUILD ONBUILD', 'ONBUILD FROM', 'HEALTHCHECK NONE', 'HEALTHCHECK CMD') },
);

/** Words with meaning to the parser or to a rule. */
const WORDS = [
  'apt-get', 'install', '-y', '--no-install-recommends', 'update', 'rm', '-rf', '/var/lib/apt/lists/*', 'apk', 'add', '--no-cache',
  'pip', 'npm', 'ci', 'yum', 'dnf', 'zypper', 'gem', 'go', 'curl', 'wget', '-fsSL', 'https://example.com/x.tar.gz', 'sudo', 'cd', '/app',
  '&&', '||', '|', ';', '>', '2>&1', '<<EOF', '<<-EOF', "<<'EOF'", '<<"E O F"', '<<', '$(', ')', '`', '(', '{', '}', '[', ']',
  'ubuntu:22.04', 'alpine', 'node:latest', 'scratch', 'build', 'AS', 'as', 'base', 'registry.io:5000/a/b@sha256:abc', '${IMAGE}', '$BASE',
  '.', './', '*', '/', 'src/', 'dest', '--chown=1000:1000', '--chmod=755', '--from=build', '--from=0', '--link', '--platform=$BUILDPLATFORM',
  '--mount=type=cache,target=/root/.cache', '--mount=type=secret,id=x', '--network=none', '--security=insecure', '--interval=30s', '--start-period=0s',
  '8080', '80/tcp', '53/udp', '65536', '1-2', 'SIGTERM', '9', 'KEY=value', 'KEY="a b"', "KEY='x'", 'KEY', '=', 'a=b=c', 'PATH=$PATH:/x',
  'maintainer="a@b.c"', 'org.opencontainers.image.version=1.0', '#', '# c', '\\', '\\\\', '"', "'", '""', "''", '\t', 'ü', '日本', '\u0000',
  '\uFEFF', '\uD800', '\uDC00', '\u2028', '$', '$$', '${', '${A', '${A:-', '${A:-b}', '${A:+x}', '${A:?err}', '${A#p}', '${A%%s}', '${A/x/y}', '${A//x}',
  '${A:-${B:-${C}}}', '$A$B', '${}', '${1}', '$@', 'root', '0', '1000:1000', 'user:group',
];

const word = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

const flag = fc.oneof(
  fc.constantFrom('--from=build', '--chown=a', '--mount=type=bind,source=.,target=/x,rw', '--mount=type=cache,,', '--platform=linux/amd64', '--', '--=', '--mount', '--unknown=1', '--link=false', '--exclude=*.md', '--start-interval=1s', '--retries=3', '--keep-git-dir=true', '--checksum=sha256:00'),
  fc.tuple(fc.constantFrom('--mount', '--from', '--chown', '--x'), word).map(([name, value]) => `${name}=${value}`),
);

const jsonArray = fc.oneof(
  fc.array(fc.oneof(word, fc.constant('\\"'), fc.constant('\\u0041')), { maxLength: 4 }).map((items) => `[${items.map((item) => `"${item.replace(/"/g, '')}"`).join(', ')}]`),
  fc.constantFrom('[]', '[', '["a"', '["a", 1]', '[\'a\']', '["a",]', '["a" "b"]', '[ "sh", "-c", "echo $HOME" ]', '["\\u00"]', '[null]'),
);

/** One piece of an instruction line. */
const argument = fc.oneof({ weight: 6, arbitrary: word }, { weight: 1, arbitrary: jsonArray }, { weight: 1, arbitrary: flag });

const LINE_ENDS = ['\n', '\n', '\n', '\n', '\r\n', '\r', '\n\n'];
const lineEnd = fc.constantFrom(...LINE_ENDS);
const escape = fc.constantFrom('\\', '`');

/** An instruction over one or more lines: continuations, comment and empty lines inside them. */
const instruction = fc
  .tuple(
    fc.constantFrom('', ' ', '\t', '  '),
    keyword,
    fc.array(flag, { maxLength: 2 }),
    fc.array(fc.tuple(fc.array(argument, { maxLength: 5 }), fc.constantFrom('', '', '', 'continue', 'continue-space', 'comment', 'empty')), { minLength: 1, maxLength: 4 }),
    escape,
    lineEnd,
  )
  .map(([indent, name, flags, lines, escapeChar, end]) => {
    let out = `${indent}${name}${flags.length > 0 ? ` ${flags.join(' ')}` : ''}`;
    lines.forEach(([words, join], index) => {
      out += ` ${words.join(' ')}`;
      if (index === lines.length - 1) return;
      if (join === '') out += ` ${escapeChar}${end}`;
      else if (join === 'continue') out += `${escapeChar}${end}  `;
      else if (join === 'continue-space') out += `${escapeChar}  ${end}`;
      else if (join === 'comment') out += ` ${escapeChar}${end}# inside${end}`;
      else out += ` ${escapeChar}${end}${end}`;
    });
    return out + end;
  });

/** An instruction with heredocs: bodies, terminators (sometimes missing or indented), `<<-`, quotes. */
const heredoc = fc
  .tuple(
    fc.constantFrom('RUN', 'COPY', 'ADD', 'run', 'ONBUILD RUN'),
    fc.array(fc.tuple(fc.constantFrom('EOF', 'END', 'E', 'x y', ''), fc.constantFrom('<<', '<<-', "<<'", '<<"', '3<<'), fc.array(fc.oneof(word, fc.constant('EOF'), fc.constant('\tEOF')), { maxLength: 4 }), fc.constantFrom('exact', 'tabbed', 'missing', 'spaced')), { minLength: 1, maxLength: 3 }),
    fc.array(word, { maxLength: 3 }),
    lineEnd,
  )
  .map(([name, docs, trailing, end]) => {
    const markers = docs.map(([delimiter, opener]) => {
      if (opener.endsWith("'")) return `${opener}${delimiter}'`;
      if (opener.endsWith('"')) return `${opener}${delimiter}"`;
      return `${opener}${delimiter}`;
    });
    let out = `${name} ${markers.join(' ')} ${trailing.join(' ')}${end}`;
    for (const [delimiter, , body, terminator] of docs) {
      for (const line of body) out += `${line}${end}`;
      if (terminator === 'exact') out += `${delimiter}${end}`;
      else if (terminator === 'tabbed') out += `\t${delimiter}${end}`;
      else if (terminator === 'spaced') out += ` ${delimiter} ${end}`;
    }
    return out;
  });

const comment = fc.tuple(fc.constantFrom('#', '# ', '  #', '#!'), fc.oneof(
  word,
  fc.constantFrom('hadolint ignore=DL3008,DL3009', 'hadolint global ignore=DL3006', 'layerwise-ignore undefined-var', 'layerwise-ignore-file', 'layerwise-ignore-file latest-tag', 'hadolint ignore=', 'check=skip=all'),
), lineEnd).map(([start, text, end]) => `${start}${text}${end}`);

const directive = fc.tuple(
  fc.constantFrom('# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# escape=x', '#escape=`', '# check=skip=JSONArgsRecommended;error=true', '# check=error=true', '# SYNTAX=a', '# directive=', '# syntax = a'),
  lineEnd,
).map(([text, end]) => `${text}${end}`);

const garbage = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes)),
  fc.constantFrom('\u0000\u0000\u0000', '\uFFFD\uFFFD', '\uD83D', '\r\r\r', '\\\r\n\\\r\n', '`\n`\n', '\n\\\n'),
);

const blank = fc.constantFrom('\n', '\r\n', '   \n', '\t\r\n', '\r');

const block = fc.oneof(
  { weight: 10, arbitrary: instruction },
  { weight: 3, arbitrary: heredoc },
  { weight: 2, arbitrary: comment },
  { weight: 1, arbitrary: directive },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: garbage },
);

/** A generated Dockerfile: directives, then blocks; sometimes a BOM, sometimes no final line end. */
export const generatedDockerfile: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(directive, { maxLength: 2 }), fc.array(block, { minLength: 0, maxLength: 14 }), fc.boolean())
  .map(([bom, directives, blocks, trimEnd]) => {
    const text = `${bom ? '\uFEFF' : ''}${directives.join('')}${blocks.join('')}`;
    return trimEnd ? text.replace(/[\r\n]+$/, '') : text;
  });

// ---- mutations of real files ----

/**
 * One change to a text; positions are fractions of its length, so a mutation
 * applies to any text. Each kind reads the fields it needs.
 */
export interface Mutation {
  kind: 'splice' | 'delete' | 'duplicate-line' | 'swap-lines' | 'flip' | 'insert';
  at: number;
  /** splice: where in the donor text the spliced piece starts. */
  from: number;
  /** splice, delete: how many characters. */
  length: number;
  /** swap-lines: the other line. */
  other: number;
  /** flip, insert: the new text. */
  to: string;
}

/** Characters whose change alters structure. */
const INTERESTING = ['\\', '`', '\n', '\r', '\r\n', '#', '"', "'", '$', '{', '}', '[', ']', '<<', ' ', '\t', '=', ',', '-', '\u0000', '\uFFFD', '\uD800', 'EOF'];

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('splice', 'delete', 'duplicate-line', 'swap-lines', 'flip', 'insert'),
  at: fraction,
  from: fraction,
  length: fc.integer({ min: 0, max: 200 }),
  other: fraction,
  to: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...INTERESTING) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }, { weight: 2, arbitrary: instruction }, { weight: 1, arbitrary: heredoc }),
});

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  return { start, end: newline < 0 ? text.length : newline + 1 };
}

/** Applies one mutation; `donor` is another corpus text to splice from. */
export function mutate(text: string, donor: string, change: Mutation): string {
  const at = Math.floor(change.at * text.length);
  switch (change.kind) {
    case 'splice': {
      const from = Math.floor(change.from * donor.length);
      return text.slice(0, at) + donor.slice(from, from + change.length) + text.slice(at);
    }
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'duplicate-line': {
      const line = lineBounds(text, at);
      return text.slice(0, line.end) + text.slice(line.start, line.end) + text.slice(line.end);
    }
    case 'swap-lines': {
      const first = lineBounds(text, at);
      const second = lineBounds(text, Math.floor(change.other * text.length));
      if (first.start === second.start) return text;
      const [a, b] = first.start < second.start ? [first, second] : [second, first];
      if (b.start < a.end) return text;
      return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
    }
    case 'flip':
      return text.slice(0, at) + change.to + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + change.to + text.slice(at);
  }
}

/** A corpus file changed by one to six mutations (splices take from another corpus file). */
export function mutatedCorpusFile(files: readonly string[]): fc.Arbitrary<string> {
  const index = fc.integer({ min: 0, max: files.length - 1 });
  return fc.tuple(index, index, fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([target, donor, changes]) =>
    changes.reduce((text, change) => mutate(text, files[donor], change), files[target]),
  );
}

/** Generated and mutated inputs in one stream: generated ones are small and many; mutated ones are real-sized. */
export function dockerfileText(files: readonly string[]): fc.Arbitrary<string> {
  if (files.length === 0) return generatedDockerfile;
  return fc.oneof({ weight: 3, arbitrary: generatedDockerfile }, { weight: 2, arbitrary: mutatedCorpusFile(files) });
}

/** An edit at relative positions, so it applies to whatever text it meets. */
export interface RelativeEdit {
  at: number;
  length: number;
  text: string;
}

export const relativeEdit: fc.Arbitrary<RelativeEdit> = fc.record({
  at: fraction,
  length: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
  text: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...INTERESTING, '', '', 'x', 'RUN a\n', '\\\n', '# c\n', '<<EOF\n', '\nEOF\n', 'ONBUILD ', 'FROM b AS c\n', '${A:-', '# escape=`\n') },
    { weight: 1, arbitrary: instruction },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  ),
});

/** The absolute edit a relative one makes on `text`. */
export function resolveEdit(text: string, edit: RelativeEdit): { start: number; end: number; text: string } {
  const start = Math.floor(edit.at * (text.length + 1));
  return { start: Math.min(start, text.length), end: Math.min(text.length, start + edit.length), text: edit.text };
}

/** Configuration that turns on the rules that need it: trusted registries, a label schema, a .dockerignore, build args. */
export const lintSettings = fc.record(
  {
    trustedRegistries: fc.array(fc.constantFrom('docker.io', 'gcr.io', 'registry.io:5000', '', '*'), { maxLength: 3 }),
    labelSchema: fc.dictionary(fc.constantFrom('maintainer', 'version', 'org.opencontainers.image.version', 'KEY', 'a'), fc.constantFrom('text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email', 'bogus')),
    strictLabels: fc.boolean(),
    disableIgnorePragma: fc.boolean(),
    dockerignore: fc.oneof(fc.constantFrom('*\n!src\n', 'node_modules\n**/*.md\n', '!\n[\n\\\n', ''), fc.string({ maxLength: 20 })),
    buildArgs: fc.dictionary(fc.constantFrom('BUILDKIT_DOCKERFILE_CHECK', 'A', 'IMAGE'), fc.constantFrom('skip=all', 'error=true', 'skip=JSONArgsRecommended', 'x', '')),
  },
  { requiredKeys: [] },
);
