import type { DockerfileTree, Instruction } from './types.js';

/**
 * Prints the tree in the format of BuildKit's `Node.Dump()`, one instruction a
 * line, so our parser can be compared with BuildKit's own test expectations.
 */
export function dumpBuildkit(tree: DockerfileTree): string {
  return tree.instructions.map((instruction) => `(${dumpInstruction(instruction)})\n`).join('');
}

function dumpInstruction(instruction: Instruction): string {
  let out = instruction.keywordToken.value.toLowerCase();
  if (instruction.flags.length > 0) out += ` [${instruction.flags.map((flag) => goQuote(flag.raw)).join(' ')}]`;
  if (instruction.keyword === 'ONBUILD') {
    return instruction.trigger ? `${out} (${dumpInstruction(instruction.trigger)})` : out;
  }
  for (const value of buildkitValues(instruction)) out += ` ${goQuote(value)}`;
  return out;
}

const WHITESPACE = /[\t\v\f\r ]+/;

function buildkitValues(instruction: Instruction): string[] {
  const args = instruction.args.value;
  switch (instruction.keyword) {
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      return commandValues(instruction, args);
    case 'ADD':
    case 'COPY':
    case 'VOLUME':
      return instruction.exec ? instruction.exec.elements.map((element) => element.value) : splitWhitespace(args);
    case 'FROM':
    case 'EXPOSE':
      return splitWhitespace(args);
    case 'ENV':
    case 'LABEL':
      return (instruction.pairs ?? []).flatMap((pair) => [pair.key.value, pair.value?.value ?? '', pair.legacy ? '' : '=']);
    case 'ARG':
      return instruction.words.map((word) => word.value);
    case 'HEALTHCHECK':
      return healthcheckValues(instruction, args);
    case 'MAINTAINER':
    case 'STOPSIGNAL':
    case 'USER':
    case 'WORKDIR':
      return args === '' ? [] : [args];
    default:
      return [''];
  }
}

function commandValues(instruction: Instruction, text: string): string[] {
  if (instruction.exec) return instruction.exec.elements.map((element) => element.value);
  return text === '' ? [] : [text];
}

function splitWhitespace(text: string): string[] {
  return text === '' ? [] : text.split(WHITESPACE);
}

function healthcheckValues(instruction: Instruction, args: string): string[] {
  const type = instruction.words[0]?.value;
  if (type === undefined) return [];
  const rest = args.slice(type.length).replace(/^\s+/, '');
  return [type, ...commandValues(instruction, rest)];
}

/** Go's `strconv.Quote`. */
export function goQuote(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    switch (char) {
      case '"': out += '\\"'; break;
      case '\\': out += '\\\\'; break;
      case '\x07': out += '\\a'; break;
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '\v': out += '\\v'; break;
      default:
        if (isPrintable(char)) out += char;
        else if (code < 0x80) out += `\\x${code.toString(16).padStart(2, '0')}`;
        else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
        else out += `\\U${code.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function isPrintable(char: string): boolean {
  return PRINTABLE.test(char);
}
