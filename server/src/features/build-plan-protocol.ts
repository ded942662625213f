/**
 * `layerwise/buildPlan`: what the client's build commands need to know about a
 * Dockerfile (its stages, their instructions and lines, its ARGs), answered by
 * the server so that the client holds no Dockerfile knowledge of its own.
 * This file has no imports: the client bundles it.
 */
export const BUILD_PLAN_METHOD = 'layerwise/buildPlan';

export interface BuildPlanParams {
  uri: string;
  /** The text to read; without it, the server's open document. */
  text?: string;
}

export interface BuildPlanInstruction {
  /** Upper-case keyword: `FROM`, `RUN`, ... */
  keyword: string;
  /** Zero-based lines of the first and last character. */
  line: number;
  endLine: number;
  /** Character after the last one on `endLine`. */
  endCharacter: number;
  /** The arguments after the flags as one logical line, as BuildKit reads them. */
  arguments: string;
}

export interface BuildPlanStage {
  /** Position among the FROM instructions, from 0. */
  index: number;
  /** Lower-case stage name from `AS name`. */
  name?: string;
  /** The FROM image with global ARG defaults applied; undefined when a build argument decides it. */
  image?: string;
  /** The earlier stage that FROM names, when it names one. */
  parent?: number;
  /** The FROM instruction first, then the stage's instructions in order. */
  instructions: BuildPlanInstruction[];
}

export interface BuildPlanArg {
  name: string;
  /** The default as written, when there is one. */
  defaultValue?: string;
  line: number;
  /** True for an ARG before the first FROM. */
  global: boolean;
}

export interface BuildPlan {
  /** ARG instructions before the first FROM (the legacy builder counts them as steps). */
  globalArgs: BuildPlanInstruction[];
  stages: BuildPlanStage[];
  /** Every ARG, in order; a name declared twice appears twice. */
  args: BuildPlanArg[];
}
