/**
 * The command the "Build stage" code lens runs; the client registers it
 * (client/src/build/commands.ts). This file has no imports, so the client can bundle it.
 */
export const BUILD_STAGE_COMMAND = 'layerwise.buildStage';

/**
 * The command's arguments, in order: the Dockerfile's URI, the stage's name as
 * written after `AS` (null for an unnamed stage), and its index among the FROM
 * instructions, from 0.
 */
export type BuildStageArguments = [uri: string, stageName: string | null, stageIndex: number];
