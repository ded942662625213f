import type { DockerfileTree, Instruction, KeyValue, Stage } from '../parser/index.js';
import { expandWord } from './expand.js';
import { parentStage } from './stages.js';

/** Where a variable got its value. */
export type VariableKind = 'global-arg' | 'arg' | 'env' | 'builtin';

export interface VariableDefinition {
  name: string;
  kind: VariableKind;
  /** The instruction and pair that define it; undefined for built-ins. */
  instruction?: Instruction;
  pair?: KeyValue;
  /** Its value at that point, when it can be known without build arguments. */
  value?: string;
}

/** Platform ARGs BuildKit defines in the global scope; a stage sees them once it declares `ARG NAME`. */
export const PLATFORM_ARGS = [
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
] as const;

/** ARGs every RUN can use without declaring them. */
export const PROXY_ARGS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'] as const;

type Scope = Map<string, VariableDefinition>;

/**
 * Answers "what is X here?" for a parsed Dockerfile: global ARGs in FROM
 * lines, then per stage its ARGs and ENVs in order, after those inherited
 * from a parent stage (`FROM build AS next` inherits both), and the platform built-ins.
 */
export class VariableResolver {
  private readonly globals: Scope = new Map();
  /** Per stage, the definitions in order. */
  private readonly stageDefinitions = new Map<Stage, VariableDefinition[]>();

  constructor(private readonly tree: DockerfileTree) {
    for (const name of PLATFORM_ARGS) this.globals.set(name, { name, kind: 'builtin' });
    for (const instruction of tree.globalArgs) this.define(this.globals, instruction, 'global-arg');
  }

  /** Scopes by offset: rules ask at the same instructions again and again. */
  private readonly scopes = new Map<number, Scope>();
  /** Per stage, the scope built last and how far into the stage's definitions it goes. */
  private readonly lastScopes = new Map<Stage, { offset: number; index: number; scope: Scope }>();

  /** The variables visible at a document offset, later definitions hiding earlier ones; callers only read it. */
  scopeAt(offset: number): Scope {
    let scope = this.scopes.get(offset);
    if (!scope) this.scopes.set(offset, (scope = this.buildScope(offset)));
    return scope;
  }

  private buildScope(offset: number): Scope {
    const stage = this.stageAt(offset);
    if (!stage || offset < stage.from.end) {
      return this.globalsBefore(offset);
    }
    const definitions = this.definitionsOf(stage);
    // Rules ask in document order: go on from the stage's last scope, not from its start (a stage of 4,000 ENVs and RUNs was quadratic).
    const last = this.lastScopes.get(stage);
    const resume = last && last.offset <= offset;
    const scope: Scope = resume ? new Map(last.scope) : new Map();
    let index = resume ? last.index : 0;
    for (; index < definitions.length; index++) {
      const definition = definitions[index];
      if (definition.instruction && definition.instruction.start >= offset) break;
      scope.set(definition.name, definition);
    }
    this.lastScopes.set(stage, { offset, index, scope });
    return scope;
  }

  resolve(name: string, offset: number): VariableDefinition | undefined {
    return this.scopeAt(offset).get(name);
  }

  private globalsBefore(offset: number): Scope {
    const scope: Scope = new Map();
    for (const [name, definition] of this.globals) {
      if (!definition.instruction || definition.instruction.start < offset) scope.set(name, definition);
    }
    return scope;
  }

  /** The last stage starting at or before `offset`, by binary search: rules ask for every instruction of 50,000 stages. */
  private stageAt(offset: number): Stage | undefined {
    const stages = this.tree.stages;
    let low = 0;
    let high = stages.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (stages[middle].from.start <= offset) low = middle + 1;
      else high = middle;
    }
    return low > 0 ? stages[low - 1] : undefined;
  }

  /** A stage's definitions in order: what its parent stage ends with first, then its own ARGs and ENVs. */
  private definitionsOf(stage: Stage, seen = new Set<Stage>()): VariableDefinition[] {
    const cached = this.stageDefinitions.get(stage);
    if (cached) return cached;
    seen.add(stage);
    const scope: Scope = new Map();
    const parent = parentStage(this.tree, stage);
    if (parent && !seen.has(parent)) {
      for (const definition of this.definitionsOf(parent, seen)) scope.set(definition.name, definition);
    }
    const definitions = [...scope.values()];
    for (const instruction of stage.instructions) {
      // A loop, not push(...): one ENV may set more variables than a call takes as arguments.
      if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') {
        for (const definition of this.define(scope, instruction, instruction.keyword === 'ARG' ? 'arg' : 'env')) definitions.push(definition);
      }
    }
    this.stageDefinitions.set(stage, definitions);
    return definitions;
  }

  /** Adds an ARG or ENV's pairs to a scope, values evaluated against it; returns the new definitions. */
  private define(scope: Scope, instruction: Instruction, kind: VariableKind): VariableDefinition[] {
    const escape = this.tree.escapeChar;
    const lookup = (name: string) => scope.get(name)?.value;
    const added: VariableDefinition[] = [];
    for (const pair of instruction.pairs ?? []) {
      const name = pair.key.value;
      let value: string | undefined;
      if (pair.value) {
        value = expandWord(pair.value.value, lookup, escape);
      } else if (kind === 'arg') {
        // `ARG NAME` in a stage takes the global ARG's value (or the built-in's).
        value = scope.get(name)?.value ?? this.globals.get(name)?.value;
      }
      const definition: VariableDefinition = { name, kind, instruction, pair, value };
      scope.set(name, definition);
      added.push(definition);
    }
    return added;
  }
}
