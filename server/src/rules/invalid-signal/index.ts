import { knownValue } from '../../analysis/known-value.js';
import { defineRule } from '../../lint/define-rule.js';

/** Signal names BuildKit accepts on Linux, without the SIG prefix (moby/sys/signal's map). */
const SIGNALS = new Set([
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL',
  'PROF', 'PWR', 'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'USR1',
  'USR2', 'VTALRM', 'WINCH', 'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
  ...Array.from({ length: 15 }, (_, i) => `RTMIN+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `RTMAX-${i + 1}`),
]);

/** moby's `signal.ParseSignal`: a non-zero number, or a name with or without SIG in any case. */
export function isSignal(value: string): boolean {
  if (/^[+-]?\d+$/.test(value)) return Number(value) !== 0 && Math.abs(Number(value)) < 2 ** 63;
  const name = value.toUpperCase();
  return SIGNALS.has(name.startsWith('SIG') ? name.slice(3) : name);
}

export default defineRule({
  meta: {
    id: 'invalid-signal',
    aliases: [],
    category: 'correctness',
    severity: 'error',
    scope: 'instruction',
    messages: {
      en: { invalid: '"{signal}" is not a signal: use a name such as SIGTERM or a number such as 15.' },
      'zh-cn': { invalid: '“{signal}”不是有效的信号：请使用 SIGTERM 这样的信号名，或 15 这样的编号。' },
    },
    docs: {
      en: {
        summary: 'Reports a STOPSIGNAL that is not a signal name or number.',
        why: 'BuildKit checks the signal when it builds the stage and fails on one it does not know. Names may be written with or without `SIG` and in any case (`SIGTERM`, `term`); numbers must not be 0. Variables are expanded first, when their value is known.',
      },
      'zh-cn': {
        summary: '报告不是信号名也不是信号编号的 STOPSIGNAL。',
        why: 'BuildKit 构建该阶段时会检查信号，遇到不认识的信号就会失败。信号名可以带或不带 `SIG` 前缀，大小写不限（`SIGTERM`、`term`）；编号不能为 0。变量会先展开，前提是它的值可以确定。',
      },
    },
    examples: {
      bad: 'FROM nginx:1.27\nSTOPSIGNAL SIGQUITE\n',
      good: 'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT\n',
    },
  },
  create(context) {
    return {
      STOPSIGNAL(instruction) {
        // Several words are instruction-arguments' finding; a broken ${...} is variable-syntax's.
        if (instruction.words.length !== 1) return;
        const word = instruction.words[0];
        const signal = knownValue(word.value, context.variables.scopeAt(instruction.start), context.tree.escapeChar);
        if (signal === undefined || signal.includes('${') || isSignal(signal)) return;
        context.report({ span: word, messageId: 'invalid', data: { signal } });
      },
    };
  },
});
