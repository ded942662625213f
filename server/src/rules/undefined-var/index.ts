import { flagVariables } from '../../analysis/flag-variables.js';
import { knownValue } from '../../analysis/known-value.js';
import { ancestorStages } from '../../analysis/stages.js';
import { defineRule } from '../../lint/define-rule.js';
import { closestName } from '../../lint/helpers/suggest.js';
import type { Fix, RuleContext } from '../../lint/types.js';
import type { Instruction, Stage, VariableRef } from '../../parser/index.js';

/** Base images whose config defines no variable but PATH, so every other name must come from the Dockerfile. */
const BARE_IMAGES = new Set(['scratch', 'alpine', 'busybox', 'debian', 'ubuntu']);
/** BuildKit sets PATH in every Linux stage whose image has none. */
const ALWAYS_DEFINED: ReadonlySet<string> = new Set(['PATH']);
/** ARGs BuildKit reads itself and never puts in the environment. */
const BUILDKIT_ONLY = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
/** Instructions whose arguments BuildKit expands; RUN, CMD and ENTRYPOINT leave that to the shell. */
const EXPANDED = new Set(['ENV', 'LABEL', 'WORKDIR', 'USER', 'VOLUME', 'STOPSIGNAL', 'COPY', 'ADD']);
/** COPY and ADD flags whose values are expanded (`--from` is not); RUN's mount options. */
const EXPANDED_FLAGS = new Set(['chown', 'chmod', 'checksum', 'exclude']);
const MOUNT_FLAG = new Set(['mount']);

interface StageFacts {
  /** Names the stages this one builds on define, ARGs and ENVs alike: BuildKit carries both over. */
  inherited: Set<string>;
  /** ENV names of the stage and its ancestors: what an ONBUILD trigger sees in a child image. */
  imageEnv: Set<string>;
  /** Where the stage's own ARG and ENV pairs define each name. */
  definitions: Map<string, number[]>;
  /** Whether the base image is known to define nothing but PATH. */
  bareBase: boolean;
}

