import type { Keyword } from '../lint/types.js';

/** What an instruction does, in one language. */
export interface InstructionDoc {
  /** One or two sentences: what the instruction does. */
  summary: string;
  /** What it does to the image's layers and the build cache. */
  layers: string;
}

/** The directives BuildKit reads at the top of a Dockerfile. */
export type DirectiveName = 'syntax' | 'escape' | 'check';

/** Words the features show around the docs (hover headings, completion details, code lens titles). */
export interface InterfaceText {
  syntax: string;
  layersAndCache: string;
  example: string;
  /** `{value}` */
  valueHere: string;
  valueUnknown: string;
  /** `{line}`, `{source}` */
  setOnLine: string;
  builtinVariable: string;
  argWithoutValue: string;
  /** `{image}`, `{line}` */
  stageBase: string;
  /** `{line}` */
  stageDeclared: string;
  stageUnnamed: string;
  image: string;
  registryPage: string;
  ruleDocs: string;
  globalArg: string;
  stageArg: string;
  env: string;
  /** `{name}` */
  buildStage: string;
  /** `{number}`, from 1 */
  buildUnnamedStage: string;
  onbuildVariable: string;
  stage: string;
  instruction: string;
  flag: string;
  directive: string;
  checkName: string;
}

/** All the docs of one language: each table is keyed the same way in every language. */
export interface DocsTable {
  instructions: Record<Keyword, InstructionDoc>;
  /** Signature parameters by `KEYWORD <param>` (e.g. `COPY <src>`), or by `<param>` when shared. */
  parameters: Record<string, string>;
  /** Flags by `KEYWORD --name`. */
  flags: Record<string, string>;
  /** Flag values by `KEYWORD --name=value`, and mount types by `RUN --mount type=name`. */
  flagValues: Record<string, string>;
  /** `--mount` option keys. */
  mountOptions: Record<string, string>;
  directives: Record<DirectiveName, string>;
  /** Variables BuildKit defines (platform ARGs, proxy ARGs). */
  builtinVariables: Record<string, string>;
  text: InterfaceText;
}
