import { unquote } from '../../analysis/expand.js';
import { parseReference, type ReferenceProblemKind } from '../../analysis/image-reference.js';
import { parentStage } from '../../analysis/stages.js';
import { defineRule } from '../../lint/define-rule.js';
import type { Span } from '../../parser/index.js';

const PART_MESSAGES: Partial<Record<ReferenceProblemKind, 'invalidTag' | 'invalidDigest'>> = { 'invalid-tag': 'invalidTag', 'invalid-digest': 'invalidDigest' };

function messageFor(kind: ReferenceProblemKind): 'invalid' | 'invalidTag' | 'invalidDigest' {
  return PART_MESSAGES[kind] ?? 'invalid';
}

export default defineRule({
  meta: {
    id: 'invalid-image-reference',
    aliases: [],
    category: 'correctness',
    severity: 'error',
    messages: {
      en: {
        uppercase: 'Image names must be lowercase: "{value}".',
        invalid: '"{value}" is not a valid image reference.',
        invalidTag: '"{part}" is not a valid tag: use up to 128 letters, digits, "_", "." and "-", not starting with "." or "-".',
        invalidDigest: '"{part}" is not a valid digest: write sha256: and 64 hex digits.',
      },
      'zh-cn': {
        uppercase: '镜像名必须是小写：“{value}”。',
        invalid: '“{value}”不是有效的镜像引用。',
        invalidTag: '“{part}”不是有效的标签：最多 128 个字母、数字、“_”、“.”或“-”，且不能以“.”或“-”开头。',
        invalidDigest: '“{part}”不是有效的摘要：请写成 sha256: 加 64 位十六进制数。',
      },
    },
    docs: {
      en: {
        summary: 'Reports a FROM image that is not a valid reference: an empty tag or digest, a tag with other characters, a malformed digest, or capitals in the name.',
        why: 'BuildKit parses the reference before it can pull anything and fails with "invalid reference format". Images written with ARGs are checked by invalid-default-arg-in-from, with the values the ARGs have by default.',
      },
      'zh-cn': {
        summary: '报告不是有效引用的 FROM 镜像：空的标签或摘要、含非法字符的标签、格式错误的摘要，或名称中有大写字母。',
        why: 'BuildKit 在拉取镜像之前会先解析引用，格式不对就会报 "invalid reference format"。用 ARG 拼出来的镜像名由 invalid-default-arg-in-from 按 ARG 的默认值检查。',
      },
    },
    examples: {
      bad: 'FROM python:3.12:slim\n',
      good: 'FROM python:3.12-slim\n',
    },
  },
  create(context) {
    const { tree } = context;
    return {
      stage(stage) {
        const image = stage.from.from?.image;
        // Images built from ARGs are invalid-default-arg-in-from's: their value depends on the build.
        if (!image || image.value.includes('$') || parentStage(tree, stage)) return;
        const value = unquote(image.value, tree.escapeChar);
        const result = parseReference(value);
        if (result.ok || result.problem.kind === 'empty') return;
        const { problem } = result;
        if (problem.kind === 'uppercase') {
          context.report({ span: image, messageId: 'uppercase', data: { value } });
          return;
        }
        // A part is pointed at only when the image is written as it reads, on one line, and the part is there
        // (an empty tag or digest leaves nothing to point at: the whole reference is wrong).
        const literal = value === image.value && image.end - image.start === value.length;
        const part = value.slice(problem.start, problem.end);
        const span: Span = literal && part !== '' ? { start: image.start + problem.start, end: image.start + problem.end } : image;
        context.report({ span, messageId: part === '' ? 'invalid' : messageFor(problem.kind), data: { value, part } });
      },
    };
  },
});
