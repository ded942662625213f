import type { Instruction, Stage } from './types.js';

/** Groups instructions into build stages; ARGs before the first FROM are global. */
export function deriveStages(instructions: Instruction[]): { globalArgs: Instruction[]; stages: Stage[] } {
  const globalArgs: Instruction[] = [];
  const stages: Stage[] = [];
  let current: Stage | undefined;
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      current = { index: stages.length, from: instruction, instructions: [] };
      const name = instruction.from?.stageName?.value;
      if (name !== undefined) current.name = name.toLowerCase();
      stages.push(current);
    } else if (current) {
      current.instructions.push(instruction);
    } else if (instruction.keyword === 'ARG') {
      globalArgs.push(instruction);
    }
  }
  return { globalArgs, stages };
}
