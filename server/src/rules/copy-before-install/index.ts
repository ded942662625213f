import { copyArguments } from '../../analysis/copy.js';
import { commandsWithDirectory, globMatches, normalizePath, resolvePath, substituteVariables, withoutTrailingSlashes, workdirAt } from '../../analysis/filesystem-effects.js';
import { pipInstall } from '../../analysis/package-managers.js';
import { findFlags, operands, parseInstructionScript, programName, unwrappedCommands, type ShellCommand } from '../../analysis/shell/index.js';
import type { Instruction, Token } from '../../parser/index.js';
import { defineRule } from '../../lint/define-rule.js';
import { indentationAt, lineEndOf, removeInstruction } from '../../lint/helpers/edits.js';
import { commandEnd } from '../../lint/helpers/shell-edits.js';
import type { Fix, RuleContext } from '../../lint/types.js';

/** An install that reads manifest files from the build context, and the files to copy before it. */
interface Install {
  command: ShellCommand;
  /** The manifests, as COPY sources (`package*.json`), or undefined when the fix cannot know them. */
  manifests: string[];
  /** Whether the install also works with only the manifests in place (the fix is offered). */
  manifestsSuffice: boolean;
}

type Recognizer = (command: ShellCommand, words: string[]) => Omit<Install, 'command'> | undefined;

const only = (words: string[], count: number) => words.length === count;

/** Dependency installs by program: each needs its manifests, and (with no package names given) nothing else. */
const INSTALLS: Record<string, Recognizer> = {
  npm: (_command, words) => (['ci', 'install', 'i'].includes(words[0]) && only(words, 1) ? { manifests: ['package*.json'], manifestsSuffice: true } : undefined),
  yarn: (_command, words) => (only(words, 0) || (words[0] === 'install' && only(words, 1)) ? { manifests: ['package.json', 'yarn.lock'], manifestsSuffice: true } : undefined),
  pnpm: (_command, words) => (['install', 'i'].includes(words[0]) && only(words, 1) ? { manifests: ['package.json', 'pnpm-lock.yaml'], manifestsSuffice: true } : undefined),
  poetry: (command, words) =>
    words[0] === 'install' ? { manifests: ['pyproject.toml', 'poetry.lock'], manifestsSuffice: findFlags(command, '--no-root', {}).length > 0 } : undefined,
  pipenv: (_command, words) => (['install', 'sync'].includes(words[0]) && only(words, 1) ? { manifests: ['Pipfile', 'Pipfile.lock'], manifestsSuffice: true } : undefined),
  uv: (command, words) =>
    words[0] === 'sync' ? { manifests: ['pyproject.toml', 'uv.lock'], manifestsSuffice: findFlags(command, '--no-install-project', {}).length > 0 } : undefined,
  bundle: (_command, words) => (words[0] === 'install' && only(words, 1) ? { manifests: ['Gemfile', 'Gemfile.lock'], manifestsSuffice: true } : undefined),
  go: (_command, words) => (words[0] === 'mod' && words[1] === 'download' && only(words, 2) ? { manifests: ['go.mod', 'go.sum'], manifestsSuffice: true } : undefined),
  mvn: (command) =>
    command.args.some((word) => /^dependency:(go-offline|resolve)\b/.test(word.value)) ? { manifests: ['pom.xml'], manifestsSuffice: true } : undefined,
  composer: (_command, words) => (words[0] === 'install' && only(words, 1) ? { manifests: ['composer.json', 'composer.lock'], manifestsSuffice: false } : undefined),
  cargo: (_command, words) => (words[0] === 'fetch' && only(words, 1) ? { manifests: ['Cargo.toml', 'Cargo.lock'], manifestsSuffice: false } : undefined),
};
INSTALLS.bundler = INSTALLS.bundle;
INSTALLS.mvnw = INSTALLS.mvn;

/** The options of the installers that take a value, so that the value is not read as a package name. */
const VALUE_OPTIONS = ['--prefix', '--registry', '-w', '--workspace', '--cache', '--omit', '--include', '--loglevel', '--modules-folder', '--cache-folder', '--network-timeout', '--filter', '--jobs', '-j', '--path', '--without', '--with', '--only', '-E', '--extras', '--retry', '--gemfile'];

function installOf(command: ShellCommand): Install | undefined {
  const pip = pipInstall(command);
  if (pip) {
    const requirement = findFlags(pip.pip, ['-r', '--requirement'], { valueOptions: ['-r', '--requirement'] })[0]?.value;
    return requirement ? { command, manifests: [requirement], manifestsSuffice: /^[\w.-]+$/.test(requirement) } : undefined;
  }
  const recognize = INSTALLS[programName(command.name)];
  const words = operands(command, { valueOptions: VALUE_OPTIONS }).map((word) => word.value);
  const found = recognize?.(command, words);
  return found && { command, ...found };
}

/**
 * Sources that bring in the whole build context, or a folder of source code.
 * Workspace folders (packages, apps) are left out: a monorepo's install needs their manifests.
 */
