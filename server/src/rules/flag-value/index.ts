import { flagSpec, ignoresFlags, isValidStageName, type FlagSpec } from '../../analysis/instructions.js';
import { parseReference } from '../../analysis/image-reference.js';
import { defineRule } from '../../lint/define-rule.js';
import type { Flag, Instruction } from '../../parser/index.js';
import { parseDuration } from './duration.js';

type Messages =
  | 'missingValue' | 'emptyBoolean' | 'notBoolean'
  | 'invalidDuration' | 'missingUnit' | 'unknownUnit' | 'tooShort'
  | 'notInteger' | 'negative' | 'emptySource' | 'invalidSource';

type Problem = { messageId: Messages; data?: Record<string, string>; onValue: boolean };

const INT32 = 2 ** 31;

export default defineRule<Messages>({
  meta: {
    id: 'flag-value',
    aliases: [],
    category: 'syntax',
    severity: 'error',
    scope: 'instruction',
    messages: {
      en: {
        missingValue: '--{flag} needs a value: --{flag}=<value>.',
        emptyBoolean: '--{flag}= has no value: write --{flag}, or --{flag}=true or false.',
        notBoolean: '--{flag} takes true or false, not "{value}".',
        invalidDuration: '"{value}" is not a duration: write a number with a unit, such as 30s or 1m30s.',
        missingUnit: '"{value}" has a number without a unit: add ms, s, m or h.',
        unknownUnit: '"{unit}" is not a unit of time in "{value}": use ns, us, ms, s, m or h.',
        tooShort: '--{flag} must be at least 1ms (or 0 for the default).',
        notInteger: '--{flag} takes a whole number, not "{value}".',
        negative: '--{flag} cannot be negative.',
        emptySource: '--from is empty, so COPY reads from the build context, not from a stage or image.',
        invalidSource: '--from must name a stage, a stage index or an image; "{value}" is none of them.',
      },
      'zh-cn': {
        missingValue: '--{flag} 需要一个值：--{flag}=<值>。',
        emptyBoolean: '--{flag}= 没有值：请写成 --{flag}，或 --{flag}=true / false。',
        notBoolean: '--{flag} 只接受 true 或 false，而不是“{value}”。',
        invalidDuration: '“{value}”不是有效的时长：请写成带单位的数字，例如 30s 或 1m30s。',
        missingUnit: '“{value}”中的数字缺少单位：请加上 ms、s、m 或 h。',
        unknownUnit: '“{value}”中的“{unit}”不是时间单位：请使用 ns、us、ms、s、m 或 h。',
        tooShort: '--{flag} 不能小于 1ms（写 0 表示使用默认值）。',
        notInteger: '--{flag} 需要一个整数，而不是“{value}”。',
        negative: '--{flag} 不能是负数。',
        emptySource: '--from 为空，COPY 会从构建上下文读取，而不是从某个阶段或镜像。',
        invalidSource: '--from 应当是阶段名、阶段序号或镜像；“{value}”都不是。',
      },
    },
    docs: {
      en: {
        summary: 'Reports flag values BuildKit rejects: a missing value, a boolean that is not true or false, a HEALTHCHECK duration or retry count it cannot read, or a COPY --from that names nothing.',
        why: 'BuildKit checks flag values before it builds anything, so each of these stops the build with a terse Go error (`time: missing unit in duration "10"`). Durations follow Go: a number and a unit (ns, us, ms, s, m, h), and at least 1ms unless 0.',
      },
      'zh-cn': {
        summary: '报告 BuildKit 不接受的参数值：缺少值、布尔参数不是 true/false、无法解析的 HEALTHCHECK 时长或重试次数，以及指向不明的 COPY --from。',
        why: 'BuildKit 会在构建开始前检查参数值，这些问题都会让构建直接失败，报错还是晦涩的 Go 错误（如 `time: missing unit in duration "10"`）。时长按 Go 的格式书写：数字加单位（ns、us、ms、s、m、h），除 0 以外不能小于 1ms。',
      },
    },
    examples: {
      bad: 'FROM nginx:1.27\nHEALTHCHECK --interval=30 --retries=three CMD curl -f http://localhost/ || exit 1\n',
      good: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/ || exit 1\n',
    },
  },
  create(context) {
    const check = (instruction: Instruction) => {
      if (ignoresFlags(instruction)) return;
      for (const flag of instruction.flags) {
        const spec = flagSpec(instruction.keyword, flag.name);
        const problem = spec && problemOf(flag, spec);
        if (!problem) continue;
        context.report({
          span: problem.onValue && flag.value ? flag.value : flag.nameSpan,
          messageId: problem.messageId,
          data: { flag: flag.name, value: flag.value?.value ?? '', ...problem.data },
        });
      }
    };
    return { instruction: check };
  },
});

function problemOf(flag: Flag, spec: FlagSpec): Problem | undefined {
  const value = flag.value?.value;
  if (spec.kind === 'boolean') {
    if (value === undefined) return undefined;
    if (value === '') return { messageId: 'emptyBoolean', onValue: false };
    const lower = value.toLowerCase();
    return lower === 'true' || lower === 'false' ? undefined : { messageId: 'notBoolean', onValue: true };
  }
  if (value === undefined) return { messageId: 'missingValue', onValue: false };
  switch (spec.value) {
    case 'duration':
      return value === '' ? undefined : durationProblem(value);
    case 'integer':
      return value === '' ? undefined : integerProblem(value);
    case 'source':
      return sourceProblem(value);
    default:
      return undefined;
  }
}

function durationProblem(value: string): Problem | undefined {
  const duration = parseDuration(value);
  if (!duration.ok) {
    if (duration.problem === 'unknownUnit') return { messageId: 'unknownUnit', data: { unit: duration.unit }, onValue: true };
    return { messageId: duration.problem === 'invalid' ? 'invalidDuration' : 'missingUnit', onValue: true };
  }
  return duration.nanoseconds !== 0 && duration.nanoseconds < 1e6 ? { messageId: 'tooShort', onValue: false } : undefined;
}

/** Go's `strconv.ParseInt(value, 10, 32)`, then BuildKit's check that retries are not negative. */
function integerProblem(value: string): Problem | undefined {
  if (!/^[+-]?\d+$/.test(value) || Math.abs(Number(value)) >= INT32) return { messageId: 'notInteger', onValue: true };
  return Number(value) < 0 ? { messageId: 'negative', onValue: true } : undefined;
}

function sourceProblem(value: string): Problem | undefined {
  if (value === '') return { messageId: 'emptySource', onValue: false };
  if (value.includes('$') || /^\d+$/.test(value) || isValidStageName(value) || parseReference(value).ok) return undefined;
  return { messageId: 'invalidSource', onValue: true };
}
