import { knownValueAt } from '../../analysis/known-value.js';
import { labelsOf } from '../../analysis/labels.js';
import type { Instruction } from '../../parser/index.js';
import { defineRule } from '../define-rule.js';
import type { Rule, RuleMeta } from '../types.js';

/**
 * A rule for the labels that `label-schema` gives a type (`type` undefined:
 * any type): `problem` says whether a value is wrong. Values that build
 * arguments decide are left alone; `problem` never sees them.
 */
export function labelValueRule<MessageId extends string>(
  type: string | undefined,
  problem: (value: string) => MessageId | undefined,
  meta: RuleMeta<MessageId>,
): Rule<MessageId> {
  return defineRule({
    meta,
    create(context) {
      const schema = context.settings.labelSchema ?? {};
      const names = new Set(Object.keys(schema).filter((name) => type === undefined || schema[name] === type));
      if (names.size === 0) return {};
      const escape = context.tree.escapeChar;
      return {
        LABEL(instruction: Instruction) {
          for (const label of labelsOf(instruction, escape)) {
            if (!names.has(label.name)) continue;
            const value = label.dynamic ? knownValueAt(context.text.slice(label.valueSpan.start, label.valueSpan.end), instruction.start, context.variables, escape) : label.value;
            const messageId = value === undefined ? undefined : problem(value);
            if (messageId) context.report({ span: label.valueSpan, messageId, data: { label: label.name, value: value! } });
          }
        },
      };
    },
  });
}
