import { defineRule } from '../../lint/define-rule.js';
import { casingOf, withCasing } from '../../lint/helpers/casing.js';
import { replace } from '../../lint/helpers/edits.js';

export default defineRule({
  meta: {
    id: 'from-as-casing',
    aliases: ['FromAsCasing'],
    category: 'style',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        mismatch: "'{as}' should match the casing of '{from}'.",
        matchFrom: "Write '{fixed}'",
      },
      'zh-cn': {
        mismatch: "'{as}' 的大小写应与 '{from}' 一致。",
        matchFrom: "改写为 '{fixed}'",
      },
    },
    docs: {
      en: {
        summary: 'Reports an `AS` keyword whose casing differs from its `FROM` (`FROM image as name`, `from image AS name`).',
        why: '`AS` belongs to the FROM instruction, so writing it in the same case keeps the line readable as one keyword phrase. A FROM written in mixed case is left to consistent-instruction-casing.',
        fix: 'Rewrites `AS` in the casing of `FROM`. Safe: keywords are case-insensitive.',
      },
      'zh-cn': {
        summary: '报告大小写与所属 `FROM` 不一致的 `AS` 关键字（如 `FROM image as name`、`from image AS name`）。',
        why: '`AS` 是 FROM 指令的一部分，和 `FROM` 保持相同的大小写，整行读起来才像一个完整的关键字短语。大小写混写的 FROM 交由 consistent-instruction-casing 处理。',
        fix: '按 `FROM` 的大小写改写 `AS`。安全：关键字不区分大小写。',
      },
    },
    examples: {
      bad: 'FROM node:22 as build\nRUN npm ci\n',
      good: 'FROM node:22 AS build\nRUN npm ci\n',
    },
  },
  create(context) {
    return {
      FROM(instruction) {
        const asKeyword = instruction.from?.asKeyword;
        if (!asKeyword) return;
        const from = instruction.keywordToken.value;
        const casing = casingOf(from);
        // A mixed-case FROM is consistent-instruction-casing's finding; no second one for its AS.
        if (casing === 'mixed' || casingOf(asKeyword.value) === casing) return;
        const fixed = withCasing(asKeyword.value, casing);
        context.report({
          span: asKeyword,
          messageId: 'mismatch',
          data: { as: asKeyword.value, from },
          fixes: [{ messageId: 'matchFrom', data: { fixed }, edits: [replace(asKeyword, fixed)], safe: true }],
        });
      },
    };
  },
});
