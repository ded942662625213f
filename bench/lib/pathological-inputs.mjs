// The pathological inputs of issue 7, each a function of a size (its unit
// says what grows), deterministic so every run measures the same text.
import { generateLargeDockerfile } from '../generate-large.mjs';

/** Bytes that are not UTF-8, decoded as an editor or the CLI reads a file: each bad byte becomes U+FFFD. */
function garbage(bytes, seed) {
  let state = seed >>> 0;
  const buffer = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    buffer[i] = state >>> 24;
  }
  return buffer;
}

/** A real Dockerfile repeated to about `bytes`. */
function realistic(bytes) {
  const large = generateLargeDockerfile();
  const stages = large.split(/(?=^FROM )/m);
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += stages[i % stages.length];
  return out;
}

const MB = 1024 * 1024;

/** `{ name, unit, full, make(size) }`: `full` is the size the issue names; the bench also runs half of it. */
export const PATHOLOGICAL_INPUTS = [
  { name: 'one 10 MB line', unit: 'bytes', full: 10 * MB, make: (size) => `FROM alpine\nRUN echo ${'a'.repeat(size)}\n` },
  { name: '100,000 continuation lines', unit: 'lines', full: 100_000, make: (size) => `FROM alpine\nRUN true${' \\\n    && echo line'.repeat(size)}\n` },
  { name: '50,000 stages', unit: 'stages', full: 50_000, make: (size) => Array.from({ length: size }, (_, i) => `FROM alpine:3.20 AS s${i}\nRUN echo ${i}\n`).join('') },
  {
    name: '${a:-${b:-...}} 10,000 deep',
    unit: 'levels',
    full: 10_000,
    make: (size) => `FROM alpine\nARG A\nRUN echo ${'${A:-'.repeat(size)}x${'}'.repeat(size)}\nENV B=${'${A:-'.repeat(size)}x${'}'.repeat(size)}\n`,
  },
  { name: 'NUL bytes and binary garbage', unit: 'bytes', full: 1 * MB, make: (size) => `FROM alpine\n${garbage(size, 7).toString('latin1').replace(/\u0000/g, '\u0000\u0000')}\n` },
  { name: 'invalid UTF-8', unit: 'bytes', full: 1 * MB, make: (size) => `FROM alpine\nRUN echo ${garbage(size, 11).toString('utf8')}\n` },
  { name: 'BOM + real Dockerfile', unit: 'bytes', full: 1 * MB, make: (size) => `\uFEFF${realistic(size)}` },
  { name: 'CRLF line ends', unit: 'bytes', full: 1 * MB, make: (size) => realistic(size).replace(/\n/g, '\r\n') },
  { name: 'CR-only line ends', unit: 'bytes', full: 1 * MB, make: (size) => realistic(size).replace(/\n/g, '\r') },
  { name: 'mixed line ends', unit: 'bytes', full: 1 * MB, make: (size) => realistic(size).split('\n').map((line, i) => line + ['\n', '\r\n', '\r'][i % 3]).join('') },
  { name: 'one RUN of 80,000 operands', unit: 'operands', full: 80_000, make: (size) => `FROM alpine\nRUN rm -rf -- ${'/tmp/cache '.repeat(size)}\n` },
  { name: '10 MB heredoc', unit: 'bytes', full: 10 * MB, make: (size) => `FROM alpine\nRUN <<EOF\n${'echo heredoc line\n'.repeat(Math.ceil(size / 18))}EOF\n` },
];
