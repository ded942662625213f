import type { DocumentLink } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fromImageText } from '../analysis/from-image.js';
import { canonicalMountKey } from '../analysis/mounts.js';
import { ruleDocsUrl } from '../lint/docs-url.js';
import type { DockerfileTree, Instruction, Span } from '../parser/index.js';
import { pragmaNames, referencedStage } from './locate.js';
import { registryPage, ruleNamed } from './registry.js';
import { memo, variablesOf } from './tree-cache.js';

const URL = /^https?:\/\/\S+$/;

/** Links: images to their registry pages, the syntax directive's frontend, ADD and LABEL URLs, rule ids in ignore pragmas. */
export function documentLinks(tree: DockerfileTree, document: TextDocument): DocumentLink[] {
  return memo(tree, 'links', () => {
    const links: DocumentLink[] = [];
    const link = (span: Span, target: string | undefined) => {
      if (target) links.push({ range: { start: document.positionAt(span.start), end: document.positionAt(span.end) }, target });
    };
    for (const directive of tree.directives) if (directive.name === 'syntax') link(directive.value, registryPage(directive.value.value));
    for (const instruction of tree.instructions) imageLinks(tree, instruction, link);
    for (const comment of tree.comments) {
      for (const name of pragmaNames(tree.text.slice(comment.start, comment.end), comment.start)) {
        const rule = ruleNamed(name.name);
        if (rule) link(name.span, ruleDocsUrl(rule.meta.id));
      }
    }
    return links.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  });
}

function imageLinks(tree: DockerfileTree, instruction: Instruction, link: (span: Span, target: string | undefined) => void): void {
  const image = instruction.from?.image;
  if (image && !referencedStage(tree, image.value, instruction.start)) {
    link(image, registryPage(fromImageText(instruction, variablesOf(tree), tree.escapeChar) ?? image.value));
  }
  for (const flag of instruction.flags) {
    if (flag.name === 'from' && instruction.keyword === 'COPY' && flag.value && !referencedStage(tree, flag.value.value, instruction.start) && !/^\d+$/.test(flag.value.value)) {
      link(flag.value, registryPage(flag.value.value));
    }
    for (const option of flag.options ?? []) {
      if (canonicalMountKey(option.key.value) === 'from' && option.value && !referencedStage(tree, option.value.value, instruction.start)) link(option.value, registryPage(option.value.value));
    }
  }
  if (instruction.keyword === 'ADD') {
    for (const word of instruction.words) if (URL.test(word.value)) link(word, word.value);
  }
  if (instruction.keyword === 'LABEL') {
    for (const pair of instruction.pairs ?? []) {
      const value = pair.value;
      if (!value) continue;
      const quoted = value.value.length >= 2 && (value.value[0] === '"' || value.value[0] === "'") && value.value.endsWith(value.value[0]);
      const url = quoted ? value.value.slice(1, -1) : value.value;
      if (URL.test(url) && !url.includes('$')) link(quoted ? { start: value.start + 1, end: value.end - 1 } : value, url);
    }
  }
}
