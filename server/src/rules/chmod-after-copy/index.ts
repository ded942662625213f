import { copiedPaths, runEffects, workdirAt, type RunEffect } from '../../analysis/filesystem-effects.js';
import { layersShip } from '../../analysis/layers.js';
import { operands, parseInstructionScript, programName, unwrapCommand, type ShellCommand, type ShellScript } from '../../analysis/shell/index.js';
import type { DockerfileTree, Instruction } from '../../parser/index.js';
import { defineRule } from '../../lint/define-rule.js';
import { removeInstruction } from '../../lint/helpers/edits.js';
import { commandEnd, removeCommand } from '../../lint/helpers/shell-edits.js';
import type { Fix, TextEdit } from '../../lint/types.js';

interface Copied {
  instruction: Instruction;
  /** Where the copy landed: `path`, or one of the alternatives when the destination was an existing folder. */
  path: string;
  alternatives: string[];
  /** Position of the COPY among the stage's instructions. */
  position: number;
}

interface Match {
  effect: RunEffect;
  copy: Copied;
}

const OCTAL = /^[0-7]{3,4}$/;
const ADD_EXECUTE = /^(a|ugo)?\+x$/;
const OWNER = /^[\w.-]+(:[\w.-]+)?$/;

/** The COPY flag a command's change belongs in, with its value when the command's own argument says it plainly. */
function flagFor(command: ShellCommand): { flag: '--chmod' | '--chown'; value?: string; exact: boolean } | undefined {
  const name = programName(command.name);
  const first = operands(command, { valueOptions: ['--reference', '--from'] })[0]?.value ?? '';
  if (name === 'chmod') {
    if (OCTAL.test(first)) return { flag: '--chmod', value: first, exact: true };
    return { flag: '--chmod', value: ADD_EXECUTE.test(first) ? '755' : undefined, exact: false };
  }
  if (name === 'chown') return { flag: '--chown', value: OWNER.test(first) ? first : undefined, exact: true };
  return name === 'chgrp' ? { flag: '--chown', exact: false } : undefined;
}

/**
 * Adds the flag to the COPYs and removes the command (the RUN, when it is all
 * the RUN does). Safe when the RUN only runs this command right after the
 * COPYs, every path is exactly a copied file (no -R), and the value is exact.
 */
function moveToCopy(tree: DockerfileTree, run: Instruction, script: ShellScript, command: ShellCommand, matches: Match[], position: number): Fix | undefined {
  const flag = flagFor(command);
  if (!flag?.value) return undefined;
  const copies = [...new Set(matches.map((match) => match.copy.instruction))];
  if (copies.some((copy) => copy.flags.some((existing) => `--${existing.name}` === flag.flag))) return undefined;
  const only = script.commands.length === 1;
  const removal: TextEdit | undefined = only ? removeInstruction(tree.text, run) : removeCommand(tree, run, script, script.commands[command.index]);
  if (!removal) return undefined;
  // The COPYs are the instructions right before the RUN: nothing ran in between that could see the old mode.
  const positions = new Set(matches.map((match) => match.copy.position));
  let first = Infinity;
  for (const copied of positions) first = Math.min(first, copied);
  const adjacent = first === position - positions.size;
  const exact = flag.exact && matches.every((match) => !match.effect.recursive && match.effect.path === match.copy.path);
  return {
    messageId: 'moveToCopy',
    data: { flag: `${flag.flag}=${flag.value}` },
    edits: [...copies.map((copy) => ({ start: copy.keywordToken.end, end: copy.keywordToken.end, text: ` ${flag.flag}=${flag.value}` })), removal],
    safe: only && exact && adjacent,
  };
}