export default defineRule({
  meta: {
    id: 'undefined-var',
    aliases: ['UndefinedVar'],
    category: 'correctness',
    severity: 'warning',
    fixable: true,
    messages: {
      en: {
        undefined: '${name} is not defined here: no ARG or ENV before this line sets it.',
        undefinedSuggest: '${name} is not defined here; did you mean ${suggestion}?',
        useSuggestion: 'Replace with ${suggestion}',
      },
      'zh-cn': {
        undefined: '${name} 在此处未定义：这一行之前没有 ARG 或 ENV 设置它。',
        undefinedSuggest: '${name} 在此处未定义；是不是想写 ${suggestion}？',
        useSuggestion: '替换为 ${suggestion}',
      },
    },
    docs: {
      en: {
        summary: 'Reports a variable used where BuildKit expands it (ENV, LABEL, ARG defaults, COPY, ADD, WORKDIR, USER, VOLUME, STOPSIGNAL, RUN --mount options) before any ARG or ENV defines it.',
        why: 'An undefined variable expands to an empty string without an error, so `COPY $SRC_DIR /app` copies the whole context and `ENV PATH=$PAHT:/opt/bin` throws PATH away. Global ARGs and the platform ARGs are only visible in a stage after `ARG NAME`; names from the stage a FROM builds on carry over. RUN, CMD and ENTRYPOINT are left alone: their shell expands variables when the container runs. Variables of the base image are unknown to a linter: for images other than scratch, alpine, busybox, debian and ubuntu only a near-miss of a defined name, or a name the stage defines later, is reported.',
        fix: 'When a defined name is one typo away (a letter added, dropped or changed, or two letters swapped), replaces the variable with it. Not applied on save: check that it is the one you meant.',
      },
      'zh-cn': {
        summary: '报告在 BuildKit 会展开变量的位置（ENV、LABEL、ARG 默认值、COPY、ADD、WORKDIR、USER、VOLUME、STOPSIGNAL、RUN --mount 选项）使用、但此前没有任何 ARG 或 ENV 定义的变量。',
        why: '未定义的变量会被静默展开为空字符串，不会报错：`COPY $SRC_DIR /app` 会复制整个构建上下文，`ENV PATH=$PAHT:/opt/bin` 则把 PATH 整个丢掉。全局 ARG 和平台 ARG 要在阶段内先写 `ARG 名称` 才能使用；FROM 所基于的阶段中定义的变量会被继承。RUN、CMD 和 ENTRYPOINT 不检查，它们的变量由容器运行时的 shell 展开。基础镜像自带的变量对静态检查来说是未知的：除 scratch、alpine、busybox、debian、ubuntu 之外的镜像，只报告与已定义名称非常接近的拼写错误，以及在本阶段后面才定义的名称。',
        fix: '如果某个已定义的名字与之只差一处拼写（多一个、少一个、错一个字母，或相邻两个字母颠倒），就把变量替换成它。保存时不会自动应用：请确认那正是你想要的变量。',
      },
    },
    examples: {
      bad: 'FROM alpine:3.20\nARG APP_HOME=/srv/app\nCOPY . $APP_HOMEE\n',
      good: 'FROM alpine:3.20\nARG APP_HOME=/srv/app\nCOPY . $APP_HOME\n',
    },
  },
  create(context) {
    const factsByStage = new Map<Stage, StageFacts>();
    const factsOf = (stage: Stage) => {
      let facts = factsByStage.get(stage);
      if (!facts) factsByStage.set(stage, (facts = stageFacts(context, stage)));
      return facts;
    };
    // The names the stage's own ARGs and ENVs have defined so far, added once the walk is past each one.
    let ownSoFar = new Set<string>();

    const check = (references: Reference[], stage: Stage, onbuild: Instruction | undefined) => {
      const facts = factsOf(stage);
      // A trigger runs in a child image: it sees this image's ENVs, never its ARGs.
      const visible = onbuild ? [facts.imageEnv] : [ownSoFar, facts.inherited];
      const reported = new Set<string>();
      for (const { reference, definedBefore } of references) {
        const name = reference.name;
        if (ALWAYS_DEFINED.has(name) || visible.some((names) => names.has(name)) || definedBefore.has(name)) continue;
        if (BUILDKIT_ONLY.has(name) || reported.has(name)) continue;
        const suggestion = typoOf(name, [...ALWAYS_DEFINED, ...visible.flatMap((names) => [...names]), ...definedBefore]);
        const definedLater = !onbuild && (facts.definitions.get(name) ?? []).some((offset) => offset > reference.start);
        if (!facts.bareBase && !suggestion && !definedLater) continue;
        reported.add(name);
        const fixes: Fix[] = suggestion
          ? [{ messageId: 'useSuggestion', data: { suggestion }, edits: [{ ...reference.nameSpan, text: suggestion }], safe: false }]
          : [];
        context.report({ span: reference, messageId: suggestion ? 'undefinedSuggest' : 'undefined', data: { name, suggestion: suggestion ?? '' }, fixes });
      }
    };

    return {
      stage() {
        ownSoFar = new Set();
      },
      instruction(instruction, stage, onbuild) {
        if (!stage) return;
        const references = referencesOf(context, instruction);
        if (references.length > 0) check(references, stage, onbuild);
        // Only after the check: ENV expands all its pairs before it sets any.
        if (!onbuild && (instruction.keyword === 'ARG' || instruction.keyword === 'ENV')) {
          for (const pair of instruction.pairs ?? []) ownSoFar.add(pair.key.value);
        }
      },
    };
  },
});

/**
 * A defined name `name` is likely a typo of: one letter added, dropped, changed,
 * or two neighbours swapped (`PAHT`). Stricter than BuildKit's hint, which
 * would offer PATH for DATA: here a hint is also what makes a name of an
 * unknown base image worth reporting.
 */
