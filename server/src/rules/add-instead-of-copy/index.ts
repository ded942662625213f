import { copyArguments } from '../../analysis/copy.js';
import { defineRule } from '../../lint/define-rule.js';
import { replace } from '../../lint/helpers/edits.js';

/** What ADD unpacks by itself: tar archives, plain or compressed. */
const ARCHIVE = /\.(tar|tar\.(gz|bz2?|xz|lz|lzma|zst|Z)|tgz|tbz2?|tb2|txz|tlz|tZ|gz|bz2|xz|lz|lzma|zst|Z)$/;
const REMOTE = /^(https?:\/\/|git@|git:\/\/)|\.git(#[^]*)?$/;

export default defineRule({
  meta: {
    id: 'add-instead-of-copy',
    aliases: ['DL3020'],
    category: 'layers',
    severity: 'error',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        useCopy: 'Use COPY instead of ADD for local files and folders.',
        replaceWithCopy: 'Replace ADD with COPY',
      },
      'zh-cn': {
        useCopy: '复制本地文件和目录请使用 COPY，而不是 ADD。',
        replaceWithCopy: '将 ADD 替换为 COPY',
      },
    },
    docs: {
      en: {
        summary: 'Reports ADD of local files that are not tar archives.',
        why: 'ADD also downloads URLs and unpacks tar archives, so a reader cannot tell from ADD alone what lands in the layer. For plain files COPY does the same thing, predictably, and is what BuildKit and hadolint expect.',
        fix: 'Replaces the ADD keyword with COPY; flags and paths stay. Safe: for local non-archive sources both copy the same bytes.',
      },
      'zh-cn': {
        summary: '报告用 ADD 复制非 tar 归档的本地文件。',
        why: 'ADD 还会下载 URL、自动解压 tar 归档，只看 ADD 无法判断最终写进镜像层的是什么。对普通文件来说 COPY 的效果完全相同且更可预期，BuildKit 和 hadolint 也都推荐这样写。',
        fix: '把 ADD 关键字替换为 COPY，参数和路径保持不变。安全：对于本地非归档文件，两者复制的内容完全一样。',
      },
    },
    examples: {
      bad: 'FROM python:3.12-slim\nADD requirements.txt /app/\n',
      good: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\nADD vendor.tar.gz /opt/\n',
    },
  },
  create(context) {
    return {
      ADD(instruction) {
        const { sources } = copyArguments(instruction, context.tree.escapeChar);
        if (sources.length === 0 && instruction.heredocs.length === 0) return;
        if (sources.some((source) => ARCHIVE.test(source.value) || REMOTE.test(source.value))) return;
        context.report({
          span: instruction.keywordToken,
          messageId: 'useCopy',
          fixes: [{ messageId: 'replaceWithCopy', edits: [replace(instruction.keywordToken, 'COPY')], safe: true }],
        });
      },
    };
  },
});
