import ignore from '@balena/dockerignore';
import { posix } from 'node:path';
import { withoutTrailingSlashes } from '../../analysis/filesystem-effects.js';
import { knownValue } from '../../analysis/known-value.js';
import { defineRule } from '../../lint/define-rule.js';
import type { Instruction, Token } from '../../parser/index.js';

/** Patterns that exclude everything at the top of the context, so that even `COPY . .` copies nothing. */
const WHOLE_CONTEXT = new Set(['*', '**', '**/*']);
const REMOTE = /^(?:https?:\/\/|git@|git:\/\/)/;
const WILDCARD = /[*?[\\]/;

interface Pattern {
  text: string;
  negated: boolean;
  /** Matches a path or one of its parents, as one line of `.dockerignore` would alone. */
  matches(path: string): boolean;
}

export default defineRule({
  meta: {
    id: 'copy-ignored-file',
    aliases: ['CopyIgnoredFile'],
    category: 'correctness',
    severity: 'warning',
    messages: {
      en: {
        ignored: '{keyword} reads "{path}", which .dockerignore keeps out of the build context.',
      },
      'zh-cn': {
        ignored: '{keyword} 读取的 "{path}" 已被 .dockerignore 排除在构建上下文之外。',
      },
    },
    docs: {
      en: {
        summary: 'Reports a COPY or ADD source from the build context that `.dockerignore` excludes (needs the `.dockerignore` text in the settings).',
        why: 'Excluded files are never sent to the builder, so the instruction fails with "not found", or, for a folder or a wildcard, quietly copies less than it names. Either the pattern or the instruction is wrong. A later `!pattern` that can bring back the path, or something inside it, keeps the source from being reported.',
      },
      'zh-cn': {
        summary: '报告 COPY 或 ADD 从构建上下文中读取、但被 `.dockerignore` 排除的源路径（需要在设置中提供 `.dockerignore` 的内容）。',
        why: '被排除的文件根本不会发送给构建器，所以这条指令要么报 "not found" 失败，要么（目录或通配符时）悄悄少复制了内容。不是忽略规则写错了，就是指令写错了。如果后面有 `!模式` 能把这个路径或其中的内容重新包含进来，则不会报告。',
      },
    },
    examples: {
      bad: 'FROM node:22-alpine\nCOPY .env /app/.env\n',
      good: 'FROM node:22-alpine\nCOPY package.json /app/\n',
      settings: { dockerignore: '.env\nnode_modules\n' },
    },
  },
  create(context) {
    const patterns = readPatterns(context.settings.dockerignore ?? '');
    if (patterns.length === 0) return {};
    const matcher = ignore({ ignorecase: false }).add(patterns.map((pattern) => pattern.text));
    const check = (instruction: Instruction) => {
      if (instruction.keyword === 'COPY' && instruction.flags.some((flag) => flag.name === 'from')) return;
      for (const source of sourcesOf(instruction)) {
        const scope = source.value.includes('$') ? context.variables.scopeAt(instruction.start) : new Map();
        const value = knownValue(source.value, scope, context.tree.escapeChar);
        if (value === undefined || REMOTE.test(value)) continue;
        const path = contextPath(value);
        if (!isExcluded(path, patterns, matcher)) continue;
        context.report({ span: source, messageId: 'ignored', data: { keyword: instruction.keyword, path } });
      }
    };
    return { COPY: check, ADD: check };
  },
});

/** The `.dockerignore` lines that are patterns: blank lines and `#` comments dropped. */
function readPatterns(text: string): Pattern[] {
  const patterns: Pattern[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) continue;
    const negated = text.startsWith('!');
    const single = ignore({ ignorecase: false }).add(negated ? text.slice(1) : text);
    // A pattern the matcher cannot compile (`[`) would throw on every path; Docker refuses it, we skip it.
    if (!compiles(single) || !compiles(ignore({ ignorecase: false }).add(text))) continue;
    patterns.push({ text, negated, matches: (path) => single.ignores(path) });
  }
  return patterns;
}

function compiles(matcher: ReturnType<typeof ignore>): boolean {
  try {
    matcher.ignores('probe');
    return true;
  } catch {
    return false;
  }
}

/** The source words of a COPY or ADD as written (quotes kept for expansion), heredocs left out. */
function sourcesOf(instruction: Instruction): Token[] {
  const words: Token[] = instruction.exec ? instruction.exec.elements : instruction.words;
  const markers = new Set(instruction.heredocs.map((heredoc) => heredoc.marker.start));
  return words.slice(0, -1).filter((word) => !markers.has(word.start));
}

/** A source as a path in the context: cleaned, relative, `.` for the context itself. */
function contextPath(source: string): string {
  const cleaned = withoutTrailingSlashes(posix.normalize(source.replace(/\\/g, '/')).replace(/^\/+/, ''));
  return cleaned === '' || cleaned === '.' ? '.' : cleaned;
}

/**
 * BuildKit's test: the path or a parent matches, the context root only for a
 * catch-all pattern, and no later `!pattern` can bring back the path or
 * something below it (BuildKit used to give up on any `!`).
 */
function isExcluded(path: string, patterns: Pattern[], matcher: ReturnType<typeof ignore>): boolean {
  if (path === '.' && !patterns.some((pattern) => !pattern.negated && WHOLE_CONTEXT.has(pattern.text))) return false;
  if (!matcher.ignores(path)) return false;
  let lastExclusion = -1;
  patterns.forEach((pattern, index) => {
    if (!pattern.negated && (path === '.' || pattern.matches(path))) lastExclusion = index;
  });
  return !patterns.some((pattern, index) => index > lastExclusion && pattern.negated && mayReachInside(pattern.text.slice(1), path));
}

/** Whether a `!pattern` could match the path or something inside it (wildcards are assumed to match). */
function mayReachInside(pattern: string, path: string): boolean {
  if (path === '.') return true;
  const negation = posix.normalize(pattern).replace(/^\/+/, '').split('/');
  const parts = path.split('/');
  for (let index = 0; index < Math.min(negation.length, parts.length); index++) {
    if (negation[index] === '**') return true;
    if (!WILDCARD.test(negation[index]) && !WILDCARD.test(parts[index]) && negation[index] !== parts[index]) return false;
  }
  return negation.length > parts.length || (negation.length === parts.length && WILDCARD.test(path + pattern));
}