const WHOLE_CONTEXT = new Set(['.', './', '*', './*', '**']);
const SOURCE_FOLDERS = new Set(['src', 'source', 'sources', 'app', 'lib', 'libs']);

function broadSource(copy: Instruction, escape: string): Token | undefined {
  if (copy.heredocs.length > 0 || copy.flags.some((flag) => flag.name === 'from')) return undefined;
  return copyArguments(copy, escape).sources.find((source) => WHOLE_CONTEXT.has(source.value) || SOURCE_FOLDERS.has(withoutTrailingSlashes(source.value.replace(/^\.\//, ''))));
}

/** Instructions that may stand between the COPY and the install without the move changing what they see. */
const HARMLESS = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE', 'USER', 'STOPSIGNAL', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'SHELL', 'MAINTAINER']);
const COPY_FLAGS = new Set(['chown', 'chmod', 'link']);

/**
 * `COPY . .` + `RUN npm ci` → `COPY package*.json ./` + `RUN npm ci` + `COPY . .`.
 * Only for a COPY of the whole context into the folder the install runs in,
 * with nothing in between that the move could affect, and a RUN that only
 * installs (and cleans up). Never safe: the install may need more than the manifests.
 */
function manifestsFirst(context: RuleContext, copy: Instruction, source: Token, between: Instruction[], run: Instruction, install: Install, commands: ShellCommand[], installCwd: string | undefined, copyCwd: string | undefined, copiedEarlier: boolean): Fix | undefined {
  const { sources, destination } = copyArguments(copy, context.tree.escapeChar);
  if (!install.manifestsSuffice || !destination || sources.length !== 1 || !WHOLE_CONTEXT.has(source.value) || copy.exec) return undefined;
  if (copy.flags.some((flag) => !COPY_FLAGS.has(flag.name)) || between.some((instruction) => !HARMLESS.has(instruction.keyword))) return undefined;
  if (commands.some((command) => command !== install.command && !isCleanup(command))) return undefined;
  const scope = context.variables.scopeAt(copy.start);
  const destinationText = substituteVariables(destination.value, scope);
  const target = destinationText === undefined ? undefined : resolvePath(destinationText, copyCwd);
  if (target === undefined || installCwd === undefined || normalizePath(target) !== installCwd) return undefined;
  const text = context.text;
  const eol = lineEndOf(text);
  const flags = copy.flags.map((flag) => `${text.slice(flag.start, flag.end)} `).join('');
  const folder = destination.value.endsWith('/') ? text.slice(destination.start, destination.end) : `${text.slice(destination.start, destination.end)}/`;
  const keyword = text.slice(copy.keywordToken.start, copy.keywordToken.end);
  const lineStart = text.lastIndexOf('\n', copy.start - 1) + 1;
  // When an earlier COPY brought the manifests already, the full COPY only has to move.
  const manifestsCopy = copiedEarlier ? removeInstruction(text, copy) : { start: copy.start, end: copy.end, text: `${keyword} ${flags}${install.manifests.join(' ')} ${folder}` };
  return {
    messageId: copiedEarlier ? 'moveAfterInstall' : 'copyManifestsFirst',
    data: { manifests: install.manifests.join(' ') },
    edits: [manifestsCopy, { start: run.end, end: run.end, text: `${eol}${indentationAt(text, lineStart)}${text.slice(copy.start, copy.end)}` }],
    safe: false,
  };
}

/** Whether a COPY's sources include every manifest (by name or glob, either way round). */
function copiesManifests(copy: Instruction, manifests: string[], escape: string): boolean {
  if (copy.flags.some((flag) => flag.name === 'from')) return false;
  const sources = copyArguments(copy, escape).sources.map((source) => source.value.replace(/^\.\//, ''));
  return manifests.every((manifest) => sources.some((source) => globMatches(source, manifest) || globMatches(manifest, source)));
}

/** What may follow an install in its RUN when the fix moves the full COPY after it: removing files, cleaning a cache. */
function isCleanup(command: ShellCommand): boolean {
  const name = programName(command.name);
  return name === 'rm' || (['npm', 'yarn', 'pnpm', 'pip', 'pip3', 'composer'].includes(name) && operands(command)[0]?.value === 'cache');
}

interface Pending {
  copy: Instruction;
  source: Token;
  position: number;
  cwd: string | undefined;
}

export default defineRule({
  meta: {
    id: 'copy-before-install',
    aliases: [],
    category: 'layers',
    severity: 'info',
    fixable: true,
    messages: {
      en: {
        copyBeforeInstall: 'Copying `{source}` before `{install}` (line {line}) reruns the install whenever any copied file changes: copy {manifests} first, install, then copy the rest.',
        copyManifestsFirst: 'Copy {manifests} first and the rest after the install',
        moveAfterInstall: 'Move this COPY after the install',
      },
      'zh-cn': {
        copyBeforeInstall: '在 `{install}`（第 {line} 行）之前复制 `{source}`，任何被复制的文件一改动就会重新安装依赖：请先复制 {manifests}，安装之后再复制其余文件。',
        copyManifestsFirst: '先复制 {manifests}，安装之后再复制其余文件',
        moveAfterInstall: '把这条 COPY 移到安装之后',
      },
    },
    docs: {
      en: {
        summary: 'Reports a COPY of the whole build context (or a source folder) that comes before a dependency install in the same stage: npm ci, yarn, pnpm install, pip install -r, poetry, pipenv, uv sync, bundle install, go mod download, mvn dependency:go-offline, composer install, cargo fetch.',
        why: 'The build cache reuses a step only while every layer before it is unchanged. With the sources copied first, any edit to any file invalidates the COPY’s layer and so reruns the dependency install, usually the slowest step. Copying only the manifests and lock files first (package.json and its lock, requirements.txt, go.mod and go.sum, Gemfile and Gemfile.lock, pom.xml, composer.json and composer.lock, Cargo.toml and Cargo.lock, ...), installing, and copying the rest afterwards keeps the installed dependencies cached until the manifests change.',
        fix: 'Turns the COPY into a COPY of the manifests into the same folder (same flags) and moves the full COPY to just after the install; when an earlier COPY brought the manifests already, only moves it. Offered only for a COPY of the whole context into the folder the install runs in, when nothing between them depends on the copied files and the RUN only installs; never applied on save, since the install may need more files (a .npmrc, patches, a workspace’s packages) than the manifests.',
      },
      'zh-cn': {
        summary: '报告在同一阶段中，先复制整个构建上下文（或源码目录）再安装依赖的 COPY：npm ci、yarn、pnpm install、pip install -r、poetry、pipenv、uv sync、bundle install、go mod download、mvn dependency:go-offline、composer install、cargo fetch。',
        why: '构建缓存只有在某一步之前的所有层都没有变化时才会复用这一步。如果先复制了源码，任何文件的改动都会让 COPY 这一层失效，从而重新执行依赖安装，而它通常是最慢的一步。先只复制清单和锁文件（package.json 及其锁文件、requirements.txt、go.mod 和 go.sum、Gemfile 和 Gemfile.lock、pom.xml、composer.json 和 composer.lock、Cargo.toml 和 Cargo.lock 等），安装依赖后再复制其余文件，只要清单不变，已安装的依赖就能一直命中缓存。',
        fix: '把这条 COPY 改为只把清单文件复制到同一目录（保留原有选项），并把完整的 COPY 移到安装步骤之后；如果之前已有 COPY 复制了清单，则只移动这条 COPY。仅当 COPY 复制的是整个上下文、目标正是安装所在的目录、两者之间没有依赖这些文件的指令、且该 RUN 只做安装时才提供；保存时不会自动应用，因为安装可能还需要清单之外的文件（.npmrc、补丁、工作区中的其他包等）。',
      },
    },
    examples: {
      bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
      good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
    },
  },
  create(context) {
    let pending: Pending[] = [];
    let instructions: Instruction[] = [];
    return {
      stage() {
        pending = [];
        instructions = [];
      },
      instruction(instruction, stage, onbuild) {
        if (onbuild) return;
        instructions.push(instruction);
        if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
          const source = broadSource(instruction, context.tree.escapeChar);
          if (source) pending.push({ copy: instruction, source, position: instructions.length - 1, cwd: workdirAt(context.tree, stage, instruction, context.variables) });
          return;
        }
        if (instruction.keyword !== 'RUN' || pending.length === 0) return;
        const script = parseInstructionScript(context.tree, instruction);
        if (!script || script.hasErrors) return;
        if (!unwrappedCommands(script).some((command) => installOf(command))) return;
        const located = commandsWithDirectory(script, workdirAt(context.tree, stage, instruction, context.variables), context.variables.scopeAt(instruction.start));
        const found = located.find(({ command }) => installOf(command));
        const install = found && installOf(found.command);
        if (!found || !install) return;
        const commands = located.map((entry) => entry.command);
        for (const entry of pending) {
          const between = instructions.slice(entry.position + 1, -1);
          const copiedEarlier = instructions.slice(0, entry.position).some((earlier) => earlier.keyword === 'COPY' && copiesManifests(earlier, install.manifests, context.tree.escapeChar));
          const fix = manifestsFirst(context, entry.copy, entry.source, between, instruction, install, commands, found.cwd, entry.cwd, copiedEarlier);
          context.report({
            span: entry.source,
            messageId: 'copyBeforeInstall',
            data: {
              source: entry.source.value,
              install: context.text.slice(install.command.nameWord.start, commandEnd(install.command)),
              line: context.lines.positionAt(instruction.start).line + 1,
              manifests: install.manifests.join(', '),
            },
            fixes: fix ? [fix] : [],
          });
        }
        pending = [];
      },
    };
  },
});
