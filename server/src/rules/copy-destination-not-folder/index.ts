import { defineRule } from '../../lint/define-rule.js';
import { copyDestination } from '../../lint/helpers/copy-destination.js';
import type { Instruction } from '../../parser/index.js';

export default defineRule({
  meta: {
    id: 'copy-destination-not-folder',
    aliases: ['DL3021'],
    category: 'correctness',
    severity: 'error',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        notFolder: '{keyword} with {count} sources needs a folder as destination: end it with /.',
        addSlash: 'Add / to the end of the destination',
      },
      'zh-cn': {
        notFolder: '{keyword} 有 {count} 个源时，目标必须是目录：请以 / 结尾。',
        addSlash: '在目标路径末尾加上 /',
      },
    },
    docs: {
      en: {
        summary: 'Reports COPY and ADD with several sources whose destination does not end with /.',
        why: 'Several sources can only land in a folder, and Docker only treats the destination as a folder when it ends with a slash. Without it the build stops with an error, or, when a wildcard happens to match one file, silently writes that file under the folder’s name.',
        fix: 'Adds the trailing slash. Not applied on save: the files then go into that folder, which is what several sources mean, but check the path is the one you meant.',
      },
      'zh-cn': {
        summary: '报告有多个源、但目标路径不以 / 结尾的 COPY 和 ADD。',
        why: '多个源只能复制到一个目录里，而 Docker 只有在目标以斜杠结尾时才把它当作目录。少了斜杠，构建会报错；如果通配符恰好只匹配到一个文件，还会悄悄把它写成一个以目录名命名的文件。',
        fix: '在目标末尾补上斜杠。保存时不会自动应用：补上后文件会复制进该目录，这正是多个源的本意，但请确认路径是你想要的。',
      },
    },
    examples: {
      bad: 'FROM node:22-alpine\nCOPY package.json package-lock.json /app\n',
      good: 'FROM node:22-alpine\nCOPY package.json package-lock.json /app/\n',
    },
  },
  create(context) {
    const check = (instruction: Instruction) => {
      const found = copyDestination(context, instruction);
      if (!found || found.sources < 2) return;
      const { token: destination, path, sources: count } = found;
      if (path === undefined || path.endsWith('/') || (context.tree.escapeChar === '`' && path.endsWith('\\'))) return;
      // Inside the closing quote, when the destination is quoted.
      const written = context.text.slice(destination.start, destination.end);
      const closing = /["']$/.test(written) ? destination.end - 1 : destination.end;
      context.report({
        span: destination,
        messageId: 'notFolder',
        data: { keyword: instruction.keyword, count },
        // `<<` (or `3<<`) plus a slash would become a heredoc marker.
        fixes: written.includes('<<') ? [] : [{ messageId: 'addSlash', edits: [{ start: closing, end: closing, text: '/' }], safe: false }],
      });
    };
    return { COPY: check, ADD: check };
  },
});
