import type { Rule } from './types.js';

/** Identity with types: ties a rule's message ids to its reports. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}
