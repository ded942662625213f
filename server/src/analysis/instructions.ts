import type { Instruction } from '../parser/index.js';

/** The instructions BuildKit knows; any other keyword fails the build. */
export const INSTRUCTIONS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;

const KNOWN = new Set<string>(INSTRUCTIONS);

export function isInstruction(keyword: string): boolean {
  return KNOWN.has(keyword);
}

/**
 * How BuildKit reads a flag: `boolean` takes no value or true/false, `string`
 * needs `=value` and may be given once, `list` needs `=value` and repeats.
 * `value` names a further check of the text: a Go duration, an integer, or a
 * COPY source (stage name, stage index or image).
 */
export interface FlagSpec {
  kind: 'boolean' | 'string' | 'list';
  value?: 'duration' | 'integer' | 'source';
}

const BOOLEAN: FlagSpec = { kind: 'boolean' };
const STRING: FlagSpec = { kind: 'string' };
const LIST: FlagSpec = { kind: 'list' };
const DURATION: FlagSpec = { kind: 'string', value: 'duration' };

/** The flags each instruction accepts in the stable Dockerfile syntax (and RUN --device from labs). */
const FLAGS: Record<string, Record<string, FlagSpec>> = {
  ADD: { chown: STRING, chmod: STRING, link: BOOLEAN, 'keep-git-dir': BOOLEAN, checksum: STRING, exclude: LIST, unpack: BOOLEAN },
  COPY: { from: { kind: 'string', value: 'source' }, chown: STRING, chmod: STRING, link: BOOLEAN, parents: BOOLEAN, exclude: LIST },
  FROM: { platform: STRING },
  RUN: { mount: LIST, network: STRING, security: STRING, device: LIST },
  HEALTHCHECK: {
    interval: DURATION, timeout: DURATION, 'start-period': DURATION, 'start-interval': DURATION,
    retries: { kind: 'string', value: 'integer' },
  },
};

const NONE: Record<string, FlagSpec> = {};

/** The flags an instruction accepts, by name (empty for instructions that take none). */
export function flagsOf(keyword: string): Record<string, FlagSpec> {
  return FLAGS[keyword] ?? NONE;
}

/** The spec of one flag of an instruction, if the instruction accepts it. */
export function flagSpec(keyword: string, name: string): FlagSpec | undefined {
  return Object.hasOwn(flagsOf(keyword), name) ? flagsOf(keyword)[name] : undefined;
}

/** `HEALTHCHECK NONE` turns the check off; BuildKit reads none of its flags. */
export function ignoresFlags(instruction: Instruction): boolean {
  return instruction.keyword === 'HEALTHCHECK' && instruction.words[0]?.value.toUpperCase() === 'NONE';
}

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

/** BuildKit's rule for `FROM ... AS name`: a letter, then letters, digits, `-`, `_` and `.` (case-insensitive). */
export function isValidStageName(name: string): boolean {
  return STAGE_NAME.test(name.toLowerCase());
}