/** The latest COPY that put something at `path`. */
function latestCopyOf(copies: Copied[], path: string): Copied | undefined {
  for (let index = copies.length - 1; index >= 0; index--) {
    if (copies[index].path === path || copies[index].alternatives.includes(path)) return copies[index];
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'chmod-after-copy',
    aliases: [],
    category: 'layers',
    severity: 'warning',
    fixable: true,
    messages: {
      en: {
        changesCopy: '`{command}` changes files that the {keyword} on line {line} added, which copies them whole into a new layer: set it in the {keyword} with {flag}.',
        moveToCopy: 'Use {flag} in the COPY instead',
      },
      'zh-cn': {
        changesCopy: '`{command}` 修改的是第 {line} 行 {keyword} 添加的文件，这会把它们完整复制到新的一层：请在 {keyword} 中用 {flag} 设置。',
        moveToCopy: '改为在 COPY 中使用 {flag}',
      },
    },
    docs: {
      en: {
        summary: 'Reports a RUN chmod, chown or chgrp of files that a COPY or ADD of the same stage added.',
        why: 'Changing a file’s mode or owner in a later RUN copies the whole file into that RUN’s layer, so the image carries it twice: once as copied, once with the new mode or owner. `COPY --chmod` and `COPY --chown` (and the same on ADD) set them as the files are copied, in one layer. A recursive change of a folder is reported only when no RUN came between the COPY and it, since it would also reach files that RUN wrote there. Stages whose layers never reach the image (used only by COPY --from, or not at all) are not reported.',
        fix: 'Adds `--chmod=<mode>` or `--chown=<owner>` to the COPY and removes the command (the RUN, when it was all the RUN did). Safe only when the RUN does nothing else, follows the COPY directly, names exactly the copied files without -R, and gives an octal mode or a plain owner; `chmod +x` becomes `--chmod=755`, which may differ from the file’s own mode plus x, so that fix is never applied on save. `--chmod` needs BuildKit.',
      },
      'zh-cn': {
        summary: '报告用 RUN chmod、chown 或 chgrp 修改同一阶段中 COPY 或 ADD 添加的文件。',
        why: '在后面的 RUN 中修改文件的权限或属主，会把整个文件复制到该 RUN 的层中，于是镜像里有两份：一份是复制进来的，一份是改过权限或属主的。`COPY --chmod` 和 `COPY --chown`（ADD 同样支持）会在复制时就设置好，只占一层。递归修改某个目录时，只有 COPY 与它之间没有其他 RUN 才报告，否则它也会改到那些 RUN 写进该目录的文件。镜像层不会进入最终镜像的阶段（只被 COPY --from 使用或完全未被使用）不报告。',
        fix: '在 COPY 中加上 `--chmod=<mode>` 或 `--chown=<owner>`，并删除该命令（如果 RUN 只做这一件事，则删除整条 RUN）。只有当 RUN 不做别的事、紧跟在 COPY 之后、只涉及复制进来的文件且没有 -R、权限是八进制或属主是普通名称时才是安全的；`chmod +x` 会变成 `--chmod=755`，可能与文件原有权限加 x 不同，因此这个修复不会在保存时自动应用。`--chmod` 需要 BuildKit。',
      },
    },
    examples: {
      bad: 'FROM alpine:3.20\nCOPY entrypoint.sh /usr/local/bin/entrypoint.sh\nRUN chmod 755 /usr/local/bin/entrypoint.sh\n',
      good: 'FROM alpine:3.20\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/entrypoint.sh\n',
    },
  },
  create(context) {
    let copies: Copied[] = [];
    let position = 0;
    /** Position of the latest RUN: a recursive change of a folder is only reported when none came after the COPY. */
    let lastRun = -1;
    return {
      stage() {
        copies = [];
        position = 0;
        lastRun = -1;
      },
      instruction(instruction, stage, onbuild) {
        if (onbuild || !layersShip(context.tree, stage)) return;
        position++;
        if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
          for (const copy of copiedPaths(context.tree, instruction, workdirAt(context.tree, stage, instruction, context.variables), context.variables)) copies.push({ instruction, path: copy.path, alternatives: copy.alternatives, position });
          return;
        }
        if (instruction.keyword !== 'RUN') return;
        const script = parseInstructionScript(context.tree, instruction);
        if (script && !script.hasErrors) {
          const effects = runEffects(script, workdirAt(context.tree, stage, instruction, context.variables), context.variables.scopeAt(instruction.start)).filter((effect) => effect.kind === 'chmod' || effect.kind === 'chown');
          for (const command of [...new Set(effects.map((effect) => effect.command))]) {
            const matches = effects.flatMap((effect): Match[] => {
              if (effect.command !== command) return [];
              const copy = latestCopyOf(copies, effect.path);
              return copy && (!effect.recursive || copy.position > lastRun) ? [{ effect, copy }] : [];
            });
            if (matches.length === 0) continue;
            const all = matches.length === effects.filter((effect) => effect.command === command).length;
            const copy = matches[0].copy.instruction;
            const fix = all ? moveToCopy(context.tree, instruction, script, command, matches, position) : undefined;
            context.report({
              span: { start: unwrapCommand(command).nameWord.start, end: commandEnd(command) },
              messageId: 'changesCopy',
              data: { command: programName(command.name), keyword: copy.keyword, line: context.lines.positionAt(copy.start).line + 1, flag: flagFor(command)!.flag },
              fixes: fix ? [fix] : [],
            });
          }
        }
        lastRun = position;
      },
    };
  },
});