function typoOf(name: string, candidates: string[]): string | undefined {
  const closest = closestName(name, candidates);
  return closest !== undefined && oneEditApart(name, closest) ? closest : undefined;
}

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  if (restA.length <= 1 && restB.length <= 1) return true;
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}

interface Reference {
  reference: VariableRef;
  /** Names the same instruction defines before this reference (an earlier pair of the same ARG). */
  definedBefore: Set<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** The references BuildKit expands in an instruction, with what the instruction itself defined before each. */
function referencesOf(context: RuleContext, instruction: Instruction): Reference[] {
  if (instruction.variables.length === 0 && instruction.flags.length === 0) return [];
  const plain = (references: VariableRef[]) => references.map((reference) => ({ reference, definedBefore: NONE as Set<string> }));
  const flags = (names: Set<string>) => instruction.flags.filter((flag) => names.has(flag.name)).flatMap((flag) => flagVariables(context.tree, flag));
  switch (instruction.keyword) {
    case 'RUN':
      return instruction.flags.length === 0 ? [] : plain(flags(MOUNT_FLAG));
    case 'COPY':
    case 'ADD':
      return plain([...flags(EXPANDED_FLAGS), ...instruction.variables]);
    case 'ARG':
      return argDefaults(context, instruction);
    default:
      return EXPANDED.has(instruction.keyword) ? plain(instruction.variables) : [];
  }
}

/** ARG defaults are expanded one pair after another, each seeing the pairs before it; a --build-arg value replaces the default unread. */
function argDefaults(context: RuleContext, instruction: Instruction): Reference[] {
  const found: Reference[] = [];
  const definedBefore = new Set<string>();
  const buildArgs = context.settings.buildArgs ?? {};
  for (const pair of instruction.pairs ?? []) {
    const value = pair.value;
    if (value && !Object.hasOwn(buildArgs, pair.key.value)) {
      const before = new Set(definedBefore);
      for (const reference of instruction.variables) {
        if (reference.start >= value.start && reference.end <= value.end) found.push({ reference, definedBefore: before });
      }
    }
    definedBefore.add(pair.key.value);
  }
  return found;
}

function stageFacts(context: RuleContext, stage: Stage): StageFacts {
  const ancestors = ancestorStages(context.tree, stage);
  const inherited = new Set<string>();
  const imageEnv = new Set<string>();
  for (const ancestor of ancestors) {
    for (const instruction of ancestor.instructions) {
      for (const pair of instruction.pairs ?? []) {
        if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') inherited.add(pair.key.value);
        if (instruction.keyword === 'ENV') imageEnv.add(pair.key.value);
      }
    }
  }
  const definitions = new Map<string, number[]>();
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') continue;
    for (const pair of instruction.pairs ?? []) {
      if (instruction.keyword === 'ENV') imageEnv.add(pair.key.value);
      const offsets = definitions.get(pair.key.value) ?? [];
      offsets.push(pair.start);
      definitions.set(pair.key.value, offsets);
    }
  }
  const root = ancestors.length > 0 ? ancestors[ancestors.length - 1] : stage;
  return { inherited, imageEnv, definitions, bareBase: isBareImage(context, root) };
}

/** Whether a stage's FROM names scratch or an official OS image that defines nothing but PATH. */
function isBareImage(context: RuleContext, stage: Stage): boolean {
  const raw = stage.from.from?.image.value;
  if (raw === undefined) return false;
  const image = raw.includes('$') ? knownValue(raw, context.variables.scopeAt(stage.from.start), context.tree.escapeChar) : raw;
  if (image === undefined) return false;
  const name = image.split('@')[0];
  const repository = name.slice(0, name.lastIndexOf(':') > name.lastIndexOf('/') ? name.lastIndexOf(':') : undefined).toLowerCase();
  return BARE_IMAGES.has(repository.replace(/^(?:(?:index\.)?docker\.io\/)?(?:library\/)?/, ''));
}
